/**
 * One login, from a validated request to verified credentials and the AWS files written.
 * Shared by the GitHub Action and the CLI: no @actions/* here; the edges pass in how to mask, log and notify.
 */
import type { LoginEvent, Logger } from './events.js'
import type { LoginRequest, ProfileSpec } from '../inputs/spec.js'
import type { AwsPaths } from '../aws-files/paths.js'
import { AwsClients } from '../aws/clients.js'
import { sdkOidcApi } from '../aws/oidc.js'
import {
  DeviceFlowError,
  runDeviceFlow,
  systemClock,
  type Clock,
  type ClientRegistration,
  type SsoToken
} from './device-flow.js'
import {
  verifiedRoleCredentials,
  approverFromArn,
  CredentialsError,
  type CallerIdentity,
  type RoleCredentials
} from '../aws/credentials.js'
import { approverRejection } from './approvers.js'
import { logout } from '../aws/logout.js'
import {
  sessionFilePaths,
  writeCredentialProfiles,
  writeSessionFiles,
  type SessionFilesListener,
  type WrittenFiles
} from '../aws-files/session-files.js'
import { assertAccountAllowed } from './allowed-accounts.js'
import { revocationNote, withRevocation } from './rejection.js'
import { chainRole, type ChainedSession } from './chain.js'
import { hasSessionPolicy, sourceProfileName } from '../inputs/chain.js'
import type { AssumeRoleProfileSpec } from '../aws-files/config.js'
import { CLIENT_NAME_BASE } from './client-name.js'
import { unsafeAwsPath } from '../aws-files/preflight.js'
import { cachedRegistration, reuseCachedSession } from './reuse.js'
import { discoverProfiles } from './discover.js'
import { mapPool } from '../util/pool.js'
import type { SharedSignIn } from './sealed-session.js'

export interface LoginOptions {
  request: LoginRequest
  /** The CI user who triggered the run (for forbid-self-approval). */
  actor?: string
  /** Every other user the run acts for (a GitHub re-run: GITHUB_ACTOR and GITHUB_TRIGGERING_ACTOR), compared like `actor`. */
  actors?: string[]
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
  /** What the files about to be written are, as each goes (the action records it for its post step); see writeSessionFiles. */
  onFilesProgress?: SessionFilesListener
  /** session: the sign-in a share-session job of this run sealed, opened (shared-session.ts); no device authorization. */
  sharedSignIn?: SharedSignIn
}

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
  chained?: ChainedSession & { profile: string; sourceProfile?: string }
  /** sign-out-early: when the SSO session was signed out (no token is left; the profiles hold role credentials). */
  signedOutAt?: Date
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

/**
 * Role credentials are fetched and verified for this many profiles at once (two calls each). 2,000 profiles at 20 ms
 * a call took 13.5 s at 8 in flight; at 32 the process itself is the limit. The SSO and STS clients retry in
 * 'adaptive' mode, so a service that throttles slows the whole pool down (clients.ts).
 */
export const PROFILE_CONCURRENCY = 32

export async function login(options: LoginOptions): Promise<LoginResult> {
  const { request, log, paths } = options
  // Refuse unsafe paths (symlinks) before anyone is asked to approve: a refusal then costs no approval and leaves no token.
  const pathProblem = unsafeAwsPath(paths, sessionFilePaths(paths, request))
  if (pathProblem)
    throw new UnsafePathError(`${pathProblem}; nothing was sent or written`)

  const clients = new AwsClients({
    ssoRegion: request.ssoRegion,
    region: request.region,
    env: options.env,
    onRetry: (m) => log.warning(m)
  })
  try {
    let session = await obtainToken(options, clients)
    if (session.via !== 'device-flow') {
      try {
        return await useToken(options, clients, session)
      } catch (error) {
        if (!tokenRejected(error))
          throw withRevocation(error, false, revocationNote(session.via))
        // The shared sign-in belongs to the whole run: never asked for again here, never signed out here.
        if (session.via === 'shared-session') throw new SharedSignInEndedError()
        // The cache said valid, the service says no (signed out elsewhere, revoked by an admin): ask a person, once.
        log.info(
          'reuse-session: the cached SSO token was rejected by the service (revoked?); asking for approval'
        )
        session = await deviceFlowToken(options, clients)
      }
    }
    try {
      return await useToken(options, clients, session)
    } catch (error) {
      // A token a person approved for this run must not outlive a failed login; a reused one belongs to the shared session.
      const revoked = await logout(clients, session.token.accessToken, log)
      throw withRevocation(error, revoked, revocationNote('failed-logout'))
    }
  } finally {
    clients.destroy()
  }
}

/** From an SSO token to verified profiles and the files written; throws (and writes nothing) when any step fails. */
async function useToken(
  options: LoginOptions,
  clients: AwsClients,
  session: ObtainedToken
): Promise<LoginResult> {
  const { request, mask, log, paths } = options
  const { token, registration } = session
  const primaryProfile: ProfileSpec = {
    name: request.profile,
    accountId: request.accountId,
    roleName: request.roleName,
    region: request.region
  }
  const primary = await verifiedRoleCredentials(
    clients,
    token.accessToken,
    request.accountId,
    request.roleName,
    mask
  )
  assertAccountAllowed(
    primary.identity,
    request.allowedAccountIds,
    `profile "${primaryProfile.name}" (${primary.identity.arn})`
  )
  const approvedBy = approverFromArn(primary.identity.arn)
  const rejection = approverRejection(approvedBy, {
    allowedApprovers: request.allowedApprovers,
    forbidSelfApproval: request.forbidSelfApproval,
    actor: options.actor,
    actors: options.actors
  })
  if (rejection) throw new ApproverRejectedError(approvedBy, rejection)

  // role-to-assume: chain from the permission set's credentials to the narrower role, before anything else is fetched.
  let chained: ChainedSession | undefined
  if (request.chain) {
    chained = await chainRole(
      clients,
      primary.credentials,
      request.chain,
      approvedBy,
      options.env ?? process.env,
      mask
    )
    assertAccountAllowed(
      chained.identity,
      request.allowedAccountIds,
      `role-to-assume (${chained.identity.arn})`
    )
    log.info(
      `role-to-assume: chained to ${chained.identity.arn} (session name ${chained.sessionName}${chained.tags.length ? `, ${chained.tags.length} session tag(s)` : ''})`
    )
  }

  const extraProfiles = [...request.extraProfiles]
  const discoveryFailures: ProfileResult[] = []
  if (request.discover) {
    const found = await discoverProfiles(clients, token.accessToken, {
      ...request.discover,
      region: request.region,
      // With role-to-assume the Identity Center role may be written as <profile>-sso: that name is taken too.
      exclude: [
        primaryProfile,
        ...(request.chain
          ? [
              {
                ...primaryProfile,
                name: sourceProfileName(primaryProfile.name)
              }
            ]
          : []),
        ...extraProfiles
      ],
      allowPartial: request.allowPartial,
      allowedAccountIds: request.allowedAccountIds
    })
    log.info(
      `discover: ${found.profiles.length} profile(s) from the accounts and roles the approver can reach`
    )
    if (request.allowedAccountIds)
      log.info(
        `discover: ${found.skippedAccounts} account(s) skipped because they are not in allowed-account-ids`
      )
    extraProfiles.push(...found.profiles)
    discoveryFailures.push(...found.failed)
  }
  // verify-profiles: primary: the others are SSO profiles written as listed; each fetches its own credentials when used.
  const verified =
    request.verifyProfiles === 'primary'
      ? extraProfiles.map((profile): ProfileResult => ({
          profile,
          unverified: true
        }))
      : await mapPool(
          extraProfiles,
          PROFILE_CONCURRENCY,
          async (profile): Promise<ProfileResult> => {
            try {
              return {
                profile,
                ...(await verifiedRoleCredentials(
                  clients,
                  token.accessToken,
                  profile.accountId,
                  profile.roleName,
                  mask
                ))
              }
            } catch (error) {
              return { profile, error: (error as Error).message }
            }
          }
        )
  // Every identity that verified must be in an allowed account, whatever allow-partial says: a profile that lands
  // elsewhere fails the whole login (the caller revokes the token; nothing is written or exported). A profile written
  // unverified (verify-profiles: primary) is held to the account it names: that is the account it will sign in to.
  for (const p of verified) {
    if (p.identity)
      assertAccountAllowed(
        p.identity,
        request.allowedAccountIds,
        `profile "${p.profile.name}" (${p.identity.arn})`
      )
    else if (p.unverified)
      assertAccountAllowed(
        { account: p.profile.accountId },
        request.allowedAccountIds,
        `profile "${p.profile.name}" (${p.profile.accountId}/${p.profile.roleName}, not verified)`
      )
  }
  const extra = [...verified, ...discoveryFailures]
  const failed = extra.filter((p) => p.error)
  if (failed.length && !request.allowPartial) {
    throw new ProfilesFailedError(failed, [
      { profile: primaryProfile, ...primary },
      ...extra
    ])
  }

  // A cancel that arrived while the credentials were fetched: stop before anything is written.
  if (options.signal?.aborted)
    throw new DeviceFlowError(
      'cancelled',
      `the login was cancelled (${String(options.signal.reason)}) before it finished`
    )
  // allow-partial: only the profiles that work go into ~/.aws/config.
  const leftOut = verified.filter((p) => p.error)
  if (leftOut.length) {
    log.info(
      `allow-partial: ${leftOut.length} profile(s) left out of the AWS config because they could not be verified: ${leftOut.map((p) => p.profile.name).join(', ')}`
    )
  }
  const verifiedExtras = verified.filter((p) => !p.error)
  const layout = chainedProfiles(request, primaryProfile, chained)
  let signedOutAt: Date | undefined
  let written: WrittenFiles
  if (request.signOutEarly) {
    // Every role credential is fetched and verified: end the sign-in now, then write only the role credentials.
    if (!(await logout(clients, token.accessToken, log))) {
      throw new SignOutFailedError(
        'sign-out-early: SSO Logout failed (see the warning above), so the sign-in could not be ended; nothing was written or exported'
      )
    }
    signedOutAt = new Date()
    log.info(
      `sign-out-early: signed out of IAM Identity Center at ${signedOutAt.toISOString()}; no SSO token is kept, the profiles hold role credentials only`
    )
    // With role-to-assume the profile holds the chained session; the permission set's credentials are not written.
    const primaryKeys = {
      name: primaryProfile.name,
      credentials: (chained ?? primary).credentials,
      region: primaryProfile.region,
      output: request.output
    }
    written = await writeCredentialProfiles(
      paths,
      request,
      [
        primaryKeys,
        ...verifiedExtras.map((p) => ({
          name: p.profile.name,
          credentials: p.credentials!,
          region: p.profile.region,
          output: request.output
        }))
      ],
      { onProgress: options.onFilesProgress }
    )
  } else {
    written = await writeSessionFiles(
      paths,
      request,
      [...layout.ssoProfiles, ...verifiedExtras.map((p) => p.profile)],
      token,
      registration,
      {
        writeRegistration: session.registered,
        onProgress: options.onFilesProgress,
        // A token not taken from the cache file: what that file held before (a user's own sign-in) is put back by post.
        ...(session.via === 'device-flow' || session.via === 'shared-session'
          ? { keepOriginalTokenCache: { mask: options.mask } }
          : {}),
        ...(layout.roleProfile ? { roleProfiles: [layout.roleProfile] } : {}),
        ...(chained && layout.keys
          ? {
              credentialProfiles: [
                {
                  name: primaryProfile.name,
                  credentials: chained.credentials,
                  region: primaryProfile.region,
                  output: request.output
                }
              ]
            }
          : {})
      }
    )
  }
  return {
    ...(signedOutAt ? { signedOutAt } : {}),
    primary: { profile: layout.ssoProfiles[0] ?? primaryProfile, ...primary },
    ...(chained
      ? {
          chained: {
            ...chained,
            profile: primaryProfile.name,
            ...(layout.roleProfile
              ? { sourceProfile: layout.roleProfile.sourceProfile }
              : {})
          }
        }
      : {}),
    extra,
    approvedBy,
    token,
    registration,
    written,
    via: session.via,
    authorizations: session.authorizations
  }
}

interface ObtainedToken {
  token: SsoToken
  registration?: ClientRegistration
  via: LoginResult['via']
  authorizations: number
  /** A new client registration was made in this run (so its cache file is this run's to write and remove). */
  registered: boolean
}

/** A reusable cached session when allowed, else the device flow (with a cached registration when one is still valid). */
async function obtainToken(
  options: LoginOptions,
  clients: AwsClients
): Promise<ObtainedToken> {
  const { request, mask, log, paths } = options
  if (options.sharedSignIn) {
    // Only the access token: no refresh token or client registration, so no tool on this runner can (or races to) refresh it.
    const { accessToken, expiresAt } = options.sharedSignIn
    return {
      token: { accessToken, expiresAt },
      via: 'shared-session',
      authorizations: 0,
      registered: false
    }
  }
  if (request.reuseSession) {
    const reused = await reuseCachedSession(paths, request, clients, mask, log)
    if (reused) return { ...reused, authorizations: 0, registered: false }
  }
  return deviceFlowToken(options, clients)
}

/** The SSO access token itself was refused (UnauthorizedException): expired or revoked. */
function tokenRejected(error: unknown): boolean {
  return error instanceof CredentialsError && error.kind === 'token'
}

/** A person approves a device code (with a cached registration when one is still valid). */
async function deviceFlowToken(
  options: LoginOptions,
  clients: AwsClients
): Promise<ObtainedToken> {
  const { request, mask, log, paths } = options
  let registered = false
  const flow = await runDeviceFlow({
    api: sdkOidcApi(
      () => clients.oidcClient(),
      mask,
      () => clients.pollingOidcClient()
    ),
    startUrl: request.startUrl,
    clientName: options.clientName ?? CLIENT_NAME_BASE,
    scopes: request.registrationScopes,
    registration: await cachedRegistration(
      paths,
      request,
      mask,
      options.clientName ?? CLIENT_NAME_BASE
    ),
    approvalTimeoutSeconds: request.approvalTimeoutSeconds,
    clock: options.clock ?? systemClock,
    signal: options.signal,
    emit: (event) => {
      if (event.type === 'started' && event.attempt === 1)
        clients.prepareForApproval()
      options.emit(event)
    },
    onRegistered: () => (registered = true),
    onPollRetry: (message) => log.warning(message)
  })
  log.info(
    `Approved after ${flow.polls} poll(s)${flow.authorizations > 1 ? ` and ${flow.authorizations} codes` : ''}`
  )
  return {
    token: flow.token,
    registration: flow.registration,
    via: 'device-flow',
    authorizations: flow.authorizations,
    registered
  }
}

/**
 * Which sections carry the primary profile. No role-to-assume: the SSO profile itself. role-to-assume without a session
 * policy: the SSO profile as `<profile>-sso` and `<profile>` a refreshable role_arn + source_profile profile. With a
 * session policy: `<profile>` holds the narrowed session's keys (a role_arn profile would re-assume without the policy)
 * and no SSO profile is written for it; so with sign-out-early, which leaves no sign-in to assume from.
 */
function chainedProfiles(
  request: LoginRequest,
  primaryProfile: ProfileSpec,
  chained: ChainedSession | undefined
): {
  ssoProfiles: ProfileSpec[]
  roleProfile?: AssumeRoleProfileSpec
  keys: boolean
} {
  const chain = request.chain
  if (!chain || !chained) return { ssoProfiles: [primaryProfile], keys: false }
  // sign-out-early leaves no sign-in to re-assume from: the profile holds the chained session's keys too.
  if (hasSessionPolicy(chain) || request.signOutEarly)
    return { ssoProfiles: [], keys: true }
  const source = {
    ...primaryProfile,
    name: sourceProfileName(primaryProfile.name)
  }
  return {
    ssoProfiles: [source],
    keys: false,
    roleProfile: {
      name: primaryProfile.name,
      roleArn: chain.roleArn,
      sourceProfile: source.name,
      roleSessionName: chained.sessionName,
      durationSeconds: chain.durationSeconds,
      externalId: chain.externalId,
      region: primaryProfile.region,
      output: request.output
    }
  }
}

/** What the job gets: the chained session with role-to-assume, else the primary profile's (outputs and exports). */
export function jobSession(result: Pick<LoginResult, 'primary' | 'chained'>): {
  credentials: RoleCredentials
  identity: CallerIdentity
  roleName: string
} {
  if (result.chained)
    return {
      credentials: result.chained.credentials,
      identity: result.chained.identity,
      roleName: result.chained.roleArn.split('/').pop() ?? ''
    }
  return {
    credentials: result.primary.credentials,
    identity: result.primary.identity,
    roleName: result.primary.profile.roleName
  }
}

/** One line on what the chained profile holds, for the log. */
export function chainedProfileNote(
  chained: NonNullable<LoginResult['chained']>
): string {
  const until = chained.credentials.expiration.toISOString()
  return chained.sourceProfile
    ? `Profile "${chained.profile}" assumes ${chained.roleArn} from profile "${chained.sourceProfile}" (the Identity Center role) and renews itself while the sign-in lasts; the session is not narrowed by a session policy`
    : `Profile "${chained.profile}" holds the chained session of ${chained.roleArn} itself (shared credentials file) until ${until}; no profile can re-assume the role`
}
