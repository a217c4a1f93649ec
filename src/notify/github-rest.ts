/**
 * One GitHub REST call with bounded, jittered retries inside a deadline, over @actions/github's Octokit, loaded
 * lazily the first time a call is made (a chunk of its own). The comment notifier's transport.
 */
import type { Logger } from '../core/events.js'
import { nodeFetch, type Env } from './http.js'
import { sleep } from '../util/time.js'

/** What an attempt ended with: an HTTP answer (any status) or no answer at all. */
export interface Failure {
  permanent: boolean
  detail: string
  status?: number
  fromGitHub?: boolean
}

export type Result<T> = { ok: true; data: T } | ({ ok: false } & Failure)

interface OctokitLike {
  request(
    route: string,
    params: Record<string, unknown>
  ): Promise<{
    status: number
    data: unknown
    headers: Record<string, unknown>
  }>
}

/** Only the error code of a network failure: Node's messages carry the host and port. */
function networkCode(err: unknown): string {
  let e = err as { code?: unknown; cause?: unknown } | undefined
  for (let i = 0; i < 4 && e; i++) {
    if (typeof e.code === 'string' && /^[A-Z0-9_]+$/.test(e.code)) return e.code
    e = e.cause as typeof e
  }
  return 'EREQUEST'
}

function apiMessage(data: unknown): string {
  let d = data
  if (typeof d === 'string') {
    try {
      d = JSON.parse(d)
    } catch {
      return ''
    }
  }
  const m = (d as { message?: unknown } | null)?.message
  return typeof m === 'string' ? m.replace(/[\r\n]+/g, ' ').slice(0, 200) : ''
}

function header(
  headers: Record<string, unknown> | undefined,
  name: string
): string | undefined {
  const v = headers?.[name]
  return v === undefined || v === null ? undefined : String(v)
}

export const formatSeconds = (ms: number): string =>
  `${(ms / 1000).toFixed(1)} s`

export interface RestCallerOptions {
  token: string
  /** REST base URL without a trailing slash. */
  base: string
  userAgent?: string
  env: Env
  repo: { owner: string; repo: string }
  attempts: number
  retryBase: number
  retryCap: number
  maxRetryAfter: number
  timeoutMs: number
  random: () => number
  logger: Logger
  /** Aborted when the notifier closes: the request in flight and any retry wait end, and no new attempt starts. */
  closing: AbortSignal
}

/** A call: `what` names it in the log; it ends by `deadline` (a Date.now() value). */
export type RestCall = <T>(
  what: string,
  route: string,
  params: Record<string, unknown>,
  deadline: number,
  beforeRetry?: () => Promise<T | undefined>,
  maxAttempts?: number
) => Promise<Result<T>>

export function restCaller(opts: RestCallerOptions): RestCall {
  const { env, base, attempts, retryBase, retryCap, maxRetryAfter } = opts
  const { timeoutMs, random, logger } = opts
  const { owner, repo } = opts.repo
  const closing = opts.closing
  let octokit: Promise<OctokitLike> | undefined

  const client = (): Promise<OctokitLike> => {
    octokit ??= import('@actions/github').then(({ getOctokit }) => {
      const silent = () => undefined
      return getOctokit(opts.token, {
        baseUrl: base,
        userAgent: opts.userAgent ?? 'identity-center-login',
        log: { debug: silent, info: silent, warn: silent, error: silent },
        request: { fetch: nodeFetch(env) }
      }) as unknown as OctokitLike
    })
    return octokit
  }

  /** One REST call with bounded, jittered retries, all of it inside `deadline` (a Date.now() value). */
  return async function call<T>(
    what: string,
    route: string,
    params: Record<string, unknown>,
    deadline: number,
    beforeRetry?: () => Promise<T | undefined>,
    maxAttempts = attempts
  ): Promise<Result<T>> {
    let gh: OctokitLike
    try {
      gh = await client()
    } catch (err) {
      return {
        ok: false,
        permanent: true,
        detail: `could not load @actions/github: ${err instanceof Error ? err.name : 'error'}`
      }
    }
    let last: Failure | undefined
    for (let attempt = 1; ; attempt++) {
      if (closing.aborted)
        return {
          ok: false,
          permanent: true,
          detail: 'abandoned when the step ended'
        }
      if (attempt > 1 && beforeRetry) {
        const found = await beforeRetry().catch(() => undefined)
        if (found !== undefined) return { ok: true, data: found }
        if (last && deadline - Date.now() < 250)
          return {
            ok: false,
            ...last,
            detail: `${last.detail}; gave up before the deadline`
          }
      }
      const left = deadline - Date.now()
      const controller = new AbortController()
      const onClose = () => controller.abort()
      closing.addEventListener('abort', onClose, { once: true })
      let timedOut = false
      const limit = Math.max(1, Math.min(timeoutMs, left))
      const timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, limit)
      let failure: Failure
      let retryAfterMs: number | undefined
      try {
        const res = await gh.request(route, {
          owner,
          repo,
          ...params,
          headers: {
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28'
          },
          request: { signal: controller.signal }
        })
        return { ok: true, data: res.data as T }
      } catch (err) {
        const response = (err as { response?: unknown } | undefined)
          ?.response as
          | {
              status?: number
              headers?: Record<string, unknown>
              data?: unknown
            }
          | undefined
        if (timedOut)
          failure = {
            permanent: false,
            detail: `timed out after ${formatSeconds(limit)}`
          }
        else if (!response || typeof response.status !== 'number')
          failure = {
            permanent: false,
            detail: `network error (${networkCode(err)})`
          }
        else {
          const status = response.status
          const msg = apiMessage(response.data)
          const retryAfter = Number(header(response.headers, 'retry-after'))
          const secondaryLimit =
            status === 429 ||
            (status === 403 &&
              (header(response.headers, 'retry-after') !== undefined ||
                /secondary rate limit|abuse/i.test(msg)))
          // GitHub (and GHES) always send x-github-request-id; a proxy or firewall refusing does not.
          const fromGitHub =
            header(response.headers, 'x-github-request-id') !== undefined
          failure = {
            permanent: !(status >= 500 || secondaryLimit),
            detail: `HTTP ${status}${msg ? `: ${msg}` : ''}`,
            status,
            fromGitHub
          }
          if (Number.isFinite(retryAfter) && retryAfter > 0)
            retryAfterMs = Math.min(retryAfter * 1000, maxRetryAfter)
        }
      } finally {
        clearTimeout(timer)
        closing.removeEventListener('abort', onClose)
      }
      if (failure.permanent) return { ok: false, ...failure }
      last = failure
      // Capped exponential backoff with jitter (half fixed, half random), never past the deadline.
      const backoff = Math.min(retryCap, retryBase * 2 ** (attempt - 1))
      const wait = Math.round(
        retryAfterMs ?? backoff / 2 + random() * (backoff / 2)
      )
      const remaining = deadline - Date.now()
      if (attempt >= maxAttempts) {
        if (maxAttempts > 1)
          logger.info(
            `GitHub ${what}: ${failure.detail} on attempt ${attempt} of ${maxAttempts}; no attempts left`
          )
        return { ok: false, ...failure }
      }
      if (remaining - wait < 250) {
        logger.info(
          `GitHub ${what}: ${failure.detail} on attempt ${attempt} of ${maxAttempts}; no time left to retry (${formatSeconds(Math.max(0, remaining))} before the deadline)`
        )
        return {
          ok: false,
          ...failure,
          detail: `${failure.detail}; gave up before the deadline`
        }
      }
      logger.info(
        `GitHub ${what}: ${failure.detail} on attempt ${attempt} of ${maxAttempts}; retrying in ${formatSeconds(wait)}`
      )
      await sleep(wait, closing).catch(() => undefined)
    }
  }
}
