/**
 * The bundled action's live channels, end to end: the pull request / issue comment against a local fake of
 * GitHub's REST API (GITHUB_API_URL), the job summary, and a chat webhook receiver.
 * The comment is posted while the action still polls, then edited in place (one POST, one PATCH) with the outcome;
 * values from the event are escaped; a fork's read-only token degrades to one warning; the webhook URL stays secret.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { marked } from 'marked'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { deadUrl } from '../notify/helpers.js'
import {
  approvalLinkOf,
  snapshotDist,
  startFakeGitHub,
  startFakeWebhook,
  type FakeComment,
  type FakeGitHub
} from './github-fake.js'
import {
  newWorkspace,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start,
  type Workspace
} from './runner.js'

let emu: Emulator
let gh: FakeGitHub
/** The bundled action (dist/index.js, copied aside; see snapshotDist). */
let DIST: string
beforeAll(async () => {
  DIST = await snapshotDist()
  emu = await startEmulator({ interval: 1 })
})
afterAll(async () => {
  await emu?.close()
  if (DIST)
    rmSync(path.dirname(path.dirname(DIST)), { recursive: true, force: true })
})
beforeEach(async () => {
  gh = await startFakeGitHub()
})
afterEach(async () => {
  await gh.close()
})

const TOKEN = SEED_INPUTS['github-token']
const HEAD_SHA = 'feedbeef00112233445566778899aabbccddeeff'
const MARKER = '<!-- identity-center-login:4242:prod:my-dev-profile -->'
const RUN_URL = 'https://github.com/acme/deploy/actions/runs/4242/attempts/1'

/** A pull_request run: the event payload names the PR and its head commit. */
function pullRequestEnv(
  ws: Workspace,
  inputs: Record<string, string>,
  extra: Record<string, string> = {}
) {
  writeFileSync(
    ws.files.event,
    JSON.stringify({
      action: 'synchronize',
      number: 17,
      pull_request: { number: 17, head: { sha: HEAD_SHA, ref: 'feature/x' } }
    })
  )
  return runnerEnv(ws, emu.url, inputs, {
    GITHUB_API_URL: gh.url,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_HEAD_REF: 'feature/x',
    GITHUB_REF_NAME: '17/merge',
    ...extra
  })
}

/** Lines of stdout that are workflow commands of one kind (`::warning::…`, `::notice title=…::…`). */
const commands = (stdout: string, kind: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith(`::${kind} `) || l.startsWith(`::${kind}::`))

/** stdout as the runner shows it: the `::add-mask::` commands are consumed, not printed. */
const visible = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Waits until the emulator has answered a token poll for `userCode` after time `t` (the action is still polling). */
async function pollAfter(userCode: string, t: number): Promise<void> {
  const deadline = Date.now() + 10_000
  while (
    !emu
      .calls()
      .some(
        (c) =>
          c.operation === 'CreateToken' && c.userCode === userCode && c.at > t
      )
  ) {
    if (Date.now() > deadline)
      throw new Error(
        `no CreateToken poll for ${userCode} after the comment was posted`
      )
    await sleep(25)
  }
}

/** Every href / src the Markdown renders to (GitHub renders comments with GFM; marked is close enough for links and HTML). */
function renderedTargets(markdown: string): {
  html: string
  hrefs: string[]
  tags: string[]
} {
  const html = marked.parse(markdown, { gfm: true, async: false }) as string
  const hrefs = [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) =>
    m[1].replace(/&amp;/g, '&')
  )
  const tags = [
    ...new Set(
      [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) =>
        m[1].toLowerCase()
      )
    )
  ].sort()
  return { html, hrefs, tags }
}

/** Markdown without its HTML comment marker (which is HTML by design, and the one tag we put there). */
const withoutMarker = (md: string) => md.replace(MARKER, '')

/** The comment as posted, checked while the action still polls. */
async function expectWaitingComment(
  main: ReturnType<typeof start>,
  userCode: string,
  link: string
): Promise<FakeComment> {
  const comment = await gh.waitForComment()
  // posted while the device flow is still waiting for approval: the process runs and keeps polling afterwards
  await pollAfter(userCode, comment.versions[0].at)
  expect(main.child.exitCode).toBeNull()
  expect(comment.versions).toHaveLength(1)
  expect(comment.versions[0].method).toBe('POST')
  const body = comment.body
  expect(body.startsWith(MARKER)).toBe(true)
  expect(body).toContain('AWS sign-in: approval needed')
  expect(approvalLinkOf(body)).toBe(link)
  expect(body).toContain(`[➡️ Approve in AWS IAM Identity Center](${link})`)
  expect(body).toContain(`**\`${userCode}\`**`)
  expect(body).toMatch(
    /\| Code expires \| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(\d+ minutes? left when posted\) \|/
  )
  expect(body).toContain('| AWS account | `111122223333` |')
  expect(body).toContain('| Role | `DeveloperAccess` |')
  expect(body).toContain(`| Run | [Open the workflow run](${RUN_URL}) |`)
  expect(body).toContain(
    '| Identity Center | `https://my-sso-portal.awsapps.com/start` |'
  )
  expect(body).toContain(
    'Approving hands this runner **your Identity Center sign-in until the job ends**: any step of this job can use it for every AWS account and role you can reach'
  )
  expect(body).toContain(
    'and that the application asking is **`identity-center-login:acme/deploy`**'
  )
  return comment
}

/** The final edit: no clickable approval link, the code struck through, the same marker. */
function expectFinalComment(
  comment: FakeComment,
  userCode: string,
  link: string
): string {
  const body = comment.body
  expect(body.startsWith(MARKER)).toBe(true)
  expect(approvalLinkOf(body)).toBeUndefined()
  expect(body).not.toContain(link)
  expect(body).not.toContain('user_code=')
  expect(body).toContain(`~~${userCode}~~`)
  expect(body).toContain('no longer valid')
  expect(renderedTargets(body).hrefs).toEqual([RUN_URL])
  return body
}

/**
 * The job summary carries the same facts as the final comment (only the "Updated" time may differ); a sign-in that
 * succeeded adds the approval record below them, collapsed (the summary only).
 */
function expectSummaryMatches(ws: Workspace, finalBody: string): void {
  const norm = (s: string) =>
    s
      .trim()
      .replace(/Updated \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/, 'Updated <time>')
  const [facts, record] = readFileSync(ws.files.summary, 'utf8').split(
    '\n<details><summary>Approval record'
  )
  expect(norm(facts)).toBe(norm(finalBody))
  expect(record === undefined).toBe(!finalBody.includes('AWS sign-in approved'))
  if (record !== undefined) expect(record).toMatch(/^ \(version 1\)/)
}

describe('comment on the pull request, edited in place', () => {
  test.each([
    ['approved', 0],
    ['denied', 1],
    ['expired', 1]
  ] as const)(
    '%s: posted before approval with the link and code, then one PATCH with the outcome',
    async (outcome, exitCode) => {
      const ws = newWorkspace()
      const main = start(
        DIST,
        pullRequestEnv(ws, { ...SEED_INPUTS, notify: 'comment,summary' })
      )
      const auth = await emu.waitForDeviceAuthorization()
      const link = auth.verificationUriComplete
      const comment = await expectWaitingComment(main, auth.userCode, link)
      // the pull request of the event, its head commit (not the merge commit), the token as a bearer
      expect(comment).toMatchObject({
        owner: 'acme',
        repo: 'deploy',
        issueNumber: 17
      })
      expect(comment.body).toContain('| Commit | `feedbee` |')
      expect(comment.body).toContain('| Event | pull\\_request |')
      expect(comment.body).toContain('| Ref | feature/x |')
      expect(gh.calls[0].authorization).toBe(`token ${TOKEN}`)

      if (outcome === 'approved') emu.approve(auth.userCode, 'alice')
      else if (outcome === 'denied') emu.deny(auth.userCode)
      else emu.expire(auth.userCode)
      const result = await main.done
      expect(result.code).toBe(exitCode)
      expect(result.stderr).toBe('')

      // edited, not duplicated: one POST, one PATCH of that comment
      expect(gh.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
        'POST /repos/acme/deploy/issues/17/comments 201',
        `PATCH /repos/acme/deploy/issues/comments/${comment.id} 200`
      ])
      expect(gh.comments).toHaveLength(1)
      expect(comment.versions.map((v) => v.method)).toEqual(['POST', 'PATCH'])
      const body = expectFinalComment(comment, auth.userCode, link)
      if (outcome === 'approved') {
        expect(body).toContain('## ✅ AWS sign-in approved')
        expect(body).toMatch(
          /Approved by \*\*alice\*\* at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\. Verified: account \*\*111122223333\*\*, role \*\*DeveloperAccess\*\*\./
        )
        expect(body).toMatch(
          /\| Session \| `arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice` \|/
        )
        expect(Object.keys(readCommandFile(ws.files.env))).toContain(
          'AWS_SESSION_TOKEN'
        )
      } else if (outcome === 'denied') {
        expect(body).toContain('## ⛔ AWS sign-in denied')
        expect(body).toContain('The job gets no AWS credentials.')
        expect(result.stdout).toContain(
          '::error::the approver denied the request'
        )
      } else {
        expect(body).toContain('## ⌛ AWS sign-in request expired')
        expect(body).toMatch(
          /No one approved within \d+ s; the request expired at/
        )
        expect(result.stdout).toMatch(
          /::error::the code expired before anyone approved it/
        )
      }
      expectSummaryMatches(ws, body)

      // the log: a notice annotation with the link, where the comment is, no warning, the token never shown
      // (a workflow command escapes % as %25: today's link carries an encoded request_uri; the code is shown on its own)
      expect(
        commands(result.stdout, 'notice').some(
          (l) =>
            l.includes(link.replace(/%/g, '%25')) &&
            l.includes(`code ${auth.userCode}`)
        )
      ).toBe(true)
      expect(result.stdout).toContain(
        `Posted the approval request on #17: https://github.com/acme/deploy/pull/17#issuecomment-${comment.id}`
      )
      expect(commands(result.stdout, 'warning')).toEqual([])
      expect(visible(result.stdout)).not.toContain(TOKEN)
    }
  )

  test('issue-number on a workflow_dispatch run: the comment goes to that issue', async () => {
    const ws = newWorkspace()
    const env = runnerEnv(
      ws,
      emu.url,
      { ...SEED_INPUTS, notify: 'comment', 'issue-number': '5' },
      { GITHUB_API_URL: gh.url }
    )
    const main = start(DIST, env)
    const auth = await emu.waitForDeviceAuthorization()
    const comment = await expectWaitingComment(
      main,
      auth.userCode,
      auth.verificationUriComplete
    )
    expect(comment).toMatchObject({
      owner: 'acme',
      repo: 'deploy',
      issueNumber: 5
    })
    expect(comment.body).toContain('| Event | workflow\\_dispatch |')
    expect(comment.body).toContain('| Commit | `0123456` |')
    emu.approve(auth.userCode, 'alice')
    const result = await main.done
    expect(result.code).toBe(0)
    expect(gh.calls.map((c) => c.method)).toEqual(['POST', 'PATCH'])
    expect(
      expectFinalComment(comment, auth.userCode, auth.verificationUriComplete)
    ).toContain('AWS sign-in approved')
    // notify without summary: the job summary stays empty
    expect(readFileSync(ws.files.summary, 'utf8')).toBe('')
  })
})

describe('values from the event are escaped', () => {
  const cases: {
    name: string
    event: string
    extra: Record<string, string>
    inputs: Record<string, string>
  }[] = [
    {
      name: 'pull_request: HTML in the head branch, a mention as the actor',
      event: 'pull_request',
      extra: {
        GITHUB_HEAD_REF: 'feat/<img src=x onerror=alert(1)>',
        GITHUB_ACTOR: '@org/admins'
      },
      inputs: {}
    },
    {
      name: 'workflow_dispatch: a team mention as the branch, link / script / issue reference in the triggering actor',
      event: 'workflow_dispatch',
      extra: {
        GITHUB_REF_NAME: '@org/admins',
        GITHUB_TRIGGERING_ACTOR:
          '<script>alert(1)</script>[approve here](https://evil.example/phish) #1 ![x](https://evil.example/x.png) *bold* | cell'
      },
      inputs: { 'issue-number': '5' }
    }
  ]
  test.each(cases)('$name', async ({ event, extra, inputs }) => {
    const ws = newWorkspace()
    const hook = await startFakeWebhook()
    try {
      const all = {
        ...SEED_INPUTS,
        notify: 'comment,summary,webhook',
        'webhook-url': hook.url,
        ...inputs
      }
      const env =
        event === 'pull_request'
          ? pullRequestEnv(ws, all, extra)
          : runnerEnv(ws, emu.url, all, { GITHUB_API_URL: gh.url, ...extra })
      const main = start(DIST, env)
      const auth = await emu.waitForDeviceAuthorization()
      const comment = await gh.waitForComment()
      await pollAfter(auth.userCode, comment.versions[0].at)
      emu.approve(auth.userCode, 'alice')
      const result = await main.done
      expect(result.code).toBe(0)
      expect(comment.versions).toHaveLength(2)

      const [summary, record] = readFileSync(ws.files.summary, 'utf8').split(
        '\n<details><summary>Approval record'
      )
      // The summary's approval record: the values only inside its code fence (inert), nothing live, no link.
      const rendered = renderedTargets(
        `<details><summary>Approval record${record}`
      )
      expect(rendered.hrefs).toEqual([])
      expect(
        rendered.tags.filter(
          (t) => !['code', 'details', 'p', 'pre', 'summary'].includes(t)
        )
      ).toEqual([])
      expect(rendered.html).not.toMatch(/<img|<script/i)
      const markdowns = [...comment.versions.map((v) => v.body), summary]
      for (const md of markdowns) {
        const body = withoutMarker(md)
        // no raw HTML, no live mention, no injected link, image, emphasis or table cell
        expect(body).not.toMatch(/(?<!\\)<(?!br>|sub>|\/sub>)/)
        expect(body).not.toMatch(/@(?!\u200d)/)
        expect(body).not.toMatch(/#\d/)
        expect(body).not.toContain('](https://evil')
        const { html, hrefs, tags } = renderedTargets(body)
        expect(
          tags.filter(
            (t) =>
              ![
                'a',
                'br',
                'code',
                'del',
                'h2',
                'h3',
                'p',
                'strong',
                'sub',
                'table',
                'tbody',
                'td',
                'th',
                'thead',
                'tr'
              ].includes(t)
          )
        ).toEqual([])
        for (const href of hrefs)
          expect([RUN_URL, auth.verificationUriComplete]).toContain(href)
        expect(html).not.toMatch(/<img|<script/i)
        // every table row still has exactly two cells
        for (const row of body.split('\n').filter((l) => l.startsWith('| ')))
          expect(row.replace(/\\\|/g, '').split('|').length).toBe(4)
      }
      // the values are still there, readable
      const shown = renderedTargets(withoutMarker(comment.body)).html
      if (event === 'pull_request') {
        expect(shown).toContain('feat/&lt;img src=x onerror=alert(1)&gt;')
        expect(comment.body).toContain('@\u200dorg/admins')
      } else {
        expect(comment.body).toContain('| Ref | @\u200dorg/admins |')
        expect(shown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      }

      // the chat webhook: Slack's entity escaping, no <!channel>-style or <url|text> markup, mentions broken
      const texts = (await hook.waitForMessages(2)).map(
        (m) => (m.payload as { text: string }).text
      )
      for (const text of texts) {
        expect(text).not.toMatch(/[<>]/)
        expect(text).not.toMatch(/@(?![\u200d ])/) // ' @ ' separates the ref from the commit
        expect(text).not.toContain('](https://evil')
      }
    } finally {
      await hook.close()
    }
  })
})

describe('a channel that fails does not fail the login', () => {
  test('fork pull request: 403 "Resource not accessible by integration" gives exactly one warning, and the login succeeds', async () => {
    gh.forbid('POST')
    gh.forbid('PATCH')
    const ws = newWorkspace()
    const main = start(
      DIST,
      pullRequestEnv(ws, { ...SEED_INPUTS, notify: 'comment,summary' })
    )
    const auth = await emu.waitForDeviceAuthorization()
    await gh.waitForCalls(1)
    await pollAfter(auth.userCode, gh.calls[0].at)
    emu.approve(auth.userCode, 'alice')
    const result = await main.done
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    // one attempt (a 403 that is not a rate limit is not retried), nothing to edit afterwards
    expect(gh.calls.map((c) => `${c.method} ${c.status}`)).toEqual(['POST 403'])
    const warnings = commands(result.stdout, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(
      'Could not post the AWS sign-in request on #17'
    )
    expect(warnings[0]).toContain('Resource not accessible by integration')
    expect(warnings[0]).toContain('pull-requests: write')
    expect(warnings[0]).toContain('Approvers must use the link in the job log')
    // the link was in the log all along, the credentials are exported, the summary has the outcome
    expect(result.stdout).toContain(
      `Open this link to approve: ${auth.verificationUriComplete}`
    )
    expect(readCommandFile(ws.files.env)).toHaveProperty('AWS_SESSION_TOKEN')
    expect(readCommandFile(ws.files.output)['approved-by']).toBe('alice')
    expect(readFileSync(ws.files.summary, 'utf8')).toContain(
      'AWS sign-in approved'
    )
    expect(visible(result.stdout)).not.toContain(TOKEN)
  })

  test('a comment that cannot be edited at the end: one warning that it still shows the old request; the login succeeds', async () => {
    const ws = newWorkspace()
    const main = start(
      DIST,
      pullRequestEnv(ws, { ...SEED_INPUTS, notify: 'comment' })
    )
    const auth = await emu.waitForDeviceAuthorization()
    const comment = await gh.waitForComment()
    gh.forbid('PATCH')
    emu.approve(auth.userCode, 'alice')
    const result = await main.done
    expect(result.code).toBe(0)
    expect(gh.calls.map((c) => `${c.method} ${c.status}`)).toEqual([
      'POST 201',
      'PATCH 403'
    ])
    expect(comment.versions).toHaveLength(1)
    const warnings = commands(result.stdout, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(
      'Could not update the comment on #17 with the outcome (approved)'
    )
    expect(warnings[0]).toContain('Resource not accessible by integration')
    expect(warnings[0]).toContain('still shows the old request')
    expect(readCommandFile(ws.files.env)).toHaveProperty('AWS_SESSION_TOKEN')
  })
})

describe('webhook', () => {
  test('receives {"text"} when the request starts and when it ends; the URL never shows in the log', async () => {
    const hook = await startFakeWebhook('/hook')
    try {
      const ws = newWorkspace()
      const main = start(
        DIST,
        runnerEnv(ws, emu.url, {
          ...SEED_INPUTS,
          notify: 'webhook',
          'webhook-url': hook.url
        })
      )
      const auth = await emu.waitForDeviceAuthorization()
      const [first] = await hook.waitForMessages(1)
      await pollAfter(auth.userCode, first.at)
      expect(main.child.exitCode).toBeNull()
      emu.approve(auth.userCode, 'alice')
      const result = await main.done
      expect(result.code).toBe(0)
      expect(result.stderr).toBe('')

      expect(hook.messages).toHaveLength(2)
      for (const m of hook.messages) {
        expect(m.path).toBe('/hook')
        expect(m.contentType).toBe('application/json')
        expect(Object.keys(m.payload as object)).toEqual(['text'])
      }
      const [start_, end] = hook.messages.map(
        (m) => (m.payload as { text: string }).text
      )
      expect(start_).toContain('AWS sign-in approval needed')
      expect(start_).toContain(`Approve: ${auth.verificationUriComplete}`)
      expect(start_).toContain(`User code: ${auth.userCode}`)
      expect(start_).toContain(
        'Requested: account 111122223333, role DeveloperAccess'
      )
      expect(end).toContain('AWS sign-in approved')
      expect(end).toContain('Approved by alice')
      expect(end).not.toContain('user_code=')
      expect(end).toContain(`The code ${auth.userCode} is no longer valid.`)

      // masked as a secret (the runner consumes ::add-mask::), and never printed otherwise
      expect(result.stdout).toContain(`::add-mask::${hook.url}`)
      for (const out of [visible(result.stdout), result.stderr]) {
        expect(out).not.toContain(hook.url)
        expect(out).not.toContain(`:${hook.port}`)
      }
      expect(commands(result.stdout, 'warning')).toEqual([])
    } finally {
      await hook.close()
    }
  })

  test('a webhook that is down: one warning without the URL, and the login succeeds', async () => {
    const url = `${await deadUrl()}/hook`
    const ws = newWorkspace()
    const main = start(
      DIST,
      runnerEnv(ws, emu.url, {
        ...SEED_INPUTS,
        notify: 'webhook',
        'webhook-url': url
      })
    )
    const auth = await emu.waitForDeviceAuthorization()
    emu.approve(auth.userCode, 'alice')
    const result = await main.done
    expect(result.code).toBe(0)
    const warnings = commands(result.stdout, 'warning')
    expect(warnings).toEqual([
      '::warning::Could not notify the webhook (network error (ECONNREFUSED)): check the webhook-url secret and that the receiver is reachable from the runner (HTTPS_PROXY / NO_PROXY). The link and the code are in the job log.'
    ])
    expect(visible(result.stdout)).not.toContain(new URL(url).host)
    expect(readCommandFile(ws.files.env)).toHaveProperty('AWS_SESSION_TOKEN')
  })
})

describe('every outcome edits the one comment, and no live link is left', () => {
  /** Exactly one POST, every other call a PATCH of that comment; returns the final body. */
  function expectOneCommentEdited(comment: FakeComment, patches: number): void {
    expect(gh.comments).toHaveLength(1)
    expect(gh.calls.filter((c) => c.method === 'POST')).toHaveLength(1)
    expect(gh.calls.map((c) => `${c.method} ${c.status}`)).toEqual([
      'POST 201',
      ...Array(patches).fill('PATCH 200')
    ])
    for (const c of gh.calls.slice(1))
      expect(c.path).toBe(`/repos/acme/deploy/issues/comments/${comment.id}`)
  }

  test('cancelled (SIGINT while waiting): the comment says cancelled, the code is struck', async () => {
    const ws = newWorkspace()
    const main = start(
      DIST,
      pullRequestEnv(ws, { ...SEED_INPUTS, notify: 'comment' })
    )
    const auth = await emu.waitForDeviceAuthorization()
    const comment = await expectWaitingComment(
      main,
      auth.userCode,
      auth.verificationUriComplete
    )
    main.child.kill('SIGINT')
    const result = await main.done
    expect(result.code).toBe(1)
    expectOneCommentEdited(comment, 1)
    const body = expectFinalComment(
      comment,
      auth.userCode,
      auth.verificationUriComplete
    )
    expect(body).toContain('## 🚫 AWS sign-in request cancelled')
    expect(body).toMatch(
      /The job was cancelled at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(SIGINT\) before the sign-in finished\. The job gets no AWS credentials\./
    )
    expect(commands(result.stdout, 'warning')).toEqual([])
  })

  test('failed (the approver has no access to the role): the reason, one period, no link', async () => {
    const ws = newWorkspace()
    const main = start(
      DIST,
      pullRequestEnv(ws, { ...SEED_INPUTS, notify: 'comment,summary' })
    )
    const auth = await emu.waitForDeviceAuthorization()
    const comment = await expectWaitingComment(
      main,
      auth.userCode,
      auth.verificationUriComplete
    )
    emu.approve(auth.userCode, 'carol')
    const result = await main.done
    expect(result.code).toBe(1)
    expectOneCommentEdited(comment, 1)
    const body = expectFinalComment(
      comment,
      auth.userCode,
      auth.verificationUriComplete
    )
    expect(body).toContain('## ❌ AWS sign-in failed')
    expect(body).toMatch(
      /The sign-in failed at [^\n]*the approver could not assume role "DeveloperAccess" in account 111122223333: [^\n]*on that account\.\n/
    )
    expect(body).not.toMatch(/[^.]\.\.(?!\.)/)
    expectSummaryMatches(ws, body)
  })

  test.each([
    [
      'allowed-approvers',
      { 'allowed-approvers': 'bob' },
      {},
      /not in allowed-approvers/
    ],
    [
      'forbid-self-approval',
      { 'forbid-self-approval': 'true' },
      { GITHUB_ACTOR: 'alice', GITHUB_TRIGGERING_ACTOR: 'alice' },
      /forbid-self-approval is true/
    ]
  ] as const)(
    'rejected (%s): who approved and why that is not enough',
    async (_name, inputs, extra, why) => {
      const ws = newWorkspace()
      const main = start(
        DIST,
        pullRequestEnv(
          ws,
          { ...SEED_INPUTS, notify: 'comment', ...inputs },
          { ...extra }
        )
      )
      const auth = await emu.waitForDeviceAuthorization()
      const comment = await expectWaitingComment(
        main,
        auth.userCode,
        auth.verificationUriComplete
      )
      emu.approve(auth.userCode, 'alice')
      const result = await main.done
      expect(result.code).toBe(1)
      expectOneCommentEdited(comment, 1)
      const body = expectFinalComment(
        comment,
        auth.userCode,
        auth.verificationUriComplete
      )
      expect(body).toContain('## ⛔ AWS sign-in rejected: approver not allowed')
      expect(body).toMatch(
        /\*\*alice\*\* approved at [^\n]*but that is not enough: /
      )
      expect(body).toMatch(why)
      expect(body).toContain('| Approved by (not allowed) | alice |')
      expect(body).not.toMatch(/[^.]\.\.(?!\.)/)
    }
  )

  test('re-issued code (approval-timeout): the same comment gets the new code, then the outcome; neither link is left', async () => {
    const ws = newWorkspace()
    const main = start(
      DIST,
      pullRequestEnv(ws, {
        ...SEED_INPUTS,
        notify: 'comment',
        'approval-timeout': '60'
      })
    )
    const first = await emu.waitForDeviceAuthorization()
    const comment = await expectWaitingComment(
      main,
      first.userCode,
      first.verificationUriComplete
    )
    emu.expire(first.userCode)
    const second = await emu.waitForDeviceAuthorization()
    expect(second.userCode).not.toBe(first.userCode)
    await gh.waitForComment((c) => c.versions.length === 2)
    const reissued = comment.versions[1].body
    expect(approvalLinkOf(reissued)).toBe(second.verificationUriComplete)
    expect(reissued).toContain('this is a **new code** (attempt 2)')
    expect(reissued).not.toContain(first.userCode)
    await pollAfter(second.userCode, comment.versions[1].at)
    emu.approve(second.userCode, 'alice')
    const result = await main.done
    expect(result.code).toBe(0)
    expectOneCommentEdited(comment, 2)
    const body = expectFinalComment(
      comment,
      second.userCode,
      second.verificationUriComplete
    )
    expect(body).not.toContain(first.verificationUriComplete)
    expect(body).toContain('## ✅ AWS sign-in approved')
    expect(body).toContain(
      '| Attempt | 2 (the previous code expired: a fresh code replaced it) |'
    )
  })
})

describe('a hung GitHub API never loses the final state silently', () => {
  test('a PATCH that never answers: the final edit gives up inside the drain window with a warning; the login succeeds', async () => {
    const ws = newWorkspace()
    const main = start(
      DIST,
      pullRequestEnv(ws, { ...SEED_INPUTS, notify: 'comment' })
    )
    const auth = await emu.waitForDeviceAuthorization()
    await expectWaitingComment(
      main,
      auth.userCode,
      auth.verificationUriComplete
    )
    gh.hang('PATCH')
    const t = Date.now()
    emu.approve(auth.userCode, 'alice')
    const result = await main.done
    expect(result.code).toBe(0)
    expect(Date.now() - t).toBeLessThan(12_000)
    expect(readCommandFile(ws.files.env)).toHaveProperty('AWS_SESSION_TOKEN')
    const warnings = commands(result.stdout, 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^::warning::Could not update the comment on #17 with the outcome \(approved\) \(timed out after [\d.]+ s/
    )
    expect(warnings[0]).toContain('The comment still shows the old request')
    // the retries were said in the log, as info
    expect(result.stdout).toMatch(
      /^GitHub update comment: timed out after [\d.]+ s on attempt 1 of 3; /m
    )
  })

  test('cancelled while the POST hangs: the drain times out and names the comment that may be stale', async () => {
    gh.hang('POST')
    const ws = newWorkspace()
    const main = start(
      DIST,
      pullRequestEnv(ws, { ...SEED_INPUTS, notify: 'comment' })
    )
    const auth = await emu.waitForDeviceAuthorization()
    await gh.waitForCalls(1)
    await pollAfter(auth.userCode, gh.calls[0].at)
    main.child.kill('SIGINT')
    const result = await main.done
    expect(result.code).toBe(1)
    const warnings = commands(result.stdout, 'warning')
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^::warning::Notifications did not finish within 3\.0 s and were abandoned: comment \(the comment on #17 may not have been posted, or may still show the old request\)\.$/
      )
    )
    expect(gh.calls.filter((c) => c.method === 'POST')).toHaveLength(1)
  })
})
