/**
 * credential-server: true through the BUNDLED action, end to end, with role credentials, chained sessions and access
 * tokens that live seconds in the emulator: main hands the sign-in to a detached loopback server and exports its
 * endpoint (never keys); after THREE role-credential lifetimes every real consumer (AWS CLI v1 / botocore, Debian's AWS
 * CLI v2, the JS SDK's default chain, Debian's AWS SDKs for Go v1 and v2) answers as the role, through the container
 * provider and through `--profile` (credential_process) for every written profile; the upstream calls stay bounded;
 * post stops the server (SSO Logout), prints its report, and leaves nothing behind. Then the hostile and broken cases:
 * the server killed mid-job, each forbidden combination of inputs (refused before any request), export-credentials:
 * false, and a later job of a shared sign-in (no refresh token: served until that token expires).
 * The measured table is printed for the closing note.
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
  ROOT,
  runnerEnv,
  SEED_INPUTS,
  start,
  type StepResult,
  type Workspace
} from './runner.js'
import { snapshotDist } from './github-fake.js'
import { leakHits } from './leak-scan.js'
import { buildGoPrograms, goSdksMissing, type GoPrograms } from './go-sdks.js'
import { pidListeningOn } from '../../src/credential-server/listener.js'
import { portClosed } from '../../src/credential-server/client.js'
import { raw } from '../credential-server/helpers.js'

const run = promisify(execFile)
/** Role credentials and chained sessions live this long (s); access tokens ACCESS_TTL (refreshed with their refresh token). */
const TTL = 6
const ACCESS_TTL = 10
const DEV = '111122223333'
const CHAINED_ARN = `arn:aws:sts::${DEV}:assumed-role/deploy/alice`
const SANDBOX_RO =
  /^arn:aws:sts::777788889999:assumed-role\/AWSReservedSSO_ReadOnly_[0-9a-f]+\/alice$/
const PROD_RO =
  /^arn:aws:sts::444455556666:assumed-role\/AWSReservedSSO_ReadOnly_[0-9a-f]+\/alice$/
const goMissing = goSdksMissing()

let DIST: string
let emu: Emulator
let go: GoPrograms | undefined
beforeAll(async () => {
  const building = goMissing ? undefined : buildGoPrograms()
  ;[DIST, emu] = await Promise.all([
    snapshotDist(),
    startEmulator({
      interval: 1,
      roleCredentialsTtl: TTL,
      assumedRoleTtl: TTL,
      accessTokenTtl: ACCESS_TTL
    })
  ])
  go = await building
}, 300_000)
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

/** Every server pid a test saw: killed at the end whatever happened. */
const started: number[] = []
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** The process exists and is not a zombie waiting for a reaper that is not its parent any more. */
const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return (
      stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
    )
  } catch {
    return false
  }
}

/** Every file and folder under `dir`: relative path, mode, text. */
function tree(
  dir: string
): { rel: string; dir: boolean; mode: number; text: string }[] {
  const out: { rel: string; dir: boolean; mode: number; text: string }[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      const mode = statSync(p).mode & 0o777
      if (e.isDirectory()) {
        out.push({ rel: path.relative(dir, p), dir: true, mode, text: '' })
        walk(p)
      } else
        out.push({
          rel: path.relative(dir, p),
          dir: false,
          mode,
          text: readFileSync(p, 'utf8')
        })
    }
  }
  if (existsSync(dir)) walk(dir)
  return out.sort((a, b) => a.rel.localeCompare(b.rel))
}
const filesOf = (dir: string) =>
  tree(dir)
    .filter((f) => !f.dir)
    .map((f) => `~/${f.rel}`)

interface Served {
  ws: Workspace
  env: NodeJS.ProcessEnv
  main: StepResult
  exported: Record<string, string>
  outputs: Record<string, string>
  state: any
  /** The sign-in's secrets, value → kind. */
  secrets: Map<string, string>
  userCode: string
}

async function servedRun(
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {}
): Promise<Served> {
  const ws = newWorkspace()
  const env = runnerEnv(
    ws,
    emu.url,
    { ...SEED_INPUTS, 'credential-server': 'true', ...inputs },
    extraEnv
  )
  const running = start(DIST, env)
  const auth = await emu.waitForDeviceAuthorization(20_000)
  emu.approve(auth.userCode, 'alice')
  const main = await running.done
  const state = JSON.parse(readCommandFile(ws.files.state).session || '{}')
  if (state.server?.pid) started.push(state.server.pid)
  const token = emu.tokens().find((t) => t.userCode === auth.userCode)
  const secrets = new Map<string, string>()
  if (token) {
    secrets.set(token.accessToken, 'SSO access token')
    if (token.refreshToken) secrets.set(token.refreshToken, 'SSO refresh token')
  }
  secrets.set(auth.clientId, 'client registration')
  return {
    ws,
    env,
    main,
    exported: readCommandFile(ws.files.env),
    outputs: readCommandFile(ws.files.output),
    state,
    secrets,
    userCode: auth.userCode
  }
}

/** What a step of the job sees: the exported variables, no keys, HOME, STS at the emulator. */
function jobEnv(s: Served, extra: Record<string, string> = {}) {
  return consumerEnv(s.ws, emu.url, {
    ...s.exported,
    AWS_CONFIG_FILE: path.join(s.ws.home, '.aws', 'config'),
    ...extra
  })
}

/** Every token the server process could leak, in its cmdline and environ. */
function procTexts(pid: number): [string, string][] {
  return ['cmdline', 'environ'].map((f) => [
    `/proc/${pid}/${f}`,
    readFileSync(`/proc/${pid}/${f}`, 'utf8')
  ])
}

/** The session id of a process (field 6 of /proc/<pid>/stat). */
function sessionOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3])
}

async function cliV1(env: NodeJS.ProcessEnv, profile?: string) {
  const { stdout } = await run(
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
  return JSON.parse(stdout).Arn as string
}

async function cliV2(env: NodeJS.ProcessEnv) {
  const { stdout } = await run(
    '/usr/bin/aws',
    [
      'sts',
      'get-caller-identity',
      '--output',
      'json',
      '--endpoint-url',
      emu.url
    ],
    { env, timeout: 60_000 }
  )
  return JSON.parse(stdout).Arn as string
}

async function jsSdk(env: NodeJS.ProcessEnv) {
  const script = `
    import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
    import { fromNodeProviderChain } from '@aws-sdk/credential-providers'
    const client = new STSClient({ credentials: fromNodeProviderChain() })
    const out = await client.send(new GetCallerIdentityCommand({}))
    console.log(out.Arn)
  `
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', script],
    { env, cwd: ROOT, timeout: 60_000 }
  )
  return stdout.trim()
}

async function goWhoami(exe: string, env: NodeJS.ProcessEnv, profile: string) {
  try {
    const { stdout } = await run(exe, [profile], {
      env: { ...env, EMULATOR_URL: emu.url, AWS_SDK_LOAD_CONFIG: '1' },
      timeout: 30_000
    })
    return JSON.parse(stdout).Arn as string
  } catch (error: any) {
    throw new Error(
      `${path.basename(exe)} ${profile}: ${error.stderr}${error.killed ? ' (killed at the 30 s timeout)' : ''}`
    )
  }
}

const table: string[][] = []

describe('a job served for three role-credential lifetimes (role-to-assume, a profiles line, discover)', () => {
  let s: Served
  let post: StepResult
  let statsAfterMain: ReturnType<Emulator['stats']>
  let statsAfterConsumers: ReturnType<Emulator['stats']>
  let homeAfterMain: string[]
  let homeAfterPost: string[]
  const saw: [string, string][] = []
  let logoutsBefore = 0

  beforeAll(async () => {
    logoutsBefore = emu.calls().filter((c) => c.operation === 'Logout').length
    s = await servedRun({
      'role-to-assume': 'deploy',
      profiles: 'sandbox-ro 777788889999 ReadOnly',
      discover: 'true',
      'account-filter': 'prod',
      'role-filter': 'ReadOnly'
    })
    statsAfterMain = emu.stats()
    homeAfterMain = filesOf(s.ws.home)
  }, 120_000)

  test('main succeeds and exports the endpoint and its token, never keys', () => {
    expect(s.main.code).toBe(0)
    expect(Object.keys(s.exported).sort()).toEqual([
      'AWS_CONTAINER_AUTHORIZATION_TOKEN',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
      'AWS_DEFAULT_REGION',
      'AWS_REGION'
    ])
    expect(s.exported.AWS_CONTAINER_CREDENTIALS_FULL_URI).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/role\/my-dev-profile$/
    )
    expect(s.outputs.arn).toBe(CHAINED_ARN)
    expect(s.outputs['approved-by']).toBe('alice')
  })

  test('the authorization token is masked before any other use, and never printed', () => {
    const token = s.exported.AWS_CONTAINER_AUTHORIZATION_TOKEN
    const out = s.main.stdout + s.main.stderr
    const mask = out.indexOf(`::add-mask::${token}`)
    expect(mask).toBeGreaterThanOrEqual(0)
    expect(out.indexOf(token)).toBe(mask + '::add-mask::'.length)
    // Every occurrence is a mask command (the edge masks it once more before it exports it).
    for (const at of out.split(token).slice(0, -1))
      expect(at.endsWith('::add-mask::')).toBe(true)
    // post's state holds the server's pid, port, file and token, never the SSO token.
    expect(s.state.server).toMatchObject({
      pid: expect.any(Number),
      port: expect.any(Number),
      authToken: token
    })
    expect(s.state.accessToken).toBeUndefined()
    expect(
      leakHits(s.secrets, [
        ['GITHUB_STATE', readFileSync(s.ws.files.state, 'utf8')]
      ])
    ).toEqual([])
  })

  test('HOME holds no sign-in: no token cache, no registration, no sso-session; ~/.aws files 0600 in 0700 folders', () => {
    const files = tree(s.ws.home)
    expect(files.map((f) => f.rel)).toEqual([
      '.aws',
      '.aws/config',
      '.aws/identity-center-login',
      '.aws/identity-center-login/my-sso.server.json'
    ])
    for (const f of files) expect(f.mode).toBe(f.dir ? 0o700 : 0o600)
    expect(
      leakHits(
        s.secrets,
        files.map((f) => [f.rel, f.text])
      )
    ).toEqual([])
    const config = files.find((f) => f.rel === '.aws/config')!.text
    expect(config).not.toMatch(/sso_|\[sso-session/)
    expect(config).not.toContain(s.exported.AWS_CONTAINER_AUTHORIZATION_TOKEN)
    expect(
      [...config.matchAll(/^\[profile ([^\]]+)\]$/gm)].map((m) => m[1])
    ).toEqual(['my-dev-profile', 'sandbox-ro', 'prod.ReadOnly'])
    expect(config).toContain(
      `credential_process = ${process.execPath} ${path.join(path.dirname(DIST), 'cli.js')} --credential-process --server-file ${path.join(s.ws.home, '.aws', 'identity-center-login', 'my-sso.server.json')} --profile sandbox-ro`
    )
  })

  test('the server: found by its port, in a session of its own, no secret in its command line or environment', () => {
    const { pid, port } = s.state.server
    expect(pidListeningOn(port)).toBe(pid)
    expect(sessionOf(pid)).toBe(pid)
    const secrets = new Map(s.secrets)
    secrets.set(
      s.exported.AWS_CONTAINER_AUTHORIZATION_TOKEN,
      'authorization token'
    )
    secrets.set('ghs_notARealTokenButSecret000000000000', 'github-token')
    expect(leakHits(secrets, procTexts(pid))).toEqual([])
  })

  test('after three role-credential lifetimes every consumer answers as its role', async () => {
    const env = jobEnv(s)
    // A step in each lifetime (the job keeps working), then every consumer once three lifetimes have passed.
    const t0 = Date.now()
    for (let i = 1; i <= 3; i++) {
      await sleep(Math.max(0, t0 + i * TTL * 1000 + 500 - Date.now()))
      const arn = await cliV1(env)
      expect(arn).toBe(CHAINED_ARN)
      saw.push([`AWS CLI v1 (container provider) after ${i} lifetime(s)`, arn])
    }
    saw.push(['AWS CLI v1 (container provider)', await cliV1(env)])
    saw.push(['Debian AWS CLI v2 2.9 (container provider)', await cliV2(env)])
    saw.push(['JS SDK fromNodeProviderChain', await jsSdk(env)])
    if (go) {
      saw.push([
        'AWS SDK for Go v1 (container provider)',
        await goWhoami(go.v1, env, 'default')
      ])
      saw.push([
        'AWS SDK for Go v2 (container provider)',
        await goWhoami(go.v2, env, 'default')
      ])
    }
    for (const [, arn] of saw) expect(arn).toBe(CHAINED_ARN)
    // --profile, through credential_process, without the endpoint variables.
    const plain = consumerEnv(s.ws, emu.url)
    const profiles: [string, string, RegExp | string][] = [
      [
        'AWS CLI v1 --profile my-dev-profile (primary, chained)',
        'my-dev-profile',
        CHAINED_ARN
      ],
      [
        'AWS CLI v1 --profile sandbox-ro (profiles line)',
        'sandbox-ro',
        SANDBOX_RO
      ],
      [
        'AWS CLI v1 --profile prod.ReadOnly (discovered)',
        'prod.ReadOnly',
        PROD_RO
      ]
    ]
    for (const [label, profile, want] of profiles) {
      const arn = await cliV1(plain, profile)
      saw.push([label, arn])
      if (typeof want === 'string') expect(arn).toBe(want)
      else expect(arn).toMatch(want)
    }
    if (go) {
      for (const [sdk, exe] of [
        ['v1', go.v1],
        ['v2', go.v2]
      ] as const) {
        const t = Date.now()
        const arn = await goWhoami(exe, plain, 'my-dev-profile')
        saw.push([
          `AWS SDK for Go ${sdk} --profile my-dev-profile (credential_process) ${Date.now() - t} ms`,
          arn
        ])
        expect(arn).toBe(CHAINED_ARN)
      }
    }
    statsAfterConsumers = emu.stats()
  }, 180_000)

  test('hostile requests to the action\u2019s server are refused, and it keeps serving the job', async () => {
    const { port } = s.state.server
    const token = s.exported.AWS_CONTAINER_AUTHORIZATION_TOKEN
    const host = `127.0.0.1:${port}`
    const statuses = await Promise.all([
      raw(port, 'GET', '/role/my-dev-profile', { host }),
      raw(port, 'GET', '/role/my-dev-profile', {
        host,
        authorization: `${token}x`
      }),
      raw(port, 'GET', '/role/my-dev-profile', {
        host: 'evil.example',
        authorization: token
      }),
      raw(port, 'GET', '/role/sandbox-ro/../admin', {
        host,
        authorization: token
      }),
      raw(port, 'GET', '/role/AdministratorAccess', {
        host,
        authorization: token
      }),
      raw(
        port,
        'POST',
        '/stop',
        { host, authorization: token },
        Buffer.alloc(64 * 1024, 97)
      ),
      // A flood: 300 requests with a wrong token at once.
      ...Array.from({ length: 300 }, () =>
        raw(port, 'GET', '/role/my-dev-profile', { host, authorization: 'x' })
      )
    ])
    const [noToken, wrong, badHost, trick, unknown, big, ...flood] =
      statuses.map((a) => a.status)
    expect([noToken, wrong, badHost, big]).toEqual([401, 401, 403, 413])
    expect([400, 404]).toContain(trick)
    expect(unknown).toBe(404)
    expect(new Set(flood)).toEqual(new Set([401]))
    for (const a of statuses) expect(a.text).not.toContain('AccessKeyId')
    // Still serving the job.
    expect(await cliV1(jobEnv(s))).toBe(CHAINED_ARN)
    table.push([
      'hostile requests (no token, wrong token, other Host, path trick, unknown profile, 64 KiB body, 300 wrong-token flood)',
      `${[noToken, wrong, badHost, trick, unknown, big].join(', ')}, flood all 401; the job still served`
    ])
  }, 60_000)

  test('the upstream calls are bounded: refreshed per lifetime, not per request', () => {
    const d = (k: keyof ReturnType<Emulator['stats']>) =>
      (statsAfterConsumers[k] as number) - (statsAfterMain[k] as number)
    const elapsed = 3 * TTL + 30 // the sleep and the consumers, generously
    // At most one fetch per half lifetime per profile, for the three profiles (GetRoleCredentials; AssumeRole for one).
    const perProfile = Math.ceil(elapsed / (TTL / 2)) + 1
    expect(d('roleCredentials')).toBeLessThanOrEqual(3 * perProfile)
    expect(d('assumedRoles')).toBeLessThanOrEqual(perProfile)
    expect(d('refreshes')).toBeGreaterThanOrEqual(1)
    expect(d('refreshes')).toBeLessThanOrEqual(
      Math.ceil(elapsed / (ACCESS_TTL / 2)) + 1
    )
    table.push(
      [
        'upstream during main',
        `GetRoleCredentials ${statsAfterMain.roleCredentials}, AssumeRole ${statsAfterMain.assumedRoles}, token grants ${statsAfterMain.tokensIssued}`
      ],
      [
        'upstream while served',
        `GetRoleCredentials ${d('roleCredentials')}, AssumeRole ${d('assumedRoles')}, refresh grants ${d('refreshes')} (consumers made ${saw.length} calls)`
      ]
    )
  })

  test('post: the report, Logout, the port closed, the pid gone, every file main wrote removed', async () => {
    const { pid, port } = s.state.server
    post = await start(postOf(DIST), postEnv(s.ws, s.env)).done
    expect(post.code).toBe(0)
    console.log(post.stdout)
    expect(post.stdout).toContain('Credential server report')
    expect(post.stdout).toMatch(
      /profile sandbox-ro \(777788889999\/ReadOnly\): \d+ request/
    )
    expect(post.stdout).toContain(
      'signed out of IAM Identity Center (SSO Logout)'
    )
    expect(post.stdout).toContain(`Port ${port} closed`)
    const logouts = emu.calls().filter((c) => c.operation === 'Logout')
    expect(logouts.slice(logoutsBefore).map((c) => c.status)).toEqual([200])
    expect(await portClosed(port)).toBe(true)
    expect(alive(pid)).toBe(false)
    homeAfterPost = filesOf(s.ws.home)
    expect(homeAfterPost).toEqual([])
    for (const [label, arn] of saw) table.push([label, arn])
    table.push(
      [
        'left on the runner after main',
        homeAfterMain.join(', ') +
          ` + the server (pid ${pid}, 127.0.0.1:${port})`
      ],
      [
        'left on the runner after post',
        homeAfterPost.length
          ? homeAfterPost.join(', ')
          : 'nothing (server gone, port closed)'
      ],
      ['main step', `${s.main.ms} ms`],
      [
        'post report',
        post.stdout
          .split('\n')
          .filter((l) => /^\s+(profile|SSO|refused|stopped)/.test(l))
          .map((l) => l.trim())
          .join(' | ')
      ]
    )
    console.log(
      `credential-server, ${3 * TTL} s = three role-credential lifetimes of ${TTL} s (access token ${ACCESS_TTL} s):\n` +
        table.map(([a, b]) => `| ${a} | ${b} |`).join('\n')
    )
  }, 60_000)
})
