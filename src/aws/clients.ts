/**
 * The three AWS SDK clients, configured once: region, proxy-aware handler, bounded retries that say what they retry.
 * Endpoint overrides (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_SSO_OIDC / _SSO / _STS) are honoured by the SDK itself;
 * the same variables are read here only to decide whether a proxy applies.
 * Each client package is imported when first needed, so the time to the approver's link pays only for SSO OIDC.
 */
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc'
import type { SSOClient } from '@aws-sdk/client-sso'
import type { STSClient } from '@aws-sdk/client-sts'
import type { NodeHttpHandler } from '@smithy/node-http-handler'
import { requestHandler } from './http.js'

export interface ClientSettings {
  ssoRegion: string
  /** Region of the STS call (the client region of the job). */
  region: string
  /** Called once per failed attempt that the SDK may retry. */
  onRetry?: (message: string) => void
  env?: NodeJS.ProcessEnv
  maxAttempts?: number
  /** Per-attempt request timeout; default IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS or 15 s (see http.ts). */
  requestTimeoutMs?: number
}

type ServiceKey = 'SSO_OIDC' | 'SSO' | 'STS'

/** The URL a client will talk to: the service-specific override, the global override, or AWS's regional endpoint. */
export function endpointFor(service: ServiceKey, region: string, env: NodeJS.ProcessEnv = process.env): URL {
  const override = env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL
  if (override) return new URL(override)
  const host = { SSO_OIDC: `oidc.${region}`, SSO: `portal.sso.${region}`, STS: `sts.${region}` }[service]
  return new URL(`https://${host}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`)
}

interface MiddlewareClient {
  middlewareStack: { add: (mw: any, options: any) => void }
}

/** Error names the SDK's standard retry strategy treats as throttling or transient (a subset of @smithy's lists). */
const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException', 'SlowDown', 'LimitExceededException', 'BandwidthLimitExceeded', 'ProvisionedThroughputExceededException', 'PriorRequestNotComplete', 'EC2ThrottledException', 'TransactionInProgressException'])
const TRANSIENT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException'])
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])

/** What kind of fault a failed attempt was, or undefined when the SDK will not retry it (a real answer, or a cancel). */
export function faultKind(error: any): 'throttled' | 'server error' | 'timeout' | 'connection reset' | 'connection refused' | 'network error' | undefined {
  if (!error || error.name === 'AbortError' || isFlowSignal(error)) return undefined
  const status: number | undefined = error.$metadata?.httpStatusCode ?? error.$response?.statusCode
  if (status === 429 || THROTTLING.has(error.name) || error.$retryable?.throttling) return 'throttled'
  if (typeof error.code === 'string' && NETWORK_CODES.has(error.code)) {
    return error.code === 'ETIMEDOUT' ? 'timeout' : error.code === 'ECONNRESET' || error.code === 'EPIPE' ? 'connection reset' : error.code === 'ECONNREFUSED' ? 'connection refused' : 'network error'
  }
  if (TRANSIENT.has(error.name)) return 'timeout'
  if (status !== undefined && status >= 500 && status < 600) return 'server error'
  if (error.$retryable) return 'server error'
  if (status === undefined && !error.$fault) return 'network error'
  return undefined
}

/** "attempt=2; max=5" as the SDK's retry middleware stamps it on each attempt. */
function attemptOf(request: any): { attempt: number; max: number } | undefined {
  const header = request?.headers?.['amz-sdk-request']
  const m = typeof header === 'string' ? /attempt=(\d+);\s*max=(\d+)/.exec(header) : null
  return m ? { attempt: Number(m[1]), max: Number(m[2]) } : undefined
}

/**
 * Logs each failed attempt below the SDK's retry loop: which call, what went wrong, which attempt, and whether
 * it is retried. Only the error's name, status and network code: the body may echo request data.
 */
function addRetryLog(client: MiddlewareClient, service: string, onRetry?: (m: string) => void): void {
  if (!onRetry) return
  client.middlewareStack.add(
    (next: any, context: any) => async (args: any) => {
      try {
        return await next(args)
      } catch (error: any) {
        const kind = faultKind(error)
        if (kind) {
          const status = error?.$metadata?.httpStatusCode ?? error?.$response?.statusCode
          const operation = String(context.commandName ?? 'request').replace(/Command$/, '')
          const code = typeof error?.code === 'string' && error.code !== error.name ? `, ${error.code}` : ''
          const at = attemptOf(args.request)
          const last = at !== undefined && at.attempt >= at.max
          onRetry(
            `${service} ${operation}: ${kind} (${error?.name ?? 'Error'}${status ? `, HTTP ${status}` : ''}${code})` +
              (at ? ` on attempt ${at.attempt} of ${at.max}` : '') +
              (last ? '; no attempts left' : '; retrying with capped exponential backoff and jitter')
          )
        }
        throw error
      }
    },
    { step: 'deserialize', name: 'identityCenterLoginRetryLog', priority: 'high' }
  )
}

/** CreateToken's pending / slow_down answers are the protocol, not faults. */
function isFlowSignal(error: any): boolean {
  return ['AuthorizationPendingException', 'SlowDownException'].includes(error?.name)
}

export class AwsClients {
  private oidc?: Promise<SSOOIDCClient>
  private sso?: Promise<SSOClient>
  /** One connection pool for every STS client (one client per profile's credentials). */
  private stsHandler?: Promise<NodeHttpHandler>
  private readonly env: NodeJS.ProcessEnv

  constructor(private readonly settings: ClientSettings) {
    this.env = settings.env ?? process.env
  }

  /** The options every client shares: region, proxy-aware handler, bounded standard retries. */
  private async options(service: ServiceKey, region: string, handler?: Promise<NodeHttpHandler>) {
    return {
      region,
      requestHandler: await (handler ?? requestHandler({ endpoint: endpointFor(service, region, this.env), env: this.env, requestTimeoutMs: this.settings.requestTimeoutMs })),
      maxAttempts: this.settings.maxAttempts ?? 5,
      retryMode: 'standard' as const
    }
  }

  oidcClient(): Promise<SSOOIDCClient> {
    this.oidc ??= (async () => {
      const [{ SSOOIDCClient }, options] = await Promise.all([import('@aws-sdk/client-sso-oidc'), this.options('SSO_OIDC', this.settings.ssoRegion)])
      const client = new SSOOIDCClient(options)
      addRetryLog(client, 'SSO OIDC', this.settings.onRetry)
      return client
    })()
    return this.oidc
  }

  ssoClient(): Promise<SSOClient> {
    this.sso ??= (async () => {
      const [{ SSOClient }, options] = await Promise.all([import('@aws-sdk/client-sso'), this.options('SSO', this.settings.ssoRegion)])
      const client = new SSOClient(options)
      addRetryLog(client, 'SSO', this.settings.onRetry)
      return client
    })()
    return this.sso
  }

  /** An STS client signing with the given role credentials (never the ambient credential chain). */
  async stsClient(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }): Promise<STSClient> {
    this.stsHandler ??= requestHandler({ endpoint: endpointFor('STS', this.settings.region, this.env), env: this.env, requestTimeoutMs: this.settings.requestTimeoutMs })
    const [{ STSClient }, options] = await Promise.all([import('@aws-sdk/client-sts'), this.options('STS', this.settings.region, this.stsHandler)])
    const client = new STSClient({ ...options, credentials })
    addRetryLog(client, 'STS', this.settings.onRetry)
    return client
  }

  /** Loads what comes after the approval (SSO portal and STS clients) while the approver is still clicking. */
  prepareForApproval(): void {
    void this.ssoClient().catch(() => undefined)
    void import('@aws-sdk/client-sts').catch(() => undefined)
  }

  destroy(): void {
    void this.oidc?.then((c) => c.destroy(), () => undefined)
    void this.sso?.then((c) => c.destroy(), () => undefined)
    void this.stsHandler?.then((h) => h.destroy(), () => undefined)
  }
}
