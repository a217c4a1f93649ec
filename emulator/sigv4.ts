/**
 * AWS Signature Version 4 verification (and signing, for tests) with node:crypto only.
 *
 * Supports the Authorization-header form (what the SDKs send) and the presigned query form
 * (X-Amz-Algorithm / X-Amz-Credential / X-Amz-Signature in the query string).
 * Canonical request = method, canonical URI (non-S3: each segment URI-encoded again), sorted canonical query,
 * canonical headers (lowercase names, trimmed values with inner whitespace runs collapsed), signed header list,
 * payload hash (x-amz-content-sha256 when present, else SHA-256 of the body).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

export const ALGORITHM = 'AWS4-HMAC-SHA256'

export interface SigV4Request {
  method: string
  /** Raw request target as received: path plus optional `?query`, still percent-encoded. */
  url: string
  /** Header name/value pairs as received (duplicates allowed, e.g. Node's `req.rawHeaders` paired up). */
  headers: Array<[string, string]>
  body: Buffer | string
}

export interface ParsedAuth {
  accessKeyId: string
  date: string // yyyymmdd from the credential scope
  region: string
  service: string
  signedHeaders: string[]
  signature: string
  /** X-Amz-Date (header or query), e.g. 20240101T000000Z. */
  amzDate: string
  /** X-Amz-Security-Token (header or query), if any. */
  securityToken?: string
  presigned: boolean
}

export type ParseResult =
  | { ok: true; auth: ParsedAuth }
  | { ok: false; reason: 'missing' | 'malformed'; message: string }

export type VerifyResult =
  | { ok: true; canonicalRequest: string; stringToSign: string }
  | {
      ok: false
      reason: 'signature' | 'expired' | 'scope'
      message: string
      canonicalRequest?: string
      stringToSign?: string
    }

/** RFC 3986 encoding as AWS wants it: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded (uppercase hex). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()
  )
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex')
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest()
}

export function signingKey(
  secretAccessKey: string,
  date: string,
  region: string,
  service: string
): Buffer {
  const kDate = hmac('AWS4' + secretAccessKey, date)
  const kRegion = hmac(kDate, region)
  const kService = hmac(kRegion, service)
  return hmac(kService, 'aws4_request')
}

function splitUrl(url: string): { path: string; query: string } {
  const i = url.indexOf('?')
  return i < 0
    ? { path: url || '/', query: '' }
    : { path: url.slice(0, i) || '/', query: url.slice(i + 1) }
}

/** Query pairs, decoded. `+` is taken literally (SigV4 clients encode spaces as %20). */
export function parseQuery(query: string): Array<[string, string]> {
  if (!query) return []
  return query
    .split('&')
    .filter((p) => p.length > 0)
    .map((p) => {
      const i = p.indexOf('=')
      return i < 0
        ? [safeDecode(p), '']
        : [safeDecode(p.slice(0, i)), safeDecode(p.slice(i + 1))]
    })
}

export function canonicalUri(rawPath: string): string {
  // Non-S3 services: normalise the path, then encode each (already encoded) segment once more.
  const segments = rawPath.split('/')
  const out: string[] = []
  for (const seg of segments.slice(1)) {
    if (seg === '.') continue
    if (seg === '..') {
      out.pop()
      continue
    }
    out.push(seg)
  }
  const normalised = '/' + out.join('/')
  return normalised
    .split('/')
    .map((seg) => uriEncode(seg))
    .join('/')
}

export function canonicalQuery(
  pairs: Array<[string, string]>,
  exclude: string[] = []
): string {
  return pairs
    .filter(([k]) => !exclude.includes(k))
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as [string, string])
    .sort((a, b) =>
      a[0] < b[0]
        ? -1
        : a[0] > b[0]
          ? 1
          : a[1] < b[1]
            ? -1
            : a[1] > b[1]
              ? 1
              : 0
    )
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
}

function headerValues(
  headers: Array<[string, string]>,
  name: string
): string[] {
  const lower = name.toLowerCase()
  return headers.filter(([k]) => k.toLowerCase() === lower).map(([, v]) => v)
}

function headerValue(
  headers: Array<[string, string]>,
  name: string
): string | undefined {
  const values = headerValues(headers, name)
  return values.length ? values.join(',') : undefined
}

function canonicalHeaderValue(v: string): string {
  return v.trim().replace(/\s+/g, ' ')
}

/** Parse the SigV4 parameters from the Authorization header or the presigned query string. */
export function parseAuth(req: SigV4Request): ParseResult {
  const { query } = splitUrl(req.url)
  const qp = new Map(parseQuery(query))
  const authHeader = headerValue(req.headers, 'authorization')
  if (authHeader) {
    const m = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(authHeader.trim())
    if (!m)
      return {
        ok: false,
        reason: 'malformed',
        message: `Unsupported authorization type (expected ${ALGORITHM})`
      }
    const parts = new Map<string, string>()
    for (const piece of m[1].split(',')) {
      const i = piece.indexOf('=')
      if (i > 0) parts.set(piece.slice(0, i).trim(), piece.slice(i + 1).trim())
    }
    const credential = parts.get('Credential')
    const signedHeaders = parts.get('SignedHeaders')
    const signature = parts.get('Signature')
    if (!credential || !signedHeaders || !signature) {
      return {
        ok: false,
        reason: 'malformed',
        message:
          'Authorization header requires Credential, SignedHeaders and Signature parameters'
      }
    }
    const scope = credential.split('/')
    if (scope.length !== 5 || scope[4] !== 'aws4_request') {
      return {
        ok: false,
        reason: 'malformed',
        message: `Credential should be scoped to a valid region, service and aws4_request: ${credential}`
      }
    }
    const amzDate = headerValue(req.headers, 'x-amz-date') ?? ''
    if (!/^\d{8}T\d{6}Z$/.test(amzDate)) {
      return {
        ok: false,
        reason: 'malformed',
        message: 'Missing or malformed X-Amz-Date header'
      }
    }
    return {
      ok: true,
      auth: {
        accessKeyId: scope[0],
        date: scope[1],
        region: scope[2],
        service: scope[3],
        signedHeaders: signedHeaders
          .split(';')
          .map((h) => h.trim().toLowerCase()),
        signature: signature.toLowerCase(),
        amzDate,
        securityToken: headerValue(req.headers, 'x-amz-security-token'),
        presigned: false
      }
    }
  }
  if (qp.has('X-Amz-Signature') || qp.has('X-Amz-Algorithm')) {
    if (qp.get('X-Amz-Algorithm') !== ALGORITHM)
      return {
        ok: false,
        reason: 'malformed',
        message: `X-Amz-Algorithm must be ${ALGORITHM}`
      }
    const scope = (qp.get('X-Amz-Credential') ?? '').split('/')
    const amzDate = qp.get('X-Amz-Date') ?? ''
    const signature = qp.get('X-Amz-Signature') ?? ''
    const signedHeaders = qp.get('X-Amz-SignedHeaders') ?? ''
    if (
      scope.length !== 5 ||
      scope[4] !== 'aws4_request' ||
      !/^\d{8}T\d{6}Z$/.test(amzDate) ||
      !signature ||
      !signedHeaders
    ) {
      return {
        ok: false,
        reason: 'malformed',
        message: 'Malformed presigned SigV4 query parameters'
      }
    }
    return {
      ok: true,
      auth: {
        accessKeyId: scope[0],
        date: scope[1],
        region: scope[2],
        service: scope[3],
        signedHeaders: signedHeaders.split(';').map((h) => h.toLowerCase()),
        signature: signature.toLowerCase(),
        amzDate,
        securityToken: qp.get('X-Amz-Security-Token'),
        presigned: true
      }
    }
  }
  return {
    ok: false,
    reason: 'missing',
    message: 'Request is missing Authentication Token'
  }
}

export function buildCanonicalRequest(
  req: SigV4Request,
  auth: Pick<ParsedAuth, 'signedHeaders' | 'presigned'>
): string {
  const { path, query } = splitUrl(req.url)
  const cq = canonicalQuery(
    parseQuery(query),
    auth.presigned ? ['X-Amz-Signature'] : []
  )
  const signed = [...auth.signedHeaders].sort()
  const ch = signed
    .map(
      (name) =>
        `${name}:${headerValues(req.headers, name).map(canonicalHeaderValue).join(',')}\n`
    )
    .join('')
  const payloadHash =
    headerValue(req.headers, 'x-amz-content-sha256') ?? sha256Hex(req.body)
  return [
    req.method.toUpperCase(),
    canonicalUri(path),
    cq,
    ch,
    signed.join(';'),
    payloadHash
  ].join('\n')
}

export function buildStringToSign(
  amzDate: string,
  scope: string,
  canonicalRequest: string
): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n')
}

export function computeSignature(
  secretAccessKey: string,
  auth: Pick<ParsedAuth, 'date' | 'region' | 'service' | 'amzDate'>,
  canonicalRequest: string
): { signature: string; stringToSign: string } {
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`
  const stringToSign = buildStringToSign(auth.amzDate, scope, canonicalRequest)
  const signature = createHmac(
    'sha256',
    signingKey(secretAccessKey, auth.date, auth.region, auth.service)
  )
    .update(stringToSign, 'utf8')
    .digest('hex')
  return { signature, stringToSign }
}

function amzDateToMs(amzDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate)
  if (!m) return NaN
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])
}

export interface VerifyOptions {
  /** Expected service in the credential scope (e.g. 'sts'); omitted = any. */
  service?: string
  /** Allowed clock skew for header-signed requests, ms (AWS: 15 minutes). */
  maxSkewMs?: number
  now?: number
}

/** Verify a parsed request against the secret key. */
export function verifySignature(
  req: SigV4Request,
  auth: ParsedAuth,
  secretAccessKey: string,
  options: VerifyOptions = {}
): VerifyResult {
  if (options.service && auth.service !== options.service) {
    return {
      ok: false,
      reason: 'scope',
      message: `Credential should be scoped to correct service: '${options.service}'.`
    }
  }
  if (auth.date !== auth.amzDate.slice(0, 8)) {
    return {
      ok: false,
      reason: 'scope',
      message: `Credential should be scoped to a valid date: '${auth.amzDate.slice(0, 8)}'.`
    }
  }
  if (!auth.signedHeaders.includes('host')) {
    return {
      ok: false,
      reason: 'signature',
      message: "'Host' must be a 'SignedHeader' in the AWS Authorization."
    }
  }
  const declared = headerValue(req.headers, 'x-amz-content-sha256')
  if (
    declared &&
    /^[0-9a-f]{64}$/i.test(declared) &&
    declared.toLowerCase() !== sha256Hex(req.body)
  ) {
    return {
      ok: false,
      reason: 'signature',
      message:
        "The provided 'x-amz-content-sha256' header does not match what was computed."
    }
  }
  const canonicalRequest = buildCanonicalRequest(req, auth)
  const { signature, stringToSign } = computeSignature(
    secretAccessKey,
    auth,
    canonicalRequest
  )
  const a = Buffer.from(signature, 'utf8')
  const b = Buffer.from(auth.signature, 'utf8')
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return {
      ok: false,
      reason: 'signature',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      canonicalRequest,
      stringToSign
    }
  }
  const now = options.now ?? Date.now()
  const signedAt = amzDateToMs(auth.amzDate)
  const maxSkew = options.maxSkewMs ?? 15 * 60 * 1000
  if (!auth.presigned && Math.abs(now - signedAt) > maxSkew) {
    return {
      ok: false,
      reason: 'expired',
      message: `Signature expired: ${auth.amzDate} is now earlier or later than the allowed 15 minute window.`,
      canonicalRequest,
      stringToSign
    }
  }
  return { ok: true, canonicalRequest, stringToSign }
}

/** Pair up Node's `req.rawHeaders` into a SigV4Request. */
export function toSigV4Request(
  method: string,
  url: string,
  rawHeaders: string[],
  body: Buffer
): SigV4Request {
  const headers: Array<[string, string]> = []
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    headers.push([rawHeaders[i], rawHeaders[i + 1]])
  return { method, url, headers, body }
}

/** Sign a request (Authorization header form): used by tests and by the emulator's own self-checks. */
export function signRequest(
  req: {
    method: string
    url: string
    headers: Record<string, string>
    body: string | Buffer
  },
  creds: {
    accessKeyId: string
    secretAccessKey: string
    sessionToken?: string
  },
  region: string,
  service: string,
  now = new Date()
): Record<string, string> {
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  const headers: Record<string, string> = {
    ...req.headers,
    'x-amz-date': amzDate
  }
  if (creds.sessionToken) headers['x-amz-security-token'] = creds.sessionToken
  const signedHeaders = Object.keys(headers)
    .map((h) => h.toLowerCase())
    .sort()
  const auth = {
    date: amzDate.slice(0, 8),
    region,
    service,
    amzDate,
    signedHeaders,
    presigned: false
  }
  const sreq: SigV4Request = {
    method: req.method,
    url: req.url,
    headers: Object.entries(headers),
    body: req.body
  }
  const { signature } = computeSignature(
    creds.secretAccessKey,
    auth,
    buildCanonicalRequest(sreq, auth)
  )
  headers.authorization = `${ALGORITHM} Credential=${creds.accessKeyId}/${auth.date}/${region}/${service}/aws4_request, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`
  return headers
}
