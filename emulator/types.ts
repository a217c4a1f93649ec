/** Public types of the IAM Identity Center emulator. */
import type { EventEmitter } from 'node:events'
import type { EmulatorAccount, EmulatorUser } from './directory.js'
import type {
  AssumeRoleRecord,
  EmulatorRole,
  SessionTag
} from './assume-role.js'

export type { EmulatorAccount, EmulatorUser }

export interface EmulatorOptions {
  /** TCP port; 0 (default) = a free random port. */
  port?: number
  /** Interface to bind; default 127.0.0.1. */
  host?: string
  /** Base URL advertised in verificationUri / verificationUriComplete (default: http://<host>:<port>). */
  publicUrl?: string
  /**
   * Answer verificationUriComplete in the form used before September 2026, `<base>/device?user_code=<code>` (default
   * false: today's `<base>/platform/authorize?request_uri=<opaque>`, which does not carry the code; the page asks the
   * approver to confirm it).
   */
  userCodeLink?: boolean
  /** Device code lifetime, seconds (default 600). */
  expiresIn?: number
  /** Polling interval announced by StartDeviceAuthorization, seconds (default 1). */
  interval?: number
  /** Access token lifetime, seconds (default 28800 = 8 h). */
  accessTokenTtl?: number
  /** Issue refresh tokens to clients registered with scopes (default true). Clients without scopes never get one. */
  issueRefreshTokens?: boolean
  /** Client secret lifetime, seconds (default 90 days). */
  clientSecretTtl?: number
  /** Role credential lifetime, seconds (default 3600). */
  roleCredentialsTtl?: number
  /**
   * Lifetime of the sessions AssumeRole issues, seconds, whatever DurationSeconds asked (default: DurationSeconds, or
   * 3600): lets a test chain roles that expire in seconds (DurationSeconds itself is still checked, 900 to 3600).
   */
  assumedRoleTtl?: number
  /** Fixed delay before answering every AWS call, ms (default 0; see setDelay). */
  delayMs?: number
  /** Page size of ListAccounts / ListAccountRoles when the client sends no max_result (default 20). */
  defaultPageSize?: number
  /** The most items a ListAccounts / ListAccountRoles page holds whatever max_result asks (a service may answer fewer; default none). */
  maxPageSize?: number
  /**
   * Rate limit of the SSO portal (GetRoleCredentials, ListAccounts, ListAccountRoles, Logout), requests per second
   * (a token bucket holding one second's worth); beyond it the call is answered 429 TooManyRequestsException.
   * Default none; see setPortalRateLimit.
   */
  portalRateLimit?: number
  users?: EmulatorUser[]
  accounts?: EmulatorAccount[]
  /** IAM roles STS AssumeRole may chain to, each with its trust list (default DEFAULT_ROLES in assume-role.ts). */
  roles?: EmulatorRole[]
  /**
   * Approve every new device authorization as this user, after autoApproveAfterMs (default 0); a list approves them
   * in turn (the first as the first user, the second as the second …, starting over after the last and after reset).
   */
  autoApproveAs?: string | string[]
  autoApproveAfterMs?: number
  /** Answer slow_down (and add 5 s to the code's interval) when a client polls faster than the interval (default false). */
  enforceInterval?: boolean
}

export type DeviceStatus =
  'pending' | 'approved' | 'denied' | 'expired' | 'consumed'

export interface DeviceAuthorizationInfo {
  userCode: string
  deviceCode: string
  verificationUri: string
  verificationUriComplete: string
  clientId: string
  clientName: string
  startUrl: string
  status: DeviceStatus
  /** ms since epoch */
  createdAt: number
  expiresAt: number
  /** Current interval in seconds (grows by 5 with each slow_down). */
  interval: number
  polls: number
  approvedBy?: string
  approvedAt?: number
  deniedAt?: number
  consumedAt?: number
}

export interface ClientInfo {
  clientId: string
  clientName: string
  clientType: string
  scopes: string[]
  issuedAt: number
  secretExpiresAt: number
  revoked: boolean
}

export interface TokenInfo {
  accessToken: string
  refreshToken?: string
  clientId: string
  user: string
  grant: 'device_code' | 'refresh_token'
  userCode?: string
  issuedAt: number
  expiresAt: number
  revoked: boolean
  revokedAt?: number
}

export interface RoleSessionInfo {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  accountId: string
  roleName: string
  user: string
  issuedAt: number
  expiration: number
  /** Present for a session issued by STS AssumeRole (role chaining): the role, the session name and what narrowed it. */
  assumedRole?: {
    roleArn: string
    roleName: string
    sessionName: string
    /** Access key id of the session that called AssumeRole. */
    sourceAccessKeyId: string
    policy?: string
    policyArns: string[]
    tags: SessionTag[]
    transitiveTagKeys: string[]
    /** STS SourceIdentity of the session: set by this AssumeRole or kept from the caller's session; never changes. */
    sourceIdentity?: string
  }
}

export type FaultKind = 'throttle' | '5xx' | 'reset' | 'timeout'

export interface FaultSpec {
  /** Operation name (e.g. 'CreateToken', 'GetRoleCredentials', 'GetCallerIdentity'); omitted = any AWS call. */
  operation?: string
  kind: FaultKind
  /** How many matching calls fail (default 1). */
  count?: number
  /** For 'timeout': how long to hold the request before destroying the socket (default 5000 ms). */
  timeoutMs?: number
}

export interface CallRecord {
  operation: string
  method: string
  path: string
  /** ms since epoch, when the request arrived */
  at: number
  /** HTTP status; 0 when the socket was reset / timed out by a fault */
  status: number
  durationMs: number
  /** AWS error code of the answer, if any */
  error?: string
  fault?: FaultKind
  userCode?: string
  clientId?: string
  user?: string
  /** STS: signing region from the credential scope */
  region?: string
  grantType?: string
  /** x-amzn-RequestId of the answer */
  requestId?: string
}

export interface EmulatorStats {
  calls: number
  registrations: number
  deviceAuthorizations: number
  approvals: number
  denials: number
  tokenPolls: number
  tokensIssued: number
  refreshes: number
  roleCredentials: number
  assumedRoles: number
  callerIdentities: number
  logouts: number
  faults: number
  /** Portal calls answered TooManyRequestsException by the rate limit (portalRateLimit). */
  throttled: number
  byOperation: Record<string, number>
}

export interface ApprovedEvent {
  userCode: string
  user: string
  /** Date.now() at approval */
  at: number
  /** performance.now() at approval (same clock as performance.now() in this process) */
  perfAt: number
}

export interface Emulator {
  url: string
  port: number
  close(): Promise<void>
  approve(userCode: string, userName?: string): DeviceAuthorizationInfo
  deny(userCode: string): DeviceAuthorizationInfo
  expire(userCode: string): DeviceAuthorizationInfo
  slowDown(count?: number): void
  injectFault(fault: FaultSpec): void
  revokeClient(clientId: string): void
  /** Make one access token (or all, when omitted) expired; the portal then answers UnauthorizedException. */
  expireAccessToken(accessToken?: string): void
  /**
   * End the Identity Center sessions of one user (or of all, when omitted), as an administrator can: every access
   * token and refresh token issued to them is revoked (portal: UnauthorizedException; refresh: InvalidGrantException).
   */
  endSessions(user?: string): void
  setDelay(ms: number): void
  /** Throttle the SSO portal at this many requests per second (see EmulatorOptions.portalRateLimit); undefined or 0 lifts it. */
  setPortalRateLimit(perSecond?: number): void
  /** STS GetCallerIdentity answers with this account (ARN and Account) instead of the credentials' own; undefined clears. */
  setStsAccountOverride(accountId?: string): void
  calls(): CallRecord[]
  stats(): EmulatorStats
  pendingCodes(): DeviceAuthorizationInfo[]
  lastStarted(): DeviceAuthorizationInfo | undefined
  waitForDeviceAuthorization(
    timeoutMs?: number
  ): Promise<DeviceAuthorizationInfo>
  tokens(): TokenInfo[]
  clients(): ClientInfo[]
  roleSessions(): RoleSessionInfo[]
  /** The IAM roles AssumeRole knows. */
  roles(): EmulatorRole[]
  /** Add a role (or replace the one with the same account and name). */
  putRole(role: EmulatorRole): EmulatorRole
  /** Every AssumeRole answered, in order: what it asked (policy, policy ARNs, tags, duration, session name) and the outcome. */
  assumeRoleRequests(): AssumeRoleRecord[]
  /** 'started' (DeviceAuthorizationInfo), 'approved' (ApprovedEvent), 'denied', 'expired', 'call' (CallRecord), 'token' (TokenInfo) */
  events: EventEmitter
  /** Forget all clients, codes, tokens, credentials, calls, faults; restore the options' delay and portal rate limit. */
  reset(): void
}
