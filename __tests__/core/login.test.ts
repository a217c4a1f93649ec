/**
 * The shared login (src/core/login.ts) from its sources, against the emulator over HTTP with the real SDK clients:
 * what the GitHub and CLI edges both build on. No @actions/* involved.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startEmulator } from '../../emulator/server.js'
import type { Emulator } from '../../emulator/types.js'
import { login } from '../../src/core/login.js'
import type { LoginEvent, Logger } from '../../src/core/events.js'
import { readLoginRequest } from '../../src/inputs/reader.js'
import { awsPaths } from '../../src/aws-files/paths.js'

const INPUTS: Record<string, string> = {
  'start-url': 'https://my-sso-portal.awsapps.com/start',
  'sso-region': 'us-east-1',
  'account-id': '111122223333',
  'role-name': 'DeveloperAccess',
  region: 'us-west-2',
  'sso-session': 'my-sso',
  profile: 'my-dev-profile'
}

const quiet: Logger = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  notice: () => undefined
}

let emu: Emulator
let home: string
const saved = { ...process.env }
beforeAll(async () => {
  // The SDK also reads process.env (AWS_CA_BUNDLE is set machine-wide): only the test's own variables count.
  for (const k of Object.keys(process.env))
    if (k.startsWith('AWS_')) delete process.env[k]
  emu = await startEmulator({ interval: 1 })
  // The SDK reads the endpoint overrides from process.env itself (src/aws/clients.ts).
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SSO_OIDC: emu.url,
    AWS_ENDPOINT_URL_SSO: emu.url,
    AWS_ENDPOINT_URL_STS: emu.url
  })
})
afterAll(() => void (process.env = { ...saved }))
afterAll(() => emu.close())
beforeEach(() => {
  emu.reset()
  home = mkdtempSync(path.join(os.tmpdir(), 'icl-login-'))
})
afterEach(() => rmSync(home, { recursive: true, force: true }))

function options(
  inputs: Record<string, string>,
  events: LoginEvent[],
  masked: string[]
) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ENDPOINT_URL_SSO_OIDC: emu.url,
    AWS_ENDPOINT_URL_SSO: emu.url,
    AWS_ENDPOINT_URL_STS: emu.url
  }
  return {
    request: readLoginRequest((name) => inputs[name] ?? ''),
    paths: awsPaths(env, home),
    mask: (s: string) => void masked.push(s),
    emit: (e: LoginEvent) => void events.push(e),
    log: quiet,
    env
  }
}

test('a device-flow login: started before approval, verified credentials, files written 0600, every secret masked', async () => {
  const events: LoginEvent[] = []
  const masked: string[] = []
  emu.events.once('started', (d: { userCode: string }) =>
    setTimeout(() => emu.approve(d.userCode, 'alice'), 50)
  )
  const result = await login(options(INPUTS, events, masked))
  expect(result.via).toBe('device-flow')
  expect(result.approvedBy).toBe('alice')
  expect(result.primary.identity.account).toBe('111122223333')
  expect(events[0].type).toBe('started')
  const session = emu.roleSessions()[0]
  expect(result.primary.credentials.accessKeyId).toBe(session.accessKeyId)
  for (const s of [
    result.token.accessToken,
    session.secretAccessKey,
    session.sessionToken
  ])
    expect(masked).toContain(s)
  const config = path.join(home, '.aws', 'config')
  expect(readFileSync(config, 'utf8')).toContain('[profile my-dev-profile]')
  expect(statSync(config).mode & 0o777).toBe(0o600)
  expect(result.written).toBeDefined()
})

test('reuse-session: a second login in the same HOME reuses the cached token, no new device authorization', async () => {
  emu.events.on('started', (d: { userCode: string }) =>
    setTimeout(() => emu.approve(d.userCode, 'alice'), 50)
  )
  try {
    const first = await login(options(INPUTS, [], []))
    expect(first.authorizations).toBe(1)
    const started = emu.calls().length
    const events: LoginEvent[] = []
    const second = await login(
      options({ ...INPUTS, 'reuse-session': 'true' }, events, [])
    )
    expect(second.via).toBe('cached-token')
    expect(second.authorizations).toBe(0)
    expect(events.some((e) => e.type === 'started')).toBe(false)
    expect(
      emu
        .calls()
        .slice(started)
        .map((c) => c.operation)
    ).not.toContain('StartDeviceAuthorization')
  } finally {
    emu.events.removeAllListeners('started')
  }
})

test('denied: the login rejects and writes no files', async () => {
  emu.events.once('started', (d: { userCode: string }) =>
    setTimeout(() => emu.deny(d.userCode), 50)
  )
  await expect(login(options(INPUTS, [], []))).rejects.toThrow(/denied/i)
  expect(() => statSync(path.join(home, '.aws', 'config'))).toThrow()
})
