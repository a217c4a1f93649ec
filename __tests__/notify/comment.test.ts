import type * as http from 'node:http'
import { commentNotifier, type CommentOptions } from '../../src/notify/comment.js'
import { broadcast } from '../../src/notify/index.js'
import { T0, ctx, deadUrl, finals, json, recordingLogger, startServer, started, type SeenRequest } from './helpers.js'

const TOKEN = 'ghs_secretTokenValue123'

/** A fake GitHub REST API: create / update issue comment, with scripted failures. */
async function fakeGitHub(opts: { prefix?: string; script?: (req: SeenRequest, n: number) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined; delayMs?: number } = {}) {
  const comments = new Map<number, string>()
  let nextId = 1000
  let n = 0
  const prefix = opts.prefix ?? ''
  const server = await startServer(async (req, res: http.ServerResponse) => {
    n++
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs))
    const scripted = opts.script?.(req, n)
    res.setHeader('x-github-request-id', `0000:${n}`)
    if (scripted) return json(res, scripted.status, scripted.body ?? {}, scripted.headers)
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(res, 401, { message: 'Bad credentials' })
    const create = new RegExp(`^${prefix}/repos/acme/infra/issues/12/comments$`)
    const update = new RegExp(`^${prefix}/repos/acme/infra/issues/comments/(\\d+)$`)
    if (req.method === 'POST' && create.test(req.url)) {
      const id = nextId++
      comments.set(id, (JSON.parse(req.body) as { body: string }).body)
      return json(res, 201, { id, html_url: `https://github.com/acme/infra/pull/12#issuecomment-${id}` })
    }
    const m = update.exec(req.url)
    if (req.method === 'PATCH' && m && comments.has(Number(m[1]))) {
      comments.set(Number(m[1]), (JSON.parse(req.body) as { body: string }).body)
      return json(res, 200, { id: Number(m[1]) })
    }
    return json(res, 404, { message: 'Not Found' })
  })
  return { ...server, comments, methods: () => server.seen.map((r) => r.method) }
}

function options(apiUrl: string, extra: Partial<CommentOptions> = {}): CommentOptions {
  return {
    token: TOKEN,
    apiUrl,
    repo: { owner: 'acme', repo: 'infra' },
    issueNumber: 12,
    userAgent: 'identity-center-login-test',
    now: () => T0,
    env: {},
    retryDelaysMs: [5, 5],
    maxRetryAfterMs: 20,
    ...extra
  }
}

const noSecret = (log: ReturnType<typeof recordingLogger>) => {
  for (const l of log.lines) expect(l.message).not.toContain(TOKEN)
}

describe('comment notifier against a fake GitHub', () => {
  let gh: Awaited<ReturnType<typeof fakeGitHub>> | undefined
  afterEach(async () => {
    await gh?.close()
    gh = undefined
  })

  test.each(Object.keys(finals) as (keyof typeof finals)[])('%s: created on started, then edited in place', async (type) => {
    gh = await fakeGitHub()
    const log = recordingLogger()
    const n = commentNotifier(options(gh.url), ctx, log)
    await n.onEvent(started())
    // created before the final event
    expect(gh.methods()).toEqual(['POST'])
    const [id] = [...gh.comments.keys()]
    expect(gh.comments.get(id)).toContain('Approve in AWS IAM Identity Center')
    expect(gh.comments.get(id)).toContain('<!-- identity-center-login:987654321:plan:default -->')
    for (let i = 0; i < 5; i++) await n.onEvent({ type: 'waiting', secondsLeft: 500 - i * 5 })
    expect(gh.methods()).toEqual(['POST']) // no edit per poll
    await n.onEvent(finals[type])
    expect(gh.methods()).toEqual(['POST', 'PATCH'])
    expect(gh.seen[1].url).toBe(`/repos/acme/infra/issues/comments/${id}`)
    expect(gh.comments.size).toBe(1)
    const body = gh.comments.get(id)!
    expect(body).not.toContain('amazonaws.com')
    expect(body).toContain('~~ABCD-EFGH~~')
    expect(body).toContain('<!-- identity-center-login:987654321:plan:default -->')
    // later events change nothing
    await n.onEvent(finals.failed)
    expect(gh.seen).toHaveLength(2)
    expect(log.of('warning')).toEqual([])
    expect(log.of('info')).toEqual([`Posted the approval request on #12: https://github.com/acme/infra/pull/12#issuecomment-${id}`])
  })

  test('sends the GitHub headers and the token only in Authorization', async () => {
    gh = await fakeGitHub()
    const n = commentNotifier(options(gh.url), ctx, recordingLogger())
    await n.onEvent(started())
    const h = gh.seen[0].headers
    expect(h.authorization).toBe(`Bearer ${TOKEN}`)
    expect(h['user-agent']).toBe('identity-center-login-test')
    expect(h['x-github-api-version']).toBe('2022-11-28')
    expect(h.accept).toBe('application/vnd.github+json')
    expect(gh.seen[0].body).not.toContain(TOKEN)
  })

  test('re-issue (attempt 2) edits the same comment with the new code', async () => {
    gh = await fakeGitHub()
    const n = commentNotifier(options(gh.url), ctx, recordingLogger())
    await n.onEvent(started(1, 'ABCD-EFGH'))
    await n.onEvent(started(2, 'WXYZ-2345'))
    const [id] = [...gh.comments.keys()]
    expect(gh.methods()).toEqual(['POST', 'PATCH'])
    const body = gh.comments.get(id)!
    expect(body).toContain('WXYZ-2345')
    expect(body).not.toContain('ABCD-EFGH')
    expect(body).toContain('attempt 2')
    await n.onEvent(finals.approved)
    expect(gh.methods()).toEqual(['POST', 'PATCH', 'PATCH'])
    expect(gh.comments.get(id)).toContain('~~WXYZ-2345~~')
    expect(gh.comments.size).toBe(1)
  })

  test('GHES base URL with a path prefix, from GITHUB_API_URL', async () => {
    gh = await fakeGitHub({ prefix: '/api/v3' })
    const n = commentNotifier(options('', { apiUrl: undefined, env: { GITHUB_API_URL: `${gh.url}/api/v3/` } }), ctx, recordingLogger())
    await n.onEvent(started())
    await n.onEvent(finals.denied)
    expect(gh.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/v3/repos/acme/infra/issues/12/comments',
      'PATCH /api/v3/repos/acme/infra/issues/comments/1000'
    ])
  })

  test('a final event sent without waiting for the POST still edits after it', async () => {
    gh = await fakeGitHub({ delayMs: 50 })
    const log = recordingLogger()
    const n = commentNotifier(options(gh.url), ctx, log)
    const a = n.onEvent(started())
    const b = n.onEvent(finals.expired)
    await Promise.all([a, b])
    expect(gh.methods()).toEqual(['POST', 'PATCH'])
    expect(gh.comments.get(1000)).toContain('request expired')
  })

  test('final event without a code ever issued: nothing posted', async () => {
    gh = await fakeGitHub()
    const n = commentNotifier(options(gh.url), ctx, recordingLogger())
    await n.onEvent(finals.failed)
    expect(gh.seen).toHaveLength(0)
  })

  test('fork PR (403 read-only token): exactly one warning, no throw, then quiet', async () => {
    gh = await fakeGitHub({ script: () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }) })
    const log = recordingLogger()
    const n = commentNotifier(options(gh.url), ctx, log)
    await expect(broadcast([n], started())).resolves.toBeUndefined()
    await n.onEvent({ type: 'waiting', secondsLeft: 300 })
    await n.onEvent(started(2))
    await n.onEvent(finals.approved)
    expect(gh.seen).toHaveLength(1) // no retries on 403, nothing after
    const warnings = log.of('warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('HTTP 403: Resource not accessible by integration')
    expect(warnings[0]).toContain('the token lacks `pull-requests: write` (a pull request from a fork gets a read-only token)')
    expect(warnings[0]).toContain('set `permissions: pull-requests: write` or use notify: summary')
    noSecret(log)
  })

  test('401 and 404 warn once with what is missing', async () => {
    gh = await fakeGitHub()
    const log = recordingLogger()
    await commentNotifier(options(gh.url, { token: 'wrong' }), ctx, log).onEvent(started())
    const log2 = recordingLogger()
    await commentNotifier(options(gh.url, { issueNumber: 99 }), ctx, log2).onEvent(started())
    expect(log.of('warning')).toHaveLength(1)
    expect(log.of('warning')[0]).toMatch(/HTTP 401: Bad credentials.*token was not accepted/)
    expect(log2.of('warning')).toHaveLength(1)
    expect(log2.of('warning')[0]).toMatch(/#99.*HTTP 404.*not found.*pull-requests: write/)
  })

  test('5xx once, then success: retried', async () => {
    gh = await fakeGitHub({ script: (_r, n) => (n === 1 ? { status: 502, body: { message: 'Server Error' } } : undefined) })
    const log = recordingLogger()
    const n = commentNotifier(options(gh.url), ctx, log)
    await n.onEvent(started())
    await n.onEvent(finals.approved)
    expect(gh.methods()).toEqual(['POST', 'POST', 'PATCH'])
    expect(gh.comments.size).toBe(1)
    expect(gh.comments.get(1000)).toContain('AWS sign-in approved')
    expect(log.of('warning')).toEqual([])
  })

  test('secondary rate limit (403 + Retry-After) is retried', async () => {
    gh = await fakeGitHub({
      script: (_r, n) =>
        n === 1 ? { status: 403, body: { message: 'You have exceeded a secondary rate limit' }, headers: { 'retry-after': '60' } } : undefined
    })
    const log = recordingLogger()
    const t = Date.now()
    await commentNotifier(options(gh.url), ctx, log).onEvent(started())
    expect(Date.now() - t).toBeLessThan(2000) // Retry-After capped by maxRetryAfterMs
    expect(gh.methods()).toEqual(['POST', 'POST'])
    expect(log.of('warning')).toEqual([])
  })

  test('5xx every time: a few attempts, one warning', async () => {
    gh = await fakeGitHub({ script: () => ({ status: 503 }) })
    const log = recordingLogger()
    const n = commentNotifier(options(gh.url), ctx, log)
    await n.onEvent(started())
    await n.onEvent(finals.approved)
    expect(gh.methods()).toEqual(['POST', 'POST', 'POST'])
    expect(log.of('warning')).toHaveLength(1)
    expect(log.of('warning')[0]).toContain('HTTP 503')
  })

  test('network error: one warning, no throw', async () => {
    const log = recordingLogger()
    const n = commentNotifier(options(await deadUrl()), ctx, log)
    await n.onEvent(started())
    await n.onEvent(finals.approved)
    expect(log.of('warning')).toHaveLength(1)
    expect(log.of('warning')[0]).toContain('ECONNREFUSED')
    noSecret(log)
  })

  test('a 403 that is not from GitHub (proxy/firewall) says so', async () => {
    const proxyLike = await startServer((_req, res) => json(res, 403, { message: 'Blocked by policy' }))
    try {
      const log = recordingLogger()
      await commentNotifier(options(proxyLike.url), ctx, log).onEvent(started())
      expect(log.of('warning')).toHaveLength(1)
      expect(log.of('warning')[0]).toContain('did not come from GitHub')
      expect(log.of('warning')[0]).not.toContain('pull-requests: write')
    } finally {
      await proxyLike.close()
    }
  })

  test('failing to update at the end is reported once', async () => {
    gh = await fakeGitHub({ script: (r) => (r.method === 'PATCH' ? { status: 403, body: { message: 'Resource not accessible by integration' } } : undefined) })
    const log = recordingLogger()
    const n = commentNotifier(options(gh.url), ctx, log)
    await n.onEvent(started())
    await n.onEvent(finals.denied)
    expect(gh.methods()).toEqual(['POST', 'PATCH'])
    const w = log.of('warning')
    expect(w).toHaveLength(1)
    expect(w[0]).toContain('Could not update the comment on #12 with the outcome (denied)')
    expect(w[0]).toContain('pull-requests: write')
    expect(w[0]).toContain('its code is no longer valid')
  })
})
