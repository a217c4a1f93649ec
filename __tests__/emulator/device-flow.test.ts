/** SSO OIDC device authorization grant against the emulator, through the real @aws-sdk/client-sso-oidc. */
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand
} from '@aws-sdk/client-sso-oidc'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  DEVICE_GRANT,
  START_URL,
  login,
  oidcClient,
  rejection
} from './helpers.js'

let emu: Emulator
let oidc: SSOOIDCClient

beforeAll(async () => {
  emu = await startEmulator()
  oidc = oidcClient(emu.url)
})
afterAll(async () => {
  oidc.destroy()
  await emu.close()
})
beforeEach(() => emu.reset())

async function register(scopes: string[] | undefined = ['sso:account:access']) {
  return oidc.send(
    new RegisterClientCommand({
      clientName: 'flow-test',
      clientType: 'public',
      scopes
    })
  )
}

async function start(reg: { clientId?: string; clientSecret?: string }) {
  return oidc.send(
    new StartDeviceAuthorizationCommand({
      clientId: reg.clientId,
      clientSecret: reg.clientSecret,
      startUrl: START_URL
    })
  )
}

function poll(
  reg: { clientId?: string; clientSecret?: string },
  deviceCode?: string
) {
  return oidc.send(
    new CreateTokenCommand({
      clientId: reg.clientId,
      clientSecret: reg.clientSecret,
      grantType: DEVICE_GRANT,
      deviceCode
    })
  )
}

describe('device authorization flow', () => {
  test('register → start → pending → approve → token, then the device code is consumed', async () => {
    const before = Math.floor(Date.now() / 1000)
    const reg = await register()
    expect(reg.clientId).toMatch(/^[\w-]{20,}$/)
    expect(reg.clientSecret!.length).toBeGreaterThan(60)
    expect(reg.clientIdIssuedAt).toBeGreaterThanOrEqual(before)
    expect(reg.clientSecretExpiresAt! - reg.clientIdIssuedAt!).toBe(
      90 * 24 * 3600
    )

    const auth = await start(reg)
    expect(auth.userCode).toMatch(
      /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/
    )
    expect(auth.verificationUri).toBe(`${emu.url}/device`)
    expect(auth.verificationUriComplete).toMatch(
      new RegExp(
        `^${emu.url}/platform/authorize\\?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3A[\\w-]+$`
      )
    )
    expect(auth.expiresIn).toBe(600)
    expect(auth.interval).toBe(1)
    expect(auth.deviceCode!.length).toBeGreaterThan(60)

    const pending = await rejection(poll(reg, auth.deviceCode))
    expect(pending.name).toBe('AuthorizationPendingException')
    expect(pending.$metadata.httpStatusCode).toBe(400)
    expect(pending.error).toBe('authorization_pending')

    const seen = await emu.waitForDeviceAuthorization(1000)
    expect(seen.userCode).toBe(auth.userCode)
    expect(emu.pendingCodes().map((c) => c.userCode)).toEqual([auth.userCode])

    const approvals: any[] = []
    emu.events.on('approved', (e) => approvals.push(e))
    const t0 = Date.now()
    emu.approve(auth.userCode!, 'alice')
    emu.events.removeAllListeners('approved')
    expect(approvals).toHaveLength(1)
    expect(approvals[0]).toMatchObject({
      userCode: auth.userCode,
      user: 'alice'
    })
    expect(approvals[0].at).toBeGreaterThanOrEqual(t0)
    expect(emu.pendingCodes()).toEqual([])

    const token = await poll(reg, auth.deviceCode)
    expect(token.tokenType).toBe('Bearer')
    expect(token.expiresIn).toBe(28800)
    expect(token.accessToken!.length).toBeGreaterThan(100)
    expect(token.refreshToken).toBeDefined()
    expect(token.refreshToken).not.toBe(token.accessToken)

    const reused = await rejection(poll(reg, auth.deviceCode))
    expect(reused.name).toBe('InvalidGrantException')

    const issued = emu.tokens()
    expect(issued).toHaveLength(1)
    expect(issued[0]).toMatchObject({
      accessToken: token.accessToken,
      user: 'alice',
      grant: 'device_code',
      userCode: auth.userCode,
      revoked: false
    })
    const info = emu.lastStarted()!
    expect(info.status).toBe('consumed')
    expect(info.approvedBy).toBe('alice')
    expect(info.approvedAt).toBe(approvals[0].at)

    const stats = emu.stats()
    expect(stats).toMatchObject({
      registrations: 1,
      deviceAuthorizations: 1,
      approvals: 1,
      tokenPolls: 3,
      tokensIssued: 1
    })
    expect(stats.byOperation).toEqual({
      RegisterClient: 1,
      StartDeviceAuthorization: 1,
      CreateToken: 3
    })
    const polls = emu.calls().filter((c) => c.operation === 'CreateToken')
    expect(polls.map((c) => [c.status, c.error])).toEqual([
      [400, 'AuthorizationPendingException'],
      [200, undefined],
      [400, 'InvalidGrantException']
    ])
    expect(polls.every((c) => c.userCode === auth.userCode)).toBe(true)
  })

  test('slowDown(n): the next n polls answer slow_down and the interval grows by 5 s each', async () => {
    const reg = await register()
    const auth = await start(reg)
    emu.slowDown(2)
    for (let i = 0; i < 2; i++) {
      const err = await rejection(poll(reg, auth.deviceCode))
      expect(err.name).toBe('SlowDownException')
      expect(err.error).toBe('slow_down')
    }
    expect((await rejection(poll(reg, auth.deviceCode))).name).toBe(
      'AuthorizationPendingException'
    )
    expect(emu.lastStarted()!.interval).toBe(11)
  })

  test('denied: AccessDeniedException, and the code can no longer be approved', async () => {
    const reg = await register()
    const auth = await start(reg)
    emu.deny(auth.userCode!)
    const err = await rejection(poll(reg, auth.deviceCode))
    expect(err.name).toBe('AccessDeniedException')
    expect(err.error).toBe('access_denied')
    expect(() => emu.approve(auth.userCode!)).toThrow(/denied/)
    expect(emu.stats().denials).toBe(1)
  })

  test('expired: ExpiredTokenException, even once approved', async () => {
    const reg = await register()
    const auth = await start(reg)
    emu.expire(auth.userCode!)
    expect(() => emu.approve(auth.userCode!)).toThrow(/expired/)
    const err = await rejection(poll(reg, auth.deviceCode))
    expect(err.name).toBe('ExpiredTokenException')
    expect(err.error).toBe('expired_token')
    expect(emu.pendingCodes()).toEqual([])
  })

  test('refresh_token grant rotates the refresh token; the old one is refused', async () => {
    const first = await login(emu, oidc)
    const refreshed = await oidc.send(
      new CreateTokenCommand({
        clientId: first.clientId,
        clientSecret: first.clientSecret,
        grantType: 'refresh_token',
        refreshToken: first.refreshToken
      })
    )
    expect(refreshed.accessToken).toBeDefined()
    expect(refreshed.accessToken).not.toBe(first.accessToken)
    expect(refreshed.refreshToken).toBeDefined()
    expect(refreshed.refreshToken).not.toBe(first.refreshToken)

    const replay = await rejection(
      oidc.send(
        new CreateTokenCommand({
          clientId: first.clientId,
          clientSecret: first.clientSecret,
          grantType: 'refresh_token',
          refreshToken: first.refreshToken
        })
      )
    )
    expect(replay.name).toBe('InvalidGrantException')

    const again = await oidc.send(
      new CreateTokenCommand({
        clientId: first.clientId,
        clientSecret: first.clientSecret,
        grantType: 'refresh_token',
        refreshToken: refreshed.refreshToken
      })
    )
    expect(again.refreshToken).not.toBe(refreshed.refreshToken)
    expect(emu.tokens().map((t) => t.grant)).toEqual([
      'device_code',
      'refresh_token',
      'refresh_token'
    ])
    expect(emu.tokens().every((t) => t.user === 'alice')).toBe(true)
    expect(emu.stats().refreshes).toBe(2)
  })

  test('a client registered without scopes gets no refresh token', async () => {
    const l = await login(emu, oidc, 'bob', null)
    expect(l.accessToken).toBeDefined()
    expect(l.refreshToken).toBeUndefined()
  })

  test('client errors: wrong secret, revoked client, unknown device code, unsupported grant', async () => {
    const reg = await register()
    const wrong = await rejection(
      start({ clientId: reg.clientId, clientSecret: 'nope' })
    )
    expect(wrong.name).toBe('InvalidClientException')
    expect(wrong.$metadata.httpStatusCode).toBe(401)
    expect(wrong.error).toBe('invalid_client')

    const unknownCode = await rejection(poll(reg, 'not-a-device-code'))
    expect(unknownCode.name).toBe('InvalidGrantException')

    const grant = await rejection(
      oidc.send(
        new CreateTokenCommand({
          clientId: reg.clientId,
          clientSecret: reg.clientSecret,
          grantType: 'password'
        })
      )
    )
    expect(grant.name).toBe('UnsupportedGrantTypeException')

    const auth = await start(reg)
    emu.revokeClient(reg.clientId!)
    expect((await rejection(poll(reg, auth.deviceCode))).name).toBe(
      'InvalidClientException'
    )
    expect((await rejection(start(reg))).name).toBe('InvalidClientException')
  })

  test('a device code is bound to the client that started it', async () => {
    const a = await register()
    const b = await register()
    const auth = await start(a)
    emu.approve(auth.userCode!)
    expect((await rejection(poll(b, auth.deviceCode))).name).toBe(
      'InvalidGrantException'
    )
    expect((await poll(a, auth.deviceCode)).accessToken).toBeDefined()
  })

  test('waitForDeviceAuthorization waits for the next start, and times out', async () => {
    const reg = await register()
    const waiting = emu.waitForDeviceAuthorization(2000)
    const auth = await start(reg)
    expect((await waiting).userCode).toBe(auth.userCode)
    // Already delivered: a second wait does not return the same code again.
    await expect(emu.waitForDeviceAuthorization(50)).rejects.toThrow(
      /No device authorization/
    )
  })
})

describe('options', () => {
  test('enforceInterval: polling faster than the interval answers slow_down and adds 5 s', async () => {
    const strict = await startEmulator({ enforceInterval: true, interval: 1 })
    const client = oidcClient(strict.url)
    try {
      const reg = await client.send(
        new RegisterClientCommand({ clientName: 'x', clientType: 'public' })
      )
      const auth = await client.send(
        new StartDeviceAuthorizationCommand({
          clientId: reg.clientId,
          clientSecret: reg.clientSecret,
          startUrl: START_URL
        })
      )
      const p = () =>
        client.send(
          new CreateTokenCommand({
            clientId: reg.clientId,
            clientSecret: reg.clientSecret,
            grantType: DEVICE_GRANT,
            deviceCode: auth.deviceCode
          })
        )
      expect((await rejection(p())).name).toBe('AuthorizationPendingException')
      expect((await rejection(p())).name).toBe('SlowDownException')
      expect(strict.lastStarted()!.interval).toBe(6)
    } finally {
      client.destroy()
      await strict.close()
    }
  })

  test('autoApproveAs approves each new code; expired client secrets are refused', async () => {
    const auto = await startEmulator({
      autoApproveAs: 'bob',
      autoApproveAfterMs: 30,
      accessTokenTtl: 120
    })
    const client = oidcClient(auto.url)
    try {
      const reg = await client.send(
        new RegisterClientCommand({
          clientName: 'x',
          clientType: 'public',
          scopes: ['sso:account:access']
        })
      )
      const auth = await client.send(
        new StartDeviceAuthorizationCommand({
          clientId: reg.clientId,
          clientSecret: reg.clientSecret,
          startUrl: START_URL
        })
      )
      const approved = new Promise((resolve) =>
        auto.events.once('approved', resolve)
      )
      expect(await approved).toMatchObject({
        userCode: auth.userCode,
        user: 'bob'
      })
      const token = await client.send(
        new CreateTokenCommand({
          clientId: reg.clientId,
          clientSecret: reg.clientSecret,
          grantType: DEVICE_GRANT,
          deviceCode: auth.deviceCode
        })
      )
      expect(token.expiresIn).toBe(120)
      expect(auto.tokens()[0].user).toBe('bob')
    } finally {
      client.destroy()
      await auto.close()
    }

    const shortSecrets = await startEmulator({ clientSecretTtl: 0 })
    const c2 = oidcClient(shortSecrets.url)
    try {
      const reg = await c2.send(
        new RegisterClientCommand({ clientName: 'x', clientType: 'public' })
      )
      const err = await rejection(
        c2.send(
          new StartDeviceAuthorizationCommand({
            clientId: reg.clientId,
            clientSecret: reg.clientSecret,
            startUrl: START_URL
          })
        )
      )
      expect(err.name).toBe('InvalidClientException')
      expect(err.error_description).toMatch(/expired/)
    } finally {
      c2.destroy()
      await shortSecrets.close()
    }
  })
})
