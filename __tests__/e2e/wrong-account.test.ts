/**
 * The wrong-account check: STS GetCallerIdentity names another account than the one asked for.
 * The emulator's stsAccountOverride knob makes it answer so; the bundled action must fail and leave nothing behind.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  DIST,
  newWorkspace,
  postEnv,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start,
  postOf
} from './runner.js'

const OTHER_ACCOUNT = '999988887777'

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ interval: 1 })
})
afterEach(() => emu.setStsAccountOverride(undefined))
afterAll(async () => {
  await emu.close()
})

test('the control API sets and clears the STS account override', async () => {
  const post = async (body: unknown) => {
    const res = await fetch(`${emu.url}/_control/sts-account-override`, {
      method: 'POST',
      body: JSON.stringify(body)
    })
    return { status: res.status, body: (await res.json()) as any }
  }
  expect(await post({ accountId: OTHER_ACCOUNT })).toEqual({
    status: 200,
    body: { ok: true, accountId: OTHER_ACCOUNT }
  })
  expect(await post({ accountId: '123' })).toMatchObject({
    status: 400,
    body: { error: expect.stringMatching(/12 digits/) }
  })
  expect(await post({})).toEqual({
    status: 200,
    body: { ok: true, accountId: null }
  })
})

test('GetCallerIdentity names another account: exit 1 naming both, nothing exported, no files, the token revoked', async () => {
  emu.setStsAccountOverride(OTHER_ACCOUNT)
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, SEED_INPUTS)
  const main = start(DIST, env)
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  expect(result.code).toBe(1)

  // the error names both the account asked for and the one STS reported
  const error = result.stdout.split('\n').find((l) => l.startsWith('::error::'))
  expect(error).toBeDefined()
  expect(error).toContain(SEED_INPUTS['account-id'])
  expect(error).toContain(OTHER_ACCOUNT)

  // the check really happened on the verified identity: credentials were issued, STS was asked
  const session = emu
    .roleSessions()
    .find(
      (s) => s.user === 'alice' && s.accountId === SEED_INPUTS['account-id']
    )!
  expect(session).toBeDefined()
  expect(
    emu
      .calls()
      .some((c) => c.operation === 'GetCallerIdentity' && c.status === 200)
  ).toBe(true)

  // nothing exported, no output carries a credential
  expect(readFileSync(ws.files.env, 'utf8')).toBe('')
  const outputs = readCommandFile(ws.files.output)
  const outputText = readFileSync(ws.files.output, 'utf8')
  for (const secret of [
    session.accessKeyId,
    session.secretAccessKey,
    session.sessionToken
  ])
    expect(outputText).not.toContain(secret)
  expect(
    Object.keys(outputs).filter((k) => /key|secret|token/i.test(k))
  ).toEqual([])
  expect(outputs['aws-account-id']).toBeUndefined()

  // no config, no token cache, no registration cache
  const awsDir = path.join(ws.home, '.aws')
  expect(existsSync(path.join(awsDir, 'config'))).toBe(false)
  const cacheDir = path.join(awsDir, 'sso', 'cache')
  expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([])

  // the token the person approved does not outlive the failed login
  const token = emu.tokens().find((t) => t.userCode === auth.userCode)!
  expect(token.revoked).toBe(true)

  // the post step finds nothing to do
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect(post.code).toBe(0)
  expect(post.stdout).toMatch(/nothing to sign out of or clean up/)
})
