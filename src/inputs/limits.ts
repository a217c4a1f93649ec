/** Defaults and limits of the input values. */
import type { NotifyChannel, VerifyProfiles } from './types.js'

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
export const DEFAULT_ROLE_DURATION_SECONDS = 3600
export const MIN_ROLE_DURATION_SECONDS = 900
/** STS caps role-chained sessions at one hour. */
export const MAX_ROLE_DURATION_SECONDS = 3600
export const MAX_MANAGED_SESSION_POLICIES = 10
/** STS's limit on the plaintext inline session policy. */
export const MAX_INLINE_POLICY_LENGTH = 2048
/** required-approvals: N different people. */
export const MIN_REQUIRED_APPROVALS = 1
export const MAX_REQUIRED_APPROVALS = 3
