/**
 * What a rejection (allowed-approvers, forbid-self-approval, allowed-account-ids) does to the sign-in, per mode, so that
 * the message says what really happened:
 * - a device flow of this run: signed out at once (SSO Logout); the approval was made for this request only;
 * - reuse-session (a token found in the cache): not signed out; it was not approved for this run but left by an
 *   earlier one (keep-session, `aws sso login`), and a job whose policy is stricter must not end it for its owner;
 * - a shared sign-in (session): not signed out; it belongs to the whole run (end-session ends it), and other jobs of
 *   the run, with their own policies, may be using it.
 */
import { AccountNotAllowedError } from './allowed-accounts.js'
import { ApproverRejectedError, type LoginResult } from './login-result.js'

export function revocationNote(
  why: LoginResult['via'] | 'failed-logout'
): string {
  switch (why) {
    case 'shared-session':
      return "it is the run's shared sign-in (session), which only end-session signs out"
    case 'cached-token':
    case 'refreshed-token':
      return 'it was found in the token cache (reuse-session), not approved for this run, and stays for whoever left it there'
    case 'failed-logout':
      return 'SSO Logout failed (see the warning above); the token stays valid until it expires'
    case 'device-flow':
      return 'it was approved for this run'
  }
}

/** `error` with its message matching whether the sign-in was revoked; other errors as they are. */
export function withRevocation(
  error: unknown,
  revoked: boolean,
  note: string
): unknown {
  if (error instanceof ApproverRejectedError && error.revoked !== revoked)
    return new ApproverRejectedError(
      error.approvedBy,
      error.reason,
      revoked,
      note
    )
  if (error instanceof AccountNotAllowedError && error.revoked !== revoked)
    return new AccountNotAllowedError(
      error.accountId,
      error.what,
      error.allowed,
      revoked,
      note
    )
  return error
}
