/**
 * One approval for a whole run, with the BUNDLED action as a runner runs it, against the emulator:
 *  - a login job (share-session) and three later jobs (session), each with its own HOME and runner files and the same
 *    run id, the later ones at the same time for different accounts and roles: ONE device authorization in all;
 *  - every later job's files work with botocore (AWS CLI v1) and the JS SDK, hold no refresh token or client secret,
 *    and its post removes them without signing out; the login job's post does not sign out either;
 *  - nothing secret leaks from any job (log, outputs, state, GITHUB_ENV, files), and the sealed output holds none in clear;
 *  - every refusal happens before any request, with its own error;
 *  - end-session signs out (the token is revoked) and a job after it fails clearly;
 *  - the CLI: --share-session prints the sealed session (dotenv), a later CLI run reads it from the environment.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  CLI,
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
import { pythonExe, cliV1IdentityArgs } from '../aws-files/helpers/python.js'

const run = promisify(execFile)
const KEY = 'test-session-key-0123456789-abcdefghij'
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex')

let DIST: string
let emu: Emulator
beforeAll(async () => {
  DIST = await snapshotDist()
  emu = await startEmulator({ interval: 1 })
})
afterAll(async () => {
  await emu?.close()
  if (DIST)
    rmSync(path.dirname(path.dirname(DIST)), { recursive: true, force: true })
})

interface Job {
  ws: Workspace
  env: NodeJS.ProcessEnv
  main: StepResult
  outputs: Record<string, string>
}

/** The login job: share-session, approved by alice. */
async function loginJob(
  emulator: Emulator,
  inputs: Record<string, string> = {}
): Promise<Job> {
  const ws = newWorkspace()
  const env = runnerEnv(ws, emulator.url, {
    ...SEED_INPUTS,
    'share-session': 'true',
    'session-key': KEY,
    ...inputs
  })
  const main = start(DIST, env)
  const auth = await emulator.waitForDeviceAuthorization()
  emulator.approve(auth.userCode, 'alice')
  const result = await main.done
  if (result.code !== 0)
    throw new Error(`login job failed:\n${result.stdout}\n${result.stderr}`)
  return { ws, env, main: result, outputs: readCommandFile(ws.files.output) }
}

/** A later job of the same run: its own HOME and runner files, the session output and the key, no start-url / sso-region. */
async function laterJob(
  emulator: Emulator,
  session: string,
  inputs: Record<string, string> = {},
  extra: Record<string, string> = {}
): Promise<Job> {
  const ws = newWorkspace()
  const env = runnerEnv(
    ws,
    emulator.url,
    { session, 'session-key': KEY, notify: 'summary', ...inputs },
    { GITHUB_JOB: 'later', ...extra }
  )
  const main = await start(DIST, env).done
  return { ws, env, main, outputs: readCommandFile(ws.files.output) }
}

const post = (job: Job) => start(postOf(DIST), postEnv(job.ws, job.env)).done
const withoutMaskCommands = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
const tokenCacheOf = (home: string, session: string) =>
  path.join(home, '.aws', 'sso', 'cache', `${sha1(session)}.json`)

const LATER = [
  {
    name: 'defaults (the login job role)',
    inputs: { profile: 'job-a' },
    profiles: [['job-a', '111122223333']]
  },
  {
    name: 'prod ReadOnly',
    inputs: {
      'account-id': '444455556666',
      'role-name': 'ReadOnly',
      profile: 'prod-ro',
      region: 'eu-west-1'
    },
    profiles: [['prod-ro', '444455556666']]
  },
  {
    name: 'sandbox admin + an extra profile',
    inputs: {
      'account-id': '777788889999',
      'role-name': 'AdministratorAccess',
      profile: 'sandbox-admin',
      profiles: 'sandbox-dev 777788889999 DeveloperAccess'
    },
    profiles: [
      ['sandbox-admin', '777788889999'],
      ['sandbox-dev', '777788889999']
    ]
  }
] as const

describe('a login job and three later jobs', () => {
  let login: Job
  let later: Job[]
  let laterPosts: StepResult[]
  let loginPost: StepResult
  const consumers: Record<string, { botocore: string; js: string }> = {}
  let loginFiles: { token: any }
  /** Every later job's ~/.aws files (path and contents), read before its post step removed them. */
  const laterFiles: string[] = []

  beforeAll(async () => {
    const devicesBefore = emu.stats().deviceAuthorizations
    login = await loginJob(emu)
    loginFiles = {
      token: JSON.parse(
        readFileSync(tokenCacheOf(login.ws.home, 'my-sso'), 'utf8')
      )
    }
    later = await Promise.all(
      LATER.map((j) => laterJob(emu, login.outputs.session, j.inputs))
    )
    for (const [i, job] of later.entries()) {
      if (job.main.code !== 0)
        throw new Error(
          `later job ${LATER[i].name} failed:\n${job.main.stdout}\n${job.main.stderr}`
        )
    }
    expect(emu.stats().deviceAuthorizations - devicesBefore).toBe(1)
    // The consumers judge each later job's files while they are there.
    await Promise.all(
      later.flatMap((job, i) =>
        LATER[i].profiles.map(async ([profile]) => {
          const env = consumerEnv(job.ws, emu.url)
          const boto = await run(pythonExe(), cliV1IdentityArgs(profile), {
            env
          })
          const script = `
            import { fromSSO } from '@aws-sdk/credential-providers'
            import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
            const sts = new STSClient({ region: 'us-east-1', credentials: fromSSO({ profile: ${JSON.stringify(profile)} }) })
            const id = await sts.send(new GetCallerIdentityCommand({}))
            console.log(JSON.stringify({ Account: id.Account, Arn: id.Arn }))
          `
          const js = await run(
            process.execPath,
            ['--input-type=module', '-e', script],
            { env, cwd: ROOT }
          )
          consumers[profile] = {
            botocore: boto.stdout,
            js: js.stdout.trim().split('\n').pop()!
          }
        })
      )
    )
    for (const job of later) {
      const all = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory()
            ? all(path.join(dir, e.name))
            : [
                `${path.join(dir, e.name)}\n${readFileSync(path.join(dir, e.name), 'utf8')}`
              ]
        )
      laterFiles.push(all(path.join(job.ws.home, '.aws')).join('\n'))
    }
    laterPosts = await Promise.all(later.map(post))
    loginPost = await post(login)
  }, 120_000)

  test('one device authorization in all; the later jobs asked nobody', () => {
    expect(login.main.stdout).toMatch(/sign-in needs approval/)
    for (const job of later) {
      expect(job.main.stdout + job.main.stderr).not.toMatch(
        /sign-in needs approval|verification|user code/i
      )
    }
    expect(
      emu.calls().filter((c) => c.operation === 'StartDeviceAuthorization')
        .length
    ).toBe(1)
    expect(
      emu.calls().filter((c) => c.operation === 'CreateToken').length
    ).toBe(1)
  })

  test('the login job: the session output (not masked), the key masked, the approval message and the log say it is shared', () => {
    const sealed = login.outputs.session
    expect(sealed).toMatch(/^icl1\.4242\./)
    expect(login.main.stdout).not.toContain(`::add-mask::${sealed}`)
    expect(login.main.stdout).toContain(`::add-mask::${KEY}`)
    expect(readFileSync(login.ws.files.summary, 'utf8')).toContain(
      'shared with the later jobs of this run that hold its session-key, until end-session signs it out or it expires'
    )
    expect(login.main.stdout).toMatch(
      /share-session: the sign-in is in the session output, sealed with session-key for run 4242 of acme\/deploy/
    )
    process.stdout.write(
      `shared-session: sealed output ${sealed.length} characters for an access token of ${loginFiles.token.accessToken.length}\n`
    )
  })

  test('each later job signed in to its own account and role, with the outputs and exports of a normal run', () => {
    for (const [i, job] of later.entries()) {
      const account = LATER[i].profiles[0][1]
      expect(job.outputs['aws-account-id']).toBe(account)
      expect(job.outputs['approved-by']).toBe('alice')
      expect(job.outputs.session).toBeUndefined()
      expect(readCommandFile(job.ws.files.env).AWS_ACCESS_KEY_ID).toMatch(
        /^ASIA/
      )
      expect(readFileSync(job.ws.files.summary, 'utf8')).toContain(
        'No approval was needed: this job uses the sign-in of'
      )
      expect(readFileSync(job.ws.files.summary, 'utf8')).toContain(
        'the sign-in is shared with the jobs of this run that hold its session-key, until end-session signs it out or it expires'
      )
      expect(readFileSync(job.ws.files.summary, 'utf8')).not.toContain(
        'revoked when the job ends'
      )
    }
  })

  test('every later profile works with botocore (AWS CLI v1) and the JS SDK fromSSO, no new login', () => {
    for (const j of LATER) {
      for (const [profile, account] of j.profiles) {
        expect(JSON.parse(consumers[profile].botocore).Account).toBe(account)
        expect(JSON.parse(consumers[profile].js).Account).toBe(account)
        expect(JSON.parse(consumers[profile].js).Arn).toMatch(/\/alice$/)
      }
    }
  })

  test('posts: nobody signed out; each later post removed what its job wrote; the token is still valid', () => {
    expect(emu.stats().logouts).toBe(0)
    for (const [i, p] of laterPosts.entries()) {
      expect(p.code).toBe(0)
      expect(p.stdout).toContain(
        'this job used the sign-in shared by an earlier job of this run, so it does not sign out'
      )
      expect(existsSync(tokenCacheOf(later[i].ws.home, 'my-sso'))).toBe(false)
      expect(existsSync(path.join(later[i].ws.home, '.aws', 'config'))).toBe(
        false
      )
    }
    expect(loginPost.code).toBe(0)
    expect(loginPost.stdout).toContain(
      'share-session: the sign-in is shared with the later jobs of this run that hold the session-key, so this job does not sign out'
    )
    expect(existsSync(tokenCacheOf(login.ws.home, 'my-sso'))).toBe(false)
    const token = emu
      .tokens()
      .find((t) => t.accessToken === loginFiles.token.accessToken)!
    expect(token.revoked).toBeFalsy()
  })

  test('nothing secret leaks from any job: logs, outputs, state, GITHUB_ENV, files; the sealed output holds none in clear', () => {
    const token = loginFiles.token
    expect(token.refreshToken && token.clientSecret).toBeTruthy()
    const sessions = emu.roleSessions()
    const secrets = new Map<string, string>([
      [token.accessToken, 'access token'],
      [token.refreshToken, 'refresh token'],
      [token.clientSecret, 'client secret'],
      [KEY, 'session-key'],
      [SEED_INPUTS['github-token'], 'github-token']
    ])
    for (const s of sessions) {
      secrets.set(s.accessKeyId, `access key id of ${s.accountId}`)
      secrets.set(s.secretAccessKey, `secret access key of ${s.accountId}`)
      secrets.set(s.sessionToken, `session token of ${s.accountId}`)
    }
    const forms = (s: string) => [
      s,
      Buffer.from(s).toString('base64'),
      Buffer.from(s).toString('base64url'),
      encodeURIComponent(s)
    ]
    const find = (places: [string, string][]) =>
      [...secrets].flatMap(([secret, kind]) =>
        places
          .filter(([, text]) => forms(secret).some((f) => text.includes(f)))
          .map(([where]) => `${kind} in ${where}`)
      )
    const jobs: [string, Job, StepResult][] = [
      ['login', login, loginPost],
      ...later.map((j, i): [string, Job, StepResult] => [
        `later ${i + 1}`,
        j,
        laterPosts[i]
      ])
    ]
    const haystack: [string, string][] = jobs.flatMap(
      ([name, job, p]): [string, string][] => [
        [`${name} main stdout`, withoutMaskCommands(job.main.stdout)],
        [`${name} main stderr`, job.main.stderr],
        [`${name} post stdout`, withoutMaskCommands(p.stdout)],
        [`${name} post stderr`, p.stderr],
        [`${name} summary`, readFileSync(job.ws.files.summary, 'utf8')],
        [`${name} outputs`, readFileSync(job.ws.files.output, 'utf8')]
      ]
    )
    // The sealed output in clear and every base64url part of it, decoded.
    const sealed = login.outputs.session
    haystack.push(
      ['sealed output', sealed],
      [
        'sealed output, decoded',
        sealed
          .split('.')
          .map((p) => Buffer.from(p, 'base64url').toString('latin1'))
          .join('\n')
      ]
    )
    // Control: the detector finds these very secrets where they belong (the mask commands).
    expect(
      find([['login main stdout with mask commands', login.main.stdout]]).length
    ).toBeGreaterThanOrEqual(4)
    expect(find(haystack)).toEqual([])
    // State: only the SSO access token (post needs it to know its files), in main's state; nothing in post's.
    for (const [name, job] of jobs) {
      const main = find([
        [`${name} GITHUB_STATE`, readFileSync(job.ws.files.state, 'utf8')]
      ])
      expect(main.filter((h) => !h.startsWith('access token '))).toEqual([])
      expect(
        find([
          [
            `${name} post state`,
            readFileSync(path.join(job.ws.dir, 'state-post'), 'utf8')
          ]
        ])
      ).toEqual([])
    }
    // ~/.aws of the later jobs: the shared access token in the token cache (what botocore and the SDK use), nothing else.
    for (const [i, files] of laterFiles.entries()) {
      expect(files).toContain('.json\n')
      expect(find([[`later ${i + 1} ~/.aws`, files]])).toEqual([
        `access token in later ${i + 1} ~/.aws`
      ])
    }
    // GITHUB_ENV: each job's own role credentials, nothing else secret.
    for (const [name, job] of jobs) {
      const hits = find([
        [`${name} GITHUB_ENV`, readFileSync(job.ws.files.env, 'utf8')]
      ])
      expect(hits.length).toBe(3)
      expect(
        hits.every((h) =>
          /^(access key id|secret access key|session token) of \d{12} in /.test(
            h
          )
        )
      ).toBe(true)
    }
  })
})

describe('the later jobs wrote no refresh token or client secret: no tool can refresh the shared token', () => {
  test('token cache of a later job: accessToken, expiresAt, startUrl, region only; no registration cache', async () => {
    const login = await loginJob(emu)
    const job = await laterJob(emu, login.outputs.session, {
      'keep-session': 'true'
    })
    expect(job.main.code).toBe(0)
    const cache = JSON.parse(
      readFileSync(tokenCacheOf(job.ws.home, 'my-sso'), 'utf8')
    )
    expect(Object.keys(cache).sort()).toEqual([
      'accessToken',
      'expiresAt',
      'region',
      'startUrl'
    ])
    expect(readdirSync(path.join(job.ws.home, '.aws', 'sso', 'cache'))).toEqual(
      [`${sha1('my-sso')}.json`]
    )
    expect((await post(login)).code).toBe(0)
  }, 60_000)
})

describe('refusals, each before any request, each with its own error', () => {
  let sealed: string
  beforeAll(async () => {
    sealed = (await loginJob(emu)).outputs.session
  }, 60_000)

  const parts = () => sealed.split('.')
  const flipLast = (s: string) =>
    s.slice(0, -6) + (s.at(-6) === 'A' ? 'B' : 'A') + s.slice(-5)
  const CASES: [
    string,
    () => { inputs: Record<string, string>; extra?: Record<string, string> },
    RegExp
  ][] = [
    [
      'a wrong key',
      () => ({
        inputs: {
          session: sealed,
          'session-key': 'not-the-key-but-long-enough-0123456789'
        }
      }),
      /Input "session-key": is not the key this session was sealed with \(value not shown\)/
    ],
    [
      'another run',
      () => ({ inputs: { session: sealed }, extra: { GITHUB_RUN_ID: '4243' } }),
      /Input "session": was made by run 4242, this is run 4243/
    ],
    [
      'another repository',
      () => ({
        inputs: { session: sealed },
        extra: { GITHUB_REPOSITORY: 'acme/other' }
      }),
      /Input "session": was made in another repository than acme\/other/
    ],
    [
      'a tampered output',
      () => ({
        inputs: {
          session: [...parts().slice(0, 6), flipLast(parts()[6])].join('.')
        }
      }),
      /Input "session": fails its integrity check/
    ],
    [
      'a truncated output',
      () => ({ inputs: { session: sealed.slice(0, 60) } }),
      /Input "session": is not a whole sealed session \(truncated/
    ],
    [
      'session with share-session',
      () => ({ inputs: { session: sealed, 'share-session': 'true' } }),
      /Input "session": cannot be combined with share-session/
    ],
    [
      'end-session without session',
      () => ({ inputs: { session: '', 'end-session': 'true' } }),
      /Input "end-session": needs session/
    ],
    [
      'a short session-key',
      () => ({ inputs: { session: sealed, 'session-key': 'short-key' } }),
      /Input "session-key": must be at least 32 characters, got 9 \(value not shown\)/
    ],
    [
      'a weak session-key (32 × a)',
      () => ({ inputs: { session: sealed, 'session-key': 'a'.repeat(32) } }),
      /Input "session-key": is too weak: about 0 bits .*openssl rand -base64 32/
    ],
    [
      'a weak session-key (a word repeated)',
      () => ({
        inputs: { session: sealed, 'session-key': 'deploy-key-'.repeat(4) }
      }),
      /Input "session-key": is too weak: .*repeats a 11-character pattern.*openssl rand -base64 32/
    ],
    [
      'share-session with sign-out-early',
      () => ({
        inputs: {
          ...SEED_INPUTS,
          session: '',
          'share-session': 'true',
          'sign-out-early': 'true'
        }
      }),
      /Input "share-session": cannot be combined with sign-out-early/
    ],
    [
      'another start URL',
      () => ({
        inputs: {
          session: sealed,
          'start-url': 'https://other.awsapps.com/start'
        }
      }),
      /Input "start-url": is not the start URL of the shared sign-in/
    ]
  ]
  test.each(CASES)(
    '%s',
    async (_name, make, message) => {
      const { inputs, extra } = make()
      const calls = emu.calls().length
      const job = await laterJob(emu, inputs.session ?? sealed, inputs, extra)
      expect(job.main.code).toBe(1)
      expect(job.main.stdout).toMatch(message)
      expect(emu.calls().length).toBe(calls)
      if (inputs['session-key'])
        expect(job.main.stdout).not.toContain(
          `::error::${inputs['session-key']}`
        )
    },
    30_000
  )

  test('a later job whose allowed-approvers rejects the shared sign-in says it was NOT signed out, and the sign-in still works for the run', async () => {
    const login = await loginJob(emu)
    const session = login.outputs.session
    const rejected = await laterJob(emu, session, {
      'allowed-approvers': 'bob'
    })
    expect(rejected.main.code).toBe(1)
    const error = rejected.main.stdout
      .split('\n')
      .find((l) => l.startsWith('::error::'))!
    expect(error).toContain('"alice" is not in allowed-approvers')
    expect(error).not.toMatch(/revoked/)
    expect(error).toContain(
      "NOT signed out: it is the run's shared sign-in (session), which only end-session signs out"
    )
    // another job of the run still signs in with it
    const next = await laterJob(emu, session)
    expect(next.main.code).toBe(0)
    expect(next.outputs['approved-by']).toBe('alice')
  }, 30_000)

  test('expired: says when it expires (under min-validity), then when it expired', async () => {
    const shortLived = await startEmulator({ interval: 1, accessTokenTtl: 4 })
    try {
      const s = (await loginJob(shortLived)).outputs.session
      const soon = await laterJob(shortLived, s)
      expect(soon.main.code).toBe(1)
      expect(soon.main.stdout).toMatch(
        /Input "session": the shared sign-in expires at \S+Z \(in \d s\), less than min-validity \(15 min\)/
      )
      await new Promise((r) => setTimeout(r, 4500))
      const calls = shortLived.calls().length
      const late = await laterJob(shortLived, s, { 'min-validity': '0' })
      expect(late.main.code).toBe(1)
      expect(late.main.stdout).toMatch(
        /Input "session": the shared sign-in expired at \S+Z \(\d+ s ago\)/
      )
      expect(shortLived.calls().length).toBe(calls)
      // end-session after expiry has nothing to do, and says so (it runs with if: always()).
      const end = await laterJob(shortLived, s, { 'end-session': 'true' })
      expect(end.main.code).toBe(0)
      expect(end.main.stdout).toMatch(
        /end-session: the shared sign-in of run 4242 already expired at/
      )
      expect(shortLived.stats().logouts).toBe(0)
    } finally {
      await shortLived.close()
    }
  }, 60_000)
})

test('end-session signs the shared sign-in out, does nothing else, and a job after it fails clearly', async () => {
  const login = await loginJob(emu)
  const token = JSON.parse(
    readFileSync(tokenCacheOf(login.ws.home, 'my-sso'), 'utf8')
  ).accessToken
  const logouts = emu.stats().logouts
  const calls = emu.calls().length
  const end = await laterJob(emu, login.outputs.session, {
    'end-session': 'true'
  })
  expect(end.main.code).toBe(0)
  expect(end.main.stdout).toContain(
    'end-session: signed out the sign-in shared in run 4242 (the SSO access token is revoked)'
  )
  expect(
    emu
      .calls()
      .slice(calls)
      .map((c) => c.operation)
  ).toEqual(['Logout'])
  expect(emu.stats().logouts).toBe(logouts + 1)
  expect(emu.tokens().find((t) => t.accessToken === token)!.revoked).toBe(true)
  expect(existsSync(path.join(end.ws.home, '.aws'))).toBe(false)
  expect(readCommandFile(end.ws.files.output)).toEqual({})

  const after = await laterJob(emu, login.outputs.session)
  expect(after.main.code).toBe(1)
  expect(after.main.stdout).toContain(
    'IAM Identity Center refused the shared sign-in (session): it was signed out (end-session ran?) or revoked'
  )
  expect(emu.stats().logouts).toBe(logouts + 1)
  expect(existsSync(path.join(after.ws.home, '.aws', 'config'))).toBe(false)
  expect((await post(login)).code).toBe(0)
}, 60_000)

test('CLI: --share-session prints the sealed session (dotenv); a later CLI job reads it from the environment; --end-session', async () => {
  const gitlab = (ws: Workspace): NodeJS.ProcessEnv => ({
    ...consumerEnv(ws, emu.url),
    CI: 'true',
    CI_PROJECT_PATH: 'acme/deploy',
    CI_PIPELINE_ID: '9001',
    IDENTITY_CENTER_LOGIN_SESSION_KEY: KEY
  })
  const ws1 = newWorkspace()
  const flags = [
    '--start-url',
    SEED_INPUTS['start-url'],
    '--sso-region',
    'us-east-1',
    '--account-id',
    '111122223333',
    '--role-name',
    'DeveloperAccess',
    '--sso-session',
    'my-sso'
  ]
  const first = start(CLI, gitlab(ws1), [
    ...flags,
    '--share-session',
    '--format',
    'dotenv'
  ])
  emu.approve((await emu.waitForDeviceAuthorization()).userCode, 'alice')
  const r1 = await first.done
  expect(r1.code).toBe(0)
  const line = r1.stdout
    .split('\n')
    .find((l) => l.startsWith('IDENTITY_CENTER_LOGIN_SESSION='))!
  const sealed = line.slice('IDENTITY_CENTER_LOGIN_SESSION='.length)
  expect(sealed).toMatch(/^icl1\.9001\./)
  expect(r1.stderr).toContain(
    'sealed with session-key for run 9001 of acme/deploy'
  )

  const devices = emu.stats().deviceAuthorizations
  const ws2 = newWorkspace()
  const r2 = await start(
    CLI,
    { ...gitlab(ws2), IDENTITY_CENTER_LOGIN_SESSION: sealed },
    [
      '--account-id',
      '444455556666',
      '--role-name',
      'ReadOnly',
      '--format',
      'json'
    ]
  ).done
  expect(r2.code).toBe(0)
  expect(JSON.parse(r2.stdout).accountId).toBe('444455556666')
  expect(emu.stats().deviceAuthorizations).toBe(devices)

  // --format json carries it as "session" (a second login job of the same pipeline: a second approval).
  const ws3 = newWorkspace()
  const json = start(CLI, gitlab(ws3), [
    ...flags,
    '--share-session',
    '--format',
    'json'
  ])
  emu.approve((await emu.waitForDeviceAuthorization()).userCode, 'alice')
  const r3 = await json.done
  expect(r3.code).toBe(0)
  expect(JSON.parse(r3.stdout).session).toMatch(/^icl1\.9001\./)

  const other = await start(
    CLI,
    { ...gitlab(newWorkspace()), IDENTITY_CENTER_LOGIN_SESSION: sealed },
    ['--session-run-id', '9002']
  ).done
  expect(other.code).toBe(2)
  expect(other.stderr).toContain('was made by run 9001, this is run 9002')
  // The binding is not an access control: anyone holding the output and the key, on another machine in another
  // pipeline, opens the sign-in by naming the run (what the README says it does not protect against).
  const elsewhere = await start(
    CLI,
    {
      ...gitlab(newWorkspace()),
      CI_PIPELINE_ID: '5555',
      IDENTITY_CENTER_LOGIN_SESSION: sealed
    },
    ['--session-run-id', '9001', '--format', 'json']
  ).done
  expect(elsewhere.code).toBe(0)
  expect(JSON.parse(elsewhere.stdout).accountId).toBe('111122223333')
  expect(emu.stats().deviceAuthorizations).toBe(devices + 1)

  const logouts = emu.stats().logouts
  const end = await start(
    CLI,
    { ...gitlab(newWorkspace()), IDENTITY_CENTER_LOGIN_SESSION: sealed },
    ['--end-session']
  ).done
  expect(end.code).toBe(0)
  expect(end.stdout).toBe('')
  expect(emu.stats().logouts).toBe(logouts + 1)
}, 60_000)
