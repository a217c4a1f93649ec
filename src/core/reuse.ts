/**
 * Reuse instead of asking again (reuse-session: true): a cached SSO token that is still valid long enough,
 * or one refreshed with its refresh token. The cache may be ours or the AWS CLI v2's (`aws sso login`): same file.
 */
import type { Logger } from './events.js'
import type { LoginRequest } from '../inputs/spec.js'
import type { AwsPaths } from '../aws-files/paths.js'
import type { AwsClients } from '../aws/clients.js'
import type { ClientRegistration, SsoToken } from './device-flow.js'
import {
  readRegistrationCache,
  readTokenCache,
  updateTokenCache,
  type CachedToken
} from '../aws-files/sso-cache.js'
import type { TokenInput } from '../aws-files/sso-cache-format.js'
import { refreshSsoToken } from '../aws/oidc.js'
import { registrationKey, tokenCacheEntry } from './files-plan.js'

export interface ReusedSignIn {
  token: SsoToken
  /** Absent when the cache holds no client registration (a token can still be used as is). */
  registration?: ClientRegistration
  via: 'cached-token' | 'refreshed-token'
}

/** The token cache of this sso-session, if it belongs to the same start URL and region and can serve this run. */
export async function reuseCachedSignIn(
  paths: AwsPaths,
  request: LoginRequest,
  clients: AwsClients,
  mask: (secret: string) => void,
  log: Logger,
  now = Date.now()
): Promise<ReusedSignIn | undefined> {
  const { value: cached, reason } = await readTokenCache(
    paths.ssoCacheDir,
    request.profiles.ssoSession
  )
  if (!cached) {
    log.info(
      `reuse-session: no usable cached token for sso-session "${request.profiles.ssoSession}" (${reason}); asking for approval`
    )
    return undefined
  }
  for (const secret of [
    cached.accessToken,
    cached.refreshToken,
    cached.clientSecret
  ])
    if (secret) mask(secret)
  if (
    cached.startUrl !== request.target.startUrl ||
    (cached.region && cached.region !== request.target.ssoRegion)
  ) {
    log.info(
      `reuse-session: the cached token is for another start URL or region; asking for approval`
    )
    return undefined
  }
  const registration = registrationOf(cached, request)
  const secondsLeft = Math.floor((cached.expiresAt.getTime() - now) / 1000)
  if (secondsLeft >= request.signIn.minValiditySeconds) {
    log.info(
      `reuse-session: using the cached SSO token (valid for ${Math.floor(secondsLeft / 60)} more minutes); no approval needed`
    )
    return { token: tokenOf(cached), registration, via: 'cached-token' }
  }
  if (!refreshable(cached, registration, now)) {
    log.info(
      'reuse-session: the cached token is too close to expiry and cannot be refreshed (no refresh token or an expired client registration); asking for approval'
    )
    return undefined
  }
  // Refresh tokens rotate: two jobs refreshing the same cache at once would leave one of them (and the file) with a
  // dead one. So: under the cache's lock, read it again, and refresh only if nobody else did meanwhile.
  try {
    const reused = await updateTokenCache(
      paths.ssoCacheDir,
      request.profiles.ssoSession,
      async (
        current
      ): Promise<{ result: ReusedSignIn | undefined; write?: TokenInput }> => {
        const latest = current ?? cached
        for (const secret of [
          latest.accessToken,
          latest.refreshToken,
          latest.clientSecret
        ])
          if (secret) mask(secret)
        if (
          latest.startUrl !== request.target.startUrl ||
          (latest.region && latest.region !== request.target.ssoRegion)
        ) {
          log.info(
            'reuse-session: the cached token was replaced by one for another start URL or region meanwhile; asking for approval'
          )
          return { result: undefined }
        }
        const latestRegistration = registrationOf(latest, request)
        const left = Math.floor(
          (latest.expiresAt.getTime() - Date.now()) / 1000
        )
        // It was too stale a moment ago: valid now means another job refreshed it while this one waited for the lock.
        if (left >= request.signIn.minValiditySeconds) {
          log.info(
            `reuse-session: another job refreshed the cached SSO token meanwhile (valid for ${Math.floor(left / 60)} more minutes); using it, no approval needed`
          )
          return {
            result: {
              token: tokenOf(latest),
              registration: latestRegistration,
              via: 'cached-token'
            }
          }
        }
        if (!refreshable(latest, latestRegistration, Date.now())) {
          log.info(
            'reuse-session: the cached token cannot be refreshed any more; asking for approval'
          )
          return { result: undefined }
        }
        const refreshed = await refreshSsoToken(
          await clients.oidcClient(),
          latestRegistration,
          latest.refreshToken!,
          mask
        )
        // Keep the old refresh token if the service did not rotate it, here and in the files this run writes later.
        const token: SsoToken = {
          ...refreshed,
          refreshToken: refreshed.refreshToken ?? latest.refreshToken
        }
        // The service rotates the refresh token: written back at once (still under the lock), or the cache holds a dead one.
        const result: ReusedSignIn = {
          token,
          registration: latestRegistration,
          via: 'refreshed-token'
        }
        return {
          result,
          write: tokenCacheEntry(request, token, latestRegistration)
        }
      }
    )
    if (reused?.via === 'refreshed-token')
      log.info(
        'reuse-session: refreshed the cached SSO token with its refresh token; no approval needed'
      )
    return reused
  } catch (error) {
    log.info(
      `reuse-session: refreshing the cached token failed (${(error as Error).message}); asking for approval`
    )
    return undefined
  }
}

function refreshable(
  cached: CachedToken,
  registration: ClientRegistration | undefined,
  now: number
): registration is ClientRegistration {
  return (
    !!cached.refreshToken &&
    !!registration &&
    registration.expiresAt.getTime() > now
  )
}

function registrationOf(
  cached: CachedToken,
  request: LoginRequest
): ClientRegistration | undefined {
  return cached.clientId && cached.clientSecret && cached.registrationExpiresAt
    ? {
        clientId: cached.clientId,
        clientSecret: cached.clientSecret,
        expiresAt: cached.registrationExpiresAt,
        scopes: request.signIn.registrationScopes
      }
    : undefined
}

function tokenOf(cached: CachedToken): SsoToken {
  return {
    accessToken: cached.accessToken,
    expiresAt: cached.expiresAt,
    ...(cached.refreshToken ? { refreshToken: cached.refreshToken } : {})
  }
}

/**
 * A still-valid client registration from the CLI-format registration cache, so RegisterClient can be skipped: only one
 * registered as `clientName` (AWS's consent page shows the name it was registered with, and the messages tell the
 * approver to compare it). One cached by another tool (the AWS CLI records no name) or under another name is not used.
 */
export async function cachedRegistration(
  paths: AwsPaths,
  request: LoginRequest,
  mask: (secret: string) => void,
  clientName: string
): Promise<ClientRegistration | undefined> {
  const { value } = await readRegistrationCache(
    paths.ssoCacheDir,
    registrationKey(request)
  )
  if (!value) return undefined
  mask(value.clientSecret)
  if (value.clientName !== clientName) return undefined
  return {
    clientId: value.clientId,
    clientSecret: value.clientSecret,
    expiresAt: value.expiresAt,
    scopes: value.scopes ?? [],
    clientName: value.clientName
  }
}
