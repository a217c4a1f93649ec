/**
 * What each sign-in mode does, in one place: the one switch on the mode's kind. Everything downstream (the login's
 * write stage, the state main hands to post, the post step, the messages) reads the behaviour, not the inputs.
 * A new mode is one variant of SignInMode (src/inputs/sign-in-mode.ts) and one case here; where its behaviour is new
 * (a new `holds`, `post` or Grant value), the compiler names each switch over that value that needs one more case.
 */
import type { RequestContext } from './events.js'
import type { Grant } from './grant.js'
import type { LoginRequest } from '../inputs/spec.js'
import type { SignInMode } from '../inputs/sign-in-mode.js'
import { chainTarget } from './chain.js'

/**
 * What the runner holds once the role credentials are verified (the login's write stage switches on it):
 * - `sign-in`: the token cache and SSO profiles (the sign-in itself);
 * - `role-keys`: signed out at once; the profiles hold the role credentials only;
 * - `server`: the credential server holds the sign-in in its memory; the profiles ask it (credential_process).
 */
export type RunnerHolds = 'sign-in' | 'role-keys' | 'server'

/** Whether the SSO token stays on the runner once the files are written (so main hands it to post to sign out with). */
export function tokenStays(holds: RunnerHolds): boolean {
  switch (holds) {
    case 'sign-in':
      return true
    case 'role-keys':
    case 'server':
      return false
  }
}

/** Whether the profiles hold role keys (the credentials file) instead of fetching credentials with the sign-in. */
export function profilesHoldKeys(holds: RunnerHolds): boolean {
  switch (holds) {
    case 'sign-in':
      return false
    case 'role-keys':
      return true
    case 'server':
      return false
  }
}

/**
 * What the post step does (github/post.ts switches on it):
 * - `sign-out`: revoke the SSO token (when main still holds one) and remove the files this run wrote;
 * - `keep`: keep-session: leave the sign-in and the files for later jobs on this runner;
 * - `leave-shared`: share-session, its session output published: the sign-in belongs to the run, remove only the files;
 * - `leave-from-shared`: session: the sign-in an earlier job shared; remove only the files;
 * - `stop-server`: credential-server: stop the server (it signs out when it can) and remove the files.
 */
export type PostPlan =
  'sign-out' | 'keep' | 'leave-shared' | 'leave-from-shared' | 'stop-server'

export interface SignInBehaviour {
  /** How the messages word what an approval leaves; `hasPostStep`: the action has one that signs out, the CLI not. */
  grant(hasPostStep: boolean): Grant
  holds: RunnerHolds
  /** `published`: the sealed sign-in went out as the session output (share-session). */
  post(published: boolean): PostPlan
  /** keep-session: the sign-in stays on the runner after the job. */
  keep: boolean
}

/** The one dispatch on the sign-in mode. */
export function behaviourOf(mode: SignInMode): SignInBehaviour {
  switch (mode.kind) {
    case 'job':
      return {
        grant: (hasPostStep) =>
          hasPostStep ? 'until-job-end' : 'until-expiry',
        holds: 'sign-in',
        post: () => 'sign-out',
        keep: false
      }
    case 'kept':
      return {
        grant: () => 'kept',
        holds: 'sign-in',
        post: () => 'keep',
        keep: true
      }
    case 'sign-out-early':
      return {
        grant: () => 'sign-out-early',
        holds: 'role-keys',
        post: () => 'sign-out', // nothing left to sign out: only the files go
        keep: false
      }
    case 'shared':
      return {
        grant: () => 'shared',
        holds: 'sign-in',
        // Until the session output is published the sign-in is this job's alone: post signs it out.
        post: (published) =>
          mode.keep ? 'keep' : published ? 'leave-shared' : 'sign-out',
        keep: mode.keep
      }
    case 'from-shared':
      return {
        grant: () => 'from-shared',
        holds: 'sign-in',
        post: () => (mode.keep ? 'keep' : 'leave-from-shared'),
        keep: mode.keep
      }
    case 'served':
      return {
        grant: () =>
          mode.token.from === 'session' ? 'served-shared' : 'served',
        holds: 'server',
        post: () => 'stop-server',
        keep: false
      }
  }
}

/** The part of what approvers are shown that comes from the request itself, the same on both edges. */
export function requestedAccess(
  request: LoginRequest,
  hasPostStep: boolean
): Pick<
  RequestContext,
  | 'accountId'
  | 'roleName'
  | 'startUrl'
  | 'extraProfiles'
  | 'keepSession'
  | 'reuseSession'
  | 'signInMode'
  | 'chainTo'
> {
  const behaviour = behaviourOf(request.signIn.mode)
  return {
    accountId: request.target.accountId,
    roleName: request.target.roleName,
    startUrl: request.target.startUrl,
    extraProfiles: request.profiles.extraProfiles.map(
      ({ name, accountId, roleName }) => ({ name, accountId, roleName })
    ),
    keepSession: behaviour.keep,
    reuseSession: request.signIn.mode.token.from === 'cache',
    signInMode: behaviour.grant(hasPostStep),
    ...(request.chain ? { chainTo: chainTarget(request.chain) } : {})
  }
}
