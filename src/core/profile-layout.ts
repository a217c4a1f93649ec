/**
 * Which profile sections the files get and which profile the job gets, worked out once: the writer writes it, the
 * result (outputs, the CLI's rendering, the final event) is read from it.
 */
import type { LoginRequest, ProfileSpec } from '../inputs/spec.js'
import type { AssumeRoleProfileSpec } from '../aws-files/config-render.js'
import type { CallerIdentity, RoleCredentials } from '../aws/credentials.js'
import {
  hasSessionPolicy,
  sourceProfileName,
  type ChainedRole
} from './chain.js'
import type { LoginResult } from './login-result.js'
import {
  behaviourOf,
  profilesHoldKeys,
  type RunnerHolds
} from './sign-in-mode.js'

export interface ProfileLayout {
  /** The SSO profiles that carry the primary role: the profile itself, `<profile>-sso` under role-to-assume, or none. */
  ssoProfiles: ProfileSpec[]
  /** role-to-assume without a session policy: `<profile>` re-assumes the role from `<profile>-sso`. */
  roleProfile?: AssumeRoleProfileSpec
  /** `<profile>` holds the chained session's keys in the credentials file. */
  keys: boolean
}

/** Whether a login of this request may write the credentials file (for the pre-flight check of the paths). */
export function writesCredentialsFile(request: LoginRequest): boolean {
  if (behaviourOf(request.signIn.mode).holds === 'server') return false
  return (
    profilesHoldKeys(behaviourOf(request.signIn.mode).holds) ||
    (request.chain !== undefined &&
      (hasSessionPolicy(request.chain) ||
        request.chain.sourceIdentity === true))
  )
}

/**
 * Which sections carry the primary profile. No role-to-assume: the SSO profile itself. role-to-assume without a session
 * policy: the SSO profile as `<profile>-sso` and `<profile>` a refreshable role_arn + source_profile profile. With a
 * session policy: `<profile>` holds the narrowed session's keys (a role_arn profile would re-assume without the policy)
 * and no SSO profile is written for it; so with sign-out-early, which leaves no sign-in to assume from, and with
 * role-source-identity (botocore and the CLIs cannot send a SourceIdentity when a role_arn profile re-assumes).
 */
export function profileLayout(
  request: LoginRequest,
  primaryProfile: ProfileSpec,
  chained: ChainedRole | undefined,
  holds: RunnerHolds
): ProfileLayout {
  const chain = request.chain
  // credential-server: every profile asks the server (credential_process), the chained one included.
  if (holds === 'server') return { ssoProfiles: [], keys: false }
  if (!chain || !chained) return { ssoProfiles: [primaryProfile], keys: false }
  // sign-out-early leaves no sign-in to re-assume from: the profile holds the chained session's keys too.
  // role-source-identity: a role_arn profile cannot send a source identity, so it holds the session's keys as well.
  if (
    hasSessionPolicy(chain) ||
    chain.sourceIdentity ||
    profilesHoldKeys(holds)
  )
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
      output: request.profiles.output
    }
  }
}

/** What the job gets: the chained session with role-to-assume, else the primary profile's (outputs and exports). */
export function jobRole(result: Pick<LoginResult, 'primary' | 'chained'>): {
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
