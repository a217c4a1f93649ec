/**
 * The action's main and post steps from their sources: src/main.ts run() and src/post.ts run() with @actions/core
 * mocked (what @github/local-action does too), against the emulator over HTTP with the real SDK clients.
 */
import { jest } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { startEmulator } from '../../emulator/server.js'
import type { Emulator } from '../../emulator/types.js'

/** The runner as @actions/core shows it to the action: inputs in, everything else recorded. */
const runner = {
  inputs: {} as Record<string, string>,
  secrets: [] as string[],
  outputs: {} as Record<string, string>,
  exported: {} as Record<string, string>,
  state: {} as Record<string, string>,
  log: [] as string[],
  failed: [] as string[],
  summary: '',
  reset(inputs: Record<string, string>) {
    Object.assign(this, {
      inputs,
      secrets: [],
      outputs: {},
      exported: {},
      state: {},
      log: [],
      failed: [],
      summary: ''
    })
  }
}

const summary = {
  buffer: '',
  addRaw(text: string, eol = false) {
    summary.buffer += text + (eol ? '\n' : '')
    return summary
  },
  async write(options?: { overwrite?: boolean }) {
    runner.summary = options?.overwrite
      ? summary.buffer
      : runner.summary + summary.buffer
    summary.buffer = ''
    return summary
  }
}

jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => (runner.inputs[name] ?? '').trim(),
  setSecret: (s: string) => void runner.secrets.push(s),
  setOutput: (k: string, v: string) => void (runner.outputs[k] = v),
  exportVariable: (k: string, v: string) => void (runner.exported[k] = v),
  saveState: (k: string, v: string) => void (runner.state[k] = v),
  getState: (k: string) => runner.state[k] ?? '',
  info: (m: string) => void runner.log.push(m),
  debug: (m: string) => void runner.log.push(`::debug::${m}`),
  notice: (m: string) => void runner.log.push(`::notice::${m}`),
  warning: (m: string) => void runner.log.push(`::warning::${m}`),
  error: (m: string) => void runner.log.push(`::error::${m}`),
  setFailed: (m: string) => void runner.failed.push(m),
  summary
}))

// Jest sandboxes process.env, so os.homedir() would still answer the real HOME: the steps get the test's HOME here.
const realOs = await import('node:os')
let home = realOs.tmpdir()
const os = { ...realOs.default, homedir: () => home }
jest.unstable_mockModule('node:os', () => ({ ...realOs, ...os, default: os }))

const { run: runMain } = await import('../../src/main.js')
const { run: runPost } = await import('../../src/post.js')
const { awsPaths } = await import('../../src/aws-files/paths.js')

const INPUTS = {
  'start-url': 'https://my-sso-portal.awsapps.com/start',
  'sso-region': 'us-east-1',
  'account-id': '111122223333',
  'role-name': 'DeveloperAccess',
  region: 'us-west-2',
  'sso-session': 'my-sso',
  profile: 'my-dev-profile',
  notify: 'summary',
  'github-token': 'ghs_unitTestNotARealToken00000000000000'
}

let emu: Emulator
const saved = { ...process.env }

beforeAll(async () => {
  emu = await startEmulator({ interval: 1 })
})
afterAll(async () => {
  await emu.close()
})
beforeEach(() => {
  home = mkdtempSync(path.join(realOs.tmpdir(), 'icl-steps-'))
  for (const k of Object.keys(process.env))
    if (k.startsWith('AWS_') || k.startsWith('GITHUB_')) delete process.env[k]
  Object.assign(process.env, {
    HOME: home,
    AWS_ENDPOINT_URL_SSO_OIDC: emu.url,
    AWS_ENDPOINT_URL_SSO: emu.url,
    AWS_ENDPOINT_URL_STS: emu.url
  })
})
afterEach(() => {
  process.env = { ...saved }
  rmSync(home, { recursive: true, force: true })
  emu.events.removeAllListeners('started')
})

test('the steps write under the test HOME, never the real one', () => {
  expect(awsPaths().awsDir).toBe(path.join(home, '.aws'))
})

test('main: link first, approval, outputs, credentials exported and masked, state for post; post signs out and removes the files', async () => {
  runner.reset(INPUTS)
  let linkLogged = false
  emu.events.on('started', (d: { userCode: string }) => {
    setTimeout(() => {
      linkLogged = runner.log.some((l) => l.includes(d.userCode))
      emu.approve(d.userCode, 'alice')
    }, 50)
  })
  await runMain()
  expect(runner.failed).toEqual([])
  expect(linkLogged).toBe(true)
  expect(runner.outputs).toMatchObject({
    'aws-account-id': '111122223333',
    profile: 'my-dev-profile',
    'approved-by': 'alice'
  })
  expect(runner.outputs.arn).toMatch(
    /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice$/
  )
  const session = emu.roleSessions()[0]
  expect(runner.exported).toEqual({
    AWS_ACCESS_KEY_ID: session.accessKeyId,
    AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
    AWS_SESSION_TOKEN: session.sessionToken,
    AWS_REGION: 'us-west-2',
    AWS_DEFAULT_REGION: 'us-west-2'
  })
  // Every secret is masked, the SSO token among them, before the step ends.
  const token = emu.tokens()[0]
  for (const s of [
    INPUTS['github-token'],
    token.accessToken,
    session.secretAccessKey,
    session.sessionToken
  ])
    expect(runner.secrets).toContain(s)
  expect(runner.summary).toContain('approved')
  expect(existsSync(path.join(home, '.aws', 'config'))).toBe(true)
  expect(readFileSync(path.join(home, '.aws', 'config'), 'utf8')).toContain(
    '[profile my-dev-profile]'
  )
  // No raw post marker: post is its own entry (dist/post.js), and the state holds the session only.
  expect(Object.keys(runner.state)).toEqual(['session'])

  await runPost()
  expect(runner.failed).toEqual([])
  expect(emu.tokens()[0].revoked).toBe(true)
  expect(existsSync(path.join(home, '.aws', 'config'))).toBe(false)
  expect(runner.log.join('\n')).toMatch(/Signed out of IAM Identity Center/)
})

test('main: a bad input fails the step before any network call; post then has nothing to do', async () => {
  runner.reset({ ...INPUTS, 'account-id': '12345' })
  const calls = emu.calls().length
  await runMain()
  expect(runner.failed).toHaveLength(1)
  expect(runner.failed[0]).toMatch(/account-id/)
  expect(emu.calls().length).toBe(calls)
  expect(runner.outputs).toEqual({})
  expect(runner.exported).toEqual({})
  await runPost()
  expect(runner.log.join('\n')).toMatch(/nothing to sign out of or clean up/)
})

test('main: the approver denies; the step fails, nothing is exported or written', async () => {
  runner.reset(INPUTS)
  emu.events.on('started', (d: { userCode: string }) =>
    setTimeout(() => emu.deny(d.userCode), 50)
  )
  await runMain()
  expect(runner.failed.join('\n')).toMatch(/denied/)
  expect(runner.outputs).toEqual({})
  expect(runner.exported).toEqual({})
  expect(existsSync(path.join(home, '.aws', 'config'))).toBe(false)
})
