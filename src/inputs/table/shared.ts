/** The shared sign-in: share-session, session, end-session, session-key. */
import type { InputSpec } from '../types.js'
import { MIN_SESSION_KEY_LENGTH } from '../limits.js'

export const SHARED_INPUTS = [
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
    kind: 'string',
    keepSpaces: true
  }
] satisfies InputSpec[]
