/**
 * credential-server through the BUNDLED action when things go wrong or are asked wrongly: the server killed mid-job
 * (the next AWS call fails clearly; post says what happened and still removes everything), each input it cannot be
 * combined with (refused before any request), export-credentials: false (nothing exported, the profiles still work),
 * a later job of a shared sign-in (no refresh token: served until that token expires, then a clear error; its post
 * does not sign the run's sign-in out), and a cancel while the server starts (nothing running, nothing on disk).
 */
import { execFile } from 'node:child_process'
import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync
} from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  consumerEnv,
  newWorkspace,
  postEnv,
  postOf,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start,
  type StepResult,
  type Workspace
} from './runner.js'
import { snapshotDist } from './github-fake.js'

const run = promisify(execFile)
const TTL = 6
/** Long enough for a later job of a shared sign-in to start and be served a while; short enough to see it end. */
const ACCESS_TTL = 30
const KEY = 'test-session-key-0123456789-abcdefghij'
const CHAINED_ARN = 'arn:aws:sts::111122223333:assumed-role/deploy/alice'

let DIST: string
let emu: Emulator
const started: number[] = []
beforeAll(async () => {
  ;[DIST, emu] = await Promise.all([
    snapshotDist(),
    startEmulator({
      interval: 1,
      roleCredentialsTtl: TTL,
      assumedRoleTtl: TTL,
      accessTokenTtl: ACCESS_TTL
    })
  ])
}, 120_000)
afterAll(async () => {
  for (const pid of started)
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // gone
    }
  await emu?.close()
  if (DIST)
    rmSync(path.dirname(path.dirname(DIST)), { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat[stat.lastIndexOf(')') + 2] !== 'Z'
  } catch {
    return false
  }
}
function files(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (statSync(p).isFile()) out.push(path.relative(dir, p))
    }
  }
  if (existsSync(dir)) walk(dir)
  return out.sort()
}

interface Served {
  ws: Workspace
  env: NodeJS.ProcessEnv
  main: StepResult
  exported: Record<string, string>
  outputs: Record<string, string>
  state: any
}

async function job(
  inputs: Record<string, string>,
  approve = true,
  extraEnv: Record<string, string> = {}
): Promise<Served> {
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, { ...SEED_INPUTS, ...inputs }, extraEnv)
  const running = start(DIST, env)
  if (approve)
    emu.approve((await emu.waitForDeviceAuthorization(20_000)).userCode)
  const main = await running.done
  const state = JSON.parse(readCommandFile(ws.files.state).session || '{}')
  if (state.server?.pid) started.push(state.server.pid)
  return {
    ws,
    env,
    main,
    exported: readCommandFile(ws.files.env),
    outputs: readCommandFile(ws.files.output),
    state
  }
}

const jobEnv = (s: Served) =>
  consumerEnv(s.ws, emu.url, {
    ...s.exported,
    AWS_CONFIG_FILE: path.join(s.ws.home, '.aws', 'config')
  })

async function cliV1(env: NodeJS.ProcessEnv, profile?: string) {
  return run(
    'python3',
    [
      '-m',
      'awscli',
      'sts',
      'get-caller-identity',
      '--output',
      'json',
      ...(profile ? ['--profile', profile] : [])
    ],
    { env, timeout: 60_000 }
  )
}

test('the server killed mid-job: the next AWS call fails clearly; post says so and removes everything', async () => {
  const s = await job({
    'credential-server': 'true',
    'role-to-assume': 'deploy'
  })
  expect(s.main.code).toBe(0)
  const { pid, port } = s.state.server
  process.kill(pid, 'SIGKILL')
  await sleep(300)
  const viaEndpoint: any = await cliV1(jobEnv(s)).catch((e) => e)
  expect(viaEndpoint.code).toBe(255)
  expect(viaEndpoint.stderr).toMatch(
    /Connection refused|Unable to locate credentials|container/i
  )
  const viaProfile: any = await cliV1(
    consumerEnv(s.ws, emu.url),
    'my-dev-profile'
  ).catch((e) => e)
  expect(viaProfile.code).toBe(255)
  expect(viaProfile.stderr).toContain(
    'the credential server is not running (connection refused)'
  )
  const post = await start(postOf(DIST), postEnv(s.ws, s.env)).done
  expect(post.code).toBe(0)
  expect(post.stdout).toContain(
    `The credential server (pid ${pid}, port ${port}) was no longer running`
  )
  expect(post.stdout).toContain('could not sign it out')
  expect(post.stdout).toMatch(/its access token stays valid until \d{4}-/)
  expect(files(s.ws.home)).toEqual([])
  console.log(
    `server killed mid-job: endpoint consumer: ${viaEndpoint.stderr.trim().split('\n').pop()}; --profile: ${viaProfile.stderr.trim().split('\n').pop()}; left after post: ${files(s.ws.home).length ? files(s.ws.home).join(', ') : 'nothing'}`
  )
}, 120_000)

describe('inputs it cannot be combined with: an error naming both, before any request', () => {
  const cases: [string, Record<string, string>][] = [
    ['sign-out-early', { 'sign-out-early': 'true' }],
    ['keep-session', { 'keep-session': 'true' }],
    ['reuse-session', { 'reuse-session': 'true' }],
    ['legacy-sso-profile', { 'legacy-sso-profile': 'true' }],
    ['share-session', { 'share-session': 'true', 'session-key': KEY }]
  ]
  test.each(cases)(
    '%s',
    async (other, inputs) => {
      const before = emu.calls().length
      const s = await job({ 'credential-server': 'true', ...inputs }, false)
      expect(s.main.code).toBe(1)
      expect(s.main.stdout).toMatch(
        new RegExp(
          `Input "credential-server": cannot be combined with ${other}: true`
        )
      )
      if (other === 'share-session')
        expect(s.main.stdout).toContain(
          'use credential-server in the later jobs, with the session input'
        )
      expect(emu.calls().length).toBe(before)
      expect(files(s.ws.home)).toEqual([])
    },
    30_000
  )
})

test('export-credentials: false: nothing exported; the profiles still work through the server, a discovered one fetched on its first request (verify-profiles: primary)', async () => {
  const s = await job({
    'credential-server': 'true',
    'export-credentials': 'false',
    discover: 'true',
    'account-filter': 'prod',
    'role-filter': 'ReadOnly',
    'verify-profiles': 'primary'
  })
  expect(s.main.code).toBe(0)
  expect(s.exported).toEqual({})
  const { stdout } = await cliV1(consumerEnv(s.ws, emu.url), 'my-dev-profile')
  expect(JSON.parse(stdout).Arn).toMatch(
    /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]+\/alice$/
  )
  const before = emu.stats().roleCredentials
  const discovered = await cliV1(consumerEnv(s.ws, emu.url), 'prod.ReadOnly')
  expect(JSON.parse(discovered.stdout).Arn).toMatch(
    /^arn:aws:sts::444455556666:assumed-role\/AWSReservedSSO_ReadOnly_[0-9a-f]+\/alice$/
  )
  expect(emu.stats().roleCredentials).toBe(before + 1)
  const post = await start(postOf(DIST), postEnv(s.ws, s.env)).done
  expect(post.code).toBe(0)
  expect(post.stdout).toMatch(
    /profile prod\.ReadOnly \(444455556666\/ReadOnly\): \d+ request\(s\), \d+ served, 1 upstream fetch\(es\), 0 error/
  )
  expect(files(s.ws.home)).toEqual([])
}, 120_000)

test('keys already in the environment: the endpoint is exported with a warning that the keys would win', async () => {
  const s = await job({ 'credential-server': 'true' }, true, {
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00'
  })
  expect(s.main.code).toBe(0)
  expect(s.main.stdout).toMatch(
    /::warning::AWS_ACCESS_KEY_ID is already set in this job: keys in the environment win over the credential server/
  )
  expect(s.exported.AWS_CONTAINER_CREDENTIALS_FULL_URI).toBeDefined()
  const post = await start(postOf(DIST), postEnv(s.ws, s.env)).done
  expect(post.code).toBe(0)
  expect(
    existsSync(path.join(s.ws.home, '.aws', 'identity-center-login'))
  ).toBe(false)
}, 120_000)

test('a later job of a shared sign-in: served without a refresh token until that token expires, then a clear error; its post does not sign the run out', async () => {
  const login = await job({ 'share-session': 'true', 'session-key': KEY })
  expect(login.main.code).toBe(0)
  const logouts = () =>
    emu.calls().filter((c) => c.operation === 'Logout').length
  const before = emu.calls().length
  const s = await job(
    {
      session: login.outputs.session,
      'session-key': KEY,
      'credential-server': 'true',
      'role-to-assume': 'deploy',
      'min-validity': '0'
    },
    false
  )
  expect(s.main.code).toBe(0)
  // No new approval, no token grant: the shared sign-in.
  expect(
    emu
      .calls()
      .slice(before)
      .filter((c) => /DeviceAuthorization|CreateToken/.test(c.operation))
  ).toEqual([])
  expect(s.main.stdout).toContain(
    'keeps the sign-in shared by an earlier job of this run in its memory'
  )
  expect(s.main.stdout).toContain('stops without signing out')
  expect(s.main.stdout).toMatch(
    /at the latest when that sign-in expires at \d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? UTC \(it has no refresh token\)/
  )
  expect(s.state.server.refreshable).toBe(false)
  // Past a role-credential lifetime, still served.
  await sleep(TTL * 1000 + 500)
  expect(JSON.parse((await cliV1(jobEnv(s))).stdout).Arn).toBe(CHAINED_ARN)
  // Past the token's expiry: a clear error from the server, through the SDK.
  const expiresAt = Date.parse(s.state.server.tokenExpiresAt)
  await sleep(Math.max(0, expiresAt - Date.now()) + TTL * 1000 + 500)
  const late: any = await cliV1(jobEnv(s)).catch((e) => e)
  expect(late.code).toBe(255)
  expect(late.stderr).toMatch(/SessionExpired|expired/)
  const logoutsBefore = logouts()
  const post = await start(postOf(DIST), postEnv(s.ws, s.env)).done
  expect(post.code).toBe(0)
  expect(post.stdout).toContain('Credential server report')
  expect(post.stdout).toMatch(/the sign-in ended at .* \(SessionExpired\)/)
  expect(post.stdout).toContain('not signed out')
  expect(logouts()).toBe(logoutsBefore)
  expect(files(s.ws.home)).toEqual([])
  expect(alive(s.state.server.pid)).toBe(false)
  console.log(
    `later job of a shared sign-in: served until ${s.state.server.tokenExpiresAt}; after it: ${late.stderr.trim().split('\n').pop()}`
  )
}, 180_000)

test('cancelled while the server starts: nothing left running, nothing on disk', async () => {
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, {
    ...SEED_INPUTS,
    'credential-server': 'true'
  })
  const running = start(DIST, env)
  emu.approve((await emu.waitForDeviceAuthorization(20_000)).userCode)
  // The state gets the server's record (file, token) before the server is spawned: cancel right then.
  const stateFile = ws.files.state
  for (let i = 0; i < 400; i++) {
    if (readFileSync(stateFile, 'utf8').includes('"server"')) break
    await sleep(5)
  }
  running.child.kill('SIGINT')
  const main = await running.done
  const state = JSON.parse(readCommandFile(ws.files.state).session || '{}')
  if (state.server?.pid) started.push(state.server.pid)
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect(post.code).toBe(0)
  await sleep(2_500)
  expect(files(ws.home)).toEqual([])
  const servers = readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/environ`, 'utf8').includes(ws.home)
      } catch {
        return false
      }
    })
    .filter((p) => alive(Number(p)))
  expect(servers).toEqual([])
  console.log(
    `cancelled while the server starts: main exit ${main.code}, ${state.server?.pid ? `server pid ${state.server.pid} recorded` : 'no server recorded'}; left after post: nothing running, nothing on disk`
  )
}, 120_000)
