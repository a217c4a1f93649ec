/**
 * The handover: everything the credential server needs, passed from the step that signed in to the server's process
 * over a pipe (its stdin), never through argv, the environment or a file. A typed, versioned JSON object; parsed and
 * checked field by field on the server's side, and every problem is told without a value (the object holds secrets).
 */
import { randomBytes } from 'node:crypto'
import type { ChainSpec } from '../inputs/spec.js'
import { NAME_RE } from '../inputs/rules.js'
import type { SessionTag } from '../aws/sts.js'

export const HANDOVER_VERSION = 1

/** What re-assuming a chained role needs each time: the chain, and the session name and tags the first session had. */
export interface ChainedRoleSpec {
  spec: ChainSpec
  sessionName: string
  tags: SessionTag[]
  /** STS SourceIdentity set on each AssumeRole, when the sign-in set one. */
  sourceIdentity?: string
}

/** One profile the server answers for: an Identity Center permission set, or a role chained from one. */
export interface ServedRole {
  profile: string
  accountId: string
  /** The permission set; for a chained role, the source permission set its credentials are fetched with. */
  roleName: string
  chain?: ChainedRoleSpec
}

/** Role credentials already fetched by the step, so the first request makes no upstream call. Expiration: ISO 8601. */
export interface HandedCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  expiration: string
}

export interface Handover {
  version: typeof HANDOVER_VERSION
  ssoRegion: string
  /** Region of the STS calls (AssumeRole for chained roles). */
  region: string
  token: {
    accessToken: string
    /** ISO 8601. */
    expiresAt: string
    refreshToken?: string
  }
  /** The client registration the token was issued to: needed to refresh it. Absent = the token cannot be refreshed. */
  registration?: {
    clientId: string
    clientSecret: string
    /** ISO 8601. */
    expiresAt: string
    scopes?: string[]
  }
  roles: ServedRole[]
  /**
   * A shared sign-in (the session input) belongs to the whole run: on stop the server forgets it without signing it out
   * (end-session does that). Absent: the server signs out (SSO Logout) when it stops.
   */
  keepSignIn?: true
  /** The profile AWS_CONTAINER_CREDENTIALS_FULL_URI names. */
  primary: string
  /** The Authorization header value clients must send: 256 random bits, base64url (see newAuthToken). */
  authToken: string
  /** The server signs out and exits when this process is gone. */
  watchPid: number
  /** Keyed by profile. */
  initialCredentials?: Record<string, HandedCredentials>
  /** AWS client settings; endpoints and proxies come from the inherited environment (AWS_ENDPOINT_URL_*, HTTPS_PROXY …). */
  http?: { requestTimeoutMs?: number; maxAttempts?: number }
}

/** 256 random bits, base64url (43 characters): the value of AWS_CONTAINER_AUTHORIZATION_TOKEN. */
export function newAuthToken(): string {
  return randomBytes(32).toString('base64url')
}

/** The largest handover the server reads (a few hundred profiles with chains fit many times over). */
export const MAX_HANDOVER_BYTES = 4 * 1024 * 1024

export class HandoverError extends Error {
  constructor(message: string) {
    super(`credential server handover: ${message}`)
    this.name = 'HandoverError'
  }
}

const REGION_RE = /^[a-z]{2,4}(-[a-z]{2,5})?-[a-z]+-\d{1,2}$/
const ACCOUNT_RE = /^\d{12}$/
const ROLE_NAME_RE = /^[\w+=,.@-]{1,128}$/
const AUTH_TOKEN_RE = /^[A-Za-z0-9_-]{43,}$/
const SOURCE_IDENTITY_RE = /^[\w+=,.@-]{2,64}$/

/* eslint-disable @typescript-eslint/no-explicit-any -- a parsed JSON value, checked field by field before it is typed */
/** Parse and check a handover; throws HandoverError naming the field (never its value). */
export function parseHandover(text: string): Handover {
  let h: any
  try {
    h = JSON.parse(text)
  } catch {
    throw new HandoverError('not JSON')
  }
  const fail = (field: string, problem = 'is missing or malformed'): never => {
    throw new HandoverError(`${field} ${problem}`)
  }
  const str = (v: unknown, field: string): string =>
    typeof v === 'string' && v !== '' ? v : fail(field)
  const date = (v: unknown, field: string): string =>
    Number.isFinite(Date.parse(str(v, field))) ? (v as string) : fail(field)
  if (!h || typeof h !== 'object') fail('the handover', 'is not an object')
  if (h.version !== HANDOVER_VERSION)
    fail('version', `is not ${HANDOVER_VERSION}`)
  if (!REGION_RE.test(str(h.ssoRegion, 'ssoRegion'))) fail('ssoRegion')
  if (!REGION_RE.test(str(h.region, 'region'))) fail('region')
  str(h.token?.accessToken, 'token.accessToken')
  date(h.token?.expiresAt, 'token.expiresAt')
  if (h.token.refreshToken !== undefined)
    str(h.token.refreshToken, 'token.refreshToken')
  if (h.registration !== undefined) {
    str(h.registration?.clientId, 'registration.clientId')
    str(h.registration.clientSecret, 'registration.clientSecret')
    date(h.registration.expiresAt, 'registration.expiresAt')
  }
  if (!Array.isArray(h.roles) || h.roles.length === 0) fail('roles')
  const profiles = new Set<string>()
  h.roles.forEach((r: any, i: number) => {
    const at = `roles[${i}]`
    if (!NAME_RE.test(str(r?.profile, `${at}.profile`)))
      fail(`${at}.profile`, 'is not a profile name')
    if (profiles.has(r.profile)) fail(`${at}.profile`, 'is listed twice')
    profiles.add(r.profile)
    if (!ACCOUNT_RE.test(str(r.accountId, `${at}.accountId`)))
      fail(`${at}.accountId`)
    if (!ROLE_NAME_RE.test(str(r.roleName, `${at}.roleName`)))
      fail(`${at}.roleName`)
    if (r.chain !== undefined) {
      str(r.chain?.spec?.roleArn, `${at}.chain.spec.roleArn`)
      if (!Number.isInteger(r.chain.spec.durationSeconds))
        fail(`${at}.chain.spec.durationSeconds`)
      if (!Array.isArray(r.chain.spec.policyArns))
        fail(`${at}.chain.spec.policyArns`)
      if (!Array.isArray(r.chain.spec.transitiveTagKeys))
        fail(`${at}.chain.spec.transitiveTagKeys`)
      str(r.chain.sessionName, `${at}.chain.sessionName`)
      if (
        !Array.isArray(r.chain.tags) ||
        !r.chain.tags.every(
          (t: any) => typeof t?.Key === 'string' && typeof t?.Value === 'string'
        )
      )
        fail(`${at}.chain.tags`)
      if (
        r.chain.sourceIdentity !== undefined &&
        !SOURCE_IDENTITY_RE.test(String(r.chain.sourceIdentity))
      )
        fail(`${at}.chain.sourceIdentity`)
    }
  })
  if (!profiles.has(str(h.primary, 'primary')))
    fail('primary', 'is not one of the roles')
  if (!AUTH_TOKEN_RE.test(str(h.authToken, 'authToken')))
    fail('authToken', 'is not at least 256 bits of base64url')
  if (!Number.isInteger(h.watchPid) || h.watchPid < 1) fail('watchPid')
  if (h.keepSignIn !== undefined && h.keepSignIn !== true) fail('keepSignIn')
  for (const [profile, c] of Object.entries<any>(h.initialCredentials ?? {})) {
    if (!profiles.has(profile))
      fail('initialCredentials', 'names a profile that is not served')
    for (const k of ['accessKeyId', 'secretAccessKey', 'sessionToken'])
      str(c?.[k], `initialCredentials.${profile}.${k}`)
    date(c.expiration, `initialCredentials.${profile}.expiration`)
  }
  return h as Handover
}
/* eslint-enable @typescript-eslint/no-explicit-any */
