/** The sign-in and its approval: keep-session, reuse-session, min-validity, approval-timeout, the approver rules. */
import type { InputSpec } from '../types.js'
import {
  DEFAULT_FORBID_SELF_APPROVAL,
  DEFAULT_KEEP_SESSION,
  DEFAULT_MIN_VALIDITY_SECONDS,
  DEFAULT_REUSE_SESSION,
  MAX_APPROVAL_TIMEOUT_SECONDS,
  MAX_MIN_VALIDITY_SECONDS,
  MAX_REQUIRED_APPROVALS,
  MIN_REQUIRED_APPROVALS
} from '../limits.js'

export const SIGN_IN_INPUTS = [
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
    kind: 'duration',
    range: { min: 0, max: MAX_MIN_VALIDITY_SECONDS }
  },
  {
    name: 'approval-timeout',
    group: 'approvers',
    description: `Give up waiting for approval after this long: seconds, or a duration like 10m (1 to ${MAX_APPROVAL_TIMEOUT_SECONDS}s). Defaults to the device code lifetime.`,
    default: '',
    required: false,
    secret: false,
    kind: 'duration',
    range: { min: 1, max: MAX_APPROVAL_TIMEOUT_SECONDS }
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
    kind: 'integer',
    range: {
      min: MIN_REQUIRED_APPROVALS,
      max: MAX_REQUIRED_APPROVALS,
      expects: `a whole number from ${MIN_REQUIRED_APPROVALS} to ${MAX_REQUIRED_APPROVALS}`
    }
  }
] satisfies InputSpec[]
