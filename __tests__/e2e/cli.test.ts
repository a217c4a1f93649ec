/** The CLI for other CI systems: same login, same files, credentials as env / dotenv / json, and distinct exit codes. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import {
  chmodSync,
  chownSync,
  mkdirSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  CLI,
  ROOT,
  consumerEnv,
  LINK_LINE,
  newWorkspace,
  start,
  type Workspace
} from './runner.js'

const run = promisify(execFile)
let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ interval: 1 })
})
afterAll(async () => {
  await emu.close()
})

const FLAGS = [
  '--start-url',
  'https://my-sso-portal.awsapps.com/start',
  '--sso-region',
  'us-east-1',
  '--account-id',
  '111122223333',
  '--role-name',
  'DeveloperAccess',
  '--region',
  'us-west-2',
  '--sso-session',
  'my-sso',
  '--profile',
  'my-dev-profile'
]

/** FLAGS with some flag values replaced or flags added (pairs of flag, value). */
function flagsWith(extra: string[]): string[] {
  const flags = new Map<string, string>()
  for (const list of [FLAGS, extra])
    for (let i = 0; i < list.length; i += 2) flags.set(list[i], list[i + 1])
  return [...flags].flat()
}

/** A GitLab-like job environment: no GITHUB_* variable at all. */
function cliEnv(ws: Workspace): NodeJS.ProcessEnv {
  return {
    ...consumerEnv(ws, emu.url),
    CI: 'true',
    CI_PROJECT_PATH: 'acme/deploy',
    CI_JOB_NAME: 'deploy-prod',
    CI_JOB_URL: 'https://gitlab.example.com/acme/deploy/-/jobs/7',
    GITLAB_USER_LOGIN: 'octocat',
    CI_COMMIT_REF_NAME: 'main',
    CI_COMMIT_SHA: 'fedcba9876543210fedcba9876543210fedcba98'
  }
}

async function approvedCli(ws: Workspace, extra: string[], user = 'alice') {
  const child = start(CLI, cliEnv(ws), [...FLAGS, ...extra])
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, user)
  return { result: await child.done, auth }
}

test('--format env prints export lines for eval; the link and code go to stderr; the same files are written', async () => {
  const ws = newWorkspace()
  const { result, auth } = await approvedCli(ws, ['--format', 'env'])
  expect(result.code).toBe(0)
  expect(result.stderr).toContain(auth.verificationUriComplete)
  expect(result.stderr).toContain(auth.userCode)
  expect(result.stderr).toContain('acme/deploy')
  expect(result.stdout).not.toContain(auth.userCode)
  const session = emu
    .roleSessions()
    .find((s) => s.user === 'alice' && s.issuedAt >= auth.createdAt)!
  expect(result.stdout).toContain(
    `export AWS_ACCESS_KEY_ID='${session.accessKeyId}'\n`
  )
  expect(result.stdout).toContain(
    `export AWS_SESSION_TOKEN='${session.sessionToken}'\n`
  )
  expect(result.stdout).toContain(`export AWS_REGION='us-west-2'\n`)
  // eval'd in a shell, the variables work with a consumer nobody here wrote
  const { stdout } = await run(
    'bash',
    [
      '-c',
      `${result.stdout}\npython3 -m awscli sts get-caller-identity --output text --query Account`
    ],
    {
      env: {
        ...consumerEnv(ws, emu.url),
        AWS_CONFIG_FILE: path.join(ws.dir, 'none')
      }
    }
  )
  expect(stdout.trim()).toBe('111122223333')
  expect(readFileSync(path.join(ws.home, '.aws', 'config'), 'utf8')).toContain(
    '[profile my-dev-profile]\nsso_session = my-sso\n'
  )
})

test('--format dotenv --output-file writes a 0600 file for GitLab artifacts:reports:dotenv', async () => {
  const ws = newWorkspace()
  const file = path.join(ws.dir, 'aws.env')
  const { result } = await approvedCli(ws, [
    '--format',
    'dotenv',
    '--output-file',
    file
  ])
  expect(result.code).toBe(0)
  expect(result.stdout).toBe('')
  const lines = readFileSync(file, 'utf8').trim().split('\n')
  expect(lines.map((l) => l.split('=')[0])).toEqual(
    expect.arrayContaining([
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_REGION'
    ])
  )
  for (const line of lines) expect(line).toMatch(/^[A-Z_]+=\S*$/)
  if (process.platform !== 'win32')
    expect(statSync(file).mode & 0o777).toBe(0o600)
})

test('--output-file over an existing 0644 file leaves a 0600 file, written atomically (no temp file left)', async () => {
  const ws = newWorkspace()
  const file = path.join(ws.dir, 'aws.env')
  writeFileSync(file, 'OLD=1\n', { mode: 0o644 })
  chmodSync(file, 0o644)
  const { result } = await approvedCli(ws, [
    '--format',
    'dotenv',
    '--output-file',
    file
  ])
  expect(result.code).toBe(0)
  expect(readFileSync(file, 'utf8')).toContain('AWS_ACCESS_KEY_ID=')
  expect(readFileSync(file, 'utf8')).not.toContain('OLD=1')
  expect(statSync(file).mode & 0o777).toBe(0o600)
  expect(readdirSync(ws.dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
})

test('--output-file that is a symlink is refused before any request; the link target is never written', async () => {
  const ws = newWorkspace()
  const target = path.join(ws.dir, 'victim.txt')
  writeFileSync(target, 'untouched\n')
  const link = path.join(ws.dir, 'aws.env')
  symlinkSync(target, link)
  const before = emu.calls().length
  const child = start(CLI, cliEnv(ws), [
    ...FLAGS,
    '--format',
    'env',
    '--output-file',
    link
  ])
  const result = await child.done
  expect(result.code).not.toBe(0)
  expect(result.stderr).toContain('symlink')
  expect(result.stderr).toContain(link)
  expect(readFileSync(target, 'utf8')).toBe('untouched\n')
  expect(lstatSync(link).isSymbolicLink()).toBe(true)
  // refused before any request: nobody was asked to approve
  expect(emu.calls().slice(before)).toEqual([])
})

const asRoot = process.platform !== 'win32' && process.getuid?.() === 0
;(asRoot ? test : test.skip)(
  'a ~/.aws owned by another user is refused with its path and mode before any request (as root: chown)',
  async () => {
    const ws = newWorkspace()
    const aws = path.join(ws.home, '.aws')
    mkdirSync(aws)
    chmodSync(aws, 0o755)
    chownSync(aws, 65534, 65534)
    const before = emu.calls().length
    const result = await start(CLI, cliEnv(ws), [...FLAGS]).done
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      `refusing a folder owned by another user: ${aws} (owner uid 65534, mode 0755`
    )
    expect(emu.calls().slice(before)).toEqual([])
    expect(readdirSync(aws)).toEqual([])
  }
)

test("--sign-out --sso-session NAME --profile NAME: Logout of the cached token, token and registration caches and the config sections gone, the user's own config as it was; again: nothing to sign out, exit 0", async () => {
  const ws = newWorkspace()
  const configFile = path.join(ws.home, '.aws', 'config')
  const own =
    '# mine\n[default]\nregion = eu-west-1\n\n[profile other]\nregion = eu-north-1\n'
  mkdirSync(path.dirname(configFile), { mode: 0o700 })
  writeFileSync(configFile, own, { mode: 0o600 })
  const { result, auth } = await approvedCli(ws, ['--format', 'json'])
  expect(result.code).toBe(0)
  const cacheDir = path.join(ws.home, '.aws', 'sso', 'cache')
  expect(readdirSync(cacheDir)).toHaveLength(2)
  expect(readFileSync(configFile, 'utf8')).toContain('[sso-session my-sso]')
  const token = emu.tokens().find((t) => t.userCode === auth.userCode)!
  expect(token.revoked).toBe(false)

  const logouts = emu.stats().logouts
  const out = await start(CLI, cliEnv(ws), [
    '--sign-out',
    '--sso-session',
    'my-sso',
    '--profile',
    'my-dev-profile'
  ]).done
  expect(out.code).toBe(0)
  expect(out.stdout).toBe('')
  expect(emu.stats().logouts).toBe(logouts + 1)
  expect(emu.tokens().find((t) => t.userCode === auth.userCode)!.revoked).toBe(
    true
  )
  expect(readdirSync(cacheDir)).toEqual([])
  expect(readFileSync(configFile, 'utf8')).toBe(own)
  expect(out.stderr).toContain('Signed out of IAM Identity Center')
  expect(out.stderr).toContain('[profile my-dev-profile]')

  const again = await start(CLI, cliEnv(ws), [
    '--sign-out',
    '--sso-session',
    'my-sso',
    '--profile',
    'my-dev-profile'
  ]).done
  expect(again.code).toBe(0)
  expect(again.stderr).toContain('Nothing to sign out')
  expect(emu.stats().logouts).toBe(logouts + 1)
})

test('--sign-out with AWS_CONFIG_FILE elsewhere and another profile still using the session: that profile and its [sso-session] stay', async () => {
  const ws = newWorkspace()
  const configFile = path.join(ws.dir, 'custom-config')
  const env = { ...cliEnv(ws), AWS_CONFIG_FILE: configFile }
  const child = start(CLI, env, [
    ...FLAGS,
    '--profiles',
    'prod 444455556666 ReadOnly'
  ])
  emu.approve((await emu.waitForDeviceAuthorization()).userCode, 'alice')
  expect((await child.done).code).toBe(0)
  const out = await start(CLI, env, [
    '--sign-out',
    '--sso-session',
    'my-sso',
    '--profile',
    'my-dev-profile'
  ]).done
  expect(out.code).toBe(0)
  const text = readFileSync(configFile, 'utf8')
  expect(text).not.toContain('[profile my-dev-profile]')
  expect(text).toContain('[profile prod]')
  expect(text).toContain('[sso-session my-sso]')
  expect(readdirSync(path.join(ws.home, '.aws', 'sso', 'cache'))).toEqual([])
})

test('--format json prints credentials and the verified identity', async () => {
  const ws = newWorkspace()
  const { result } = await approvedCli(ws, [
    '--format',
    'json',
    '--profiles',
    'prod 444455556666 ReadOnly'
  ])
  expect(result.code).toBe(0)
  const out = JSON.parse(result.stdout)
  expect(out).toMatchObject({
    accountId: '111122223333',
    approvedBy: 'alice',
    profile: 'my-dev-profile',
    region: 'us-west-2'
  })
  expect(out.credentials.accessKeyId).toMatch(/^ASIA/)
  expect(out.profiles).toEqual([
    expect.objectContaining({
      profile: 'prod',
      accountId: '444455556666',
      verified: true
    })
  ])
})

test.each([
  [
    'bad input (2), before any request',
    ['--account-id', '12345'],
    undefined,
    2,
    /Input "account-id": must be 12 digits/
  ],
  ['unknown flag (2)', ['--bogus', 'x'], undefined, 2, /Option "--bogus"/],
  ['denied (3)', [], 'deny', 3, /the approver denied the request/],
  [
    'expired (4)',
    [],
    'expire',
    4,
    /the code expired before anyone approved it/
  ],
  [
    'approver not allowed (5)',
    ['--allowed-approvers', 'bob'],
    'approve',
    5,
    /approved by alice, which is not enough/
  ]
])('exit code for %s', async (_name, extra, action, code, message) => {
  const ws = newWorkspace()
  const calls = emu.calls().length
  const child = start(CLI, cliEnv(ws), flagsWith(extra))
  if (action) {
    const auth = await emu.waitForDeviceAuthorization()
    if (action === 'deny') emu.deny(auth.userCode)
    else if (action === 'expire') emu.expire(auth.userCode)
    else emu.approve(auth.userCode, 'alice')
  }
  const result = await child.done
  expect(result.code).toBe(code)
  expect(result.stderr).toMatch(message)
  expect(result.stdout).toBe('')
  if (!action) {
    expect(emu.calls().length).toBe(calls)
    expect(existsSync(path.join(ws.home, '.aws'))).toBe(false)
  }
})

test('a service failure exits 1 (StartDeviceAuthorization answers 5xx on every attempt), nothing on stdout or disk', async () => {
  const ws = newWorkspace()
  emu.injectFault({
    operation: 'StartDeviceAuthorization',
    kind: '5xx',
    count: 5
  })
  const result = await start(CLI, cliEnv(ws), FLAGS).done
  expect(result.code).toBe(1)
  expect(result.stderr).toMatch(
    /SSO OIDC StartDeviceAuthorization failed: InternalServerException \(HTTP 500\)/
  )
  expect(result.stdout).toBe('')
  expect(existsSync(path.join(ws.home, '.aws', 'config'))).toBe(false)
})

test('an extra profile the approver cannot assume fails the run (exit 1) without allow-partial, naming the profile', async () => {
  const ws = newWorkspace()
  const { result } = await approvedCli(ws, [
    '--format',
    'env',
    '--profiles',
    'nope 999988887777 NoSuchRole'
  ])
  expect(result.code).toBe(1)
  expect(result.stderr).toMatch(/nope/)
  expect(result.stdout).toBe('')
  expect(existsSync(path.join(ws.home, '.aws', 'config'))).toBe(false)
})

test('--notify comment (a GitHub channel) is not silently dropped: the CLI warns and still logs in', async () => {
  const ws = newWorkspace()
  const { result } = await approvedCli(ws, [
    '--format',
    'json',
    '--notify',
    'comment'
  ])
  expect(result.code).toBe(0)
  expect(result.stderr).toMatch(
    /warning: --notify comment: GitHub Actions channels, not available in the CLI/
  )
  // The default (summary,comment) is not a request: no warning then.
  const quiet = await approvedCli(newWorkspace(), ['--format', 'json'])
  expect(quiet.result.stderr).not.toMatch(/not available in the CLI/)
})

test('--help prints the options and exit codes with no GitHub variable set', async () => {
  const ws = newWorkspace()
  const result = await start(CLI, consumerEnv(ws, emu.url), ['--help']).done
  expect(result.code).toBe(0)
  expect(result.stdout).toContain('--start-url')
  expect(result.stdout).toMatch(/exit codes/i)
})

test('--version prints the version of package.json (set in dist/cli.js at build time), on stdout only', async () => {
  const ws = newWorkspace()
  const { version } = JSON.parse(
    readFileSync(path.join(ROOT, 'package.json'), 'utf8')
  )
  const result = await start(CLI, consumerEnv(ws, emu.url), ['--version']).done
  expect(result.code).toBe(0)
  expect(result.stdout).toBe(`${version}\n`)
  expect(result.stderr).toBe('')
})

test('the CLI refuses a symlinked ~/.aws/config before any request, like the action', async () => {
  const { mkdirSync, symlinkSync, writeFileSync } = await import('node:fs')
  if (process.platform === 'win32') return
  const ws = newWorkspace()
  const target = path.join(ws.dir, 'elsewhere')
  writeFileSync(target, '[default]\n')
  mkdirSync(path.join(ws.home, '.aws'), { recursive: true })
  symlinkSync(target, path.join(ws.home, '.aws', 'config'))
  const calls = emu.calls().length
  const result = await start(CLI, cliEnv(ws), FLAGS).done
  expect(result.code).toBe(1)
  expect(result.stderr).toMatch(
    /refusing to write through a symlink: .*\.aws\/config; nothing was sent or written/
  )
  expect(emu.calls().length).toBe(calls)
  expect(readFileSync(target, 'utf8')).toBe('[default]\n')
})

test('SIGINT while waiting for approval exits 130 quickly, with nothing written', async () => {
  const ws = newWorkspace()
  const child = start(CLI, cliEnv(ws), FLAGS)
  await emu.waitForDeviceAuthorization()
  await child.waitForLine(LINK_LINE)
  const t0 = Date.now()
  child.child.kill('SIGINT')
  const result = await child.done
  expect(result.code).toBe(130)
  expect(Date.now() - t0).toBeLessThan(3000)
  expect(result.stderr).toMatch(/cancelled \(SIGINT\)/)
  expect(result.stdout).toBe('')
  expect(existsSync(path.join(ws.home, '.aws', 'sso', 'cache'))).toBe(false)
})

describe('forbid-self-approval needs a known actor', () => {
  /** No CI variable that names a user: a bare agent. */
  const bareEnv = (ws: Workspace): NodeJS.ProcessEnv => ({
    ...consumerEnv(ws, emu.url),
    USER: 'jenkins',
    CI: 'true'
  })

  test('true and no actor (USER does not count): exit 2 naming the input, before any request, nothing written', async () => {
    const ws = newWorkspace()
    const calls = emu.calls().length
    const result = await start(CLI, bareEnv(ws), [
      ...FLAGS,
      '--forbid-self-approval'
    ]).done
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /Input "forbid-self-approval": is true but no user who triggered this run is known .*--actor NAME/
    )
    expect(result.stdout).toBe('')
    expect(emu.calls().length).toBe(calls)
    expect(existsSync(path.join(ws.home, '.aws'))).toBe(false)
  })

  test('--actor names the user: the approver who is that user is refused (exit 5), another is accepted', async () => {
    const ws = newWorkspace()
    const child = start(CLI, bareEnv(ws), [
      ...FLAGS,
      '--forbid-self-approval',
      '--actor',
      'alice@example.com'
    ])
    const auth = await emu.waitForDeviceAuthorization()
    emu.approve(auth.userCode, 'alice')
    const refused = await child.done
    expect(refused.code).toBe(5)
    expect(refused.stderr).toMatch(
      /"alice" triggered this run \(as alice@example\.com\) and forbid-self-approval is true/
    )
    expect(refused.stdout).toBe('')

    const ws2 = newWorkspace()
    const ok = start(CLI, bareEnv(ws2), [
      ...FLAGS,
      '--forbid-self-approval',
      '--actor',
      'alice@example.com'
    ])
    const auth2 = await emu.waitForDeviceAuthorization()
    emu.approve(auth2.userCode, 'bob')
    const accepted = await ok.done
    expect(accepted.code).toBe(0)
    expect(accepted.stdout).toMatch(/^export AWS_APPROVED_BY='bob'$/m)
  })
})
