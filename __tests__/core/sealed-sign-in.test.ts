import {
  openSeal,
  sealSignIn,
  SealError,
  SEAL_VERSION,
  type SealBinding,
  type SealRefusal,
  type SharedSignIn
} from '../../src/core/sealed-sign-in.js'

const KEY = 'k3y-0f-at-least-32-characters-long!!'
const BINDING: SealBinding = { repository: 'acme/deploy', runId: '4242' }
const NOW = Date.parse('2026-12-02T10:00:00Z')
// A token the size of a real one (IAM Identity Center access tokens are several hundred characters).
const TOKEN = 'aoaAAAAAGl' + 'x'.repeat(700) + 'TOKENEND'
const SIGN_IN: SharedSignIn = {
  accessToken: TOKEN,
  startUrl: 'https://my-sso-portal.awsapps.com/start',
  ssoRegion: 'us-east-1',
  ssoSession: 'my-sso',
  expiresAt: new Date(NOW + 8 * 3600_000),
  accountId: '111122223333',
  roleName: 'DeveloperAccess'
}
const open = (
  sealed: string,
  key = KEY,
  binding = BINDING,
  minValiditySeconds: number | null = 900,
  now = NOW
) => openSeal(sealed, key, binding, { minValiditySeconds, now })

async function refusal(
  p: Promise<unknown>
): Promise<{ refusal: SealRefusal; input: string; message: string }> {
  try {
    await p
  } catch (error) {
    expect(error).toBeInstanceOf(SealError)
    const e = error as SealError
    return { refusal: e.refusal, input: e.input, message: e.message }
  }
  throw new Error('expected a refusal')
}

let sealed: string
beforeAll(async () => {
  sealed = await sealSignIn(SIGN_IN, KEY, BINDING)
})

test('round trip: the same sign-in comes out, to the second', async () => {
  const got = await open(sealed)
  expect(got).toEqual({
    ...SIGN_IN,
    expiresAt: new Date(Math.floor(SIGN_IN.expiresAt.getTime() / 1000) * 1000)
  })
})

test('compact and far below GitHub output limits; base64url only; a fresh salt and IV every time', async () => {
  expect(sealed).toMatch(/^icl1\.4242\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){4}$/)
  // payload ≈ token + ~150 characters of JSON, × 4/3, plus a header of ≈ 90 characters
  expect(sealed.length).toBeLessThan(
    Math.ceil(((TOKEN.length + 200) * 4) / 3) + 100
  )
  expect(sealed.length).toBeLessThan((1024 * 1024) / 100)
  const again = await sealSignIn(SIGN_IN, KEY, BINDING)
  expect(again).not.toBe(sealed)
  expect(again.split('.')[3]).not.toBe(sealed.split('.')[3])
  expect(again.split('.')[4]).not.toBe(sealed.split('.')[4])
})

test('no secret in clear: neither the token, its pieces, nor the key, in any encoding', async () => {
  const decoded = sealed
    .split('.')
    .map((p) => Buffer.from(p, 'base64url').toString('latin1'))
    .join('\n')
  for (const secret of [
    TOKEN,
    TOKEN.slice(0, 16),
    'TOKENEND',
    KEY,
    'my-sso-portal',
    '111122223333',
    'DeveloperAccess'
  ]) {
    for (const form of [
      secret,
      Buffer.from(secret).toString('base64'),
      Buffer.from(secret).toString('base64url')
    ]) {
      expect(sealed.includes(form)).toBe(false)
      expect(decoded.includes(secret)).toBe(false)
    }
  }
})

test('a wrong key is refused as such (naming session-key, not showing it)', async () => {
  const r = await refusal(open(sealed, 'another-key-of-at-least-32-characters'))
  expect(r).toMatchObject({ refusal: 'wrong-key', input: 'session-key' })
  expect(r.message).not.toContain('another-key')
})

test('another run is refused, naming both runs', async () => {
  const r = await refusal(open(sealed, KEY, { ...BINDING, runId: '4243' }))
  expect(r).toMatchObject({ refusal: 'other-run', input: 'session' })
  expect(r.message).toContain('run 4242')
  expect(r.message).toContain('run 4243')
})

test('another repository is refused', async () => {
  expect(
    (await refusal(open(sealed, KEY, { ...BINDING, repository: 'acme/other' })))
      .refusal
  ).toBe('other-repository')
})

test('the run id in clear is authenticated: rewriting it to this run fails the integrity check', async () => {
  const other = await sealSignIn(SIGN_IN, KEY, { ...BINDING, runId: '1111' })
  const rewritten = other.replace(/^icl1\.1111\./, 'icl1.4242.')
  expect((await refusal(open(rewritten))).refusal).toBe('tampered')
})

test('a repository tag swapped in the clear header is refused', async () => {
  const parts = sealed.split('.')
  // Same header, repository changed only in the associated data: the tag check catches it first…
  expect(
    (
      await refusal(
        open(sealed, KEY, { ...BINDING, repository: 'acme/deploy2' })
      )
    ).refusal
  ).toBe('other-repository')
  // …and a header whose tag was swapped for the other repository's does not open here either.
  const otherRepo = (
    await sealSignIn(SIGN_IN, KEY, { ...BINDING, repository: 'acme/deploy2' })
  ).split('.')
  const swapped = [...parts.slice(0, 2), otherRepo[2], ...parts.slice(3)].join(
    '.'
  )
  expect((await refusal(open(swapped))).refusal).toBe('other-repository')
})

test('every changed character of the ciphertext, the IV or the key check is refused', async () => {
  const parts = sealed.split('.')
  const flip = (s: string, i: number) =>
    s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1)
  for (const [index, expected] of [
    [4, 'tampered'],
    [5, 'wrong-key'],
    [6, 'tampered'],
    [3, 'wrong-key']
  ] as const) {
    for (const at of [
      0,
      Math.floor(parts[index].length / 2),
      parts[index].length - 2
    ]) {
      const changed = parts
        .map((p, i) => (i === index ? flip(p, at) : p))
        .join('.')
      if (changed === sealed) continue
      const got = await refusal(open(changed))
      // A changed last character of a base64url field may decode to a different length: malformed is right too.
      expect([expected, 'malformed']).toContain(got.refusal)
    }
  }
})

test('truncated or garbage outputs are refused as not whole', async () => {
  for (const cut of [1, 10, 40, sealed.length - 30, sealed.length - 1]) {
    const r = await refusal(open(sealed.slice(0, cut)))
    expect(['malformed', 'tampered']).toContain(r.refusal)
  }
  expect(
    (await refusal(open(sealed.slice(0, sealed.lastIndexOf('.'))))).refusal
  ).toBe('malformed')
  expect((await refusal(open(sealed.slice(0, -30)))).refusal).toBe('tampered')
  for (const junk of [
    '',
    'hello',
    '***',
    `${sealed}.extra`,
    sealed.replace(/\./g, '')
  ])
    expect((await refusal(open(junk))).refusal).toBe('malformed')
  expect(
    (await refusal(open(sealed.replace(SEAL_VERSION, 'icl2')))).refusal
  ).toBe('version')
})

test('expired: says when it expired; too close to expiry: says when it expires and names min-validity', async () => {
  const past = await refusal(
    open(sealed, KEY, BINDING, 900, SIGN_IN.expiresAt.getTime() + 5 * 60_000)
  )
  expect(past.refusal).toBe('expired')
  expect(past.message).toContain(
    `expired at ${SIGN_IN.expiresAt.toISOString()}`
  )
  expect(past.message).toContain('5 min ago')
  const close = await refusal(
    open(sealed, KEY, BINDING, 900, SIGN_IN.expiresAt.getTime() - 600_000)
  )
  expect(close.refusal).toBe('expired')
  expect(close.message).toContain(
    `expires at ${SIGN_IN.expiresAt.toISOString()} (in 10 min)`
  )
  expect(close.message).toContain('min-validity')
  await expect(
    open(sealed, KEY, BINDING, 0, SIGN_IN.expiresAt.getTime() - 1000)
  ).resolves.toMatchObject({ accessToken: TOKEN })
  // end-session opens without the expiry check (and says itself that there is nothing to sign out).
  await expect(
    open(sealed, KEY, BINDING, null, SIGN_IN.expiresAt.getTime() + 3600_000)
  ).resolves.toMatchObject({ accessToken: TOKEN })
})

test('a run id that cannot be bound is refused when sealing', async () => {
  await expect(
    sealSignIn(SIGN_IN, KEY, { ...BINDING, runId: 'a.b' })
  ).rejects.toThrow(/run id/)
})

test('required-approvals: the approvers round-trip; a seal without them (made before required-approvals) opens as before', async () => {
  const approvers = [
    { name: 'alice', at: new Date(NOW - 60_000) },
    { name: 'bob', at: new Date(NOW - 1_000) }
  ]
  const withApprovers = await sealSignIn(
    { ...SIGN_IN, approvers },
    KEY,
    BINDING
  )
  expect((await open(withApprovers)).approvers).toEqual(approvers)
  expect((await open(sealed)).approvers).toBeUndefined()
  expect(Object.keys(await open(sealed))).not.toContain('approvers')
})
