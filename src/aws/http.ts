/**
 * HTTP plumbing shared by the AWS clients: proxy from the environment, timeouts, and a log line per retried attempt.
 * NODE_EXTRA_CA_CERTS is honoured by Node itself for every TLS connection, the proxy tunnel included.
 */
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { Agent } from 'node:http'
import { proxyFor } from '../proxy.js'

/** An http.Agent that tunnels through `proxy`; https-proxy-agent is loaded only when a proxy is in use. */
export async function proxyAgent(proxy: string): Promise<Agent> {
  const { HttpsProxyAgent } = await import('https-proxy-agent')
  return new HttpsProxyAgent(proxy) as unknown as Agent
}

export interface HandlerOptions {
  /** The URL the client will talk to (endpoint override or the regional default), to decide on the proxy. */
  endpoint: URL
  requestTimeoutMs?: number
  env?: NodeJS.ProcessEnv
}

export async function requestHandler(options: HandlerOptions): Promise<NodeHttpHandler> {
  const proxy = proxyFor(options.endpoint, options.env)
  const agent = proxy ? await proxyAgent(proxy) : undefined
  return new NodeHttpHandler({
    connectionTimeout: 5_000,
    requestTimeout: options.requestTimeoutMs ?? 15_000,
    ...(agent ? { httpsAgent: agent, httpAgent: agent } : {})
  })
}
