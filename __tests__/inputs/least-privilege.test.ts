/** sign-out-early and allowed-account-ids: read, defaulted, and refused before any request. */
import { InputError } from '../../src/inputs/rules.js'
import { readLoginRequest } from '../../src/inputs/reader.js'
import { parseCliArgs } from '../../src/cli/args.js'
import { cliHelp } from '../../src/cli/help.js'

const SEED: Record<string, string> = {
  'start-url': 'https://my-sso-portal.awsapps.com/start',
  'sso-region': 'us-east-1',
  'account-id': '111122223333',
  'role-name': 'DeveloperAccess'
}
const read = (overrides: Record<string, string> = {}) =>
  readLoginRequest((n) => ({ ...SEED, ...overrides })[n] ?? '')
function errorOf(overrides: Record<string, string>): InputError {
  try {
    read(overrides)
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error(`expected an InputError for ${JSON.stringify(overrides)}`)
}

describe('sign-out-early', () => {
  test('off by default; true sets it', () => {
    expect(read().signIn.mode.kind).toBe('job')
    expect(read({ 'sign-out-early': 'true' }).signIn.mode.kind).toBe(
      'sign-out-early'
    )
    expect(read({ 'sign-out-early': 'false' }).signIn.mode.kind).toBe('job')
  })
  test('not a boolean', () => {
    expect(errorOf({ 'sign-out-early': 'yes please' }).message).toMatch(
      /^Input "sign-out-early": /
    )
  })
  test.each([
    ['keep-session', { 'keep-session': 'true' }],
    ['reuse-session', { 'reuse-session': 'true' }]
  ])('with %s: an input error naming both inputs', (other, extra) => {
    const e = errorOf({ 'sign-out-early': 'true', ...extra })
    expect(e.input).toBe('sign-out-early')
    expect(e.message).toContain('Input "sign-out-early"')
    expect(e.message).toContain(`${other}: true`)
  })
  test('keep-session false / reuse-session false are fine with it', () => {
    expect(
      read({
        'sign-out-early': 'true',
        'keep-session': 'false',
        'reuse-session': 'false'
      }).signIn.mode.kind
    ).toBe('sign-out-early')
  })
  test('the CLI flag --sign-out-early reads the same input', () => {
    const args = parseCliArgs(
      [
        '--start-url',
        SEED['start-url'],
        '--sso-region',
        'us-east-1',
        '--account-id',
        '111122223333',
        '--role-name',
        'R',
        '--sign-out-early'
      ],
      {}
    )
    expect(readLoginRequest(args.get).signIn.mode.kind).toBe('sign-out-early')
    expect(cliHelp()).toContain('--sign-out-early')
    expect(cliHelp()).toContain('--allowed-account-ids')
  })
})

describe('allowed-account-ids', () => {
  test('absent by default; a list is trimmed and de-duplicated', () => {
    expect(read().files.allowedAccountIds).toBeUndefined()
    expect(
      read({
        'allowed-account-ids': ' 111122223333 , 444455556666,111122223333 '
      }).files.allowedAccountIds
    ).toEqual(['111122223333', '444455556666'])
  })
  test.each([
    ['too short', '1234', 'each entry must be 12 digits, got "1234"'],
    [
      'with dashes',
      '1111-2222-3333',
      'each entry must be 12 digits (no spaces or dashes), got "1111-2222-3333"'
    ],
    ['one bad among good', '111122223333,abc', 'got "abc"'],
    [
      'space-separated',
      '111122223333 444455556666',
      'separate the account ids with commas, got "111122223333 444455556666"'
    ],
    [
      'only commas',
      ' , ,',
      'must list 12-digit account ids separated by commas'
    ]
  ])('%s', (_label, value, message) => {
    const e = errorOf({ 'allowed-account-ids': value })
    expect(e.input).toBe('allowed-account-ids')
    expect(e.message).toContain('Input "allowed-account-ids": ')
    expect(e.message).toContain(message)
  })
  test('control characters are refused like every input', () => {
    expect(errorOf({ 'allowed-account-ids': '111122223333\u202e' }).input).toBe(
      'allowed-account-ids'
    )
  })
})
