/** discover: true — a profile for every account and role the approver can reach, optionally filtered by globs. */
import { accountAllowed } from './allowed-accounts.js'
import type { AwsClients } from '../aws/clients.js'
import type { ProfileSpec } from '../inputs/spec.js'
import { globToRegExp } from './approvers.js'
import { describeAwsError } from '../aws/errors.js'
import { CredentialsError, tokenRefused } from '../aws/credentials.js'
import { mapPool } from '../util/pool.js'
import { NOT_NAME_CHARS } from '../inputs/rules.js'
import { MAX_NAME_LENGTH } from '../inputs/spec.js'

export interface DiscoverOptions {
  accountFilter?: string
  roleFilter?: string
  region: string
  /** Profiles already requested (the primary one and explicit lines): not written twice. */
  exclude: ProfileSpec[]
  concurrency?: number
  /** allow-partial: an account whose roles cannot be listed becomes a failed row instead of failing the discovery. */
  allowPartial?: boolean
  /** allowed-account-ids: accounts outside it are skipped (not listed, not written); absent: every account. */
  allowedAccountIds?: readonly string[]
}

export interface DiscoverResult {
  profiles: ProfileSpec[]
  /** Accounts the approver can reach that matched the filter but are outside allowed-account-ids, so were skipped. */
  skippedAccounts: number
  /** Accounts whose roles could not be listed (only with allowPartial): role name `*`, with the reason. */
  failed: { profile: ProfileSpec; error: string }[]
}

/**
 * Accounts listed for their roles at once. One ListAccountRoles per account: 1,000 accounts at 20 ms a call are
 * 2.5 s at 8 in flight, 0.6 s at 32. A portal that throttles gets the SSO client's adaptive retry (clients.ts).
 */
export const LISTING_CONCURRENCY = 32
/** The portal's largest page (ListAccounts and ListAccountRoles take 1 to 100; its default is smaller). */
const LISTING_PAGE_SIZE = 100

/** Profile names: at most this long (the reader's rule, inputs/rules.ts). */
const MAX_PROFILE_NAME = MAX_NAME_LENGTH
/** A role name longer than this is shortened so that at least an account id still fits before it. */
const MAX_ROLE_PART = MAX_PROFILE_NAME - 1 - 12

/** The characters a profile name may hold; runs of anything else become one `-`. */
function sanitize(s: string): string {
  return s.replace(NOT_NAME_CHARS, '-')
}

/** The account part: the sanitized name, or the account id when the name is missing or has no letter or digit. */
function accountPart(
  accountName: string | undefined,
  accountId: string
): string {
  const cleaned = sanitize(accountName?.trim() ?? '')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[^A-Za-z0-9]+$/, '')
  return cleaned || accountId
}

/**
 * `<account part><suffix>.<role>` within 64 characters: the ACCOUNT part is shortened, so the role name stays whole
 * (and the suffix, which keeps names unique, too).
 */
function composeName(
  account: string,
  suffix: string,
  roleName: string
): string {
  let role = sanitize(roleName)
  if (role.length > MAX_ROLE_PART) role = role.slice(0, MAX_ROLE_PART)
  const budget = MAX_PROFILE_NAME - 1 - role.length - suffix.length
  let head = account.slice(0, Math.max(1, budget)).replace(/[^A-Za-z0-9]+$/, '')
  if (!head) head = account.slice(0, 1)
  return `${head}${suffix}.${role}`.slice(0, MAX_PROFILE_NAME)
}

/** A profile name from `<account name or id>.<role>`, reduced to the characters a profile name may hold, at most 64. */
export function discoveredProfileName(
  accountName: string | undefined,
  accountId: string,
  roleName: string
): string {
  return composeName(accountPart(accountName, accountId), '', roleName)
}

/**
 * A name not in `taken` (which it is added to): `<account>.<role>`, else `<account>-<account id>.<role>`, else
 * `<account>-<account id>-2.<role>`, -3, ... Never gives up: every discovered profile gets a name.
 */
export function uniqueProfileName(
  accountName: string | undefined,
  accountId: string,
  roleName: string,
  taken: Set<string>
): string {
  const account = accountPart(accountName, accountId)
  const candidates = function* () {
    yield composeName(account, '', roleName)
    // An account named after its id already is `<id>`: no need to say it twice.
    const withId = account === accountId ? '' : `-${accountId}`
    if (withId) yield composeName(account, withId, roleName)
    for (let n = 2; ; n++)
      yield composeName(account, `${withId}-${n}`, roleName)
  }
  for (const name of candidates()) {
    if (!taken.has(name)) {
      taken.add(name)
      return name
    }
  }
  /* c8 ignore next */
  throw new Error('unreachable')
}

/** A failed listing: a refused token as credentials.ts reports it (login.ts asks for approval again), anything else plainly. */
function listingError(call: string, error: unknown): Error {
  return (
    tokenRefused(call, error) ??
    new Error(`${call} failed: ${describeAwsError(error)}`)
  )
}

export async function discoverProfiles(
  clients: AwsClients,
  accessToken: string,
  options: DiscoverOptions
): Promise<DiscoverResult> {
  const { ListAccountsCommand, ListAccountRolesCommand } =
    await import('@aws-sdk/client-sso')
  const sso = await clients.ssoClient()
  const accountGlob = options.accountFilter
    ? globToRegExp(options.accountFilter)
    : undefined
  const roleGlob = options.roleFilter
    ? globToRegExp(options.roleFilter)
    : undefined

  const accounts: { accountId: string; accountName?: string }[] = []
  try {
    let nextToken: string | undefined
    do {
      const page = await sso.send(
        new ListAccountsCommand({
          accessToken,
          nextToken,
          maxResults: LISTING_PAGE_SIZE
        })
      )
      for (const a of page.accountList ?? [])
        if (a.accountId)
          accounts.push({ accountId: a.accountId, accountName: a.accountName })
      nextToken = page.nextToken
    } while (nextToken)
  } catch (error) {
    throw listingError('discover: SSO ListAccounts', error)
  }
  const matching = accounts.filter(
    (a) =>
      !accountGlob ||
      accountGlob.test(a.accountId) ||
      (a.accountName !== undefined && accountGlob.test(a.accountName))
  )
  const wanted = matching.filter((a) =>
    accountAllowed(a.accountId, options.allowedAccountIds)
  )

  const perAccount = await mapPool(
    wanted,
    options.concurrency ?? LISTING_CONCURRENCY,
    async (account) => {
      const roles: string[] = []
      try {
        let nextToken: string | undefined
        do {
          const page = await sso.send(
            new ListAccountRolesCommand({
              accessToken,
              accountId: account.accountId,
              nextToken,
              maxResults: LISTING_PAGE_SIZE
            })
          )
          for (const r of page.roleList ?? [])
            if (r.roleName && (!roleGlob || roleGlob.test(r.roleName)))
              roles.push(r.roleName)
          nextToken = page.nextToken
        } while (nextToken)
      } catch (error) {
        const failure = listingError(
          `discover: SSO ListAccountRoles for ${account.accountId}`,
          error
        )
        if (failure instanceof CredentialsError || !options.allowPartial)
          throw failure
        return { account, roles: [], error: failure.message }
      }
      return { account, roles, error: undefined }
    }
  )

  const taken = new Set(options.exclude.map((p) => p.name))
  const requested = new Set(
    options.exclude.map((p) => `${p.accountId}/${p.roleName}`)
  )
  const profiles: ProfileSpec[] = []
  const failed: DiscoverResult['failed'] = []
  for (const { account, roles, error } of perAccount) {
    if (error) {
      failed.push({
        profile: {
          name: `${accountPart(account.accountName, account.accountId)}.*`,
          accountId: account.accountId,
          roleName: '*',
          region: options.region
        },
        error
      })
      continue
    }
    for (const roleName of roles) {
      if (requested.has(`${account.accountId}/${roleName}`)) continue
      profiles.push({
        name: uniqueProfileName(
          account.accountName,
          account.accountId,
          roleName,
          taken
        ),
        accountId: account.accountId,
        roleName,
        region: options.region
      })
    }
  }
  return { profiles, failed, skippedAccounts: matching.length - wanted.length }
}
