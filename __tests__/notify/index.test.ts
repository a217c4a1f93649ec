import type { LoginEvent, Notifier } from '../../src/core/events.js'
import { broadcast, createNotifiers } from '../../src/notify/index.js'
import { summaryNotifier } from '../../src/notify/summary.js'
import {
  T0,
  ctx,
  finals,
  json,
  recordingLogger,
  startServer,
  started
} from './helpers.js'

describe('summary notifier', () => {
  test('written at start, rewritten with the outcome', async () => {
    const writes: string[] = []
    const n = summaryNotifier(
      { write: async (md) => void writes.push(md) },
      ctx,
      { now: () => T0, marker: { profile: 'prod' } }
    )
    await n.onEvent(started())
    await n.onEvent({ type: 'waiting', secondsLeft: 100 })
    await n.onEvent(finals.rejected)
    await n.onEvent(finals.approved) // after the end: ignored
    expect(writes).toHaveLength(2)
    expect(writes[0]).toContain('Approve in AWS IAM Identity Center')
    expect(writes[0]).toContain(
      '<!-- identity-center-login:987654321:plan:prod -->'
    )
    expect(writes[1]).toContain('AWS sign-in rejected')
    expect(writes[1]).toContain('| Approved by (not allowed) | mallory |')
    expect(writes[1]).toContain('~~ABCD-EFGH~~')
    expect(writes[1]).not.toContain('amazonaws.com')
  })

  test('records a failure even if no code was issued', async () => {
    const writes: string[] = []
    const n = summaryNotifier(
      { write: async (md) => void writes.push(md) },
      ctx,
      { now: () => T0 }
    )
    await n.onEvent(finals.failed)
    expect(writes).toHaveLength(1)
    expect(writes[0]).toContain('AWS sign-in failed')
  })

  test('a failing writer warns once and never throws', async () => {
    const log = recordingLogger()
    const n = summaryNotifier(
      { write: async () => Promise.reject(new Error('EACCES: summary file')) },
      ctx,
      { logger: log, now: () => T0 }
    )
    await n.onEvent(started())
    await n.onEvent(finals.approved)
    expect(log.of('warning')).toHaveLength(1)
    expect(log.of('warning')[0]).toContain('EACCES')
  })
})

describe('createNotifiers', () => {
  test('log is always on; each listed channel is built when its dependency is there', () => {
    const log = recordingLogger()
    const ns = createNotifiers(['summary', 'comment', 'webhook', 'summary'], {
      ctx,
      logger: log,
      summary: { write: async () => undefined },
      comment: {
        token: 't',
        repo: { owner: 'acme', repo: 'infra' },
        issueNumber: 1
      },
      webhookUrl: 'https://hooks.example/x'
    })
    expect(ns.map((n) => n.name)).toEqual([
      'log',
      'summary',
      'comment',
      'webhook'
    ])
    expect(log.of('warning')).toEqual([])
  })

  test('missing dependencies and unknown names are skipped with a warning', () => {
    const log = recordingLogger()
    const ns = createNotifiers(
      ['LOG', 'summary', 'comment', 'webhook', 'pager'],
      { ctx, logger: log }
    )
    expect(ns.map((n) => n.name)).toEqual(['log'])
    expect(log.of('warning')).toEqual([
      'notify: summary skipped: no job summary is available here.',
      'notify: comment skipped: this run has no pull request or issue to comment on.',
      'notify: webhook skipped: no webhook URL was given.',
      'Unknown notify channel "pager" ignored (known: log, summary, comment, webhook).'
    ])
  })

  test('an empty token skips the comment channel', () => {
    const log = recordingLogger()
    createNotifiers(['comment'], {
      ctx,
      logger: log,
      comment: { token: '', repo: { owner: 'a', repo: 'b' }, issueNumber: 1 }
    })
    expect(log.of('warning')).toEqual([
      'notify: comment skipped: no GitHub token was given.'
    ])
  })
})

describe('broadcast', () => {
  test('runs channels concurrently and never throws', async () => {
    const order: string[] = []
    const slow = (name: string, ms: number): Notifier => ({
      name,
      onEvent: async () => {
        order.push(`start ${name}`)
        await new Promise((r) => setTimeout(r, ms))
        order.push(`end ${name}`)
      }
    })
    const throwing: Notifier = {
      name: 'bad',
      onEvent: () => {
        throw new Error('sync')
      }
    }
    const rejecting: Notifier = {
      name: 'worse',
      onEvent: async () => Promise.reject(new Error('async'))
    }
    const log = recordingLogger()
    await expect(
      broadcast(
        [slow('a', 60), throwing, rejecting, slow('b', 10)],
        started(),
        log
      )
    ).resolves.toBeUndefined()
    expect(order).toEqual(['start a', 'start b', 'end b', 'end a'])
    expect(log.of('debug')).toHaveLength(2)
  })

  test('end to end: one event stream through log, summary, comment and webhook', async () => {
    const gh = await startServer((req, res) =>
      req.method === 'POST'
        ? json(res, 201, { id: 7 })
        : json(res, 200, { id: 7 })
    )
    const hook = await startServer((_req, res) => json(res, 200, {}))
    try {
      const log = recordingLogger()
      const writes: string[] = []
      let clock = T0.getTime()
      const ns = createNotifiers(['summary', 'comment', 'webhook'], {
        ctx,
        logger: log,
        now: () => new Date(clock),
        env: {},
        summary: { write: async (md) => void writes.push(md) },
        comment: {
          token: 'tok',
          apiUrl: gh.url,
          repo: { owner: 'acme', repo: 'infra' },
          issueNumber: 12
        },
        webhookUrl: `${hook.url}/hook`
      })
      const events: LoginEvent[] = [started()]
      for (let i = 1; i <= 40; i++)
        events.push({ type: 'waiting', secondsLeft: 600 - 5 * i })
      events.push(finals.approved)
      for (const e of events) {
        clock += 5000
        await broadcast(ns, e, log)
      }
      expect(gh.seen.map((r) => r.method)).toEqual(['POST', 'PATCH'])
      expect(hook.seen).toHaveLength(2)
      expect(writes).toHaveLength(2)
      expect(
        log.of('info').filter((l) => l.startsWith('Still waiting'))
      ).toHaveLength(6) // 200 s / 30 s
      expect(log.of('warning')).toEqual([])
    } finally {
      await gh.close()
      await hook.close()
    }
  })
})
