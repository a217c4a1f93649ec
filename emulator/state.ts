/** The emulator's state: clients, device authorizations, tokens, role sessions, IAM roles, faults and the call records, with the control operations on them. */
import { EventEmitter } from 'node:events'
import { performance } from 'node:perf_hooks'
import { Directory } from './directory.js'
import {
  DEFAULT_ROLES,
  type AssumeRoleRecord,
  type EmulatorRole
} from './assume-role.js'
import { EmulatorControlError } from './wire.js'
import type {
  ApprovedEvent,
  CallRecord,
  ClientInfo,
  DeviceAuthorizationInfo,
  DeviceStatus,
  EmulatorOptions,
  EmulatorStats,
  FaultKind,
  FaultSpec,
  RoleSessionInfo,
  TokenInfo
} from './types.js'

export interface ClientRecord extends ClientInfo {
  clientSecret: string
}

export interface DeviceRecord {
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

export interface RefreshRecord {
  refreshToken: string
  clientId: string
  user: string
  scopes: string[]
  used: boolean
  revoked: boolean
}

export interface FaultRecord {
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
export const AUTHORIZE_DECISION_PATH = '/platform/authorize/decision'

export function normaliseUserCode(code: string): string {
  const c = String(code ?? '')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, '')
  return /^[A-Z]{8}$/.test(c) ? `${c.slice(0, 4)}-${c.slice(4)}` : c
}

export type ResolvedOptions = Required<
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
    | 'assumedRoleTtl'
    | 'portalRateLimit'
    | 'userCodeLink'
  >
> &
  EmulatorOptions

/** The emulator's state and behaviour, independent of the socket layer. */
export class IdentityCenter {
  readonly events = new EventEmitter()
  readonly directory: Directory
  baseUrl = ''
  delayMs: number

  clientsById = new Map<string, ClientRecord>()
  devicesByCode = new Map<string, DeviceRecord>()
  devicesByUserCode = new Map<string, DeviceRecord>()
  devicesByRequestUri = new Map<string, DeviceRecord>()
  deviceOrder: DeviceRecord[] = []
  accessTokens = new Map<string, TokenInfo>()
  refreshTokens = new Map<string, RefreshRecord>()
  sessions = new Map<string, RoleSessionInfo>()
  roles: EmulatorRole[]
  assumeRoleLog: AssumeRoleRecord[] = []
  callLog: CallRecord[] = []
  counters = emptyStats()
  faults: FaultRecord[] = []
  forcedSlowDowns = 0
  /** When set, STS GetCallerIdentity answers with this account instead of the one the credentials were issued for. */
  stsAccountOverride: string | undefined
  waiters: Array<{
    resolve: (d: DeviceAuthorizationInfo) => void
    reject: (e: Error) => void
    timer: NodeJS.Timeout
  }> = []
  readonly timers = new Set<NodeJS.Timeout>()
  /** The portal's token bucket (portalRateLimit): tokens left and when it was last filled. */
  portalRate: number | undefined
  portalTokens = 0
  portalFilledAt = 0

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

  statusOf(d: DeviceRecord, now = Date.now()): DeviceStatus {
    if (d.consumedAt !== undefined) return 'consumed'
    if (d.deniedAt !== undefined) return 'denied'
    if (d.forcedExpired || now >= d.expiresAt) return 'expired'
    if (d.approvedAt !== undefined) return 'approved'
    return 'pending'
  }

  info(d: DeviceRecord): DeviceAuthorizationInfo {
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

  device(userCode: string): DeviceRecord {
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

  endSessions(user?: string): void {
    const now = Date.now()
    for (const t of this.accessTokens.values())
      if (user === undefined || t.user === user) {
        t.revoked = true
        t.revokedAt ??= now
      }
    for (const r of this.refreshTokens.values())
      if (user === undefined || r.user === user) r.revoked = true
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
    if (role.allowSetSourceIdentity !== undefined)
      copy.allowSetSourceIdentity = Boolean(role.allowSetSourceIdentity)
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
}
