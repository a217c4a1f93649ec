/**
 * The emulator's identity-store / account-assignment directory: users, AWS accounts, permission sets (roles).
 */

export interface EmulatorAccount {
  accountId: string
  accountName: string
  emailAddress?: string
  /** Permission sets provisioned in the account (the role names GetRoleCredentials accepts). */
  roles: string[]
}

export interface EmulatorUser {
  userName: string
  /**
   * Assignments: accountId → role names. Omitted = every account with every role.
   * A key with an empty list = the account is visible but no role may be used.
   */
  access?: Record<string, string[]>
}

export const DEFAULT_ACCOUNTS: EmulatorAccount[] = [
  {
    accountId: '111122223333',
    accountName: 'dev',
    emailAddress: 'aws-dev@example.com',
    roles: ['DeveloperAccess', 'ReadOnly']
  },
  {
    accountId: '444455556666',
    accountName: 'prod',
    emailAddress: 'aws-prod@example.com',
    roles: ['ReadOnly', 'AdministratorAccess']
  },
  {
    accountId: '777788889999',
    accountName: 'sandbox',
    emailAddress: 'aws-sandbox@example.com',
    roles: ['AdministratorAccess', 'DeveloperAccess', 'ReadOnly']
  }
]

export const DEFAULT_USERS: EmulatorUser[] = [
  { userName: 'alice' },
  { userName: 'bob' },
  // carol only has ReadOnly in dev: useful to exercise "No access".
  { userName: 'carol', access: { '111122223333': ['ReadOnly'] } }
]

export class Directory {
  readonly accounts: EmulatorAccount[]
  readonly users: EmulatorUser[]

  constructor(
    users: EmulatorUser[] = DEFAULT_USERS,
    accounts: EmulatorAccount[] = DEFAULT_ACCOUNTS
  ) {
    this.users = users.map((u) => ({
      ...u,
      access: u.access ? { ...u.access } : undefined
    }))
    this.accounts = accounts.map((a) => ({ ...a, roles: [...a.roles] }))
  }

  user(userName: string): EmulatorUser | undefined {
    return this.users.find((u) => u.userName === userName)
  }

  account(accountId: string): EmulatorAccount | undefined {
    return this.accounts.find((a) => a.accountId === accountId)
  }

  /** Accounts the user has an assignment in, in directory order. */
  accountsFor(userName: string): EmulatorAccount[] {
    const user = this.user(userName)
    if (!user) return []
    if (!user.access) return this.accounts
    return this.accounts.filter((a) =>
      Object.prototype.hasOwnProperty.call(user.access, a.accountId)
    )
  }

  /** Roles the user may assume in the account (empty when none / unknown). */
  rolesFor(userName: string, accountId: string): string[] {
    const user = this.user(userName)
    const account = this.account(accountId)
    if (!user || !account) return []
    if (!user.access) return account.roles
    const assigned = user.access[accountId]
    if (!assigned) return []
    return account.roles.filter((r) => assigned.includes(r))
  }

  canAssume(userName: string, accountId: string, roleName: string): boolean {
    return this.rolesFor(userName, accountId).includes(roleName)
  }
}
