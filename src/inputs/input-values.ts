/** Every input's value once read and checked, by input name (what the reader builds the request from). */
import type { NotifyChannel, ProfileSpec, VerifyProfiles } from './types.js'

export interface InputValues {
  'start-url': string
  'sso-region': string
  'account-id': string
  'role-name': string
  'sso-session': string
  profile: string
  /** sso-region when not given. */
  region: string
  output: string
  'registration-scopes': string[]
  profiles: ProfileSpec[]
  discover: boolean
  'account-filter': string
  'role-filter': string
  'allow-partial': boolean
  'export-credentials': boolean
  'keep-session': boolean
  'reuse-session': boolean
  'min-validity': number
  'approval-timeout': number | undefined
  'allowed-approvers': string[]
  'forbid-self-approval': boolean
  'required-approvals': number
  notify: NotifyChannel[]
  'github-token': string
  'issue-number': number | undefined
  'webhook-url': string
  'sign-out-early': boolean
  'allowed-account-ids': string[] | undefined
  /** The full role ARN; '' without role chaining. */
  'role-to-assume': string
  // The chained role's inputs: undefined without role-to-assume.
  'role-session-name': string | undefined
  'role-duration-seconds': number | undefined
  'role-external-id': string | undefined
  /** Minified JSON. */
  'inline-session-policy': string | undefined
  'managed-session-policies': string[] | undefined
  'role-skip-session-tagging': boolean | undefined
  'transitive-tag-keys': string[] | undefined
  'role-source-identity': boolean | undefined
  'share-session': boolean
  session: string
  'end-session': boolean
  'session-key': string
  'legacy-sso-profile': boolean
  'verify-profiles': VerifyProfiles
  'credential-server': boolean
}

export type InputName = keyof InputValues

/** The values read so far (the inputs before the one being read, in table order). */
export type EarlierValues = Partial<InputValues>
