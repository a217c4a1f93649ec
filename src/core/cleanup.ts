/** The end of a session: revoke the SSO token, then remove exactly the files this run wrote. Never throws. */
import type { Logger } from './events.js'
import { signOut } from '../aws/logout.js'
import { removeJobFiles, type WrittenFiles } from '../aws-files/job-files.js'
import {
  contentHash,
  legacyTokenCacheFile,
  tokenCacheFile
} from '../aws-files/sso-cache-format.js'
import { removeCacheFileIfOurs } from '../aws-files/sso-cache.js'
import { readIfExists } from '../aws-files/atomic.js'

export interface CleanupInput {
  /** Absent when main signed out already (sign-out-early): only the files are removed. */
  accessToken?: string
  ssoRegion: string
  region: string
  written: WrittenFiles
  /** false: the sign-in is shared with other jobs of the run (share-session / session): remove the files only. */
  signOut?: boolean
}

export async function cleanUpSignIn(
  input: CleanupInput,
  log: Logger,
  env: NodeJS.ProcessEnv = process.env
): Promise<boolean> {
  let ok = true
  if (input.signOut === false) {
    // shared with other jobs of the run (share-session / session): the caller says so; only the files go
  } else if (input.accessToken) {
    const signedOut = await signOut(
      input.accessToken,
      { ssoRegion: input.ssoRegion, region: input.region, env, maxAttempts: 3 },
      log
    )
    if (signedOut)
      log.info(
        'Signed out of IAM Identity Center: the access token is revoked (role sessions already issued last until they expire)'
      )
    else ok = false
  } else {
    log.info(
      'No SSO token to sign out: the main step signed out already (sign-out-early)'
    )
  }
  try {
    const report = await removeJobFiles(input.written)
    log.info(
      `Token cache: ${input.written.tokenCache ? report.tokenCache : 'none written by this run'}; registration cache: ${report.registrationCache ?? 'not written by this run'}; ${report.legacyTokenCache ? `legacy token cache (legacy-sso-profile): ${report.legacyTokenCache}; ` : ''}config: ${report.config}` +
        (report.credentials ? `; credentials: ${report.credentials}` : '')
    )
  } catch (error) {
    ok = false
    log.warning(
      `Could not remove the files this run wrote: ${(error as Error).message}`
    )
  }
  return ok
}

export interface OrphanSweep {
  ssoCacheDir: string
  sessionName: string
  ssoRegion: string
  region: string
  /** True for an access token this process obtained from CreateToken (never for one it found in the cache). */
  isOurs: (accessToken: string) => boolean
  /** legacy-sso-profile: the start URL whose legacy token cache (sha1 of it) this run may also have written. */
  legacyStartUrl?: string
  /** Per-attempt timeout of the Logout (a cancelled step has little time left). */
  requestTimeoutMs?: number
  /**
   * The access tokens CreateToken issued to this run. Each one no cache file held is signed out as well: a sign-in
   * kept only in memory (the credential server's), or one stopped before its cache was written.
   */
  issuedTokens?: readonly string[]
}

/**
 * A login that failed or was stopped after it wrote the token cache but before it handed its files to the post step
 * leaves a valid SSO token on the runner for the next job. If the sso-session's token cache holds a token this process
 * obtained, revoke it (SSO Logout) and delete that file (only if it still holds those bytes); then revoke every token
 * of `issuedTokens` that no cache held. Returns whether a cache file held one of this run's tokens. Never throws.
 */
export async function sweepOrphanedTokenCache(
  sweep: OrphanSweep,
  log: Logger,
  env: NodeJS.ProcessEnv = process.env
): Promise<boolean> {
  const files = [tokenCacheFile(sweep.ssoCacheDir, sweep.sessionName)]
  if (sweep.legacyStartUrl !== undefined)
    files.push(legacyTokenCacheFile(sweep.ssoCacheDir, sweep.legacyStartUrl))
  /** Each token signed out once: whether SSO Logout revoked it. */
  const revoked = new Map<string, boolean>()
  const revoke = async (accessToken: string): Promise<boolean> => {
    if (!revoked.has(accessToken)) {
      const settings = {
        ssoRegion: sweep.ssoRegion,
        region: sweep.region,
        env,
        maxAttempts: 2,
        requestTimeoutMs: sweep.requestTimeoutMs
      }
      revoked.set(accessToken, await signOut(accessToken, settings, log))
    }
    return revoked.get(accessToken)!
  }
  let found = false
  for (const file of files) {
    try {
      // One read decides: the bytes whose token is ours are the bytes removed (under the lock, only if unchanged).
      const text = await readIfExists(file)
      let accessToken: unknown
      try {
        accessToken =
          text === undefined
            ? undefined
            : (JSON.parse(text) as { accessToken?: unknown })?.accessToken
      } catch {
        continue // not JSON: not what we write
      }
      if (typeof accessToken !== 'string' || !sweep.isOurs(accessToken))
        continue
      found = true
      const ok = await revoke(accessToken)
      const outcome = await removeCacheFileIfOurs(file, contentHash(text!))
      log.info(
        `This run had already written its SSO token to ${file} when it stopped: ${ok ? 'token revoked' : 'token NOT revoked'}, cache file ${outcome}`
      )
    } catch (error) {
      log.warning(
        `Could not check the token cache ${file} for a token this run left behind: ${(error as Error).message}`
      )
    }
  }
  for (const accessToken of sweep.issuedTokens ?? []) {
    if (revoked.has(accessToken)) continue
    const ok = await revoke(accessToken)
    log.info(
      `This run's sign-in was not in a token cache when it stopped: ${ok ? 'token revoked' : 'token NOT revoked; it stays valid until it expires'}`
    )
  }
  return found
}
