/** Least privilege: sign-out-early, allowed-account-ids. */
import type { InputSpec } from '../types.js'

export const LEAST_PRIVILEGE_INPUTS = [
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
  }
] satisfies InputSpec[]
