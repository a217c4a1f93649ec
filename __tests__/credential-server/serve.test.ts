/**
 * The credential server as a real detached process against the emulator, role credentials living 4 s: it serves the
 * primary, a second profile and a chained role; serves from memory while fresh, fetches again once due (not per
 * request); 100 simultaneous requests make one upstream call; it refreshes the SSO access token with its refresh token.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  credentialServerReport,
  serverCredentials,
  stopCredentialServer,
  type ServerAddress
} from '../../src/credential-server/client.js'
import { stsClient } from '../emulator/helpers.js'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import {
  CHAINED,
  DEV,
  PRIMARY,
  SANDBOX,
  SECOND,
  handoverFor,
  killStarted,
  portalFetches,
  signIn,
  startServer
} from './helpers.js'

const TTL = 4
let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ roleCredentialsTtl: TTL, assumedRoleTtl: TTL })
})
afterAll(async () => {
  killStarted()
  await emu.close()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function identity(c: {
  AccessKeyId: string
  SecretAccessKey: string
  Token: string
}): Promise<string> {
  const sts = stsClient(emu.url, {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.Token
  })
  try {
    return (await sts.send(new GetCallerIdentityCommand({}))).Arn!
  } finally {
    sts.destroy()
  }
}

describe('serving', () => {
  let address: ServerAddress

  beforeAll(async () => {
    emu.reset()
    const h = handoverFor(await signIn(emu))
    const s = await startServer(emu, h)
    address = { port: s.port, authToken: h.authToken }
  })
  afterAll(async () => {
    await stopCredentialServer(address).catch(() => undefined)
  })

  test('the primary, a second profile and a chained role, each as its own identity, in the container-credentials format', async () => {
    const dev = await serverCredentials(address, PRIMARY.profile)
    expect(Object.keys(dev).sort()).toEqual(
      [
        'AccessKeyId',
        'AccountId',
        'Expiration',
        'SecretAccessKey',
        'Token'
      ].sort()
    )
    expect(dev.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(dev.AccountId).toBe(DEV)
    expect(await identity(dev)).toMatch(
      new RegExp(
        `^arn:aws:sts::${DEV}:assumed-role/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}/alice$`
      )
    )
    const ro = await serverCredentials(address, SECOND.profile)
    expect(ro.AccountId).toBe(SANDBOX)
    expect(await identity(ro)).toContain(
      `${SANDBOX}:assumed-role/AWSReservedSSO_ReadOnly_`
    )
    const deploy = await serverCredentials(address, CHAINED.profile)
    expect(await identity(deploy)).toBe(
      `arn:aws:sts::${DEV}:assumed-role/deploy/alice`
    )
    const asked = emu.assumeRoleRequests()
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatchObject({
      roleArn: CHAINED.chain!.spec.roleArn,
      roleSessionName: 'alice',
      durationSeconds: 900,
      sourceIdentity: 'alice',
      tags: CHAINED.chain!.tags,
      transitiveTagKeys: ['Repository'],
      outcome: 'ok'
    })
  })

  test('fresh credentials come from memory; once due, ONE new fetch serves the requests that follow', async () => {
    const before = portalFetches(emu, SANDBOX, 'ReadOnly')
    const first = await serverCredentials(address, SECOND.profile)
    // Fresh while more than half of the 4 s lifetime is left: from memory.
    const again = await serverCredentials(address, SECOND.profile)
    expect(again.AccessKeyId).toBe(first.AccessKeyId)
    const keys = new Set<string>()
    const until = Date.now() + 2 * TTL * 1000
    let requests = 0
    while (Date.now() < until) {
      const c = await serverCredentials(address, SECOND.profile)
      requests++
      keys.add(c.AccessKeyId)
      // Never handed out expired (Expiration is cut to whole seconds, so it may be up to 1 s early).
      expect(Date.parse(c.Expiration) + 1000).toBeGreaterThan(Date.now())
      await sleep(100)
    }
    const fetches = portalFetches(emu, SANDBOX, 'ReadOnly') - before
    expect(requests).toBeGreaterThan(40)
    // 8 s of requests at a 2 s refresh point: about 4 fetches, nowhere near one per request.
    expect(fetches).toBeGreaterThanOrEqual(3)
    expect(fetches).toBeLessThanOrEqual(6)
    // Every key handed out is one of those fetches (or the one held before the loop).
    keys.add(first.AccessKeyId)
    const issuedBefore = emu
      .roleSessions()
      .filter((r) => r.accountId === SANDBOX && !r.assumedRole)
      .slice(0, before)
      .map((r) => r.accessKeyId)
    expect(keys.size).toBe(
      fetches + (issuedBefore.includes(first.AccessKeyId) ? 1 : 0)
    )
  })

  test('a chained role is re-assumed once due, with the same chain, session name, tags and source identity', async () => {
    await sleep(TTL * 1000)
    const c = await serverCredentials(address, CHAINED.profile)
    expect(await identity(c)).toBe(
      `arn:aws:sts::${DEV}:assumed-role/deploy/alice`
    )
    const asked = emu.assumeRoleRequests()
    expect(asked.length).toBeGreaterThanOrEqual(2)
    const [a, b] = asked.slice(-2)
    const {
      at: _a,
      accessKeyId: _k1,
      expiration: _e1,
      callerAccessKeyId: _c1,
      ...first
    } = a
    const {
      at: _b,
      accessKeyId: _k2,
      expiration: _e2,
      callerAccessKeyId: _c2,
      ...second
    } = b
    expect(second).toEqual(first)
    expect(b.accessKeyId).not.toBe(a.accessKeyId)
  })

  test('100 simultaneous requests with nothing fresh held make exactly one GetRoleCredentials', async () => {
    await sleep(TTL * 1000)
    const before = portalFetches(emu, SANDBOX, 'ReadOnly')
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        serverCredentials(address, SECOND.profile)
      )
    )
    expect(portalFetches(emu, SANDBOX, 'ReadOnly') - before).toBe(1)
    expect(new Set(answers.map((a) => a.AccessKeyId)).size).toBe(1)
    const report = await credentialServerReport(address)
    const ro = report.profiles.find((p) => p.profile === SECOND.profile)!
    expect(ro.errors).toBe(0)
    expect(ro.served).toBe(ro.requests)
  })
})

test('credentials handed over by the step are served without an upstream call', async () => {
  emu.reset()
  const s = await signIn(emu)
  const h = handoverFor(s, {
    roles: [PRIMARY],
    initialCredentials: {
      [PRIMARY.profile]: {
        accessKeyId: 'ASIAHANDEDOVER000001',
        secretAccessKey: 'x'.repeat(40),
        sessionToken: 'handed-over-session-token',
        expiration: new Date(Date.now() + 3600_000).toISOString()
      }
    }
  })
  const server = await startServer(emu, h)
  const address = { port: server.port, authToken: h.authToken }
  const c = await serverCredentials(address, PRIMARY.profile)
  expect(c.AccessKeyId).toBe('ASIAHANDEDOVER000001')
  expect(emu.stats().roleCredentials).toBe(0)
  const { report } = await stopCredentialServer(address)
  expect(report.profiles[0]).toMatchObject({
    requests: 1,
    served: 1,
    upstreamFetches: 0
  })
})

test('the SSO access token is refreshed with its refresh token before it expires, and again when the portal refuses it', async () => {
  const short = await startEmulator({
    roleCredentialsTtl: 2,
    accessTokenTtl: 6
  })
  try {
    const s = await signIn(short)
    const issued = short.tokens().find((t) => t.accessToken === s.accessToken)!
    const h = handoverFor(s, {
      roles: [PRIMARY],
      token: {
        accessToken: s.accessToken,
        refreshToken: s.refreshToken,
        expiresAt: new Date(issued.expiresAt).toISOString()
      }
    })
    const server = await startServer(short, h)
    const address = { port: server.port, authToken: h.authToken }
    // Past the access token's own expiry, fetching every 2 s: still served, through refreshed tokens.
    const until = Date.now() + 9_000
    while (Date.now() < until) {
      await serverCredentials(address, PRIMARY.profile)
      await sleep(250)
    }
    const refreshGrants = short
      .calls()
      .filter(
        (c) => c.operation === 'CreateToken' && c.grantType === 'refresh_token'
      )
    expect(refreshGrants.length).toBeGreaterThanOrEqual(2)
    expect(refreshGrants.every((c) => c.status === 200)).toBe(true)
    let report = await credentialServerReport(address)
    expect(report.sso.refreshes).toBe(refreshGrants.length)
    expect(report.signInEnded).toBeUndefined()
    expect(Date.parse(report.sso.tokenExpiresAt)).toBeGreaterThan(
      issued.expiresAt
    )
    // The portal refuses the token in hand (expired early): one refresh, and the request is still served.
    const current = short
      .tokens()
      .filter((t) => !t.revoked)
      .sort((a, b) => b.issuedAt - a.issuedAt)[0]
    short.expireAccessToken(current.accessToken)
    await sleep(2_100)
    const c = await serverCredentials(address, PRIMARY.profile)
    expect(c.AccountId).toBe(DEV)
    report = await credentialServerReport(address)
    expect(report.sso.refreshes).toBe(refreshGrants.length + 1)
    expect(report.profiles[0].errors).toBe(0)
    await stopCredentialServer(address)
  } finally {
    await short.close()
  }
})
