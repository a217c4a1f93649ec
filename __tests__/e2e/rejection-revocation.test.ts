/**
 * A rejection (allowed-approvers, allowed-account-ids) says what it did to the sign-in, per mode, on the BUNDLED action:
 * a device flow of this run is signed out ("The session was revoked"), a token reused from the cache (reuse-session)
 * is not, and the message says so; the token then still works (the emulator says whether it was revoked).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  DIST,
  newWorkspace,
  runnerEnv,
  SEED_INPUTS,
  start,
  type Workspace
} from './runner.js'

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex')
let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ interval: 1 })
})
afterAll(async () => {
  await emu.close()
})

const errorLine = (stdout: string) =>
  stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''
const revoked = (accessToken: string) =>
  emu.tokens().find((t) => t.accessToken === accessToken)!.revoked

async function approvedRun(ws: Workspace, inputs: Record<string, string>) {
  const main = start(DIST, runnerEnv(ws, emu.url, inputs))
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  return { result: await main.done, auth }
}

test('device flow: an approver outside allowed-approvers is signed out, and the message says the session was revoked', async () => {
  const ws = newWorkspace()
  const { result, auth } = await approvedRun(ws, {
    ...SEED_INPUTS,
    'allowed-approvers': 'bob'
  })
  expect(result.code).toBe(1)
  expect(errorLine(result.stdout)).toContain(
    'The session was revoked and nothing was exported.'
  )
  const token = emu.tokens().find((t) => t.userCode === auth.userCode)!
  expect(token.revoked).toBe(true)
})

describe('reuse-session: a token found in the cache is not this run’s to end', () => {
  let ws: Workspace
  let accessToken: string
  beforeAll(async () => {
    ws = newWorkspace()
    const { result } = await approvedRun(ws, {
      ...SEED_INPUTS,
      'keep-session': 'true'
    })
    expect(result.code).toBe(0)
    const file = path.join(
      ws.home,
      '.aws',
      'sso',
      'cache',
      `${sha1('my-sso')}.json`
    )
    accessToken = JSON.parse(readFileSync(file, 'utf8')).accessToken
  })

  test.each([
    [
      'allowed-approvers',
      { 'allowed-approvers': 'bob' },
      /which is not enough: "alice" is not in allowed-approvers/
    ],
    [
      'allowed-account-ids',
      { 'allowed-account-ids': '999988887777' },
      /is in account 111122223333, which is not in allowed-account-ids/
    ]
  ])(
    'rejected by %s: the message says it was NOT signed out, and the token still works',
    async (_name, inputs, why) => {
      const devices = emu.stats().deviceAuthorizations
      const result = await start(
        DIST,
        runnerEnv(ws, emu.url, {
          ...SEED_INPUTS,
          'reuse-session': 'true',
          'keep-session': 'true',
          ...inputs
        })
      ).done
      expect(result.code).toBe(1)
      expect(emu.stats().deviceAuthorizations).toBe(devices)
      const error = errorLine(result.stdout)
      expect(error).toMatch(why)
      expect(error).not.toMatch(/revoked/)
      expect(error).toContain(
        'NOT signed out: it was found in the token cache (reuse-session), not approved for this run'
      )
      expect(revoked(accessToken)).toBe(false)
      // and it really works: the portal still answers with it
      const res = await fetch(`${emu.url}/assignment/accounts?max_result=10`, {
        headers: { 'x-amz-sso_bearer_token': accessToken }
      })
      expect(res.status).toBe(200)
    }
  )
})
