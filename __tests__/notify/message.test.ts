import { marked } from 'marked'
import type { RequestContext } from '../../src/core/events.js'
import {
  codeSpan,
  escapeChat,
  escapeMarkdown,
  safeUrl
} from '../../src/notify/render/escaping.js'
import { approvalGrants } from '../../src/notify/render/wording.js'
import {
  MAX_COMMENT_CHARS,
  commentMarker,
  renderMarkdown
} from '../../src/notify/render/markdown.js'
import { renderText } from '../../src/notify/render/text.js'
import { T0, ctx, finals, started } from './helpers.js'

const ZWJ = '\u200d'
const html = (md: string): string =>
  marked.parse(md, { async: false, gfm: true }) as string
const FINAL_TYPES = Object.keys(finals) as (keyof typeof finals)[]

describe('renderMarkdown: pending request', () => {
  const body = renderMarkdown(ctx, { started: started(), now: T0 })

  test('has every fact an approver needs', () => {
    for (const s of [
      'acme/infra',
      'Deploy',
      'plan',
      '(https://github.com/acme/infra/actions/runs/987654321)',
      'octocat',
      'pull\\_request',
      'refs/pull/12/merge',
      '`0123456`',
      '`123456789012`',
      '`DeployRole`',
      'audit',
      '`210987654321`',
      '`ReadOnly`',
      '`https://acme.awsapps.com/start`',
      '`ABCD-EFGH`',
      '2025-03-04 10:10:00 UTC',
      '10 minutes left when posted'
    ]) {
      expect(body).toContain(s)
    }
    expect(body).not.toContain('0123456789')
  })

  test('has the button-like link, the grant sentence and the hidden marker', () => {
    expect(body).toContain(
      '### [➡️ Approve in AWS IAM Identity Center](https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Arq414243442d45464748)'
    )
    expect(body).toContain(approvalGrants(ctx))
    expect(
      body.startsWith('<!-- identity-center-login:987654321:plan:default -->')
    ).toBe(true)
    const out = html(body)
    expect(out).toContain(
      '<a href="https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Arq414243442d45464748">➡️ Approve in AWS IAM Identity Center</a>'
    )
    expect(out).toContain('<table>')
  })

  test('a re-issued code says so', () => {
    const b = renderMarkdown(ctx, { started: started(2, 'WXYZ-1234'), now: T0 })
    expect(b).toContain('new code')
    expect(b).toContain('attempt 2')
    expect(b).toContain('`WXYZ-1234`')
  })

  test('minimal context (CLI) still renders', () => {
    const min: RequestContext = {
      accountId: '1',
      roleName: 'R',
      startUrl: 'https://x.awsapps.com/start'
    }
    const b = renderMarkdown(min, { started: started(), now: T0 })
    expect(b).toContain('<!-- identity-center-login:local:job:default -->')
    expect(b).toContain('Approve in AWS IAM Identity Center')
  })

  test('marker uses the given key and cannot close the comment early', () => {
    expect(commentMarker(ctx, { runId: '42', job: 'x', profile: 'prod' })).toBe(
      '<!-- identity-center-login:42:x:prod -->'
    )
    expect(commentMarker(ctx, { profile: 'a --> <b>' })).toBe(
      '<!-- identity-center-login:987654321:plan:a_-___b_ -->'
    )
  })

  test('a non-https verification link is not linked', () => {
    const ev = { ...started(), verificationUri: 'javascript:alert(1)' }
    const b = renderMarkdown(ctx, { started: ev, now: T0 })
    expect(b).not.toContain('javascript')
    expect(html(b)).not.toContain('javascript')
  })
})

describe('renderMarkdown: final states', () => {
  test.each(FINAL_TYPES)('%s: no link, code struck', (type) => {
    const body = renderMarkdown(ctx, {
      started: started(),
      final: finals[type],
      now: T0
    })
    expect(body).not.toContain('amazonaws.com')
    expect(body).not.toContain('Approve in AWS')
    expect(body).toContain('~~ABCD-EFGH~~')
    // every occurrence of the code is struck through
    expect(body.split('ABCD-EFGH').length - 1).toBe(
      body.split('~~ABCD-EFGH~~').length - 1
    )
    const out = html(body)
    expect(out).not.toMatch(/amazonaws\.com/)
    expect(out).toContain('<del>ABCD-EFGH</del>')
    expect(body).toContain(
      '<!-- identity-center-login:987654321:plan:default -->'
    )
    expect(body).not.toContain('Approving signs this job') // the pending wording; a final state says what the sign-in was
  })

  test('approved: by whom, when, verified account and role, ARN', () => {
    const b = renderMarkdown(ctx, {
      started: started(),
      final: finals.approved,
      now: T0
    })
    expect(b).toContain('AWS sign-in approved')
    expect(b).toContain('Approved by **alice** at 2025-03-04 10:01:35 UTC')
    expect(b).toContain('account **123456789012**, role **DeployRole**')
    expect(b).toContain(
      '`arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_DeployRole_abc/alice`'
    )
  })

  test('denied / expired / cancelled / rejected / failed say what happened', () => {
    const r = (t: keyof typeof finals) =>
      renderMarkdown(ctx, { started: started(), final: finals[t], now: T0 })
    expect(r('denied')).toContain('denied')
    expect(r('expired')).toContain('No one approved within 10 min')
    expect(r('cancelled')).toContain('SIGTERM')
    expect(r('rejected')).toContain('**mallory** approved')
    expect(r('rejected')).toContain(
      'mallory is not in allowed\\-approvers'.replace('\\-', '-')
    )
    expect(r('failed')).toContain('the OIDC endpoint returned HTTP 500')
  })

  test('final state without a code ever issued', () => {
    const b = renderMarkdown(ctx, { final: finals.failed, now: T0 })
    expect(b).toContain('AWS sign-in failed')
    expect(b).not.toContain('~~')
  })
})

describe('escaping hostile values', () => {
  const hostile: RequestContext = {
    ...ctx,
    ref: 'feat/<img src=x onerror=alert(1)>',
    workflow: '[click](http://evil)',
    actor: '@org/admins',
    job: 'a|b\nc',
    repository:
      'acme/infra #1 www.evil.com *bold* _it_ ~~s~~ $x$ &amp; `code` ![i](http://e/i.png)',
    event: '<script>alert(1)</script>',
    extraProfiles: [
      { name: '<b>x</b>|y', accountId: '1`|2', roleName: '@team' }
    ]
  }
  const final = {
    ...finals.rejected,
    approvedBy: '@octo-org/security',
    reason: 'see [here](http://evil) <a href=x>'
  }

  test.each([
    ['pending', { started: started(), now: T0 }],
    ['rejected', { started: started(), final, now: T0 }]
  ] as const)(
    '%s: no HTML, links, mentions or broken table',
    (_name, state) => {
      const body = renderMarkdown(hostile, state)
      const out = html(body)
      expect(out).not.toMatch(/<img|<script|<b>|<a href="?x/i)
      expect(out).not.toMatch(/<[a-z]+ [^>]*onerror/i)
      expect(out).not.toContain('href="http://evil')
      expect(out).not.toContain('href="http://e/')
      expect(out).not.toMatch(/<(em|strong)>(bold|it)</)
      expect(out).not.toContain('<del>s</del>')
      // only our own links
      const hrefs = [...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1])
      for (const h of hrefs)
        expect(h).toMatch(
          /^https:\/\/(us-east-1\.signin\.aws\/platform\/authorize\?|github\.com\/acme\/infra\/actions\/runs)/
        )
      // @ and # always followed by a zero-width joiner (no mention / issue reference)
      // (code spans are exempt: GitHub links nothing inside them)
      const prose = body.replace(/`[^`]*`/g, '')
      expect(prose).not.toMatch(new RegExp(`[@#](?!${ZWJ})[A-Za-z0-9]`))
      expect(out.replace(/<code>.*?<\/code>/g, '')).not.toMatch(
        new RegExp(`@(?!${ZWJ})[A-Za-z0-9]|(?<!&)#(?!${ZWJ})[A-Za-z0-9]`)
      )
      expect(body).not.toMatch(/www\.evil/)
      // table rows: each row has exactly 2 cells (3 unescaped pipes)
      const rows = body.split('\n').filter((l) => l.startsWith('| '))
      expect(rows.length).toBeGreaterThan(8)
      for (const row of rows)
        expect(row.replace(/\\\|/g, '').split('|').length - 1).toBe(3)
      const tableRows = out.match(/<tr>/g) ?? []
      expect(tableRows.length).toBe(rows.length) // header row + body rows, nothing split
      // the values are still readable once rendered
      expect(out).toContain('feat/&lt;img src=x onerror=alert(1)&gt;')
      expect(out).toContain('a|b c')
    }
  )

  test('escapeMarkdown and codeSpan', () => {
    expect(escapeMarkdown('feat/<img src=x onerror=alert(1)>')).toBe(
      'feat/\\<img src=x onerror=alert\\(1\\)\\>'
    )
    expect(escapeMarkdown('[click](http://evil)')).toBe(
      `\\[click\\]\\(http:${ZWJ}//evil\\)`
    )
    expect(escapeMarkdown('@org/admins')).toBe(`@${ZWJ}org/admins`)
    expect(escapeMarkdown('a|b\nc')).toBe('a\\|b c')
    expect(escapeMarkdown('x\u202ey')).toBe('xy')
    expect(codeSpan('a`b|c')).toBe('`aˋb\\|c`')
  })

  test('escapeChat neutralizes Slack/Teams syntax', () => {
    expect(escapeChat('<!channel> & [x](http://evil) @here')).toBe(
      `&lt;!channel&gt; &amp; [x]${ZWJ}(http:${ZWJ}//evil) @${ZWJ}here`
    )
  })

  test('safeUrl', () => {
    expect(safeUrl('https://a.example/x(y)')).toBe('https://a.example/x%28y%29')
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl('not a url')).toBeUndefined()
    expect(safeUrl(undefined)).toBeUndefined()
  })
})

describe('size limit', () => {
  const huge = 'x'.repeat(200_000)
  const big: RequestContext = {
    ...ctx,
    ref: huge,
    workflow: '|'.repeat(100_000),
    actor: '@'.repeat(100_000),
    repository: huge,
    job: huge,
    startUrl: `https://a.example/${huge}`,
    extraProfiles: Array.from({ length: 5000 }, (_, i) => ({
      name: `p${i}${'<'.repeat(300)}`,
      accountId: huge,
      roleName: huge
    }))
  }

  test.each([
    ['pending', undefined],
    ['failed', { ...finals.failed, reason: huge }],
    ['approved', { ...finals.approved, arn: huge, approvedBy: huge }]
  ] as const)(
    '%s stays under 65536 characters and keeps the marker',
    (_n, final) => {
      const body = renderMarkdown(big, {
        started: { ...started(), userCode: huge },
        final,
        now: T0
      })
      expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
      expect(body.startsWith('<!-- identity-center-login:')).toBe(true)
      expect(body).toContain('and 4980 more')
    }
  )

  test('long values are truncated with an ellipsis', () => {
    expect(escapeMarkdown('y'.repeat(1000))).toBe(`${'y'.repeat(199)}…`)
  })
})

describe('renderText', () => {
  test('pending: link, code, expiry, facts', () => {
    const t = renderText(ctx, { started: started(), now: T0 })
    expect(t).toContain(
      'Approve: https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Arq414243442d45464748'
    )
    expect(t).toContain('User code: ABCD-EFGH')
    expect(t).toContain('Expires: 2025-03-04 10:10:00 UTC (10 minutes left)')
    expect(t).toContain('acme/infra, workflow "Deploy", job "plan"')
    expect(t).toContain(
      'Run: https://github.com/acme/infra/actions/runs/987654321'
    )
    expect(t).toContain(
      'Triggered by: octocat (pull_request on refs/pull/12/merge @ 0123456)'
    )
    expect(t).toContain('account 123456789012, role DeployRole')
    expect(t).toContain('audit (210987654321 ReadOnly)')
    expect(t).toContain('Identity Center: https://acme.awsapps.com/start')
    expect(t).toContain(
      'Approving hands this runner your Identity Center sign-in until the job ends'
    )
    expect(t).toContain(
      'any step of this job can use it for every AWS account and role you can reach'
    )
  })

  test.each(FINAL_TYPES)('%s: no link', (type) => {
    const t = renderText(
      ctx,
      { started: started(), final: finals[type], now: T0 },
      { chat: true }
    )
    expect(t).not.toContain('amazonaws.com')
    expect(t).toContain('no longer valid')
  })

  test('chat mode escapes hostile values; no newlines injected', () => {
    const t = renderText(
      { ...ctx, ref: '<!channel>\nApprove: https://evil', actor: '@here' },
      { started: started(), now: T0 },
      { chat: true }
    )
    expect(t).toContain('&lt;!channel&gt; Approve: https:')
    expect(t).not.toContain('<!channel>')
    expect(t).not.toMatch(/@here/)
    expect(t.split('\n').filter((l) => l.startsWith('Approve:'))).toHaveLength(
      1
    )
  })
})

describe('verify-profiles: primary', () => {
  test('unverified profiles: a "not verified" row each and one sentence on what they are; none without them', () => {
    const profiles = [
      {
        name: 'main',
        accountId: '123456789012',
        roleName: 'DeployRole',
        arn: finals.approved.type === 'approved' ? finals.approved.arn : ''
      },
      {
        name: 'team-1.ReadOnly',
        accountId: '300000000001',
        roleName: 'ReadOnly',
        unverified: true
      },
      {
        name: 'team-2.ReadOnly',
        accountId: '300000000002',
        roleName: 'ReadOnly',
        unverified: true
      }
    ]
    const body = renderMarkdown(
      ctx,
      {
        started: started(),
        final: { ...finals.approved, profiles } as typeof finals.approved,
        now: T0
      },
      {},
      { summary: true }
    )
    expect(body).toContain(
      '| main | `123456789012` | `DeployRole` | ✅ verified |'
    )
    expect(body).toContain(
      '| team-1.ReadOnly | `300000000001` | `ReadOnly` | ➖ not verified |'
    )
    expect(body).toContain(
      '2 profiles were written without fetching or checking their credentials (verify-profiles: primary)'
    )
    const all = renderMarkdown(
      ctx,
      {
        started: started(),
        final: {
          ...finals.approved,
          profiles: profiles.map(({ unverified: _u, ...p }) => ({
            ...p,
            arn: 'arn:aws:sts::1:assumed-role/x/alice'
          }))
        } as typeof finals.approved,
        now: T0
      },
      {},
      { summary: true }
    )
    expect(all).not.toContain('not verified')
    expect(all).not.toContain('verify-profiles')
  })
})
