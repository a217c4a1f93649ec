import { logNotifier } from '../../src/notify/log.js'
import { T0, ctx, finals, recordingLogger, started } from './helpers.js'

describe('log notifier', () => {
  test('started: link, code on its own line, expiry, and a notice annotation', async () => {
    const log = recordingLogger()
    const n = logNotifier(log, ctx, { now: () => T0 })
    await n.onEvent(started())
    const info = log.of('info')
    expect(info).toContain(
      '  Open this link to approve: https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Arq414243442d45464748'
    )
    expect(info.some((l) => l.trim() === 'ABCD-EFGH')).toBe(true)
    expect(info).toContain(
      '  The code expires at 2025-03-04 10:10:00 UTC (in 10 min).'
    )
    expect(info.join('\n')).toContain(
      'account 123456789012, role DeployRole; also audit (210987654321 ReadOnly)'
    )
    expect(info.join('\n')).toContain('commit 0123456')
    const notices = log.of('notice')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain(
      'https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Arq414243442d45464748'
    )
    expect(notices[0]).toContain('ABCD-EFGH')
  })

  test('100 waiting events over 100 s give 3-4 progress lines, not 100', async () => {
    let clock = T0.getTime()
    const log = recordingLogger()
    const n = logNotifier(log, ctx, { now: () => new Date(clock) })
    await n.onEvent(started())
    const before = log.lines.length
    for (let i = 1; i <= 100; i++) {
      clock = T0.getTime() + i * 1000
      await n.onEvent({ type: 'waiting', secondsLeft: 600 - i })
    }
    const progress = log.lines.slice(before)
    expect(progress.length).toBeGreaterThanOrEqual(3)
    expect(progress.length).toBeLessThanOrEqual(4)
    expect(progress[0].message).toBe(
      'Still waiting for approval (code ABCD-EFGH): 9 min 30 s left.'
    )
  })

  test('a logger without notice() is fine', async () => {
    const log = recordingLogger()
    const { notice: _unused, ...plain } = log
    await expect(
      logNotifier(plain, ctx, { now: () => T0 }).onEvent(started())
    ).resolves.toBeUndefined()
  })

  test('re-issue and every final state get a clear line', async () => {
    for (const [type, expected] of [
      [
        'approved',
        /^AWS sign-in approved\. Approved by alice at 2025-03-04 10:01:35 UTC\. Verified: account 123456789012, role DeployRole\. Session: arn:aws:sts::/
      ],
      ['denied', /^AWS sign-in denied\./],
      [
        'expired',
        /^AWS sign-in request expired\. No one approved within 10 min/
      ],
      ['cancelled', /^AWS sign-in request cancelled\. .*\(SIGTERM\)/],
      [
        'rejected',
        /^AWS sign-in rejected \(approver not allowed\)\. mallory approved .* not enough: mallory is not in allowed-approvers/
      ],
      ['failed', /^AWS sign-in failed\. .*the OIDC endpoint returned HTTP 500/]
    ] as const) {
      const log = recordingLogger()
      const n = logNotifier(log, ctx, { now: () => T0 })
      await n.onEvent(started())
      await n.onEvent(started(2, 'WXYZ-2345'))
      expect(log.of('info')).toContain(
        'The previous code expired; a NEW code was issued (attempt 2). Approve again with the new code:'
      )
      expect(log.of('info').some((l) => l.trim() === 'WXYZ-2345')).toBe(true)
      const n0 = log.lines.length
      await n.onEvent(finals[type])
      await n.onEvent(finals[type]) // a duplicate is ignored
      const last = log.lines.slice(n0)
      // an approval is followed by what it hands the runner (the same wording as the other channels)
      expect(last).toHaveLength(type === 'approved' ? 2 : 1)
      if (type === 'approved')
        expect(last[1].message).toMatch(
          /^Until the job ends, this runner holds your Identity Center sign-in: any step of this job can use it for every AWS account and role/
        )
      expect(last[0].message).toMatch(expected)
      expect(last[0].message).toContain(
        'The code WXYZ-2345 is no longer valid.'
      )
    }
  })

  test('log lines cannot be split by hostile values (no workflow-command injection)', async () => {
    const log = recordingLogger()
    await logNotifier(
      log,
      { ...ctx, ref: 'x\n::add-mask::y', workflow: 'w\r\n::error::boom' },
      { now: () => T0 }
    ).onEvent(started())
    for (const l of log.lines) expect(l.message).not.toMatch(/[\r\n]/)
    for (const l of log.lines) expect(l.message.startsWith('::')).toBe(false)
  })

  test('a throwing logger does not break the login', async () => {
    const bad = {
      info: () => {
        throw new Error('x')
      },
      warning: () => undefined,
      debug: () => undefined
    }
    await expect(
      logNotifier(bad, ctx).onEvent(started())
    ).resolves.toBeUndefined()
  })
})
