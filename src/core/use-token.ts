/**
 * From an SSO token to verified profiles and the files written, as named stages; throws (and writes nothing) when
 * any stage fails: verify the primary role and the approver, chain (role-to-assume), discover, verify the other
 * profiles and their accounts, sign out early, write the files, the result.
 */
import type { AwsClients } from '../aws/clients.js'
import type { LoginRequest, ProfileSpec } from '../inputs/spec.js'
import { DeviceFlowError, type SsoToken } from './device-flow.js'
import {
  verifiedRoleCredentials,
  approverFromArn,
  type CallerIdentity,
  type RoleCredentials
} from '../aws/credentials.js'
import { approverRejection } from './approvers.js'
import { logout } from '../aws/logout.js'
import type { WrittenFiles } from '../aws-files/job-files.js'
import { writeRoleKeys, writeSignIn } from './files-plan.js'
import { assertAccountAllowed } from './allowed-accounts.js'
import { chainRole, sourceProfileName, type ChainedRole } from './chain.js'
import { discoverProfiles } from './discover.js'
import { sourceIdentityFor } from './source-identity.js'
import { mapPool } from '../util/pool.js'
import { behaviourOf } from './sign-in-mode.js'
import { profileLayout } from './profile-layout.js'
import {
  ApproverRejectedError,
  ProfilesFailedError,
  SignOutFailedError,
  type LoginOptions,
  type LoginResult,
  type ObtainedToken,
  type ProfileResult,
  type ServedServer
} from './login-result.js'

/**
 * Role credentials are fetched and verified for this many profiles at once (two calls each). 2,000 profiles at 20 ms
 * a call took 13.5 s at 8 in flight; at 32 the process itself is the limit. The SSO and STS clients retry in
 * 'adaptive' mode, so a service that throttles slows the whole pool down (clients.ts).
 */
export const PROFILE_CONCURRENCY = 32

/** The primary role's verified credentials. */
interface Primary {
  credentials: RoleCredentials
  identity: CallerIdentity
}

export async function useToken(
  options: LoginOptions,
  clients: AwsClients,
  obtained: ObtainedToken
): Promise<LoginResult> {
  const { request, log } = options
  const { token } = obtained
  const primaryProfile: ProfileSpec = {
    name: request.profiles.profile,
    accountId: request.target.accountId,
    roleName: request.target.roleName,
    region: request.target.region
  }
  const { primary, approvedBy } = await verifyPrimary(
    options,
    clients,
    token,
    primaryProfile,
    obtained.proven
  )
  const chained = request.chain
    ? await chain(options, clients, primary, approvedBy)
    : undefined
  const discovered = await discover(options, clients, token, primaryProfile)
  const verified = await verifyProfiles(options, clients, token, [
    ...request.profiles.extraProfiles,
    ...discovered.profiles
  ])
  const extra = [...verified, ...discovered.failed]
  checkProfiles(request, verified, extra, {
    profile: primaryProfile,
    ...primary
  })

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
  const holds = behaviourOf(request.signIn.mode).holds
  const layout = profileLayout(request, primaryProfile, chained, holds)
  let signedOutAt: Date | undefined
  let server: ServedServer | undefined
  let written: WrittenFiles
  switch (holds) {
    case 'role-keys':
      signedOutAt = await signOutEarly(options, clients, token)
      written = await writeRoleKeys(options, [
        {
          profile: primaryProfile,
          // With role-to-assume the profile holds the chained session; the permission set's credentials are not written.
          credentials: (chained ?? primary).credentials
        },
        ...verifiedExtras.map((p) => ({
          profile: p.profile,
          credentials: p.credentials!
        }))
      ])
      break
    case 'sign-in':
      written = await writeSignIn(options, obtained, layout, chained, [
        ...layout.ssoProfiles,
        ...verifiedExtras.map((p) => p.profile)
      ])
      break
    case 'server': {
      // Loaded only in this mode: a run without credential-server never parses the server's code.
      const { serveSignIn } = await import('./serve-sign-in.js')
      ;({ written, server } = await serveSignIn(options, obtained, {
        primaryProfile,
        primaryCredentials: primary.credentials,
        chained,
        others: verifiedExtras
      }))
      break
    }
  }
  return {
    ...(signedOutAt ? { signedOutAt } : {}),
    ...(server ? { server } : {}),
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
    approvers: obtained.approvers ?? [
      { name: approvedBy, at: obtained.approvedAt ?? new Date() }
    ],
    token,
    registration: obtained.registration,
    written,
    via: obtained.via,
    authorizations: obtained.authorizations
  }
}

/** The primary role's credentials, verified, in an allowed account, approved by someone the request allows. */
async function verifyPrimary(
  options: LoginOptions,
  clients: AwsClients,
  token: SsoToken,
  primaryProfile: ProfileSpec,
  proven?: Primary
): Promise<{ primary: Primary; approvedBy: string }> {
  const { request, mask } = options
  // required-approvals > 1: the approval loop proved this sign-in and applied the approver checks already.
  if (proven)
    return { primary: proven, approvedBy: approverFromArn(proven.identity.arn) }
  const primary = await verifiedRoleCredentials(
    clients,
    token.accessToken,
    request.target.accountId,
    request.target.roleName,
    mask
  )
  assertAccountAllowed(
    primary.identity,
    request.files.allowedAccountIds,
    `profile "${primaryProfile.name}" (${primary.identity.arn})`
  )
  const approvedBy = approverFromArn(primary.identity.arn)
  const rejection = approverRejection(approvedBy, {
    allowedApprovers: request.signIn.allowedApprovers,
    forbidSelfApproval: request.signIn.forbidSelfApproval,
    actor: options.run?.actor,
    actors: options.run?.actors
  })
  if (rejection) throw new ApproverRejectedError(approvedBy, rejection)
  return { primary, approvedBy }
}

/** role-to-assume: chain from the permission set's credentials to the narrower role, before anything else is fetched. */
async function chain(
  options: LoginOptions,
  clients: AwsClients,
  primary: Primary,
  approvedBy: string
): Promise<ChainedRole> {
  const { request, mask, log } = options
  const chained = await chainRole(
    clients,
    primary.credentials,
    request.chain!,
    approvedBy,
    options.run?.sessionTags ?? [],
    mask,
    request.chain!.sourceIdentity ? sourceIdentityFor(approvedBy) : undefined
  )
  assertAccountAllowed(
    chained.identity,
    request.files.allowedAccountIds,
    `role-to-assume (${chained.identity.arn})`
  )
  log.info(
    `role-to-assume: chained to ${chained.identity.arn} (session name ${chained.sessionName}${chained.tags.length ? `, ${chained.tags.length} session tag(s)` : ''}${chained.sourceIdentity !== undefined ? `, source identity ${chained.sourceIdentity}` : ''})`
  )
  return chained
}

/** discover: the accounts and roles the approver can reach, as profiles (none without discover). */
async function discover(
  options: LoginOptions,
  clients: AwsClients,
  token: SsoToken,
  primaryProfile: ProfileSpec
): Promise<{ profiles: ProfileSpec[]; failed: ProfileResult[] }> {
  const { request, log } = options
  if (!request.profiles.discover) return { profiles: [], failed: [] }
  const found = await discoverProfiles(clients, token.accessToken, {
    ...request.profiles.discover,
    region: request.target.region,
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
      ...request.profiles.extraProfiles
    ],
    allowPartial: request.files.allowPartial,
    allowedAccountIds: request.files.allowedAccountIds
  })
  log.info(
    `discover: ${found.profiles.length} profile(s) from the accounts and roles the approver can reach`
  )
  if (request.files.allowedAccountIds)
    log.info(
      `discover: ${found.skippedAccounts} account(s) skipped because they are not in allowed-account-ids`
    )
  return { profiles: found.profiles, failed: found.failed }
}

/** Each other profile's credentials, fetched and verified in a pool; verify-profiles: primary leaves them unverified. */
async function verifyProfiles(
  options: LoginOptions,
  clients: AwsClients,
  token: SsoToken,
  profiles: ProfileSpec[]
): Promise<ProfileResult[]> {
  // verify-profiles: primary: the others are SSO profiles written as listed; each fetches its own credentials when used.
  if (options.request.profiles.verifyProfiles === 'primary')
    return profiles.map((profile) => ({ profile, unverified: true }))
  return mapPool(
    profiles,
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
            options.mask
          ))
        }
      } catch (error) {
        return { profile, error: (error as Error).message }
      }
    }
  )
}

/**
 * Every identity that verified must be in an allowed account, whatever allow-partial says: a profile that lands
 * elsewhere fails the whole login (the caller revokes the token; nothing is written or exported). A profile written
 * unverified (verify-profiles: primary) is held to the account it names: that is the account it will sign in to.
 * Then a profile that failed fails the login unless allow-partial.
 */
function checkProfiles(
  request: LoginRequest,
  verified: ProfileResult[],
  extra: ProfileResult[],
  primary: ProfileResult
): void {
  for (const p of verified) {
    if (p.identity)
      assertAccountAllowed(
        p.identity,
        request.files.allowedAccountIds,
        `profile "${p.profile.name}" (${p.identity.arn})`
      )
    else if (p.unverified)
      assertAccountAllowed(
        { account: p.profile.accountId },
        request.files.allowedAccountIds,
        `profile "${p.profile.name}" (${p.profile.accountId}/${p.profile.roleName}, not verified)`
      )
  }
  const failed = extra.filter((p) => p.error)
  if (failed.length && !request.files.allowPartial)
    throw new ProfilesFailedError(failed, [primary, ...extra])
}

/** sign-out-early: every role credential is fetched and verified: end the sign-in now. Returns when. */
async function signOutEarly(
  options: LoginOptions,
  clients: AwsClients,
  token: SsoToken
): Promise<Date> {
  const { log } = options
  if (!(await logout(clients, token.accessToken, log))) {
    throw new SignOutFailedError(
      'sign-out-early: SSO Logout failed (see the warning above), so the sign-in could not be ended; nothing was written or exported'
    )
  }
  const signedOutAt = new Date()
  log.info(
    `sign-out-early: signed out of IAM Identity Center at ${signedOutAt.toISOString()}; no SSO token is kept, the profiles hold role credentials only`
  )
  return signedOutAt
}
