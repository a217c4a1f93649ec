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
export function endpointFor(
  service: ServiceKey,
  region: string,
  env: NodeJS.ProcessEnv = process.env
): URL {
  const override = env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL
  if (override) return new URL(override)
  const host = {
    SSO_OIDC: `oidc.${region}`,
    SSO: `portal.sso.${region}`,
    STS: `sts.${region}`
  }[service]
  return new URL(
    `https://${host}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`
  )
}

/** What the AWS SDK's errors carry that the code reads (the SDK declares no common type for them; each field is checked). */
interface SdkErrorFields {
  name?: string
  code?: unknown
  message?: unknown
  cause?: unknown
  $metadata?: { httpStatusCode?: number; clockSkewCorrected?: boolean }
  $retryable?: { throttling?: boolean }
  $response?: { statusCode?: number }
}

/** An error's fields as the SDK may set them, or undefined for a value that is not an object. */
function sdkFields(error: unknown): SdkErrorFields | undefined {
  return error !== null && typeof error === 'object'
    ? (error as SdkErrorFields)
    : undefined
}

interface MiddlewareClient {
  // The SDK's add() is overloaded and generic over each client's inputs and outputs: no one type fits the three clients.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  middlewareStack: { add: (mw: any, options: any) => void }
}

/** Error names the SDK's retry strategy treats as throttling or transient (@smithy/core retry: isThrottlingError, isTransientError). */
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'LimitExceededException',
  'BandwidthLimitExceeded',
  'ProvisionedThroughputExceededException',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
  'TransactionInProgressException'
])
const TRANSIENT = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException'
])
const TRANSIENT_STATUS = new Set([500, 502, 503, 504])
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN'
])

export type FaultKind =
  | 'throttled'
  | 'server error'
  | 'timeout'
  | 'connection reset'
  | 'connection refused'
  | 'network error'

/**
 * What kind of fault a failed attempt was, or undefined when the SDK's standard / adaptive retry strategy will not
 * retry it: a real answer (4xx, 501), a cancel, or an error it does not know (a TLS certificate error, say).
 * Mirrors @smithy/core's getRetryErrorType: only THROTTLING and TRANSIENT errors are retried.
 */
export function faultKind(value: unknown, depth = 0): FaultKind | undefined {
  const error = sdkFields(value)
  if (!error || error.name === 'AbortError' || isFlowSignal(error))
    return undefined
  const status: number | undefined = error.$metadata?.httpStatusCode
  if (
    status === 429 ||
    THROTTLING.has(error.name ?? '') ||
    error.$retryable?.throttling === true
  )
    return 'throttled'
  if (typeof error.code === 'string' && NETWORK_CODES.has(error.code)) {
    return error.code === 'ETIMEDOUT'
      ? 'timeout'
      : error.code === 'ECONNRESET' || error.code === 'EPIPE'
        ? 'connection reset'
        : error.code === 'ECONNREFUSED'
          ? 'connection refused'
          : 'network error'
  }
  if (TRANSIENT.has(error.name ?? '')) return 'timeout'
  if (status !== undefined && TRANSIENT_STATUS.has(status))
    return 'server error'
  if (error.$retryable !== undefined || error.$metadata?.clockSkewCorrected)
    return 'server error'
  if (
    error.code === 'ERR_HTTP2_STREAM_ERROR' &&
    String(error.message).includes('NGHTTP2_REFUSED_STREAM')
  )
    return 'network error'
  if (error.cause !== undefined && depth < 10)
    return faultKind(error.cause, depth + 1)
  return undefined
}

/**
 * "server error (InternalServerException, HTTP 500)", "connection reset (Error, ECONNRESET)": a fault the SDK retries,
 * told by its kind, name, status and network code only (the body may echo request data); undefined for anything else.
 */
export function describeFault(value: unknown): string | undefined {
  const kind = faultKind(value)
  const error = sdkFields(value)
  if (!kind || !error) return undefined
  const status =
    error?.$metadata?.httpStatusCode ?? error?.$response?.statusCode
  const code =
    typeof error?.code === 'string' && error.code !== error.name
      ? `, ${error.code}`
      : ''
  return `${kind} (${error?.name ?? 'Error'}${status ? `, HTTP ${status}` : ''}${code})`
}

/** "attempt=2; max=5" as the SDK's retry middleware stamps it on each attempt. */
function attemptOf(
  request: unknown
): { attempt: number; max: number } | undefined {
  const header = (request as { headers?: Record<string, unknown> } | undefined)
    ?.headers?.['amz-sdk-request']
  const m =
    typeof header === 'string'
      ? /attempt=(\d+);\s*max=(\d+)/.exec(header)
      : null
  return m ? { attempt: Number(m[1]), max: Number(m[2]) } : undefined
}

/**
 * Logs each failed attempt below the SDK's retry loop: which call, what went wrong, which attempt, and whether
 * it is retried. Only the error's name, status and network code: the body may echo request data.
 */
function addRetryLog(
  client: MiddlewareClient,
  service: string,
  onRetry?: (m: string) => void
): void {
  if (!onRetry) return
  client.middlewareStack.add(
    (
      next: (args: { request?: unknown }) => Promise<unknown>,
      context: { commandName?: string }
    ) =>
      async (args: { request?: unknown }) => {
        try {
          return await next(args)
        } catch (error) {
          const fault = describeFault(error)
          if (fault) {
            const operation = String(context.commandName ?? 'request').replace(
              /Command$/,
              ''
            )
            const at = attemptOf(args.request)
            const last = at !== undefined && at.attempt >= at.max
            onRetry(
              `${service} ${operation}: ${fault}` +
                (at ? ` on attempt ${at.attempt} of ${at.max}` : '') +
                (last
                  ? '; no attempts left'
                  : '; retrying with capped exponential backoff and jitter')
            )
          }
          throw error
        }
      },
    {
      step: 'deserialize',
      name: 'identityCenterLoginRetryLog',
      priority: 'high'
    }
  )
}

/** CreateToken's pending / slow_down answers are the protocol, not faults. */
function isFlowSignal(error: SdkErrorFields): boolean {
  return ['AuthorizationPendingException', 'SlowDownException'].includes(
    error.name ?? ''
  )
}

export class AwsClients {
  private oidc?: Promise<SSOOIDCClient>
  private polling?: Promise<SSOOIDCClient>
  /** One connection pool for both SSO OIDC clients. */
  private oidcHandler?: Promise<NodeHttpHandler>
  private sso?: Promise<SSOClient>
  /** One connection pool for every STS client (one client per profile's credentials). */
  private stsHandler?: Promise<NodeHttpHandler>
  private readonly env: NodeJS.ProcessEnv

  constructor(private readonly settings: ClientSettings) {
    this.env = settings.env ?? process.env
  }

  /**
   * The options every client shares: region, proxy-aware handler, bounded retries. The SSO portal and STS clients
   * serve up to PROFILE_CONCURRENCY profiles at once: 'adaptive' mode also slows the whole client down once the
   * service throttles, instead of every profile hammering it on its own backoff.
   */
  private async options(
    service: ServiceKey,
    region: string,
    handler?: Promise<NodeHttpHandler>,
    retryMode: 'standard' | 'adaptive' = 'standard'
  ) {
    return {
      region,
      requestHandler: await (handler ?? this.handler(service, region)),
      maxAttempts: this.settings.maxAttempts ?? 5,
      retryMode
    }
  }

  private handler(
    service: ServiceKey,
    region: string
  ): Promise<NodeHttpHandler> {
    return requestHandler({
      endpoint: endpointFor(service, region, this.env),
      env: this.env,
      requestTimeoutMs: this.settings.requestTimeoutMs
    })
  }

  /** SSO OIDC for RegisterClient, StartDeviceAuthorization and the refresh grant: standard retries. */
  oidcClient(): Promise<SSOOIDCClient> {
    return (this.oidc ??= this.newOidcClient(true))
  }

  /**
   * SSO OIDC for the device-code polls (CreateToken): ONE attempt per poll. A failed poll is retried by the device
   * flow itself after a longer wait (RFC 8628 §3.5), never by the SDK within milliseconds of the interval.
   */
  pollingOidcClient(): Promise<SSOOIDCClient> {
    return (this.polling ??= this.newOidcClient(false))
  }

  /** Both SSO OIDC clients share one connection pool; only the one the SDK retries logs its retries. */
  private async newOidcClient(sdkRetries: boolean): Promise<SSOOIDCClient> {
    this.oidcHandler ??= this.handler('SSO_OIDC', this.settings.ssoRegion)
    const [{ SSOOIDCClient }, options] = await Promise.all([
      import('@aws-sdk/client-sso-oidc'),
      this.options('SSO_OIDC', this.settings.ssoRegion, this.oidcHandler)
    ])
    if (!sdkRetries) return new SSOOIDCClient({ ...options, maxAttempts: 1 })
    const client = new SSOOIDCClient(options)
    addRetryLog(client, 'SSO OIDC', this.settings.onRetry)
    return client
  }

  ssoClient(): Promise<SSOClient> {
    this.sso ??= (async () => {
      const [{ SSOClient }, options] = await Promise.all([
        import('@aws-sdk/client-sso'),
        this.options('SSO', this.settings.ssoRegion, undefined, 'adaptive')
      ])
      const client = new SSOClient(options)
      addRetryLog(client, 'SSO', this.settings.onRetry)
      return client
    })()
    return this.sso
  }

  /** An STS client signing with the given role credentials (never the ambient credential chain). */
  async stsClient(credentials: {
    accessKeyId: string
    secretAccessKey: string
    sessionToken: string
  }): Promise<STSClient> {
    this.stsHandler ??= this.handler('STS', this.settings.region)
    const [{ STSClient }, options] = await Promise.all([
      import('@aws-sdk/client-sts'),
      this.options('STS', this.settings.region, this.stsHandler, 'adaptive')
    ])
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
    void this.oidc?.then(
      (c) => c.destroy(),
      () => undefined
    )
    void this.polling?.then(
      (c) => c.destroy(),
      () => undefined
    )
    void this.oidcHandler?.then(
      (h) => h.destroy(),
      () => undefined
    )
    void this.sso?.then(
      (c) => c.destroy(),
      () => undefined
    )
    void this.stsHandler?.then(
      (h) => h.destroy(),
      () => undefined
    )
  }
}
