/**
 * A local AWS IAM Identity Center emulator: SSO OIDC (device authorization grant), the SSO portal API
 * and STS GetCallerIdentity on one HTTP port, speaking the real wire protocols so the unmodified AWS SDKs
 * and the AWS CLI talk to it through AWS_ENDPOINT_URL_SSO_OIDC / _SSO / _STS (or AWS_ENDPOINT_URL).
 * A dev/test tool: never part of dist/.
 */
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
  type Server
} from 'node:http'
import type { Socket } from 'node:net'
import { EventEmitter } from 'node:events'
import { performance } from 'node:perf_hooks'
import { Directory } from './directory.js'
import * as ids from './ids.js'
import {
  approvalPage,
  confirmCodePage,
  enterCodePage,
  errorPage,
  resultPage
} from './pages.js'
import { parseAuth, toSigV4Request, verifySignature } from './sigv4.js'
import {
  DEFAULT_ROLES,
  authorize,
  checkAssumeRoleParams,
  readAssumeRoleParams,
  roleArn,
  type AssumeRoleRecord,
  type EmulatorRole
} from './assume-role.js'
import type {
  ApprovedEvent,
  CallRecord,
  ClientInfo,
  DeviceAuthorizationInfo,
  DeviceStatus,
  Emulator,
  EmulatorOptions,
  EmulatorStats,
  FaultKind,
  FaultSpec,
  RoleSessionInfo,
  TokenInfo
} from './types.js'

export type * from './types.js'
export { Directory, DEFAULT_ACCOUNTS, DEFAULT_USERS } from './directory.js'
export { DEFAULT_ROLES, PACKED_LIMIT, roleArn } from './assume-role.js'
export type {
  AssumeRoleRecord,
  EmulatorRole,
  SessionTag
} from './assume-role.js'

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'
const REFRESH_GRANT = 'refresh_token'
const OIDC_NS = 'http://internal.amazon.com/coral/com.amazonaws.ssooidc/'
const PORTAL_NS =
  'http://internal.amazon.com/coral/com.amazon.switchboard.portal/'
const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/'
const MAX_BODY = 1024 * 1024

type Service = 'oidc' | 'portal' | 'sts'

const OPERATIONS: Record<
  string,
  { service: Service; method: string; path: string }
> = {
  RegisterClient: { service: 'oidc', method: 'POST', path: '/client/register' },
  StartDeviceAuthorization: {
    service: 'oidc',
    method: 'POST',
    path: '/device_authorization'
  },
  CreateToken: { service: 'oidc', method: 'POST', path: '/token' },
  GetRoleCredentials: {
    service: 'portal',
    method: 'GET',
    path: '/federation/credentials'
  },
  ListAccounts: {
    service: 'portal',
    method: 'GET',
    path: '/assignment/accounts'
  },
  ListAccountRoles: {
    service: 'portal',
    method: 'GET',
    path: '/assignment/roles'
  },
  Logout: { service: 'portal', method: 'POST', path: '/logout' }
}

/** An answer to an AWS call. */
interface Reply {
  status: number
  headers: Record<string, string>
  body: string
  error?: string
}

/** An AWS error, rendered in the wire format of the service that raised it. */
class AwsError extends Error {
  constructor(
    readonly service: Service,
    readonly code: string,
    readonly status: number,
    message: string,
    /** OIDC: the OAuth `error` field */
    readonly oauthError?: string,
    /** STS: Sender / Receiver */
    readonly type: 'Sender' | 'Receiver' = 'Sender'
  ) {
    super(message)
  }
}

/** Thrown by the control methods (approve / deny / expire ...) for bad input. */
export class EmulatorControlError extends Error {
  constructor(
    message: string,
    readonly status: number = 400
  ) {
    super(message)
    this.name = 'EmulatorControlError'
  }
}

const oidcError = (
  code: string,
  oauth: string,
  description: string,
  status = 400
): AwsError => new AwsError('oidc', code, status, description, oauth)
const portalError = (code: string, status: number, message: string): AwsError =>
  new AwsError('portal', code, status, message)
const stsError = (
  code: string,
  status: number,
  message: string,
  type: 'Sender' | 'Receiver' = 'Sender'
): AwsError => new AwsError('sts', code, status, message, undefined, type)

const unauthorized = (): AwsError =>
  portalError(
    'UnauthorizedException',
    401,
    'Session token not found or invalid'
  )

function xmlEscape(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) =>
      ({
        '&': '&amp;',
        '<': '&lt;',
        '>': '&gt;',
        '"': '&quot;',
        "'": '&apos;'
      })[c] as string
  )
}

function renderError(err: AwsError, requestId: string): Reply {
  if (err.service === 'sts') {
    const body =
      `<ErrorResponse xmlns="${STS_XMLNS}">\n  <Error>\n    <Type>${err.type}</Type>\n    <Code>${xmlEscape(err.code)}</Code>\n` +
      `    <Message>${xmlEscape(err.message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
    return {
      status: err.status,
      headers: { 'content-type': 'text/xml' },
      body,
      error: err.code
    }
  }
  const ns = err.service === 'oidc' ? OIDC_NS : PORTAL_NS
  const payload =
    err.oauthError !== undefined
      ? { error: err.oauthError, error_description: err.message }
      : { message: err.message }
  return {
    status: err.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': `${err.code}:${ns}`
    },
    body: JSON.stringify(payload),
    error: err.code
  }
}

function faultError(service: Service, kind: 'throttle' | '5xx'): AwsError {
  if (kind === 'throttle') {
    if (service === 'sts') return stsError('Throttling', 400, 'Rate exceeded')
    if (service === 'portal')
      return portalError('TooManyRequestsException', 429, 'Too many requests')
    // SSO OIDC models no throttling error; a 429 with a throttling code is what both SDKs retry as throttling.
    return new AwsError('oidc', 'ThrottlingException', 429, 'Rate exceeded')
  }
  if (service === 'sts')
    return stsError(
      'InternalFailure',
      500,
      'An internal error occurred.',
      'Receiver'
    )
  if (service === 'portal')
    return portalError(
      'InternalServerException',
      500,
      'An internal error occurred.'
    )
  return oidcError(
    'InternalServerException',
    'server_error',
    'An internal error occurred.',
    500
  )
}

const json = (value: unknown, status = 200): Reply => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value)
})

interface ClientRecord extends ClientInfo {
  clientSecret: string
}

interface DeviceRecord {
  deviceCode: string
  userCode: string
  /** The request_uri of today's approval link (see EmulatorOptions.userCodeLink). */
  requestUri: string
  clientId: string
  clientName: string
  startUrl: string
  scopes: string[]
  createdAt: number
  expiresAt: number
  interval: number
  polls: number
  lastPollAt?: number
  approvedBy?: string
  approvedAt?: number
  deniedAt?: number
  consumedAt?: number
  forcedExpired?: boolean
  delivered?: boolean
}

interface RefreshRecord {
  refreshToken: string
  clientId: string
  user: string
  scopes: string[]
  used: boolean
  revoked: boolean
}

interface FaultRecord {
  operation?: string
  kind: FaultKind
  remaining: number
  timeoutMs: number
}

function emptyStats(): EmulatorStats {
  return {
    calls: 0,
    registrations: 0,
    deviceAuthorizations: 0,
    approvals: 0,
    denials: 0,
    tokenPolls: 0,
    tokensIssued: 0,
    refreshes: 0,
    roleCredentials: 0,
    assumedRoles: 0,
    callerIdentities: 0,
    logouts: 0,
    faults: 0,
    throttled: 0,
    byOperation: {}
  }
}

/** Today's approval link: `<base>/platform/authorize?request_uri=…` (the form AWS answers since September 2026). */
export const AUTHORIZE_PATH = '/platform/authorize'
const AUTHORIZE_DECISION_PATH = '/platform/authorize/decision'

function normaliseUserCode(code: string): string {
  const c = String(code ?? '')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, '')
  return /^[A-Z]{8}$/.test(c) ? `${c.slice(0, 4)}-${c.slice(4)}` : c
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(new Error('request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function parseJsonBody(body: Buffer): Record<string, any> {
  if (body.length === 0) return {}
  try {
    const value = JSON.parse(body.toString('utf8'))
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value
  } catch {
    /* fall through */
  }
  throw oidcError(
    'InvalidRequestException',
    'invalid_request',
    'Request body is not a JSON object'
  )
}

const sleep = (ms: number): Promise<void> =>
  new Promise((r) => setTimeout(r, ms))

type ResolvedOptions = Required<
  Omit<
    EmulatorOptions,
    | 'users'
    | 'accounts'
    | 'roles'
    | 'autoApproveAs'
    | 'publicUrl'
    | 'port'
    | 'host'
    | 'maxPageSize'
    | 'portalRateLimit'
    | 'userCodeLink'
  >
> &
  EmulatorOptions

/** The emulator's state and behaviour, independent of the socket layer. */
class IdentityCenter {
  readonly events = new EventEmitter()
  readonly directory: Directory
  baseUrl = ''
  delayMs: number

  private clientsById = new Map<string, ClientRecord>()
  private devicesByCode = new Map<string, DeviceRecord>()
  private devicesByUserCode = new Map<string, DeviceRecord>()
  private devicesByRequestUri = new Map<string, DeviceRecord>()
  private deviceOrder: DeviceRecord[] = []
  private accessTokens = new Map<string, TokenInfo>()
  private refreshTokens = new Map<string, RefreshRecord>()
  private sessions = new Map<string, RoleSessionInfo>()
  private roles: EmulatorRole[]
  private assumeRoleLog: AssumeRoleRecord[] = []
  private callLog: CallRecord[] = []
  private counters = emptyStats()
  private faults: FaultRecord[] = []
  private forcedSlowDowns = 0
  /** When set, STS GetCallerIdentity answers with this account instead of the one the credentials were issued for. */
  private stsAccountOverride: string | undefined
  private waiters: Array<{
    resolve: (d: DeviceAuthorizationInfo) => void
    reject: (e: Error) => void
    timer: NodeJS.Timeout
  }> = []
  readonly timers = new Set<NodeJS.Timeout>()
  /** The portal's token bucket (portalRateLimit): tokens left and when it was last filled. */
  private portalRate: number | undefined
  private portalTokens = 0
  private portalFilledAt = 0

  constructor(readonly options: ResolvedOptions) {
    this.directory = new Directory(options.users, options.accounts)
    this.roles = (options.roles ?? DEFAULT_ROLES).map((r) => ({
      ...r,
      trust: [...r.trust]
    }))
    this.delayMs = options.delayMs
    this.events.setMaxListeners(100)
    this.setPortalRateLimit(options.portalRateLimit)
  }

  // ---------- views ----------

  private statusOf(d: DeviceRecord, now = Date.now()): DeviceStatus {
    if (d.consumedAt !== undefined) return 'consumed'
    if (d.deniedAt !== undefined) return 'denied'
    if (d.forcedExpired || now >= d.expiresAt) return 'expired'
    if (d.approvedAt !== undefined) return 'approved'
    return 'pending'
  }

  private info(d: DeviceRecord): DeviceAuthorizationInfo {
    const verificationUri = `${this.baseUrl}/device`
    return {
      userCode: d.userCode,
      deviceCode: d.deviceCode,
      verificationUri,
      verificationUriComplete: this.options.userCodeLink
        ? `${verificationUri}?user_code=${d.userCode}`
        : `${this.baseUrl}${AUTHORIZE_PATH}?request_uri=${encodeURIComponent(d.requestUri)}`,
      clientId: d.clientId,
      clientName: d.clientName,
      startUrl: d.startUrl,
      status: this.statusOf(d),
      createdAt: d.createdAt,
      expiresAt: d.expiresAt,
      interval: d.interval,
      polls: d.polls,
      approvedBy: d.approvedBy,
      approvedAt: d.approvedAt,
      deniedAt: d.deniedAt,
      consumedAt: d.consumedAt
    }
  }

  calls(): CallRecord[] {
    return this.callLog.map((c) => ({ ...c }))
  }

  stats(): EmulatorStats {
    return { ...this.counters, byOperation: { ...this.counters.byOperation } }
  }

  pendingCodes(): DeviceAuthorizationInfo[] {
    return this.deviceOrder
      .filter((d) => this.statusOf(d) === 'pending')
      .map((d) => this.info(d))
  }

  lastStarted(): DeviceAuthorizationInfo | undefined {
    const d = this.deviceOrder[this.deviceOrder.length - 1]
    return d ? this.info(d) : undefined
  }

  tokens(): TokenInfo[] {
    return [...this.accessTokens.values()].map((t) => ({ ...t }))
  }

  clients(): ClientInfo[] {
    return [...this.clientsById.values()].map(
      ({ clientSecret: _secret, ...c }) => ({ ...c, scopes: [...c.scopes] })
    )
  }

  roleSessions(): RoleSessionInfo[] {
    return [...this.sessions.values()].map((s) => ({
      ...s,
      ...(s.assumedRole ? { assumedRole: structuredClone(s.assumedRole) } : {})
    }))
  }

  iamRoles(): EmulatorRole[] {
    return this.roles.map((r) => ({ ...r, trust: [...r.trust] }))
  }

  assumeRoleRequests(): AssumeRoleRecord[] {
    return this.assumeRoleLog.map((r) => structuredClone(r))
  }

  /** The device authorization a request_uri (of today's approval link) names. */
  describeRequest(requestUri: string): DeviceAuthorizationInfo | undefined {
    const d = this.devicesByRequestUri.get(requestUri)
    return d ? this.info(d) : undefined
  }

  describeCode(userCode: string): DeviceAuthorizationInfo | undefined {
    const d = this.devicesByUserCode.get(normaliseUserCode(userCode))
    return d ? this.info(d) : undefined
  }

  // ---------- control ----------

  private device(userCode: string): DeviceRecord {
    const d = this.devicesByUserCode.get(normaliseUserCode(userCode))
    if (!d)
      throw new EmulatorControlError(
        `Unknown user code ${JSON.stringify(userCode)}`,
        404
      )
    return d
  }

  approve(userCode: string, userName = 'alice'): DeviceAuthorizationInfo {
    const d = this.device(userCode)
    if (!this.directory.user(userName))
      throw new EmulatorControlError(
        `Unknown user ${JSON.stringify(userName)}`,
        400
      )
    const status = this.statusOf(d)
    if (status === 'approved' && d.approvedBy === userName) return this.info(d)
    if (status !== 'pending')
      throw new EmulatorControlError(`Code ${d.userCode} is ${status}`, 409)
    const event: ApprovedEvent = {
      userCode: d.userCode,
      user: userName,
      at: Date.now(),
      perfAt: performance.now()
    }
    d.approvedBy = userName
    d.approvedAt = event.at
    this.counters.approvals++
    this.events.emit('approved', event)
    return this.info(d)
  }

  deny(userCode: string): DeviceAuthorizationInfo {
    const d = this.device(userCode)
    const status = this.statusOf(d)
    if (status === 'denied') return this.info(d)
    if (status !== 'pending' && status !== 'approved')
      throw new EmulatorControlError(`Code ${d.userCode} is ${status}`, 409)
    d.deniedAt = Date.now()
    this.counters.denials++
    this.events.emit('denied', { userCode: d.userCode, at: d.deniedAt })
    return this.info(d)
  }

  expire(userCode: string): DeviceAuthorizationInfo {
    const d = this.device(userCode)
    if (d.consumedAt !== undefined)
      throw new EmulatorControlError(`Code ${d.userCode} is consumed`, 409)
    d.forcedExpired = true
    this.events.emit('expired', { userCode: d.userCode, at: Date.now() })
    return this.info(d)
  }

  slowDown(count = 1): void {
    if (!Number.isInteger(count) || count < 0)
      throw new EmulatorControlError('count must be a non-negative integer')
    this.forcedSlowDowns = count
  }

  injectFault(f: FaultSpec): void {
    if (!['throttle', '5xx', 'reset', 'timeout'].includes(f?.kind))
      throw new EmulatorControlError(
        `kind must be throttle, 5xx, reset or timeout`
      )
    const count = f.count ?? 1
    if (!Number.isInteger(count) || count < 1)
      throw new EmulatorControlError('count must be a positive integer')
    this.faults.push({
      operation: f.operation || undefined,
      kind: f.kind,
      remaining: count,
      timeoutMs: f.timeoutMs ?? 5000
    })
  }

  revokeClient(clientId: string): void {
    const c = this.clientsById.get(clientId)
    if (!c)
      throw new EmulatorControlError(
        `Unknown client ${JSON.stringify(clientId)}`,
        404
      )
    c.revoked = true
  }

  expireAccessToken(accessToken?: string): void {
    const now = Date.now()
    if (accessToken === undefined) {
      for (const t of this.accessTokens.values())
        t.expiresAt = Math.min(t.expiresAt, now)
      return
    }
    const t = this.accessTokens.get(accessToken)
    if (!t) throw new EmulatorControlError('Unknown access token', 404)
    t.expiresAt = Math.min(t.expiresAt, now)
  }

  setDelay(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new EmulatorControlError(
        'delay must be a non-negative number of ms'
      )
    this.delayMs = ms
  }

  setPortalRateLimit(perSecond?: number): void {
    if (
      perSecond !== undefined &&
      (!Number.isFinite(perSecond) || perSecond < 0)
    )
      throw new EmulatorControlError(
        'rate must be a non-negative number of requests per second'
      )
    this.portalRate = perSecond ? perSecond : undefined
    this.portalTokens = perSecond ?? 0
    this.portalFilledAt = Date.now()
  }

  /** One portal request against the rate limit: false when it is beyond it (answered TooManyRequestsException). */
  admitPortalCall(): boolean {
    if (this.portalRate === undefined) return true
    const now = Date.now()
    this.portalTokens = Math.min(
      this.portalRate,
      this.portalTokens + ((now - this.portalFilledAt) / 1000) * this.portalRate
    )
    this.portalFilledAt = now
    if (this.portalTokens < 1) {
      this.counters.throttled++
      return false
    }
    this.portalTokens--
    return true
  }

  /** Make GetCallerIdentity name another account than the credentials were issued for (the wrong-account check); undefined clears. */
  setStsAccountOverride(accountId?: string): void {
    if (accountId !== undefined && !/^\d{12}$/.test(accountId))
      throw new EmulatorControlError(
        'accountId must be 12 digits (or omitted to clear)'
      )
    this.stsAccountOverride = accountId
  }

  /** Add an IAM role, or replace the one with the same account and name. */
  putRole(role: EmulatorRole): EmulatorRole {
    if (!role || !/^\d{12}$/.test(String(role.accountId)))
      throw new EmulatorControlError('accountId must be 12 digits')
    if (!/^[\w+=,.@-]{1,64}$/.test(String(role.roleName)))
      throw new EmulatorControlError('roleName must be an IAM role name')
    if (
      !Array.isArray(role.trust) ||
      !role.trust.every((t) => typeof t === 'string')
    )
      throw new EmulatorControlError('trust must be a list of strings')
    const max = role.maxSessionDuration
    if (
      max !== undefined &&
      (!Number.isInteger(max) || max < 900 || max > 43200)
    )
      throw new EmulatorControlError(
        'maxSessionDuration must be 900-43200 seconds'
      )
    const copy: EmulatorRole = {
      accountId: String(role.accountId),
      roleName: role.roleName,
      trust: [...role.trust]
    }
    if (role.externalId !== undefined) copy.externalId = String(role.externalId)
    if (max !== undefined) copy.maxSessionDuration = max
    if (role.allowTagSession !== undefined)
      copy.allowTagSession = Boolean(role.allowTagSession)
    this.roles = [
      ...this.roles.filter(
        (r) => !(r.accountId === copy.accountId && r.roleName === copy.roleName)
      ),
      copy
    ]
    return { ...copy, trust: [...copy.trust] }
  }

  waitForDeviceAuthorization(
    timeoutMs = 10000
  ): Promise<DeviceAuthorizationInfo> {
    const now = Date.now()
    for (let i = this.deviceOrder.length - 1; i >= 0; i--) {
      const d = this.deviceOrder[i]
      if (!d.delivered && this.statusOf(d, now) === 'pending') {
        d.delivered = true
        return Promise.resolve(this.info(d))
      }
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter)
          reject(
            new Error(`No device authorization started within ${timeoutMs} ms`)
          )
        }, timeoutMs)
      }
      this.waiters.push(waiter)
    })
  }

  reset(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.clientsById.clear()
    this.devicesByCode.clear()
    this.devicesByUserCode.clear()
    this.devicesByRequestUri.clear()
    this.deviceOrder = []
    this.accessTokens.clear()
    this.refreshTokens.clear()
    this.sessions.clear()
    this.roles = (this.options.roles ?? DEFAULT_ROLES).map((r) => ({
      ...r,
      trust: [...r.trust]
    }))
    this.assumeRoleLog = []
    this.callLog = []
    this.counters = emptyStats()
    this.faults = []
    this.forcedSlowDowns = 0
    this.stsAccountOverride = undefined
    this.delayMs = this.options.delayMs
    this.setPortalRateLimit(this.options.portalRateLimit)
  }

  shutdown(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    for (const w of this.waiters) {
      clearTimeout(w.timer)
      w.reject(new Error('Emulator closed'))
    }
    this.waiters = []
  }

  // ---------- call bookkeeping ----------

  record(call: CallRecord): void {
    this.callLog.push(call)
    if (this.callLog.length > 10000)
      this.callLog.splice(0, this.callLog.length - 10000)
    this.events.emit('call', { ...call })
  }

  countCall(operation: string): void {
    this.counters.calls++
    this.counters.byOperation[operation] =
      (this.counters.byOperation[operation] ?? 0) + 1
  }

  takeFault(operation: string): FaultRecord | undefined {
    const f = this.faults.find(
      (x) => x.remaining > 0 && (!x.operation || x.operation === operation)
    )
    if (!f) return undefined
    f.remaining--
    this.faults = this.faults.filter((x) => x.remaining > 0)
    this.counters.faults++
    return { ...f }
  }

  // ---------- SSO OIDC ----------

  private authenticateClient(body: Record<string, any>): ClientRecord {
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
    const client = this.clientsById.get(clientId)
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

  registerClient(body: Record<string, any>, call: CallRecord): Reply {
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
      secretExpiresAt: (issuedAt + this.options.clientSecretTtl) * 1000,
      revoked: false
    }
    this.clientsById.set(client.clientId, client)
    this.counters.registrations++
    call.clientId = client.clientId
    return json({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      clientIdIssuedAt: issuedAt,
      clientSecretExpiresAt: issuedAt + this.options.clientSecretTtl
    })
  }

  startDeviceAuthorization(body: Record<string, any>, call: CallRecord): Reply {
    const client = this.authenticateClient(body)
    call.clientId = client.clientId
    const { startUrl } = body
    if (typeof startUrl !== 'string' || !startUrl)
      throw oidcError(
        'InvalidRequestException',
        'invalid_request',
        'startUrl is required'
      )
    let userCode = ids.newUserCode()
    while (this.devicesByUserCode.has(userCode)) userCode = ids.newUserCode()
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
      expiresAt: now + this.options.expiresIn * 1000,
      interval: this.options.interval,
      polls: 0
    }
    this.devicesByCode.set(d.deviceCode, d)
    this.devicesByUserCode.set(userCode, d)
    this.devicesByRequestUri.set(d.requestUri, d)
    this.deviceOrder.push(d)
    this.counters.deviceAuthorizations++
    call.userCode = userCode
    const info = this.info(d)
    const waiter = this.waiters.shift()
    if (waiter) {
      clearTimeout(waiter.timer)
      d.delivered = true
      waiter.resolve(info)
    }
    this.events.emit('started', info)
    if (this.options.autoApproveAs) {
      const user = this.options.autoApproveAs
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        if (this.statusOf(d) === 'pending') {
          try {
            this.approve(d.userCode, user)
          } catch {
            /* unknown user: leave pending */
          }
        }
      }, this.options.autoApproveAfterMs)
      timer.unref()
      this.timers.add(timer)
    }
    return json({
      deviceCode: d.deviceCode,
      userCode: d.userCode,
      verificationUri: info.verificationUri,
      verificationUriComplete: info.verificationUriComplete,
      expiresIn: this.options.expiresIn,
      interval: this.options.interval
    })
  }

  private issueToken(
    client: ClientRecord,
    user: string,
    scopes: string[],
    grant: TokenInfo['grant'],
    userCode?: string
  ): Reply {
    const now = Date.now()
    const ttl = this.options.accessTokenTtl
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
    if (this.options.issueRefreshTokens && scopes.length > 0) {
      token.refreshToken = ids.newRefreshToken()
      this.refreshTokens.set(token.refreshToken, {
        refreshToken: token.refreshToken,
        clientId: client.clientId,
        user,
        scopes,
        used: false,
        revoked: false
      })
    }
    this.accessTokens.set(token.accessToken, token)
    this.counters.tokensIssued++
    this.events.emit('token', { ...token })
    const out: Record<string, unknown> = {
      accessToken: token.accessToken,
      tokenType: 'Bearer',
      expiresIn: ttl
    }
    if (token.refreshToken) out.refreshToken = token.refreshToken
    return json(out)
  }

  createToken(body: Record<string, any>, call: CallRecord): Reply {
    const client = this.authenticateClient(body)
    call.clientId = client.clientId
    const { grantType } = body
    call.grantType = grantType
    if (typeof grantType !== 'string' || !grantType)
      throw oidcError(
        'InvalidRequestException',
        'invalid_request',
        'grantType is required'
      )
    if (grantType === DEVICE_GRANT)
      return this.pollDeviceCode(client, body, call)
    if (grantType === REFRESH_GRANT) return this.refresh(client, body)
    throw oidcError(
      'UnsupportedGrantTypeException',
      'unsupported_grant_type',
      `Unsupported grant type ${grantType}`
    )
  }

  private pollDeviceCode(
    client: ClientRecord,
    body: Record<string, any>,
    call: CallRecord
  ): Reply {
    this.counters.tokenPolls++
    const { deviceCode } = body
    if (typeof deviceCode !== 'string' || !deviceCode)
      throw oidcError(
        'InvalidRequestException',
        'invalid_request',
        'deviceCode is required'
      )
    const d = this.devicesByCode.get(deviceCode)
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
    const status = this.statusOf(d, now)
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
    if (this.forcedSlowDowns > 0) {
      this.forcedSlowDowns--
      d.interval += 5
      throw oidcError(
        'SlowDownException',
        'slow_down',
        'Client is polling too fast'
      )
    }
    // Allow 50 ms of network / timer jitter before calling a poll too early.
    if (
      this.options.enforceInterval &&
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
    return this.issueToken(
      client,
      d.approvedBy as string,
      d.scopes,
      'device_code',
      d.userCode
    )
  }

  private refresh(client: ClientRecord, body: Record<string, any>): Reply {
    const { refreshToken } = body
    if (typeof refreshToken !== 'string' || !refreshToken)
      throw oidcError(
        'InvalidRequestException',
        'invalid_request',
        'refreshToken is required'
      )
    const r = this.refreshTokens.get(refreshToken)
    if (!r || r.used || r.revoked || r.clientId !== client.clientId) {
      throw oidcError(
        'InvalidGrantException',
        'invalid_grant',
        'Invalid refresh token provided'
      )
    }
    r.used = true // rotation: a refresh token works once
    this.counters.refreshes++
    return this.issueToken(client, r.user, r.scopes, 'refresh_token')
  }

  // ---------- SSO portal ----------

  private bearer(
    headers: IncomingMessage['headers'],
    call: CallRecord
  ): TokenInfo {
    const raw = headers['x-amz-sso_bearer_token']
    const value = Array.isArray(raw) ? raw[0] : raw
    if (!value) throw unauthorized()
    const t = this.accessTokens.get(value)
    if (!t || t.revoked || Date.now() >= t.expiresAt) throw unauthorized()
    call.user = t.user
    call.clientId = t.clientId
    return t
  }

  private page<T>(
    items: T[],
    query: URLSearchParams
  ): { page: T[]; nextToken?: string } {
    const maxRaw = query.get('max_result')
    let max = this.options.defaultPageSize
    if (maxRaw !== null) {
      max = Number(maxRaw)
      if (!Number.isInteger(max) || max < 1 || max > 1000)
        throw portalError(
          'InvalidRequestException',
          400,
          'max_result must be between 1 and 1000'
        )
    }
    if (this.options.maxPageSize) max = Math.min(max, this.options.maxPageSize)
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

  listAccounts(
    headers: IncomingMessage['headers'],
    query: URLSearchParams,
    call: CallRecord
  ): Reply {
    const t = this.bearer(headers, call)
    const accounts = this.directory.accountsFor(t.user).map((a) => ({
      accountId: a.accountId,
      accountName: a.accountName,
      emailAddress: a.emailAddress ?? `aws+${a.accountId}@example.com`
    }))
    const { page, nextToken } = this.page(accounts, query)
    return json(
      nextToken ? { nextToken, accountList: page } : { accountList: page }
    )
  }

  listAccountRoles(
    headers: IncomingMessage['headers'],
    query: URLSearchParams,
    call: CallRecord
  ): Reply {
    const t = this.bearer(headers, call)
    const accountId = query.get('account_id')
    if (!accountId)
      throw portalError(
        'InvalidRequestException',
        400,
        'account_id is required'
      )
    if (
      !this.directory.accountsFor(t.user).some((a) => a.accountId === accountId)
    )
      throw portalError('ForbiddenException', 403, 'No access')
    const roles = this.directory
      .rolesFor(t.user, accountId)
      .map((roleName) => ({ roleName, accountId }))
    const { page, nextToken } = this.page(roles, query)
    return json(nextToken ? { nextToken, roleList: page } : { roleList: page })
  }

  getRoleCredentials(
    headers: IncomingMessage['headers'],
    query: URLSearchParams,
    call: CallRecord
  ): Reply {
    const t = this.bearer(headers, call)
    const roleName = query.get('role_name')
    const accountId = query.get('account_id')
    if (!roleName)
      throw portalError('InvalidRequestException', 400, 'role_name is required')
    if (!accountId)
      throw portalError(
        'InvalidRequestException',
        400,
        'account_id is required'
      )
    if (!this.directory.canAssume(t.user, accountId, roleName))
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
      expiration: now + this.options.roleCredentialsTtl * 1000
    }
    this.sessions.set(session.accessKeyId, session)
    this.counters.roleCredentials++
    return json({
      roleCredentials: {
        accessKeyId: session.accessKeyId,
        secretAccessKey: session.secretAccessKey,
        sessionToken: session.sessionToken,
        expiration: session.expiration
      }
    })
  }

  logout(headers: IncomingMessage['headers'], call: CallRecord): Reply {
    const t = this.bearer(headers, call)
    const now = Date.now()
    t.revoked = true
    t.revokedAt = now
    // The portal session ends: the refresh token issued with this access token dies with it.
    if (t.refreshToken) {
      const r = this.refreshTokens.get(t.refreshToken)
      if (r) r.revoked = true
    }
    this.counters.logouts++
    return { status: 200, headers: {}, body: '' }
  }

  // ---------- STS ----------

  sts(
    method: string,
    url: string,
    rawHeaders: string[],
    body: Buffer,
    params: Map<string, string>,
    call: CallRecord
  ): Reply {
    const action = params.get('Action')
    if (!action) throw stsError('MissingAction', 400, 'Missing Action')
    if (action !== 'GetCallerIdentity' && action !== 'AssumeRole') {
      throw stsError(
        'InvalidAction',
        400,
        `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`
      )
    }
    const req = toSigV4Request(method, url, rawHeaders, body)
    const parsed = parseAuth(req)
    if (!parsed.ok) {
      if (parsed.reason === 'missing')
        throw stsError(
          'MissingAuthenticationToken',
          403,
          'Request is missing Authentication Token'
        )
      throw stsError('IncompleteSignature', 400, parsed.message)
    }
    const auth = parsed.auth
    call.region = auth.region
    const session = this.sessions.get(auth.accessKeyId)
    if (!session || auth.securityToken !== session.sessionToken) {
      throw stsError(
        'InvalidClientTokenId',
        403,
        'The security token included in the request is invalid.'
      )
    }
    call.user = session.user
    if (Date.now() >= session.expiration)
      throw stsError(
        'ExpiredToken',
        400,
        'The security token included in the request is expired'
      )
    const verdict = verifySignature(req, auth, session.secretAccessKey, {
      service: 'sts'
    })
    if (!verdict.ok)
      throw stsError('SignatureDoesNotMatch', 403, verdict.message)
    if (action === 'AssumeRole') return this.assumeRole(session, params, call)
    this.counters.callerIdentities++
    const account = this.stsAccountOverride ?? session.accountId
    const { arn, userId } = this.identityOf(session, account)
    const xml =
      `<GetCallerIdentityResponse xmlns="${STS_XMLNS}">\n  <GetCallerIdentityResult>\n    <Arn>${xmlEscape(arn)}</Arn>\n` +
      `    <UserId>${xmlEscape(userId)}</UserId>\n    <Account>${account}</Account>\n  </GetCallerIdentityResult>\n` +
      `  <ResponseMetadata>\n    <RequestId>${call.requestId}</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n`
    return { status: 200, headers: { 'content-type': 'text/xml' }, body: xml }
  }

  /** The assumed-role ARN and user id of a session: an Identity Center permission set's, or a chained IAM role's. */
  private identityOf(
    session: RoleSessionInfo,
    account = session.accountId
  ): { arn: string; userId: string } {
    if (session.assumedRole) {
      const { roleName, sessionName } = session.assumedRole
      return {
        arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
        userId: `${ids.roleId(account, `iam:${roleName}`)}:${sessionName}`
      }
    }
    return {
      arn: `arn:aws:sts::${account}:assumed-role/AWSReservedSSO_${session.roleName}_${ids.reservedRoleSuffix(account, session.roleName)}/${session.user}`,
      userId: `${ids.roleId(account, session.roleName)}:${session.user}`
    }
  }

  /** STS AssumeRole, signed by a role session (every caller here is one, so this is always role chaining). */
  private assumeRole(
    caller: RoleSessionInfo,
    params: Map<string, string>,
    call: CallRecord
  ): Reply {
    const p = readAssumeRoleParams(params)
    const callerArn = this.identityOf(caller).arn
    const record: AssumeRoleRecord = {
      ...p,
      at: Date.now(),
      callerArn,
      callerAccessKeyId: caller.accessKeyId,
      outcome: 'ok'
    }
    const refuse = (r: {
      code: string
      status: number
      message: string
    }): never => {
      record.outcome = r.code
      record.message = r.message
      this.assumeRoleLog.push(record)
      throw stsError(r.code, r.status, r.message)
    }
    const checked = checkAssumeRoleParams(p, true)
    if (checked.refusal) refuse(checked.refusal)
    const callerRole = caller.assumedRole
      ? caller.assumedRole.roleName
      : caller.roleName
    const { role, refusal } = authorize(this.roles, p, {
      accountId: caller.accountId,
      roleName: callerRole,
      arn: callerArn
    })
    if (refusal || !role) return refuse(refusal!)
    const now = Date.now()
    const session: RoleSessionInfo = {
      accessKeyId: ids.newAccessKeyId(),
      secretAccessKey: ids.newSecretAccessKey(),
      sessionToken: ids.newSessionToken(),
      accountId: role.accountId,
      roleName: role.roleName,
      user: caller.user,
      issuedAt: now,
      expiration: now + (p.durationSeconds ?? 3600) * 1000,
      assumedRole: {
        roleArn: roleArn(role),
        roleName: role.roleName,
        sessionName: p.roleSessionName,
        sourceAccessKeyId: caller.accessKeyId,
        ...(p.policy !== undefined ? { policy: p.policy } : {}),
        policyArns: [...p.policyArns],
        tags: p.tags.map((t) => ({ ...t })),
        transitiveTagKeys: [...p.transitiveTagKeys]
      }
    }
    this.sessions.set(session.accessKeyId, session)
    this.counters.assumedRoles++
    record.accessKeyId = session.accessKeyId
    record.expiration = session.expiration
    record.packedPolicySize = checked.packedPolicySize
    this.assumeRoleLog.push(record)
    const { arn, userId } = this.identityOf(session)
    const expiration = new Date(session.expiration)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
    const xml =
      `<AssumeRoleResponse xmlns="${STS_XMLNS}">\n  <AssumeRoleResult>\n` +
      `    <AssumedRoleUser>\n      <Arn>${xmlEscape(arn)}</Arn>\n      <AssumedRoleId>${xmlEscape(userId)}</AssumedRoleId>\n    </AssumedRoleUser>\n` +
      `    <Credentials>\n      <AccessKeyId>${session.accessKeyId}</AccessKeyId>\n      <SecretAccessKey>${xmlEscape(session.secretAccessKey)}</SecretAccessKey>\n` +
      `      <SessionToken>${xmlEscape(session.sessionToken)}</SessionToken>\n      <Expiration>${expiration}</Expiration>\n    </Credentials>\n` +
      (p.policy !== undefined || p.policyArns.length || p.tags.length
        ? `    <PackedPolicySize>${checked.packedPolicySize}</PackedPolicySize>\n`
        : '') +
      `  </AssumeRoleResult>\n  <ResponseMetadata>\n    <RequestId>${call.requestId}</RequestId>\n  </ResponseMetadata>\n</AssumeRoleResponse>\n`
    return { status: 200, headers: { 'content-type': 'text/xml' }, body: xml }
  }
}

/** Which AWS operation a request is, or undefined when it is not an AWS call. */
function identify(
  method: string,
  path: string,
  search: URLSearchParams,
  body: Buffer,
  contentType: string
):
  | { operation: string; service: Service; params?: Map<string, string> }
  | undefined {
  for (const [operation, op] of Object.entries(OPERATIONS)) {
    if (op.path === path && op.method === method)
      return { operation, service: op.service }
  }
  if (path === '/' && (method === 'POST' || method === 'GET')) {
    const params = new Map<string, string>()
    for (const [k, v] of search) params.set(k, v)
    if (
      method === 'POST' &&
      (contentType.includes('x-www-form-urlencoded') || body.length > 0)
    ) {
      for (const [k, v] of new URLSearchParams(body.toString('utf8')))
        params.set(k, v)
    }
    if (params.has('Action'))
      return {
        operation: params.get('Action') as string,
        service: 'sts',
        params
      }
  }
  return undefined
}

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
  if (opts.autoApproveAs && !ic.directory.user(opts.autoApproveAs))
    throw new Error(`autoApproveAs: unknown user ${opts.autoApproveAs}`)
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
      return control(method, path, url.searchParams, body, res)
    if (
      path === '/device' ||
      path === '/device/' ||
      path === '/device/decision'
    )
      return devicePage(method, path, url.searchParams, body, res)
    if (path === AUTHORIZE_PATH || path === AUTHORIZE_DECISION_PATH)
      return authorizePage(method, path, url.searchParams, body, res)

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
        return ic.registerClient(parseJsonBody(body), call)
      case 'StartDeviceAuthorization':
        return ic.startDeviceAuthorization(parseJsonBody(body), call)
      case 'CreateToken':
        return ic.createToken(parseJsonBody(body), call)
      case 'GetRoleCredentials':
        return ic.getRoleCredentials(req.headers, query, call)
      case 'ListAccounts':
        return ic.listAccounts(req.headers, query, call)
      case 'ListAccountRoles':
        return ic.listAccountRoles(req.headers, query, call)
      case 'Logout':
        return ic.logout(req.headers, call)
      default:
        return ic.sts(
          method,
          rawUrl,
          req.rawHeaders,
          body,
          id.params ?? new Map(),
          call
        )
    }
  }

  function sendJson(res: ServerResponse, status: number, value: unknown): void {
    const text = JSON.stringify(value)
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store'
    })
    res.end(text)
  }

  function sendHtml(res: ServerResponse, status: number, html: string): void {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      'cache-control': 'no-store'
    })
    res.end(html)
  }

  async function control(
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
        return sendJson(res, 200, { ok: true, url: emulator.url })
      if (get && route === 'calls') return sendJson(res, 200, ic.calls())
      if (get && route === 'stats') return sendJson(res, 200, ic.stats())
      if (get && route === 'pending')
        return sendJson(res, 200, ic.pendingCodes())
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
            await ic.waitForDeviceAuthorization(
              Number(input.timeoutMs ?? 10000)
            )
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

  function devicePage(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Buffer,
    res: ServerResponse
  ): void {
    const defaultUser = ic.directory.user('alice')
      ? 'alice'
      : (ic.directory.users[0]?.userName ?? 'alice')
    if (method === 'GET' && path !== '/device/decision') {
      const code = query.get('user_code')
      if (!code) return sendHtml(res, 200, enterCodePage())
      const info = ic.describeCode(code)
      if (!info)
        return sendHtml(
          res,
          404,
          errorPage(
            `The code ${code} is not valid. Check the code and try again.`
          )
        )
      if (info.status !== 'pending')
        return sendHtml(
          res,
          410,
          errorPage(statusMessage(info.userCode, info.status))
        )
      return sendHtml(
        res,
        200,
        approvalPage(
          info.userCode,
          info.clientName,
          defaultUser,
          ic.directory.users.map((u) => u.userName)
        )
      )
    }
    if (method === 'POST' && path === '/device/decision') {
      const form = new URLSearchParams(body.toString('utf8'))
      const code = form.get('user_code') ?? ''
      const decision = form.get('decision') ?? 'approve'
      const user = (form.get('user') ?? '').trim() || defaultUser
      const info = ic.describeCode(code)
      if (!info)
        return sendHtml(
          res,
          404,
          errorPage(
            `The code ${code} is not valid. Check the code and try again.`
          )
        )
      try {
        if (decision === 'deny') {
          ic.deny(code)
          return sendHtml(res, 200, resultPage(false, info.userCode))
        }
        ic.approve(code, user)
        return sendHtml(res, 200, resultPage(true, info.userCode, user))
      } catch (err) {
        if (!(err instanceof EmulatorControlError)) throw err
        const now = ic.describeCode(code)
        const message =
          err.status === 409 && now
            ? statusMessage(now.userCode, now.status)
            : err.message
        return sendHtml(res, err.status === 409 ? 410 : 400, errorPage(message))
      }
    }
    res.writeHead(405, { allow: 'GET, POST' })
    res.end()
  }

  /**
   * Today's approval page (verificationUriComplete = /platform/authorize?request_uri=…): the link names the request but
   * not its code, so the page asks the approver to type the code the application shows, and approves only if it is
   * that request's code. Deny needs no code.
   */
  function authorizePage(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Buffer,
    res: ServerResponse
  ): void {
    const defaultUser = ic.directory.user('alice')
      ? 'alice'
      : (ic.directory.users[0]?.userName ?? 'alice')
    const users = ic.directory.users.map((u) => u.userName)
    const unknown =
      'This sign-in request is not valid. Start the sign-in again from the application.'
    if (method === 'GET' && path === AUTHORIZE_PATH) {
      const requestUri = query.get('request_uri') ?? ''
      const info = ic.describeRequest(requestUri)
      if (!info) return sendHtml(res, 404, errorPage(unknown))
      if (info.status !== 'pending')
        return sendHtml(res, 410, errorPage(requestStatusMessage(info.status)))
      return sendHtml(
        res,
        200,
        confirmCodePage(requestUri, info.clientName, defaultUser, users)
      )
    }
    if (method === 'POST' && path === AUTHORIZE_DECISION_PATH) {
      const form = new URLSearchParams(body.toString('utf8'))
      const requestUri = form.get('request_uri') ?? ''
      const decision = form.get('decision') ?? 'approve'
      const user = (form.get('user') ?? '').trim() || defaultUser
      const info = ic.describeRequest(requestUri)
      if (!info) return sendHtml(res, 404, errorPage(unknown))
      if (info.status !== 'pending')
        return sendHtml(res, 410, errorPage(requestStatusMessage(info.status)))
      const typed = form.get('user_code') ?? ''
      if (decision !== 'deny' && normaliseUserCode(typed) !== info.userCode) {
        const error =
          typed.trim() === ''
            ? 'Enter the code the application shows.'
            : 'That is not the code of this request. Check the code the application shows and try again.'
        return sendHtml(
          res,
          400,
          confirmCodePage(requestUri, info.clientName, user, users, error)
        )
      }
      try {
        if (decision === 'deny') {
          ic.deny(info.userCode)
          return sendHtml(res, 200, resultPage(false, info.userCode))
        }
        ic.approve(info.userCode, user)
        return sendHtml(res, 200, resultPage(true, info.userCode, user))
      } catch (err) {
        if (!(err instanceof EmulatorControlError)) throw err
        const now = ic.describeRequest(requestUri)
        const message =
          err.status === 409 && now
            ? requestStatusMessage(now.status)
            : err.message
        return sendHtml(res, err.status === 409 ? 410 : 400, errorPage(message))
      }
    }
    res.writeHead(405, { allow: 'GET, POST' })
    res.end()
  }

  /** Like statusMessage, without the code: the link alone must not reveal it. */
  function requestStatusMessage(status: DeviceStatus): string {
    switch (status) {
      case 'expired':
        return 'This sign-in request has expired. Start the sign-in again from the application.'
      case 'denied':
        return 'This sign-in request was denied.'
      case 'approved':
      case 'consumed':
        return 'This sign-in request has already been approved.'
      default:
        return 'This sign-in request cannot be approved now.'
    }
  }

  function statusMessage(userCode: string, status: DeviceStatus): string {
    switch (status) {
      case 'expired':
        return `The code ${userCode} has expired. Start the sign-in again from the application.`
      case 'denied':
        return `The request for code ${userCode} was denied.`
      case 'approved':
        return `The request for code ${userCode} has already been approved.`
      default:
        return `The code ${userCode} has already been used.`
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
