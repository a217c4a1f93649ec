/**
 * The CLI's --credential-server through the BUNDLED dist/cli.js: the output gives the endpoint and its token instead of
 * keys (env format), a consumer answers through it past a credential lifetime, nothing of the sign-in is on disk, and
 * with --watch-pid of a sleeping process: kill that process → the server signs out (SSO Logout) and exits by itself.
 */
import { execFile, spawn } from 'node:child_process'
import {
  existsSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { consumerEnv, newWorkspace, SEED_INPUTS, start } from './runner.js'
import { snapshotDist } from './github-fake.js'
import { portClosed } from '../../src/credential-server/client.js'

const run = promisify(execFile)
const TTL = 5
let CLI: string
let DIST: string
let emu: Emulator
beforeAll(async () => {
  ;[DIST, emu] = await Promise.all([
    snapshotDist(),
    startEmulator({ interval: 1, roleCredentialsTtl: TTL })
  ])
  CLI = path.join(path.dirname(DIST), 'cli.js')
}, 120_000)
afterAll(async () => {
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

test('--credential-server --watch-pid: the endpoint instead of keys; the watched process gone → the server signs out and exits', async () => {
  const sleeper = spawn('sleep', ['300'], { stdio: 'ignore' })
  let serverPid: number | undefined
  try {
    const ws = newWorkspace()
    const env = consumerEnv(ws, emu.url, { CI: 'true' })
    const child = start(CLI, env, [
      '--start-url',
      SEED_INPUTS['start-url'],
      '--sso-region',
      'us-east-1',
      '--account-id',
      '111122223333',
      '--role-name',
      'DeveloperAccess',
      '--region',
      'us-west-2',
      '--sso-session',
      'ci',
      '--profile',
      'ci',
      '--credential-server',
      '--watch-pid',
      String(sleeper.pid)
    ])
    const auth = await emu.waitForDeviceAuthorization(20_000)
    emu.approve(auth.userCode, 'alice')
    const result = await child.done
    expect(result.code).toBe(0)
    const vars = Object.fromEntries(
      [...result.stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [
        m[1],
        m[2]
      ])
    )
    expect(Object.keys(vars)).toEqual(
      expect.arrayContaining([
        'AWS_CONTAINER_CREDENTIALS_FULL_URI',
        'AWS_CONTAINER_AUTHORIZATION_TOKEN',
        'AWS_REGION'
      ])
    )
    expect(vars.AWS_ACCESS_KEY_ID).toBeUndefined()
    expect(result.stdout).not.toMatch(/AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN/)
    const token = emu.tokens().find((t) => t.userCode === auth.userCode)!
    const home = files(ws.home)
    expect(home).toEqual([
      '.aws/config',
      '.aws/identity-center-login/ci.server.json'
    ])
    for (const f of home) {
      const text = readFileSync(path.join(ws.home, f), 'utf8')
      expect(text).not.toContain(token.accessToken)
      expect(text).not.toContain(token.refreshToken ?? '\u0000')
      expect(text).not.toContain(auth.clientId)
    }
    const serverFile = JSON.parse(
      readFileSync(
        path.join(ws.home, '.aws/identity-center-login/ci.server.json'),
        'utf8'
      )
    )
    serverPid = serverFile.pid as number
    await sleep(TTL * 1000 + 500)
    const { stdout } = await run(
      'python3',
      ['-m', 'awscli', 'sts', 'get-caller-identity', '--output', 'json'],
      {
        env: consumerEnv(ws, emu.url, {
          AWS_CONTAINER_CREDENTIALS_FULL_URI:
            vars.AWS_CONTAINER_CREDENTIALS_FULL_URI,
          AWS_CONTAINER_AUTHORIZATION_TOKEN:
            vars.AWS_CONTAINER_AUTHORIZATION_TOKEN,
          AWS_DEFAULT_REGION: vars.AWS_DEFAULT_REGION
        }),
        timeout: 60_000
      }
    )
    expect(JSON.parse(stdout).Arn).toMatch(
      /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]+\/alice$/
    )
    expect(alive(serverPid)).toBe(true)
    const logouts = () =>
      emu.calls().filter((c) => c.operation === 'Logout' && c.status === 200)
        .length
    const before = logouts()
    const killedAt = Date.now()
    sleeper.kill('SIGKILL')
    const until = Date.now() + 15_000
    while (alive(serverPid) && Date.now() < until) await sleep(100)
    expect(alive(serverPid)).toBe(false)
    expect(await portClosed(serverFile.port)).toBe(true)
    expect(logouts()).toBe(before + 1)
    console.log(
      `CLI --watch-pid: the watched process killed → the server signed out (Logout) and exited after ${Date.now() - killedAt} ms; left on disk: ${files(ws.home).join(', ')} (the CLI has no post step: --sign-out --sso-session removes them, next test)`
    )
  } finally {
    sleeper.kill('SIGKILL')
    if (serverPid && alive(serverPid))
      try {
        process.kill(-serverPid, 'SIGKILL')
      } catch {
        // gone
      }
  }
}, 120_000)

test("--sign-out --sso-session NAME after --credential-server: the server signs out and exits, its port closes, its server file and the credential_process profiles go; a user's own profile stays", async () => {
  const ws = newWorkspace()
  const env = consumerEnv(ws, emu.url, { CI: 'true' })
  const signIn = start(CLI, env, [
    '--start-url',
    SEED_INPUTS['start-url'],
    '--sso-region',
    'us-east-1',
    '--account-id',
    '111122223333',
    '--role-name',
    'DeveloperAccess',
    '--sso-session',
    'ci',
    '--profile',
    'ci',
    '--profiles',
    'other 777788889999 ReadOnly',
    '--credential-server'
  ])
  const auth = await emu.waitForDeviceAuthorization(20_000)
  emu.approve(auth.userCode, 'alice')
  expect((await signIn.done).code).toBe(0)
  const configFile = path.join(ws.home, '.aws/config')
  // A section of the user's own, added after the sign-in: --sign-out must leave it as it is.
  const own = '\n[profile mine]\nregion = eu-west-1\n'
  writeFileSync(configFile, readFileSync(configFile, 'utf8') + own)
  const serverFile = JSON.parse(
    readFileSync(
      path.join(ws.home, '.aws/identity-center-login/ci.server.json'),
      'utf8'
    )
  ) as { pid: number; port: number }
  expect(alive(serverFile.pid)).toBe(true)
  const logouts = () =>
    emu.calls().filter((c) => c.operation === 'Logout' && c.status === 200)
      .length
  const before = logouts()
  try {
    const out = await start(CLI, env, [
      '--sign-out',
      '--sso-session',
      'ci',
      '--profile',
      'ci'
    ]).done
    expect(out.code).toBe(0)
    expect(out.stderr).toMatch(
      /credential server of sso-session ci signed out and exited/
    )
    expect(out.stderr).toMatch(/Credential server report/)
    expect(logouts()).toBe(before + 1)
    expect(await portClosed(serverFile.port)).toBe(true)
    expect(alive(serverFile.pid)).toBe(false)
    expect(files(ws.home)).toEqual(['.aws/config'])
    const config = readFileSync(configFile, 'utf8')
    expect(config).not.toMatch(/\[profile (ci|other)\]/)
    expect(config).not.toMatch(/credential_process/)
    expect(config).toContain('[profile mine]')
    // Nothing left to sign out: a second run exits 0 and says so.
    const again = await start(CLI, env, ['--sign-out', '--sso-session', 'ci'])
      .done
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/Nothing to sign out/)
  } finally {
    if (alive(serverFile.pid))
      try {
        process.kill(-serverFile.pid, 'SIGKILL')
      } catch {
        // gone
      }
  }
}, 120_000)
