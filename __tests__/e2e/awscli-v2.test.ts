/**
 * The real AWS CLI v2 (Debian's awscli 2.9, /usr/bin/aws) uses what the action wrote with `keep-session: true`:
 * the profile, the sso-session and the token cache, with no second login; then `aws sso logout` signs that token out
 * and deletes our cache file, which shows the CLI fully understands it.
 * The CLI predates AWS_ENDPOINT_URL_*, so it reaches the emulator under the real AWS host names through the MITM proxy
 * (HTTPS_PROXY + AWS_CA_BUNDLE = the proxy's throwaway CA). Skipped where /usr/bin/aws is absent.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  DEFAULT_AWS_HOSTS,
  startMitmProxy,
  type MitmProxy
} from './mitm-proxy.js'
import {
  DIST,
  newWorkspace,
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

let emu: Emulator
let proxy: MitmProxy
let ws: Workspace
let accessToken: string
let cacheFile: string

beforeAll(async () => {
  if (!haveAwsCliV2) return
  emu = await startEmulator({ interval: 1 })
  proxy = await startMitmProxy({
    target: emu.url,
    hosts: [...DEFAULT_AWS_HOSTS, 'sts.eu-west-1.amazonaws.com']
  })
  ws = newWorkspace()
  // the action itself reaches the emulator through the endpoint overrides (proxy.test.ts covers it behind the proxy)
  const main = start(
    DIST,
    runnerEnv(ws, emu.url, {
      ...SEED_INPUTS,
      'keep-session': 'true',
      profiles: 'prod-readonly 444455556666 ReadOnly eu-west-1'
    })
  )
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  if (result.code !== 0)
    throw new Error(`action failed:\n${result.stdout}\n${result.stderr}`)
  accessToken = emu
    .tokens()
    .find((t) => t.userCode === auth.userCode)!.accessToken
  cacheFile = path.join(
    ws.home,
    '.aws',
    'sso',
    'cache',
    `${sha1('my-sso')}.json`
  )
  expect(JSON.parse(readFileSync(cacheFile, 'utf8')).accessToken).toBe(
    accessToken
  )
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

async function aws(...args: string[]): Promise<string> {
  try {
    return (
      await run(AWS, [...args, '--no-cli-pager'], {
        env: cliEnv(),
        timeout: 20_000
      })
    ).stdout
  } catch (error: any) {
    throw new Error(
      `aws ${args.join(' ')} failed (${error.code}):\n${error.stdout}\n${error.stderr}`
    )
  }
}

/** The role credentials the CLI cached under ~/.aws/cli/cache from an SSO profile. */
function cliCachedSsoCredentials(): unknown[] {
  const dir = path.join(ws.home, '.aws', 'cli', 'cache')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')))
    .filter((c) => c.ProviderType === 'sso')
}

const deviceAuthorizations = () =>
  emu.calls().filter((c) => c.operation === 'StartDeviceAuthorization').length

cliTest('aws --version is the AWS CLI v2', async () => {
  expect(await aws('--version')).toMatch(/^aws-cli\/2\./)
})

cliTest(
  'aws configure get / list-profiles read the config as aws configure sso writes it',
  async () => {
    expect(
      (
        await aws(
          'configure',
          'get',
          'sso_session',
          '--profile',
          'my-dev-profile'
        )
      ).trim()
    ).toBe('my-sso')
    expect(
      (
        await aws(
          'configure',
          'get',
          'sso_account_id',
          '--profile',
          'my-dev-profile'
        )
      ).trim()
    ).toBe('111122223333')
    expect(
      (
        await aws('configure', 'get', 'region', '--profile', 'prod-readonly')
      ).trim()
    ).toBe('eu-west-1')
    expect(
      (await aws('configure', 'list-profiles')).trim().split('\n').sort()
    ).toEqual(['my-dev-profile', 'prod-readonly'])
  }
)

cliTest.each([
  [
    'my-dev-profile',
    '111122223333',
    'DeveloperAccess',
    'sts.us-west-2.amazonaws.com:443'
  ],
  [
    'prod-readonly',
    '444455556666',
    'ReadOnly',
    'sts.eu-west-1.amazonaws.com:443'
  ]
])(
  'aws sts get-caller-identity --profile %s uses the cached SSO token: no second login',
  async (profile, account, role, stsHost) => {
    const before = deviceAuthorizations()
    const createTokens = () =>
      emu.calls().filter((c) => c.operation === 'CreateToken').length
    const createTokensBefore = createTokens()
    proxy.clear()
    const identity = JSON.parse(
      await aws(
        'sts',
        'get-caller-identity',
        '--profile',
        profile,
        '--output',
        'json'
      )
    )
    expect(identity.Account).toBe(account)
    expect(identity.Arn).toMatch(
      new RegExp(
        `^arn:aws:sts::${account}:assumed-role/AWSReservedSSO_${role}_[0-9a-f]{16}/alice$`
      )
    )
    expect(deviceAuthorizations()).toBe(before)
    expect(createTokens()).toBe(createTokensBefore) // no refresh either: the cached token was used as it is
    expect(proxy.connects().map((c) => c.target)).toEqual([
      'portal.sso.us-east-1.amazonaws.com:443',
      stsHost
    ])
    expect(proxy.refused()).toEqual([])
    // the CLI sent our cached access token
    const portal = emu
      .calls()
      .filter((c) => c.operation === 'GetRoleCredentials')
      .pop()!
    expect(portal.status).toBe(200)
    expect(portal.user).toBe('alice')
  }
)

cliTest(
  'aws sso logout signs out the cached token (Logout) and deletes our cache file',
  async () => {
    const before = deviceAuthorizations()
    expect(cliCachedSsoCredentials().length).toBeGreaterThan(0) // get-caller-identity cached the role credentials
    proxy.clear()
    await aws('sso', 'logout')
    expect(proxy.connects().map((c) => c.target)).toEqual([
      'portal.sso.us-east-1.amazonaws.com:443'
    ])
    const logouts = emu.calls().filter((c) => c.operation === 'Logout')
    expect(logouts.map((c) => c.status)).toEqual([200])
    expect(
      emu.tokens().find((t) => t.accessToken === accessToken)!.revoked
    ).toBe(true)
    expect(existsSync(cacheFile)).toBe(false)
    // only the client registration cache (no accessToken) stays, as after aws sso login + logout
    const left = readdirSync(path.dirname(cacheFile)).map((f) =>
      JSON.parse(readFileSync(path.join(path.dirname(cacheFile), f), 'utf8'))
    )
    for (const file of left) expect(file).not.toHaveProperty('accessToken')
    // the CLI's cached role credentials are gone too
    expect(cliCachedSsoCredentials()).toEqual([])
    expect(deviceAuthorizations()).toBe(before)

    // and the profile now needs a new login
    await expect(
      aws('sts', 'get-caller-identity', '--profile', 'my-dev-profile')
    ).rejects.toThrow(
      /Error loading SSO Token: Token for my-sso does not exist/
    )
  }
)
