/** One approval, many profiles; discovery; reuse of a cached session; refresh; fallback. Against the bundled action. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  consumerEnv,
  DIST,
  newWorkspace,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start,
  type Workspace
} from './runner.js'

const run = promisify(execFile)
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex')

const ACCOUNTS = Array.from({ length: 7 }, (_, i) => ({
  accountId: String(100000000000 + i * 111),
  accountName: i === 0 ? 'dev' : i < 4 ? `team-${i}` : `shared-${i}`,
  // Three roles with pages of 2: ListAccountRoles really paginates.
  roles: ['DeveloperAccess', 'ReadOnly', 'ReadOnlyBilling']
}))

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({
    interval: 1,
    defaultPageSize: 2,
    maxPageSize: 2,
    accounts: ACCOUNTS
  })
})
afterAll(async () => {
  await emu.close()
})

const base = { ...SEED_INPUTS, 'account-id': ACCOUNTS[0].accountId }

async function approveRun(ws: Workspace, inputs: Record<string, string>) {
  const main = start(DIST, runnerEnv(ws, emu.url, inputs))
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  return main.done
}

async function quietRun(ws: Workspace, inputs: Record<string, string>) {
  return start(DIST, runnerEnv(ws, emu.url, inputs)).done
}

test('five profiles from one approval: one device authorization, five verified identities, botocore uses each', async () => {
  const ws = newWorkspace()
  const before = emu.stats()
  const callsBefore = emu.calls().length
  const lines = ACCOUNTS.slice(1, 5).map(
    (a, i) => `p${i + 1} ${a.accountId} ReadOnly${i === 3 ? ' eu-west-1' : ''}`
  )
  const result = await approveRun(ws, {
    ...base,
    'keep-session': 'true',
    profiles: lines.join('\n')
  })
  expect(result.code).toBe(0)
  const after = emu.stats()
  expect(after.deviceAuthorizations - before.deviceAuthorizations).toBe(1)
  expect(after.approvals - before.approvals).toBe(1)
  expect(after.callerIdentities - before.callerIdentities).toBe(5)
  // The emulator's own records of this run (before any AWS CLI ran): one code, one approved token, five role sessions from it.
  const calls = emu.calls().slice(callsBefore)
  expect(
    calls.filter((c) => c.operation === 'StartDeviceAuthorization')
  ).toHaveLength(1)
  const issued = calls.filter(
    (c) => c.operation === 'CreateToken' && c.status === 200
  )
  expect(issued).toHaveLength(1)
  const approved = emu
    .tokens()
    .filter(
      (t) => t.grant === 'device_code' && t.userCode === issued[0].userCode
    )
  expect(approved).toHaveLength(1)
  expect(approved[0].user).toBe('alice')
  const roleCalls = calls.filter((c) => c.operation === 'GetRoleCredentials')
  expect(roleCalls.map((c) => c.status)).toEqual([200, 200, 200, 200, 200])
  expect(new Set(roleCalls.map((c) => c.clientId))).toEqual(
    new Set([issued[0].clientId])
  )
  const config = readFileSync(path.join(ws.home, '.aws', 'config'), 'utf8')
  for (const name of ['my-dev-profile', 'p1', 'p2', 'p3', 'p4'])
    expect(config).toContain(`[profile ${name}]`)
  expect(config).toMatch(
    /\[profile p4\]\nsso_session = my-sso\nsso_account_id = 100000000444\nsso_role_name = ReadOnly\nregion = eu-west-1\n/
  )
  expect(readFileSync(ws.files.summary, 'utf8')).toMatch(
    /\| p4 \|.*✅ verified/
  )
  const identities = await Promise.all(
    ['p1', 'p2', 'p3', 'p4'].map(async (profile) => {
      const { stdout } = await run(
        'python3',
        ['-m', 'awscli', 'sts', 'get-caller-identity', '--profile', profile],
        { env: consumerEnv(ws, emu.url) }
      )
      return JSON.parse(stdout).Account
    })
  )
  expect(identities).toEqual(ACCOUNTS.slice(1, 5).map((a) => a.accountId))
  expect(emu.stats().deviceAuthorizations).toBe(after.deviceAuthorizations)
}, 30_000)

test('a profile the approver cannot reach fails the step unless allow-partial is true', async () => {
  const ws = newWorkspace()
  const bad = { ...base, profiles: 'nope 999999999999 ReadOnly' }
  const failed = await approveRun(ws, bad)
  expect(failed.code).toBe(1)
  expect(failed.stdout).toMatch(
    /::error::1 profile\(s\) could not be set up and allow-partial is false.*nope \(999999999999\/ReadOnly\)/
  )
  expect(readCommandFile(ws.files.env)).toEqual({})
  const ws2 = newWorkspace()
  const partial = await approveRun(ws2, { ...bad, 'allow-partial': 'true' })
  expect(partial.code).toBe(0)
  expect(partial.stdout).toMatch(/::warning::Profile "nope"/)
  expect(readFileSync(ws2.files.summary, 'utf8')).toMatch(/\| nope \|.*❌/)
  // Only the profiles that work are written; the log says which were left out.
  const config = readFileSync(path.join(ws2.home, '.aws', 'config'), 'utf8')
  expect(config).toContain('[profile my-dev-profile]')
  expect(config).not.toContain('[profile nope]')
  expect(partial.stdout).toContain(
    'allow-partial: 1 profile(s) left out of the AWS config because they could not be verified: nope'
  )
})

test('discover: every account and role the approver can reach, filtered, across paginated listings', async () => {
  const ws = newWorkspace()
  const before = emu.calls().length
  const result = await approveRun(ws, {
    ...base,
    discover: 'true',
    'account-filter': 'team-*',
    'role-filter': 'Read*'
  })
  expect(result.code).toBe(0)
  const calls = emu.calls().slice(before)
  expect(calls.filter((c) => c.operation === 'ListAccounts').length).toBe(4) // 7 accounts, pages of 2
  // 3 matching accounts × 3 roles in pages of 2: two ListAccountRoles calls each.
  const roleListings = calls.filter((c) => c.operation === 'ListAccountRoles')
  expect(roleListings).toHaveLength(6)
  expect(roleListings.every((c) => c.status === 200)).toBe(true)
  const config = readFileSync(path.join(ws.home, '.aws', 'config'), 'utf8')
  const profiles = [...config.matchAll(/^\[profile ([^\]]+)\]$/gm)].map(
    (m) => m[1]
  )
  // ReadOnlyBilling is on the second page of each listing.
  expect(profiles).toEqual([
    'my-dev-profile',
    'team-1.ReadOnly',
    'team-1.ReadOnlyBilling',
    'team-2.ReadOnly',
    'team-2.ReadOnlyBilling',
    'team-3.ReadOnly',
    'team-3.ReadOnlyBilling'
  ])
})

test('discover: account-filter matches account ids by glob too', async () => {
  const ws = newWorkspace()
  const before = emu.calls().length
  const result = await approveRun(ws, {
    ...base,
    discover: 'true',
    'account-filter': '1000000005??',
    'role-filter': 'Dev*'
  })
  expect(result.code).toBe(0)
  const calls = emu.calls().slice(before)
  // Only the matching account's roles are listed.
  expect(
    new Set(
      calls.filter((c) => c.operation === 'ListAccountRoles').map((c) => c.path)
    )
  ).toEqual(new Set(['/assignment/roles']))
  expect(calls.filter((c) => c.operation === 'ListAccountRoles')).toHaveLength(
    2
  )
  const config = readFileSync(path.join(ws.home, '.aws', 'config'), 'utf8')
  const profiles = [...config.matchAll(/^\[profile ([^\]]+)\]$/gm)].map(
    (m) => m[1]
  )
  expect(profiles).toEqual(['my-dev-profile', 'shared-5.DeveloperAccess'])
  expect(config).toMatch(
    /\[profile shared-5\.DeveloperAccess\]\nsso_session = my-sso\nsso_account_id = 100000000555\n/
  )
})

test('reuse-session: a valid cached token is used with zero device authorizations; a stale one is refreshed and rotated; a dead one falls back', async () => {
  const ws = newWorkspace()
  const first = await approveRun(ws, { ...base, 'keep-session': 'true' })
  expect(first.code).toBe(0)
  const cacheFile = path.join(
    ws.home,
    '.aws',
    'sso',
    'cache',
    `${sha1('my-sso')}.json`
  )

  // 1. valid token: no approval at all
  let devices = emu.stats().deviceAuthorizations
  const reused = await quietRun(ws, {
    ...base,
    'keep-session': 'true',
    'reuse-session': 'true'
  })
  expect(reused.code).toBe(0)
  expect(reused.stdout).toContain('reuse-session: using the cached SSO token')
  expect(emu.stats().deviceAuthorizations).toBe(devices)

  // 2. token already expired: refreshed, the rotated refresh token written back
  const cached = JSON.parse(readFileSync(cacheFile, 'utf8'))
  writeFileSync(
    cacheFile,
    JSON.stringify({
      ...cached,
      expiresAt: new Date(Date.now() - 60_000)
        .toISOString()
        .replace(/\.\d+Z$/, 'Z')
    })
  )
  const refreshed = await quietRun(ws, {
    ...base,
    'keep-session': 'true',
    'reuse-session': 'true',
    'min-validity': '15m'
  })
  expect(refreshed.code).toBe(0)
  expect(refreshed.stdout).toContain(
    'reuse-session: refreshed the cached SSO token'
  )
  expect(emu.stats().deviceAuthorizations).toBe(devices)
  const rotated = JSON.parse(readFileSync(cacheFile, 'utf8'))
  expect(rotated.refreshToken).not.toBe(cached.refreshToken)
  expect(rotated.accessToken).not.toBe(cached.accessToken)
  expect(
    emu.tokens().find((t) => t.refreshToken === rotated.refreshToken)?.grant
  ).toBe('refresh_token')

  // 3. refresh impossible (client registration revoked): falls back to the device flow
  emu.revokeClient(rotated.clientId)
  writeFileSync(
    cacheFile,
    JSON.stringify({ ...rotated, expiresAt: '2020-01-01T00:00:00Z' })
  )
  devices = emu.stats().deviceAuthorizations
  const fallback = await approveRun(ws, { ...base, 'reuse-session': 'true' })
  expect(fallback.code).toBe(0)
  expect(fallback.stdout).toMatch(
    /reuse-session: refreshing the cached token failed .*asking for approval/
  )
  expect(emu.stats().deviceAuthorizations).toBe(devices + 1)
}, 30_000)

test('a still-valid client registration in the CLI-format cache is reused instead of RegisterClient', async () => {
  const ws = newWorkspace()
  expect((await approveRun(ws, { ...base, 'keep-session': 'true' })).code).toBe(
    0
  )
  const registrations = emu.stats().registrations
  expect((await approveRun(ws, { ...base, 'keep-session': 'true' })).code).toBe(
    0
  )
  expect(emu.stats().registrations).toBe(registrations)
})

test('throttling on GetRoleCredentials across six profiles at once: the SDK backs off and every profile succeeds', async () => {
  const ws = newWorkspace()
  const callsBefore = emu.calls().length
  const lines = ACCOUNTS.slice(1, 6).map(
    (a, i) => `t${i + 1} ${a.accountId} ReadOnly`
  )
  // Throttle the pooled calls, not the primary profile's (which comes first, on its own): inject once it has its credentials.
  const onCall = (c: { operation: string; status: number }) => {
    if (c.operation !== 'GetRoleCredentials' || c.status !== 200) return
    emu.events.off('call', onCall)
    emu.injectFault({
      operation: 'GetRoleCredentials',
      kind: 'throttle',
      count: 4
    })
  }
  emu.events.on('call', onCall)
  const result = await approveRun(ws, { ...base, profiles: lines.join('\n') })
  emu.events.off('call', onCall)
  expect({ code: result.code, stderr: result.stderr }).toEqual({
    code: 0,
    stderr: ''
  })
  const roleCalls = emu
    .calls()
    .slice(callsBefore)
    .filter((c) => c.operation === 'GetRoleCredentials')
  expect(roleCalls.filter((c) => c.fault === 'throttle')).toHaveLength(4)
  expect(roleCalls.filter((c) => c.status === 200)).toHaveLength(6)
  expect(roleCalls[0].status).toBe(200) // the primary profile's; the throttled ones came from the pool
  expect(
    roleCalls.slice(1, 6).filter((c) => c.fault === 'throttle').length
  ).toBeGreaterThanOrEqual(4)
  expect(
    result.stdout.match(
      /SSO GetRoleCredentials: throttled \([^)]*\) on attempt \d of 5; retrying/g
    )
  ).toHaveLength(4)
  const config = readFileSync(path.join(ws.home, '.aws', 'config'), 'utf8')
  for (const name of ['my-dev-profile', 't1', 't2', 't3', 't4', 't5'])
    expect(config).toContain(`[profile ${name}]`)
  for (const name of ['t1', 't2', 't3', 't4', 't5'])
    expect(result.stdout).toContain(`Profile "${name}": verified`)
}, 30_000)

test('verify-profiles: primary: only the primary profile is fetched and checked; the discovered ones are written unverified and work when used', async () => {
  const ws = newWorkspace()
  const before = emu.calls().length
  const lines = `listed ${ACCOUNTS[6].accountId} ReadOnly`
  const result = await approveRun(ws, {
    ...base,
    discover: 'true',
    'account-filter': 'team-*',
    'role-filter': 'Read*',
    profiles: lines,
    'verify-profiles': 'primary'
  })
  expect(result.code).toBe(0)
  const calls = emu.calls().slice(before)
  // The primary profile only: one GetRoleCredentials, one GetCallerIdentity; the listings as with all.
  expect(
    calls.filter((c) => c.operation === 'GetRoleCredentials')
  ).toHaveLength(1)
  expect(calls.filter((c) => c.operation === 'GetCallerIdentity')).toHaveLength(
    1
  )
  expect(calls.filter((c) => c.operation === 'ListAccountRoles')).toHaveLength(
    6
  )
  const config = readFileSync(path.join(ws.home, '.aws', 'config'), 'utf8')
  const profiles = [...config.matchAll(/^\[profile ([^\]]+)\]$/gm)].map(
    (m) => m[1]
  )
  expect(profiles).toEqual([
    'my-dev-profile',
    'listed',
    'team-1.ReadOnly',
    'team-1.ReadOnlyBilling',
    'team-2.ReadOnly',
    'team-2.ReadOnlyBilling',
    'team-3.ReadOnly',
    'team-3.ReadOnlyBilling'
  ])
  const summary = readFileSync(ws.files.summary, 'utf8')
  expect(summary).toMatch(/\| my-dev-profile \|.*✅ verified/)
  expect(summary).toMatch(/\| team-2\.ReadOnlyBilling \|.*➖ not verified/)
  expect(summary).toContain(
    '7 profiles were written without fetching or checking their credentials (verify-profiles: primary)'
  )
  expect(result.stdout).toContain(
    '7 profiles were written without fetching or checking their credentials (verify-profiles: primary)'
  )
  expect(result.stdout).not.toMatch(/Profile "team-1\.ReadOnly": verified/)
  expect(result.stdout).not.toMatch(/::warning/)
  // An unverified profile is an SSO profile of this sign-in: botocore fetches its credentials when it is used.
  const { stdout } = await run(
    'python3',
    [
      '-m',
      'awscli',
      'sts',
      'get-caller-identity',
      '--profile',
      'team-2.ReadOnlyBilling'
    ],
    { env: consumerEnv(ws, emu.url) }
  )
  expect(JSON.parse(stdout).Account).toBe(ACCOUNTS[2].accountId)
}, 30_000)

test('verify-profiles: primary with allowed-account-ids: a listed profile in another account fails the step although it is not fetched', async () => {
  const ws = newWorkspace()
  const before = emu.calls().length
  const lines = `inside ${ACCOUNTS[1].accountId} ReadOnly\noutside ${ACCOUNTS[2].accountId} ReadOnly`
  const result = await approveRun(ws, {
    ...base,
    profiles: lines,
    'verify-profiles': 'primary',
    'allowed-account-ids': `${ACCOUNTS[0].accountId},${ACCOUNTS[1].accountId}`
  })
  expect(result.code).not.toBe(0)
  expect(result.stdout).toContain(ACCOUNTS[2].accountId)
  expect(result.stdout).toMatch(/profile "outside"/)
  const calls = emu.calls().slice(before)
  expect(
    calls.filter((c) => c.operation === 'GetRoleCredentials')
  ).toHaveLength(1)
  // nothing written; the approved token was signed out
  expect(() =>
    readFileSync(path.join(ws.home, '.aws', 'config'), 'utf8')
  ).toThrow()
  expect(
    calls.filter((c) => c.operation === 'Logout' && c.status === 200)
  ).toHaveLength(1)
}, 30_000)
