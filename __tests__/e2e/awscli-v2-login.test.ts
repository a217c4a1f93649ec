/**
 * "The AWS CLI v2's own cache, written by `aws sso login` on that runner, is accepted the same way" by
 * `reuse-session: true`. Proven with the real AWS CLI v2 (Debian's awscli 2.9, /usr/bin/aws):
 *
 * 1. `~/.aws/config` as `aws configure sso` writes it, then a real `aws sso login --no-browser` (device flow approved
 *    on the emulator) writes the CLI's own token cache and client registration cache;
 * 2. the bundled action with `reuse-session: true` uses that token as it is: no device authorization, no new client;
 * 3. with the CLI's token made stale, the action refreshes it with the CLI's refresh token and client registration and
 *    writes the rotated refresh token back; then the real `aws sts get-caller-identity` works from the file the action
 *    rewrote (CLI → action → CLI).
 *
 * The CLI predates AWS_ENDPOINT_URL_*, so it reaches the emulator under the real AWS host names through the MITM proxy
 * (HTTPS_PROXY + AWS_CA_BUNDLE = the proxy's throwaway CA); the action reaches it through the endpoint overrides.
 * Skipped where /usr/bin/aws is absent.
 */
import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { snapshotDist } from './github-fake.js'
import {
  DEFAULT_AWS_HOSTS,
  startMitmProxy,
  type MitmProxy
} from './mitm-proxy.js'
import {
  newWorkspace,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start,
  type Workspace
} from './runner.js'
import { skippedBecause } from '../skipped-because.js'

const AWS = '/usr/bin/aws'
const haveAwsCliV2 = existsSync(AWS)
const cliTest = haveAwsCliV2 ? test : test.skip
if (!haveAwsCliV2)
  skippedBecause(`${AWS} not found (install Debian's awscli package)`)

const run = promisify(execFile)
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex')

/** Exactly what `aws configure sso` writes for this session and profile. */
const CONFIG = `[profile my-dev-profile]
sso_session = my-sso
sso_account_id = 111122223333
sso_role_name = DeveloperAccess
region = us-west-2

[sso-session my-sso]
sso_region = us-east-1
sso_start_url = https://my-sso-portal.awsapps.com/start
sso_registration_scopes = sso:account:access
`

/** The CLI's timestamp format in the token cache: `2026-01-01T12:00:00Z`. */
const CLI_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

let DIST: string
let emu: Emulator
let proxy: MitmProxy
let ws: Workspace
let cacheDir: string
let cacheFile: string
/** The token cache as `aws sso login` left it. */
let cliCache: Record<string, string>
/** The device authorization the CLI started (the only one in this file). */
let cliUserCode: string

beforeAll(async () => {
  if (!haveAwsCliV2) return
  ;[DIST, emu] = await Promise.all([
    snapshotDist(),
    startEmulator({ interval: 1 })
  ])
  proxy = await startMitmProxy({ target: emu.url, hosts: DEFAULT_AWS_HOSTS })
  ws = newWorkspace()
  mkdirSync(path.join(ws.home, '.aws'), { recursive: true, mode: 0o700 })
  writeFileSync(path.join(ws.home, '.aws', 'config'), CONFIG, { mode: 0o600 })
  cacheDir = path.join(ws.home, '.aws', 'sso', 'cache')
  cacheFile = path.join(cacheDir, `${sha1('my-sso')}.json`)
}, 20_000)
afterAll(async () => {
  await proxy?.close()
  await emu?.close()
})

/**
 * Built from scratch: the test HOME, the proxy, the proxy's CA (this machine sets AWS_CA_BUNDLE globally), and no
 * other AWS_* variable, so the CLI can only find its way through ~/.aws and the real endpoint names.
 */
function cliEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: ws.home,
    LANG: 'C.UTF-8',
    HTTPS_PROXY: proxy.url,
    AWS_CA_BUNDLE: proxy.caFile
  }
}

async function aws(
  ...args: string[]
): Promise<{ stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(AWS, [...args, '--no-cli-pager'], {
      env: cliEnv(),
      timeout: 20_000
    })
    return { stdout, stderr }
  } catch (error: any) {
    throw new Error(
      `aws ${args.join(' ')} failed (${error.code}):\n${error.stdout}\n${error.stderr}`
    )
  }
}

/** `aws …` as a child process, for the commands that wait for someone (aws sso login). */
function spawnAws(...args: string[]) {
  const child = spawn(AWS, [...args, '--no-cli-pager'], {
    env: cliEnv(),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const done = new Promise<{
    code: number | null
    stdout: string
    stderr: string
  }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  )
  const timer = setTimeout(() => child.kill(), 20_000)
  void done.then(() => clearTimeout(timer))
  return {
    done,
    async waitFor(text: string, timeoutMs = 10_000): Promise<void> {
      const deadline = Date.now() + timeoutMs
      while (!stdout.includes(text)) {
        if (child.exitCode !== null || Date.now() > deadline) {
          child.kill()
          throw new Error(
            `aws ${args.join(' ')} never printed ${text}:\n${stdout}\n${stderr}`
          )
        }
        await new Promise((r) => setTimeout(r, 20))
      }
    }
  }
}

const readCache = () => JSON.parse(readFileSync(cacheFile, 'utf8'))
const count = (operation: string) =>
  emu.calls().filter((c) => c.operation === operation).length

/** The bundled action in the same HOME, reusing the session; it reaches the emulator via AWS_ENDPOINT_URL_*. */
async function actionRun() {
  const wsRun = { ...newWorkspace(), home: ws.home }
  const result = await start(
    DIST,
    runnerEnv(wsRun, emu.url, {
      ...SEED_INPUTS,
      'reuse-session': 'true',
      'keep-session': 'true'
    })
  ).done
  if (result.code !== 0)
    throw new Error(
      `action failed (${result.code}):\n${result.stdout}\n${result.stderr}`
    )
  return {
    result,
    outputs: readCommandFile(wsRun.files.output),
    exported: readCommandFile(wsRun.files.env)
  }
}

function expectCredentialsForAlice(
  outputs: Record<string, string>,
  exported: Record<string, string>
) {
  expect(outputs).toMatchObject({
    'aws-account-id': '111122223333',
    profile: 'my-dev-profile',
    'approved-by': 'alice'
  })
  expect(outputs.arn).toMatch(
    /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice$/
  )
  const session = emu
    .roleSessions()
    .find((s) => s.accessKeyId === exported.AWS_ACCESS_KEY_ID)!
  expect(session).toMatchObject({
    user: 'alice',
    accountId: '111122223333',
    roleName: 'DeveloperAccess'
  })
  expect(exported).toEqual({
    AWS_ACCESS_KEY_ID: session.accessKeyId,
    AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
    AWS_SESSION_TOKEN: session.sessionToken,
    AWS_REGION: 'us-west-2',
    AWS_DEFAULT_REGION: 'us-west-2'
  })
}

cliTest(
  'aws sso login --no-browser (real AWS CLI v2, device flow approved on the emulator) writes the CLI token cache',
  async () => {
    expect((await aws('--version')).stdout).toMatch(/^aws-cli\/2\./)
    proxy.clear()
    const login = spawnAws(
      'sso',
      'login',
      '--profile',
      'my-dev-profile',
      '--no-browser'
    )
    const auth = await emu.waitForDeviceAuthorization(15_000)
    expect(auth.startUrl).toBe('https://my-sso-portal.awsapps.com/start')
    // approve as a person would: once the CLI has printed the code (before that it makes one pre-authorized CreateToken
    // attempt; an approval that early would skip the message)
    await login.waitFor(auth.userCode)
    emu.approve(auth.userCode, 'alice')
    const { code, stdout, stderr } = await login.done
    if (code !== 0)
      throw new Error(`aws sso login failed (${code}):\n${stdout}\n${stderr}`)
    cliUserCode = auth.userCode
    // it printed the verification URL and the code, and did not try a browser
    expect(stdout).toContain(
      `Browser will not be automatically opened.\nPlease visit the following URL:\n\n${auth.verificationUri}\n`
    )
    expect(stdout).toContain(`Then enter the code:\n\n${auth.userCode}\n`)
    expect(stdout).toContain(auth.verificationUriComplete)
    expect(stdout).not.toMatch(/Attempting to automatically open/)
    expect(stdout).toMatch(
      /Successfully logged into Start URL: https:\/\/my-sso-portal\.awsapps\.com\/start/
    )

    // one client, one device authorization, through the real host names only
    expect(emu.stats()).toMatchObject({
      registrations: 1,
      deviceAuthorizations: 1,
      approvals: 1
    })
    expect([...new Set(proxy.connects().map((c) => c.target))]).toEqual([
      'oidc.us-east-1.amazonaws.com:443'
    ])
    expect(proxy.refused()).toEqual([])

    // ~/.aws/sso/cache/<sha1(sso-session)>.json with the CLI's keys
    expect(existsSync(cacheFile)).toBe(true)
    cliCache = readCache()
    const token = emu.tokens().find((t) => t.userCode === auth.userCode)!
    expect(token).toMatchObject({ user: 'alice', grant: 'device_code' })
    expect(cliCache).toMatchObject({
      startUrl: 'https://my-sso-portal.awsapps.com/start',
      region: 'us-east-1',
      accessToken: token.accessToken,
      refreshToken: token.refreshToken,
      clientId: auth.clientId
    })
    expect(typeof cliCache.clientSecret).toBe('string')
    expect(cliCache.expiresAt).toMatch(CLI_TIME)
    expect(cliCache.registrationExpiresAt).toMatch(CLI_TIME)
    // and its client registration cache next to it (no accessToken in it)
    const others = readdirSync(cacheDir).filter(
      (f) => f !== path.basename(cacheFile)
    )
    expect(others).toHaveLength(1)
    const registration = JSON.parse(
      readFileSync(path.join(cacheDir, others[0]), 'utf8')
    )
    expect(registration).toMatchObject({
      clientId: auth.clientId,
      clientSecret: cliCache.clientSecret
    })
    expect(registration).not.toHaveProperty('accessToken')
  },
  25_000
)

cliTest(
  'reuse-session: the action uses the token aws sso login cached: no approval, no new client, credentials for alice',
  async () => {
    expect(cliCache).toBeDefined()
    const before = emu.stats()
    const { result, outputs, exported } = await actionRun()
    expect(result.stdout).toContain('reuse-session: using the cached SSO token')
    const after = emu.stats()
    expect(after.deviceAuthorizations).toBe(before.deviceAuthorizations)
    expect(after.registrations).toBe(before.registrations)
    expect(after.tokensIssued).toBe(before.tokensIssued) // used as it is: no refresh
    expect(result.stdout).not.toContain(cliUserCode)
    expectCredentialsForAlice(outputs, exported)
    // the shared session stays the CLI's: same token, same refresh token, same client
    expect(readCache()).toMatchObject({
      accessToken: cliCache.accessToken,
      refreshToken: cliCache.refreshToken,
      clientId: cliCache.clientId,
      clientSecret: cliCache.clientSecret
    })
  },
  15_000
)

cliTest(
  'reuse-session: a stale CLI token is refreshed with the CLI refresh token and client; aws sts get-caller-identity then works from the rewritten file',
  async () => {
    const stale = readCache()
    const expiresAt = new Date(Date.now() + 60_000)
      .toISOString()
      .replace(/\.\d+Z$/, 'Z') // the CLI's format, 1 minute left
    writeFileSync(cacheFile, JSON.stringify({ ...stale, expiresAt }))
    const before = emu.stats()
    const refreshesBefore = emu
      .calls()
      .filter(
        (c) => c.operation === 'CreateToken' && c.grantType === 'refresh_token'
      ).length

    const { result, outputs, exported } = await actionRun()
    expect(result.stdout).toContain(
      'reuse-session: refreshed the cached SSO token'
    )
    const after = emu.stats()
    expect(after.deviceAuthorizations).toBe(before.deviceAuthorizations)
    expect(after.registrations).toBe(before.registrations)
    expect(after.refreshes).toBe(before.refreshes + 1)
    // the refresh went out with the CLI's client registration
    const refreshes = emu
      .calls()
      .filter(
        (c) => c.operation === 'CreateToken' && c.grantType === 'refresh_token'
      )
    expect(refreshes.length).toBe(refreshesBefore + 1)
    expect(refreshes.pop()).toMatchObject({
      status: 200,
      clientId: cliCache.clientId
    })
    expectCredentialsForAlice(outputs, exported)

    // the rotated refresh token (and the new access token) were written back, the CLI's client kept
    const rotated = readCache()
    expect(rotated.refreshToken).not.toBe(stale.refreshToken)
    expect(rotated.accessToken).not.toBe(stale.accessToken)
    expect(rotated).toMatchObject({
      startUrl: 'https://my-sso-portal.awsapps.com/start',
      region: 'us-east-1',
      clientId: cliCache.clientId,
      clientSecret: cliCache.clientSecret
    })
    const issued = emu
      .tokens()
      .find((t) => t.accessToken === rotated.accessToken)!
    expect(issued).toMatchObject({
      grant: 'refresh_token',
      user: 'alice',
      refreshToken: rotated.refreshToken,
      clientId: cliCache.clientId
    })
    expect(new Date(rotated.expiresAt).getTime()).toBeGreaterThan(
      Date.now() + 7 * 3600_000
    )

    // the real CLI uses the file the action rewrote; the CLI's original access token is dead, so only the rotated one works
    emu.expireAccessToken(stale.accessToken)
    const createTokens = count('CreateToken')
    const devices = emu.stats().deviceAuthorizations
    proxy.clear()
    const identity = JSON.parse(
      (
        await aws(
          'sts',
          'get-caller-identity',
          '--profile',
          'my-dev-profile',
          '--output',
          'json'
        )
      ).stdout
    )
    expect(identity.Account).toBe('111122223333')
    expect(identity.Arn).toMatch(
      /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice$/
    )
    expect(proxy.connects().map((c) => c.target)).toEqual([
      'portal.sso.us-east-1.amazonaws.com:443',
      'sts.us-west-2.amazonaws.com:443'
    ])
    expect(proxy.refused()).toEqual([])
    const portal = emu
      .calls()
      .filter((c) => c.operation === 'GetRoleCredentials')
      .pop()!
    expect(portal).toMatchObject({ status: 200, user: 'alice' })
    expect(count('CreateToken')).toBe(createTokens) // used as it is: no refresh by the CLI
    expect(emu.stats().deviceAuthorizations).toBe(devices)
    expect(readCache()).toMatchObject({
      accessToken: rotated.accessToken,
      refreshToken: rotated.refreshToken
    })
  },
  25_000
)
