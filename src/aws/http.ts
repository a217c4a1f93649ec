/**
 * HTTP plumbing shared by the AWS clients: proxy from the environment, timeouts, and a log line per retried attempt.
 * NODE_EXTRA_CA_CERTS is honoured by Node itself for every TLS connection, the proxy tunnel included.
 */
import { NodeHttpHandler } from '@smithy/node-http-handler'
import type { Agent } from 'node:http'

/** The proxy URL that applies to `target`, following the curl conventions for HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v !== undefined && v !== '')
  const proxy = target.protocol === 'https:' ? pick('https_proxy', 'HTTPS_PROXY') : pick('http_proxy', 'HTTP_PROXY')
  if (!proxy) return undefined
  const noProxy = pick('no_proxy', 'NO_PROXY')
  if (noProxy && bypasses(target, noProxy)) return undefined
  return proxy
}

function bypasses(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  return noProxy
    .split(/[,\s]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true
      const [name, entryPort] = entry.toLowerCase().split(/:(?=\d+$)/)
      if (entryPort && entryPort !== port) return false
      const bare = name.replace(/^\*?\./, '')
      return host === bare || host.endsWith(`.${bare}`)
    })
}

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
