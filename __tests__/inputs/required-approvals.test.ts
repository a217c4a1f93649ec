/** required-approvals: 1-3, default 1 (not set on the request); more than one is refused with reuse-session. */
import { InputError } from '../../src/inputs/rules.js'
import { readLoginRequest } from '../../src/inputs/reader.js'
import { parseCliArgs } from '../../src/cli/args.js'

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

test('default and 1 leave the request as it was; 2 and 3 are set', () => {
  expect(read().signIn.requiredApprovals).toBeUndefined()
  expect(read({ 'required-approvals': '1' })).toEqual(read())
  expect(read({ 'required-approvals': '2' }).signIn.requiredApprovals).toBe(2)
  expect(read({ 'required-approvals': ' 3 ' }).signIn.requiredApprovals).toBe(3)
})

test.each(['0', '4', '2.5', 'two', '-1'])('%s is refused', (value) => {
  const e = errorOf({ 'required-approvals': value })
  expect(e.input).toBe('required-approvals')
  expect(e.message).toMatch(/must be a whole number from 1 to 3/)
})

test('more than one is refused with reuse-session (a cached sign-in had one approver), before any request', () => {
  const e = errorOf({ 'required-approvals': '2', 'reuse-session': 'true' })
  expect(e.input).toBe('required-approvals')
  expect(e.message).toMatch(/cannot be combined with reuse-session/)
  expect(
    read({ 'required-approvals': '1', 'reuse-session': 'true' }).signIn
      .requiredApprovals
  ).toBeUndefined()
})

test('allowed with session (the approvers come from the seal) and with share-session', () => {
  const key = 'Vq3xP9LmZ2tR7wKc4Yh8Nb6Jd1Fs5Ge0Ua-Qo_Xi' // a strong key (weak ones are refused)
  expect(
    read({
      'required-approvals': '2',
      'share-session': 'true',
      'session-key': key
    }).signIn.requiredApprovals
  ).toBe(2)
})

test('the CLI flag --required-approvals', () => {
  const args = parseCliArgs(
    [
      '--start-url',
      SEED['start-url'],
      '--sso-region',
      'us-east-1',
      '--account-id',
      '111122223333',
      '--role-name',
      'DeveloperAccess',
      '--required-approvals',
      '2'
    ],
    {}
  )
  expect(readLoginRequest(args.get).signIn.requiredApprovals).toBe(2)
})
