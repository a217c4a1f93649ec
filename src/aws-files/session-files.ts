/**
 * Everything one login leaves in ~/.aws, written together and undone together:
 * the [profile …] and [sso-session …] sections, the token cache and the client registration cache (and with
 * legacy-sso-profile, the token cache again under its legacy name), and profiles holding role credentials themselves
 * (the shared credentials file, see credentials-file.ts).
 */
import type { LoginRequest, ProfileSpec } from '../inputs/spec.js'
import type { ClientRegistration, SsoToken } from '../aws/oidc-types.js'
import type { AwsPaths } from './paths.js'
import { removeLeftovers } from './leftovers.js'
import {
  actionClientIn,
  originalCacheText,
  undoCacheFile,
  withOriginal,
  type CacheRecord
} from './cache-originals.js'
import type { ServedRecord } from '../credential-server/job-server.js'
import {
  mergeConfigFile,
  renderAssumeRoleProfileSection,
  renderProfileSection,
  renderSsoSessionSection,
  revertConfigFile,
  type AssumeRoleProfileSpec,
  type SectionEdit
} from './config.js'
import {
  renderProcessProfileSection,
  type ProcessProfileSpec
} from './process-profile.js'
import {
  mergeCredentialsFile,
  renderCredentialsSection,
  renderKeysProfileSection,
  revertCredentialsFile,
  sealCredentialEdits,
  unsealCredentialEdits,
  type CredentialProfile
} from './credentials-file.js'
import {
  contentHash,
  legacyTokenCacheFile,
  registrationCacheFile,
  registrationCacheJson,
  tokenCacheJson,
  removeRegistrationCacheIfOurs,
  tokenCacheFile,
  writeLegacyTokenCache,
  writeRegistrationCache,
  writeTokenCache,
  type RemoveOutcome,
  type TokenInput
} from './sso-cache.js'

export interface WrittenFiles {
  configFile: string
  configEdits: SectionEdit[]
  ssoCacheDir: string
  sessionName: string
  /**
   * Absent when no token was written (sign-out-early, or a partial record made before anything was written).
   * `original`: the exact bytes the file held before this run overwrote it (a user's own sign-in for the same
   * sso-session), put back by removeSessionFiles; absent when there was none or this run's token came from that file.
   */
  tokenCache?: CacheRecord
  registrationCache?: { file: string; contentHash: string }
  /** legacy-sso-profile: the same token under the legacy name, sha1(start URL) (see {@link legacyTokenCacheFile}). */
  legacyTokenCache?: CacheRecord
  /** The shared credentials file and its edits (sealed: the written text as a hash, see sealCredentialEdits), when profiles holding role credentials were written. */
  credentialsFile?: string
  credentialsEdits?: SectionEdit[]
  /** A record made while the files were being written (see writeSessionFiles' onProgress): some may not have landed. */
  partial?: boolean
  /**
   * The pid of the process that wrote (recorded before any write): a writer killed mid-write leaves its temp files
   * (`.<name>.<pid>.<hex>.tmp`) and locks next to the files above; removeSessionFiles removes that pid's (leftovers.ts).
   */
  writerPid?: number
}

export interface SessionFilesProgress {
  written: WrittenFiles
  /** The token the files hold (the post step signs it out); absent when the files hold none (sign-out-early). */
  accessToken?: string
  /** credential-server: the server the job gets (its file, authorization token, then its pid and port); never the token. */
  server?: ServedRecord
}

export type SessionFilesListener = (
  progress: SessionFilesProgress | undefined
) => void

export interface SessionFilesOptions {
  /** Write the client registration cache (a registration made in this run). */
  writeRegistration: boolean
  /**
   * Hears what is about to be put on disk, as each file goes, so that a process killed mid-write (a cancelled step's
   * hard stop) has recorded it for its post step. Each record is a safe undo even if that write never lands: a cache
   * file is removed only if it holds exactly the bytes recorded, a config section only if it reads exactly as written.
   * `undefined` means the files were undone (a failed write) and there is nothing left to clean up.
   */
  onProgress?: SessionFilesListener
  /**
   * Profiles that hold role credentials themselves (static keys in the shared credentials file, a keys-only
   * `[profile NAME]` in the config; see credentials-file.ts), written with the other files and undone with them.
   * For sign-out-early (every profile, no token) and for a chained session narrowed by a session policy.
   */
  credentialProfiles?: CredentialProfile[]
  /** role-to-assume without a session policy: role_arn + source_profile profiles (see renderAssumeRoleProfileSection). */
  roleProfiles?: AssumeRoleProfileSpec[]
  /**
   * The token did not come from this sso-session's cache file (a new sign-in, not reuse-session): a token cache that
   * file held before is recorded (its secrets given to `mask`) and put back by removeSessionFiles, byte for byte.
   */
  keepOriginalTokenCache?: { mask: (secret: string) => void }
  /** credential-server: profiles that ask the server (credential_process; see process-profile.ts), undone with the rest. */
  processProfiles?: ProcessProfileSpec[]
}

/**
 * Write one login's files together, or none of them: the SSO profiles (`profiles`, `sso_session` + account + role),
 * the `[sso-session]` section, the token cache and the registration cache when `token` is given, and the profiles that
 * hold role credentials themselves (`options.credentialProfiles`). With `token` undefined nothing of the SSO sign-in is
 * written (no token cache, no registration cache, no sso-session section) and `profiles` must be empty.
 */
export async function writeSessionFiles(
  paths: AwsPaths,
  request: LoginRequest,
  profiles: ProfileSpec[],
  token: SsoToken | undefined,
  registration: ClientRegistration | undefined,
  options: SessionFilesOptions = { writeRegistration: true }
): Promise<WrittenFiles> {
  const progressListener = options.onProgress
  if (!token && profiles.length > 0)
    throw new Error(
      'SSO profiles need the SSO token: pass them as credentialProfiles instead'
    )
  const keyProfiles = options.credentialProfiles ?? []
  const sections = [
    ...profiles.map((p) =>
      renderProfileSection({
        name: p.name,
        ssoSession: request.profiles.ssoSession,
        accountId: p.accountId,
        roleName: p.roleName,
        region: p.region,
        output: request.profiles.output,
        ...(request.profiles.legacySsoProfile
          ? {
              legacy: {
                startUrl: request.target.startUrl,
                ssoRegion: request.target.ssoRegion
              }
            }
          : {})
      })
    ),
    ...keyProfiles.map((p) => renderKeysProfileSection(p)),
    ...(options.roleProfiles ?? []).map((p) =>
      renderAssumeRoleProfileSection(p)
    ),
    ...(options.processProfiles ?? []).map((p) =>
      renderProcessProfileSection(p)
    ),
    ...(token
      ? [
          renderSsoSessionSection({
            name: request.profiles.ssoSession,
            ssoRegion: request.target.ssoRegion,
            startUrl: request.target.startUrl,
            registrationScopes: request.signIn.registrationScopes
          })
        ]
      : [])
  ]
  const credentialSections = keyProfiles.map((p) =>
    renderCredentialsSection(p.name, p.credentials)
  )
  const tokenEntry = token
    ? tokenCacheEntry(request, token, registration)
    : undefined
  const regEntry =
    token && registration && options.writeRegistration
      ? {
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          expiresAt: registration.expiresAt,
          scopes: registration.scopes,
          clientName: registration.clientName
        }
      : undefined
  // Recorded before any write (see onProgress): the cache files by the exact bytes they will hold.
  const progress: WrittenFiles = {
    configFile: paths.configFile,
    configEdits: [],
    ssoCacheDir: paths.ssoCacheDir,
    sessionName: request.profiles.ssoSession,
    tokenCache: tokenEntry
      ? {
          file: tokenCacheFile(paths.ssoCacheDir, request.profiles.ssoSession),
          contentHash: contentHash(tokenCacheJson(tokenEntry))
        }
      : undefined,
    registrationCache: regEntry
      ? {
          file: registrationCacheFile(
            paths.ssoCacheDir,
            registrationKey(request)
          ),
          contentHash: contentHash(registrationCacheJson(regEntry))
        }
      : undefined,
    legacyTokenCache:
      tokenEntry && request.profiles.legacySsoProfile
        ? {
            file: legacyTokenCacheFile(
              paths.ssoCacheDir,
              request.target.startUrl
            ),
            contentHash: contentHash(tokenCacheJson(tokenEntry))
          }
        : undefined,
    ...(credentialSections.length
      ? { credentialsFile: paths.credentialsFile, credentialsEdits: [] }
      : {}),
    partial: true,
    writerPid: process.pid
  }
  if (token && options.keepOriginalTokenCache) {
    // Clients of this action: ours, and the one in the registration cache when this action registered it (another job
    // of ours that signed in on this runner a moment earlier); a token of either is not a user's to put back.
    const ourClients = [
      registration?.clientId,
      await actionClientIn(
        registrationCacheFile(paths.ssoCacheDir, registrationKey(request))
      )
    ].filter((id): id is string => !!id)
    for (const entry of [progress.tokenCache, progress.legacyTokenCache]) {
      if (!entry) continue
      const original = await originalCacheText(
        entry,
        options.keepOriginalTokenCache.mask,
        ourClients
      )
      if (original !== undefined) entry.original = original
    }
  }
  const report = () =>
    progressListener?.({
      written: { ...progress },
      ...(token ? { accessToken: token.accessToken } : {})
    })
  report()
  // The files use separate locks: written side by side, then kept all together or undone all together.
  const [
    tokenCache,
    registrationCache,
    configEdits,
    credentialsEdits,
    legacyTokenCache
  ] = await Promise.allSettled([
    tokenEntry
      ? writeTokenCache(
          paths.ssoCacheDir,
          request.profiles.ssoSession,
          tokenEntry
        )
      : Promise.resolve(undefined),
    regEntry
      ? writeRegistrationCache(
          paths.ssoCacheDir,
          registrationKey(request),
          regEntry
        )
      : Promise.resolve(undefined),
    mergeConfigFile(paths.configFile, sections, {
      onBeforeWrite: (edits) => {
        progress.configEdits = edits
        report()
      }
    }),
    credentialSections.length
      ? mergeCredentialsFile(paths.credentialsFile, credentialSections, {
          onBeforeWrite: (edits) => {
            progress.credentialsEdits = sealCredentialEdits(edits)
            report()
          }
        })
      : Promise.resolve(undefined),
    tokenEntry && progress.legacyTokenCache
      ? writeLegacyTokenCache(
          paths.ssoCacheDir,
          request.target.startUrl,
          tokenEntry
        )
      : Promise.resolve(undefined)
  ])
  const results = [
    tokenCache,
    registrationCache,
    configEdits,
    credentialsEdits,
    legacyTokenCache
  ]
  if (
    tokenCache.status === 'fulfilled' &&
    registrationCache.status === 'fulfilled' &&
    configEdits.status === 'fulfilled' &&
    credentialsEdits.status === 'fulfilled' &&
    legacyTokenCache.status === 'fulfilled'
  ) {
    return {
      configFile: paths.configFile,
      configEdits: configEdits.value,
      ssoCacheDir: paths.ssoCacheDir,
      sessionName: request.profiles.ssoSession,
      tokenCache: tokenCache.value && {
        ...tokenCache.value,
        ...withOriginal(progress.tokenCache)
      },
      registrationCache: registrationCache.value,
      ...(credentialsEdits.value
        ? {
            credentialsFile: paths.credentialsFile,
            credentialsEdits: sealCredentialEdits(credentialsEdits.value)
          }
        : {}),
      ...(legacyTokenCache.value
        ? {
            legacyTokenCache: {
              ...legacyTokenCache.value,
              ...withOriginal(progress.legacyTokenCache)
            }
          }
        : {}),
      writerPid: process.pid
    }
  }
  // Undo what did get written (each only if it still holds our bytes), then report the first failure. A cache write
  // that failed is tried too: the removal is guarded by the exact bytes, so it can only remove what this run wrote.
  await Promise.all([
    progress.tokenCache
      ? undoCacheFile(progress.tokenCache).then(
          () => (progress.tokenCache = undefined),
          () => undefined
        )
      : undefined,
    progress.registrationCache
      ? removeRegistrationCacheIfOurs(
          progress.registrationCache.file,
          progress.registrationCache.contentHash
        ).then(
          () => (progress.registrationCache = undefined),
          () => undefined
        )
      : undefined,
    progress.legacyTokenCache
      ? undoCacheFile(progress.legacyTokenCache).then(
          () => (progress.legacyTokenCache = undefined),
          () => undefined
        )
      : undefined,
    configEdits.status === 'fulfilled'
      ? revertConfigFile(paths.configFile, configEdits.value).then(
          () => (progress.configEdits = []),
          () => undefined
        )
      : (progress.configEdits = []),
    credentialsEdits.status === 'fulfilled' && credentialsEdits.value
      ? revertCredentialsFile(
          paths.credentialsFile,
          credentialsEdits.value
        ).then(
          () => (progress.credentialsEdits = []),
          () => undefined
        )
      : (progress.credentialsEdits = [])
  ])
  if (
    !progress.tokenCache &&
    !progress.registrationCache &&
    !progress.legacyTokenCache &&
    progress.configEdits.length === 0 &&
    !progress.credentialsEdits?.length
  )
    progressListener?.(undefined)
  else report()
  throw results.find(
    (r): r is PromiseRejectedResult => r.status === 'rejected'
  )!.reason
}

/**
 * Write profiles that hold the given role credentials themselves, and nothing of the SSO sign-in: for each profile the
 * keys go to the shared credentials file as `[NAME]` and the config gets a keys-only `[profile NAME]` (region/output,
 * no `sso_*`, no `role_arn`), so `aws --profile NAME`, botocore and the JS SDK (fromIni / the default chain) use exactly
 * those credentials until they expire and can never re-create the session another way (e.g. without its session policy).
 * Atomic, locked, 0600, every other byte of both files kept; the result goes to removeSessionFiles to undo it.
 * sign-out-early writes every profile this way; a chained session with a session policy can too.
 */
export function writeCredentialProfiles(
  paths: AwsPaths,
  request: Pick<LoginRequest, 'target' | 'profiles' | 'signIn'>,
  profiles: CredentialProfile[],
  options: Pick<SessionFilesOptions, 'onProgress'> = {}
): Promise<WrittenFiles> {
  return writeSessionFiles(
    paths,
    request as LoginRequest,
    [],
    undefined,
    undefined,
    {
      writeRegistration: false,
      onProgress: options.onProgress,
      credentialProfiles: profiles
    }
  )
}

/** The token cache entry of a session, in the AWS CLI v2's terms. */
export function tokenCacheEntry(
  request: Pick<LoginRequest, 'target'>,
  token: SsoToken,
  registration: ClientRegistration | undefined
): TokenInput {
  return {
    startUrl: request.target.startUrl,
    region: request.target.ssoRegion,
    accessToken: token.accessToken,
    expiresAt: token.expiresAt,
    ...(registration
      ? {
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          registrationExpiresAt: registration.expiresAt
        }
      : {}),
    ...(token.refreshToken ? { refreshToken: token.refreshToken } : {})
  }
}

/** The paths writeSessionFiles may write, for the pre-flight check; `credentialsFile`: some profile holds keys there. */
export function sessionFilePaths(
  paths: AwsPaths,
  request: LoginRequest,
  credentialsFile = false
): string[] {
  const files = [
    tokenCacheFile(paths.ssoCacheDir, request.profiles.ssoSession),
    registrationCacheFile(paths.ssoCacheDir, registrationKey(request)),
    paths.configFile,
    ...(request.profiles.legacySsoProfile
      ? [legacyTokenCacheFile(paths.ssoCacheDir, request.target.startUrl)]
      : [])
  ]
  return credentialsFile ? [...files, paths.credentialsFile] : files
}

export function registrationKey(
  request: Pick<LoginRequest, 'target' | 'profiles' | 'signIn'>
) {
  return {
    region: request.target.ssoRegion,
    scopes: request.signIn.registrationScopes,
    sessionName: request.profiles.ssoSession,
    startUrl: request.target.startUrl
  }
}

export interface RemovalReport {
  tokenCache: RemoveOutcome
  registrationCache?: RemoveOutcome
  legacyTokenCache?: RemoveOutcome
  config: string
  /** Present when this run wrote profiles into the shared credentials file. */
  credentials?: string
  /** Temp and lock files a write killed midway had left (removed). */
  leftovers: string[]
}

/** Every file a run's record says it writes (or may have started to write), for the leftovers next to them. */
export function writtenTargets(written: WrittenFiles): string[] {
  return [
    written.configFile,
    tokenCacheFile(written.ssoCacheDir, written.sessionName),
    ...[
      written.tokenCache,
      written.registrationCache,
      written.legacyTokenCache
    ].flatMap((c) => (c ? [c.file] : [])),
    ...(written.credentialsFile ? [written.credentialsFile] : [])
  ]
}

/** Undo exactly what writeSessionFiles did; files another job replaced since are left alone. */
export async function removeSessionFiles(
  written: WrittenFiles
): Promise<RemovalReport> {
  // First what a writer killed mid-write left (temp files holding the token, its locks), so no lock of it is waited for.
  const leftovers =
    written.writerPid !== undefined
      ? removeLeftovers(writtenTargets(written), { pid: written.writerPid })
      : []
  const tokenCache = written.tokenCache
    ? await undoCacheFile(written.tokenCache)
    : 'missing'
  const registrationCache = written.registrationCache
    ? await removeRegistrationCacheIfOurs(
        written.registrationCache.file,
        written.registrationCache.contentHash
      )
    : undefined
  const legacyTokenCache = written.legacyTokenCache
    ? await undoCacheFile(written.legacyTokenCache)
    : undefined
  const credentials = written.credentialsFile
    ? await removeCredentialSections(
        written.credentialsFile,
        written.credentialsEdits ?? []
      )
    : undefined
  const withCredentials = credentials === undefined ? {} : { credentials }
  // Nothing written to the config (a step stopped before it got the lock): do not wait for a lock another job may hold.
  if (written.configEdits.length === 0)
    return {
      tokenCache,
      registrationCache,
      legacyTokenCache,
      config: `nothing written to ${written.configFile} by this run`,
      ...withCredentials,
      leftovers
    }
  const reverted = await revertConfigFile(
    written.configFile,
    written.configEdits
  )
  const config =
    (reverted.deletedFile
      ? `${written.configFile} removed (this run created it)`
      : `${reverted.reverted} section(s) removed or restored in ${written.configFile}`) +
    (reverted.conflicts.length
      ? `; left alone because they changed since: ${reverted.conflicts.map((c) => c.reason).join('; ')}`
      : '') +
    (reverted.kept.length
      ? `; ${reverted.kept.map((k) => k.reason).join('; ')} (it stays in the config: no secret in it)`
      : '')
  return {
    tokenCache,
    registrationCache,
    legacyTokenCache,
    config,
    ...withCredentials,
    leftovers
  }
}

async function removeCredentialSections(
  file: string,
  edits: SectionEdit[]
): Promise<string> {
  if (edits.length === 0) return `nothing written to ${file} by this run`
  const reverted = await revertCredentialsFile(
    file,
    await unsealCredentialEdits(file, edits)
  )
  return (
    (reverted.deletedFile
      ? `${file} removed (this run created it)`
      : `${reverted.reverted} section(s) removed or restored in ${file}`) +
    (reverted.conflicts.length
      ? `; left alone because they changed since: ${reverted.conflicts.map((c) => c.reason).join('; ')}`
      : '')
  )
}
