/**
 * required-approvals (the two-person rule) through the BUNDLED action and CLI, against the emulator:
 * N different people approve a code each; each earlier approver's sign-in is proven and signed out at once; the job's
 * credentials come from the last sign-in; duplicates and approvers without the role do not count; a denial or a
 * time-out fails the step, signs every sign-in out and writes nothing; share-session carries the approvers on.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  CLI,
  consumerEnv,
  DIST,
  newWorkspace,
  postEnv,
  postOf,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start,
  type Workspace
} from './runner.js'
import {
  startFakeGitHub,
  startFakeWebhook,
  type FakeGitHub,
  type FakeWebhook
} from './github-fake.js'

let emu: Emulator
let gh: FakeGitHub
let hook: FakeWebhook
beforeAll(async () => {
  emu = await startEmulator({ interval: 1 })
  gh = await startFakeGitHub()
  hook = await startFakeWebhook('/hook')
})
afterAll(async () => {
  await emu.close()
  await gh.close()
  await hook.close()
})

const TWO = { 'required-approvals': '2' }
const KEY = 'test-session-key-0123456789-abcdefghij'

/** The action, each code approved (or denied / expired) in turn as the emulator hands it out. */
async function action(
  inputs: Record<string, string>,
  steps: (string | 'deny' | 'expire')[],
  ws: Workspace = newWorkspace()
) {
  const env = runnerEnv(
    ws,
    emu.url,
    { ...SEED_INPUTS, ...TWO, ...inputs },
    { GITHUB_API_URL: gh.url }
  )
  const main = start(DIST, env)
  const codes: string[] = []
  for (const step of steps) {
    const auth = await emu.waitForDeviceAuthorization(20_000)
    codes.push(auth.userCode)
    if (step === 'deny') emu.deny(auth.userCode)
    else if (step === 'expire') emu.expire(auth.userCode)
    else emu.approve(auth.userCode, step)
  }
  const result = await main.done
  return { ws, env, result, codes }
}

const tokenOf = (userCode: string) =>
  emu.tokens().find((t) => t.userCode === userCode)
const nothingWritten = (ws: Workspace) => {
  expect(readFileSync(ws.files.env, 'utf8')).toBe('')
  expect(readCommandFile(ws.files.output)).toEqual({})
  expect(existsSync(path.join(ws.home, '.aws', 'config'))).toBe(false)
  expect(existsSync(path.join(ws.home, '.aws', 'sso', 'cache'))).toBe(false)
}
const PROGRESS_1 =
  /1 of 2 approvals: alice \(at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); waiting for another approver/

test('alice then bob: success; alice was signed out before bob was asked; the job has bob’s sign-in; every channel and the record name both', async () => {
  emu.reset()
  hook.messages.length = 0
  const { ws, env, result, codes } = await action(
    {
      notify: 'summary,comment,webhook',
      'issue-number': '7',
      'webhook-url': hook.url
    },
    ['alice', 'bob']
  )
  expect(result.code).toBe(0)
  const alice = tokenOf(codes[0])!
  const bob = tokenOf(codes[1])!
  expect(alice.user).toBe('alice')
  expect(alice.revoked).toBe(true)
  const bobStarted = emu
    .calls()
    .filter((c) => c.operation === 'StartDeviceAuthorization')[1]
  expect(alice.revokedAt!).toBeLessThanOrEqual(bobStarted.at)
  expect(bob.revoked).toBe(false)
  const outputs = readCommandFile(ws.files.output)
  expect(outputs['approved-by']).toBe('bob')
  expect(outputs.arn).toMatch(/\/bob$/)
  // The log: the fresh code with the progress, then the final line naming both and whose sign-in it is.
  expect(result.stdout).toMatch(
    /AWS IAM Identity Center sign-in needs approval\.\n {2}0 of 2 approvals; waiting for an approver/
  )
  expect(result.stdout).toMatch(
    new RegExp(
      `needs approval\\.\\n {2}alice's approval counted and that sign-in was signed out\\. ${PROGRESS_1.source}`
    )
  )
  expect(result.stdout).toContain(
    "Approved by alice and bob; the job's credentials come from bob's sign-in, the others' sign-ins were signed out once they were proven"
  )
  // The summary, the comment (every version) and the webhook show the progress and the final line.
  const summary = readFileSync(ws.files.summary, 'utf8')
  expect(summary).toContain('Approved by alice and bob')
  const comment = gh.comments.at(-1)!
  expect(
    comment.versions.some((v) => PROGRESS_1.test(v.body.replace(/\\/g, '')))
  ).toBe(true)
  expect(comment.body).toContain('Approved by alice and bob')
  const texts = hook.messages.map((m) => JSON.stringify(m.payload))
  expect(texts.some((t) => PROGRESS_1.test(t))).toBe(true)
  expect(texts.at(-1)).toContain('Approved by alice and bob')
  // The record: both approvers, in order, at the times their tokens were issued.
  const record = JSON.parse(outputs['approval-record'])
  expect(record.approvers.map((a: { name: string }) => a.name)).toEqual([
    'alice',
    'bob'
  ])
  const [a, b] = record.approvers.map((x: { approvedAt: string }) =>
    Date.parse(x.approvedAt)
  )
  expect(a).toBeGreaterThanOrEqual(alice.issuedAt)
  expect(a).toBeLessThan(bob.issuedAt)
  expect(b).toBeGreaterThanOrEqual(bob.issuedAt)
  expect(record.verified[0].arn).toBe(outputs.arn)
  expect(summary).toContain(
    'Approval record (version 1): approved by alice, bob'
  )
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect(post.code).toBe(0)
  expect(emu.tokens().every((t) => t.revoked)).toBe(true)
})

test('alice twice is not enough: the second is signed out at once and said so; then bob completes it', async () => {
  emu.reset()
  const { ws, env, result, codes } = await action({}, ['alice', 'alice', 'bob'])
  expect(result.code).toBe(0)
  expect(codes).toHaveLength(3)
  expect(tokenOf(codes[1])!.revoked).toBe(true)
  expect(tokenOf(codes[1])!.revokedAt!).toBeLessThan(
    tokenOf(codes[2])!.issuedAt
  )
  expect(result.stdout).toMatch(
    new RegExp(
      `alice approved again, which does not count: each approval must come from a different person; that sign-in was signed out\\. ${PROGRESS_1.source}`
    )
  )
  const record = JSON.parse(readCommandFile(ws.files.output)['approval-record'])
  expect(record.approvers.map((a: { name: string }) => a.name)).toEqual([
    'alice',
    'bob'
  ])
  await start(postOf(DIST), postEnv(ws, env)).done
})

test('alice twice, then the time runs out: the step fails, every sign-in is signed out, nothing is written', async () => {
  emu.reset()
  const { ws, result, codes } = await action({}, ['alice', 'alice', 'expire'])
  expect(result.code).toBe(1)
  const error = result.stdout
    .split('\n')
    .find((l) => l.startsWith('::error::'))!
  expect(error).toMatch(
    /after 1 of 2 approvals: alice \(at [^)]+\); every sign-in this run obtained was signed out/
  )
  for (const code of codes.slice(0, 2))
    expect(tokenOf(code)!.revoked).toBe(true)
  expect(emu.tokens()).toHaveLength(2)
  nothingWritten(ws)
})

test('a denial by the second approver fails the step and revokes the first one’s sign-in; nothing is written', async () => {
  emu.reset()
  const { ws, result, codes } = await action(
    { 'role-to-assume': 'deploy', 'role-source-identity': 'true' },
    ['alice', 'deny']
  )
  expect(result.code).toBe(1)
  expect(tokenOf(codes[0])!.revoked).toBe(true)
  expect(emu.tokens()).toHaveLength(1)
  expect(emu.assumeRoleRequests()).toEqual([])
  const error = result.stdout
    .split('\n')
    .find((l) => l.startsWith('::error::'))!
  expect(error).toMatch(/denied/i)
  expect(error).toMatch(/after 1 of 2 approvals: alice/)
  expect(readFileSync(ws.files.summary, 'utf8')).toMatch(
    /After 1 of 2 approvals: alice/
  )
  nothingWritten(ws)
})

test('carol (not assigned DeveloperAccess) does not count; alice and bob do', async () => {
  emu.reset()
  const { ws, env, result, codes } = await action({}, ['carol', 'alice', 'bob'])
  expect(result.code).toBe(0)
  expect(tokenOf(codes[0])!.user).toBe('carol')
  expect(tokenOf(codes[0])!.revoked).toBe(true)
  expect(result.stdout).toContain(
    'An approval came from someone who cannot use DeveloperAccess in account 111122223333 (AWS names no one for such a sign-in), which does not count; that sign-in was signed out. 0 of 2 approvals; waiting for an approver'
  )
  const record = JSON.parse(readCommandFile(ws.files.output)['approval-record'])
  expect(record.approvers.map((a: { name: string }) => a.name)).toEqual([
    'alice',
    'bob'
  ])
  await start(postOf(DIST), postEnv(ws, env)).done
})

test('allowed-approvers applies to each approver: bob refused after alice fails the step, both signed out', async () => {
  emu.reset()
  const { ws, result, codes } = await action(
    { 'allowed-approvers': 'alice,carol' },
    ['alice', 'bob']
  )
  expect(result.code).toBe(1)
  expect(codes.map((c) => tokenOf(c)!.revoked)).toEqual([true, true])
  expect(result.stdout).toMatch(/::error::approved by bob, which is not enough/)
  nothingWritten(ws)
})

test('share-session: the sealed sign-in carries both approvers; a later job’s record names them; a later job asking for 3 is refused', async () => {
  emu.reset()
  const login = await action({ 'share-session': 'true', 'session-key': KEY }, [
    'alice',
    'bob'
  ])
  expect(login.result.code).toBe(0)
  const session = readCommandFile(login.ws.files.output).session
  const later = async (inputs: Record<string, string>) => {
    const ws = newWorkspace()
    const env = runnerEnv(
      ws,
      emu.url,
      { session, 'session-key': KEY, notify: 'summary', ...inputs },
      { GITHUB_JOB: 'later' }
    )
    return { ws, env, result: await start(DIST, env).done }
  }
  const job = await later({ 'required-approvals': '2' })
  expect(job.result.code).toBe(0)
  const record = JSON.parse(
    readCommandFile(job.ws.files.output)['approval-record']
  )
  expect(record.approvers.map((a: { name: string }) => a.name)).toEqual([
    'alice',
    'bob'
  ])
  expect(record.mode.kind).toBe('from-shared')
  expect(job.result.stdout).toContain(
    'Approved earlier in this run by alice and bob; this job uses that shared sign-in'
  )
  const three = await later({ 'required-approvals': '3' })
  expect(three.result.code).toBe(1)
  expect(three.result.stdout).toContain(
    '::error::Input "required-approvals": is 3, but the shared sign-in (session) was approved by 2 (alice, bob)'
  )
  await start(postOf(DIST), postEnv(job.ws, job.env)).done
})

test('CLI --required-approvals 2: alice then bob; --approval-record names both; stderr shows the progress', async () => {
  emu.reset()
  const ws = newWorkspace()
  const file = path.join(ws.dir, 'record.json')
  const child = start(CLI, { ...consumerEnv(ws, emu.url), CI: 'true' }, [
    '--start-url',
    SEED_INPUTS['start-url'],
    '--sso-region',
    'us-east-1',
    '--account-id',
    '111122223333',
    '--role-name',
    'DeveloperAccess',
    '--required-approvals',
    '2',
    '--approval-record',
    file
  ])
  for (const user of ['alice', 'bob'])
    emu.approve((await emu.waitForDeviceAuthorization(20_000)).userCode, user)
  const result = await child.done
  expect(result.code).toBe(0)
  expect(result.stderr).toMatch(PROGRESS_1)
  expect(result.stderr).toContain(
    "Approved by alice and bob; the job's credentials come from bob's sign-in"
  )
  expect(result.stdout).toContain("export AWS_APPROVED_BY='bob'")
  const record = JSON.parse(readFileSync(file, 'utf8'))
  expect(record.approvers.map((a: { name: string }) => a.name)).toEqual([
    'alice',
    'bob'
  ])
})
