/**
 * The names and contents of the IAM Identity Center caches in `~/.aws/sso/cache`, byte for byte as the AWS CLI v2
 * writes them (Python `json.dumps` with its default separators, timestamps `2026-01-01T12:00:00Z`), so the CLI,
 * botocore and the JS SDK all read and refresh them. sso-cache.ts reads, writes and removes the files.
 *
 * - token: `sha1(<sso-session name>).json`
 * - token for a profile without an sso-session (SDKs that predate it): `sha1(<start URL>).json`, same contents
 * - client registration: `sha1(json.dumps({"region", "scopes", "session_name", "startUrl", "tool": "botocore"}, sort_keys=True)).json`
 */
import { createHash } from 'node:crypto'
import path from 'node:path'

type Json =
  null | boolean | number | string | Json[] | { [k: string]: Json | undefined }

function pyString(s: string): string {
  let out = '"'
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const ch = s[i]
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    // ensure_ascii: everything outside printable ASCII as \uXXXX (UTF-16 units, so astral chars become surrogate pairs)
    else if (c < 0x20 || c > 0x7e)
      out += '\\u' + c.toString(16).padStart(4, '0')
    else out += ch
  }
  return out + '"'
}

function codePointCompare(a: string, b: string): number {
  const A = Array.from(a)
  const B = Array.from(b)
  for (let i = 0; i < Math.min(A.length, B.length); i++) {
    const d = (A[i].codePointAt(0) ?? 0) - (B[i].codePointAt(0) ?? 0)
    if (d !== 0) return d
  }
  return A.length - B.length
}

/**
 * Python's `json.dumps(value, sort_keys=…)` with default settings: separators `", "` and `": "`,
 * `ensure_ascii=True`. Keys whose value is `undefined` are skipped. Numbers must be integers.
 */
export function pythonJsonDumps(
  value: Json | undefined,
  opts: { sortKeys?: boolean } = {}
): string {
  if (value === null || value === undefined) return 'null'
  if (value === true) return 'true'
  if (value === false) return 'false'
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw new Error(
        `pythonJsonDumps: only integers are supported, got ${value}`
      )
    return String(value)
  }
  if (typeof value === 'string') return pyString(value)
  if (Array.isArray(value))
    return '[' + value.map((v) => pythonJsonDumps(v, opts)).join(', ') + ']'
  let keys = Object.keys(value).filter((k) => value[k] !== undefined)
  if (opts.sortKeys) keys = keys.sort(codePointCompare)
  return (
    '{' +
    keys
      .map((k) => `${pyString(k)}: ${pythonJsonDumps(value[k], opts)}`)
      .join(', ') +
    '}'
  )
}

export function sha1Hex(s: string): string {
  return createHash('sha1').update(s, 'utf8').digest('hex')
}

/** The content hash recorded for a cache file we wrote, and compared before removing it. */
export function contentHash(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex')
}

/** `2026-01-01T12:00:00Z`: UTC, seconds precision (truncated, like Python's strftime). */
export function formatCacheTime(date: Date): string {
  if (Number.isNaN(date.getTime()))
    throw new Error('formatCacheTime: invalid date')
  const iso = date.toISOString()
  if (!/^\d{4}-/.test(iso))
    throw new Error(`formatCacheTime: year out of range: ${iso}`)
  return iso.replace(/\.\d{3}Z$/, 'Z')
}

/**
 * Parse a cache timestamp: `2026-01-01T12:00:00Z` (CLI), `2026-01-01T12:00:00.000Z` (JS SDK) or with a
 * numeric offset. A zone is required (botocore compares it with an aware "now").
 */
export function parseCacheTime(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2}|UTC)$/i.exec(
      value.trim()
    )
  if (!m) return undefined
  const zone = m[8].toUpperCase()
  const norm = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ? m[7].slice(0, 4) : ''}${zone === 'Z' || zone === 'UTC' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`
  const d = new Date(norm)
  return Number.isNaN(d.getTime()) ? undefined : d
}

/** Token cache file name: `sha1(sessionName).json`. */
export function tokenCacheFile(cacheDir: string, sessionName: string): string {
  return path.join(cacheDir, `${sha1Hex(sessionName)}.json`)
}

/** The legacy token cache file name, `sha1(startUrl).json`: what SDKs without sso-session read (never refreshed). */
export function legacyTokenCacheFile(
  cacheDir: string,
  startUrl: string
): string {
  return path.join(cacheDir, `${sha1Hex(startUrl)}.json`)
}

export interface RegistrationKey {
  region: string
  /** `null`/undefined when the session has no `sso_registration_scopes` (the CLI then passes None). */
  scopes: string[] | null | undefined
  /** `null`/undefined for a legacy profile without an sso-session. */
  sessionName: string | null | undefined
  startUrl: string
}

/** The exact string the CLI hashes for the client registration cache name. */
export function registrationCacheKeyJson(key: RegistrationKey): string {
  return pythonJsonDumps(
    {
      region: key.region,
      scopes: key.scopes ?? null,
      session_name: key.sessionName ?? null,
      startUrl: key.startUrl,
      tool: 'botocore'
    },
    { sortKeys: true }
  )
}

/** Client registration cache file: `sha1(json.dumps({...}, sort_keys=True)).json`. */
export function registrationCacheFile(
  cacheDir: string,
  key: RegistrationKey
): string {
  return path.join(cacheDir, `${sha1Hex(registrationCacheKeyJson(key))}.json`)
}

export interface TokenInput {
  startUrl: string
  region: string
  accessToken: string
  expiresAt: Date
  /** The registration fields are absent only for a token reused from a cache that had none. */
  clientId?: string
  clientSecret?: string
  registrationExpiresAt?: Date
  refreshToken?: string
}

/** The token file's text exactly as the CLI writes it (key order and all). */
export function tokenCacheJson(token: TokenInput): string {
  return pythonJsonDumps({
    startUrl: token.startUrl,
    region: token.region,
    accessToken: token.accessToken,
    expiresAt: formatCacheTime(token.expiresAt),
    clientId: token.clientId || undefined,
    clientSecret: token.clientSecret || undefined,
    registrationExpiresAt: token.registrationExpiresAt
      ? formatCacheTime(token.registrationExpiresAt)
      : undefined,
    refreshToken: token.refreshToken || undefined
  })
}

export interface RegistrationInput {
  clientId: string
  clientSecret: string
  expiresAt: Date
  /** Written only when non-empty, like the CLI. */
  scopes?: string[]
  /** The clientName it was registered with (our addition; the AWS CLI writes none and ignores it). */
  clientName?: string
}

export function registrationCacheJson(reg: RegistrationInput): string {
  return pythonJsonDumps({
    clientId: reg.clientId,
    clientSecret: reg.clientSecret,
    expiresAt: formatCacheTime(reg.expiresAt),
    scopes: reg.scopes && reg.scopes.length > 0 ? reg.scopes : undefined,
    clientName: reg.clientName || undefined
  })
}
