/** sourceIdentityFor: an Identity Center user name reduced to what STS accepts as SourceIdentity, or refused. */
import fc from 'fast-check'
import { CredentialsError } from '../../src/aws/credentials.js'
import {
  SOURCE_IDENTITY_PATTERN,
  SourceIdentityError,
  sourceIdentityFor
} from '../../src/core/source-identity.js'
import { sessionNameFor } from '../../src/core/chain.js'

test.each([
  ['alice', 'alice'],
  ['alice@example.com', 'alice@example.com'],
  ['first.last+ops=1,x-y_z', 'first.last+ops=1,x-y_z'],
  // accents and compatibility forms: their ASCII base letter
  ['Zoë', 'Zoe'],
  ['José.Núñez@example.com', 'Jose.Nunez@example.com'],
  ['ﬁona', 'fiona'],
  ['ＡＢＣ', 'ABC'],
  // anything else: one _ per run
  ['Alice Smith', 'Alice_Smith'],
  ['  alice  ', 'alice'],
  ['a  /  b', 'a_b'],
  ['domain\\alice', 'domain_alice'],
  ['aws:alice', 'aws_alice'],
  ['Straße', 'Stra_e'],
  ['王alice', '_alice'],
  ['ab', 'ab'],
  ['__', '__']
])('%j → %j', (name, expected) => {
  const got = sourceIdentityFor(name)
  expect(got).toBe(expected)
  expect(got).toMatch(SOURCE_IDENTITY_PATTERN)
})

test('cut to 64 characters (Identity Center allows 128)', () => {
  const long = `${'a'.repeat(60)}@example.com`
  expect(sourceIdentityFor(long)).toBe(`${'a'.repeat(60)}@exa`)
  expect(sourceIdentityFor('é'.repeat(80))).toBe('e'.repeat(64))
  // a run of replaced characters straddling the cut stays one _
  expect(sourceIdentityFor(`${'a'.repeat(63)}   b`)).toBe(`${'a'.repeat(63)}_`)
})

test.each([
  ['nothing left', '王小明'],
  ['only symbols', '!!! ###'],
  ['one usable character', 'a'],
  ['one usable character among others', '王a明'],
  ['white space only', '   '],
  ['empty', '']
])(
  'refused when %s (%j): SourceIdentityError, a CredentialsError naming the user',
  (_what, name) => {
    let error: unknown
    try {
      sourceIdentityFor(name)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SourceIdentityError)
    expect(error).toBeInstanceOf(CredentialsError)
    expect((error as SourceIdentityError).userName).toBe(name)
    expect((error as Error).message).toContain(JSON.stringify(name))
    expect((error as Error).message).toContain(
      'nothing was written or exported'
    )
  }
)

/** The name's own characters STS accepts, after NFKD with marks dropped (the test's oracle). */
const usable = (name: string) =>
  Array.from(name.normalize('NFKD'))
    .filter((c) => !/\p{M}/u.test(c) && /^[\w+=,.@-]$/.test(c))
    .join('')

test('property: any user name gives a value STS accepts, made of its own usable characters in order, or SourceIdentityError when fewer than 2 remain', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 128 }), (name) => {
      const own = usable(name)
      if (own.length < 2) {
        expect(() => sourceIdentityFor(name)).toThrow(SourceIdentityError)
        return
      }
      const got = sourceIdentityFor(name)
      expect(got).toMatch(SOURCE_IDENTITY_PATTERN)
      // Without the _ (the name's own or a replacement), what remains is the start of the name's usable characters.
      expect(own.replace(/_/g, '').startsWith(got.replace(/_/g, ''))).toBe(true)
      if (own.length <= 64 && usable(name) === name.trim().normalize('NFKD'))
        expect(got).toBe(own)
    })
  )
  fc.assert(
    fc.property(fc.stringMatching(/^[\w+=,.@-]{2,64}$/), (name) => {
      expect(sourceIdentityFor(name)).toBe(name)
      // the same value as the default role-session-name, so CloudTrail's session name and source identity agree
      expect(sessionNameFor(name)).toBe(name)
    })
  )
})
