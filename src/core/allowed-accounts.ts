/** allowed-account-ids: the one check every verified identity of a login goes through (primary, profiles, discover, chained). */

/**
 * A verified identity is in an account the request does not allow; nothing was written or exported. `revoked`: the
 * sign-in was signed out (a device flow of this run); otherwise `notRevoked` says why it was not.
 */
export class AccountNotAllowedError extends Error {
  constructor(
    readonly accountId: string,
    /** What the identity was for: `profile "x"`, `the chained role arn:…`. */
    readonly what: string,
    readonly allowed: readonly string[],
    readonly revoked = true,
    readonly notRevoked?: string
  ) {
    super(
      `${what} is in account ${accountId}, which is not in allowed-account-ids (${allowed.join(', ')}); ` +
        (revoked
          ? 'the SSO session was revoked and nothing was written or exported.'
          : `the sign-in was NOT signed out: ${notRevoked}; nothing was written or exported.`)
    )
    this.name = 'AccountNotAllowedError'
  }
}

/** Whether `accountId` is allowed: always when the request sets no allowed-account-ids. */
export function accountAllowed(
  accountId: string,
  allowed: readonly string[] | undefined
): boolean {
  return !allowed || allowed.length === 0 || allowed.includes(accountId)
}

/**
 * Throw {@link AccountNotAllowedError} unless the verified identity's account is allowed. Call it on the account that
 * GetCallerIdentity answered (not the one asked for): it is the account the credentials really reach.
 */
export function assertAccountAllowed(
  identity: { account: string },
  allowed: readonly string[] | undefined,
  what: string
): void {
  if (!accountAllowed(identity.account, allowed))
    throw new AccountNotAllowedError(identity.account, what, allowed ?? [])
}
