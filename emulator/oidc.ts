/** SSO OIDC: RegisterClient, StartDeviceAuthorization and CreateToken (device code and refresh token grants). */
import * as ids from './ids.js'
import { json, oidcError, type Reply } from './wire.js'
import type { ClientRecord, DeviceRecord, IdentityCenter } from './state.js'
import type { CallRecord, TokenInfo } from './types.js'

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'
const REFRESH_GRANT = 'refresh_token'

function authenticateClient(
  ic: IdentityCenter,
  body: Record<string, any>
): ClientRecord {
  const { clientId, clientSecret } = body
  if (typeof clientId !== 'string' || !clientId)
    throw oidcError(
      'InvalidRequestException',
      'invalid_request',
      'clientId is required'
    )
  if (typeof clientSecret !== 'string' || !clientSecret)
    throw oidcError(
      'InvalidRequestException',
      'invalid_request',
      'clientSecret is required'
    )
  const client = ic.clientsById.get(clientId)
  if (!client || client.clientSecret !== clientSecret)
    throw oidcError(
      'InvalidClientException',
      'invalid_client',
      'Invalid client',
      401
    )
  if (client.revoked)
    throw oidcError(
      'InvalidClientException',
      'invalid_client',
      'Client has been revoked',
      401
    )
  if (Date.now() >= client.secretExpiresAt)
    throw oidcError(
      'InvalidClientException',
      'invalid_client',
      'Client secret has expired',
      401
    )
  return client
}

export function registerClient(
  ic: IdentityCenter,
  body: Record<string, any>,
  call: CallRecord
): Reply {
  const { clientName, clientType, scopes } = body
  if (typeof clientName !== 'string' || !clientName)
    throw oidcError(
      'InvalidRequestException',
      'invalid_request',
      'clientName is required'
    )
  if (typeof clientType !== 'string' || !clientType)
    throw oidcError(
      'InvalidRequestException',
      'invalid_request',
      'clientType is required'
    )
  if (clientType !== 'public')
    throw oidcError(
      'InvalidClientMetadataException',
      'invalid_client_metadata',
      `Unsupported clientType ${clientType}`
    )
  if (
    scopes !== undefined &&
    (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string'))
  ) {
    throw oidcError(
      'InvalidScopeException',
      'invalid_scope',
      'scopes must be a list of strings'
    )
  }
  const now = Date.now()
  const issuedAt = Math.floor(now / 1000)
  const client: ClientRecord = {
    clientId: ids.newClientId(),
    clientSecret: ids.newClientSecret(),
    clientName,
    clientType,
    scopes: scopes ?? [],
    issuedAt: issuedAt * 1000,
    secretExpiresAt: (issuedAt + ic.options.clientSecretTtl) * 1000,
    revoked: false
  }
  ic.clientsById.set(client.clientId, client)
  ic.counters.registrations++
  call.clientId = client.clientId
  return json({
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: issuedAt,
    clientSecretExpiresAt: issuedAt + ic.options.clientSecretTtl
  })
}

export function startDeviceAuthorization(
  ic: IdentityCenter,
  body: Record<string, any>,
  call: CallRecord
): Reply {
  const client = authenticateClient(ic, body)
  call.clientId = client.clientId
  const { startUrl } = body
  if (typeof startUrl !== 'string' || !startUrl)
    throw oidcError(
      'InvalidRequestException',
      'invalid_request',
      'startUrl is required'
    )
  let userCode = ids.newUserCode()
  while (ic.devicesByUserCode.has(userCode)) userCode = ids.newUserCode()
  const now = Date.now()
  const d: DeviceRecord = {
    deviceCode: ids.newDeviceCode(),
    userCode,
    requestUri: ids.newRequestUri(),
    clientId: client.clientId,
    clientName: client.clientName,
    startUrl,
    scopes: client.scopes,
    createdAt: now,
    expiresAt: now + ic.options.expiresIn * 1000,
    interval: ic.options.interval,
    polls: 0
  }
  ic.devicesByCode.set(d.deviceCode, d)
  ic.devicesByUserCode.set(userCode, d)
  ic.devicesByRequestUri.set(d.requestUri, d)
  ic.deviceOrder.push(d)
  ic.counters.deviceAuthorizations++
  call.userCode = userCode
  const info = ic.info(d)
  const waiter = ic.waiters.shift()
  if (waiter) {
    clearTimeout(waiter.timer)
    d.delivered = true
    waiter.resolve(info)
  }
  ic.events.emit('started', info)
  if (ic.options.autoApproveAs?.length) {
    // A list approves the device authorizations in turn (required-approvals: alice, then bob, then alice …).
    const users = [ic.options.autoApproveAs].flat()
    const user = users[(ic.counters.deviceAuthorizations - 1) % users.length]
    const timer = setTimeout(() => {
      ic.timers.delete(timer)
      if (ic.statusOf(d) === 'pending') {
        try {
          ic.approve(d.userCode, user)
        } catch {
          /* unknown user: leave pending */
        }
      }
    }, ic.options.autoApproveAfterMs)
    timer.unref()
    ic.timers.add(timer)
  }
  return json({
    deviceCode: d.deviceCode,
    userCode: d.userCode,
    verificationUri: info.verificationUri,
    verificationUriComplete: info.verificationUriComplete,
    expiresIn: ic.options.expiresIn,
    interval: ic.options.interval
  })
}

function issueToken(
  ic: IdentityCenter,
  client: ClientRecord,
  user: string,
  scopes: string[],
  grant: TokenInfo['grant'],
  userCode?: string
): Reply {
  const now = Date.now()
  const ttl = ic.options.accessTokenTtl
  const token: TokenInfo = {
    accessToken: ids.newAccessToken(),
    clientId: client.clientId,
    user,
    grant,
    userCode,
    issuedAt: now,
    expiresAt: now + ttl * 1000,
    revoked: false
  }
  if (ic.options.issueRefreshTokens && scopes.length > 0) {
    token.refreshToken = ids.newRefreshToken()
    ic.refreshTokens.set(token.refreshToken, {
      refreshToken: token.refreshToken,
      clientId: client.clientId,
      user,
      scopes,
      used: false,
      revoked: false
    })
  }
  ic.accessTokens.set(token.accessToken, token)
  ic.counters.tokensIssued++
  ic.events.emit('token', { ...token })
  const out: Record<string, unknown> = {
    accessToken: token.accessToken,
    tokenType: 'Bearer',
    expiresIn: ttl
  }
  if (token.refreshToken) out.refreshToken = token.refreshToken
  return json(out)
}

export function createToken(
  ic: IdentityCenter,
  body: Record<string, any>,
  call: CallRecord
): Reply {
  const client = authenticateClient(ic, body)
  call.clientId = client.clientId
  const { grantType } = body
  call.grantType = grantType
  if (typeof grantType !== 'string' || !grantType)
    throw oidcError(
      'InvalidRequestException',
      'invalid_request',
      'grantType is required'
    )
  if (grantType === DEVICE_GRANT) return pollDeviceCode(ic, client, body, call)
  if (grantType === REFRESH_GRANT) return refresh(ic, client, body)
  throw oidcError(
    'UnsupportedGrantTypeException',
    'unsupported_grant_type',
    `Unsupported grant type ${grantType}`
  )
}

function pollDeviceCode(
  ic: IdentityCenter,
  client: ClientRecord,
  body: Record<string, any>,
  call: CallRecord
): Reply {
  ic.counters.tokenPolls++
  const { deviceCode } = body
  if (typeof deviceCode !== 'string' || !deviceCode)
    throw oidcError(
      'InvalidRequestException',
      'invalid_request',
      'deviceCode is required'
    )
  const d = ic.devicesByCode.get(deviceCode)
  if (!d)
    throw oidcError(
      'InvalidGrantException',
      'invalid_grant',
      'Invalid device code provided'
    )
  call.userCode = d.userCode
  if (d.clientId !== client.clientId)
    throw oidcError(
      'InvalidGrantException',
      'invalid_grant',
      'Device code was issued to another client'
    )
  const now = Date.now()
  const previousPoll = d.lastPollAt
  d.lastPollAt = now
  d.polls++
  const status = ic.statusOf(d, now)
  if (status === 'consumed')
    throw oidcError(
      'InvalidGrantException',
      'invalid_grant',
      'Device code has already been used'
    )
  if (status === 'expired')
    throw oidcError(
      'ExpiredTokenException',
      'expired_token',
      'Device code has expired'
    )
  if (status === 'denied')
    throw oidcError(
      'AccessDeniedException',
      'access_denied',
      'The user denied the authorization request'
    )
  if (ic.forcedSlowDowns > 0) {
    ic.forcedSlowDowns--
    d.interval += 5
    throw oidcError(
      'SlowDownException',
      'slow_down',
      'Client is polling too fast'
    )
  }
  // Allow 50 ms of network / timer jitter before calling a poll too early.
  if (
    ic.options.enforceInterval &&
    previousPoll !== undefined &&
    now - previousPoll < d.interval * 1000 - 50
  ) {
    d.interval += 5
    throw oidcError(
      'SlowDownException',
      'slow_down',
      'Client is polling too fast'
    )
  }
  if (status === 'pending')
    throw oidcError(
      'AuthorizationPendingException',
      'authorization_pending',
      'Authorization is still pending'
    )
  d.consumedAt = now
  call.user = d.approvedBy
  return issueToken(
    ic,
    client,
    d.approvedBy as string,
    d.scopes,
    'device_code',
    d.userCode
  )
}

function refresh(
  ic: IdentityCenter,
  client: ClientRecord,
  body: Record<string, any>
): Reply {
  const { refreshToken } = body
  if (typeof refreshToken !== 'string' || !refreshToken)
    throw oidcError(
      'InvalidRequestException',
      'invalid_request',
      'refreshToken is required'
    )
  const r = ic.refreshTokens.get(refreshToken)
  if (!r || r.used || r.revoked || r.clientId !== client.clientId) {
    throw oidcError(
      'InvalidGrantException',
      'invalid_grant',
      'Invalid refresh token provided'
    )
  }
  r.used = true // rotation: a refresh token works once
  ic.counters.refreshes++
  return issueToken(ic, client, r.user, r.scopes, 'refresh_token')
}
