/**
 * Sign one sso-session out from a machine with no post step (the CLI on GitLab, Jenkins, a laptop): SSO Logout of the
 * token the session's cache file holds, then removal of that token cache (and the legacy one holding the same token),
 * the client registration cache of the session, the `[profile NAME]` that uses the session and the
 * `[sso-session NAME]` section once no profile uses it. Like `aws sso logout` (which AWS CLI v1 lacks), for one session.
 * A credential server of the session (`--credential-server`) is stopped first: it signs its sign-in out and exits, and
 * its server file and the credential_process profiles that ask it go.
 */
import type { Logger } from './events.js'
import type { AwsPaths } from '../aws-files/paths.js'
import { signOut } from '../aws/logout.js'
import {
  contentHash,
  legacyTokenCacheFile,
  registrationCacheFile,
  tokenCacheFile
} from '../aws-files/sso-cache-format.js'
import { removeCacheFileIfOurs } from '../aws-files/sso-cache.js'
import { readIfExists } from '../aws-files/atomic.js'
import {
  removeConfigSections,
  removeServedProfiles
} from '../aws-files/remove-sections.js'
import { serverFilePath } from '../credential-server/job-server.js'
import { readServerFile } from '../credential-server/credential-process.js'
import { stopJobServer } from './stop-server.js'

export interface SsoSessionSignOutRequest {
  ssoSession: string
  /** The profile the CLI wrote for the session; removed only if its `sso_session` is this session. */
  profile: string
  /** Used when neither the token cache nor the `[sso-session]` section says (for Logout and the registration cache). */
  ssoRegion?: string
  startUrl?: string
  /** Default `sso:account:access` (the registration scopes the CLI registers with). */
  registrationScopes?: string[]
}

export interface SsoSessionSignOutResult {
  /** `revoked`: Logout succeeded (or the token was already invalid); `none`: no token was cached; `failed`: Logout failed. */
  token: 'revoked' | 'none' | 'failed'
  /** A credential server of the session was found: `stopped` (it signed out and exited), or `failed`. */
  server?: 'stopped' | 'failed'
  /** Files and config sections removed. */
  removed: string[]
}

async function readJson(
  file: string
): Promise<{ text: string; obj: Record<string, unknown> } | undefined> {
  const text = await readIfExists(file)
  if (text === undefined) return undefined
  try {
    const obj = JSON.parse(text) as unknown
    return obj && typeof obj === 'object' && !Array.isArray(obj)
      ? { text, obj: obj as Record<string, unknown> }
      : undefined
  } catch {
    return undefined
  }
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined

export async function signOutSsoSession(
  paths: AwsPaths,
  request: SsoSessionSignOutRequest,
  log: Logger,
  env: NodeJS.ProcessEnv
): Promise<SsoSessionSignOutResult> {
  const removed: string[] = []
  const server = await stopSsoSessionServer(paths, request.ssoSession, log)
  if (server) removed.push(...server.removed)
  const config = await removeConfigSections(
    paths.configFile,
    request.ssoSession,
    request.profile,
    { dryRun: true }
  )
  const tokenFile = tokenCacheFile(paths.ssoCacheDir, request.ssoSession)
  const cached = await readJson(tokenFile)
  const accessToken = str(cached?.obj.accessToken)
  const ssoRegion =
    str(cached?.obj.region) ?? config.session?.ssoRegion ?? request.ssoRegion
  const startUrl =
    str(cached?.obj.startUrl) ?? config.session?.startUrl ?? request.startUrl
  let token: SsoSessionSignOutResult['token'] = 'none'
  if (accessToken) {
    if (!ssoRegion) {
      log.warning(
        `the token cache ${tokenFile} names no region and the config has no [sso-session ${request.ssoSession}]: pass --sso-region to sign it out`
      )
      return { token: 'failed', removed }
    }
    const ok = await signOut(
      accessToken,
      { ssoRegion, region: ssoRegion, env, maxAttempts: 3 },
      log
    )
    if (!ok) return { token: 'failed', removed } // the cache stays, so that a retry can still sign it out
    token = 'revoked'
    log.info(
      `Signed out of IAM Identity Center (sso-session ${request.ssoSession}): the access token is revoked (role sessions already issued last until they expire)`
    )
  }
  if (
    cached &&
    (await removeCacheFileIfOurs(tokenFile, contentHash(cached.text))) ===
      'deleted'
  )
    removed.push(tokenFile)
  if (startUrl && accessToken) {
    const legacy = legacyTokenCacheFile(paths.ssoCacheDir, startUrl)
    const same = await readJson(legacy)
    if (
      same &&
      str(same.obj.accessToken) === accessToken &&
      (await removeCacheFileIfOurs(legacy, contentHash(same.text))) ===
        'deleted'
    )
      removed.push(legacy)
  }
  if (startUrl && ssoRegion) {
    const registration = registrationCacheFile(paths.ssoCacheDir, {
      region: ssoRegion,
      scopes: config.session?.scopes ??
        request.registrationScopes ?? ['sso:account:access'],
      sessionName: request.ssoSession,
      startUrl
    })
    const reg = await readJson(registration)
    if (
      reg &&
      (await removeCacheFileIfOurs(registration, contentHash(reg.text))) ===
        'deleted'
    )
      removed.push(registration)
  }
  const sections = await removeConfigSections(
    paths.configFile,
    request.ssoSession,
    request.profile
  )
  removed.push(...sections.removed.map((h) => `${h} in ${paths.configFile}`))
  return { token, removed, ...(server ? { server: server.outcome } : {}) }
}

/**
 * The session's credential server, when its server file is there: asked to sign out and exit (stopJobServer: report,
 * port closed, killed only if it is the listener), then the file and the credential_process profiles asking it go.
 */
async function stopSsoSessionServer(
  paths: AwsPaths,
  ssoSession: string,
  log: Logger
): Promise<{ outcome: 'stopped' | 'failed'; removed: string[] } | undefined> {
  const file = serverFilePath(paths, ssoSession)
  if ((await readIfExists(file).catch(() => undefined)) === undefined)
    return undefined
  let server
  try {
    server = readServerFile(file)
  } catch (error) {
    log.warning(
      `the credential server file ${file} could not be read (${(error as Error).message}); no server was stopped`
    )
    return { outcome: 'failed', removed: [] }
  }
  const ok = await stopJobServer(
    {
      file,
      authToken: server.authToken,
      pid: server.pid,
      port: server.port,
      primary: server.profiles[0] ?? '',
      tokenExpiresAt: 'an unknown time (the server held it)',
      refreshable: true
    },
    log
  )
  const sections = await removeServedProfiles(
    paths.configFile,
    file,
    server.profiles
  )
  return {
    outcome: ok ? 'stopped' : 'failed',
    removed: [file, ...sections.map((h) => `${h} in ${paths.configFile}`)]
  }
}
