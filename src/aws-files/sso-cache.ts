/**
 * The IAM Identity Center caches in `~/.aws/sso/cache`, byte for byte as the AWS CLI v2 writes them
 * (Python `json.dumps` with its default separators, timestamps `2026-01-01T12:00:00Z`), so the CLI,
 * botocore and the JS SDK all read and refresh them.
 *
 * - token: `sha1(<sso-session name>).json`
 * - token for a profile without an sso-session (SDKs that predate it): `sha1(<start URL>).json`, same contents
 * - client registration: `sha1(json.dumps({"region", "scopes", "session_name", "startUrl", "tool": "botocore"}, sort_keys=True)).json`
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import {
  ensureDir,
  readIfExists,
  removeIfExists,
  withLock,
  writeFileAtomic
} from './atomic.js'

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

export interface CachedToken {
  startUrl?: string
  region?: string
  accessToken: string
  expiresAt: Date
  clientId?: string
  clientSecret?: string
  registrationExpiresAt?: Date
  refreshToken?: string
  /** Everything the file holds, as parsed. */
  raw: Record<string, unknown>
}

export interface WriteResult {
  file: string
  /** sha256 of the exact bytes written: lets cleanup tell whether the file still is ours. */
  contentHash: string
}

export interface ReadResult<T> {
  file: string
  value: T | undefined
  /** Why `value` is undefined: `missing`, or what is wrong with the file. */
  reason?: string
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

async function writeCacheFile(
  cacheDir: string,
  file: string,
  content: string
): Promise<WriteResult> {
  await ensureDir(cacheDir, { tighten: true })
  await withLock(file, () => writeFileAtomic(file, content, { mode: 0o600 }))
  return { file, contentHash: contentHash(content) }
}

/** Write the token cache for an sso-session (atomic, locked, 0600, folder 0700). */
export async function writeTokenCache(
  cacheDir: string,
  sessionName: string,
  token: TokenInput
): Promise<WriteResult> {
  return writeCacheFile(
    cacheDir,
    tokenCacheFile(cacheDir, sessionName),
    tokenCacheJson(token)
  )
}

/** Write the token a second time under the legacy name, sha1(start URL) (atomic, locked, 0600, folder 0700). */
export async function writeLegacyTokenCache(
  cacheDir: string,
  startUrl: string,
  token: TokenInput
): Promise<WriteResult> {
  return writeCacheFile(
    cacheDir,
    legacyTokenCacheFile(cacheDir, startUrl),
    tokenCacheJson(token)
  )
}

/**
 * Read-modify-write of an sso-session's token cache, under the same lock as writeTokenCache: `update` sees the file as it
 * is now (undefined: missing or unusable) and says what to write, if anything, and what to return. Two jobs refreshing
 * one session then never both start from the same stale entry.
 */
export async function updateTokenCache<T>(
  cacheDir: string,
  sessionName: string,
  update: (
    current: CachedToken | undefined
  ) => Promise<{ result: T; write?: TokenInput }>
): Promise<T> {
  await ensureDir(cacheDir, { tighten: true })
  const file = tokenCacheFile(cacheDir, sessionName)
  return withLock(file, async () => {
    const { value } = await readTokenCache(cacheDir, sessionName)
    const { result, write } = await update(value)
    if (write)
      await writeFileAtomic(file, tokenCacheJson(write), { mode: 0o600 })
    return result
  })
}

async function readJsonObject(
  file: string
): Promise<{ obj?: Record<string, unknown>; reason?: string }> {
  let text: string | undefined
  try {
    text = await readIfExists(file)
  } catch (e) {
    return { reason: (e as Error).message }
  }
  if (text === undefined) return { reason: 'missing' }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    return { reason: `not valid JSON: ${(e as Error).message}` }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return { reason: 'not a JSON object' }
  return { obj: parsed as Record<string, unknown> }
}

const optString = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : undefined

/** Read an sso-session's cached token; undefined with a reason if missing, corrupt or unusable. */
export async function readTokenCache(
  cacheDir: string,
  sessionName: string
): Promise<ReadResult<CachedToken>> {
  const file = tokenCacheFile(cacheDir, sessionName)
  const { obj, reason } = await readJsonObject(file)
  if (!obj) return { file, value: undefined, reason }
  if (typeof obj.accessToken !== 'string' || obj.accessToken === '')
    return { file, value: undefined, reason: 'no accessToken' }
  const expiresAt = parseCacheTime(obj.expiresAt)
  if (!expiresAt)
    return {
      file,
      value: undefined,
      reason: `expiresAt is not a timestamp with a zone: ${JSON.stringify(obj.expiresAt)}`
    }
  return {
    file,
    value: {
      startUrl: optString(obj.startUrl),
      region: optString(obj.region),
      accessToken: obj.accessToken,
      expiresAt,
      clientId: optString(obj.clientId),
      clientSecret: optString(obj.clientSecret),
      registrationExpiresAt: parseCacheTime(obj.registrationExpiresAt),
      refreshToken: optString(obj.refreshToken),
      raw: obj
    }
  }
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

export interface CachedRegistration {
  clientId: string
  clientSecret: string
  expiresAt: Date
  scopes?: string[]
  /** Absent in a registration another tool (the AWS CLI) cached: its name is then unknown. */
  clientName?: string
  raw: Record<string, unknown>
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

/** Write the device-flow client registration cache (atomic, locked, 0600). */
export async function writeRegistrationCache(
  cacheDir: string,
  key: RegistrationKey,
  reg: RegistrationInput
): Promise<WriteResult> {
  return writeCacheFile(
    cacheDir,
    registrationCacheFile(cacheDir, key),
    registrationCacheJson(reg)
  )
}

/** Read a client registration; undefined with a reason if missing, corrupt or incomplete. */
export async function readRegistrationCache(
  cacheDir: string,
  key: RegistrationKey
): Promise<ReadResult<CachedRegistration>> {
  const file = registrationCacheFile(cacheDir, key)
  const { obj, reason } = await readJsonObject(file)
  if (!obj) return { file, value: undefined, reason }
  const expiresAt = parseCacheTime(obj.expiresAt)
  if (typeof obj.clientId !== 'string' || typeof obj.clientSecret !== 'string')
    return { file, value: undefined, reason: 'no clientId/clientSecret' }
  if (!expiresAt)
    return {
      file,
      value: undefined,
      reason: `expiresAt is not a timestamp with a zone: ${JSON.stringify(obj.expiresAt)}`
    }
  const scopes =
    Array.isArray(obj.scopes) && obj.scopes.every((s) => typeof s === 'string')
      ? (obj.scopes as string[])
      : undefined
  const clientName =
    typeof obj.clientName === 'string' ? obj.clientName : undefined
  return {
    file,
    value: {
      clientId: obj.clientId,
      clientSecret: obj.clientSecret,
      expiresAt,
      scopes,
      ...(clientName !== undefined ? { clientName } : {}),
      raw: obj
    }
  }
}

export type RemoveOutcome =
  | 'deleted'
  | 'replaced-by-someone-else'
  | 'missing'
  | 'restored to what it held before this run'

/**
 * Delete `file` (under its lock) only if it still holds exactly the bytes whose sha256 is `expectedHash`; with
 * `original`, put those bytes back instead (what the file held before this run overwrote it).
 */
export async function removeCacheFileIfOurs(
  file: string,
  expectedHash: string,
  original?: string
): Promise<RemoveOutcome> {
  if ((await readIfExists(file)) === undefined) return 'missing'
  return withLock(file, async () => {
    const text = await readIfExists(file)
    if (text === undefined) return 'missing'
    if (contentHash(text) !== expectedHash) return 'replaced-by-someone-else'
    if (original === undefined) {
      await removeIfExists(file)
      return 'deleted'
    }
    await writeFileAtomic(file, original, { mode: 0o600 })
    return 'restored to what it held before this run'
  })
}

/** Delete the sso-session's token file if it still is the one this run wrote (`contentHash` from {@link writeTokenCache}). */
export async function removeTokenCacheIfOurs(
  cacheDir: string,
  sessionName: string,
  contentHash: string
): Promise<RemoveOutcome> {
  return removeCacheFileIfOurs(
    tokenCacheFile(cacheDir, sessionName),
    contentHash
  )
}

/** Delete a client registration file (path from {@link writeRegistrationCache}) if it still holds what this run wrote. */
export async function removeRegistrationCacheIfOurs(
  file: string,
  contentHash: string
): Promise<RemoveOutcome> {
  return removeCacheFileIfOurs(file, contentHash)
}
