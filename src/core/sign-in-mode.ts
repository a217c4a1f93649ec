/** Which sign-in mode a request runs in (what an approval leaves on the runner; see SignInMode). */
import type { RequestContext, SignInMode } from './events.js'
import type { LoginRequest } from '../inputs/spec.js'
import { chainTarget } from '../inputs/chain.js'

/** `hasPostStep`: the action has one that signs out; the CLI does not. */
export function signInModeFor(
  request: Pick<LoginRequest, 'signOutEarly' | 'keepSession' | 'sharedSession'>,
  hasPostStep: boolean
): SignInMode {
  if (request.sharedSession?.mode === 'share') return 'shared'
  if (request.sharedSession?.mode === 'use') return 'from-shared'
  if (request.signOutEarly) return 'sign-out-early'
  if (request.keepSession) return 'kept'
  return hasPostStep ? 'until-job-end' : 'until-expiry'
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
  return {
    accountId: request.accountId,
    roleName: request.roleName,
    startUrl: request.startUrl,
    extraProfiles: request.extraProfiles.map(
      ({ name, accountId, roleName }) => ({ name, accountId, roleName })
    ),
    keepSession: request.keepSession,
    reuseSession: request.reuseSession,
    signInMode: signInModeFor(request, hasPostStep),
    ...(request.chain ? { chainTo: chainTarget(request.chain) } : {})
  }
}
