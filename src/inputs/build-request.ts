/** The login request (or end-session) made from the inputs' values once every input is read and checked. */
import type { InputValues } from './input-values.js'
import type { EndSession, SharedToken, SignInMode } from './sign-in-mode.js'
import type {
  ChainSpec,
  FileSettings,
  LoginRequest,
  NotifySettings,
  ProfileSettings,
  SignInSettings
} from './types.js'

/** What the inputs ask for: a sign-in, or end-session (sign the shared sign-in out, nothing else). */
export type Command = { kind: 'sign-in'; request: LoginRequest } | EndSession

/** The command of checked values; `ssoSessionGiven`: the sso-session input was set (not its default). */
export function buildCommand(
  v: InputValues,
  ssoSessionGiven: boolean
): Command {
  const shared: SharedToken | undefined =
    v.session === ''
      ? undefined
      : {
          from: 'session',
          sealed: v.session,
          key: v['session-key'],
          ssoSessionGiven
        }
  if (v['end-session']) return { kind: 'end-session', token: shared! }
  const request: LoginRequest = {
    target: {
      startUrl: v['start-url'],
      ssoRegion: v['sso-region'],
      accountId: v['account-id'],
      roleName: v['role-name'],
      region: v.region
    },
    profiles: profilesOf(v),
    signIn: signInOf(v, shared),
    notify: notifyOf(v),
    files: filesOf(v)
  }
  const chain = chainOf(v)
  if (chain) request.chain = chain
  return { kind: 'sign-in', request }
}

// Each group's optional settings are present only when they differ from the default.

function profilesOf(v: InputValues): ProfileSettings {
  const profiles: ProfileSettings = {
    ssoSession: v['sso-session'],
    profile: v.profile,
    output: v.output,
    extraProfiles: v.profiles
  }
  if (v.discover) {
    const discover: ProfileSettings['discover'] = {}
    if (v['account-filter'] !== '') discover.accountFilter = v['account-filter']
    if (v['role-filter'] !== '') discover.roleFilter = v['role-filter']
    profiles.discover = discover
  }
  if (v['verify-profiles'] !== 'all')
    profiles.verifyProfiles = v['verify-profiles']
  if (v['legacy-sso-profile']) profiles.legacySsoProfile = true
  return profiles
}

function signInOf(
  v: InputValues,
  session: SharedToken | undefined
): SignInSettings {
  const signIn: SignInSettings = {
    mode: signInMode(v, session),
    registrationScopes: v['registration-scopes'],
    allowedApprovers: v['allowed-approvers'],
    forbidSelfApproval: v['forbid-self-approval'],
    minValiditySeconds: v['min-validity']
  }
  if (v['approval-timeout'] !== undefined)
    signIn.approvalTimeoutSeconds = v['approval-timeout']
  if (v['required-approvals'] > 1)
    signIn.requiredApprovals = v['required-approvals']
  return signIn
}

function notifyOf(v: InputValues): NotifySettings {
  const notify: NotifySettings = {
    channels: v.notify,
    githubToken: v['github-token']
  }
  if (v['issue-number'] !== undefined) notify.issueNumber = v['issue-number']
  if (v['webhook-url'] !== '') notify.webhookUrl = v['webhook-url']
  return notify
}

function filesOf(v: InputValues): FileSettings {
  const files: FileSettings = {
    exportCredentials: v['export-credentials'],
    allowPartial: v['allow-partial']
  }
  if (v['allowed-account-ids'])
    files.allowedAccountIds = v['allowed-account-ids']
  return files
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
  session: SharedToken | undefined
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
