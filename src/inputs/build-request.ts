/** The login request (or end-session) made from the inputs' values once every input is read and checked. */
import type { InputValues } from './input-values.js'
import type { EndSession, SessionToken, SignInMode } from './sign-in-mode.js'
import type { ChainSpec, LoginRequest } from './types.js'

/** What the inputs ask for: a sign-in, or end-session (sign the shared sign-in out, nothing else). */
export type Command = { kind: 'sign-in'; request: LoginRequest } | EndSession

/** The command of checked values; `ssoSessionGiven`: the sso-session input was set (not its default). */
export function buildCommand(
  v: InputValues,
  ssoSessionGiven: boolean
): Command {
  const session: SessionToken | undefined =
    v.session === ''
      ? undefined
      : {
          from: 'session',
          sealed: v.session,
          key: v['session-key'],
          ssoSessionGiven
        }
  if (v['end-session']) return { kind: 'end-session', token: session! }
  const request: LoginRequest = {
    target: {
      startUrl: v['start-url'],
      ssoRegion: v['sso-region'],
      accountId: v['account-id'],
      roleName: v['role-name'],
      region: v.region
    },
    profiles: {
      ssoSession: v['sso-session'],
      profile: v.profile,
      output: v.output,
      extraProfiles: v.profiles
    },
    signIn: {
      mode: signInMode(v, session),
      registrationScopes: v['registration-scopes'],
      allowedApprovers: v['allowed-approvers'],
      forbidSelfApproval: v['forbid-self-approval'],
      minValiditySeconds: v['min-validity']
    },
    notify: { channels: v.notify, githubToken: v['github-token'] },
    files: {
      exportCredentials: v['export-credentials'],
      allowPartial: v['allow-partial']
    }
  }
  // Optional settings are present only when they differ from the default.
  if (v['required-approvals'] > 1)
    request.signIn.requiredApprovals = v['required-approvals']
  if (v['approval-timeout'] !== undefined)
    request.signIn.approvalTimeoutSeconds = v['approval-timeout']
  if (v['issue-number'] !== undefined)
    request.notify.issueNumber = v['issue-number']
  if (v['webhook-url'] !== '') request.notify.webhookUrl = v['webhook-url']
  if (v.discover) {
    const discover: { accountFilter?: string; roleFilter?: string } = {}
    if (v['account-filter'] !== '') discover.accountFilter = v['account-filter']
    if (v['role-filter'] !== '') discover.roleFilter = v['role-filter']
    request.profiles.discover = discover
  }
  if (v['legacy-sso-profile']) request.profiles.legacySsoProfile = true
  if (v['verify-profiles'] !== 'all')
    request.profiles.verifyProfiles = v['verify-profiles']
  if (v['allowed-account-ids'])
    request.files.allowedAccountIds = v['allowed-account-ids']
  const chain = chainOf(v)
  if (chain) request.chain = chain
  return { kind: 'sign-in', request }
}

function chainOf(v: InputValues): ChainSpec | undefined {
  if (v['role-to-assume'] === '') return undefined
  const chain: ChainSpec = {
    roleArn: v['role-to-assume'],
    durationSeconds: v['role-duration-seconds']!,
    policyArns: v['managed-session-policies']!,
    skipSessionTagging: v['role-skip-session-tagging']!,
    transitiveTagKeys: v['transitive-tag-keys']!
  }
  if (v['role-session-name']) chain.sessionName = v['role-session-name']
  if (v['role-external-id']) chain.externalId = v['role-external-id']
  if (v['inline-session-policy'] !== undefined)
    chain.policy = v['inline-session-policy']
  if (v['role-source-identity']) chain.sourceIdentity = true
  return chain
}

/** The one sign-in mode the (already checked: no two of them contradict) inputs ask for. */
function signInMode(
  v: InputValues,
  session: SessionToken | undefined
): SignInMode {
  const keep = v['keep-session']
  if (v['credential-server'])
    return { kind: 'served', token: session ?? { from: 'device-flow' } }
  if (session) return { kind: 'from-shared', token: session, keep }
  if (v['sign-out-early'])
    return { kind: 'sign-out-early', token: { from: 'device-flow' } }
  const token = v['reuse-session']
    ? { from: 'cache' as const }
    : { from: 'device-flow' as const }
  if (v['share-session'])
    return { kind: 'shared', token, key: v['session-key'], keep }
  return keep ? { kind: 'kept', token } : { kind: 'job', token }
}
