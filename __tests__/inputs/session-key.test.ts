/** A session-key must be strong by an honest estimate: the sealed output is in the logs, the key alone protects it. */
import { randomBytes } from 'node:crypto'
import { readLoginRequest } from '../../src/inputs/reader.js'
import { InputError } from '../../src/inputs/rules.js'
import {
  MIN_SESSION_KEY_BITS,
  repeatedUnitLength,
  sessionKeyBits
} from '../../src/inputs/session-key.js'

const SEED: Record<string, string> = {
  'start-url': 'https://my-sso-portal.awsapps.com/start',
  'sso-region': 'us-east-1',
  'account-id': '111122223333',
  'role-name': 'DeveloperAccess'
}
const share = (key: string) =>
  readLoginRequest(
    (name) =>
      ({ ...SEED, 'share-session': 'true', 'session-key': key })[name] ?? ''
  )
const use = (key: string) =>
  readLoginRequest(
    (name) => ({ session: 'icl1.x', 'session-key': key })[name] ?? ''
  )
function refusal(read: () => unknown): string {
  try {
    read()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('expected the key to be refused')
}

const WEAK: [string, string][] = [
  ['32 × a', 'a'.repeat(32)],
  ['64 × a', 'a'.repeat(64)],
  ['abcd repeated', 'abcd'.repeat(10)],
  ['a repeated word', 'password'.repeat(5)],
  ['a repeated base64 chunk', 'Zm9vYmFyYmF6cXV4'.repeat(3)],
  ['a repeated unit cut short', 'correcthorse'.repeat(4).slice(0, 44)],
  ['two characters, long', 'ab'.repeat(10) + 'ba'.repeat(10) + 'aabb'],
  ['32 decimal digits', '31415926535897932384626433832795']
]

test.each(WEAK)(
  'a weak key (%s) is refused by share-session and session, naming session-key and openssl rand -base64 32, never showing it',
  (_name, key) => {
    for (const read of [() => share(key), () => use(key)]) {
      const message = refusal(read)
      expect(message).toMatch(
        /^Input "session-key": is too weak: about \d+ bits/
      )
      expect(message).toContain('openssl rand -base64 32')
      expect(message).not.toContain(key)
    }
  }
)

test('random keys from openssl rand -hex 32 and -base64 32 pass, 50 of each', () => {
  for (let i = 0; i < 50; i++) {
    const hex = randomBytes(32).toString('hex')
    const b64 = randomBytes(32).toString('base64')
    expect(hex).toHaveLength(64)
    expect(b64).toHaveLength(44)
    expect(share(hex).signIn.mode).toMatchObject({ kind: 'shared', key: hex })
    expect(use(b64).signIn.mode).toMatchObject({
      kind: 'from-shared',
      token: { from: 'session', key: b64 }
    })
    expect(sessionKeyBits(hex)).toBeGreaterThanOrEqual(MIN_SESSION_KEY_BITS)
    expect(sessionKeyBits(b64)).toBeGreaterThanOrEqual(MIN_SESSION_KEY_BITS)
  }
})

test('the estimate: length × log2(distinct characters), a repeated unit counted once', () => {
  expect(sessionKeyBits('a'.repeat(100))).toBe(0)
  expect(sessionKeyBits('0123456789abcdef'.repeat(1))).toBe(64)
  expect(sessionKeyBits('0123456789abcdef'.repeat(4))).toBe(64)
  expect(sessionKeyBits('0123456789abcdef' + 'fedcba9876543210')).toBe(128)
  expect(repeatedUnitLength(Array.from('abcabcab'))).toBe(3)
  expect(repeatedUnitLength(Array.from('abcab'))).toBe(5)
  expect(repeatedUnitLength(Array.from('abab'))).toBe(2)
})
