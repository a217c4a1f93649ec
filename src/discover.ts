/** discover: true — a profile for every account and role the approver can reach, optionally filtered by globs. */
import type { AwsClients } from './aws/clients.js'
import type { ProfileSpec } from './request.js'
import { globToRegExp } from './approvers.js'
import { describeAwsError } from './aws/errors.js'
import { mapPool } from './pool.js'

export interface DiscoverOptions {
  accountFilter?: string
  roleFilter?: string
  region: string
  /** Profiles already requested (the primary one and explicit lines): not written twice. */
  exclude: ProfileSpec[]
  concurrency?: number
}

/** A profile name from `<account name or id>.<role>`, reduced to the characters a profile name may hold. */
export function discoveredProfileName(accountName: string | undefined, accountId: string, roleName: string): string {
  const base = `${accountName?.trim() || accountId}.${roleName}`
  const cleaned = base.replace(/[^A-Za-z0-9._@+-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64)
  return cleaned || accountId
}

export async function discoverProfiles(clients: AwsClients, accessToken: string, options: DiscoverOptions): Promise<ProfileSpec[]> {
  const { ListAccountsCommand, ListAccountRolesCommand } = await import('@aws-sdk/client-sso')
  const sso = await clients.ssoClient()
  const accountGlob = options.accountFilter ? globToRegExp(options.accountFilter) : undefined
  const roleGlob = options.roleFilter ? globToRegExp(options.roleFilter) : undefined

  const accounts: { accountId: string; accountName?: string }[] = []
  try {
    let nextToken: string | undefined
    do {
      const page = await sso.send(new ListAccountsCommand({ accessToken, nextToken }))
      for (const a of page.accountList ?? []) if (a.accountId) accounts.push({ accountId: a.accountId, accountName: a.accountName })
      nextToken = page.nextToken
    } while (nextToken)
  } catch (error) {
    throw new Error(`discover: SSO ListAccounts failed: ${describeAwsError(error)}`)
  }
  const wanted = accounts.filter((a) => !accountGlob || accountGlob.test(a.accountId) || (a.accountName !== undefined && accountGlob.test(a.accountName)))

  const perAccount = await mapPool(wanted, options.concurrency ?? 8, async (account) => {
    const roles: string[] = []
    try {
      let nextToken: string | undefined
      do {
        const page = await sso.send(new ListAccountRolesCommand({ accessToken, accountId: account.accountId, nextToken }))
        for (const r of page.roleList ?? []) if (r.roleName && (!roleGlob || roleGlob.test(r.roleName))) roles.push(r.roleName)
        nextToken = page.nextToken
      } while (nextToken)
    } catch (error) {
      throw new Error(`discover: SSO ListAccountRoles for ${account.accountId} failed: ${describeAwsError(error)}`)
    }
    return roles.map((roleName) => ({ account, roleName }))
  })

  const taken = new Set(options.exclude.map((p) => p.name))
  const requested = new Set(options.exclude.map((p) => `${p.accountId}/${p.roleName}`))
  const out: ProfileSpec[] = []
  for (const { account, roleName } of perAccount.flat()) {
    if (requested.has(`${account.accountId}/${roleName}`)) continue
    let name = discoveredProfileName(account.accountName, account.accountId, roleName)
    if (taken.has(name)) name = discoveredProfileName(`${account.accountName ?? ''}-${account.accountId}`, account.accountId, roleName)
    if (taken.has(name)) continue
    taken.add(name)
    out.push({ name, accountId: account.accountId, roleName, region: options.region })
  }
  return out
}
