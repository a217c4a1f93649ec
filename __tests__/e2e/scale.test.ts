/**
 * A large organization through a throttled portal: the SSO client's adaptive retry (src/aws/clients.ts) carries a
 * thousand-account discover through TooManyRequestsException answers with no failed profile. Against the bundled action.
 * (The full 1,000 × 2 with verify-profiles: all, at 20 ms a call, is the bench's case 6.)
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  startEmulator,
  type Emulator,
  type EmulatorAccount
} from '../../emulator/server.js'
import { DIST, newWorkspace, runnerEnv, SEED_INPUTS, start } from './runner.js'

const ROLES = ['DeployAccess', 'ReadOnly']

function organization(accounts: number): EmulatorAccount[] {
  return [
    {
      accountId: '200000000000',
      accountName: 'primary',
      roles: ['DeployAccess']
    },
    ...Array.from({ length: accounts }, (_, i) => ({
      accountId: String(300000000000 + i),
      accountName: `team-${i}`,
      roles: [...ROLES]
    }))
  ]
}

async function discoverThrough(
  emu: Emulator,
  verifyProfiles: 'all' | 'primary'
) {
  const ws = newWorkspace()
  const inputs = {
    ...SEED_INPUTS,
    'account-id': '200000000000',
    'role-name': 'DeployAccess',
    discover: 'true',
    'verify-profiles': verifyProfiles
  }
  const result = await start(DIST, runnerEnv(ws, emu.url, inputs)).done
  const config = readFileSync(path.join(ws.home, '.aws', 'config'), 'utf8')
  return {
    result,
    profiles: (config.match(/^\[profile [^\]]+\]$/gm) ?? []).length,
    summary: readFileSync(ws.files.summary, 'utf8')
  }
}

/** Every portal call of the run in the end answered: each listing and role call that was throttled was retried until it got its answer. */
function throttledAndAnswered(emu: Emulator) {
  const calls = emu.calls()
  const throttled = calls.filter((c) => c.error === 'TooManyRequestsException')
  const failed = calls.filter(
    (c) =>
      c.status !== 200 &&
      c.error !== 'TooManyRequestsException' &&
      c.operation !== 'CreateToken'
  )
  return { throttled: throttled.length, failed: failed.length }
}

test('1,000 accounts × 2 roles, verify-profiles: primary, portal throttled at 200 requests/s: every account listed, 2,001 profiles, no failure', async () => {
  const emu = await startEmulator({
    interval: 1,
    accounts: organization(1000),
    autoApproveAs: 'alice',
    portalRateLimit: 200
  })
  try {
    const { result, profiles, summary } = await discoverThrough(emu, 'primary')
    expect({
      code: result.code,
      errors: result.stdout.split('\n').filter((l) => l.startsWith('::error'))
    }).toEqual({ code: 0, errors: [] })
    expect(profiles).toBe(2001)
    const { throttled, failed } = throttledAndAnswered(emu)
    expect(throttled).toBeGreaterThan(0) // the limit really bit
    expect(emu.stats().throttled).toBe(throttled)
    expect(failed).toBe(0)
    // Each account's roles were listed (answered 200) exactly once in the end.
    const listed = emu
      .calls()
      .filter((c) => c.operation === 'ListAccountRoles' && c.status === 200)
    expect(listed).toHaveLength(1001)
    // What the log says of it: the retries, never a give-up.
    expect(result.stdout).toMatch(
      /SSO ListAccountRoles: throttled \(TooManyRequestsException, HTTP 429\) on attempt \d of 5; retrying/
    )
    expect(result.stdout).not.toMatch(/no attempts left/)
    expect(summary).toContain(
      '2000 profiles were written without fetching or checking their credentials'
    )
  } finally {
    await emu.close()
  }
}, 90_000)

test('verify-profiles: all through a portal throttled at 100 requests/s: every role credential fetched and verified (100 accounts × 2 roles)', async () => {
  const emu = await startEmulator({
    interval: 1,
    accounts: organization(100),
    autoApproveAs: 'alice',
    portalRateLimit: 100
  })
  try {
    const { result, profiles, summary } = await discoverThrough(emu, 'all')
    expect({
      code: result.code,
      errors: result.stdout.split('\n').filter((l) => l.startsWith('::error'))
    }).toEqual({ code: 0, errors: [] })
    expect(profiles).toBe(201)
    const { throttled, failed } = throttledAndAnswered(emu)
    expect(throttled).toBeGreaterThan(0)
    expect(failed).toBe(0)
    expect(
      emu
        .calls()
        .filter((c) => c.operation === 'GetRoleCredentials' && c.status === 200)
    ).toHaveLength(201)
    expect(
      emu
        .calls()
        .filter((c) => c.operation === 'GetCallerIdentity' && c.status === 200)
    ).toHaveLength(201)
    expect(result.stdout).not.toMatch(/no attempts left/)
    expect(summary).not.toContain('❌')
    expect((summary.match(/✅ verified/g) ?? []).length).toBe(201)
  } finally {
    await emu.close()
  }
}, 90_000)
