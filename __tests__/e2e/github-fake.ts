/**
 * A local fake of the GitHub REST endpoints the comment channel uses, and of a chat webhook receiver,
 * for the end-to-end tests of the bundled action (the child process reaches them through GITHUB_API_URL
 * and the webhook-url input). Built on the throwaway server of the notify unit tests.
 *
 *   POST  /repos/{owner}/{repo}/issues/{number}/comments   create a comment   → 201 {id, html_url, body}
 *   PATCH /repos/{owner}/{repo}/issues/comments/{id}        edit a comment     → 200 {id, html_url, body}
 *   GET   /repos/{owner}/{repo}/issues/{number}/comments    list (since=)      → 200 [{id, html_url, body}]
 *
 * Every request is recorded (method, path, body, headers, time). `forbid` makes a method answer as GitHub
 * does for a fork's read-only token: 403 "Resource not accessible by integration", with x-github-request-id.
 */
import { cpSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { json, startServer, type SeenRequest } from '../notify/helpers.js'
import { assertDistIsFresh, DIST } from './runner.js'

const DIST_DIR = path.dirname(DIST)

export interface CommentVersion {
  /** The Markdown body as posted or edited. */
  body: string
  method: 'POST' | 'PATCH'
  at: number
}

export interface FakeComment {
  id: number
  owner: string
  repo: string
  issueNumber: number
  /** Every version, oldest first; the last is what GitHub would show. */
  versions: CommentVersion[]
  readonly body: string
}

export interface ApiCall {
  method: string
  path: string
  /** The `body` field of the JSON request (undefined if the request was not JSON). */
  body?: string
  authorization?: string
  status: number
  at: number
}

export interface FakeGitHub {
  /** GITHUB_API_URL for the child. */
  url: string
  calls: ApiCall[]
  comments: FakeComment[]
  /** Answer this method with the fork's 403 from now on. */
  forbid(method: 'POST' | 'PATCH'): void
  /** Never answer this method from now on (a hung API); the request is recorded with status 0. */
  hang(method: 'POST' | 'PATCH'): void
  /** Resolves with the first comment that satisfies `pred` (polls the recorded state). */
  waitForComment(
    pred?: (c: FakeComment) => boolean,
    timeoutMs?: number
  ): Promise<FakeComment>
  /** Resolves when `n` calls have been answered. */
  waitForCalls(n: number, timeoutMs?: number): Promise<ApiCall[]>
  close(): Promise<void>
}

export const FORK_403 = {
  message: 'Resource not accessible by integration',
  documentation_url:
    'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  status: '403'
}

async function until<T>(
  what: string,
  get: () => T | undefined,
  timeoutMs: number
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = get()
    if (v !== undefined) return v
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

function bodyField(req: SeenRequest): string | undefined {
  try {
    const b = (JSON.parse(req.body) as { body?: unknown }).body
    return typeof b === 'string' ? b : undefined
  } catch {
    return undefined
  }
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const calls: ApiCall[] = []
  const comments: FakeComment[] = []
  const forbidden = new Set<string>()
  const hung = new Set<string>()
  let nextId = 9_000_001

  const server = await startServer((req, res) => {
    const url = new URL(req.url, 'http://fake')
    // GitHub Enterprise Server serves the same API under /api/v3
    const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '')
    const body = bodyField(req)
    const answer = (status: number, payload: unknown) => {
      calls.push({
        method: req.method,
        path,
        body,
        authorization: req.headers.authorization,
        status,
        at: Date.now()
      })
      json(res, status, payload, {
        'x-github-request-id': `FAKE:${calls.length}`,
        'x-github-api-version-selected': '2022-11-28'
      })
    }
    // Octokit sends `token <t>`; GitHub accepts `Bearer <t>` too
    if (!/^(Bearer|token) \S+$/.test(req.headers.authorization ?? ''))
      return answer(401, { message: 'Requires authentication' })
    if (forbidden.has(req.method)) return answer(403, FORK_403)
    if (hung.has(req.method)) {
      calls.push({
        method: req.method,
        path,
        body,
        authorization: req.headers.authorization,
        status: 0,
        at: Date.now()
      })
      return
    }
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(
      path
    )
    if (req.method === 'GET' && list) {
      const [, owner, repo, n] = list
      const since = url.searchParams.get('since')
      const found = comments.filter(
        (c) =>
          c.owner === owner &&
          c.repo === repo &&
          c.issueNumber === Number(n) &&
          (!since || c.versions[0].at >= Date.parse(since))
      )
      return answer(
        200,
        found.map((c) => ({
          id: c.id,
          body: c.body,
          html_url: `https://github.com/${owner}/${repo}/pull/${n}#issuecomment-${c.id}`
        }))
      )
    }

    const create = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(
      path
    )
    if (req.method === 'POST' && create) {
      if (body === undefined)
        return answer(422, { message: 'Invalid request.' })
      const [, owner, repo, n] = create
      const id = nextId++
      const comment: FakeComment = {
        id,
        owner: decodeURIComponent(owner),
        repo: decodeURIComponent(repo),
        issueNumber: Number(n),
        versions: [{ body, method: 'POST', at: Date.now() }],
        get body() {
          return this.versions[this.versions.length - 1].body
        }
      }
      comments.push(comment)
      return answer(201, {
        id,
        html_url: `https://github.com/${owner}/${repo}/pull/${n}#issuecomment-${id}`,
        body
      })
    }
    const edit = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(
      path
    )
    if (req.method === 'PATCH' && edit) {
      const comment = comments.find(
        (c) =>
          c.id === Number(edit[3]) && c.owner === edit[1] && c.repo === edit[2]
      )
      if (!comment) return answer(404, { message: 'Not Found' })
      if (body === undefined)
        return answer(422, { message: 'Invalid request.' })
      comment.versions.push({ body, method: 'PATCH', at: Date.now() })
      return answer(200, {
        id: comment.id,
        html_url: `https://github.com/${comment.owner}/${comment.repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
        body
      })
    }
    return answer(404, { message: 'Not Found' })
  })

  return {
    url: server.url,
    calls,
    comments,
    forbid: (method) => void forbidden.add(method),
    hang: (method) => void hung.add(method),
    waitForComment: (pred = () => true, timeoutMs = 15_000) =>
      until('a comment', () => comments.find(pred), timeoutMs),
    waitForCalls: (n, timeoutMs = 15_000) =>
      until(
        `${n} GitHub API calls`,
        () => (calls.length >= n ? calls : undefined),
        timeoutMs
      ),
    close: server.close
  }
}

export interface WebhookMessage {
  path: string
  contentType?: string
  /** The parsed JSON payload. */
  payload: unknown
  at: number
}

export interface FakeWebhook {
  /** The full URL (with the path) to give as webhook-url. */
  url: string
  port: number
  messages: WebhookMessage[]
  waitForMessages(n: number, timeoutMs?: number): Promise<WebhookMessage[]>
  close(): Promise<void>
}

/** A chat incoming-webhook receiver: answers 200 "ok" like Slack, records every POST. */
export async function startFakeWebhook(path = '/hook'): Promise<FakeWebhook> {
  const messages: WebhookMessage[] = []
  const server = await startServer((req, res) => {
    let payload: unknown
    try {
      payload = JSON.parse(req.body)
    } catch {
      payload = undefined
    }
    messages.push({
      path: req.url,
      contentType: req.headers['content-type'],
      payload,
      at: Date.now()
    })
    res.writeHead(req.method === 'POST' && req.url === path ? 200 : 404, {
      'content-type': 'text/plain'
    })
    res.end('ok')
  })
  return {
    url: `${server.url}${path}`,
    port: Number(new URL(server.url).port),
    messages,
    waitForMessages: (n, timeoutMs = 15_000) =>
      until(
        `${n} webhook messages`,
        () => (messages.length >= n ? messages : undefined),
        timeoutMs
      ),
    close: server.close
  }
}

/** The approval link of a comment body: the target of its "Approve in AWS IAM Identity Center" Markdown link (opaque). */
export function approvalLinkOf(markdown: string): string | undefined {
  const m =
    /\[[^\]]*Approve in AWS IAM Identity Center\]\((https?:\/\/[^)\s]+)\)/.exec(
      markdown
    )
  return m?.[1]
}

/** The user code as a comment body shows it on its own (the bold code span), never taken from the link. */
export function userCodeInComment(markdown: string): string | undefined {
  return /the code is \*\*`([A-Z0-9]{4}-[A-Z0-9]{4})`\*\*/.exec(markdown)?.[1]
}

/**
 * A private copy of the bundled action (dist/ with its chunks and package.json), so that a `npm run build`
 * running at the same time (it empties dist/ first) cannot pull the bundle away mid-test. Waits for a dist/
 * that has index.js and has not changed for half a second, copies it, and returns the copy's index.js.
 */
export async function snapshotDist(timeoutMs = 60_000): Promise<string> {
  assertDistIsFresh()
  const listing = () => {
    try {
      return readdirSync(DIST_DIR)
        .sort()
        .map(
          (f) =>
            `${f}:${statSync(path.join(DIST_DIR, f)).size}:${statSync(path.join(DIST_DIR, f)).mtimeMs}`
        )
        .join('|')
    } catch {
      return ''
    }
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const before = listing()
    await new Promise((r) => setTimeout(r, 500))
    if (before !== '' && before.includes('index.js:') && listing() === before) {
      const copy = path.join(
        mkdtempSync(path.join(tmpdir(), 'icl-dist-')),
        'dist'
      )
      try {
        cpSync(DIST_DIR, copy, { recursive: true })
        if (listing() === before) return path.join(copy, 'index.js')
      } catch {
        /* changed while copying: try again */
      }
    }
    if (Date.now() > deadline)
      throw new Error(
        `no stable ${DIST_DIR} within ${timeoutMs} ms (run npm run build)`
      )
  }
}
