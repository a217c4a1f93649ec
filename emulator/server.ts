/**
 * A local AWS IAM Identity Center emulator: SSO OIDC (device authorization grant), the SSO portal API
 * and STS GetCallerIdentity on one HTTP port, speaking the real wire protocols so the unmodified AWS SDKs
 * and the AWS CLI talk to it through AWS_ENDPOINT_URL_SSO_OIDC / _SSO / _STS (or AWS_ENDPOINT_URL).
 * A dev/test tool: never part of dist/.
 *
 * This module is the socket layer: it routes each request to the control API (control.ts), the approval pages
 * (approval.ts) or an AWS operation (oidc.ts, portal.ts, sts.ts), applies delays and faults, and answers.
 * The state lives in state.ts, the wire formats in wire.ts.
 */
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
  type Server
} from 'node:http'
import type { Socket } from 'node:net'
import * as ids from './ids.js'
import { authorizePage, devicePage } from './approval.js'
import { control } from './control.js'
import {
  createToken,
  registerClient,
  startDeviceAuthorization
} from './oidc.js'
import {
  getRoleCredentials,
  listAccountRoles,
  listAccounts,
  logout
} from './portal.js'
import { identify, parseJsonBody, readBody, sleep } from './routes.js'
import {
  AUTHORIZE_DECISION_PATH,
  AUTHORIZE_PATH,
  IdentityCenter,
  type ResolvedOptions
} from './state.js'
import { sts } from './sts.js'
import {
  AwsError,
  faultError,
  renderError,
  type Reply,
  type Service
} from './wire.js'
import type { CallRecord, Emulator, EmulatorOptions } from './types.js'

export type * from './types.js'
export { Directory, DEFAULT_ACCOUNTS, DEFAULT_USERS } from './directory.js'
export { DEFAULT_ROLES, PACKED_LIMIT, roleArn } from './assume-role.js'
export type {
  AssumeRoleRecord,
  EmulatorRole,
  SessionTag
} from './assume-role.js'
export { EmulatorControlError } from './wire.js'
export { AUTHORIZE_PATH } from './state.js'

/** Start the emulator. */
export async function startEmulator(
  options: EmulatorOptions = {}
): Promise<Emulator> {
  const opts: ResolvedOptions = {
    expiresIn: 600,
    interval: 1,
    accessTokenTtl: 28800,
    issueRefreshTokens: true,
    clientSecretTtl: 90 * 24 * 3600,
    roleCredentialsTtl: 3600,
    delayMs: 0,
    defaultPageSize: 20,
    autoApproveAfterMs: 0,
    enforceInterval: false,
    ...Object.fromEntries(
      Object.entries(options).filter(([, v]) => v !== undefined)
    )
  }
  const host = opts.host ?? '127.0.0.1'
  const ic = new IdentityCenter(opts)
  for (const user of [opts.autoApproveAs ?? []].flat())
    if (!ic.directory.user(user))
      throw new Error(`autoApproveAs: unknown user ${user}`)
  const held = new Set<Socket>()
  const heldTimers = new Set<NodeJS.Timeout>()

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({ message: `emulator error: ${err?.message ?? err}` })
        )
      } else res.destroy()
    })
  })
  server.keepAliveTimeout = 5000

  async function handle(
    req: IncomingMessage,
    res: ServerResponse
  ): Promise<void> {
    const started = Date.now()
    const rawUrl = req.url ?? '/'
    const url = new URL(rawUrl, 'http://emulator.local')
    const method = (req.method ?? 'GET').toUpperCase()
    const body = await readBody(req)
    const path = url.pathname

    if (path.startsWith('/_control/') || path === '/_control')
      return control(ic, method, path, url.searchParams, body, res)
    if (
      path === '/device' ||
      path === '/device/' ||
      path === '/device/decision'
    )
      return devicePage(ic, method, path, url.searchParams, body, res)
    if (path === AUTHORIZE_PATH || path === AUTHORIZE_DECISION_PATH)
      return authorizePage(ic, method, path, url.searchParams, body, res)

    const id = identify(
      method,
      path,
      url.searchParams,
      body,
      String(req.headers['content-type'] ?? '')
    )
    const operation = id?.operation ?? 'Unknown'
    const requestId = ids.newRequestId()
    const call: CallRecord = {
      operation,
      method,
      path,
      at: started,
      status: 0,
      durationMs: 0,
      requestId
    }
    ic.countCall(operation)

    if (ic.delayMs > 0 && id) await sleep(ic.delayMs)

    const fault = id ? ic.takeFault(operation) : undefined
    if (fault && (fault.kind === 'reset' || fault.kind === 'timeout')) {
      call.fault = fault.kind
      const finish = (): void => {
        call.durationMs = Date.now() - started
        ic.record(call)
        req.socket.destroy()
      }
      if (fault.kind === 'reset') return finish()
      held.add(req.socket)
      const timer = setTimeout(() => {
        heldTimers.delete(timer)
        held.delete(req.socket)
        finish()
      }, fault.timeoutMs)
      heldTimers.add(timer)
      return
    }

    let reply: Reply
    try {
      if (!id) {
        reply = {
          status: 404,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ message: `No route for ${method} ${path}` }),
          error: 'UnknownOperationException'
        }
      } else if (fault) {
        call.fault = fault.kind
        throw faultError(id.service, fault.kind as 'throttle' | '5xx')
      } else if (id.service === 'portal' && !ic.admitPortalCall()) {
        throw faultError('portal', 'throttle')
      } else {
        reply = dispatch(id, method, rawUrl, req, url.searchParams, body, call)
      }
    } catch (err) {
      if (!(err instanceof AwsError)) throw err
      reply = renderError(err, requestId)
    }
    call.status = reply.status
    if (reply.error) call.error = reply.error
    const headers: Record<string, string | number> = {
      ...reply.headers,
      'x-amzn-requestid': requestId,
      'content-length': Buffer.byteLength(reply.body)
    }
    res.writeHead(reply.status, headers)
    res.end(reply.body)
    call.durationMs = Date.now() - started
    ic.record(call)
  }

  function dispatch(
    id: { operation: string; service: Service; params?: Map<string, string> },
    method: string,
    rawUrl: string,
    req: IncomingMessage,
    query: URLSearchParams,
    body: Buffer,
    call: CallRecord
  ): Reply {
    switch (id.operation) {
      case 'RegisterClient':
        return registerClient(ic, parseJsonBody(body), call)
      case 'StartDeviceAuthorization':
        return startDeviceAuthorization(ic, parseJsonBody(body), call)
      case 'CreateToken':
        return createToken(ic, parseJsonBody(body), call)
      case 'GetRoleCredentials':
        return getRoleCredentials(ic, req.headers, query, call)
      case 'ListAccounts':
        return listAccounts(ic, req.headers, query, call)
      case 'ListAccountRoles':
        return listAccountRoles(ic, req.headers, query, call)
      case 'Logout':
        return logout(ic, req.headers, call)
      default:
        return sts(
          ic,
          method,
          rawUrl,
          req.rawHeaders,
          body,
          id.params ?? new Map(),
          call
        )
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const port =
    typeof address === 'object' && address ? address.port : Number(opts.port)
  const urlHost =
    host === '0.0.0.0'
      ? '127.0.0.1'
      : host === '::'
        ? '[::1]'
        : host.includes(':')
          ? `[${host}]`
          : host
  const baseUrl = (opts.publicUrl ?? `http://${urlHost}:${port}`).replace(
    /\/+$/,
    ''
  )
  ic.baseUrl = baseUrl

  let closed: Promise<void> | undefined
  const emulator: Emulator = {
    url: baseUrl,
    port,
    events: ic.events,
    close() {
      closed ??= new Promise<void>((resolve) => {
        ic.shutdown()
        for (const t of heldTimers) clearTimeout(t)
        heldTimers.clear()
        for (const s of held) s.destroy()
        held.clear()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closed
    },
    approve: (userCode, userName) => ic.approve(userCode, userName),
    deny: (userCode) => ic.deny(userCode),
    expire: (userCode) => ic.expire(userCode),
    slowDown: (count) => ic.slowDown(count),
    injectFault: (fault) => ic.injectFault(fault),
    revokeClient: (clientId) => ic.revokeClient(clientId),
    expireAccessToken: (token) => ic.expireAccessToken(token),
    endSessions: (user) => ic.endSessions(user),
    setDelay: (ms) => ic.setDelay(ms),
    setPortalRateLimit: (perSecond) => ic.setPortalRateLimit(perSecond),
    setStsAccountOverride: (accountId) => ic.setStsAccountOverride(accountId),
    calls: () => ic.calls(),
    stats: () => ic.stats(),
    pendingCodes: () => ic.pendingCodes(),
    lastStarted: () => ic.lastStarted(),
    waitForDeviceAuthorization: (timeoutMs) =>
      ic.waitForDeviceAuthorization(timeoutMs),
    tokens: () => ic.tokens(),
    clients: () => ic.clients(),
    roleSessions: () => ic.roleSessions(),
    roles: () => ic.iamRoles(),
    putRole: (role) => ic.putRole(role),
    assumeRoleRequests: () => ic.assumeRoleRequests(),
    reset: () => ic.reset()
  }
  return emulator
}
