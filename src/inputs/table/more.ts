/** Older SDKs, scale and the credential server: legacy-sso-profile, verify-profiles, credential-server. */
import type { InputSpec } from '../types.js'
import { VERIFY_PROFILES } from '../limits.js'
import { DEFAULT_VERIFY_PROFILES } from '../limits.js'

export const MORE_INPUTS = [
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
  {
    name: 'verify-profiles',
    group: 'accounts',
    description:
      'Which profiles get their credentials fetched and checked (GetRoleCredentials, then STS GetCallerIdentity) before the step succeeds: all (every listed and discovered profile) or primary (only account-id/role-name; the others are written from the listings, unverified, and each fetches its own credentials when a step uses it — faster for discover over many accounts).',
    default: DEFAULT_VERIFY_PROFILES,
    required: false,
    secret: false,
    kind: 'string',
    choices: VERIFY_PROFILES,
    anyCase: true
  },
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
] satisfies InputSpec[]
