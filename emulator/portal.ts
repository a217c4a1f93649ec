/** The SSO portal API: ListAccounts, ListAccountRoles, GetRoleCredentials and Logout. */
import type { IncomingMessage } from 'node:http'
import * as ids from './ids.js'
import { json, portalError, unauthorized, type Reply } from './wire.js'
import type { IdentityCenter } from './state.js'
import type { CallRecord, RoleSessionInfo, TokenInfo } from './types.js'

function bearer(
  ic: IdentityCenter,
  headers: IncomingMessage['headers'],
  call: CallRecord
): TokenInfo {
  const raw = headers['x-amz-sso_bearer_token']
  const value = Array.isArray(raw) ? raw[0] : raw
  if (!value) throw unauthorized()
  const t = ic.accessTokens.get(value)
  if (!t || t.revoked || Date.now() >= t.expiresAt) throw unauthorized()
  call.user = t.user
  call.clientId = t.clientId
  return t
}

function paginate<T>(
  ic: IdentityCenter,
  items: T[],
  query: URLSearchParams
): { page: T[]; nextToken?: string } {
  const maxRaw = query.get('max_result')
  let max = ic.options.defaultPageSize
  if (maxRaw !== null) {
    max = Number(maxRaw)
    if (!Number.isInteger(max) || max < 1 || max > 1000)
      throw portalError(
        'InvalidRequestException',
        400,
        'max_result must be between 1 and 1000'
      )
  }
  if (ic.options.maxPageSize) max = Math.min(max, ic.options.maxPageSize)
  let offset = 0
  const token = query.get('next_token')
  if (token) {
    try {
      const parsed = JSON.parse(
        Buffer.from(token, 'base64url').toString('utf8')
      )
      offset = parsed.o
    } catch {
      offset = NaN
    }
    if (!Number.isInteger(offset) || offset < 0 || offset > items.length)
      throw portalError('InvalidRequestException', 400, 'Invalid next token')
  }
  const page = items.slice(offset, offset + max)
  const next = offset + max
  return {
    page,
    nextToken:
      next < items.length
        ? Buffer.from(
            JSON.stringify({ o: next, n: ids.newRequestId().slice(0, 8) })
          ).toString('base64url')
        : undefined
  }
}

export function listAccounts(
  ic: IdentityCenter,
  headers: IncomingMessage['headers'],
  query: URLSearchParams,
  call: CallRecord
): Reply {
  const t = bearer(ic, headers, call)
  const accounts = ic.directory.accountsFor(t.user).map((a) => ({
    accountId: a.accountId,
    accountName: a.accountName,
    emailAddress: a.emailAddress ?? `aws+${a.accountId}@example.com`
  }))
  const { page, nextToken } = paginate(ic, accounts, query)
  return json(
    nextToken ? { nextToken, accountList: page } : { accountList: page }
  )
}

export function listAccountRoles(
  ic: IdentityCenter,
  headers: IncomingMessage['headers'],
  query: URLSearchParams,
  call: CallRecord
): Reply {
  const t = bearer(ic, headers, call)
  const accountId = query.get('account_id')
  if (!accountId)
    throw portalError('InvalidRequestException', 400, 'account_id is required')
  if (!ic.directory.accountsFor(t.user).some((a) => a.accountId === accountId))
    throw portalError('ForbiddenException', 403, 'No access')
  const roles = ic.directory
    .rolesFor(t.user, accountId)
    .map((roleName) => ({ roleName, accountId }))
  const { page, nextToken } = paginate(ic, roles, query)
  return json(nextToken ? { nextToken, roleList: page } : { roleList: page })
}

export function getRoleCredentials(
  ic: IdentityCenter,
  headers: IncomingMessage['headers'],
  query: URLSearchParams,
  call: CallRecord
): Reply {
  const t = bearer(ic, headers, call)
  const roleName = query.get('role_name')
  const accountId = query.get('account_id')
  if (!roleName)
    throw portalError('InvalidRequestException', 400, 'role_name is required')
  if (!accountId)
    throw portalError('InvalidRequestException', 400, 'account_id is required')
  if (!ic.directory.canAssume(t.user, accountId, roleName))
    throw portalError('ForbiddenException', 403, 'No access')
  const now = Date.now()
  const session: RoleSessionInfo = {
    accessKeyId: ids.newAccessKeyId(),
    secretAccessKey: ids.newSecretAccessKey(),
    sessionToken: ids.newSessionToken(),
    accountId,
    roleName,
    user: t.user,
    issuedAt: now,
    expiration: now + ic.options.roleCredentialsTtl * 1000
  }
  ic.sessions.set(session.accessKeyId, session)
  ic.counters.roleCredentials++
  return json({
    roleCredentials: {
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
      expiration: session.expiration
    }
  })
}

export function logout(
  ic: IdentityCenter,
  headers: IncomingMessage['headers'],
  call: CallRecord
): Reply {
  const t = bearer(ic, headers, call)
  const now = Date.now()
  t.revoked = true
  t.revokedAt = now
  // The portal session ends: the refresh token issued with this access token dies with it.
  if (t.refreshToken) {
    const r = ic.refreshTokens.get(t.refreshToken)
    if (r) r.revoked = true
  }
  ic.counters.logouts++
  return { status: 200, headers: {}, body: '' }
}
