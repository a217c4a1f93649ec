/**
 * A token cache file that held something else before this run overwrote it (a user's own `aws sso login` for the same
 * sso-session): recorded with what this run wrote, and put back byte for byte when the run's files are undone.
 */
import { contentHash } from './sso-cache-format.js'
import { removeCacheFileIfOurs, type RemoveOutcome } from './sso-cache.js'
import { readIfExists } from './atomic.js'

/** A cache file this run wrote: the exact bytes (by hash) and, when it replaced something, what was there before. */
export interface CacheRecord {
  file: string
  contentHash: string
  original?: string
}

/** Restore (when the record holds what was there before) or delete a cache file this run wrote, only if still ours. */
export function undoCacheFile(entry: {
  file: string
  contentHash: string
  original?: string
}): Promise<RemoveOutcome> {
  return removeCacheFileIfOurs(entry.file, entry.contentHash, entry.original)
}

export const withOriginal = (entry: CacheRecord | undefined) =>
  entry?.original !== undefined ? { original: entry.original } : {}

/**
 * What a cache file holds before this run writes `entry` there, when it holds something else (its secrets masked
 * first); undefined when missing, unreadable, already this run's bytes, or another run's of this action: a token of
 * a client registration of this action (`ourClientIds`; the action never uses the AWS CLI's registration, so a
 * user's own `aws sso login` token has another client). That run's post signs its token out: nothing to put back.
 */
export async function originalCacheText(
  entry: CacheRecord,
  mask: (secret: string) => void,
  ourClientIds: readonly string[]
): Promise<string | undefined> {
  let text: string | undefined
  try {
    text = await readIfExists(entry.file)
  } catch {
    return undefined // a symlink or not UTF-8: the writer refuses or replaces it; nothing of a user's to put back
  }
  if (text === undefined || contentHash(text) === entry.contentHash)
    return undefined
  try {
    const obj = JSON.parse(text) as Record<string, unknown>
    for (const key of ['accessToken', 'refreshToken', 'clientSecret'])
      if (typeof obj?.[key] === 'string' && obj[key]) mask(obj[key])
    if (
      typeof obj?.clientId === 'string' &&
      ourClientIds.includes(obj.clientId)
    )
      return undefined
  } catch {
    // not JSON: put back as it was all the same
  }
  return text
}

/**
 * The client id in a registration cache file when this action wrote it (only ours record `clientName`, and with our
 * name); undefined otherwise (missing, unreadable, the AWS CLI's own).
 */
export async function actionClientIn(
  file: string
): Promise<string | undefined> {
  try {
    const text = await readIfExists(file)
    if (text === undefined) return undefined
    const obj = JSON.parse(text) as { clientId?: unknown; clientName?: unknown }
    return typeof obj.clientName === 'string' &&
      obj.clientName.startsWith(ACTION_CLIENT_NAME) &&
      typeof obj.clientId === 'string'
      ? obj.clientId
      : undefined
  } catch {
    return undefined
  }
}

/** The start of every client name this action registers (core/client-name.ts CLIENT_NAME_BASE). */
const ACTION_CLIENT_NAME = 'identity-center-login'
