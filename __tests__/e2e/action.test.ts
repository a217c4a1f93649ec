/** The bundled action, end to end against the emulator: approved, denied, expired, slow_down, then the post step. */
import {
  readFileSync,
  statSync,
  existsSync,
  readdirSync,
  mkdirSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  DIST,
  LINK_LINE,
  newWorkspace,
  postEnv,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start,
  userCodeOf,
  postOf
} from './runner.js'

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ interval: 1 })
})
afterAll(async () => {
  await emu.close()
})

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex')
const mode = (p: string) => statSync(p).mode & 0o777
/** Windows has no POSIX modes (the action relies on the profile folder's ACL there): mode checks are POSIX-only. */
const posix = process.platform !== 'win32'

const SEED_CONFIG = `[profile my-dev-profile]
sso_session = my-sso
sso_account_id = 111122223333
sso_role_name = DeveloperAccess
region = us-west-2
output = json

[sso-session my-sso]
sso_region = us-east-1
sso_start_url = https://my-sso-portal.awsapps.com/start
sso_registration_scopes = sso:account:access
`

test('approved: link first, then files as aws configure sso / sso login write them, verified credentials exported; post cleans up', async () => {
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, SEED_INPUTS)
  const main = start(DIST, env)
  const linkLine = await main.waitForLine(LINK_LINE)
  const auth = await emu.waitForDeviceAuthorization()
  expect(linkLine).toContain(auth.verificationUriComplete)
  // today's link names the request, not the code: the log shows the code on its own
  expect(linkLine).not.toContain(auth.userCode)
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  expect(userCodeOf(result.stdout)).toBe(auth.userCode)

  // Outputs and exported variables
  const outputs = readCommandFile(ws.files.output)
  const session = emu
    .roleSessions()
    .find((s) => s.user === 'alice' && s.accountId === '111122223333')!
  expect(outputs).toMatchObject({
    'aws-account-id': '111122223333',
    profile: 'my-dev-profile',
    'approved-by': 'alice'
  })
  expect(outputs.arn).toMatch(
    /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice$/
  )
  expect(new Date(outputs.expiration).getTime()).toBe(session.expiration)
  const exported = readCommandFile(ws.files.env)
  expect(exported).toEqual({
    AWS_ACCESS_KEY_ID: session.accessKeyId,
    AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
    AWS_SESSION_TOKEN: session.sessionToken,
    AWS_REGION: 'us-west-2',
    AWS_DEFAULT_REGION: 'us-west-2'
  })
  // every secret was masked before it was used
  for (const secret of [
    session.accessKeyId,
    session.secretAccessKey,
    session.sessionToken,
    auth.deviceCode
  ]) {
    expect(result.stdout).toContain(`::add-mask::${secret}`)
  }

  // ~/.aws/config exactly as the seed shows, 0600 in a 0700 folder
  const configFile = path.join(ws.home, '.aws', 'config')
  expect(readFileSync(configFile, 'utf8')).toBe(SEED_CONFIG)
  if (posix) {
    expect(mode(configFile)).toBe(0o600)
    expect(mode(path.join(ws.home, '.aws'))).toBe(0o700)
  }

  // the token cache, named and shaped as the AWS CLI v2 writes it
  const cacheDir = path.join(ws.home, '.aws', 'sso', 'cache')
  const cacheFile = path.join(cacheDir, `${sha1('my-sso')}.json`)
  const token = emu.tokens().find((t) => t.userCode === auth.userCode)!
  const cached = JSON.parse(readFileSync(cacheFile, 'utf8'))
  expect(Object.keys(cached).sort()).toEqual(
    [
      'accessToken',
      'clientId',
      'clientSecret',
      'expiresAt',
      'refreshToken',
      'region',
      'registrationExpiresAt',
      'startUrl'
    ].sort()
  )
  expect(cached).toMatchObject({
    startUrl: SEED_INPUTS['start-url'],
    region: 'us-east-1',
    accessToken: token.accessToken,
    refreshToken: token.refreshToken,
    clientId: auth.clientId
  })
  expect(cached.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  expect(cached.registrationExpiresAt).toMatch(
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/
  )
  if (posix) {
    expect(mode(cacheFile)).toBe(0o600)
    expect(mode(cacheDir)).toBe(0o700)
  }

  // the summary is the durable record with the outcome
  const summary = readFileSync(ws.files.summary, 'utf8')
  expect(summary).toMatch(/approved/i)
  expect(summary).toContain('alice')

  // post: Logout revokes the token, the files this run wrote are gone
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect(post.code).toBe(0)
  expect(post.stderr).toBe('')
  expect(
    emu.tokens().find((t) => t.accessToken === token.accessToken)!.revoked
  ).toBe(true)
  expect(existsSync(cacheFile)).toBe(false)
  expect(readdirSync(cacheDir)).toEqual([])
  expect(existsSync(configFile)).toBe(false)
})

test("a user's own token cache for the same sso-session (aws sso login) is put back byte for byte by post; its secrets are masked", async () => {
  const ws = newWorkspace()
  const cacheDir = path.join(ws.home, '.aws', 'sso', 'cache')
  const cacheFile = path.join(cacheDir, `${sha1('my-sso')}.json`)
  mkdirSync(cacheDir, { recursive: true, mode: 0o700 })
  // as the AWS CLI v2 writes it, with the user's own token and refresh token (bytes the action would never write)
  const own =
    '{"startUrl": "https://my-sso-portal.awsapps.com/start", "region": "us-east-1", "accessToken": "users-own-access-token-0123456789", ' +
    '"expiresAt": "2031-01-01T00:00:00Z", "clientId": "users-client", "clientSecret": "users-client-secret-0123456789", ' +
    '"registrationExpiresAt": "2031-02-01T00:00:00Z", "refreshToken": "users-own-refresh-token-0123456789"}'
  writeFileSync(cacheFile, own, { mode: 0o600 })
  const env = runnerEnv(ws, emu.url, SEED_INPUTS)
  const main = start(DIST, env)
  emu.approve((await emu.waitForDeviceAuthorization()).userCode, 'alice')
  const result = await main.done
  expect(result.code).toBe(0)
  // during the job the cache holds this run's token
  expect(readFileSync(cacheFile, 'utf8')).not.toBe(own)
  // the user's secrets were read: masked, never printed
  for (const secret of [
    'users-own-access-token-0123456789',
    'users-own-refresh-token-0123456789',
    'users-client-secret-0123456789'
  ]) {
    expect(result.stdout).toContain(`::add-mask::${secret}`)
    expect(
      result.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'))
    ).not.toContainEqual(expect.stringContaining(secret))
  }
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect(post.code).toBe(0)
  expect(post.stdout).toContain(
    'Token cache: restored to what it held before this run'
  )
  expect(readFileSync(cacheFile, 'utf8')).toBe(own)
  if (posix) expect(mode(cacheFile)).toBe(0o600)
  // this run's registration cache is gone; only the user's file is left
  expect(readdirSync(cacheDir)).toEqual([`${sha1('my-sso')}.json`])
})

test('denied: fails with the approver denied the request, exports and writes nothing', async () => {
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, SEED_INPUTS)
  const main = start(DIST, env)
  const auth = await emu.waitForDeviceAuthorization()
  emu.deny(auth.userCode)
  const result = await main.done
  expect(result.code).toBe(1)
  expect(result.stdout).toContain('::error::the approver denied the request')
  expect(readCommandFile(ws.files.env)).toEqual({})
  expect(readCommandFile(ws.files.output)).toEqual({})
  expect(existsSync(path.join(ws.home, '.aws'))).toBe(false)
  expect(readFileSync(ws.files.summary, 'utf8')).toMatch(/denied/i)
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect(post.code).toBe(0)
  expect(post.stdout).toMatch(/nothing to sign out of or clean up/)
})

test('expired: fails with the code expired before anyone approved it and how long it waited', async () => {
  const ws = newWorkspace()
  const main = start(DIST, runnerEnv(ws, emu.url, SEED_INPUTS))
  const auth = await emu.waitForDeviceAuthorization()
  await new Promise((r) => setTimeout(r, 1500))
  emu.expire(auth.userCode)
  const result = await main.done
  expect(result.code).toBe(1)
  expect(result.stdout).toMatch(
    /::error::the code expired before anyone approved it \(waited \d+ s\)/
  )
  expect(readCommandFile(ws.files.env)).toEqual({})
  expect(readFileSync(ws.files.summary, 'utf8')).toMatch(/expired/i)
})

test('slow_down: the interval grows by 5 s for the rest of the flow', async () => {
  const ws = newWorkspace()
  const main = start(DIST, runnerEnv(ws, emu.url, SEED_INPUTS))
  const auth = await emu.waitForDeviceAuthorization()
  emu.slowDown(1)
  // wait for the slow_down answer and one more poll, then approve
  const polls = () =>
    emu
      .calls()
      .filter(
        (c) => c.operation === 'CreateToken' && c.userCode === auth.userCode
      )
  while (polls().length < 2) await new Promise((r) => setTimeout(r, 100))
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  expect(result.code).toBe(0)
  const times = polls().map((c) => c.at)
  expect(polls()[0].error).toMatch(/SlowDown/)
  const gaps = times.slice(1).map((t, i) => t - times[i])
  expect(gaps.length).toBeGreaterThanOrEqual(1)
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(6000 - 50)
  const first = times[0] - auth.createdAt
  expect(first).toBeGreaterThanOrEqual(1000 - 50)
}, 30_000)

test('the default notify (summary,comment) on a run with no pull request: no warning, one info line, the summary is written', async () => {
  const ws = newWorkspace()
  const { notify: _omitted, ...inputs } = SEED_INPUTS
  const main = start(DIST, runnerEnv(ws, emu.url, inputs))
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  expect(result.code).toBe(0)
  expect(result.stdout).not.toMatch(/^::warning::/m)
  expect(result.stdout).toMatch(
    /^notify: no comment: this run is not for a pull request and issue-number is not set/m
  )
  expect(readFileSync(ws.files.summary, 'utf8')).toMatch(/approved/i)
})

test('export-credentials false: no AWS_* in GITHUB_ENV, the outputs are still set and every secret still masked', async () => {
  const ws = newWorkspace()
  const main = start(
    DIST,
    runnerEnv(ws, emu.url, { ...SEED_INPUTS, 'export-credentials': 'false' })
  )
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  expect(result.code).toBe(0)
  const session = emu
    .roleSessions()
    .filter((s) => s.user === 'alice')
    .at(-1)!
  expect(session).toBeDefined()
  const envFile = readFileSync(ws.files.env, 'utf8')
  expect(
    Object.keys(readCommandFile(ws.files.env)).filter((k) =>
      k.startsWith('AWS_')
    )
  ).toEqual([])
  for (const secret of [
    session.accessKeyId,
    session.secretAccessKey,
    session.sessionToken
  ])
    expect(envFile).not.toContain(secret)
  expect(readCommandFile(ws.files.output)).toMatchObject({
    'aws-account-id': '111122223333',
    profile: 'my-dev-profile',
    'approved-by': 'alice'
  })
  const token = emu.tokens().find((t) => t.userCode === auth.userCode)!
  for (const secret of [
    session.accessKeyId,
    session.secretAccessKey,
    session.sessionToken,
    token.accessToken,
    auth.deviceCode
  ]) {
    expect(result.stdout).toContain(`::add-mask::${secret}`)
  }
})

test('the generic AWS_ENDPOINT_URL alone (no per-service AWS_ENDPOINT_URL_*) reaches SSO OIDC, the portal and STS', async () => {
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, SEED_INPUTS, { AWS_ENDPOINT_URL: emu.url })
  for (const k of Object.keys(env))
    if (k.startsWith('AWS_ENDPOINT_URL_')) delete env[k]
  expect(
    Object.keys(env).filter((k) => k.startsWith('AWS_ENDPOINT_URL'))
  ).toEqual(['AWS_ENDPOINT_URL'])
  const before = emu.calls().length
  const main = start(DIST, env)
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  const ops = new Set(
    emu
      .calls()
      .slice(before)
      .filter((c) => c.status === 200)
      .map((c) => c.operation)
  )
  for (const op of [
    'RegisterClient',
    'StartDeviceAuthorization',
    'CreateToken',
    'GetRoleCredentials',
    'GetCallerIdentity'
  ])
    expect(ops).toContain(op)
  expect(readCommandFile(ws.files.output)['aws-account-id']).toBe(
    '111122223333'
  )
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect(post.code).toBe(0)
  expect(emu.tokens().find((t) => t.userCode === auth.userCode)!.revoked).toBe(
    true
  )
})
