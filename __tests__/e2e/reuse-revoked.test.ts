/**
 * reuse-session against the BUNDLED action (dist/) and the emulator:
 *  - a cached token the service no longer accepts (signed out elsewhere) → one device authorization, success;
 *  - two jobs that both need to refresh the same cached token at once → exactly one refresh, both succeed.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  DIST,
  newWorkspace,
  readCommandFile,
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

async function approveRun(ws: Workspace, inputs: Record<string, string>) {
  const main = start(DIST, runnerEnv(ws, emu.url, inputs))
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  return main.done
}

const cacheFileOf = (ws: Workspace) =>
  path.join(ws.home, '.aws', 'sso', 'cache', `${sha1('my-sso')}.json`)

test('a cached token the service rejects (signed out elsewhere) falls back to one device authorization', async () => {
  const ws = newWorkspace()
  expect(
    (await approveRun(ws, { ...SEED_INPUTS, 'keep-session': 'true' })).code
  ).toBe(0)
  const cached = JSON.parse(readFileSync(cacheFileOf(ws), 'utf8'))
  // Still valid for an hour by the file's own account…
  expect(Date.parse(cached.expiresAt)).toBeGreaterThan(Date.now() + 30 * 60_000)
  // …but signed out at the service (the portal's own Logout, as `aws sso logout` elsewhere would do).
  const logout = await fetch(`${emu.url}/logout`, {
    method: 'POST',
    headers: { 'x-amz-sso_bearer_token': cached.accessToken }
  })
  expect(logout.status).toBe(200)
  expect(
    emu.tokens().find((t) => t.accessToken === cached.accessToken)?.revoked
  ).toBe(true)

  const devices = emu.stats().deviceAuthorizations
  const callsBefore = emu.calls().length
  const result = await approveRun(ws, {
    ...SEED_INPUTS,
    'reuse-session': 'true',
    'keep-session': 'true'
  })
  expect({ code: result.code, stderr: result.stderr }).toEqual({
    code: 0,
    stderr: ''
  })
  expect(result.stdout).toContain(
    'reuse-session: the cached SSO token was rejected by the service (revoked?); asking for approval'
  )
  expect(emu.stats().deviceAuthorizations).toBe(devices + 1)
  // The service was asked with the dead token once, then with the new one.
  const roleCalls = emu
    .calls()
    .slice(callsBefore)
    .filter((c) => c.operation === 'GetRoleCredentials')
  expect(roleCalls.map((c) => c.error ?? c.status)).toEqual([
    'UnauthorizedException',
    200
  ])
  expect(readCommandFile(ws.files.output)['approved-by']).toBe('alice')
  // The cache now holds the new token.
  expect(
    JSON.parse(readFileSync(cacheFileOf(ws), 'utf8')).accessToken
  ).not.toBe(cached.accessToken)
}, 30_000)

test('two jobs refreshing the same stale cached token at once: one refresh, both succeed', async () => {
  const ws = newWorkspace()
  expect(
    (await approveRun(ws, { ...SEED_INPUTS, 'keep-session': 'true' })).code
  ).toBe(0)
  const file = cacheFileOf(ws)
  const cached = JSON.parse(readFileSync(file, 'utf8'))
  writeFileSync(
    file,
    JSON.stringify({ ...cached, expiresAt: '2020-01-01T00:00:00Z' })
  )

  const refreshesBefore = emu
    .calls()
    .filter(
      (c) => c.operation === 'CreateToken' && c.grantType === 'refresh_token'
    ).length
  const devices = emu.stats().deviceAuthorizations
  // Two jobs on one machine: own runner files, the same HOME (and so the same token cache).
  const inputs = {
    ...SEED_INPUTS,
    'reuse-session': 'true',
    'keep-session': 'true'
  }
  // Slow answers: the second job reads the stale file while the first one's refresh is still on the wire.
  emu.setDelay(400)
  const jobs = [newWorkspace(), newWorkspace()].map(
    (job) =>
      start(
        DIST,
        runnerEnv(job, emu.url, inputs, { HOME: ws.home, USERPROFILE: ws.home })
      ).done
  )
  const results = await Promise.all(jobs).finally(() => emu.setDelay(0))
  for (const r of results)
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' })

  const refreshes = emu
    .calls()
    .filter(
      (c) => c.operation === 'CreateToken' && c.grantType === 'refresh_token'
    )
  expect(refreshes.length - refreshesBefore).toBe(1)
  expect(refreshes.at(-1)?.status).toBe(200)
  expect(emu.stats().deviceAuthorizations).toBe(devices)
  const logs = results.map((r) => r.stdout)
  expect(
    logs.filter((l) =>
      l.includes('reuse-session: refreshed the cached SSO token')
    )
  ).toHaveLength(1)
  expect(
    logs.filter((l) =>
      l.includes(
        'reuse-session: another job refreshed the cached SSO token meanwhile'
      )
    )
  ).toHaveLength(1)
  // The file holds the one refreshed token, with the rotated refresh token.
  const now = JSON.parse(readFileSync(file, 'utf8'))
  expect(now.refreshToken).not.toBe(cached.refreshToken)
  expect(Date.parse(now.expiresAt)).toBeGreaterThan(Date.now())
}, 30_000)
