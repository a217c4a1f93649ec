/**
 * legacy-sso-profile: tools built on SDKs that predate [sso-session] (Debian's AWS SDK for Go v1 1.44.133 and
 * aws-sdk-go-v2 config 1.17.10) reject the profile `aws configure sso` writes and accept the legacy form, in which
 * botocore / AWS CLI v1, Debian's AWS CLI v2 and the JS SDK (fromSSO, fromIni) keep working; the exported environment
 * credentials work with all of them either way; the post step removes the legacy token cache copy too.
 * The Go tests are skipped where Go or Debian's Go SDK packages are missing (.ci/run installs them).
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  DEFAULT_AWS_HOSTS,
  startMitmProxy,
  type MitmProxy
} from './mitm-proxy.js'
import {
  consumerEnv,
  DIST,
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
import {
  buildGoPrograms,
  goSdksMissing,
  goSdkVersions,
  type GoPrograms
} from './go-sdks.js'
import { pythonExe, cliV1IdentityArgs } from '../aws-files/helpers/python.js'
import { skippedBecause } from '../skipped-because.js'

const run = promisify(execFile)
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex')
const goMissing = goSdksMissing()
if (goMissing) skippedBecause(`Go SDK tests: ${goMissing}`)
const goTest = goMissing ? test.skip : test
const versions = goMissing ? undefined : goSdkVersions()
/** The rejection is only there to see with SDKs older than sso-session (Debian bookworm's are). */
const olderGoTest = (sdk: 'v1' | 'v2') =>
  versions?.[sdk].predatesSsoSession ? test : test.skip
if (
  versions &&
  !(versions.v1.predatesSsoSession && versions.v2.predatesSsoSession)
) {
  skippedBecause(
    `an installed Go SDK knows sso-session (v1 ${versions.v1.version}, v2 config ${versions.v2.version}): no rejection to see`
  )
}
const AWS_V2 = '/usr/bin/aws'
const awsV2Test = existsSync(AWS_V2) ? test : test.skip
if (!existsSync(AWS_V2))
  skippedBecause(`${AWS_V2} not found (install Debian's awscli package)`)

const PROFILES = 'prod-readonly 444455556666 ReadOnly eu-west-1'
const START_URL = SEED_INPUTS['start-url']

interface Login {
  ws: Workspace
  env: NodeJS.ProcessEnv
  accessToken: string
}

let emu: Emulator
let go: GoPrograms | undefined
let plain: Login
let legacy: Login

async function login(inputs: Record<string, string>): Promise<Login> {
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, {
    ...SEED_INPUTS,
    profiles: PROFILES,
    ...inputs
  })
  const main = start(DIST, env)
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  if (result.code !== 0)
    throw new Error(`action failed:\n${result.stdout}\n${result.stderr}`)
  return {
    ws,
    env,
    accessToken: emu.tokens().find((t) => t.userCode === auth.userCode)!
      .accessToken
  }
}

beforeAll(async () => {
  emu = await startEmulator({ interval: 1 })
  const building = goMissing ? undefined : buildGoPrograms()
  plain = await login({})
  legacy = await login({ 'legacy-sso-profile': 'true' })
  go = await building
}, 300_000)
afterAll(async () => {
  await emu?.close()
})

const cacheDir = (l: Login) => path.join(l.ws.home, '.aws', 'sso', 'cache')
const configText = (l: Login) =>
  readFileSync(path.join(l.ws.home, '.aws', 'config'), 'utf8')

/** Runs a Go program against `login`'s HOME; the SSO portal and STS resolve to the emulator in the program. */
async function goWhoami(
  exe: string,
  l: Login,
  profile: string,
  extra: Record<string, string> = {}
): Promise<{ ok: true; id: any } | { ok: false; error: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: l.ws.home,
    EMULATOR_URL: emu.url,
    AWS_SDK_LOAD_CONFIG: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: path.join(l.ws.dir, 'no-credentials'),
    ...extra
  }
  try {
    const { stdout } = await run(exe, [profile], { env, timeout: 20_000 })
    return { ok: true, id: JSON.parse(stdout) }
  } catch (error: any) {
    return { ok: false, error: `${error.stderr}${error.stdout}` }
  }
}

test('the default files stay as aws configure sso writes them: no sso_start_url in the profiles, no legacy cache file', () => {
  expect(configText(plain)).not.toMatch(
    /^\[profile [^\]]+\][^[]*sso_start_url/m
  )
  expect(readdirSync(cacheDir(plain))).not.toContain(`${sha1(START_URL)}.json`)
})

test('legacy-sso-profile: each profile carries sso_start_url and sso_region beside sso_session; the token is cached under sha1(start URL) too', () => {
  const config = configText(legacy)
  for (const profile of ['my-dev-profile', 'prod-readonly']) {
    const section = new RegExp(
      `\\[profile ${profile}\\]\\n((?:[^[].*\\n)*)`
    ).exec(config)![1]
    expect(section).toMatch(
      new RegExp(
        `^sso_session = my-sso\\nsso_start_url = ${START_URL.replace(/\./g, '\\.')}\\nsso_region = us-east-1\\n`
      )
    )
  }
  expect(config).toContain(
    `[sso-session my-sso]\nsso_region = us-east-1\nsso_start_url = ${START_URL}\n`
  )
  const session = path.join(cacheDir(legacy), `${sha1('my-sso')}.json`)
  const legacyFile = path.join(cacheDir(legacy), `${sha1(START_URL)}.json`)
  expect(readFileSync(legacyFile, 'utf8')).toBe(readFileSync(session, 'utf8'))
  expect(JSON.parse(readFileSync(legacyFile, 'utf8')).accessToken).toBe(
    legacy.accessToken
  )
  if (process.platform !== 'win32')
    expect(statSync(legacyFile).mode & 0o777).toBe(0o600)
})

describe.each([
  [`AWS SDK for Go v1 ${versions?.v1.version ?? ''}`, 'v1'],
  [`aws-sdk-go-v2 (config ${versions?.v2.version ?? ''})`, 'v2']
] as const)('%s', (_name, sdk) => {
  olderGoTest(sdk)(
    'rejects the default profile: missing required configuration: sso_region, sso_start_url',
    async () => {
      const r = await goWhoami(go![sdk], plain, 'my-dev-profile')
      expect(r.ok).toBe(false)
      expect(!r.ok && r.error).toContain(
        'is configured to use SSO but is missing required configuration: sso_region, sso_start_url'
      )
    }
  )

  goTest.each([
    ['my-dev-profile', '111122223333'],
    ['prod-readonly', '444455556666']
  ])(
    'uses profile %s with legacy-sso-profile: GetCallerIdentity as the approver, no new login',
    async (profile, account) => {
      const before = emu.stats().deviceAuthorizations
      const r = await goWhoami(go![sdk], legacy, profile)
      if (!r.ok) throw new Error(r.error)
      expect(r.id.Account).toBe(account)
      expect(r.id.Arn).toMatch(
        new RegExp(
          `^arn:aws:sts::${account}:assumed-role/AWSReservedSSO_\\w+_[0-9a-f]{16}/alice$`
        )
      )
      expect(emu.stats().deviceAuthorizations).toBe(before)
    }
  )

  goTest(
    'uses the exported environment credentials with the default setting',
    async () => {
      const exported = readCommandFile(plain.ws.files.env)
      const r = await goWhoami(go![sdk], plain, '', exported)
      if (!r.ok) throw new Error(r.error)
      expect(r.id.Account).toBe('111122223333')
      expect(r.id.Arn).toMatch(/\/alice$/)
    }
  )
})

test.each(['my-dev-profile', 'prod-readonly'])(
  'botocore / AWS CLI v1 (python3 -m awscli) accepts legacy profile %s',
  async (profile) => {
    const { stdout } = await run(pythonExe(), cliV1IdentityArgs(profile), {
      env: consumerEnv(legacy.ws, emu.url)
    })
    expect(JSON.parse(stdout).Arn).toMatch(/\/alice$/)
  }
)

test.each(['fromSSO', 'fromIni'])(
  'the JS SDK %s accepts the legacy profile',
  async (provider) => {
    const script = `
    import { ${provider} } from '@aws-sdk/credential-providers'
    import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
    const sts = new STSClient({ region: 'us-west-2', credentials: ${provider}({ profile: 'my-dev-profile' }) })
    const id = await sts.send(new GetCallerIdentityCommand({}))
    console.log(JSON.stringify({ account: id.Account, arn: id.Arn }))
  `
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', script],
      { env: consumerEnv(legacy.ws, emu.url), cwd: ROOT }
    )
    const id = JSON.parse(stdout.trim().split('\n').pop()!)
    expect(id.account).toBe('111122223333')
    expect(id.arn).toMatch(/\/alice$/)
  }
)

awsV2Test(
  "Debian's AWS CLI v2 (/usr/bin/aws) accepts the legacy profile (through the MITM proxy: it predates AWS_ENDPOINT_URL_*)",
  async () => {
    let proxy: MitmProxy | undefined
    try {
      proxy = await startMitmProxy({
        target: emu.url,
        hosts: [...DEFAULT_AWS_HOSTS]
      })
      const env = {
        PATH: process.env.PATH,
        HOME: legacy.ws.home,
        LANG: 'C.UTF-8',
        HTTPS_PROXY: proxy.url,
        AWS_CA_BUNDLE: proxy.caFile
      }
      const { stdout } = await run(
        AWS_V2,
        [
          'sts',
          'get-caller-identity',
          '--profile',
          'my-dev-profile',
          '--output',
          'json',
          '--no-cli-pager'
        ],
        { env, timeout: 20_000 }
      )
      expect(JSON.parse(stdout).Account).toBe('111122223333')
    } finally {
      await proxy?.close()
    }
  }
)

describe('the exported environment credentials (default setting) need no profile', () => {
  /** An empty HOME: only AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN / AWS_REGION from GITHUB_ENV. */
  const envOnly = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: path.join(plain.ws.dir, 'empty-home'),
    LANG: 'C.UTF-8',
    AWS_SHARED_CREDENTIALS_FILE: path.join(plain.ws.dir, 'no-credentials'),
    AWS_CONFIG_FILE: path.join(plain.ws.dir, 'no-config'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...readCommandFile(plain.ws.files.env),
    ...extra
  })

  test('botocore / AWS CLI v1', async () => {
    const { stdout } = await run(
      pythonExe(),
      ['-m', 'awscli', 'sts', 'get-caller-identity', '--output', 'json'],
      { env: envOnly({ AWS_ENDPOINT_URL_STS: emu.url }) }
    )
    expect(JSON.parse(stdout).Arn).toMatch(/\/alice$/)
  })

  test('the JS SDK (default provider chain)', async () => {
    const script = `
      import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
      const id = await new STSClient({}).send(new GetCallerIdentityCommand({}))
      console.log(JSON.stringify({ arn: id.Arn }))
    `
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', script],
      { env: envOnly({ AWS_ENDPOINT_URL_STS: emu.url }), cwd: ROOT }
    )
    expect(JSON.parse(stdout.trim().split('\n').pop()!).arn).toMatch(/\/alice$/)
  })

  awsV2Test("Debian's AWS CLI v2", async () => {
    const proxy = await startMitmProxy({
      target: emu.url,
      hosts: [...DEFAULT_AWS_HOSTS]
    })
    try {
      const { stdout } = await run(
        AWS_V2,
        ['sts', 'get-caller-identity', '--output', 'json', '--no-cli-pager'],
        {
          env: envOnly({ HTTPS_PROXY: proxy.url, AWS_CA_BUNDLE: proxy.caFile }),
          timeout: 20_000
        }
      )
      expect(JSON.parse(stdout).Arn).toMatch(/\/alice$/)
    } finally {
      await proxy.close()
    }
  })
})

test('post removes the legacy token cache copy with the rest (last: the other tests use the files)', async () => {
  const post = await start(postOf(DIST), postEnv(legacy.ws, legacy.env)).done
  expect(post.code).toBe(0)
  expect(post.stdout).toMatch(
    /legacy token cache \(legacy-sso-profile\): deleted/
  )
  expect(readdirSync(cacheDir(legacy))).toEqual([])
  expect(existsSync(path.join(legacy.ws.home, '.aws', 'config'))).toBe(false)
  expect(
    emu.tokens().find((t) => t.accessToken === legacy.accessToken)!.revoked
  ).toBe(true)
})
