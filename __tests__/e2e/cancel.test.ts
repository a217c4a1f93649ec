/**
 * Cancellation of the BUNDLED action: GitHub sends SIGINT to the step, SIGTERM 7.5 s later, then kills it.
 * On either signal the action stops polling, aborts the AWS request in flight, marks the summary "cancelled"
 * and exits non-zero within a few seconds; the post step then runs and does nothing harmful.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { hostname } from 'node:os'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  newWorkspace,
  postEnv,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start,
  type Workspace,
  postOf
} from './runner.js'
import { snapshotDist } from './github-fake.js'
import { registrationCacheFile } from '../../src/aws-files/sso-cache-format.js'

/** The bundled action, copied aside so that a concurrent `npm run build` cannot pull it away mid-test. */
let DIST: string
beforeAll(async () => {
  DIST = await snapshotDist()
})
afterAll(() => {
  if (DIST)
    rmSync(path.dirname(path.dirname(DIST)), { recursive: true, force: true })
})

/**
 * On Windows, child.kill('SIGINT'/'SIGTERM') ends the process outright (no handler runs, no exit code of its own): the
 * tests that are about what the handler does run on POSIX only.
 */
const POSIX_SIGNALS = process.platform !== 'win32'
const signalTest = POSIX_SIGNALS ? test : test.skip

/** "Within a few seconds": well inside the 7.5 s GitHub gives before SIGTERM. */
const CANCEL_BUDGET_MS = 3000

const emulators: Emulator[] = []
async function emulator(): Promise<Emulator> {
  const emu = await startEmulator({ interval: 1 })
  emulators.push(emu)
  return emu
}
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()))
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const cancelTimes: Record<string, number> = {}
afterAll(() => {
  // The figure for the closing note.
  process.stdout.write(
    `cancel-to-exit times (ms): ${JSON.stringify(cancelTimes)}\n`
  )
})

function expectNothingLeft(ws: Workspace): void {
  expect(readCommandFile(ws.files.env)).toEqual({})
  expect(readCommandFile(ws.files.output)).toEqual({})
  expect(existsSync(path.join(ws.home, '.aws'))).toBe(false)
}

async function expectHarmlessPost(
  emu: Emulator,
  ws: Workspace,
  env: NodeJS.ProcessEnv
): Promise<void> {
  const callsBefore = emu.calls().length
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect({ code: post.code, stderr: post.stderr }).toEqual({
    code: 0,
    stderr: ''
  })
  expect(post.stdout).toMatch(
    /The main step got no SSO token, so there is nothing to sign out of or clean up/
  )
  // No AWS call at all from the post step, and still nothing on disk.
  expect(emu.calls().length).toBe(callsBefore)
  expectNothingLeft(ws)
}

describe.each(['SIGINT', 'SIGTERM'] as const)('%s', (signal) => {
  signalTest(
    `mid-poll: stops polling, exits 1 within ${CANCEL_BUDGET_MS} ms, the summary says cancelled; post does nothing`,
    async () => {
      const emu = await emulator()
      const ws = newWorkspace()
      const env = runnerEnv(ws, emu.url, SEED_INPUTS)
      const main = start(DIST, env)
      const auth = await emu.waitForDeviceAuthorization()
      const polls = () =>
        emu.calls().filter((c) => c.operation === 'CreateToken')
      while (polls().length < 2) await sleep(50)

      const t0 = Date.now()
      main.child.kill(signal)
      const result = await main.done
      const ms = Date.now() - t0
      cancelTimes[`${signal} mid-poll`] = ms

      expect(result.signal).toBeNull() // it exited by itself, it was not killed
      expect(result.code).toBe(1)
      expect(ms).toBeLessThan(CANCEL_BUDGET_MS)
      expect(result.stderr).toBe('')
      expect(result.stdout).toContain(`Received ${signal}: stopping the login`)
      expect(result.stdout).toMatch(
        new RegExp(`^::error::the login was cancelled \\(${signal}\\)`, 'm')
      )
      const summary = readFileSync(ws.files.summary, 'utf8')
      expect(summary).toMatch(/cancelled/i)
      expect(summary).toContain(signal)
      expect(summary).toContain(`~~${auth.userCode}~~`) // the code is shown as no longer valid
      expectNothingLeft(ws)

      // It stopped polling: no poll after the signal, even a couple of intervals later.
      const count = polls().length
      await sleep(2500)
      expect(polls().length).toBe(count)
      expect(polls().every((c) => c.at <= t0 + 50)).toBe(true)
      expect(emu.tokens()).toEqual([])

      await expectHarmlessPost(emu, ws, env)
    },
    30_000
  )

  signalTest(
    `while an AWS request hangs (CreateToken held, 15 s request timeout): the request is aborted, exit within ${CANCEL_BUDGET_MS} ms`,
    async () => {
      const emu = await emulator()
      const ws = newWorkspace()
      const env = runnerEnv(ws, emu.url, SEED_INPUTS) // the default 15 s per-attempt timeout, 5 attempts
      const main = start(DIST, env)
      await emu.waitForDeviceAuthorization()
      emu.injectFault({
        operation: 'CreateToken',
        kind: 'timeout',
        count: 100,
        timeoutMs: 60_000
      })
      // Wait until a poll is in flight and held.
      while (emu.stats().faults < 1) await sleep(20)
      await sleep(200)

      const t0 = Date.now()
      main.child.kill(signal)
      const result = await main.done
      const ms = Date.now() - t0
      cancelTimes[`${signal} during a hung request`] = ms

      expect(result.code).toBe(1)
      expect(ms).toBeLessThan(CANCEL_BUDGET_MS)
      expect(result.stdout).toMatch(
        new RegExp(`^::error::the login was cancelled \\(${signal}\\)`, 'm')
      )
      // Not retried after the abort: one held attempt only.
      expect(emu.stats().byOperation.CreateToken).toBe(
        emu.calls().filter((c) => c.operation === 'CreateToken').length + 1
      )
      expect(readFileSync(ws.files.summary, 'utf8')).toMatch(/cancelled/i)
      expectNothingLeft(ws)
      await expectHarmlessPost(emu, ws, env)
    },
    30_000
  )
})

signalTest(
  'SIGINT after approval, while GetRoleCredentials hangs: the token just obtained is revoked, nothing exported or written',
  async () => {
    const emu = await emulator()
    const ws = newWorkspace()
    const env = runnerEnv(ws, emu.url, SEED_INPUTS)
    const main = start(DIST, env)
    const auth = await emu.waitForDeviceAuthorization()
    emu.injectFault({
      operation: 'GetRoleCredentials',
      kind: 'timeout',
      count: 100,
      timeoutMs: 60_000
    })
    emu.approve(auth.userCode, 'alice')
    while (emu.stats().byOperation.GetRoleCredentials === undefined)
      await sleep(20)
    await sleep(200)

    const t0 = Date.now()
    main.child.kill('SIGINT')
    const result = await main.done
    const ms = Date.now() - t0
    cancelTimes['SIGINT during GetRoleCredentials'] = ms

    expect(result.code).toBe(1)
    expect(ms).toBeLessThan(CANCEL_BUDGET_MS)
    expect(result.stdout).toMatch(
      /^::error::the login was cancelled \(SIGINT\)/m
    )
    expect(readFileSync(ws.files.summary, 'utf8')).toMatch(/cancelled/i)
    const token = emu.tokens().find((t) => t.userCode === auth.userCode)!
    expect(token.revoked).toBe(true)
    expect(emu.roleSessions()).toEqual([])
    expectNothingLeft(ws)
    await expectHarmlessPost(emu, ws, env)
  },
  30_000
)

/** The user's own config, which must come back byte for byte (CRLF, no final newline). */
const USER_CONFIG =
  '# mine\r\n[default]\r\nregion = eu-west-1\r\n\r\n[profile keep-me]\r\nregion = eu-north-1'
const tokenCacheName = `${createHash('sha1').update(SEED_INPUTS['sso-session']).digest('hex')}.json`
const registrationCacheName = path.basename(
  registrationCacheFile('/', {
    region: SEED_INPUTS['sso-region'],
    scopes: ['sso:account:access'],
    sessionName: SEED_INPUTS['sso-session'],
    startUrl: SEED_INPUTS['start-url']
  })
)

/**
 * The three files (config sections, token cache, registration cache) are written side by side, each under its own lock.
 * Another job on this runner (alive: it is this test process) holds one of those locks, so the login is stuck in the
 * middle of its writes when the cancel comes: the hard stop ends the step, and what did land is recorded for the post
 * step, which removes it: nothing this run wrote stays in ~/.aws/sso/cache and the config is back to what it was.
 */
describe.each([
  [
    'the config file',
    'config',
    (home: string) => path.join(home, '.aws', 'config')
  ],
  [
    'the client registration cache',
    'registration',
    (home: string) =>
      path.join(home, '.aws', 'sso', 'cache', registrationCacheName)
  ]
] as const)(
  'SIGINT while the login waits for the lock of %s, which another job holds',
  (_label, held, lockedFile) => {
    test('the hard stop ends the step within the grace period; post removes every file of this run that landed', async () => {
      const emu = await emulator()
      const ws = newWorkspace()
      mkdirSync(path.join(ws.home, '.aws', 'sso', 'cache'), {
        recursive: true,
        mode: 0o700
      })
      const config = path.join(ws.home, '.aws', 'config')
      writeFileSync(config, USER_CONFIG, { mode: 0o600 })
      const lock = `${lockedFile(ws.home)}.lock`
      const lockText = JSON.stringify({
        pid: process.pid,
        host: hostname(),
        time: new Date().toISOString(),
        token: 'other-job'
      })
      writeFileSync(lock, lockText, { mode: 0o600 })
      const env = runnerEnv(ws, emu.url, SEED_INPUTS)
      const main = start(DIST, env)
      const auth = await emu.waitForDeviceAuthorization()
      emu.approve(auth.userCode, 'alice')
      // The login has its credentials and now writes: the two files whose locks are free land, the third waits.
      while (!emu.calls().some((c) => c.operation === 'GetCallerIdentity'))
        await sleep(20)
      await sleep(500)
      expect(main.child.exitCode).toBeNull()
      const cacheDir = path.join(ws.home, '.aws', 'sso', 'cache')
      if (held === 'config') {
        expect(readFileSync(config, 'utf8')).toBe(USER_CONFIG)
        expect(readdirSync(cacheDir).sort()).toEqual(
          [registrationCacheName, tokenCacheName].sort()
        )
      } else {
        expect(readFileSync(config, 'utf8')).toContain(
          '[profile my-dev-profile]'
        )
        expect(readdirSync(cacheDir).sort()).toEqual(
          [`${registrationCacheName}.lock`, tokenCacheName].sort()
        )
      }

      const t0 = Date.now()
      main.child.kill('SIGINT')
      const result = await main.done
      const ms = Date.now() - t0
      cancelTimes[`SIGINT during a lock wait on the ${held} (hard stop)`] = ms

      // On Windows, child.kill('SIGINT') ends the process outright: no handler runs, so there is no exit code to check.
      if (POSIX_SIGNALS) {
        expect(result.code).toBe(1)
        // No AWS request to abort here: the 3 s grace period, then the step reports and exits.
        expect(ms).toBeGreaterThanOrEqual(2500)
        expect(ms).toBeLessThan(CANCEL_BUDGET_MS + 3000)
        expect(result.stdout).toMatch(
          /^::error::the login was cancelled \(SIGINT\) before it finished; no credentials were exported$/m
        )
        expect(readFileSync(ws.files.summary, 'utf8')).toMatch(/cancelled/i)
        // The token cache this run had written does not outlive the step: revoked, file removed.
        expect(
          emu.tokens().find((t) => t.userCode === auth.userCode)!.revoked
        ).toBe(true)
        expect(existsSync(path.join(cacheDir, tokenCacheName))).toBe(false)
      }
      expect(readCommandFile(ws.files.env)).toEqual({})
      expect(readCommandFile(ws.files.output)).toEqual({})
      // The other job's lock is not ours to break.
      expect(readFileSync(lock, 'utf8')).toBe(lockText)
      // What main recorded for its post step: the files it had started writing, marked as a partial set.
      const state = JSON.parse(readCommandFile(ws.files.state).session)
      expect(state.written.partial).toBe(true)
      expect(state.written.configEdits.length > 0).toBe(held !== 'config')

      const post = await start(postOf(DIST), postEnv(ws, env)).done
      expect({ code: post.code, stderr: post.stderr }).toEqual({
        code: 0,
        stderr: ''
      })
      expect(post.stdout).toMatch(
        /The main step stopped while it was writing its files/
      )
      expect(post.stdout).not.toMatch(/nothing to sign out of or clean up/)
      expect(post.stdout).toMatch(
        held === 'config'
          ? /registration cache: deleted/
          : /config: .*section\(s\) removed or restored/
      )
      expect(
        emu.tokens().find((t) => t.userCode === auth.userCode)!.revoked
      ).toBe(true)
      // Nothing this run wrote stays in the cache (the other job's lock does), and the config is back byte for byte.
      expect(readdirSync(cacheDir)).toEqual(
        held === 'config' ? [] : [path.basename(lock)]
      )
      expect(
        readFileSync(config).equals(Buffer.from(USER_CONFIG, 'utf8'))
      ).toBe(true)
      expect(readFileSync(lock, 'utf8')).toBe(lockText)
    }, 30_000)
  }
)

signalTest(
  'credential-server: SIGINT while the sign-in waits for the config lock, before the server holds it; the hard stop revokes the token that no cache file holds',
  async () => {
    const emu = await emulator()
    const ws = newWorkspace()
    mkdirSync(path.join(ws.home, '.aws'), { recursive: true, mode: 0o700 })
    const config = path.join(ws.home, '.aws', 'config')
    writeFileSync(config, USER_CONFIG, { mode: 0o600 })
    const lock = `${config}.lock`
    const lockText = JSON.stringify({
      pid: process.pid,
      host: hostname(),
      time: new Date().toISOString(),
      token: 'other-job'
    })
    writeFileSync(lock, lockText, { mode: 0o600 })
    const env = runnerEnv(ws, emu.url, {
      ...SEED_INPUTS,
      'credential-server': 'true'
    })
    const main = start(DIST, env)
    const auth = await emu.waitForDeviceAuthorization()
    emu.approve(auth.userCode, 'alice')
    while (!emu.calls().some((c) => c.operation === 'GetCallerIdentity'))
      await sleep(20)
    await sleep(500)
    expect(main.child.exitCode).toBeNull()
    // This mode writes no token cache: the sign-in is only in main's memory.
    expect(existsSync(path.join(ws.home, '.aws', 'sso', 'cache'))).toBe(false)
    const token = () => emu.tokens().find((t) => t.userCode === auth.userCode)!
    expect(token().revoked).toBe(false)

    main.child.kill('SIGINT')
    const result = await main.done
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /This run's sign-in was not in a token cache when it stopped: token revoked/
    )
    expect(token().revoked).toBe(true)
    expect(readCommandFile(ws.files.env)).toEqual({})
    expect(readFileSync(config, 'utf8')).toBe(USER_CONFIG)
    expect(readFileSync(lock, 'utf8')).toBe(lockText)

    const post = await start(postOf(DIST), postEnv(ws, env)).done
    expect(post.code).toBe(0)
    expect(readFileSync(config, 'utf8')).toBe(USER_CONFIG)
  },
  30_000
)
