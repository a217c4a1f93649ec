import type * as http from 'node:http'
import {
  commentNotifier,
  type CommentOptions
} from '../../src/notify/comment.js'
import { broadcast } from '../../src/notify/index.js'
import {
  T0,
  ctx,
  deadUrl,
  finals,
  json,
  recordingLogger,
  startServer,
  started,
  type SeenRequest
} from './helpers.js'

const TOKEN = 'ghs_secretTokenValue123'

/** A fake GitHub REST API: create / update / list issue comments, with scripted failures. */
async function fakeGitHub(
  opts: {
    prefix?: string
    script?: (
      req: SeenRequest,
      n: number
    ) =>
      | { status: number; body?: unknown; headers?: Record<string, string> }
      | undefined
    delayMs?: number | ((req: SeenRequest, n: number) => number)
    /** Create the comment, then answer this status anyway (a POST that reached GitHub but whose answer was lost). */
    createThenFail?: (n: number) => number | undefined
  } = {}
) {
  const comments = new Map<number, string>()
  let nextId = 1000
  let n = 0
  const prefix = opts.prefix ?? ''
  // Delays end when the fake closes: a 60 s "hung" answer must not keep the test process alive after the test.
  const timers = new Set<NodeJS.Timeout>()
  const server = await startServer(async (req, res: http.ServerResponse) => {
    const k = ++n
    const delay =
      typeof opts.delayMs === 'function' ? opts.delayMs(req, k) : opts.delayMs
    if (delay) {
      await new Promise<void>((r) => {
        const t = setTimeout(() => (timers.delete(t), r()), delay)
        timers.add(t)
      })
    }
    const scripted = opts.script?.(req, k)
    res.setHeader('x-github-request-id', `0000:${k}`)
    if (scripted)
      return json(res, scripted.status, scripted.body ?? {}, scripted.headers)
    if (
      req.headers.authorization !== `token ${TOKEN}` &&
      req.headers.authorization !== `Bearer ${TOKEN}`
    )
      return json(res, 401, { message: 'Bad credentials' })
    const create = new RegExp(`^${prefix}/repos/acme/infra/issues/12/comments$`)
    const list = new RegExp(`^${prefix}/repos/acme/infra/issues/12/comments\\?`)
    const update = new RegExp(
      `^${prefix}/repos/acme/infra/issues/comments/(\\d+)$`
    )
    if (req.method === 'POST' && create.test(req.url)) {
      const id = nextId++
      comments.set(id, (JSON.parse(req.body) as { body: string }).body)
      const fail = opts.createThenFail?.(k)
      if (fail) return json(res, fail, { message: 'Server Error' })
      return json(res, 201, {
        id,
        html_url: `https://github.com/acme/infra/pull/12#issuecomment-${id}`
      })
    }
    if (req.method === 'GET' && list.test(req.url)) {
      return json(
        res,
        200,
        [...comments].map(([id, body]) => ({
          id,
          body,
          html_url: `https://github.com/acme/infra/pull/12#issuecomment-${id}`
        }))
      )
    }
    const m = update.exec(req.url)
    if (req.method === 'PATCH' && m && comments.has(Number(m[1]))) {
      comments.set(
        Number(m[1]),
        (JSON.parse(req.body) as { body: string }).body
      )
      return json(res, 200, { id: Number(m[1]) })
    }
    return json(res, 404, { message: 'Not Found' })
  })
  const close = async () => {
    for (const t of timers) clearTimeout(t)
    timers.clear()
    await server.close()
  }
  return {
    ...server,
    close,
    comments,
    methods: () => server.seen.map((r) => r.method)
  }
}

function options(
  apiUrl: string,
  extra: Partial<CommentOptions> = {}
): CommentOptions {
  return {
    token: TOKEN,
    apiUrl,
    repo: { owner: 'acme', repo: 'infra' },
    issueNumber: 12,
    userAgent: 'identity-center-login-test',
    now: () => T0,
    env: {},
    target: 'pull-request',
    retryBaseMs: 5,
    retryCapMs: 10,
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

  test.each(Object.keys(finals) as (keyof typeof finals)[])(
    '%s: created on started, then edited in place',
    async (type) => {
      gh = await fakeGitHub()
      const log = recordingLogger()
      const n = commentNotifier(options(gh.url), ctx, log)
      await n.onEvent(started())
      // created before the final event
      expect(gh.methods()).toEqual(['POST'])
      const [id] = [...gh.comments.keys()]
      expect(gh.comments.get(id)).toContain(
        'Approve in AWS IAM Identity Center'
      )
      expect(gh.comments.get(id)).toContain(
        '<!-- identity-center-login:987654321:plan:default -->'
      )
      for (let i = 0; i < 5; i++)
        await n.onEvent({ type: 'waiting', secondsLeft: 500 - i * 5 })
      expect(gh.methods()).toEqual(['POST']) // no edit per poll
      await n.onEvent(finals[type])
      expect(gh.methods()).toEqual(['POST', 'PATCH'])
      expect(gh.seen[1].url).toBe(`/repos/acme/infra/issues/comments/${id}`)
      expect(gh.comments.size).toBe(1)
      const body = gh.comments.get(id)!
      expect(body).not.toContain('amazonaws.com')
      expect(body).toContain('~~ABCD-EFGH~~')
      expect(body).toContain(
        '<!-- identity-center-login:987654321:plan:default -->'
      )
      // later events change nothing
      await n.onEvent(finals.failed)
      expect(gh.seen).toHaveLength(2)
      expect(log.of('warning')).toEqual([])
      expect(log.of('info')).toEqual([
        `Posted the approval request on #12: https://github.com/acme/infra/pull/12#issuecomment-${id}`
      ])
    }
  )

  test('sends the GitHub headers and the token only in Authorization', async () => {
    gh = await fakeGitHub()
    const n = commentNotifier(options(gh.url), ctx, recordingLogger())
    await n.onEvent(started())
    const h = gh.seen[0].headers
    expect(h.authorization).toBe(`token ${TOKEN}`)
    expect(h['user-agent']).toMatch(/^identity-center-login-test /) // Octokit appends its own
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
    const n = commentNotifier(
      options('', {
        apiUrl: undefined,
        env: { GITHUB_API_URL: `${gh.url}/api/v3/` }
      }),
      ctx,
      recordingLogger()
    )
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
    gh = await fakeGitHub({
      script: () => ({
        status: 403,
        body: { message: 'Resource not accessible by integration' }
      })
    })
    const log = recordingLogger()
    const n = commentNotifier(options(gh.url), ctx, log)
    await expect(broadcast([n], started())).resolves.toBeUndefined()
    await n.onEvent({ type: 'waiting', secondsLeft: 300 })
    await n.onEvent(started(2))
    await n.onEvent(finals.approved)
    expect(gh.seen).toHaveLength(1) // no retries on 403, nothing after
    const warnings = log.of('warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(
      'HTTP 403: Resource not accessible by integration'
    )
    expect(warnings[0]).toContain(
      'the token lacks `pull-requests: write` (a pull request from a fork gets a read-only token)'
    )
    expect(warnings[0]).toContain(
      'set `permissions: pull-requests: write` or use notify: summary'
    )
    noSecret(log)
  })

  test('401 and 404 warn once with what is missing', async () => {
    gh = await fakeGitHub()
    const log = recordingLogger()
    await commentNotifier(
      options(gh.url, { token: 'wrong' }),
      ctx,
      log
    ).onEvent(started())
    const log2 = recordingLogger()
    await commentNotifier(
      options(gh.url, { issueNumber: 99 }),
      ctx,
      log2
    ).onEvent(started())
    expect(log.of('warning')).toHaveLength(1)
    expect(log.of('warning')[0]).toMatch(
      /HTTP 401: Bad credentials.*token was not accepted/
    )
    expect(log2.of('warning')).toHaveLength(1)
    expect(log2.of('warning')[0]).toMatch(
      /#99.*HTTP 404.*not found.*pull-requests: write/
    )
  })

  test('5xx once, then success: retried', async () => {
    gh = await fakeGitHub({
      script: (_r, n) =>
        n === 1 ? { status: 502, body: { message: 'Server Error' } } : undefined
    })
    const log = recordingLogger()
    const n = commentNotifier(options(gh.url), ctx, log)
    await n.onEvent(started())
    await n.onEvent(finals.approved)
    // before posting again: a look for a comment the failed attempt may have created (there is none)
    expect(gh.methods()).toEqual(['POST', 'GET', 'POST', 'PATCH'])
    expect(gh.comments.size).toBe(1)
    expect(gh.comments.get(1000)).toContain('AWS sign-in approved')
    expect(log.of('warning')).toEqual([])
    // said in the log (info, not debug): which call, what happened, which attempt, how long the wait is
    expect(log.of('info')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^GitHub create comment: HTTP 502: Server Error on attempt 1 of 3; retrying in 0\.0 s$/
        )
      ])
    )
  })

  test('secondary rate limit (403 + Retry-After) is retried', async () => {
    gh = await fakeGitHub({
      script: (_r, n) =>
        n === 1
          ? {
              status: 403,
              body: { message: 'You have exceeded a secondary rate limit' },
              headers: { 'retry-after': '60' }
            }
          : undefined
    })
    const log = recordingLogger()
    const t = Date.now()
    await commentNotifier(options(gh.url), ctx, log).onEvent(started())
    expect(Date.now() - t).toBeLessThan(2000) // Retry-After capped by maxRetryAfterMs
    expect(gh.methods()).toEqual(['POST', 'GET', 'POST'])
    expect(log.of('warning')).toEqual([])
  })

  test('5xx every time: a few attempts, one warning', async () => {
    gh = await fakeGitHub({ script: () => ({ status: 503 }) })
    const log = recordingLogger()
    const n = commentNotifier(options(gh.url), ctx, log)
    await n.onEvent(started())
    await n.onEvent(finals.approved)
    expect(gh.methods()).toEqual(['POST', 'GET', 'POST', 'GET', 'POST'])
    expect(log.of('warning')).toHaveLength(1)
    expect(log.of('warning')[0]).toContain('HTTP 503')
    expect(log.of('info')).toEqual(
      expect.arrayContaining([
        'GitHub create comment: HTTP 503 on attempt 3 of 3; no attempts left'
      ])
    )
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
    const proxyLike = await startServer((_req, res) =>
      json(res, 403, { message: 'Blocked by policy' })
    )
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
    gh = await fakeGitHub({
      script: (r) =>
        r.method === 'PATCH'
          ? {
              status: 403,
              body: { message: 'Resource not accessible by integration' }
            }
          : undefined
    })
    const log = recordingLogger()
    const n = commentNotifier(options(gh.url), ctx, log)
    await n.onEvent(started())
    await n.onEvent(finals.denied)
    expect(gh.methods()).toEqual(['POST', 'PATCH'])
    const w = log.of('warning')
    expect(w).toHaveLength(1)
    expect(w[0]).toContain(
      'Could not update the comment on #12 with the outcome (denied)'
    )
    expect(w[0]).toContain('pull-requests: write')
    expect(w[0]).toContain('its code is no longer valid')
  })

  test('a POST whose answer was lost (502 after creating): the comment it made is found and reused, not duplicated', async () => {
    gh = await fakeGitHub({
      createThenFail: (n) => (n === 1 ? 502 : undefined)
    })
    const log = recordingLogger()
    const n = commentNotifier(options(gh.url), ctx, log)
    await n.onEvent(started())
    await n.onEvent(finals.approved)
    expect(gh.methods()).toEqual(['POST', 'GET', 'PATCH'])
    expect(gh.comments.size).toBe(1)
    expect(gh.seen[1].url).toMatch(
      /^\/repos\/acme\/infra\/issues\/12\/comments\?since=\d{4}-.*per_page=100/
    )
    expect(gh.seen[2].url).toBe('/repos/acme/infra/issues/comments/1000')
    expect(gh.comments.get(1000)).toContain('AWS sign-in approved')
    expect(log.of('info')).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'did create the comment on #12; using it rather than posting a duplicate'
        )
      ])
    )
    expect(log.of('warning')).toEqual([])
  })

  test('a POST that times out after GitHub created the comment: reused, not duplicated', async () => {
    gh = await fakeGitHub({
      delayMs: (r, n) => (r.method === 'POST' && n === 1 ? 400 : 0)
    })
    const log = recordingLogger()
    // the server creates it 400 ms in, after the client gave up (150 ms) and before it looks (backoff 400-800 ms)
    const n = commentNotifier(
      options(gh.url, { timeoutMs: 150, retryBaseMs: 800, retryCapMs: 800 }),
      ctx,
      log
    )
    await n.onEvent(started())
    expect(log.of('info')[0]).toMatch(
      /^GitHub create comment: timed out after 0\.1 s on attempt 1 of 3; retrying in 0\.[4-8] s$/
    )
    await n.onEvent(finals.denied)
    expect(gh.comments.size).toBe(1)
    expect(gh.methods().filter((m) => m === 'POST')).toHaveLength(1)
    expect([...gh.comments.values()][0]).toContain('AWS sign-in denied')
  })

  test('another comment of the same run (an earlier code) is not mistaken for this one', async () => {
    gh = await fakeGitHub({
      script: (r, n) => (n === 2 ? { status: 502 } : undefined)
    })
    // an earlier run attempt's comment: same marker, another code
    const first = commentNotifier(options(gh.url), ctx, recordingLogger())
    await first.onEvent(started(1, 'OLDC-ODE1'))
    const n = commentNotifier(options(gh.url), ctx, recordingLogger())
    await n.onEvent(started(1, 'NEWC-ODE2')) // 502 without creating: the listing shows only the old comment
    await n.onEvent(finals.approved)
    expect(gh.methods()).toEqual(['POST', 'POST', 'GET', 'POST', 'PATCH'])
    expect(gh.comments.size).toBe(2)
    expect(gh.comments.get(1000)).toContain('OLDC-ODE1')
    expect(gh.comments.get(1001)).toContain('~~NEWC-ODE2~~')
  })

  test('backoff: capped, exponential, with jitter, bounded by the attempts', async () => {
    gh = await fakeGitHub({ script: () => ({ status: 502 }) })
    const log = recordingLogger()
    const rolls = [0, 1]
    const n = commentNotifier(
      options(gh.url, {
        retryBaseMs: 100,
        retryCapMs: 150,
        attempts: 3,
        random: () => rolls.shift() ?? 0
      }),
      ctx,
      log
    )
    await n.onEvent(started())
    const waits = log
      .of('info')
      .filter((l) => l.includes('retrying in'))
      .map((l) => /retrying in ([\d.]+) s/.exec(l)![1])
    // attempt 1: 100 ms backoff, jitter 0 → 50 ms; attempt 2: 200 capped to 150, jitter 1 → 150 ms
    expect(waits).toEqual(['0.1', '0.1'])
    expect(
      log.of('info').filter((l) => l.includes('retrying in'))[0]
    ).toContain('on attempt 1 of 3')
    expect(gh.methods().filter((m) => m === 'POST')).toHaveLength(3)
  })

  test('a hung final edit gives up inside its deadline and says the comment still shows the old request', async () => {
    gh = await fakeGitHub({
      delayMs: (r) => (r.method === 'PATCH' ? 60_000 : 0)
    })
    const log = recordingLogger()
    const n = commentNotifier(
      options(gh.url, { deadlineMs: { final: 600 } }),
      ctx,
      log
    )
    await n.onEvent(started())
    const t = Date.now()
    await n.onEvent(finals.approved)
    expect(Date.now() - t).toBeLessThan(1500)
    const w = log.of('warning')
    expect(w).toHaveLength(1)
    expect(w[0]).toMatch(
      /^Could not update the comment on #12 with the outcome \(approved\) \(timed out after 0\.6 s/
    )
    expect(w[0]).toContain('The comment still shows the old request')
  })

  test('the final edit failing is reported even after an earlier warning about a new code', async () => {
    gh = await fakeGitHub({
      script: (r) => (r.method === 'PATCH' ? { status: 503 } : undefined)
    })
    const log = recordingLogger()
    const n = commentNotifier(options(gh.url, { attempts: 1 }), ctx, log)
    await n.onEvent(started(1))
    await n.onEvent(started(2, 'WXYZ-2345'))
    await n.onEvent(finals.expired)
    const w = log.of('warning')
    expect(w).toHaveLength(2)
    expect(w[0]).toContain(
      'Could not put the new code in the comment on #12 (HTTP 503)'
    )
    expect(w[1]).toContain(
      'Could not update the comment on #12 with the outcome (expired) (HTTP 503)'
    )
  })

  test.each([
    ['pull-request', ['`pull-requests: write`'], ['`issues: write`']],
    [
      'issue',
      ['`issues: write`', 'set `permissions: issues: write`'],
      ['pull-requests', 'fork']
    ],
    [undefined, ['`pull-requests: write`', '`issues: write`'], []]
  ] as const)(
    'a 403 on a %s names the right permission',
    async (target, present, absent) => {
      gh = await fakeGitHub({
        script: () => ({
          status: 403,
          body: { message: 'Resource not accessible by integration' }
        })
      })
      const log = recordingLogger()
      await commentNotifier(options(gh.url, { target }), ctx, log).onEvent(
        started()
      )
      const [w] = log.of('warning')
      for (const p of present) expect(w).toContain(p)
      for (const a of absent) expect(w).not.toContain(a)
    }
  )

  test('unfinished(): says what a cut-short drain leaves behind', async () => {
    gh = await fakeGitHub({ delayMs: (r) => (r.method === 'PATCH' ? 300 : 0) })
    const n = commentNotifier(options(gh.url), ctx, recordingLogger())
    expect(n.unfinished?.()).toBeUndefined()
    await n.onEvent(started())
    const p = n.onEvent(finals.approved)
    expect(n.unfinished?.()).toBe(
      'the comment on #12 may still show the old request'
    )
    await p
    expect(n.unfinished?.()).toBeUndefined()
  })
})
