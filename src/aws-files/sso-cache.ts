/**
 * Reading, writing and removing the IAM Identity Center cache files in `~/.aws/sso/cache` (their names and contents
 * are in sso-cache-format.ts): written atomically under a lock, 0600 in a 0700 folder; removed only while they still
 * hold what this run wrote.
 */
import {
  ensureDir,
  readIfExists,
  removeIfExists,
  writeFileAtomic
} from './atomic.js'
import { withLock } from './lock.js'
import {
  contentHash,
  legacyTokenCacheFile,
  parseCacheTime,
  registrationCacheFile,
  registrationCacheJson,
  tokenCacheFile,
  tokenCacheJson,
  type RegistrationInput,
  type RegistrationKey,
  type TokenInput
} from './sso-cache-format.js'

/** A token cache file as read: what we write (TokenInput), where another writer may have left out the start URL or region. */
export interface CachedToken extends Omit<TokenInput, 'startUrl' | 'region'> {
  startUrl?: string
  region?: string
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

export interface CachedRegistration {
  clientId: string
  clientSecret: string
  expiresAt: Date
  scopes?: string[]
  /** Absent in a registration another tool (the AWS CLI) cached: its name is then unknown. */
  clientName?: string
  raw: Record<string, unknown>
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
