/** SSO portal (GetRoleCredentials, ListAccounts, ListAccountRoles, Logout) and STS GetCallerIdentity through the real SDK clients. */
import { CreateTokenCommand, SSOOIDCClient } from '@aws-sdk/client-sso-oidc'
import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
  SSOClient,
  paginateListAccounts
} from '@aws-sdk/client-sso'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  login,
  oidcClient,
  rejection,
  ssoClient,
  stsClient
} from './helpers.js'

let emu: Emulator
let oidc: SSOOIDCClient
let sso: SSOClient

beforeAll(async () => {
  emu = await startEmulator()
  oidc = oidcClient(emu.url)
  sso = ssoClient(emu.url)
})
afterAll(async () => {
  oidc.destroy()
  sso.destroy()
  await emu.close()
})
beforeEach(() => emu.reset())

async function roleCredentials(
  accessToken: string,
  accountId = '111122223333',
  roleName = 'DeveloperAccess'
) {
  const out = await sso.send(
    new GetRoleCredentialsCommand({ accessToken, accountId, roleName })
  )
  const c = out.roleCredentials!
  return {
    accessKeyId: c.accessKeyId!,
    secretAccessKey: c.secretAccessKey!,
    sessionToken: c.sessionToken!,
    expiration: c.expiration!
  }
}

describe('SSO portal', () => {
  test('GetRoleCredentials returns temporary credentials with an epoch-milliseconds expiration', async () => {
    const { accessToken } = await login(emu, oidc)
    const before = Date.now()
    const creds = await roleCredentials(accessToken)
    expect(creds.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
    expect(creds.secretAccessKey).toHaveLength(40)
    expect(creds.sessionToken.length).toBeGreaterThan(200)
    expect(creds.expiration).toBeGreaterThanOrEqual(before + 3600_000 - 1000)
    expect(creds.expiration).toBeLessThanOrEqual(Date.now() + 3600_000)
    expect(emu.roleSessions()).toEqual([
      expect.objectContaining({
        accessKeyId: creds.accessKeyId,
        user: 'alice',
        accountId: '111122223333',
        roleName: 'DeveloperAccess'
      })
    ])
  })

  test('a role the user is not assigned: ForbiddenException 403 "No access"; no token: UnauthorizedException', async () => {
    const { accessToken } = await login(emu, oidc, 'carol')
    const err = await rejection(
      roleCredentials(accessToken, '444455556666', 'ReadOnly')
    )
    expect(err.name).toBe('ForbiddenException')
    expect(err.message).toBe('No access')
    expect(err.$metadata.httpStatusCode).toBe(403)
    expect(
      (
        await rejection(
          roleCredentials(accessToken, '111122223333', 'DeveloperAccess')
        )
      ).name
    ).toBe('ForbiddenException')
    expect(
      (await roleCredentials(accessToken, '111122223333', 'ReadOnly'))
        .accessKeyId
    ).toMatch(/^ASIA/)

    const bad = await rejection(roleCredentials('not-a-token'))
    expect(bad.name).toBe('UnauthorizedException')
    expect(bad.message).toBe('Session token not found or invalid')
    expect(bad.$metadata.httpStatusCode).toBe(401)
  })

  test('ListAccounts paginates with max_result / next_token; carol sees only her account', async () => {
    const { accessToken } = await login(emu, oidc)
    const first = await sso.send(
      new ListAccountsCommand({ accessToken, maxResults: 2 })
    )
    expect(first.accountList).toHaveLength(2)
    expect(first.nextToken).toBeDefined()
    const ids: string[] = []
    let pages = 0
    for await (const page of paginateListAccounts(
      { client: sso, pageSize: 1 },
      { accessToken }
    )) {
      pages++
      ids.push(...page.accountList!.map((a) => a.accountId!))
    }
    expect(pages).toBe(3)
    expect(ids).toEqual(['111122223333', '444455556666', '777788889999'])
    const all = await sso.send(new ListAccountsCommand({ accessToken }))
    expect(all.nextToken).toBeUndefined()
    expect(all.accountList![0]).toEqual({
      accountId: '111122223333',
      accountName: 'dev',
      emailAddress: 'aws-dev@example.com'
    })

    const badToken = await rejection(
      sso.send(new ListAccountsCommand({ accessToken, nextToken: 'garbage' }))
    )
    expect(badToken.name).toBe('InvalidRequestException')
    expect(badToken.$metadata.httpStatusCode).toBe(400)

    const carol = await login(emu, oidc, 'carol')
    const hers = await sso.send(
      new ListAccountsCommand({ accessToken: carol.accessToken })
    )
    expect(hers.accountList!.map((a) => a.accountId)).toEqual(['111122223333'])
  })

  test('ListAccountRoles lists the roles of an account', async () => {
    const { accessToken } = await login(emu, oidc)
    const roles = await sso.send(
      new ListAccountRolesCommand({ accessToken, accountId: '111122223333' })
    )
    expect(roles.roleList).toEqual([
      { roleName: 'DeveloperAccess', accountId: '111122223333' },
      { roleName: 'ReadOnly', accountId: '111122223333' }
    ])
    const page = await sso.send(
      new ListAccountRolesCommand({
        accessToken,
        accountId: '111122223333',
        maxResults: 1
      })
    )
    expect(page.roleList).toHaveLength(1)
    expect(page.nextToken).toBeDefined()
    const carol = await login(emu, oidc, 'carol')
    expect(
      (
        await rejection(
          sso.send(
            new ListAccountRolesCommand({
              accessToken: carol.accessToken,
              accountId: '444455556666'
            })
          )
        )
      ).name
    ).toBe('ForbiddenException')
  })

  test('Logout revokes the access token and its refresh token; role credentials already issued keep working', async () => {
    const l = await login(emu, oidc)
    const creds = await roleCredentials(l.accessToken)
    await sso.send(new LogoutCommand({ accessToken: l.accessToken }))
    const token = emu.tokens().find((t) => t.accessToken === l.accessToken)!
    expect(token.revoked).toBe(true)
    expect(token.revokedAt).toBeGreaterThan(0)
    expect(emu.stats().logouts).toBe(1)

    const after = await rejection(
      sso.send(new ListAccountsCommand({ accessToken: l.accessToken }))
    )
    expect(after.name).toBe('UnauthorizedException')
    expect(
      (
        await rejection(
          sso.send(new LogoutCommand({ accessToken: l.accessToken }))
        )
      ).name
    ).toBe('UnauthorizedException')
    const refresh = await rejection(
      oidc.send(
        new CreateTokenCommand({
          clientId: l.clientId,
          clientSecret: l.clientSecret,
          grantType: 'refresh_token',
          refreshToken: l.refreshToken
        })
      )
    )
    expect(refresh.name).toBe('InvalidGrantException')

    const sts = stsClient(emu.url, creds)
    try {
      expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe(
        '111122223333'
      )
    } finally {
      sts.destroy()
    }
  })

  test('an expired access token is refused', async () => {
    const l = await login(emu, oidc)
    emu.expireAccessToken(l.accessToken)
    expect((await rejection(roleCredentials(l.accessToken))).name).toBe(
      'UnauthorizedException'
    )
  })
})

describe('STS GetCallerIdentity', () => {
  test('with the issued credentials: the assumed-role identity of the approving user', async () => {
    const { accessToken } = await login(emu, oidc, 'bob')
    const creds = await roleCredentials(
      accessToken,
      '444455556666',
      'AdministratorAccess'
    )
    const sts = stsClient(emu.url, creds, 'eu-west-1')
    try {
      const id = await sts.send(new GetCallerIdentityCommand({}))
      expect(id.Account).toBe('444455556666')
      expect(id.Arn).toMatch(
        /^arn:aws:sts::444455556666:assumed-role\/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}\/bob$/
      )
      expect(id.UserId).toMatch(/^AROA[A-Z2-7]{17}:bob$/)
      const again = await sts.send(new GetCallerIdentityCommand({}))
      expect(again.Arn).toBe(id.Arn) // stable role name suffix
    } finally {
      sts.destroy()
    }
    const call = emu.calls().filter((c) => c.operation === 'GetCallerIdentity')
    expect(call).toHaveLength(2)
    expect(call[0]).toMatchObject({
      status: 200,
      region: 'eu-west-1',
      user: 'bob',
      method: 'POST',
      path: '/'
    })
    expect(emu.stats().callerIdentities).toBe(2)
  })

  test('a wrong secret fails SignatureDoesNotMatch; a wrong session token or unknown key InvalidClientTokenId', async () => {
    const { accessToken } = await login(emu, oidc)
    const creds = await roleCredentials(accessToken)
    const cases: Array<[Record<string, string | number>, string, number]> = [
      [
        {
          ...creds,
          secretAccessKey:
            creds.secretAccessKey.slice(0, -1) +
            (creds.secretAccessKey.endsWith('A') ? 'B' : 'A')
        },
        'SignatureDoesNotMatch',
        403
      ],
      [
        { ...creds, sessionToken: creds.sessionToken + 'x' },
        'InvalidClientTokenId',
        403
      ],
      [
        { ...creds, accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' },
        'InvalidClientTokenId',
        403
      ]
    ]
    for (const [c, code, status] of cases) {
      const sts = stsClient(emu.url, c as any)
      try {
        const err = await rejection(sts.send(new GetCallerIdentityCommand({})))
        expect(err.name).toBe(code)
        expect(err.$metadata.httpStatusCode).toBe(status)
      } finally {
        sts.destroy()
      }
    }
    expect(emu.stats().callerIdentities).toBe(0)
  })

  test('expired role credentials: ExpiredToken', async () => {
    const short = await startEmulator({ roleCredentialsTtl: 0 })
    const o = oidcClient(short.url)
    const s = ssoClient(short.url)
    try {
      const { accessToken } = await login(short, o)
      const c = (
        await s.send(
          new GetRoleCredentialsCommand({
            accessToken,
            accountId: '111122223333',
            roleName: 'ReadOnly'
          })
        )
      ).roleCredentials!
      const sts = stsClient(short.url, {
        accessKeyId: c.accessKeyId!,
        secretAccessKey: c.secretAccessKey!,
        sessionToken: c.sessionToken!
      })
      try {
        const err = await rejection(sts.send(new GetCallerIdentityCommand({})))
        expect(err.name).toBe('ExpiredToken')
        expect(err.$metadata.httpStatusCode).toBe(400)
      } finally {
        sts.destroy()
      }
    } finally {
      o.destroy()
      s.destroy()
      await short.close()
    }
  })

  test('unsigned or unknown actions are refused in the Query protocol', async () => {
    const unsigned = await fetch(emu.url + '/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15'
    })
    expect(unsigned.status).toBe(403)
    const text = await unsigned.text()
    expect(text).toContain('<Code>MissingAuthenticationToken</Code>')
    expect(text).toContain('<Type>Sender</Type>')
    const unsignedAssume = await fetch(emu.url + '/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=AssumeRole&Version=2011-06-15'
    })
    expect(unsignedAssume.status).toBe(403)
    expect(await unsignedAssume.text()).toContain(
      '<Code>MissingAuthenticationToken</Code>'
    )
    const unknown = await fetch(emu.url + '/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=AssumeRoleWithSAML&Version=2011-06-15'
    })
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code>')
  })
})

describe('portal rate limit and page cap', () => {
  test('portalRateLimit: beyond N requests per second the portal answers 429 TooManyRequestsException; it refills; 0 lifts it', async () => {
    const { accessToken } = await login(emu, oidc)
    const once = ssoClient(emu.url, 1)
    try {
      emu.setPortalRateLimit(5)
      const burst = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          once.send(new ListAccountsCommand({ accessToken }))
        )
      )
      const refused = burst.filter(
        (r): r is PromiseRejectedResult => r.status === 'rejected'
      )
      expect(burst.length - refused.length).toBe(5)
      expect(refused[0].reason.name).toBe('TooManyRequestsException')
      expect(refused[0].reason.$metadata.httpStatusCode).toBe(429)
      expect(emu.stats().throttled).toBe(15)
      expect(
        emu.calls().filter((c) => c.error === 'TooManyRequestsException')
      ).toHaveLength(15)
      // OIDC and STS are not limited
      await login(emu, oidc)
      await new Promise((r) => setTimeout(r, 450))
      const refill = await Promise.allSettled(
        Array.from({ length: 5 }, () =>
          once.send(new ListAccountsCommand({ accessToken }))
        )
      )
      // ≥ 2.25 tokens in ≥ 450 ms at 5/s (more when the machine is slow), never the full 5 of an idle second
      const refilled = refill.filter((r) => r.status === 'fulfilled').length
      expect(refilled).toBeGreaterThanOrEqual(2)
      expect(refilled).toBeLessThan(5)
      emu.setPortalRateLimit(0)
      const free = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          once.send(new ListAccountsCommand({ accessToken }))
        )
      )
      expect(free.every((r) => r.status === 'fulfilled')).toBe(true)
    } finally {
      once.destroy()
    }
  })

  test('the control API and the option set the rate limit; reset restores the option', async () => {
    const limited = await startEmulator({ portalRateLimit: 2 })
    const client = ssoClient(limited.url, 1)
    const oidc2 = oidcClient(limited.url)
    try {
      const { accessToken } = await login(limited, oidc2)
      const send = () =>
        Promise.allSettled(
          Array.from({ length: 6 }, () =>
            client.send(new ListAccountsCommand({ accessToken }))
          )
        )
      expect(
        (await send()).filter((r) => r.status === 'fulfilled')
      ).toHaveLength(2)
      const post = (body: unknown) =>
        fetch(`${limited.url}/_control/portal-rate-limit`, {
          method: 'POST',
          body: JSON.stringify(body)
        })
      expect(await (await post({ perSecond: null })).json()).toEqual({
        ok: true,
        perSecond: null
      })
      expect(
        (await send()).filter((r) => r.status === 'fulfilled')
      ).toHaveLength(6)
      expect((await post({ perSecond: -1 })).status).toBe(400)
      limited.reset()
      const again = await login(limited, oidc2)
      const after = await Promise.allSettled(
        Array.from({ length: 6 }, () =>
          client.send(
            new ListAccountsCommand({ accessToken: again.accessToken })
          )
        )
      )
      expect(after.filter((r) => r.status === 'fulfilled')).toHaveLength(2)
    } finally {
      client.destroy()
      oidc2.destroy()
      await limited.close()
    }
  })

  test('maxPageSize caps a page whatever max_result asks', async () => {
    const capped = await startEmulator({ maxPageSize: 1 })
    const client = ssoClient(capped.url)
    const oidc2 = oidcClient(capped.url)
    try {
      const { accessToken } = await login(capped, oidc2)
      const page = await client.send(
        new ListAccountsCommand({ accessToken, maxResults: 100 })
      )
      expect(page.accountList).toHaveLength(1)
      expect(page.nextToken).toBeDefined()
      const roles = await client.send(
        new ListAccountRolesCommand({
          accessToken,
          accountId: '777788889999',
          maxResults: 100
        })
      )
      expect(roles.roleList).toHaveLength(1)
    } finally {
      client.destroy()
      oidc2.destroy()
      await capped.close()
    }
  })
})
