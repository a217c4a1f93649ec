/**
 * Everything one login leaves in ~/.aws, written together and undone together:
 * the [profile …] and [sso-session …] sections, the token cache and the client registration cache.
 */
import type { LoginRequest, ProfileSpec } from './request.js'
import type { ClientRegistration, SsoToken } from './device-flow.js'
import type { AwsPaths } from './aws-files/paths.js'
import { mergeConfigFile, renderProfileSection, renderSsoSessionSection, revertConfigFile, type SectionEdit } from './aws-files/config.js'
import {
  registrationCacheFile,
  removeRegistrationCacheIfOurs,
  removeTokenCacheIfOurs,
  tokenCacheFile,
  writeRegistrationCache,
  writeTokenCache,
  type RemoveOutcome,
  type TokenInput
} from './aws-files/sso-cache.js'

export interface WrittenFiles {
  configFile: string
  configEdits: SectionEdit[]
  ssoCacheDir: string
  sessionName: string
  tokenCache: { file: string; contentHash: string }
  registrationCache?: { file: string; contentHash: string }
}

export async function writeSessionFiles(
  paths: AwsPaths,
  request: LoginRequest,
  profiles: ProfileSpec[],
  token: SsoToken,
  registration: ClientRegistration | undefined,
  options: { writeRegistration: boolean } = { writeRegistration: true }
): Promise<WrittenFiles> {
  const sections = [
    ...profiles.map((p) =>
      renderProfileSection({ name: p.name, ssoSession: request.ssoSession, accountId: p.accountId, roleName: p.roleName, region: p.region, output: request.output })
    ),
    renderSsoSessionSection({ name: request.ssoSession, ssoRegion: request.ssoRegion, startUrl: request.startUrl, registrationScopes: request.registrationScopes })
  ]
  // The three files use separate locks: written side by side, then kept all together or undone all together.
  const [tokenCache, registrationCache, configEdits] = await Promise.allSettled([
    writeTokenCache(paths.ssoCacheDir, request.ssoSession, tokenCacheEntry(request, token, registration)),
    registration && options.writeRegistration
      ? writeRegistrationCache(paths.ssoCacheDir, registrationKey(request), {
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          expiresAt: registration.expiresAt,
          scopes: registration.scopes
        })
      : Promise.resolve(undefined),
    mergeConfigFile(paths.configFile, sections)
  ])
  if (tokenCache.status === 'fulfilled' && registrationCache.status === 'fulfilled' && configEdits.status === 'fulfilled') {
    return {
      configFile: paths.configFile,
      configEdits: configEdits.value,
      ssoCacheDir: paths.ssoCacheDir,
      sessionName: request.ssoSession,
      tokenCache: tokenCache.value,
      registrationCache: registrationCache.value
    }
  }
  // Undo what did get written (each only if it still holds our bytes), then report the first failure.
  if (tokenCache.status === 'fulfilled') await removeTokenCacheIfOurs(paths.ssoCacheDir, request.ssoSession, tokenCache.value.contentHash).catch(() => undefined)
  if (registrationCache.status === 'fulfilled' && registrationCache.value) {
    await removeRegistrationCacheIfOurs(registrationCache.value.file, registrationCache.value.contentHash).catch(() => undefined)
  }
  if (configEdits.status === 'fulfilled') await revertConfigFile(paths.configFile, configEdits.value).catch(() => undefined)
  throw [tokenCache, registrationCache, configEdits].find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason
}

/** The token cache entry of a session, in the AWS CLI v2's terms. */
export function tokenCacheEntry(request: Pick<LoginRequest, 'startUrl' | 'ssoRegion'>, token: SsoToken, registration: ClientRegistration | undefined): TokenInput {
  return {
    startUrl: request.startUrl,
    region: request.ssoRegion,
    accessToken: token.accessToken,
    expiresAt: token.expiresAt,
    ...(registration ? { clientId: registration.clientId, clientSecret: registration.clientSecret, registrationExpiresAt: registration.expiresAt } : {}),
    ...(token.refreshToken ? { refreshToken: token.refreshToken } : {})
  }
}

/** The paths writeSessionFiles may write, for the pre-flight check. */
export function sessionFilePaths(paths: AwsPaths, request: LoginRequest): string[] {
  return [tokenCacheFile(paths.ssoCacheDir, request.ssoSession), registrationCacheFile(paths.ssoCacheDir, registrationKey(request)), paths.configFile]
}

export function registrationKey(request: Pick<LoginRequest, 'ssoRegion' | 'registrationScopes' | 'ssoSession' | 'startUrl'>) {
  return { region: request.ssoRegion, scopes: request.registrationScopes, sessionName: request.ssoSession, startUrl: request.startUrl }
}

export interface RemovalReport {
  tokenCache: RemoveOutcome
  registrationCache?: RemoveOutcome
  config: string
}

/** Undo exactly what writeSessionFiles did; files another job replaced since are left alone. */
export async function removeSessionFiles(written: WrittenFiles): Promise<RemovalReport> {
  const tokenCache = await removeTokenCacheIfOurs(written.ssoCacheDir, written.sessionName, written.tokenCache.contentHash)
  const registrationCache = written.registrationCache
    ? await removeRegistrationCacheIfOurs(written.registrationCache.file, written.registrationCache.contentHash)
    : undefined
  const reverted = await revertConfigFile(written.configFile, written.configEdits)
  const config = reverted.deletedFile
    ? `${written.configFile} removed (this run created it)`
    : `${reverted.reverted} section(s) removed or restored in ${written.configFile}` +
      (reverted.conflicts.length ? `; left alone because they changed since: ${reverted.conflicts.map((c) => c.reason).join('; ')}` : '')
  return { tokenCache, registrationCache, config }
}

