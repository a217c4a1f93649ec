/** The control API: /_control/… drives the emulator over HTTP (approve, deny, faults, views, reset …). */
import type { ServerResponse } from 'node:http'
import type { EmulatorRole } from './assume-role.js'
import { sendJson } from './routes.js'
import type { IdentityCenter } from './state.js'
import { EmulatorControlError } from './wire.js'

export async function control(
  ic: IdentityCenter,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
  res: ServerResponse
): Promise<void> {
  const route = path.replace(/^\/_control\/?/, '').replace(/\/$/, '')
  let input: Record<string, any> = {}
  if (body.length) {
    try {
      input = JSON.parse(body.toString('utf8'))
    } catch {
      return sendJson(res, 400, { error: 'body must be JSON' })
    }
  }
  for (const [k, v] of query) if (input[k] === undefined) input[k] = v
  try {
    const get = method === 'GET'
    const post = method === 'POST'
    if (get && (route === 'health' || route === ''))
      return sendJson(res, 200, { ok: true, url: ic.baseUrl })
    if (get && route === 'calls') return sendJson(res, 200, ic.calls())
    if (get && route === 'stats') return sendJson(res, 200, ic.stats())
    if (get && route === 'pending') return sendJson(res, 200, ic.pendingCodes())
    if (get && route === 'last') {
      const last = ic.lastStarted()
      return last
        ? sendJson(res, 200, last)
        : sendJson(res, 404, { error: 'no device authorization started yet' })
    }
    if (get && route === 'tokens') return sendJson(res, 200, ic.tokens())
    if (get && route === 'clients') return sendJson(res, 200, ic.clients())
    if (get && route === 'sessions')
      return sendJson(res, 200, ic.roleSessions())
    if (get && route === 'roles') return sendJson(res, 200, ic.iamRoles())
    if (get && (route === 'assume-role' || route === 'assumeRoleRequests'))
      return sendJson(res, 200, ic.assumeRoleRequests())
    if (post && (route === 'role' || route === 'putRole'))
      return sendJson(res, 200, ic.putRole(input as EmulatorRole))
    if (get && route === 'wait') {
      try {
        return sendJson(
          res,
          200,
          await ic.waitForDeviceAuthorization(Number(input.timeoutMs ?? 10000))
        )
      } catch (err: any) {
        return sendJson(res, 408, { error: err.message })
      }
    }
    if (post && route === 'approve')
      return sendJson(
        res,
        200,
        ic.approve(input.userCode, input.user ?? input.userName ?? 'alice')
      )
    if (post && route === 'deny')
      return sendJson(res, 200, ic.deny(input.userCode))
    if (post && route === 'expire')
      return sendJson(res, 200, ic.expire(input.userCode))
    if (post && (route === 'slow-down' || route === 'slowDown')) {
      ic.slowDown(Number(input.count ?? 1))
      return sendJson(res, 200, { ok: true })
    }
    if (post && (route === 'fault' || route === 'injectFault')) {
      ic.injectFault({
        operation: input.operation,
        kind: input.kind,
        count: input.count === undefined ? 1 : Number(input.count),
        timeoutMs:
          input.timeoutMs === undefined ? undefined : Number(input.timeoutMs)
      })
      return sendJson(res, 200, { ok: true })
    }
    if (post && (route === 'revoke-client' || route === 'revokeClient')) {
      ic.revokeClient(input.clientId)
      return sendJson(res, 200, { ok: true })
    }
    if (post && (route === 'expire-token' || route === 'expireAccessToken')) {
      ic.expireAccessToken(input.accessToken)
      return sendJson(res, 200, { ok: true })
    }
    if (post && (route === 'end-sessions' || route === 'endSessions')) {
      ic.endSessions(input.user)
      return sendJson(res, 200, { ok: true })
    }
    if (post && (route === 'delay' || route === 'setDelay')) {
      ic.setDelay(Number(input.ms ?? input.delayMs))
      return sendJson(res, 200, { ok: true, delayMs: ic.delayMs })
    }
    if (
      post &&
      (route === 'portal-rate-limit' || route === 'setPortalRateLimit')
    ) {
      const raw = input.perSecond ?? input.rate
      ic.setPortalRateLimit(
        raw === undefined || raw === null || raw === ''
          ? undefined
          : Number(raw)
      )
      return sendJson(res, 200, {
        ok: true,
        perSecond:
          raw === undefined || raw === null || raw === '' ? null : Number(raw)
      })
    }
    if (
      post &&
      (route === 'sts-account-override' || route === 'stsAccountOverride')
    ) {
      const accountId =
        input.accountId === undefined ||
        input.accountId === null ||
        input.accountId === ''
          ? undefined
          : String(input.accountId)
      ic.setStsAccountOverride(accountId)
      return sendJson(res, 200, { ok: true, accountId: accountId ?? null })
    }
    if (post && route === 'reset') {
      ic.reset()
      return sendJson(res, 200, { ok: true })
    }
    return sendJson(res, 404, {
      error: `no control route ${method} /_control/${route}`
    })
  } catch (err: any) {
    if (err instanceof EmulatorControlError)
      return sendJson(res, err.status, { error: err.message })
    throw err
  }
}
