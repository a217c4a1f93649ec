import type { AwsClients } from '../../src/aws/clients.js'
import { CredentialsError } from '../../src/aws/credentials.js'
import {
  discoverProfiles,
  discoveredProfileName,
  uniqueProfileName
} from '../../src/core/discover.js'
import { NAME_RE } from '../../src/inputs/rules.js'

describe('discoveredProfileName: <account name or id>.<role>, a valid profile name of at most 64 characters', () => {
  test.each([
    ['dev', '111122223333', 'ReadOnly', 'dev.ReadOnly'],
    [undefined, '111122223333', 'ReadOnly', '111122223333.ReadOnly'],
    ['  ', '111122223333', 'ReadOnly', '111122223333.ReadOnly'],
    ['Team Blue (prod)', '111122223333', 'Admin', 'Team-Blue-prod.Admin'],
    ['---', '111122223333', 'Admin', '111122223333.Admin'],
    ['(( ))', '111122223333', 'Admin', '111122223333.Admin'],
    ['日本', '111122223333', 'Admin', '111122223333.Admin'],
    ['-lead', '111122223333', 'Ops', 'lead.Ops'],
    ['acct', '111122223333', 'Role=Admin,x', 'acct.Role-Admin-x']
  ])('%p / %p / %p → %p', (name, id, role, expected) => {
    expect(discoveredProfileName(name, id, role)).toBe(expected)
  })

  test('a long account name is shortened; the role name stays whole', () => {
    const role = 'AWSAdministratorAccess-Production'
    const name = discoveredProfileName('a'.repeat(80), '111122223333', role)
    expect(name).toHaveLength(64)
    expect(name.endsWith(`.${role}`)).toBe(true)
    expect(name).toMatch(NAME_RE)
  })

  test('shortening never leaves the account part ending in punctuation', () => {
    const role = 'R'.repeat(50)
    // budget for the account part is 13: "abcdefghijkl-" would end in "-"
    const name = discoveredProfileName(
      'abcdefghijkl-mnop',
      '111122223333',
      role
    )
    expect(name).toBe(`abcdefghijkl.${role}`)
  })

  test('a 64-character role still leaves room for the account', () => {
    const name = discoveredProfileName('dev', '111122223333', 'R'.repeat(64))
    expect(name.length).toBeLessThanOrEqual(64)
    expect(name.startsWith('dev.')).toBe(true)
    expect(name).toMatch(NAME_RE)
  })
})

describe('uniqueProfileName: a collision never drops a profile', () => {
  test('same name: the account id is appended, then a counter', () => {
    const taken = new Set<string>()
    expect(uniqueProfileName('team', '111111111111', 'ReadOnly', taken)).toBe(
      'team.ReadOnly'
    )
    expect(uniqueProfileName('team', '222222222222', 'ReadOnly', taken)).toBe(
      'team-222222222222.ReadOnly'
    )
    // Names that only collide after sanitizing: "team!" → "team"
    expect(uniqueProfileName('team!', '333333333333', 'ReadOnly', taken)).toBe(
      'team-333333333333.ReadOnly'
    )
    expect(
      uniqueProfileName(
        'x',
        '444444444444',
        'ReadOnly',
        new Set(['x.ReadOnly', 'x-444444444444.ReadOnly'])
      )
    ).toBe('x-444444444444-2.ReadOnly')
  })

  test('an id-named account gets a counter (not its id twice)', () => {
    const taken = new Set(['111122223333.Ops'])
    expect(uniqueProfileName(undefined, '111122223333', 'Ops', taken)).toBe(
      '111122223333-2.Ops'
    )
  })

  test('long names stay within 64 characters and unique, the role whole', () => {
    const taken = new Set<string>()
    const role = 'PowerUserAccess'
    const names = Array.from({ length: 5 }, (_, i) =>
      uniqueProfileName('x'.repeat(70), `10000000000${i}`, role, taken)
    )
    expect(new Set(names).size).toBe(5)
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(64)
      expect(n.endsWith(`.${role}`)).toBe(true)
      expect(n).toMatch(NAME_RE)
    }
  })
})

/** A fake SSO portal client: accounts and roles, pages of 1, optional failures per account. */
function fakeClients(
  accounts: {
    accountId: string
    accountName?: string
    roles: string[] | Error
  }[]
): AwsClients {
  const send = async (command: {
    constructor: { name: string }
    input: any
  }) => {
    const token = Number(command.input.nextToken ?? 0)
    if (command.constructor.name === 'ListAccountsCommand') {
      const a = accounts[token]
      return {
        accountList: a
          ? [{ accountId: a.accountId, accountName: a.accountName }]
          : [],
        nextToken: token + 1 < accounts.length ? String(token + 1) : undefined
      }
    }
    const roles = accounts.find(
      (a) => a.accountId === command.input.accountId
    )!.roles
    if (roles instanceof Error) throw roles
    return {
      roleList: roles.slice(token, token + 1).map((roleName) => ({ roleName })),
      nextToken: token + 1 < roles.length ? String(token + 1) : undefined
    }
  }
  return { ssoClient: async () => ({ send }) } as unknown as AwsClients
}

const awsError = (name: string, status: number) =>
  Object.assign(new Error(name), {
    name,
    $metadata: { httpStatusCode: status }
  })

describe('discoverProfiles', () => {
  test('accounts whose names collide all get their profiles; explicitly requested ones are skipped', async () => {
    const clients = fakeClients([
      {
        accountId: '111111111111',
        accountName: 'shared',
        roles: ['ReadOnly', 'Admin']
      },
      { accountId: '222222222222', accountName: 'shared', roles: ['ReadOnly'] },
      { accountId: '333333333333', accountName: 'Shared!', roles: ['ReadOnly'] }
    ])
    const { profiles, failed } = await discoverProfiles(clients, 'token', {
      region: 'eu-west-1',
      exclude: [
        {
          name: 'main',
          accountId: '111111111111',
          roleName: 'Admin',
          region: 'eu-west-1'
        }
      ]
    })
    expect(failed).toEqual([])
    expect(
      profiles.map((p) => `${p.name} ${p.accountId}/${p.roleName}`)
    ).toEqual([
      'shared.ReadOnly 111111111111/ReadOnly',
      'shared-222222222222.ReadOnly 222222222222/ReadOnly',
      'Shared.ReadOnly 333333333333/ReadOnly'
    ])
  })

  test('account-filter matches the account id too', async () => {
    const clients = fakeClients([
      { accountId: '111111111111', accountName: 'a', roles: ['R'] },
      { accountId: '222222222222', accountName: 'b', roles: ['R'] }
    ])
    const { profiles } = await discoverProfiles(clients, 'token', {
      region: 'us-east-1',
      exclude: [],
      accountFilter: '2222*'
    })
    expect(profiles.map((p) => p.name)).toEqual(['b.R'])
  })

  test('a ListAccountRoles failure fails the discovery, unless allow-partial: then it is a failed row', async () => {
    const accounts = [
      { accountId: '111111111111', accountName: 'ok', roles: ['R'] },
      {
        accountId: '222222222222',
        accountName: 'broken',
        roles: awsError('ForbiddenException', 403)
      }
    ]
    await expect(
      discoverProfiles(fakeClients(accounts), 'token', {
        region: 'us-east-1',
        exclude: []
      })
    ).rejects.toThrow(
      'discover: SSO ListAccountRoles for 222222222222 failed: ForbiddenException (HTTP 403)'
    )
    const { profiles, failed } = await discoverProfiles(
      fakeClients(accounts),
      'token',
      { region: 'us-east-1', exclude: [], allowPartial: true }
    )
    expect(profiles.map((p) => p.name)).toEqual(['ok.R'])
    expect(failed).toEqual([
      {
        profile: {
          name: 'broken.*',
          accountId: '222222222222',
          roleName: '*',
          region: 'us-east-1'
        },
        error:
          'discover: SSO ListAccountRoles for 222222222222 failed: ForbiddenException (HTTP 403)'
      }
    ])
  })

  test('a rejected token is a token failure even with allow-partial', async () => {
    const accounts = [
      {
        accountId: '111111111111',
        accountName: 'a',
        roles: awsError('UnauthorizedException', 401)
      }
    ]
    const error = await discoverProfiles(fakeClients(accounts), 'token', {
      region: 'us-east-1',
      exclude: [],
      allowPartial: true
    }).catch((e) => e)
    expect(error).toBeInstanceOf(CredentialsError)
    expect(error.kind).toBe('token')
    expect(error.message).toMatch(
      /the SSO access token was not accepted \(expired or revoked\)/
    )
  })
})
