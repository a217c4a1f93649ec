/**
 * The input table: the one place that knows every input's name, kind, default and description.
 * It drives the reader (reader.ts), action.yml and the README tables (scripts/action-yml.ts) and the CLI flags (src/cli/args.ts).
 */

import type { SignInMode } from './sign-in-mode.js'

// ---------------------------------------------------------------------------------------------
// Types

export type NotifyChannel = 'summary' | 'comment' | 'webhook'

export interface ProfileSpec {
  name: string
  accountId: string
  roleName: string
  region: string
}

export interface LoginRequest {
  /** The access portal (or issuer) URL exactly as given, minus surrounding whitespace. */
  startUrl: string
  ssoRegion: string
  accountId: string
  roleName: string
  ssoSession: string
  profile: string
  /** Defaults to ssoRegion. */
  region: string
  output: string
  registrationScopes: string[]
  /** [] means only the log (which is always on). */
  notify: NotifyChannel[]
  /** Secret; may be ''. */
  githubToken: string
  issueNumber?: number
  /** Secret. */
  webhookUrl?: string
  exportCredentials: boolean
  approvalTimeoutSeconds?: number
  /** Lower-cased user names or globs (`*`, `?`); [] means anyone may approve. */
  allowedApprovers: string[]
  forbidSelfApproval: boolean
  /** required-approvals: N different approvers (2-3); absent means one. */
  requiredApprovals?: number
  extraProfiles: ProfileSpec[]
  /** Present only when the `discover` input is true. */
  discover?: { accountFilter?: string; roleFilter?: string }
  allowPartial: boolean
  minValiditySeconds: number
  /** keep-session, reuse-session, sign-out-early, share-session, session: where the token comes from, what stays. */
  mode: SignInMode
  /** allowed-account-ids: every verified identity must be in one of these accounts; absent means any account. */
  allowedAccountIds?: string[]
  /** Present when role-to-assume is set: the job gets the chained role's session, not the permission set's. */
  chain?: ChainSpec
  /** legacy-sso-profile: also write sso_start_url / sso_region into each profile and the token cache under sha1(start URL) (SDKs without sso-session). */
  legacySsoProfile?: boolean
  /** verify-profiles: `primary` = only the primary profile's credentials are fetched and checked; absent = `all`. */
  verifyProfiles?: VerifyProfiles
}

/** What the job is narrowed to: STS AssumeRole from the primary profile's role credentials. */
export interface ChainSpec {
  /** Full role ARN (a bare role name was made into `arn:<partition>:iam::<account-id>:role/<name>`). */
  roleArn: string
  /** Explicit role-session-name; undefined = the approver's Identity Center user name (see sessionNameFor). */
  sessionName?: string
  durationSeconds: number
  externalId?: string
  /** Minified inline session policy JSON. */
  policy?: string
  policyArns: string[]
  /** false: tag the session as configure-aws-credentials does (githubSessionTags in core/chain.ts). */
  skipSessionTagging: boolean
  transitiveTagKeys: string[]
  /** role-source-identity: send STS SourceIdentity = the approver's user name (see core/source-identity.ts). */
  sourceIdentity?: boolean
}

/** Which profiles' credentials a login fetches and checks (`verify-profiles`). */
export type VerifyProfiles = 'all' | 'primary'

export type InputKind =
  'string' | 'boolean' | 'list' | 'multiline' | 'integer' | 'duration'

export interface InputSpec {
  /** kebab-case name: the action input, the CLI flag (`--name`) and, upper-cased, the env fallback. */
  readonly name: string
  readonly description: string
  /** Default as the user would type it; '' when there is none or it is derived (see description). */
  readonly default: string
  /** Default written into action.yml when it differs (e.g. `${{ github.token }}`). */
  readonly actionDefault?: string
  readonly required: boolean
  readonly secret: boolean
  readonly kind: InputKind
  /** Which table of the README lists it (scripts/action-yml.ts); absent: "other inputs". */
  readonly group?: InputGroup
}

/** What an input is for: the README's input tables are grouped by it (scripts/action-yml.ts). */
export type InputGroup =
  | 'essential'
  | 'approvers'
  | 'notifications'
  | 'modes'
  | 'files'
  | 'accounts'
  | 'chaining'
  | 'shared'

// ---------------------------------------------------------------------------------------------
// Defaults and limits

export const DEFAULT_SSO_SESSION = 'identity-center-login'
export const DEFAULT_PROFILE = 'identity-center-login'
export const DEFAULT_OUTPUT = 'json'
export const OUTPUT_FORMATS: readonly string[] = Object.freeze([
  'json',
  'text',
  'table',
  'yaml',
  'yaml-stream'
])
export const DEFAULT_REGISTRATION_SCOPES: readonly string[] = Object.freeze([
  'sso:account:access'
])
export const NOTIFY_CHANNELS: readonly NotifyChannel[] = Object.freeze([
  'summary',
  'comment',
  'webhook'
] as NotifyChannel[])
export const DEFAULT_NOTIFY: readonly NotifyChannel[] = Object.freeze([
  'summary',
  'comment'
] as NotifyChannel[])
export const DEFAULT_EXPORT_CREDENTIALS = true
export const DEFAULT_KEEP_SESSION = false
export const DEFAULT_FORBID_SELF_APPROVAL = false
export const DEFAULT_ALLOW_PARTIAL = false
export const DEFAULT_REUSE_SESSION = false
export const DEFAULT_DISCOVER = false
export const VERIFY_PROFILES: readonly VerifyProfiles[] = Object.freeze([
  'all',
  'primary'
] as VerifyProfiles[])
export const DEFAULT_VERIFY_PROFILES: VerifyProfiles = 'all'
export const DEFAULT_MIN_VALIDITY_SECONDS = 900
export const MAX_MIN_VALIDITY_SECONDS = 86400
export const MAX_APPROVAL_TIMEOUT_SECONDS = 86400
/** Longest profile / sso-session name accepted. */
export const MAX_NAME_LENGTH = 64
/** Longest role / permission set name accepted (IAM role name limit). */
export const MAX_ROLE_NAME_LENGTH = 64
export const MAX_URL_LENGTH = 2048
export const MAX_ISSUE_NUMBER = 2147483647
/** Shortest session-key accepted (characters). */
export const MIN_SESSION_KEY_LENGTH = 32
/** Longest session input accepted (a sealed session is a few hundred characters). */
export const MAX_SESSION_LENGTH = 16384

// ---------------------------------------------------------------------------------------------
// The input table: the single place that knows input names

export const INPUTS: readonly InputSpec[] = Object.freeze([
  {
    name: 'start-url',
    group: 'essential',
    description:
      'AWS access portal URL, e.g. https://my-sso-portal.awsapps.com/start (hosts *.awsapps.com, *.awsapps.cn, *.app.aws, ' +
      '*.portal.amazonaws.com[.cn|.eu], or an issuer URL https://identitycenter.amazonaws.com/ssoins-…). https only. Required unless session or end-session is given.',
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'sso-region',
    group: 'essential',
    description:
      'AWS Region of the IAM Identity Center instance, e.g. us-east-1. Required unless session or end-session is given.',
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'account-id',
    group: 'essential',
    description:
      "AWS account id to get role credentials for (12 digits). Required unless session (then the login job's) or end-session is given.",
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'role-name',
    group: 'essential',
    description:
      "Permission set (role) name in that account, e.g. DeveloperAccess. 1-64 of letters, digits and + = , . @ _ -. Required unless session (then the login job's) or end-session is given.",
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'sso-session',
    group: 'files',
    description:
      'Name of the [sso-session NAME] section written to ~/.aws/config (letters, digits, . _ - @ +; at most 64).',
    default: DEFAULT_SSO_SESSION,
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'profile',
    group: 'essential',
    description:
      'Name of the [profile NAME] section written to ~/.aws/config (letters, digits, . _ - @ +; at most 64; may be default).',
    default: DEFAULT_PROFILE,
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'region',
    group: 'essential',
    description:
      'Default region of the written profile(s). Defaults to sso-region.',
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'output',
    group: 'files',
    description: `AWS CLI output format of the written profile(s): ${OUTPUT_FORMATS.join(', ')}.`,
    default: DEFAULT_OUTPUT,
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'registration-scopes',
    group: 'files',
    description: 'Comma-separated OAuth scopes for the client registration.',
    default: DEFAULT_REGISTRATION_SCOPES.join(','),
    required: false,
    secret: false,
    kind: 'list'
  },
  {
    name: 'profiles',
    group: 'accounts',
    description:
      'Extra profiles from the same approval, one per line: "name account-id role-name [region]". Blank lines and # comments ' +
      'are ignored; region defaults to the region input; names must be unique and differ from profile.',
    default: '',
    required: false,
    secret: false,
    kind: 'multiline'
  },
  {
    name: 'discover',
    group: 'accounts',
    description:
      'Write a profile for every account and role the approver can reach (optionally narrowed by account-filter / role-filter).',
    default: String(DEFAULT_DISCOVER),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'account-filter',
    group: 'accounts',
    description:
      'With discover: glob (* ?) on the account id or account name. Only allowed when discover is true.',
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'role-filter',
    group: 'accounts',
    description:
      'With discover: glob (* ?) on the role name. Only allowed when discover is true.',
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'allow-partial',
    group: 'accounts',
    description:
      'Succeed when the main profile works even if some extra or discovered profiles could not be set up.',
    default: String(DEFAULT_ALLOW_PARTIAL),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'export-credentials',
    group: 'modes',
    description:
      'Export the role credentials to the rest of the job as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, with AWS_REGION and AWS_DEFAULT_REGION set to region. When false nothing is exported (the outputs and the written profiles are still there).',
    default: String(DEFAULT_EXPORT_CREDENTIALS),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'keep-session',
    group: 'modes',
    description:
      'Keep the SSO session (token cache) after the job instead of logging out.',
    default: String(DEFAULT_KEEP_SESSION),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'reuse-session',
    group: 'modes',
    description:
      'Reuse a cached SSO token for sso-session when it is valid for at least min-validity, instead of asking for approval.',
    default: String(DEFAULT_REUSE_SESSION),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'min-validity',
    group: 'modes',
    description: `Minimum remaining validity of a reused token (reuse-session) or a shared sign-in (session): seconds, or a duration like 15m, 1h, 1h30m (0 to ${MAX_MIN_VALIDITY_SECONDS}s).`,
    default: String(DEFAULT_MIN_VALIDITY_SECONDS),
    required: false,
    secret: false,
    kind: 'duration'
  },
  {
    name: 'approval-timeout',
    group: 'approvers',
    description: `Give up waiting for approval after this long: seconds, or a duration like 10m (1 to ${MAX_APPROVAL_TIMEOUT_SECONDS}s). Defaults to the device code lifetime.`,
    default: '',
    required: false,
    secret: false,
    kind: 'duration'
  },
  {
    name: 'allowed-approvers',
    group: 'approvers',
    description:
      'Comma-separated user names or globs (* ?) allowed to approve, case-insensitive. Empty: anyone who can approve.',
    default: '',
    required: false,
    secret: false,
    kind: 'list'
  },
  {
    name: 'forbid-self-approval',
    group: 'approvers',
    description:
      'Reject an approval by the user who triggered the run. Compares names, not identities: the Identity Center user name with the CI user name (whole, and the part before @), case-insensitive.',
    default: String(DEFAULT_FORBID_SELF_APPROVAL),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'required-approvals',
    group: 'approvers',
    description:
      "How many different Identity Center users must approve (1-3). Each approves a code of their own and must be able to use account-id / role-name (proven with their own sign-in, which is signed out at once); allowed-approvers and forbid-self-approval apply to each. An approval by someone who already approved, or who cannot use the role, does not count. The job's credentials come from the last approver's sign-in. Not with reuse-session.",
    default: '1',
    required: false,
    secret: false,
    kind: 'integer'
  },
  {
    name: 'notify',
    group: 'notifications',
    description: `Comma-separated channels for the approval link: ${NOTIFY_CHANNELS.join(', ')}; "none" for the log only (always on).`,
    default: DEFAULT_NOTIFY.join(','),
    required: false,
    secret: false,
    kind: 'list'
  },
  {
    name: 'github-token',
    group: 'notifications',
    description:
      'Token used to post the pull request / issue comment (secret).',
    default: '',
    actionDefault: '${{ github.token }}',
    required: false,
    secret: true,
    kind: 'string'
  },
  {
    name: 'issue-number',
    group: 'notifications',
    description:
      'Issue or pull request number to comment on; defaults to the pull request of the triggering event.',
    default: '',
    required: false,
    secret: false,
    kind: 'integer'
  },
  {
    name: 'webhook-url',
    group: 'notifications',
    description:
      'Webhook URL for the webhook channel (secret; https only, http only for localhost / 127.0.0.1).',
    default: '',
    required: false,
    secret: true,
    kind: 'string'
  },
  // --- least privilege: sign-out-early, allowed-account-ids, the client name
  {
    name: 'sign-out-early',
    group: 'modes',
    description:
      "Sign out of IAM Identity Center (SSO Logout) as soon as every profile's role credentials are fetched and verified: no SSO token stays on the runner; the profiles hold the role credentials (shared credentials file) until they expire. Not with keep-session or reuse-session.",
    default: 'false',
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'allowed-account-ids',
    group: 'approvers',
    description:
      'Comma-separated 12-digit AWS account ids; every verified identity (primary, profiles, discover) must be in one of them, else the step fails and nothing is written or exported; discover skips other accounts. Empty: any account.',
    default: '',
    required: false,
    secret: false,
    kind: 'list'
  },
  // --- role chaining: role-to-assume, role-session-name, role-duration-seconds, …
  {
    name: 'role-to-assume',
    group: 'chaining',
    description:
      'Chain to this IAM role after the approval (STS AssumeRole signed with the role-name credentials): a role ARN, or a role name meaning that role in account-id. ' +
      'The outputs, the exported AWS_* and the profile are then the chained role\'s; the Identity Center role is written as the profile "<profile>-sso" (without a session policy).',
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'role-session-name',
    group: 'chaining',
    description:
      "With role-to-assume: the role session name (2-64 of letters, digits and + = , . @ _ -). Defaults to the approver's Identity Center user name, reduced to those characters, so CloudTrail shows who approved.",
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'role-duration-seconds',
    group: 'chaining',
    description:
      "With role-to-assume: the chained session's lifetime, 900-3600 seconds (STS caps a role chained from role credentials at one hour).",
    default: '3600',
    required: false,
    secret: false,
    kind: 'integer'
  },
  {
    name: 'role-external-id',
    group: 'chaining',
    description:
      "With role-to-assume: the external id the role's trust policy asks for.",
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'inline-session-policy',
    group: 'chaining',
    description:
      'With role-to-assume: a JSON IAM policy that narrows the chained session (it must parse; at most 2048 characters without spaces). With a session policy the profile holds the narrowed session itself, never a role_arn that could re-assume the role without it.',
    default: '',
    required: false,
    secret: false,
    kind: 'multiline'
  },
  {
    name: 'managed-session-policies',
    group: 'chaining',
    description:
      'With role-to-assume: managed policy ARNs that narrow the chained session, one per line (at most 10). Treated like inline-session-policy for the profile.',
    default: '',
    required: false,
    secret: false,
    kind: 'multiline'
  },
  {
    name: 'role-skip-session-tagging',
    group: 'chaining',
    description:
      'With role-to-assume: send no session tags. Otherwise the session is tagged like configure-aws-credentials does (GitHub=Actions, Repository, Workflow, Action, Actor, Commit, Branch; the CLI tags only when it runs in GitHub Actions).',
    default: 'false',
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'transitive-tag-keys',
    group: 'chaining',
    description:
      'With role-to-assume: session tag keys (of those above) that pass on to roles chained from this session, one per line.',
    default: '',
    required: false,
    secret: false,
    kind: 'multiline'
  },
  {
    name: 'role-source-identity',
    group: 'chaining',
    description:
      "With role-to-assume: set STS SourceIdentity to the approver's Identity Center user name (reduced to STS's characters, 2-64 of letters, digits and + = , . @ _ -), so CloudTrail names the approver in this session and every session chained from it. The role's trust policy must allow sts:SetSourceIdentity. The profile then holds the chained session itself (a role_arn profile cannot send a source identity).",
    default: 'false',
    required: false,
    secret: false,
    kind: 'boolean'
  },
  // --- shared sign-in: share-session, session, session-key, end-session
  {
    name: 'share-session',
    group: 'shared',
    description:
      'Share this sign-in with the later jobs of this workflow run: the output session holds it sealed (AES-256-GCM) with session-key, ' +
      'bound to this repository and run; no later job that has both needs a new approval. The post step then does not sign out.',
    default: 'false',
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'session',
    group: 'shared',
    description:
      'The session output of a share-session job of this run (needs.<job>.outputs.session): sign in with it instead of asking for approval. ' +
      "start-url and sso-region then come from it, and account-id / role-name default to the login job's.",
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'end-session',
    group: 'shared',
    description:
      'With session and session-key: sign the shared sign-in out (SSO Logout) and do nothing else; for the last job of the run (if: always()).',
    default: 'false',
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'session-key',
    group: 'approvers',
    description: `Secret of at least ${MIN_SESSION_KEY_LENGTH} characters and 128 bits (openssl rand -base64 32; a weak or repeated key is refused) that seals (share-session) and opens (session) the shared sign-in; pass it from a secret (e.g. secrets.ICL_SESSION_KEY).`,
    default: '',
    required: false,
    secret: true,
    kind: 'string'
  },
  // --- older SDKs: legacy-sso-profile
  {
    name: 'legacy-sso-profile',
    group: 'files',
    description:
      'Also write sso_start_url and sso_region into each profile (beside sso_session) and the SSO token a second time under the legacy cache name (sha1 of start-url), for tools built on SDKs that predate [sso-session] (AWS SDK for Go v1 before 1.44.298, aws-sdk-go-v2 config of 2022 and older, the Terraform providers built on them). The post step removes that copy too. The copy is not refreshed: such tools can use it until the token expires.',
    default: 'false',
    required: false,
    secret: false,
    kind: 'boolean'
  },
  // --- scale: verify-profiles
  {
    name: 'verify-profiles',
    group: 'accounts',
    description:
      'Which profiles get their credentials fetched and checked (GetRoleCredentials, then STS GetCallerIdentity) before the step succeeds: all (every listed and discovered profile) or primary (only account-id/role-name; the others are written from the listings, unverified, and each fetches its own credentials when a step uses it — faster for discover over many accounts).',
    default: DEFAULT_VERIFY_PROFILES,
    required: false,
    secret: false,
    kind: 'string'
  },
  // --- credentials for the whole job: credential-server
  {
    name: 'credential-server',
    group: 'modes',
    description:
      'Hand the sign-in, in memory only, to a background credential server on 127.0.0.1 that serves and refreshes only the listed roles (primary, profiles, discover, role-to-assume) for the rest of the job: the job gets AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN instead of keys, the profiles ask the server (credential_process), no SSO token or registration is written. The post step stops it (it signs out). Not with sign-out-early, keep-session, reuse-session, legacy-sso-profile or share-session.',
    default: 'false',
    required: false,
    secret: false,
    kind: 'boolean'
  }
  // --- end of the feature blocks
] satisfies InputSpec[]) as readonly InputSpec[]

const SECRET_INPUTS: ReadonlySet<string> = new Set(
  INPUTS.filter((i) => i.secret).map((i) => i.name)
)

export function isSecretInput(name: string): boolean {
  return SECRET_INPUTS.has(name)
}

export function inputSpec(name: string): InputSpec | undefined {
  return INPUTS.find((i) => i.name === name)
}
