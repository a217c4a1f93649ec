/** Escaping of hostile values, the grant line (keep-session), profile tables on failure, sentences. */
import type { FinalEvent, ProfileOutcome } from '../../src/core/events.js'
import {
  cleanText,
  escapeChat,
  escapeMarkdown
} from '../../src/notify/render/escaping.js'
import { approvalGrants } from '../../src/notify/render/wording.js'
import { renderMarkdown } from '../../src/notify/render/markdown.js'
import { renderText } from '../../src/notify/render/text.js'
import { summaryNotifier } from '../../src/notify/summary.js'
import { webhookNotifier } from '../../src/notify/webhook.js'
import {
  T0,
  ctx,
  finals,
  recordingLogger,
  startServer,
  started
} from './helpers.js'

const ZWJ = '\u200d'

describe('invisible and bidi characters are stripped', () => {
  const hidden = [
    '\u200b',
    '\u200c',
    '\u200d',
    '\u200e',
    '\u200f',
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2060',
    '\u2061',
    '\u2062',
    '\u2063',
    '\u2064',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\ufeff'
  ]
  test.each(
    hidden.map((c) => [
      `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
      c
    ])
  )('%s', (_name, c) => {
    expect(cleanText(`ma${c}in`)).toBe('main')
    expect(escapeMarkdown(`ma${c}in`)).toBe('main')
    expect(escapeChat(`ma${c}in`)).toBe('main')
  })
  test('a branch that hides a different name behind an RTL override reads as it is', () => {
    expect(cleanText('feature/\u202egnp.exe\u202c')).toBe('feature/gnp.exe')
  })
})

describe('chat text: domain-like words do not become links', () => {
  test.each([
    ['login.evil.com/approve', `login.${ZWJ}evil.${ZWJ}com/approve`],
    ['see evil.co now', `see evil.${ZWJ}co now`],
    ['sub.domain.example.org', `sub.${ZWJ}domain.${ZWJ}example.${ZWJ}org`],
    ['https://x.evil.com', `https:${ZWJ}//x.${ZWJ}evil.${ZWJ}com`]
  ])('%s', (input, expected) => {
    expect(escapeChat(input)).toBe(expected)
  })
  test('versions, numbers and plain words are left alone', () => {
    expect(escapeChat('v1.2.3')).toBe('v1.2.3')
    expect(escapeChat('release 10.5')).toBe('release 10.5')
    expect(escapeChat('end. Start')).toBe('end. Start')
  })
  test('no domain survives in a webhook message built from hostile values', () => {
    const text = renderText(
      { ...ctx, ref: 'login.evil.com/approve', actor: 'x.evil.io' },
      { started: started(), now: T0 },
      { chat: true }
    )
    expect(text).not.toMatch(/evil\.(com|io)/)
    // the real links stay clickable
    expect(text).toContain(
      'https://github.com/acme/infra/actions/runs/987654321'
    )
    expect(text).toContain(
      'https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Arq414243442d45464748'
    )
  })
})

describe('GH-123 references are broken', () => {
  test.each([escapeMarkdown, escapeChat])('%p', (esc) => {
    expect(esc('fixes GH-123')).toBe(`fixes GH-${ZWJ}123`)
    expect(esc('gh-7')).toBe(`gh-${ZWJ}7`)
    expect(esc('GH-x')).toBe('GH-x')
  })
  test('in the rendered comment', () => {
    const body = renderMarkdown(
      { ...ctx, ref: 'GH-42-fix' },
      { started: started(), now: T0 }
    )
    expect(body).not.toMatch(/GH-\d/)
    expect(body).toContain(`GH-${ZWJ}42-fix`)
  })
})

describe('what approving hands the runner, per sign-in mode (one wording for request and final messages)', () => {
  const EXP = new Date('2026-01-01T20:00:00Z')
  const CREDS = new Date('2026-01-01T13:00:00Z')
  const OUT = new Date('2026-01-01T12:01:00Z')
  const approvedIn = (
    extra: Partial<Extract<FinalEvent, { type: 'approved' }>>
  ): FinalEvent => ({
    ...(finals.approved as Extract<FinalEvent, { type: 'approved' }>),
    ...extra
  })
  const NEVER_AGAIN =
    /requested role only|for the requested role;|used by this job for the requested role/

  test('default (action): until the job ends, every account and role; the post step signs it out', () => {
    const request = approvalGrants(
      { signInMode: 'until-job-end' },
      undefined,
      cleanText,
      (x) => x
    )
    expect(request).toContain('your Identity Center sign-in until the job ends')
    expect(request).toContain(
      'any step of this job can use it for every AWS account and role you can reach, not only the one requested'
    )
    expect(request).toContain('the post step signs it out')
    const final = approvalGrants(
      { signInMode: 'until-job-end' },
      approvedIn({ signInExpiresAt: EXP, credentialsExpireAt: CREDS })
    )
    expect(final).toContain(
      'Until the job ends (at the latest until 2026-01-01 20:00:00 UTC)'
    )
    expect(final).toContain(
      'role credentials already issued stay valid until 2026-01-01 13:00:00 UTC'.replace(
        /^r/,
        'R'
      )
    )
    expect(request + final).not.toMatch(NEVER_AGAIN)
  })
  test('default with reuse-session: other jobs with reuse-session can use it until then', () => {
    expect(
      approvalGrants({ signInMode: 'until-job-end', reuseSession: true })
    ).toContain(
      'other jobs on this runner that set reuse-session can use it too'
    )
  })
  test('sign-out-early: only to fetch the listed role(s), signed out at once; role credentials until their expiry', () => {
    const request = approvalGrants(
      { signInMode: 'sign-out-early' },
      undefined,
      cleanText,
      (x) => x
    )
    expect(request).toContain(
      'only to fetch the credentials for the listed role(s)'
    )
    expect(request).toContain('signed out at once')
    expect(request).not.toContain('every AWS account')
    const final = approvalGrants(
      { signInMode: 'sign-out-early' },
      approvedIn({ signedOutAt: OUT, credentialsExpireAt: CREDS })
    )
    expect(final).toContain(
      'was signed out at 2026-01-01 12:01:00 UTC; no SSO token is left on the runner'
    )
    expect(final).toContain(
      'keeps those role credentials until 2026-01-01 13:00:00 UTC'
    )
  })
  test('credential-server: only the listed roles, refreshed until the job ends, at the latest when the session ends; no sign-in on disk', () => {
    const request = approvalGrants(
      { signInMode: 'served' },
      undefined,
      cleanText,
      (x) => x
    )
    expect(request).toContain('only the listed role(s)')
    expect(request).toContain('no sign-in on disk')
    expect(request).toContain('refreshes their credentials until the job ends')
    expect(request).not.toContain('every AWS account')
    const refreshable = approvalGrants(
      { signInMode: 'served' },
      approvedIn({
        signInExpiresAt: EXP,
        refreshable: true,
        credentialsExpireAt: CREDS
      })
    )
    expect(refreshable).toContain(
      "at the latest when the Identity Center session ends (an administrator's session limit, default 8 h)"
    )
    const shared = approvalGrants(
      { signInMode: 'served-shared' },
      approvedIn({
        signInExpiresAt: EXP,
        refreshable: false,
        credentialsExpireAt: CREDS
      })
    )
    expect(shared).toContain(
      'at the latest when that sign-in expires at 2026-01-01 20:00:00 UTC (it has no refresh token)'
    )
  })
  test('keep-session: later jobs on this runner until it expires (longer when refreshable)', () => {
    const request = approvalGrants(
      { signInMode: 'kept' },
      undefined,
      cleanText,
      (x) => x
    )
    expect(request).toContain(
      'later jobs on this runner can use it for every AWS account and role you can reach'
    )
    const final = approvalGrants(
      { keepSession: true },
      approvedIn({
        signInExpiresAt: EXP,
        refreshable: true,
        credentialsExpireAt: CREDS
      })
    )
    expect(final).toContain(
      'until 2026-01-01 20:00:00 UTC (longer if refreshed with its refresh token'
    )
    expect(final).toContain('later jobs on this runner')
  })
  test('CLI (no post step): the token cache holds it until it expires or identity-center-login --sign-out', () => {
    const request = approvalGrants(
      { signInMode: 'until-expiry' },
      undefined,
      cleanText,
      (x) => x
    )
    expect(request).toContain(
      "in this machine's token cache until it expires (there is no post step"
    )
    expect(request).not.toContain('post step signs')
    expect(
      approvalGrants(
        { signInMode: 'until-expiry' },
        approvedIn({ signInExpiresAt: EXP })
      )
    ).toContain(
      'until 2026-01-01 20:00:00 UTC or until someone runs identity-center-login --sign-out'
    )
  })
  test.each(['until-job-end', 'sign-out-early', 'kept'] as const)(
    '%s: in the request and the final comment, summary and webhook',
    async (signInMode) => {
      const c = { ...ctx, signInMode }
      const want = {
        'until-job-end': 'until the job ends',
        'sign-out-early':
          'only to fetch the credentials for the listed role(s)',
        kept: 'later jobs on this runner'
      }[signInMode]
      expect(renderMarkdown(c, { started: started(), now: T0 })).toContain(want)
      expect(renderText(c, { started: started(), now: T0 })).toContain(want)
      const final = approvedIn({
        signInExpiresAt: EXP,
        signedOutAt: OUT,
        credentialsExpireAt: CREDS
      })
      expect(
        renderMarkdown(c, { started: started(), final, now: T0 }).toLowerCase()
      ).toContain(want)
      expect(
        renderText(
          c,
          { started: started(), final, now: T0 },
          { chat: true }
        ).toLowerCase()
      ).toContain(want)
      const written: string[] = []
      const summary = summaryNotifier(
        { write: async (m) => void written.push(m) },
        c,
        { now: () => T0 }
      )
      await summary.onEvent(started())
      await summary.onEvent(final)
      expect(written[0]).toContain(want)
      expect(written[1].toLowerCase()).toContain(want)
      for (const text of written) expect(text).not.toMatch(NEVER_AGAIN)
      // no sign-in to speak of after a denial
      expect(
        renderMarkdown(c, { started: started(), final: finals.denied, now: T0 })
      ).not.toContain(want)
    }
  )
  test('the request tells the approver to compare the code and the registered client name, escaped per channel', () => {
    const s = { ...started(), clientName: 'identity-center-login:acme/infra_x' }
    expect(renderText(ctx, { started: s, now: T0 })).toContain(
      'check that the code is ABCD-EFGH and that the application asking is identity-center-login:acme/infra_x'
    )
    expect(renderMarkdown(ctx, { started: s, now: T0 })).toContain(
      'the application asking is **`identity-center-login:acme/infra_x`**'
    )
    expect(renderText(ctx, { started: started(), now: T0 })).toContain(
      'check that the code is ABCD-EFGH; if it differs'
    )
  })
  test.each(['until-job-end', 'sign-out-early', 'kept'] as const)(
    '%s: a failed login with verified profiles says nothing was handed to the job',
    (signInMode) => {
      const failed: FinalEvent = {
        type: 'failed',
        at: T0,
        reason: 'x',
        profiles: [
          {
            name: 'a',
            accountId: '111122223333',
            roleName: 'R',
            arn: 'arn:aws:sts::111122223333:assumed-role/R/alice'
          }
        ]
      }
      const text = renderText(
        { ...ctx, signInMode },
        { started: started(), final: failed, now: T0 }
      )
      expect(text).toContain(
        'The job got no credentials: nothing was written or exported'
      )
      expect(text).not.toMatch(
        /later jobs on this runner|until the job ends|keeps those role credentials/i
      )
    }
  )
  test('the final webhook message carries it', async () => {
    const hook = await startServer((_r, res) => void res.end('ok'))
    try {
      const n = webhookNotifier(
        hook.url,
        { ...ctx, keepSession: true },
        recordingLogger(),
        { env: {} }
      )
      await n.onEvent(started())
      await n.onEvent(approvedIn({ signInExpiresAt: EXP }))
      expect(
        (JSON.parse(hook.seen[1].body) as { text: string }).text
      ).toContain('later jobs on this runner')
    } finally {
      await hook.close()
    }
  })
})

describe('failed with profiles: the table, failures first', () => {
  const profiles: ProfileOutcome[] = Array.from({ length: 30 }, (_, i) => ({
    name: `p${i}`,
    accountId: String(100000000000 + i),
    roleName: 'Role',
    ...(i % 10 === 9
      ? { error: `AccessDenied for p${i}` }
      : { arn: `arn:aws:sts::${100000000000 + i}:assumed-role/R/alice` })
  }))
  const failed: FinalEvent = {
    type: 'failed',
    at: T0,
    reason: '3 of 30 profiles failed',
    profiles
  }

  test('comment: failed rows first, capped at 20 with "and N more"', () => {
    const body = renderMarkdown(ctx, {
      started: started(),
      final: failed,
      now: T0
    })
    const rows = body
      .split('\n')
      .filter((l) => /^\| (p\d+|and \d+ more) \|/.test(l))
    expect(rows.slice(0, 3).map((r) => r.split(' | ')[0])).toEqual([
      '| p9',
      '| p19',
      '| p29'
    ])
    expect(rows[0]).toContain('❌ AccessDenied for p9')
    expect(rows[3]).toContain('✅ verified')
    expect(rows).toHaveLength(21)
    expect(rows[20]).toBe('| and 10 more | | | |')
  })
  test('job summary: every row', async () => {
    const written: string[] = []
    const n = summaryNotifier(
      { write: async (m) => void written.push(m) },
      ctx,
      { now: () => T0 }
    )
    await n.onEvent(started())
    await n.onEvent(failed)
    const rows = written[1].split('\n').filter((l) => /^\| p\d+ \|/.test(l))
    expect(rows).toHaveLength(30)
    expect(written[1]).not.toContain('more |')
  })
  test('without profiles: no table', () => {
    expect(
      renderMarkdown(ctx, { started: started(), final: finals.failed, now: T0 })
    ).not.toContain('| Profile |')
  })
})

describe('sentences end with one period', () => {
  test.each([
    ['the approver has no access.', 'the approver has no access.'],
    ['the approver has no access', 'the approver has no access.']
  ])('failed: %s', (reason, shown) => {
    const f: FinalEvent = { type: 'failed', at: T0, reason }
    const text = renderText(ctx, { started: started(), final: f, now: T0 })
    expect(text).toContain(`: ${shown}`)
    expect(text).not.toContain('..')
    expect(
      renderMarkdown(ctx, { started: started(), final: f, now: T0 })
    ).not.toMatch(/\.\.(?!\.)/)
  })
  test('rejected with a reason that ends in a period', () => {
    const f: FinalEvent = {
      type: 'rejected',
      at: T0,
      approvedBy: 'mallory',
      reason: 'mallory is not in allowed-approvers.'
    }
    expect(
      renderText(ctx, { started: started(), final: f, now: T0 })
    ).toContain('not in allowed-approvers. The job does not use')
  })
})
