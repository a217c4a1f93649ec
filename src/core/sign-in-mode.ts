/** Which sign-in mode a request runs in (what an approval leaves on the runner; see SignInMode). */
import type { SignInMode } from './events.js'
import type { LoginRequest } from '../inputs/spec.js'

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
