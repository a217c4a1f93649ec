/**
 * Least privilege: the bundled action (and CLI) end to end: what an approval hands the job, measured.
 *
 * For each mode (default, sign-out-early, keep-session) a real run against the emulator, main then post, and after
 * each step: every file under HOME (and which secrets each holds), GITHUB_STATE, the outputs, and whether the SSO token
 * still works at the emulator. The measured table is printed (and written to $LEAST_PRIVILEGE_TABLE when set) for the
 * README. Then: botocore / AWS CLI v1 and the JS SDK's credential chain use a sign-out-early profile; allowed-account-ids
 * for the primary, a profiles line and discover; the client name on AWS's page and in the messages; the CLI's
 * --sign-out-early.
 */
import { execFile } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  consumerEnv,
  newWorkspace,
  postEnv,
  readCommandFile,
  ROOT,
  runnerEnv,
  SEED_INPUTS,
  start,
  type Workspace,
  postOf
} from './runner.js'
import { snapshotDist } from './github-fake.js'
import { pythonExe, cliV1IdentityArgs } from '../aws-files/helpers/python.js'

const run = promisify(execFile)
const posix = process.platform !== 'win32'
let DIST: string
let CLI: string
let emu: Emulator
beforeAll(async () => {
  ;[DIST, emu] = await Promise.all([
    snapshotDist(),
    startEmulator({ interval: 1 })
  ])
  CLI = path.join(path.dirname(DIST), 'cli.js')
}, 60_000)
afterAll(async () => {
  await emu?.close()
  if (DIST)
    rmSync(path.dirname(path.dirname(DIST)), { recursive: true, force: true })
})

/** Every file under `dir`, relative, with its mode. */
function filesUnder(
  dir: string
): { rel: string; text: string; mode: number }[] {
  if (!existsSync(dir)) return []
  const out: { rel: string; text: string; mode: number }[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else
        out.push({
          rel: path.relative(dir, p),
          text: readFileSync(p, 'utf8'),
          mode: statSync(p).mode & 0o777
        })
    }
  }
  walk(dir)
  return out.sort((a, b) => a.rel.localeCompare(b.rel))
}

interface Secrets {
  accessToken: string
  refreshToken?: string
  /** The OIDC client's id: in a registration cache and a token cache (its secret sits next to it). */
  clientId: string
  roleKeys: string[]
}

/** Which of the run's secrets a text holds. */
function kinds(text: string, s: Secrets): string[] {
  const found: string[] = []
  if (text.includes(s.accessToken)) found.push('SSO access token')
  if (s.refreshToken && text.includes(s.refreshToken))
    found.push('SSO refresh token')
  if (text.includes(s.clientId)) found.push('client registration')
  if (s.roleKeys.some((k) => text.includes(k))) found.push('role credentials')
  return found
}

function describeHome(ws: Workspace, s: Secrets): string[] {
  return filesUnder(ws.home).map((f) => {
    const what = kinds(f.text, s)
    const name = f.rel.startsWith(path.join('.aws', 'sso', 'cache'))
      ? `~/.aws/sso/cache/${f.rel.endsWith('.json') ? '<sha1>.json' : f.rel}`
      : `~/${f.rel}`
    return `${name}${what.length ? ` (${what.join(', ')})` : ''}`
  })
}

/** The SSO token still works (GetRoleCredentials answers), asked of the emulator directly. */
async function tokenWorks(accessToken: string): Promise<boolean> {
  const res = await fetch(
    `${emu.url}/federation/credentials?role_name=DeveloperAccess&account_id=111122223333`,
    { headers: { 'x-amz-sso_bearer_token': accessToken } }
  )
  return res.status === 200
}

interface Measured {
  mode: string
  home: string[]
  state: string[]
  outputs: string[]
  tokenWorks: boolean
}
const table: { mode: string; main: Measured; post: Measured }[] = []

async function approvedRun(inputs: Record<string, string>, user = 'alice') {
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, { ...SEED_INPUTS, ...inputs })
  const main = start(DIST, env)
  const auth = await emu.waitForDeviceAuthorization(20_000)
  emu.approve(auth.userCode, user)
  const result = await main.done
  const token = emu.tokens().find((t) => t.userCode === auth.userCode)!
  const sessions = emu
    .roleSessions()
    .filter((r) => r.user === user && r.issuedAt >= token.issuedAt)
  const secrets: Secrets = {
    accessToken: token.accessToken,
    refreshToken: token.refreshToken,
    clientId: auth.clientId,
    roleKeys: sessions.flatMap((r) => [
      r.accessKeyId,
      r.secretAccessKey,
      r.sessionToken
    ])
  }
  return { ws, env, result, auth, token, secrets, sessions }
}

async function measure(
  mode: string,
  ws: Workspace,
  secrets: Secrets,
  stateFile: string
): Promise<Measured> {
  const state = readFileSync(stateFile, 'utf8')
  const outputs = readFileSync(ws.files.output, 'utf8')
  return {
    mode,
    home: describeHome(ws, secrets),
    state: kinds(state, secrets),
    outputs: kinds(outputs, secrets),
    tokenWorks: await tokenWorks(secrets.accessToken)
  }
}

const MODES: [label: string, inputs: Record<string, string>][] = [
  ['default', {}],
  ['sign-out-early', { 'sign-out-early': 'true' }],
  ['keep-session', { 'keep-session': 'true' }]
]

describe.each(MODES)(
  '%s: what is left after main and after post',
  (label, inputs) => {
    test('measured', async () => {
      const { ws, env, result, secrets, auth } = await approvedRun({
        ...inputs,
        profiles: 'audit 444455556666 ReadOnly'
      })
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      const afterMain = await measure(label, ws, secrets, ws.files.state)
      const read = (f: string) =>
        existsSync(path.join(ws.home, '.aws', f))
          ? readFileSync(path.join(ws.home, '.aws', f), 'utf8')
          : undefined
      const mainFiles = {
        config: read('config'),
        credentials: read('credentials'),
        credentialsMode: existsSync(path.join(ws.home, '.aws', 'credentials'))
          ? statSync(path.join(ws.home, '.aws', 'credentials')).mode & 0o777
          : 0
      }
      const logoutsBefore = emu.stats().logouts
      const post = await start(postOf(DIST), postEnv(ws, env)).done
      expect(post.code).toBe(0)
      const afterPost = await measure(
        label,
        ws,
        secrets,
        path.join(ws.dir, 'state-post')
      )
      table.push({ mode: label, main: afterMain, post: afterPost })
      const sso = path.join(ws.home, '.aws', 'sso')
      // nothing secret in an output, whatever the mode
      expect(afterMain.outputs).toEqual([])
      // the request told the approver what approving hands the runner, and what to compare on AWS's page
      expect(result.stdout).toContain(
        `check that the code is ${auth.userCode} and that the application asking is identity-center-login:acme/deploy`
      )
      expect(result.stdout).not.toMatch(/requested role only/)

      if (label === 'default') {
        expect(afterMain.home).toEqual(
          [
            '~/.aws/config',
            '~/.aws/sso/cache/<sha1>.json (client registration)',
            '~/.aws/sso/cache/<sha1>.json (SSO access token, SSO refresh token, client registration)'
          ].sort()
        )
        expect(afterMain.state).toEqual(['SSO access token'])
        expect(afterMain.tokenWorks).toBe(true)
        expect(result.stdout).toContain(
          'Approving hands this runner your Identity Center sign-in until the job ends'
        )
        expect(result.stdout).toMatch(
          /Until the job ends \(at the latest until [^)]+\), this runner holds your Identity Center sign-in/
        )
        expect(afterPost.home).toEqual([])
        expect(afterPost.tokenWorks).toBe(false)
      }
      if (label === 'sign-out-early') {
        // no SSO token or client secret anywhere: not under HOME (not even the folder), not in GITHUB_STATE
        expect(afterMain.home).toEqual([
          '~/.aws/config',
          '~/.aws/credentials (role credentials)'
        ])
        expect(existsSync(sso)).toBe(false)
        expect(afterMain.state).toEqual([])
        expect(readFileSync(ws.files.state, 'utf8')).not.toContain(
          'accessToken'
        )
        // signed out before main ended
        expect(afterMain.tokenWorks).toBe(false)
        expect(
          emu.tokens().find((t) => t.accessToken === secrets.accessToken)!
            .revoked
        ).toBe(true)
        // the profiles: keys in the credentials file (0600), keys-only config profiles (no sso_*)
        expect(mainFiles.credentials).toMatch(
          /^\[my-dev-profile\]\naws_access_key_id = ASIA\w+\naws_secret_access_key = \S+\naws_session_token = \S+\n\n\[audit\]\n/
        )
        expect(mainFiles.config).toBe(
          '[profile my-dev-profile]\nregion = us-west-2\noutput = json\n\n[profile audit]\nregion = us-west-2\noutput = json\n'
        )
        if (posix) expect(mainFiles.credentialsMode).toBe(0o600)
        expect(result.stdout).toContain(
          'Approving lets this job use your Identity Center sign-in only to fetch the credentials for the listed role(s)'
        )
        expect(result.stdout).toMatch(
          /sign-in was used only to fetch the credentials for the listed role\(s\) and was signed out at [^;]+; no SSO token is left on the runner\. The job keeps those role credentials until \d{4}-/
        )
        // post removes exactly what main wrote, without a token (no SSO call)
        expect(emu.stats().logouts).toBe(logoutsBefore)
        expect(post.stdout).toContain(
          'No SSO token to sign out: the main step signed out already (sign-out-early)'
        )
        expect(afterPost.home).toEqual([])
      }
      if (label === 'keep-session') {
        expect(afterMain.tokenWorks).toBe(true)
        expect(result.stdout).toContain(
          'Approving leaves your Identity Center sign-in on this runner after the job (keep-session)'
        )
        expect(afterPost.home).toEqual(afterMain.home)
        expect(afterPost.home.some((h) => h.includes('SSO access token'))).toBe(
          true
        )
        expect(afterPost.tokenWorks).toBe(true)
      }
    }, 60_000)
  }
)

afterAll(() => {
  if (table.length === 0) return
  const cell = (m: Measured) =>
    [
      `HOME: ${m.home.length ? m.home.join('; ') : 'nothing'}`,
      `GITHUB_STATE: ${m.state.length ? m.state.join(', ') : 'no secret'}`,
      `outputs: ${m.outputs.length ? m.outputs.join(', ') : 'no secret'}`,
      `SSO token ${m.tokenWorks ? 'works' : 'revoked'}`
    ].join('<br>')
  const md = [
    '| mode | after main | after post |',
    '|---|---|---|',
    ...table.map((r) => `| ${r.mode} | ${cell(r.main)} | ${cell(r.post)} |`)
  ].join('\n')
  process.stdout.write(`\nleast-privilege: measured\n${md}\n`)
  if (process.env.LEAST_PRIVILEGE_TABLE)
    writeFileSync(process.env.LEAST_PRIVILEGE_TABLE, `${md}\n`)
})

describe('a sign-out-early profile, used by consumers nobody here wrote (no SSO token exists any more)', () => {
  let ws: Workspace
  let secrets: Secrets
  beforeAll(async () => {
    const r = await approvedRun({
      'sign-out-early': 'true',
      profiles: 'audit 444455556666 ReadOnly',
      'export-credentials': 'false'
    })
    expect(r.result.code).toBe(0)
    ws = r.ws
    secrets = r.secrets
    expect(await tokenWorks(secrets.accessToken)).toBe(false)
  }, 60_000)
  const env = (extra: Record<string, string> = {}) =>
    consumerEnv(ws, emu.url, {
      AWS_SHARED_CREDENTIALS_FILE: path.join(ws.home, '.aws', 'credentials'),
      ...extra
    })

  test.each([
    ['my-dev-profile', '111122223333', 'DeveloperAccess'],
    ['audit', '444455556666', 'ReadOnly']
  ])(
    'botocore / AWS CLI v1 (python3 -m awscli) --profile %s reaches the role',
    async (profile, account, role) => {
      const { stdout } = await run(pythonExe(), cliV1IdentityArgs(profile), {
        env: env()
      })
      const identity = JSON.parse(stdout)
      expect(identity.Account).toBe(account)
      expect(identity.Arn).toMatch(
        new RegExp(
          `^arn:aws:sts::${account}:assumed-role/AWSReservedSSO_${role}_[0-9a-f]{16}/alice$`
        )
      )
      const region = await run(
        pythonExe(),
        ['-m', 'awscli', 'configure', 'get', 'region', '--profile', profile],
        { env: env() }
      )
      expect(region.stdout.trim()).toBe('us-west-2')
    },
    30_000
  )

  test('the JS SDK: fromIni and the default chain (fromNodeProviderChain with AWS_PROFILE) reach the role', async () => {
    const script = `
      import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers'
      import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
      const who = async (credentials) => (await new STSClient({ region: 'us-west-2', credentials }).send(new GetCallerIdentityCommand({}))).Arn
      console.log(JSON.stringify({ ini: await who(fromIni({ profile: 'audit' })), chain: await who(fromNodeProviderChain()) }))`
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: ROOT, env: env({ AWS_PROFILE: 'my-dev-profile' }) }
    )
    const got = JSON.parse(stdout)
    expect(got.ini).toMatch(
      /^arn:aws:sts::444455556666:assumed-role\/AWSReservedSSO_ReadOnly_[0-9a-f]{16}\/alice$/
    )
    expect(got.chain).toMatch(
      /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice$/
    )
  }, 30_000)

  test('nothing under HOME holds an SSO token or a client registration', () => {
    for (const f of filesUnder(ws.home))
      expect([
        f.rel,
        kinds(f.text, secrets).filter((k) => k !== 'role credentials')
      ]).toEqual([f.rel, []])
  })
})

test("sign-out-early into a user's own credentials and config files: merged, the replaced section masked, restored byte for byte by post", async () => {
  const ws = newWorkspace()
  const aws = path.join(ws.home, '.aws')
  mkdirSync(aws, { recursive: true, mode: 0o700 })
  const userCreds =
    '# my keys\r\n[default]\r\naws_access_key_id = AKIAUSERDEFAULT0000\r\naws_secret_access_key = userDefaultSecretValue\r\n\r\n[my-dev-profile]\r\naws_access_key_id = AKIAUSEROLD00000000\r\naws_secret_access_key = userOldSecretValue123\r\n'
  const userConfig =
    '[profile my-dev-profile]\nsso_session = theirs\nsso_account_id = 999999999999\nsso_role_name = Admin\n[profile keep]\nregion = eu-north-1'
  writeFileSync(path.join(aws, 'credentials'), userCreds, { mode: 0o600 })
  writeFileSync(path.join(aws, 'config'), userConfig, { mode: 0o600 })
  const env = runnerEnv(ws, emu.url, {
    ...SEED_INPUTS,
    'sign-out-early': 'true'
  })
  const main = start(DIST, env)
  const auth = await emu.waitForDeviceAuthorization(20_000)
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  expect(result.code).toBe(0)
  const creds = readFileSync(path.join(aws, 'credentials'), 'utf8')
  expect(
    creds.startsWith(
      '# my keys\r\n[default]\r\naws_access_key_id = AKIAUSERDEFAULT0000\r\naws_secret_access_key = userDefaultSecretValue\r\n\r\n[my-dev-profile]\r\naws_access_key_id = ASIA'
    )
  ).toBe(true)
  expect(creds).not.toContain('userOldSecretValue123')
  const config = readFileSync(path.join(aws, 'config'), 'utf8')
  expect(config).toBe(
    '[profile my-dev-profile]\nregion = us-west-2\noutput = json\n[profile keep]\nregion = eu-north-1'
  )
  // the user's replaced keys ride along in GITHUB_STATE (to be restored): masked, and never printed
  expect(result.stdout).toContain('::add-mask::userOldSecretValue123')
  expect(
    result.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
  ).not.toContain('userOldSecretValue123')
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect(post.code).toBe(0)
  expect(readFileSync(path.join(aws, 'credentials'), 'utf8')).toBe(userCreds)
  expect(readFileSync(path.join(aws, 'config'), 'utf8')).toBe(userConfig)
}, 60_000)

describe('allowed-account-ids', () => {
  async function refused(inputs: Record<string, string>, account: string) {
    const { ws, result, secrets } = await approvedRun(inputs)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      `is in account ${account}, which is not in allowed-account-ids`
    )
    expect(result.stdout).toMatch(
      new RegExp(
        `::error::.*account ${account}, which is not in allowed-account-ids`
      )
    )
    // the token revoked, nothing written or exported
    expect(await tokenWorks(secrets.accessToken)).toBe(false)
    expect(filesUnder(ws.home)).toEqual([])
    expect(readFileSync(ws.files.env, 'utf8')).toBe('')
    expect(readCommandFile(ws.files.output)).toEqual({})
  }
  test('the primary identity outside the list: fails naming the account', async () => {
    await refused(
      { 'allowed-account-ids': '444455556666, 777788889999' },
      '111122223333'
    )
  }, 60_000)
  test('a profiles line outside the list fails the step, even with allow-partial', async () => {
    await refused(
      {
        'allowed-account-ids': '111122223333',
        profiles: 'prod 444455556666 ReadOnly',
        'allow-partial': 'true'
      },
      '444455556666'
    )
  }, 60_000)
  test('sign-out-early too: nothing written, the token revoked', async () => {
    await refused(
      { 'allowed-account-ids': '777788889999', 'sign-out-early': 'true' },
      '111122223333'
    )
  }, 60_000)
  test('discover: accounts outside the list are skipped, and the log says how many', async () => {
    const { ws, result } = await approvedRun({
      'allowed-account-ids': '111122223333,777788889999',
      discover: 'true',
      'role-filter': 'ReadOnly'
    })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      'discover: 1 account(s) skipped because they are not in allowed-account-ids'
    )
    const config = readFileSync(path.join(ws.home, '.aws', 'config'), 'utf8')
    expect(config).toContain('sso_account_id = 777788889999')
    expect(config).not.toContain('444455556666')
  }, 60_000)
})

describe('the OIDC client name says who is asking', () => {
  test('registered as identity-center-login:<repository>; a cached registration is reused only under that name', async () => {
    const first = await approvedRun({ 'keep-session': 'true' })
    expect(first.result.code).toBe(0)
    expect(
      emu.clients().find((c) => c.clientId === first.auth.clientId)!.clientName
    ).toBe('identity-center-login:acme/deploy')
    // a second job on this runner reuses that registration (no RegisterClient) and names it in the request
    const ws = first.ws
    const again = (repo: string) => {
      const env = runnerEnv(
        newWorkspace(),
        emu.url,
        { ...SEED_INPUTS },
        { HOME: ws.home, USERPROFILE: ws.home, GITHUB_REPOSITORY: repo }
      )
      return start(DIST, env)
    }
    const registrations = emu.stats().registrations
    const same = again('acme/deploy')
    const a1 = await emu.waitForDeviceAuthorization(20_000)
    expect(a1.clientId).toBe(first.auth.clientId)
    // the approval page AWS shows carries the name the request names
    const page = await (await fetch(a1.verificationUriComplete)).text()
    expect(page).toContain(
      '<strong id="client-name">identity-center-login:acme/deploy</strong>'
    )
    emu.approve(a1.userCode, 'alice')
    const r1 = await same.done
    expect(r1.code).toBe(0)
    expect(r1.stdout).toContain(
      'the application asking is identity-center-login:acme/deploy'
    )
    expect(emu.stats().registrations).toBe(registrations)
    // under another name (another repository's job on a shared runner, or the AWS CLI's own): a new registration
    const other = again('acme/other-repo')
    const a2 = await emu.waitForDeviceAuthorization(20_000)
    expect(a2.clientId).not.toBe(first.auth.clientId)
    expect(
      emu.clients().find((c) => c.clientId === a2.clientId)!.clientName
    ).toBe('identity-center-login:acme/other-repo')
    emu.approve(a2.userCode, 'alice')
    const r2 = await other.done
    expect(r2.code).toBe(0)
    expect(r2.stdout).toContain(
      'the application asking is identity-center-login:acme/other-repo'
    )
  }, 90_000)
})

describe('CLI --sign-out-early', () => {
  test('credentials printed, profile written as keys, no SSO token left, the name from CI_PROJECT_PATH', async () => {
    const ws = newWorkspace()
    const env = {
      ...consumerEnv(ws, emu.url, {
        AWS_SHARED_CREDENTIALS_FILE: path.join(ws.home, '.aws', 'credentials')
      }),
      CI: 'true',
      CI_PROJECT_PATH: 'group/sub project!'
    }
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
      '--profile',
      'ci',
      '--sign-out-early',
      '--format',
      'json'
    ])
    const auth = await emu.waitForDeviceAuthorization(20_000)
    expect(
      emu.clients().find((c) => c.clientId === auth.clientId)!.clientName
    ).toBe('identity-center-login:group/sub_project')
    emu.approve(auth.userCode, 'alice')
    const result = await child.done
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      'the application asking is identity-center-login:group/sub_project'
    )
    expect(result.stderr).toContain(
      'only to fetch the credentials for the listed role(s)'
    )
    const out = JSON.parse(result.stdout)
    expect(out.accountId).toBe('111122223333')
    const token = emu.tokens().find((t) => t.userCode === auth.userCode)!
    expect(token.revoked).toBe(true)
    expect(existsSync(path.join(ws.home, '.aws', 'sso'))).toBe(false)
    expect(
      readFileSync(path.join(ws.home, '.aws', 'credentials'), 'utf8')
    ).toContain(`[ci]\naws_access_key_id = ${out.credentials.accessKeyId}\n`)
    const { stdout } = await run(
      pythonExe(),
      [
        '-m',
        'awscli',
        'sts',
        'get-caller-identity',
        '--profile',
        'ci',
        '--query',
        'Account',
        '--output',
        'text'
      ],
      { env }
    )
    expect(stdout.trim()).toBe('111122223333')
  }, 60_000)
  test('--allowed-account-ids without the account: exit 5, nothing written, the token revoked', async () => {
    const ws = newWorkspace()
    const child = start(CLI, consumerEnv(ws, emu.url), [
      '--start-url',
      SEED_INPUTS['start-url'],
      '--sso-region',
      'us-east-1',
      '--account-id',
      '111122223333',
      '--role-name',
      'DeveloperAccess',
      '--allowed-account-ids',
      '444455556666'
    ])
    const auth = await emu.waitForDeviceAuthorization(20_000)
    emu.approve(auth.userCode, 'alice')
    const result = await child.done
    expect(result.code).toBe(5)
    expect(result.stderr).toContain(
      'is in account 111122223333, which is not in allowed-account-ids (444455556666)'
    )
    expect(result.stdout).toBe('')
    expect(filesUnder(ws.home)).toEqual([])
    expect(
      emu.tokens().find((t) => t.userCode === auth.userCode)!.revoked
    ).toBe(true)
  }, 60_000)
  test('--sign-out-early with --keep-session: exit code for bad input, naming both, no request', async () => {
    const ws = newWorkspace()
    const before = emu.stats().registrations
    const result = await start(CLI, consumerEnv(ws, emu.url), [
      '--start-url',
      SEED_INPUTS['start-url'],
      '--sso-region',
      'us-east-1',
      '--account-id',
      '111122223333',
      '--role-name',
      'R',
      '--sign-out-early',
      '--keep-session'
    ]).done
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      'Input "sign-out-early": cannot be combined with keep-session: true'
    )
    expect(emu.stats().registrations).toBe(before)
  })
})
