/**
 * A pull request / issue comment: posted when the request starts, then edited in place
 * (new code on re-issue, outcome at the end). Never fatal: a missing permission (a fork's
 * read-only token), a bad token or an unreachable API warns once and the channel goes quiet.
 *
 * Plain REST over node:https (see http.ts) rather than Octokit: nothing extra to load at
 * startup, explicit proxy support, and two endpoints are all it needs.
 */
import type { LoginEvent, Logger, Notifier, RequestContext } from '../events.js'
import { httpRequest, NetworkError, sleep, type Env, type HttpResponse } from './http.js'
import { renderMarkdown, type MarkerKey, type StartedEvent } from './message.js'

export interface CommentOptions {
  /** A token that may write comments (GITHUB_TOKEN with `pull-requests: write`). Never logged. */
  token: string
  /** REST base URL (GHES: https://host/api/v3). Default: GITHUB_API_URL, then https://api.github.com. */
  apiUrl?: string
  repo: { owner: string; repo: string }
  /** Pull request or issue number. */
  issueNumber: number
  userAgent?: string
  now?: () => Date
  marker?: MarkerKey
  /** Proxy variables and GITHUB_API_URL (default process.env). */
  env?: Env
  /** Waits between attempts for 5xx / secondary rate limit / network errors (default 1 s, 3 s). */
  retryDelaysMs?: number[]
  /** Upper bound for a server-requested Retry-After wait (default 10 s). */
  maxRetryAfterMs?: number
  /** Per-request timeout (default 6 s, so one attempt fits the entry point's drain window). */
  timeoutMs?: number
}

const FIX =
  'the token lacks `pull-requests: write` (a pull request from a fork gets a read-only token); set `permissions: pull-requests: write` or use notify: summary'

type Outcome =
  | { ok: true; res: HttpResponse }
  | { ok: false; permanent: boolean; detail: string; status?: number; fromGitHub?: boolean }

function apiMessage(res: HttpResponse): string {
  try {
    const m = (JSON.parse(res.body) as { message?: unknown }).message
    if (typeof m === 'string') return m.replace(/[\r\n]+/g, ' ').slice(0, 200)
  } catch {
    /* not JSON */
  }
  return ''
}

function isSecondaryRateLimit(res: HttpResponse): boolean {
  if (res.status === 429) return true
  if (res.status !== 403) return false
  return res.headers['retry-after'] !== undefined || /secondary rate limit|abuse/i.test(res.body)
}

export function commentNotifier(opts: CommentOptions, ctx: RequestContext, logger: Logger): Notifier {
  const env = opts.env ?? process.env
  const now = opts.now ?? (() => new Date())
  const base = (opts.apiUrl || env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  const delays = opts.retryDelaysMs ?? [1000, 3000]
  const maxRetryAfter = opts.maxRetryAfterMs ?? 10_000
  const owner = encodeURIComponent(opts.repo.owner)
  const repo = encodeURIComponent(opts.repo.repo)
  const where = `#${opts.issueNumber}`

  let commentId: number | undefined
  let started: StartedEvent | undefined
  let quiet = false // permanent failure: stop calling the API
  let warned = false
  let finished = false
  let chain: Promise<void> = Promise.resolve()

  const warnOnce = (message: string): void => {
    if (warned) return
    warned = true
    logger.warning(message)
  }

  async function call(method: 'POST' | 'PATCH', path: string, body: string): Promise<Outcome> {
    for (let attempt = 0; ; attempt++) {
      let res: HttpResponse | undefined
      let detail: string
      try {
        res = await httpRequest({
          method,
          url: `${base}${path}`,
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${opts.token}`,
            'content-type': 'application/json',
            'user-agent': opts.userAgent ?? 'identity-center-login',
            'x-github-api-version': '2022-11-28'
          },
          body: JSON.stringify({ body }),
          timeoutMs: opts.timeoutMs ?? 6000,
          env
        })
      } catch (err) {
        detail = err instanceof NetworkError ? err.message : 'network error'
      }
      if (res) {
        if (res.status >= 200 && res.status < 300) return { ok: true, res }
        const msg = apiMessage(res)
        detail = `HTTP ${res.status}${msg ? `: ${msg}` : ''}`
        const retryable = res.status >= 500 || isSecondaryRateLimit(res)
        // GitHub (and GHES) always send x-github-request-id; a proxy or firewall refusing does not.
        const fromGitHub = res.headers['x-github-request-id'] !== undefined
        if (!retryable) return { ok: false, permanent: true, detail, status: res.status, fromGitHub }
      }
      if (attempt >= delays.length) return { ok: false, permanent: false, detail: detail! }
      const retryAfter = Number(res?.headers['retry-after'])
      const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, maxRetryAfter) : delays[attempt]
      logger.debug(`comment: ${detail!}; retrying in ${wait} ms`)
      await sleep(wait)
    }
  }

  function explain(failure: Extract<Outcome, { ok: false }>, action: string): string {
    const head = `${action} (${failure.detail})`
    if (failure.status !== undefined && failure.status < 500 && !failure.fromGitHub) {
      return `${head}: the answer did not come from GitHub (${base}); a proxy or firewall may be blocking it (check HTTPS_PROXY / NO_PROXY). Approvers must use the link in the job log.`
    }
    switch (failure.status) {
      case 403:
        return `${head}: ${FIX}. Approvers must use the link in the job log.`
      case 404:
        return `${head}: the repository or ${where} was not found, or ${FIX}. Approvers must use the link in the job log.`
      case 401:
        return `${head}: the token was not accepted; pass a valid github-token or use notify: summary. Approvers must use the link in the job log.`
      default:
        return `${head}. Approvers must use the link in the job log.`
    }
  }

  async function handle(event: LoginEvent): Promise<void> {
    if (quiet || finished || event.type === 'waiting') return
    if (event.type === 'started') {
      started = event
      const body = renderMarkdown(ctx, { started, now: now() }, opts.marker)
      if (commentId === undefined) {
        const r = await call('POST', `/repos/${owner}/${repo}/issues/${opts.issueNumber}/comments`, body)
        if (!r.ok) {
          quiet = true // nothing to edit later
          warnOnce(explain(r, `Could not post the AWS sign-in request on ${where}`))
          return
        }
        try {
          const json = JSON.parse(r.res.body) as { id?: unknown; html_url?: unknown }
          if (typeof json.id === 'number') commentId = json.id
          if (typeof json.html_url === 'string') logger.info(`Posted the approval request on ${where}: ${json.html_url}`)
        } catch {
          /* handled below */
        }
        if (commentId === undefined) {
          quiet = true
          warnOnce(`Posted the AWS sign-in request on ${where}, but GitHub's answer had no comment id; it will not be updated.`)
        }
        return
      }
      const r = await call('PATCH', `/repos/${owner}/${repo}/issues/comments/${commentId}`, body)
      if (!r.ok) {
        if (r.permanent) quiet = true
        warnOnce(explain(r, `Could not put the new code in the comment on ${where}`))
      }
      return
    }
    finished = true
    if (commentId === undefined) return // never posted: nothing to update
    const body = renderMarkdown(ctx, { started, final: event, now: now() }, opts.marker)
    const r = await call('PATCH', `/repos/${owner}/${repo}/issues/comments/${commentId}`, body)
    if (!r.ok) {
      quiet = true
      warnOnce(
        explain(r, `Could not update the comment on ${where} with the outcome (${event.type})`).replace(
          'Approvers must use the link in the job log.',
          'The comment still shows the old request; its code is no longer valid.'
        )
      )
    }
  }

  return {
    name: 'comment',
    onEvent(event: LoginEvent): Promise<void> {
      // Serialized: a final edit never overtakes the POST that creates the comment.
      chain = chain.then(() => handle(event)).catch((err) => logger.debug(`comment notifier: ${String(err)}`))
      return chain
    }
  }
}
