/**
 * What the credential server did, kept in memory (the server has no stdout or stderr): requests served, upstream
 * fetches and errors per profile, SSO token refreshes, refused requests, and when and why the session ended.
 * Never a secret: only counts, times, codes and the server's own messages.
 */

export interface ProfileReport {
  profile: string
  accountId: string
  roleName: string
  /** For a chained role: the role it assumes. */
  chainedRoleArn?: string
  /** Credential requests for this profile that passed the authorization checks. */
  requests: number
  /** Answered with credentials. */
  served: number
  /** Upstream fetches made for it (GetRoleCredentials, or GetRoleCredentials + AssumeRole for a chained role). */
  upstreamFetches: number
  /** Requests answered with an error. */
  errors: number
  lastError?: { at: string; code: string; message: string }
  /** Expiration of the credentials it holds now (ISO 8601), if any. */
  credentialsExpireAt?: string
}

/** Why the sign-in can no longer give credentials. */
export interface SignInEnd {
  at: string
  code: SignInEndCode
  message: string
}

export type SignInEndCode =
  'SessionExpired' | 'SessionRevoked' | 'SignedOut' | 'RegistrationExpired'

export interface Refusals {
  /** No or a wrong Authorization header. */
  unauthorized: number
  /** A Host header other than 127.0.0.1:<port>. */
  badHost: number
  /** A path that names no route or no served profile. */
  notFound: number
  /** A method a route does not take. */
  badMethod: number
  /** A body over the limit. */
  tooLarge: number
}

export interface ServerReport {
  version: 1
  pid: number
  port: number
  startedAt: string
  profiles: ProfileReport[]
  primary: string
  sso: {
    /** When the access token in use expires (ISO 8601). */
    tokenExpiresAt: string
    refreshable: boolean
    refreshes: number
    refreshFailures: number
    lastRefreshError?: { at: string; message: string }
  }
  refused: Refusals
  /** Set once the sign-in can no longer give credentials. */
  signInEnded?: SignInEnd
  /** Set by POST /stop, SIGTERM / SIGINT or the watched process's end. */
  stopped?: {
    at: string
    reason: 'stop request' | 'signal' | 'watched process gone'
    /** SSO Logout: true when the access token is revoked (or was already invalid). */
    signedOut: boolean
  }
}

export function emptyRefusals(): Refusals {
  return { unauthorized: 0, badHost: 0, notFound: 0, badMethod: 0, tooLarge: 0 }
}

export const iso = (ms: number = Date.now()): string =>
  new Date(ms).toISOString()
