/**
 * A pull request / issue comment: posted when the request starts, then edited in place
 * (new code on re-issue, outcome at the end). Never fatal: a missing permission (a fork's
 * read-only token), a bad token or an unreachable API warns and the channel goes quiet.
 *
 * The REST calls go through `@actions/github` (Octokit with its REST plugins). It is imported lazily, the
 * first time a comment is actually posted, so it costs nothing before the approver's link is printed and
 * nothing at all when notify has no comment (ncc puts it in a chunk of its own). Its requests travel over
 * http.ts's nodeFetch, the transport of the webhook too (HTTPS_PROXY / NO_PROXY, the CAs of
 * NODE_EXTRA_CA_CERTS), rather than its default undici fetch: measured, that saves ~27 MB of peak memory
 * per run (bench: 107.8 → 80.5 MB for a run that posts and edits the comment).
 */
import type {
  FinalEvent,
  LoginEvent,
  Logger,
  Notifier,
  RequestContext
} from '../core/events.js'
import type { Env } from './http.js'
import { restCaller, type Failure, type Result } from './github-rest.js'
import { commentMarker, renderMarkdown } from './render/markdown.js'
import { type MarkerKey, type StartedEvent } from './render/types.js'

export interface CommentOptions {
  /** A token that may write comments (GITHUB_TOKEN with `pull-requests: write` / `issues: write`). Never logged. */
  token: string
  /** REST base URL (GHES: https://host/api/v3). Default: GITHUB_API_URL, then https://api.github.com. */
  apiUrl?: string
  repo: { owner: string; repo: string }
  /** Pull request or issue number. */
  issueNumber: number
  /** What `issueNumber` is, for the permission a 403/404 names (undefined: not known, both are named). */
  target?: 'pull-request' | 'issue'
  userAgent?: string
  now?: () => Date
  marker?: MarkerKey
  /** GITHUB_API_URL and the proxy variables (default process.env). */
  env?: Env
  /** Attempts per call for 5xx / secondary rate limit / network errors / timeouts (default 3). */
  attempts?: number
  /** First backoff wait (default 1 s), doubled per attempt up to `retryCapMs` (default 4 s), with jitter. */
  retryBaseMs?: number
  retryCapMs?: number
  /** Upper bound for a server-requested Retry-After wait (default 10 s). */
  maxRetryAfterMs?: number
  /** Per-request timeout (default 6 s). */
  timeoutMs?: number
  /**
   * Total time one event may take, all attempts and waits included, so that it ends inside the entry point's
   * drain window (main waits 8 s at the end, 3 s on cancel). Default: 10 s for the first post and a new code,
   * 7 s for the final edit, 2.5 s for the "cancelled" edit.
   */
  deadlineMs?: Partial<Record<'started' | 'final' | 'cancelled', number>>
  /** Randomness for the jitter (default Math.random). */
  random?: () => number
}

const DEFAULT_DEADLINES = { started: 10_000, final: 7_000, cancelled: 2_500 }

export function commentNotifier(
  opts: CommentOptions,
  ctx: RequestContext,
  logger: Logger
): Notifier {
  const env = opts.env ?? process.env
  const now = opts.now ?? (() => new Date())
  const base = (
    opts.apiUrl ||
    env.GITHUB_API_URL ||
    'https://api.github.com'
  ).replace(/\/+$/, '')
  const timeoutMs = opts.timeoutMs ?? 6000
  const deadlines = { ...DEFAULT_DEADLINES, ...(opts.deadlineMs ?? {}) }
  const issue_number = opts.issueNumber
  const where = `#${opts.issueNumber}`
  const marker = commentMarker(ctx, opts.marker)
  /** What a 403/404 most likely means, naming the permission this kind of target needs. */
  const fix =
    opts.target === 'pull-request'
      ? 'the token lacks `pull-requests: write` (a pull request from a fork gets a read-only token); set `permissions: pull-requests: write` or use notify: summary'
      : opts.target === 'issue'
        ? 'the token lacks `issues: write`; set `permissions: issues: write` or use notify: summary'
        : 'the token lacks `pull-requests: write` (for a pull request; one from a fork gets a read-only token) or `issues: write` (for an issue); set that permission or use notify: summary'

  let commentId: number | undefined
  let started: StartedEvent | undefined
  let quiet = false // permanent failure: stop calling the API
  let warnedTransient = false // a failure while the request is open (post, new code); the final edit always warns
  let finished = false
  let pending = 0
  let chain: Promise<void> = Promise.resolve()
  /** Aborted by close(): the request in flight and any retry wait end, and no new attempt starts. */
  const closing = new AbortController()
  const call = restCaller({
    token: opts.token,
    base,
    userAgent: opts.userAgent,
    env,
    repo: opts.repo,
    attempts: Math.max(1, opts.attempts ?? 3),
    retryBase: opts.retryBaseMs ?? 1000,
    retryCap: opts.retryCapMs ?? 4000,
    maxRetryAfter: opts.maxRetryAfterMs ?? 10_000,
    timeoutMs,
    random: opts.random ?? Math.random,
    logger,
    closing: closing.signal
  })

  function explain(
    failure: Failure,
    action: string,
    tail = 'Approvers must use the link in the job log.'
  ): string {
    const head = `${action} (${failure.detail})`
    if (
      failure.status !== undefined &&
      failure.status < 500 &&
      !failure.fromGitHub
    ) {
      return `${head}: the answer did not come from GitHub (${base}); a proxy or firewall may be blocking it (check HTTPS_PROXY / NO_PROXY). ${tail}`
    }
    switch (failure.status) {
      case 403:
        return `${head}: ${fix}. ${tail}`
      case 404:
        return `${head}: the repository or ${where} was not found, or ${fix}. ${tail}`
      case 401:
        return `${head}: the token was not accepted; pass a valid github-token or use notify: summary. ${tail}`
      default:
        return `${head}. ${tail}`
    }
  }

  /** After a POST that may have reached GitHub (timeout, 5xx): the comment it created, if any. */
  function findPosted(
    body: string,
    since: Date,
    userCode: string,
    deadline: number
  ): () => Promise<{ id: number; html_url?: string } | undefined> {
    return async () => {
      const r = await call<
        { id?: unknown; body?: unknown; html_url?: unknown }[]
      >(
        'list comments',
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        {
          issue_number,
          since: new Date(since.getTime() - 60_000).toISOString(),
          per_page: 100
        },
        Math.min(deadline, Date.now() + Math.min(timeoutMs, 3000)),
        undefined,
        1
      )
      if (!r.ok || !Array.isArray(r.data)) return undefined
      const mine = r.data.filter(
        (c) =>
          typeof c.id === 'number' &&
          typeof c.body === 'string' &&
          (c.body === body ||
            (c.body.startsWith(marker) && c.body.includes(userCode)))
      )
      const last = mine[mine.length - 1]
      if (!last) return undefined
      logger.info(
        `GitHub create comment: the earlier attempt did create the comment on ${where}; using it rather than posting a duplicate`
      )
      return {
        id: last.id as number,
        html_url: typeof last.html_url === 'string' ? last.html_url : undefined
      }
    }
  }

  async function post(event: StartedEvent): Promise<void> {
    const body = renderMarkdown(
      ctx,
      { started: event, now: now() },
      opts.marker
    )
    const deadline = Date.now() + deadlines.started
    const since = new Date()
    const r = await call<{ id?: unknown; html_url?: unknown }>(
      'create comment',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      { issue_number, body },
      deadline,
      findPosted(body, since, event.userCode, deadline)
    )
    if (!r.ok) {
      quiet = true // nothing to edit later
      warnedTransient = true
      logger.warning(
        explain(r, `Could not post the AWS sign-in request on ${where}`)
      )
      return
    }
    if (typeof r.data?.id === 'number') commentId = r.data.id
    if (typeof r.data?.html_url === 'string')
      logger.info(`Posted the approval request on ${where}: ${r.data.html_url}`)
    if (commentId === undefined) {
      quiet = true
      warnedTransient = true
      logger.warning(
        `Posted the AWS sign-in request on ${where}, but GitHub's answer had no comment id; it will not be updated.`
      )
    }
  }

  async function edit(
    body: string,
    deadline: number
  ): Promise<Result<unknown>> {
    return call(
      'update comment',
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      { comment_id: commentId, body },
      deadline
    )
  }

  async function handle(event: LoginEvent): Promise<void> {
    if (quiet || finished || event.type === 'waiting') return
    if (event.type === 'started') {
      started = event
      if (commentId === undefined) return post(event)
      const r = await edit(
        renderMarkdown(ctx, { started, now: now() }, opts.marker),
        Date.now() + deadlines.started
      )
      if (!r.ok) {
        if (r.permanent) quiet = true
        if (!warnedTransient) {
          warnedTransient = true
          logger.warning(
            explain(r, `Could not put the new code in the comment on ${where}`)
          )
        }
      }
      return
    }
    finished = true
    if (commentId === undefined) return // never posted: nothing to update
    await final(event)
  }

  async function final(event: FinalEvent): Promise<void> {
    const body = renderMarkdown(
      ctx,
      { started, final: event, now: now() },
      opts.marker
    )
    const r = await edit(
      body,
      Date.now() +
        (event.type === 'cancelled' ? deadlines.cancelled : deadlines.final)
    )
    if (!r.ok) {
      quiet = true
      logger.warning(
        explain(
          r,
          `Could not update the comment on ${where} with the outcome (${event.type})`,
          'The comment still shows the old request; its code is no longer valid.'
        )
      )
    }
  }

  return {
    name: 'comment',
    onEvent(event: LoginEvent): Promise<void> {
      // Serialized: a final edit never overtakes the POST that creates the comment.
      pending++
      chain = chain
        .then(() => handle(event))
        .catch((err) =>
          logger.debug(
            `comment notifier: ${err instanceof Error ? err.name : 'error'}`
          )
        )
        .finally(() => void pending--)
      return chain
    },
    unfinished(): string | undefined {
      if (pending === 0) return undefined
      return commentId === undefined
        ? `the comment on ${where} may not have been posted, or may still show the old request`
        : `the comment on ${where} may still show the old request`
    },
    close(): void {
      closing.abort()
    }
  }
}
