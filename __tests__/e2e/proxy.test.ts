/**
 * The bundled action behind an HTTPS proxy, with NO endpoint overrides: it talks to the real AWS host names
 * (oidc.us-east-1 / portal.sso.us-east-1 / sts.us-west-2 .amazonaws.com) through a MITM proxy that terminates TLS with
 * a throwaway CA (trusted via NODE_EXTRA_CA_CERTS) and forwards to the emulator. HTTPS_PROXY, https_proxy (lower case
 * wins) and NO_PROXY as a runner sets them.
 */
import { lookup } from 'node:dns/promises'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { startMitmProxy, type MitmProxy } from './mitm-proxy.js'
import {
  DIST,
  LINK_LINE,
  newWorkspace,
  postEnv,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start,
  type Workspace,
  postOf
} from './runner.js'

let emu: Emulator
let proxy: MitmProxy
/** Whether this machine resolves the real AWS host (CI sandboxes here do not: no network). */
let awsResolves = false

beforeAll(async () => {
  emu = await startEmulator({ interval: 1 })
  proxy = await startMitmProxy({ target: emu.url })
  awsResolves = await lookup('oidc.us-east-1.amazonaws.com').then(
    () => true,
    () => false
  )
})
afterAll(async () => {
  await proxy?.close()
  await emu?.close()
})
beforeEach(() => {
  emu.reset()
  proxy.clear()
})

/** The runner environment with the AWS endpoints left at their defaults (no AWS_ENDPOINT_URL_*), the private CA trusted. */
function directEnv(
  ws: Workspace,
  inputs: Record<string, string>,
  extra: Record<string, string>
): NodeJS.ProcessEnv {
  const env = runnerEnv(ws, 'http://unused.invalid', inputs, {
    NODE_EXTRA_CA_CERTS: proxy.caFile,
    ...extra
  })
  for (const name of Object.keys(env))
    if (name.startsWith('AWS_ENDPOINT_URL')) delete env[name]
  return env
}

const AWS_OPERATIONS = [
  'RegisterClient',
  'StartDeviceAuthorization',
  'CreateToken',
  'GetRoleCredentials',
  'GetCallerIdentity'
]

async function approvedThroughProxy(
  extra: Record<string, string>
): Promise<void> {
  const ws = newWorkspace()
  const env = directEnv(ws, SEED_INPUTS, extra)
  expect(Object.keys(env).filter((k) => k.startsWith('AWS_'))).toEqual([])
  const main = start(DIST, env)
  const linkLine = await main.waitForLine(LINK_LINE)
  const auth = await emu.waitForDeviceAuthorization()
  expect(linkLine).toContain(auth.verificationUriComplete)
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)

  const outputs = readCommandFile(ws.files.output)
  expect(outputs).toMatchObject({
    'aws-account-id': '111122223333',
    profile: 'my-dev-profile',
    'approved-by': 'alice'
  })
  expect(outputs.arn).toMatch(
    /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice$/
  )
  expect(readCommandFile(ws.files.env).AWS_ACCESS_KEY_ID).toBe(
    emu.roleSessions()[0].accessKeyId
  )

  // every AWS call went through the proxy, under the real regional host names
  const targets = proxy.connects().map((c) => c.target)
  expect(targets).toEqual(
    expect.arrayContaining([
      'oidc.us-east-1.amazonaws.com:443',
      'portal.sso.us-east-1.amazonaws.com:443'
    ])
  )
  expect(
    targets.some((t) => /^sts\.([a-z0-9-]+\.)?amazonaws\.com:443$/.test(t))
  ).toBe(true)
  expect(targets).toContain('sts.us-west-2.amazonaws.com:443') // the job's region, not the SSO region nor the global endpoint
  expect(proxy.refused()).toEqual([])
  const ops = emu.calls().map((c) => c.operation)
  expect(ops).toEqual(expect.arrayContaining(AWS_OPERATIONS))
  expect(proxy.requests()).toHaveLength(emu.calls().length)
  // each request kept its real Host header (STS checks SigV4 over it) and came through the tunnel to that host
  const seen = proxy
    .requests()
    .map(
      (r) =>
        `${r.method} ${r.host}${r.path.replace(/\?.*$/, '')} via ${r.tunnel} -> ${r.status}`
    )
  expect(seen).toEqual(
    expect.arrayContaining([
      'POST oidc.us-east-1.amazonaws.com/client/register via oidc.us-east-1.amazonaws.com:443 -> 200',
      'POST oidc.us-east-1.amazonaws.com/device_authorization via oidc.us-east-1.amazonaws.com:443 -> 200',
      'POST oidc.us-east-1.amazonaws.com/token via oidc.us-east-1.amazonaws.com:443 -> 200',
      'GET portal.sso.us-east-1.amazonaws.com/federation/credentials via portal.sso.us-east-1.amazonaws.com:443 -> 200',
      'POST sts.us-west-2.amazonaws.com/ via sts.us-west-2.amazonaws.com:443 -> 200'
    ])
  )
  expect(
    emu
      .calls()
      .filter((c) => c.operation === 'GetCallerIdentity')
      .every((c) => c.status === 200)
  ).toBe(true)

  // the post step's Logout goes through the proxy too
  proxy.clear()
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect(post.stderr).toBe('')
  expect(post.code).toBe(0)
  expect(proxy.connects().map((c) => c.target)).toEqual([
    'portal.sso.us-east-1.amazonaws.com:443'
  ])
  expect(
    emu
      .calls()
      .filter((c) => c.operation === 'Logout')
      .map((c) => c.status)
  ).toEqual([200])
  expect(emu.tokens().every((t) => t.revoked)).toBe(true)
}

test('HTTPS_PROXY: register, link, approval, role credentials, STS check and post Logout all go through the proxy to the default AWS endpoints', async () => {
  await approvedThroughProxy({ HTTPS_PROXY: proxy.url })
})

test('https_proxy (lower case) is used, and wins over HTTPS_PROXY', async () => {
  await approvedThroughProxy({
    https_proxy: proxy.url,
    HTTPS_PROXY: 'http://127.0.0.1:1'
  })
})

test.each([
  ['NO_PROXY', '.amazonaws.com'],
  ['no_proxy', '*']
])(
  '%s=%s: the action goes direct (never CONNECTs) and, with no network, fails fast naming the call',
  async (name, value) => {
    const ws = newWorkspace()
    // bounded on a machine that does reach AWS: the real service would hand out a code nobody approves
    const inputs = { ...SEED_INPUTS, 'approval-timeout': '3' }
    const env = directEnv(ws, inputs, {
      HTTPS_PROXY: proxy.url,
      [name]: value,
      IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS: '2000'
    })
    const result = await start(DIST, env).done
    expect(proxy.connects()).toEqual([])
    expect(emu.calls()).toEqual([])
    expect(result.code).toBe(1)
    expect(readCommandFile(ws.files.env)).toEqual({})
    expect(readCommandFile(ws.files.output)).toEqual({})
    if (awsResolves) return // reached the real AWS: what it answered is not this test's business
    expect(result.ms).toBeLessThan(10_000)
    const errors = result.stdout
      .split('\n')
      .filter((l) => l.startsWith('::error::'))
    expect(errors).toEqual([
      expect.stringMatching(/^::error::SSO OIDC RegisterClient failed: /)
    ])
    // the cause is in the retry log: which call, the DNS failure, each attempt
    expect(result.stdout).toContain(
      '::warning::SSO OIDC RegisterClient: network error (Error, ENOTFOUND) on attempt 1 of 5'
    )
    expect(result.stdout).toMatch(
      /SSO OIDC RegisterClient: network error \(Error, ENOTFOUND\) on attempt 5 of 5; no attempts left/
    )
  }
)
