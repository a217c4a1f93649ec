/** What a login takes and gives: its options, its result, and the errors it ends with. */
import type { LoginEvent, Logger } from './events.js'
import type { LoginRequest, ProfileSpec } from '../inputs/spec.js'
import type { AwsPaths } from '../aws-files/paths.js'
import type { Clock, ClientRegistration, SsoToken } from './device-flow.js'
import type { CallerIdentity, RoleCredentials } from '../aws/credentials.js'
import type { JobFilesProgress, WrittenFiles } from '../aws-files/job-files.js'
import type { ServedRecord } from '../credential-server/job-server.js'
import type { ChainedRole } from './chain.js'
import type { SharedSignIn } from './sealed-sign-in.js'
import type { RunContext } from './run-context.js'
import type { Approver } from './approvals.js'

export interface LoginOptions {
  request: LoginRequest
  /** The run (read once by the edge): the actors forbid-self-approval compares with, role-to-assume's session tags. */
  run?: Pick<RunContext, 'actor' | 'actors' | 'sessionTags'>
  paths: AwsPaths
  /** Register a secret with the log masker before anything else happens with it. */
  mask: (secret: string) => void
  emit: (event: LoginEvent) => void
  log: Logger
  clock?: Clock
  signal?: AbortSignal
  env?: NodeJS.ProcessEnv
  /** The name the OIDC client is registered with (AWS's consent page shows it); see registeredClientName. */
  clientName?: string
  /** What the files about to be written are, as each goes (the action records it for its post step); see writeJobFiles. */
  onFilesProgress?: FilesListener
  /** Called with each access token CreateToken issues to this run, as soon as it is known (a hard stop revokes it). */
  onTokenIssued?: (accessToken: string) => void
  /** session: the sign-in a share-session job of this run sealed, opened (shared-sign-in.ts); no device authorization. */
  sharedSignIn?: SharedSignIn
  /** credential-server: the process whose end stops the server (default: this process's parent). */
  watchPid?: number
}

/** The files' record as they go, and with credential-server the server's (its file, authorization token, pid, port). */
export type FilesProgress = JobFilesProgress & { server?: ServedRecord }

export type FilesListener = (progress: FilesProgress | undefined) => void

export interface ProfileResult {
  profile: ProfileSpec
  credentials?: RoleCredentials
  identity?: CallerIdentity
  error?: string
  /** verify-profiles: primary: written from the request or the listings; its credentials were not fetched or checked. */
  unverified?: boolean
}

export interface LoginResult {
  primary: {
    profile: ProfileSpec
    credentials: RoleCredentials
    identity: CallerIdentity
  }
  /** Extra and discovered profiles, each verified, with the reason it failed, or unverified (verify-profiles: primary). */
  extra: ProfileResult[]
  approvedBy: string
  token: SsoToken
  registration?: ClientRegistration
  written: WrittenFiles
  /** How the SSO token was obtained. */
  via: 'device-flow' | 'cached-token' | 'refreshed-token' | 'shared-session'
  /** Device authorizations started (0 when a cached session was reused). */
  authorizations: number
  /**
   * role-to-assume: the chained session the job gets (outputs, exports and `profile` are this one's). `sourceProfile`:
   * the Identity Center profile a refreshable role_arn profile re-assumes from (absent with a session policy or
   * sign-out-early, where the profile holds the session's keys itself).
   */
  chained?: ChainedRole & { profile: string; sourceProfile?: string }
  /** sign-out-early: when the SSO session was signed out (no token is left; the profiles hold role credentials). */
  signedOutAt?: Date
  /** Everyone whose approval counted, in order (the approval record); `approvedBy` is the last, whose sign-in this is. */
  approvers?: Approver[]
  /** credential-server: the running server that holds the sign-in and serves the profiles. */
  server?: ServedServer
}

/** sign-out-early: SSO Logout failed, so the step fails rather than claim the sign-in ended; nothing was written or exported. */
export class SignOutFailedError extends Error {
  override name = 'SignOutFailedError'
}

/**
 * The approval happened, but the approver is not one the request allows. `revoked`: the sign-in was signed out (a
 * device flow of this run); otherwise `notRevoked` says why it was not (see revocationNote).
 */
export class ApproverRejectedError extends Error {
  constructor(
    readonly approvedBy: string,
    readonly reason: string,
    readonly revoked = true,
    readonly notRevoked?: string
  ) {
    super(
      `approved by ${approvedBy || 'an unidentified user'}, which is not enough: ${reason}. ${revoked ? 'The session was revoked and nothing was exported.' : `The sign-in was NOT signed out: ${notRevoked}; nothing was written or exported.`}`
    )
    this.name = 'ApproverRejectedError'
  }
}

/** The shared sign-in (session) was refused by the service: signed out by end-session, or revoked. Never replaced by a new approval. */
export class SharedSignInEndedError extends Error {
  override name = 'SharedSignInEndedError'
  constructor() {
    super(
      'IAM Identity Center refused the shared sign-in (session): it was signed out (end-session ran?) or revoked. Sign in again with share-session; nothing was written or exported.'
    )
  }
}

/** A path this run would write is a symlink or not a regular file / folder. */
export class UnsafePathError extends Error {
  override name = 'UnsafePathError'
}

/** Some extra profiles could not be verified and allow-partial is false: nothing was exported or written. */
export class ProfilesFailedError extends Error {
  constructor(
    readonly failed: ProfileResult[],
    /** Every profile of the login, the primary one first, verified or with its error (for the failed event). */
    readonly results: ProfileResult[] = failed
  ) {
    super(
      `${failed.length} profile(s) could not be set up and allow-partial is false; nothing was exported. ` +
        failed
          .map(
            (p) =>
              `${p.profile.name} (${p.profile.accountId}/${p.profile.roleName}): ${p.error}`
          )
          .join('; ')
    )
    this.name = 'ProfilesFailedError'
  }
}

/** An SSO token, however it was obtained (obtain-token.ts). */
export interface ObtainedToken {
  token: SsoToken
  registration?: ClientRegistration
  via: LoginResult['via']
  authorizations: number
  /** A new client registration was made in this run (so its cache file is this run's to write and remove). */
  registered: boolean
  /** device-flow: when the approval was seen (the token was issued). */
  approvedAt?: Date
  /**
   * required-approvals > 1 (every approval that counted, the last one this sign-in's), or a shared sign-in's approvers
   * (from the seal).
   */
  approvers?: Approver[]
  /** required-approvals > 1: this sign-in's role credentials, already proven and checked (no second fetch). */
  proven?: { credentials: RoleCredentials; identity: CallerIdentity }
}

export interface ServedServer extends ServedRecord {
  pid: number
  port: number
  /** `http://127.0.0.1:<port>`; the primary role is `<url>/role/<primary>`. */
  url: string
}
