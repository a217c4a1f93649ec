/** The types of the inputs: the login request the reader returns (nested by what the settings are for) and the input table's entries. */
import type { SignInMode } from './sign-in-mode.js'

export type NotifyChannel = 'summary' | 'comment' | 'webhook'

/** Which profiles' credentials a login fetches and checks (`verify-profiles`). */
export type VerifyProfiles = 'all' | 'primary'

export interface ProfileSpec {
  name: string
  accountId: string
  roleName: string
  region: string
}

/** Where the job signs in: the Identity Center instance, the primary account and role, the Region of the profiles. */
export interface Target {
  /** The access portal (or issuer) URL exactly as given, minus surrounding whitespace. */
  startUrl: string
  ssoRegion: string
  accountId: string
  roleName: string
  /** Defaults to ssoRegion. */
  region: string
}

/** The profiles written to ~/.aws/config and which of them are verified. */
export interface ProfileSettings {
  ssoSession: string
  profile: string
  output: string
  extraProfiles: ProfileSpec[]
  /** Present only when the `discover` input is true. */
  discover?: { accountFilter?: string; roleFilter?: string }
  /** verify-profiles: `primary` = only the primary profile's credentials are fetched and checked; absent = `all`. */
  verifyProfiles?: VerifyProfiles
  /** legacy-sso-profile: also write sso_start_url / sso_region into each profile and the token cache under sha1(start URL) (SDKs without sso-session). */
  legacySsoProfile?: boolean
}

/** How the sign-in is obtained and approved, and what of it stays. */
export interface SignInSettings {
  /** keep-session, reuse-session, sign-out-early, share-session, session, credential-server: where the token comes from, what stays. */
  mode: SignInMode
  registrationScopes: string[]
  approvalTimeoutSeconds?: number
  /** Lower-cased user names or globs (`*`, `?`); [] means anyone may approve. */
  allowedApprovers: string[]
  forbidSelfApproval: boolean
  /** required-approvals: N different approvers (2-3); absent means one. */
  requiredApprovals?: number
  minValiditySeconds: number
}

/** Where the approval link is sent. */
export interface NotifySettings {
  /** [] means only the log (which is always on). */
  channels: NotifyChannel[]
  /** Secret; may be ''. */
  githubToken: string
  issueNumber?: number
  /** Secret. */
  webhookUrl?: string
}

/** What the job gets: exported credentials, and which identities may be written at all. */
export interface FileSettings {
  exportCredentials: boolean
  allowPartial: boolean
  /** allowed-account-ids: every verified identity must be in one of these accounts; absent means any account. */
  allowedAccountIds?: string[]
}

export interface LoginRequest {
  target: Target
  profiles: ProfileSettings
  signIn: SignInSettings
  /** Present when role-to-assume is set: the job gets the chained role's session, not the permission set's. */
  chain?: ChainSpec
  notify: NotifySettings
  files: FileSettings
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
  /** string: the only values accepted (compared in lower case when `anyCase`). */
  readonly choices?: readonly string[]
  readonly anyCase?: boolean
  /** string: surrounding spaces are kept for the check to refuse (names written to ~/.aws/config); others are trimmed. */
  readonly keepSpaces?: boolean
  /** multiline: one item per line (commas too), de-duplicated. */
  readonly split?: boolean
  /** integer and duration (seconds): the bounds; for an integer, what the error says it must be. */
  readonly range?: InputRange
}

export interface InputRange {
  readonly min: number
  readonly max: number
  /** integer: `must be <expects>, got …` for a value that is not a whole number (and out of range, without `outOfRange`). */
  readonly expects?: string
  /** integer: `must be <outOfRange>, got …` for a whole number out of range. */
  readonly outOfRange?: string
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
