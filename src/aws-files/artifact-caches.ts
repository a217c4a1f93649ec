/**
 * The SSO cache files of a job: the token cache (sha1(sso-session).json), the client registration cache, and with
 * legacy-sso-profile the token again under its legacy name (sha1(start URL).json). Each is recorded by the exact bytes
 * it will hold and undone only if it still holds them; a token cache that held a user's own sign-in is put back.
 */
import type { Artifact, FileKind, FilesPlan } from './artifacts.js'
import {
  actionClientIn,
  originalCacheText,
  undoCacheFile,
  withOriginal,
  type CacheRecord
} from './cache-originals.js'
import {
  contentHash,
  legacyTokenCacheFile,
  registrationCacheFile,
  registrationCacheJson,
  tokenCacheFile,
  tokenCacheJson
} from './sso-cache-format.js'
import {
  removeRegistrationCacheIfOurs,
  writeLegacyTokenCache,
  writeRegistrationCache,
  writeTokenCache,
  type RemoveOutcome,
  type WriteResult
} from './sso-cache.js'

export interface TokenCacheRecord {
  /**
   * Absent when no token was written (sign-out-early, or a partial record made before anything was written).
   * `original`: the exact bytes the file held before this run overwrote it (a user's own sign-in for the same
   * sso-session), put back on undo; absent when there was none or this run's token came from that file.
   */
  tokenCache?: CacheRecord
}

export interface RegistrationCacheRecord {
  registrationCache?: { file: string; contentHash: string }
}

export interface LegacyTokenCacheRecord {
  /** legacy-sso-profile: the same token under the legacy name, sha1(start URL) (see legacyTokenCacheFile). */
  legacyTokenCache?: CacheRecord
}

/** A cache file recorded (under `field`) before it is written, by the bytes it will hold. */
function cacheFile<F extends string>(
  field: F,
  planned: CacheRecord,
  write: () => Promise<WriteResult>,
  original?: (entry: CacheRecord) => Promise<string | undefined>
): Artifact<{ [K in F]?: CacheRecord }> {
  let entry: CacheRecord | undefined = planned
  return {
    record: () => ({ [field]: entry }) as { [K in F]?: CacheRecord },
    prepare: async () => {
      const text = await original?.(planned)
      if (text !== undefined) planned.original = text
    },
    write: async () => {
      entry = { ...(await write()), ...withOriginal(planned) }
    },
    // Tried for a write that failed too: guarded by the exact bytes, it can only remove what this run wrote.
    undo: async () => {
      await undoCacheFile(entry ?? planned).then(
        () => (entry = undefined),
        () => undefined
      )
      return entry !== undefined
    }
  }
}

/** What was in the token cache files before this run, to put back; undefined when this run's token is from there. */
function originalOf(plan: FilesPlan) {
  const keep = plan.keepOriginalTokenCache
  return keep
    ? async (entry: CacheRecord) =>
        originalCacheText(entry, keep.mask, await ourClients(plan))
    : undefined
}

const clientsOfPlan = new WeakMap<FilesPlan, Promise<string[]>>()

/**
 * Clients of this action: this run's, and the one in the registration cache when this action registered it (another
 * job of ours that signed in on this runner a moment earlier); a token of either is not a user's to put back. Read once
 * per plan, for both token cache files.
 */
function ourClients(plan: FilesPlan): Promise<string[]> {
  let ids = clientsOfPlan.get(plan)
  if (!ids) {
    ids = actionClientIn(
      registrationCacheFile(plan.paths.ssoCacheDir, plan.registrationKey)
    ).then((id) => [
      ...(plan.keepOriginalTokenCache?.ourClientIds ?? []),
      ...(id ? [id] : [])
    ])
    clientsOfPlan.set(plan, ids)
  }
  return ids
}

export const tokenCacheKind: FileKind<
  TokenCacheRecord,
  { tokenCache: RemoveOutcome }
> = {
  artifact: (plan) => {
    const { token, paths, ssoSession } = plan
    if (!token) return undefined
    const file = tokenCacheFile(paths.ssoCacheDir, ssoSession)
    return cacheFile(
      'tokenCache',
      { file, contentHash: contentHash(tokenCacheJson(token)) },
      () => writeTokenCache(paths.ssoCacheDir, ssoSession, token),
      originalOf(plan)
    )
  },
  paths: (place) => [tokenCacheFile(place.paths.ssoCacheDir, place.ssoSession)],
  targets: (written) => [
    tokenCacheFile(written.ssoCacheDir, written.sessionName),
    ...(written.tokenCache ? [written.tokenCache.file] : [])
  ],
  remove: async (written) => ({
    tokenCache: written.tokenCache
      ? await undoCacheFile(written.tokenCache)
      : 'missing'
  })
}

export const registrationCacheKind: FileKind<
  RegistrationCacheRecord,
  { registrationCache?: RemoveOutcome }
> = {
  artifact: ({ registration, paths, registrationKey }) =>
    registration &&
    cacheFile(
      'registrationCache',
      {
        file: registrationCacheFile(paths.ssoCacheDir, registrationKey),
        contentHash: contentHash(registrationCacheJson(registration))
      },
      () =>
        writeRegistrationCache(paths.ssoCacheDir, registrationKey, registration)
    ),
  paths: (place) => [
    registrationCacheFile(place.paths.ssoCacheDir, place.registrationKey)
  ],
  targets: (written) =>
    written.registrationCache ? [written.registrationCache.file] : [],
  remove: async (written) => ({
    registrationCache: written.registrationCache
      ? await removeRegistrationCacheIfOurs(
          written.registrationCache.file,
          written.registrationCache.contentHash
        )
      : undefined
  })
}

export const legacyTokenCacheKind: FileKind<
  LegacyTokenCacheRecord,
  { legacyTokenCache?: RemoveOutcome }
> = {
  artifact: (plan) => {
    const { token, paths, legacyStartUrl } = plan
    if (!token || legacyStartUrl === undefined) return undefined
    return cacheFile(
      'legacyTokenCache',
      {
        file: legacyTokenCacheFile(paths.ssoCacheDir, legacyStartUrl),
        contentHash: contentHash(tokenCacheJson(token))
      },
      () => writeLegacyTokenCache(paths.ssoCacheDir, legacyStartUrl, token),
      originalOf(plan)
    )
  },
  paths: ({ paths, legacyStartUrl }) =>
    legacyStartUrl === undefined
      ? []
      : [legacyTokenCacheFile(paths.ssoCacheDir, legacyStartUrl)],
  targets: (written) =>
    written.legacyTokenCache ? [written.legacyTokenCache.file] : [],
  remove: async (written) => ({
    legacyTokenCache: written.legacyTokenCache
      ? await undoCacheFile(written.legacyTokenCache)
      : undefined
  })
}
