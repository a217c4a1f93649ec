/** The emulator's SigV4 verifier, against AWS's published test vectors and the SDK's own signer. */
import { createHash, createHmac } from 'node:crypto'
import { SignatureV4 } from '@smithy/signature-v4'
import {
  canonicalQuery,
  parseAuth,
  parseQuery,
  signRequest,
  uriEncode,
  verifySignature,
  type SigV4Request
} from '../../emulator/sigv4.js'

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'

/** node:crypto behind the SDK's Checksum interface. */
class Sha256 {
  private h: ReturnType<typeof createHash> | ReturnType<typeof createHmac>
  constructor(secret?: string | Uint8Array) {
    this.h = secret ? createHmac('sha256', secret as any) : createHash('sha256')
  }
  update(data: string | Uint8Array): void {
    this.h.update(data as any)
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest())
  }
  reset(): void {}
}

function vectorRequest(url: string): SigV4Request {
  return {
    method: 'GET',
    url,
    headers: [
      ['Host', 'example.amazonaws.com'],
      ['X-Amz-Date', '20150830T123600Z']
    ],
    body: ''
  }
}

function withAuth(req: SigV4Request, signature: string): SigV4Request {
  return {
    ...req,
    headers: [
      ...req.headers,
      [
        'Authorization',
        `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`
      ]
    ]
  }
}

const at = Date.UTC(2015, 7, 30, 12, 36, 0)

describe('sigv4 verification', () => {
  test.each([
    [
      'get-vanilla',
      '/',
      '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'
    ],
    [
      'get-vanilla-query-order-key-case',
      '/?Param2=value2&Param1=value1',
      'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500'
    ]
  ])('AWS test suite vector %s', (_name, url, signature) => {
    const req = withAuth(vectorRequest(url), signature)
    const parsed = parseAuth(req)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.auth).toMatchObject({
      accessKeyId: 'AKIDEXAMPLE',
      region: 'us-east-1',
      service: 'service',
      date: '20150830'
    })
    expect(verifySignature(req, parsed.auth, SECRET, { now: at }).ok).toBe(true)
    expect(
      verifySignature(req, parsed.auth, SECRET.replace('K7', 'K8'), { now: at })
        .ok
    ).toBe(false)
    // A signature outside the 15 minute window is refused, a wrong service scope too.
    const late = verifySignature(req, parsed.auth, SECRET, {
      now: at + 16 * 60_000
    })
    expect(late.ok || late.reason).toBe('expired')
    expect(
      verifySignature(req, parsed.auth, SECRET, { now: at, service: 'sts' }).ok
    ).toBe(false)
  })

  test('agrees with @smithy/signature-v4 on paths, repeated and encoded query values, headers with odd spacing, and the body', async () => {
    const signer = new SignatureV4({
      credentials: {
        accessKeyId: 'ASIAEXAMPLE',
        secretAccessKey: SECRET,
        sessionToken: 'token/with+chars='
      },
      region: 'eu-west-1',
      service: 'sts',
      sha256: Sha256 as any
    })
    const query = { b: ['2', '1'], a: 'x y/z', ü: 'ä~*' }
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4000,
      path: '/x/a%20b',
      query,
      headers: {
        host: '127.0.0.1:4000',
        'content-type': 'application/x-www-form-urlencoded',
        'x-custom': '  two   spaces  '
      },
      body: 'Action=GetCallerIdentity&Version=2011-06-15'
    } as any)
    const qs = Object.entries(query)
      .flatMap(([k, v]) =>
        (Array.isArray(v) ? v : [v]).map(
          (x) => `${uriEncode(k)}=${uriEncode(x)}`
        )
      )
      .join('&')
    const req: SigV4Request = {
      method: 'POST',
      url: `/x/a%20b?${qs}`,
      headers: Object.entries(
        (signed as any).headers as Record<string, string>
      ),
      body: Buffer.from('Action=GetCallerIdentity&Version=2011-06-15')
    }
    const parsed = parseAuth(req)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.auth.securityToken).toBe('token/with+chars=')
    expect(
      verifySignature(req, parsed.auth, SECRET, { service: 'sts' })
    ).toMatchObject({ ok: true })
    // Any change the signature covers breaks it.
    expect(
      verifySignature(
        {
          ...req,
          body: Buffer.from('Action=GetCallerIdentity&Version=2011-06-16')
        },
        parsed.auth,
        SECRET
      ).ok
    ).toBe(false)
    expect(
      verifySignature(
        { ...req, url: req.url.replace('x%20y', 'x%20z') },
        parsed.auth,
        SECRET
      ).ok
    ).toBe(false)
    expect(
      verifySignature({ ...req, method: 'PUT' }, parsed.auth, SECRET).ok
    ).toBe(false)
  })

  test('presigned query form', async () => {
    const signer = new SignatureV4({
      credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: SECRET },
      region: 'us-east-1',
      service: 'sts',
      sha256: Sha256 as any
    })
    const presigned = await signer.presign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname: 'localhost',
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: 'localhost' }
      } as any,
      { expiresIn: 60 }
    )
    const qs = Object.entries(presigned.query as Record<string, string>)
      .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
      .join('&')
    const req: SigV4Request = {
      method: 'GET',
      url: `/?${qs}`,
      headers: [['host', 'localhost']],
      body: ''
    }
    const parsed = parseAuth(req)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.auth.presigned).toBe(true)
    expect(verifySignature(req, parsed.auth, SECRET).ok).toBe(true)
    expect(verifySignature(req, parsed.auth, 'other').ok).toBe(false)
  })

  test('signRequest (the emulator-side signer) round-trips; missing / malformed auth is reported', () => {
    const headers = signRequest(
      { method: 'POST', url: '/', headers: { host: 'h:1' }, body: 'a=b' },
      { accessKeyId: 'AK', secretAccessKey: 'S', sessionToken: 'T' },
      'us-east-1',
      'sts'
    )
    const req: SigV4Request = {
      method: 'POST',
      url: '/',
      headers: Object.entries(headers),
      body: 'a=b'
    }
    const parsed = parseAuth(req)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(parsed.auth.securityToken).toBe('T')
    expect(verifySignature(req, parsed.auth, 'S').ok).toBe(true)
    expect(parseAuth({ ...req, headers: [['host', 'h:1']] })).toMatchObject({
      ok: false,
      reason: 'missing'
    })
    expect(
      parseAuth({ ...req, headers: [['authorization', 'Bearer x']] })
    ).toMatchObject({ ok: false, reason: 'malformed' })
  })

  test('canonical query: RFC 3986 encoding, sorted by key then value', () => {
    expect(canonicalQuery(parseQuery('b=2&a=%20x&b=1&c'))).toBe(
      'a=%20x&b=1&b=2&c='
    )
    expect(uriEncode("a b*'()!~")).toBe('a%20b%2A%27%28%29%21~')
  })
})
