/**
 * HTTP plumbing shared by the AWS clients: proxy from the environment, timeouts that really end a request,
 * and a process-wide switch that aborts every AWS request in flight when the step is cancelled.
 * NODE_EXTRA_CA_CERTS is honoured by Node itself for every TLS connection, the proxy tunnel included.
 */
import type { NodeHttpHandler } from '@smithy/node-http-handler'
import type { Agent } from 'node:http'
import { proxyFor } from '../util/proxy.js'

/** An http.Agent that tunnels through `proxy`; https-proxy-agent is loaded only when a proxy is in use. */
export async function proxyAgent(proxy: string): Promise<Agent> {
  const { HttpsProxyAgent } = await import('https-proxy-agent')
  return new HttpsProxyAgent(proxy) as unknown as Agent
}

export interface HandlerOptions {
  /** The URL the client will talk to (endpoint override or the regional default), to decide on the proxy. */
  endpoint: URL
  /** Overrides IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS and the default. */
  requestTimeoutMs?: number
  env?: NodeJS.ProcessEnv
}

/** How long one AWS request may take (each retried attempt gets its own budget). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000
const MAX_REQUEST_TIMEOUT_MS = 300_000
/** Connecting gets at most this long, and never more than the request budget. */
const CONNECTION_TIMEOUT_MS = 5_000

/**
 * The per-attempt request timeout: IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS (whole milliseconds, 100 to 300000)
 * when set, else 15 s. A knob for slow proxies and for tests; an unusable value is ignored.
 */
export function requestTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS?.trim()
  if (!raw || !/^[0-9]+$/.test(raw)) return DEFAULT_REQUEST_TIMEOUT_MS
  const ms = Number(raw)
  return ms >= 100 && ms <= MAX_REQUEST_TIMEOUT_MS
    ? ms
    : DEFAULT_REQUEST_TIMEOUT_MS
}

/**
 * Aborted by {@link cancelAwsRequests}: the AWS requests in flight at that moment fail at once with an AbortError
 * (which the SDK does not retry). Requests started afterwards get a fresh controller, so the cleanup that follows
 * a cancel (SSO Logout of a token already obtained) still goes out.
 */
let inFlight = new AbortController()

/** The step is being cancelled: end the AWS requests in flight now instead of waiting for their timeouts and retries. */
export function cancelAwsRequests(reason = 'cancelled'): void {
  const current = inFlight
  inFlight = new AbortController()
  current.abort(reason)
}

type HandleArgs = Parameters<NodeHttpHandler['handle']>

/**
 * NodeHttpHandler whose requests also end when {@link cancelAwsRequests} is called while they run. Defined on first
 * use: the handler package (and node:http2 with it) is not loaded before our own code starts.
 */
let cancellableHandler: Promise<typeof NodeHttpHandler> | undefined
function cancellableHandlerClass(): Promise<typeof NodeHttpHandler> {
  cancellableHandler ??= import('@smithy/node-http-handler').then(
    ({ NodeHttpHandler }) =>
      class CancellableHttpHandler extends NodeHttpHandler {
        override handle(
          request: HandleArgs[0],
          options: HandleArgs[1] = {}
        ): ReturnType<NodeHttpHandler['handle']> {
          const own = options?.abortSignal as AbortSignal | undefined
          const abortSignal = own
            ? AbortSignal.any([own, inFlight.signal])
            : inFlight.signal
          return super.handle(request, { ...options, abortSignal })
        }
      }
  )
  return cancellableHandler
}

export async function requestHandler(
  options: HandlerOptions
): Promise<NodeHttpHandler> {
  const proxy = proxyFor(options.endpoint, options.env)
  const [Handler, agent] = await Promise.all([
    cancellableHandlerClass(),
    proxy ? proxyAgent(proxy) : undefined
  ])
  const timeout = options.requestTimeoutMs ?? requestTimeoutMs(options.env)
  return new Handler({
    connectionTimeout: Math.min(CONNECTION_TIMEOUT_MS, timeout),
    requestTimeout: timeout,
    // Without this the handler only logs a warning and the request hangs on (the emulator's 'timeout' fault showed it).
    throwOnRequestTimeout: true,
    ...(agent ? { httpsAgent: agent, httpAgent: agent } : {})
  })
}
