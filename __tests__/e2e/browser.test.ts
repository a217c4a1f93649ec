/**
 * A real approver, end to end: the bundled action posts its comment on the pull request (fake GitHub REST API),
 * headless Chromium opens the link taken from that comment's Markdown (today's form, /platform/authorize?request_uri=…,
 * which does not carry the code), confirms on the page the code the comment shows on its own, clicks Approve, and the
 * action finishes with the credentials exported and the comment edited to the approved state with no clickable
 * approval link left.
 *
 * Needs Debian's chromium (/usr/bin/chromium, installed by .ci/run); skipped where it is absent (macOS / Windows).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  approvalLinkOf,
  snapshotDist,
  startFakeGitHub,
  userCodeInComment,
  type FakeGitHub
} from './github-fake.js'
import {
  newWorkspace,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start
} from './runner.js'
import { skippedBecause } from '../skipped-because.js'

const CHROMIUM = '/usr/bin/chromium'
/** Without the background-networking switches Chromium hangs on a closed network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

const haveChromium = existsSync(CHROMIUM)
const browserTest = haveChromium ? test : test.skip
if (!haveChromium)
  skippedBecause(`${CHROMIUM} not found (install Debian's chromium package)`)

let emu: Emulator
let gh: FakeGitHub
let DIST: string
let browser: Browser | undefined
beforeAll(async () => {
  if (!haveChromium) return
  // the browser starts while the bundle is copied and the servers come up
  const launching = chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 20_000
  })
  ;[DIST, emu, gh, browser] = await Promise.all([
    snapshotDist(),
    startEmulator({ interval: 1 }),
    startFakeGitHub(),
    launching
  ])
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await gh?.close()
  await emu?.close()
  if (DIST)
    rmSync(path.dirname(path.dirname(DIST)), { recursive: true, force: true })
})

browserTest(
  `headless Chromium opens the link from the posted comment, confirms the code the comment shows and clicks Approve; the action finishes${haveChromium ? '' : ` (skipped: no ${CHROMIUM})`}`,
  async () => {
    const t0 = Date.now()
    const ws = newWorkspace()
    writeFileSync(
      ws.files.event,
      JSON.stringify({
        number: 17,
        pull_request: {
          number: 17,
          head: { sha: 'feedbeef00112233445566778899aabbccddeeff' }
        }
      })
    )
    const env = runnerEnv(
      ws,
      emu.url,
      { ...SEED_INPUTS, notify: 'comment' },
      {
        GITHUB_API_URL: gh.url,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_HEAD_REF: 'feature/x'
      }
    )
    const main = start(DIST, env)

    // what the approver gets: the comment on the pull request, nothing from the emulator's control API
    const comment = await gh.waitForComment()
    const link = approvalLinkOf(comment.body)
    expect(link).toBeDefined()
    // today's link names the request, not the code: the comment shows the code on its own
    expect(new URL(link!).pathname).toBe('/platform/authorize')
    expect([...new URL(link!).searchParams.keys()]).toEqual(['request_uri'])
    const codeInComment = userCodeInComment(comment.body)
    expect(codeInComment).toMatch(/^[A-Z]{4}-[A-Z]{4}$/)
    expect(link).not.toContain(codeInComment!)
    // and the name the client registered with, which only AWS's page can show (the repository of the run)
    const nameInComment = /the application asking is \*\*`([^`]+)`\*\*/.exec(
      comment.body
    )?.[1]
    expect(nameInComment).toBe('identity-center-login:acme/deploy')

    const page = await browser!.newPage()
    try {
      const response = await page.goto(link!, { timeout: 10_000 })
      expect(response?.status()).toBe(200)
      // the page shows who asks but not the code: the approver confirms the code by typing the one from the comment
      expect(await page.textContent('body')).not.toContain(codeInComment!)
      expect((await page.textContent('#client-name'))?.trim()).toBe(
        nameInComment
      )
      expect(main.child.exitCode).toBeNull()
      // a wrong code is refused and the request stays pending
      await page.fill('#user_code', 'BBBB-CCCC')
      await Promise.all([
        page.waitForURL(/\/platform\/authorize\/decision$/, {
          timeout: 10_000
        }),
        page.click('#approve')
      ])
      expect(await page.textContent('#code-error')).toContain(
        'not the code of this request'
      )
      expect(main.child.exitCode).toBeNull()
      await page.fill('#user_code', codeInComment!)
      await Promise.all([
        page.waitForSelector('#result', { timeout: 10_000 }),
        page.click('#approve')
      ])
      expect((await page.textContent('#result'))?.trim()).toBe(
        'Request approved'
      )
      expect(await page.textContent('body')).toContain('Signed in as alice')

      const result = await main.done
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)

      // credentials of alice's session, exported to the rest of the job
      const session = emu
        .roleSessions()
        .find((s) => s.user === 'alice' && s.accountId === '111122223333')
      expect(session).toBeDefined()
      expect(readCommandFile(ws.files.env)).toMatchObject({
        AWS_ACCESS_KEY_ID: session!.accessKeyId,
        AWS_SECRET_ACCESS_KEY: session!.secretAccessKey,
        AWS_SESSION_TOKEN: session!.sessionToken,
        AWS_REGION: 'us-west-2'
      })
      expect(readCommandFile(ws.files.output)['approved-by']).toBe('alice')

      // the same comment, edited to the approved state: no clickable approval link, the code struck through
      expect(gh.calls.map((c) => `${c.method} ${c.status}`)).toEqual([
        'POST 201',
        'PATCH 200'
      ])
      const final = comment.body
      expect(final).toContain('## ✅ AWS sign-in approved')
      expect(final).toMatch(/Approved by \*\*alice\*\*/)
      expect(approvalLinkOf(final)).toBeUndefined()
      expect(final).not.toContain(link!)
      expect(final).not.toContain('user_code=')
      expect(final).toContain(`~~${codeInComment}~~ (no longer valid)`)

      // and the old link is dead: opening it again says so instead of offering the buttons
      const again = await page.goto(link!, { timeout: 10_000 })
      expect(again?.status()).toBe(410)
      expect(await page.$('#approve')).toBeNull()
      expect(await page.textContent('#error')).toContain(
        'Cannot complete the request'
      )
    } finally {
      await page.close()
    }
    expect(Date.now() - t0).toBeLessThan(30_000)
    expect(readFileSync(ws.files.summary, 'utf8')).toBe('')
  },
  50_000
)
