import { webhookNotifier } from '../../src/notify/webhook.js'
import {
  T0,
  ctx,
  deadUrl,
  finals,
  json,
  recordingLogger,
  startServer
} from './helpers.js'
import { started } from './helpers.js'

const SECRET_PATH = '/services/T000/B000/XXXXs3cr3tXXXX'

describe('webhook notifier against a fake receiver', () => {
  test('posts {"text"} on start, on re-issue and at the end', async () => {
    const hook = await startServer((_req, res) => {
      res.writeHead(200)
      res.end('ok')
    })
    try {
      const log = recordingLogger()
      const n = webhookNotifier(`${hook.url}${SECRET_PATH}`, ctx, log, {
        now: () => T0,
        env: {}
      })
      await n.onEvent(started())
      await n.onEvent({ type: 'waiting', secondsLeft: 400 })
      await n.onEvent(started(2, 'WXYZ-2345'))
      await n.onEvent(finals.approved)
      await n.onEvent(finals.failed) // after the end: ignored
      expect(hook.seen.map((r) => `${r.method} ${r.url}`)).toEqual(
        Array(3).fill(`POST ${SECRET_PATH}`)
      )
      const texts = hook.seen.map((r) => {
        expect(r.headers['content-type']).toBe('application/json')
        const payload = JSON.parse(r.body) as Record<string, unknown>
        expect(Object.keys(payload)).toEqual(['text'])
        return payload.text as string
      })
      expect(texts[0]).toContain(
        'Approve: https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Arq414243442d45464748'
      )
      expect(texts[0]).toContain('User code: ABCD-EFGH')
      expect(texts[1]).toContain('NEW code (attempt 2)')
      expect(texts[1]).toContain('WXYZ-2345')
      expect(texts[2]).toContain('AWS sign-in approved')
      expect(texts[2]).toContain('Approved by alice')
      expect(texts[2]).not.toContain('amazonaws.com')
      expect(log.lines.filter((l) => l.level !== 'debug')).toEqual([])
    } finally {
      await hook.close()
    }
  })

  test('hostile values cannot ping a Slack channel', async () => {
    const hook = await startServer((_req, res) => json(res, 200, {}))
    try {
      const n = webhookNotifier(
        hook.url,
        { ...ctx, ref: '<!channel> <@U123>', actor: '@here' },
        recordingLogger(),
        { now: () => T0, env: {} }
      )
      await n.onEvent(started())
      const text = (JSON.parse(hook.seen[0].body) as { text: string }).text
      expect(text).not.toContain('<!channel>')
      expect(text).not.toContain('<@U123>')
      expect(text).toContain('&lt;!channel&gt;')
    } finally {
      await hook.close()
    }
  })

  test('receiver down: one warning that does not reveal the URL, and carry on', async () => {
    const url = `${await deadUrl()}${SECRET_PATH}`
    const log = recordingLogger()
    const n = webhookNotifier(url, ctx, log, { now: () => T0, env: {} })
    await expect(n.onEvent(started())).resolves.toBeUndefined()
    await n.onEvent(finals.denied)
    const w = log.of('warning')
    expect(w).toHaveLength(1)
    expect(w[0]).toContain('the webhook')
    expect(w[0]).toContain('ECONNREFUSED')
    for (const l of log.lines) {
      expect(l.message).not.toContain('s3cr3t')
      expect(l.message).not.toContain('127.0.0.1')
    }
  })

  test('non-2xx: one warning; the final message is still attempted', async () => {
    const hook = await startServer((_req, res) =>
      json(res, 404, { error: 'no_service' })
    )
    try {
      const log = recordingLogger()
      const n = webhookNotifier(`${hook.url}${SECRET_PATH}`, ctx, log, {
        now: () => T0,
        env: {}
      })
      await n.onEvent(started())
      await n.onEvent(finals.expired)
      expect(hook.seen).toHaveLength(2)
      expect(log.of('warning')).toEqual([
        'Could not notify the webhook (HTTP 404): check the webhook-url secret (the receiver must accept a JSON POST of {"text": "..."}, as Slack and Teams incoming webhooks do). The link and the code are in the job log.'
      ])
    } finally {
      await hook.close()
    }
  })

  test('times out (about 5 s by default; shortened here)', async () => {
    const hook = await startServer(() => undefined) // never answers
    try {
      const log = recordingLogger()
      const n = webhookNotifier(hook.url, ctx, log, {
        now: () => T0,
        env: {},
        timeoutMs: 200
      })
      const t = Date.now()
      await n.onEvent(started())
      expect(Date.now() - t).toBeLessThan(2000)
      expect(log.of('warning')[0]).toContain('ETIMEDOUT')
    } finally {
      await hook.close()
    }
  })

  test('an invalid URL warns without echoing it', async () => {
    const log = recordingLogger()
    await webhookNotifier('not a url s3cr3t', ctx, log).onEvent(started())
    expect(log.of('warning')).toHaveLength(1)
    expect(log.of('warning')[0]).not.toContain('s3cr3t')
  })
})
