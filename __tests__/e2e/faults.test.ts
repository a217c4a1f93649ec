/**
 * Faults from the services, end to end against the BUNDLED action (dist/) and the emulator's fault knobs:
 *  - 5xx, throttling, connection resets and timeouts on every call the action makes → retried (the log says what), then success;
 *  - the same faults persisting → a clear failure that names the call, nothing exported or written;
 *  - InvalidClient mid-flow → one new registration, then the flow goes on (and a second one fails clearly);
 *  - device codes expiring under approval-timeout → a fresh code is posted; a short total fails clearly;
 *  - the approver lacks the account / role → the message names both;
 *  - allowed-approvers / forbid-self-approval → the token is revoked at once, nothing exported or cached, the step names who and why.
 * Every scenario gets its own emulator (faults are per emulator), so they run concurrently.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type FaultKind
} from '../../emulator/server.js'
import {
  newWorkspace,
  postEnv,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start,
  type StepResult,
  type Workspace,
  postOf
} from './runner.js'
import { snapshotDist } from './github-fake.js'

/** The bundled action, copied aside so that a concurrent `npm run build` cannot pull it away mid-test. */
let DIST: string
beforeAll(async () => {
  DIST = await snapshotDist()
})
afterAll(() => {
  if (DIST)
    rmSync(path.dirname(path.dirname(DIST)), { recursive: true, force: true })
})

/** Each attempt of an AWS call may take this long (IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS): keeps 'timeout' faults fast. */
const HTTP_TIMEOUT_MS = 1000

const emulators: Emulator[] = []
async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({ interval: 1, ...options })
  emulators.push(emu)
  return emu
}
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()))
})

interface Run {
  ws: Workspace
  env: NodeJS.ProcessEnv
  result: StepResult
  /** The user codes the run posted, in order. */
  userCodes: string[]
}

/**
 * Runs the main step; approves each posted code as `approver` (or none when undefined) after `approveAfter` codes were skipped.
 * Resolves when the step ends, whether or not it ever posted a code.
 */
async function runMain(
  emu: Emulator,
  opts: {
    inputs?: Record<string, string>
    extraEnv?: Record<string, string>
    approver?: string
    skipCodes?: number
  } = {}
): Promise<Run> {
  const ws = newWorkspace()
  const env = runnerEnv(
    ws,
    emu.url,
    { ...SEED_INPUTS, ...opts.inputs },
    {
      IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS: String(HTTP_TIMEOUT_MS),
      ...opts.extraEnv
    }
  )
  const main = start(DIST, env)
  const userCodes: string[] = []
  let ended = false
  void main.done.then(() => (ended = true))
  const approve = (async () => {
    for (let seen = 0; !ended; seen++) {
      const auth = await Promise.race([
        emu.waitForDeviceAuthorization(60_000),
        main.done.then(() => undefined)
      ])
      if (!auth) return
      userCodes.push(auth.userCode)
      if (opts.approver !== undefined && seen >= (opts.skipCodes ?? 0)) {
        emu.approve(auth.userCode, opts.approver)
        return
      }
    }
  })()
  const result = await main.done
  await approve.catch(() => undefined)
  return { ws, env, result, userCodes }
}

async function runPost(run: Run): Promise<StepResult> {
  return start(postOf(DIST), postEnv(run.ws, run.env)).done
}

const awsDir = (ws: Workspace) => path.join(ws.home, '.aws')
const cacheFiles = (ws: Workspace) => {
  const dir = path.join(awsDir(ws), 'sso', 'cache')
  return existsSync(dir) ? readdirSync(dir) : []
}

/** Nothing exported, no outputs, no ~/.aws files, and the failure is in the log as one ::error:: line. */
function expectFailedClean(run: Run, error: RegExp): void {
  expect(run.result.code).toBe(1)
  const errors = run.result.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
  expect(errors).toHaveLength(1)
  expect(errors[0]).toMatch(error)
  expect(readCommandFile(run.ws.files.env)).toEqual({})
  expect(readCommandFile(run.ws.files.output)).toEqual({})
  expect(existsSync(path.join(awsDir(run.ws), 'config'))).toBe(false)
  expect(cacheFiles(run.ws)).toEqual([])
}

function expectApproved(run: Run, approver = 'alice'): void {
  expect({ code: run.result.code, stderr: run.result.stderr }).toEqual({
    code: 0,
    stderr: ''
  })
  expect(readCommandFile(run.ws.files.output)['approved-by']).toBe(approver)
  expect(Object.keys(readCommandFile(run.ws.files.env)).sort()).toEqual(
    [
      'AWS_ACCESS_KEY_ID',
      'AWS_DEFAULT_REGION',
      'AWS_REGION',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN'
    ].sort()
  )
}

const SERVICE: Record<string, string> = {
  RegisterClient: 'SSO OIDC',
  StartDeviceAuthorization: 'SSO OIDC',
  CreateToken: 'SSO OIDC',
  GetRoleCredentials: 'SSO',
  GetCallerIdentity: 'STS',
  Logout: 'SSO'
}
const KIND_WORDS: Record<FaultKind, string> = {
  '5xx': 'server error',
  throttle: 'throttled',
  reset: 'connection reset',
  timeout: 'timeout'
}
/**
 * The calls of one operation in arrival order, once every one of them is recorded (the emulator records a held
 * 'timeout' call only when it drops the socket).
 */
async function callsOf(emu: Emulator, operation: string) {
  const deadline = Date.now() + 10_000
  while (
    emu.calls().filter((c) => c.operation === operation).length <
      (emu.stats().byOperation[operation] ?? 0) &&
    Date.now() < deadline
  ) {
    await new Promise((r) => setTimeout(r, 50))
  }
  return emu
    .calls()
    .filter((c) => c.operation === operation)
    .sort((a, b) => a.at - b.at)
}
/** The emulator holds a 'timeout' call a little longer than the action's per-attempt timeout. */
const HOLD_MS = HTTP_TIMEOUT_MS + 300
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// ---------------------------------------------------------------------------------------------
// Transient faults: retried, then success

const OPERATIONS = [
  'RegisterClient',
  'StartDeviceAuthorization',
  'CreateToken',
  'GetRoleCredentials',
  'GetCallerIdentity',
  'Logout'
] as const
const KINDS: FaultKind[] = ['5xx', 'throttle', 'reset', 'timeout']
const TRANSIENT = OPERATIONS.flatMap((operation) =>
  KINDS.map((kind) => [operation, kind] as const)
)

describe('transient faults are retried with backoff, the log names the call and the fault, and the run succeeds', () => {
  test.concurrent.each(TRANSIENT)(
    '%s: %s twice',
    async (operation, kind) => {
      const emu = await emulator()
      emu.injectFault({ operation, kind, count: 2, timeoutMs: HOLD_MS })
      const run = await runMain(emu, { approver: 'alice' })
      expectApproved(run)
      const post = await runPost(run)
      expect({ code: post.code, stderr: post.stderr }).toEqual({
        code: 0,
        stderr: ''
      })

      // The emulator saw the two faulted attempts, then one that succeeded.
      const calls = await callsOf(emu, operation)
      expect(calls.slice(0, 3).map((c) => c.fault ?? c.status)).toEqual([
        kind,
        kind,
        200
      ])
      // The log (main, or post for Logout) says what is being retried, attempt by attempt.
      const log = operation === 'Logout' ? post.stdout : run.result.stdout
      if (operation === 'CreateToken') {
        // A device-code poll is one SDK attempt: the flow itself polls again, after twice the wait each time (RFC 8628 §3.5).
        const polls = [
          ...log.matchAll(
            new RegExp(
              `SSO OIDC CreateToken: ${KIND_WORDS[kind]} \\([^)]*\\) on poll (\\d+); polling again in (\\d+) s`,
              'g'
            )
          )
        ]
        expect(polls.map((m) => Number(m[2]))).toEqual([2, 4])
        expect(Number(polls[1][1])).toBe(Number(polls[0][1]) + 1)
        expect(log).not.toMatch(/CreateToken: .* on attempt/)
        // Never faster than the interval (1 s): the polls after the faults came at least 2 s and 4 s later.
        const gaps = calls.slice(1, 3).map((c, i) => c.at - calls[i].at)
        expect(gaps[0]).toBeGreaterThanOrEqual(2000 - 50)
        expect(gaps[1]).toBeGreaterThanOrEqual(4000 - 50)
      } else {
        const max = operation === 'Logout' ? 3 : 5
        for (const attempt of [1, 2]) {
          expect(log).toMatch(
            new RegExp(
              `${escape(SERVICE[operation])} ${operation}: ${KIND_WORDS[kind]} \\([^)]*\\) on attempt ${attempt} of ${max}; retrying with capped exponential backoff`
            )
          )
        }
      }
      // Faults are not the protocol: no AWS SDK warning on stderr, and post still revoked the token and removed the files.
      const token = emu.tokens().find((t) => t.userCode === run.userCodes[0])!
      expect(token.revoked).toBe(true)
      expect(cacheFiles(run.ws)).toEqual([])
    },
    60_000
  )
})

// ---------------------------------------------------------------------------------------------
// Persistent faults: a clear failure naming the call

const PERSISTENT: [operation: string, kind: FaultKind, error: RegExp][] = [
  ['RegisterClient', 'reset', /^::error::SSO OIDC RegisterClient failed: \w+/],
  [
    'StartDeviceAuthorization',
    'throttle',
    /^::error::SSO OIDC StartDeviceAuthorization failed: ThrottlingException \(HTTP 429\)/
  ],
  [
    'CreateToken',
    '5xx',
    /^::error::SSO OIDC CreateToken failed: InternalServerException \(HTTP 500\)/
  ],
  [
    'GetRoleCredentials',
    'timeout',
    /^::error::SSO GetRoleCredentials for 111122223333\/DeveloperAccess failed: TimeoutError \(ETIMEDOUT\) after 5 attempts/
  ],
  [
    'GetCallerIdentity',
    'throttle',
    /^::error::STS GetCallerIdentity failed: Throttling \(HTTP 400\) after 5 attempts/
  ]
]

describe('persistent faults end in a clear failure that names the call', () => {
  test.concurrent.each(PERSISTENT)(
    '%s: %s on every attempt',
    async (operation, kind, error) => {
      const emu = await emulator()
      emu.injectFault({ operation, kind, count: 100, timeoutMs: HOLD_MS })
      const run = await runMain(emu, { approver: 'alice' })
      expectFailedClean(run, error)
      // Bounded: exactly 5 attempts (CreateToken: 5 polls, slower and slower), and the last one says so.
      expect(await callsOf(emu, operation)).toHaveLength(5)
      if (operation === 'CreateToken') {
        expect(run.result.stdout).toMatch(
          /SSO OIDC CreateToken: server error \(InternalServerException, HTTP 500\) on poll 4; polling again in 16 s/
        )
        expect(run.result.stdout).toMatch(
          /^::error::.*; 5 polls in a row failed, giving up$/m
        )
      } else {
        expect(run.result.stdout).toMatch(
          new RegExp(
            `${escape(SERVICE[operation])} ${operation}: ${KIND_WORDS[kind]} \\([^)]*\\) on attempt 5 of 5; no attempts left`
          )
        )
      }
      expect(readFileSync(run.ws.files.summary, 'utf8')).toMatch(
        new RegExp(`sign-in failed[\\s\\S]*${operation}`)
      )
      // A token obtained before the failure was revoked at once.
      for (const t of emu.tokens()) expect(t.revoked).toBe(true)
      const post = await runPost(run)
      expect(post.code).toBe(0)
      expect(post.stdout).toMatch(/nothing to sign out of or clean up/)
    },
    60_000
  )

  test.concurrent(
    'Logout: 5xx on every attempt → the post step warns that the token stays valid, and still removes the files',
    async () => {
      const emu = await emulator()
      const run = await runMain(emu, { approver: 'alice' })
      expectApproved(run)
      emu.injectFault({ operation: 'Logout', kind: '5xx', count: 100 })
      const post = await runPost(run)
      expect(post.code).toBe(0)
      expect(post.stdout).toMatch(
        /^::warning::SSO Logout failed: InternalServerException \(HTTP 500\) after 3 attempts; the access token stays valid until it expires$/m
      )
      expect(post.stdout).toMatch(/^::warning::Cleanup was incomplete/m)
      expect(emu.calls().filter((c) => c.operation === 'Logout')).toHaveLength(
        3
      )
      expect(cacheFiles(run.ws)).toEqual([])
      expect(existsSync(path.join(awsDir(run.ws), 'config'))).toBe(false)
    },
    60_000
  )
})

// ---------------------------------------------------------------------------------------------
// InvalidClient: register again once

describe('InvalidClientException (a revoked client registration)', () => {
  test.concurrent(
    'mid-poll: registers again once, posts the fresh code, and the approval of it succeeds',
    async () => {
      const emu = await emulator()
      const ws = newWorkspace()
      const env = runnerEnv(ws, emu.url, SEED_INPUTS, {
        IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS: String(HTTP_TIMEOUT_MS)
      })
      const main = start(DIST, env)
      const first = await emu.waitForDeviceAuthorization()
      emu.revokeClient(first.clientId)
      const second = await emu.waitForDeviceAuthorization()
      expect(second.clientId).not.toBe(first.clientId)
      await main.waitForLine(new RegExp(second.userCode))
      emu.approve(second.userCode, 'alice')
      const result = await main.done
      expect({ code: result.code, stderr: result.stderr }).toEqual({
        code: 0,
        stderr: ''
      })
      expect(
        emu.calls().filter((c) => c.operation === 'RegisterClient')
      ).toHaveLength(2)
      expect(
        emu
          .calls()
          .find(
            (c) =>
              c.operation === 'CreateToken' &&
              c.error === 'InvalidClientException'
          )
      ).toBeDefined()
      // The cache holds the new registration, not the revoked one.
      const cache = path.join(ws.home, '.aws', 'sso', 'cache')
      const cached = readdirSync(cache).map((f) =>
        JSON.parse(readFileSync(path.join(cache, f), 'utf8'))
      )
      expect(cached.every((c) => c.clientId === second.clientId)).toBe(true)
    },
    60_000
  )

  test.concurrent(
    'revoked again after the new registration: fails clearly instead of registering forever',
    async () => {
      const emu = await emulator()
      const ws = newWorkspace()
      const main = start(
        DIST,
        runnerEnv(ws, emu.url, SEED_INPUTS, {
          IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS: String(HTTP_TIMEOUT_MS)
        })
      )
      const first = await emu.waitForDeviceAuthorization()
      emu.revokeClient(first.clientId)
      const second = await emu.waitForDeviceAuthorization()
      emu.revokeClient(second.clientId)
      const result = await main.done
      expect(result.code).toBe(1)
      expect(result.stdout).toMatch(
        /^::error::SSO OIDC CreateToken failed: InvalidClientException \(HTTP 401\)$/m
      )
      expect(
        emu.calls().filter((c) => c.operation === 'RegisterClient')
      ).toHaveLength(2)
      expect(existsSync(path.join(ws.home, '.aws'))).toBe(false)
    },
    60_000
  )
})

// ---------------------------------------------------------------------------------------------
// Device codes expiring under approval-timeout

describe('the device code expires before approval', () => {
  test.concurrent(
    'approval-timeout longer than a code: a fresh code is posted, and approving it succeeds',
    async () => {
      const emu = await emulator({ expiresIn: 3 })
      const run = await runMain(emu, {
        inputs: { 'approval-timeout': '30' },
        approver: 'alice',
        skipCodes: 1
      })
      expectApproved(run)
      expect(run.userCodes).toHaveLength(2)
      expect(run.userCodes[0]).not.toBe(run.userCodes[1])
      expect(
        emu.calls().filter((c) => c.operation === 'StartDeviceAuthorization')
      ).toHaveLength(2)
      // Both codes were posted, the second one announced as a new code.
      const out = run.result.stdout
      expect(out.indexOf(run.userCodes[0])).toBeLessThan(
        out.indexOf('a NEW code was issued (attempt 2)')
      )
      expect(out.indexOf('a NEW code was issued (attempt 2)')).toBeLessThan(
        out.indexOf(run.userCodes[1])
      )
      expect(out).toMatch(/Approved after \d+ poll\(s\) and 2 codes/)
      // The summary (the durable record) shows the code that was approved.
      const summary = readFileSync(run.ws.files.summary, 'utf8')
      expect(summary).toContain(run.userCodes[1])
      expect(summary).toMatch(/approved/i)
    },
    60_000
  )

  test.concurrent(
    'approval-timeout spent over several codes: fails clearly with how long it waited',
    async () => {
      const emu = await emulator({ expiresIn: 3 })
      const run = await runMain(emu, { inputs: { 'approval-timeout': '7' } })
      expectFailedClean(
        run,
        /^::error::the code expired before anyone approved it \(waited [67] s over [23] codes\)$/
      )
      expect(run.userCodes.length).toBeGreaterThanOrEqual(2)
      expect(readFileSync(run.ws.files.summary, 'utf8')).toMatch(/expired/i)
    },
    60_000
  )
})

// ---------------------------------------------------------------------------------------------
// The approver lacks the account or role

describe('GetRoleCredentials refused (the approver has no such account or role)', () => {
  test.concurrent.each([
    [
      'role not assigned in the account',
      { 'account-id': '111122223333', 'role-name': 'DeveloperAccess' }
    ],
    [
      'no assignment in the account at all',
      { 'account-id': '444455556666', 'role-name': 'ReadOnly' }
    ]
  ])(
    '%s: the message names the account and the role',
    async (_label, inputs) => {
      const emu = await emulator()
      const run = await runMain(emu, { inputs, approver: 'carol' })
      expectFailedClean(
        run,
        new RegExp(
          `^::error::the approver could not assume role "${inputs['role-name']}" in account ${inputs['account-id']}: ForbiddenException \\(HTTP 403\\)`
        )
      )
      // A refusal is an answer, not a fault: asked once, not retried.
      expect(
        emu.calls().filter((c) => c.operation === 'GetRoleCredentials')
      ).toHaveLength(1)
      expect(emu.tokens()).toHaveLength(1)
      expect(emu.tokens()[0].revoked).toBe(true)
    },
    60_000
  )
})

// ---------------------------------------------------------------------------------------------
// Who may approve

describe('approver policy', () => {
  const REJECTED: [
    label: string,
    inputs: Record<string, string>,
    env: Record<string, string>,
    approver: string,
    why: RegExp,
    users?: EmulatorOptions['users']
  ][] = [
    [
      'not in allowed-approvers',
      { 'allowed-approvers': 'bob, ops-*' },
      {},
      'alice',
      /"alice" is not in allowed-approvers \(bob, ops-\*\)/
    ],
    [
      'forbid-self-approval, same user name',
      { 'forbid-self-approval': 'true' },
      { GITHUB_ACTOR: 'alice' },
      'alice',
      /"alice" triggered this run \(as alice\) and forbid-self-approval is true/
    ],
    [
      "forbid-self-approval, a re-run by bob of alice's run approved by alice",
      { 'forbid-self-approval': 'true' },
      { GITHUB_ACTOR: 'alice', GITHUB_TRIGGERING_ACTOR: 'bob' },
      'alice',
      /"alice" triggered this run \(as alice\) and forbid-self-approval is true/
    ],
    [
      'forbid-self-approval, e-mail user name vs GitHub login (case-insensitive)',
      { 'forbid-self-approval': 'true' },
      { GITHUB_ACTOR: 'Alice' },
      'alice@example.com',
      /"alice@example\.com" triggered this run \(as Alice\) and forbid-self-approval is true/,
      [{ userName: 'alice@example.com' }, { userName: 'bob' }]
    ]
  ]

  test.concurrent.each(REJECTED)(
    '%s → token revoked at once, nothing exported or cached, the step names who and why',
    async (_label, inputs, env, approver, why, users) => {
      const emu = await emulator(users ? { users } : {})
      const run = await runMain(emu, { inputs, extraEnv: env, approver })
      expectFailedClean(
        run,
        new RegExp(
          `^::error::approved by ${escape(approver)}, which is not enough: ${why.source}`
        )
      )
      const token = emu.tokens().find((t) => t.userCode === run.userCodes[0])!
      expect(token.revoked).toBe(true)
      // Revoked before the step ended, right after the identity check.
      const logout = emu.calls().find((c) => c.operation === 'Logout')!
      const identity = emu
        .calls()
        .find((c) => c.operation === 'GetCallerIdentity')!
      expect(logout.at).toBeGreaterThanOrEqual(identity.at)
      // (the summary breaks e-mail addresses with a zero-width joiner so that GitHub does not turn them into links)
      const summary = readFileSync(run.ws.files.summary, 'utf8').replace(
        /\u200d/g,
        ''
      )
      expect(summary).toMatch(/rejected/i)
      expect(summary).toContain(approver)
      const post = await runPost(run)
      expect(post.code).toBe(0)
      expect(post.stdout).toMatch(/nothing to sign out of or clean up/)
    },
    60_000
  )

  test.concurrent.each([
    [
      'an allowed approver (glob, case-insensitive)',
      { 'allowed-approvers': 'ops-*, BOB' },
      {},
      'bob'
    ],
    [
      'someone other than the actor',
      { 'forbid-self-approval': 'true' },
      { GITHUB_ACTOR: 'alice' },
      'bob'
    ]
  ])(
    '%s is accepted',
    async (_label, inputs, env, approver) => {
      const emu = await emulator()
      const run = await runMain(emu, { inputs, extraEnv: env, approver })
      expectApproved(run, approver)
    },
    60_000
  )
})
