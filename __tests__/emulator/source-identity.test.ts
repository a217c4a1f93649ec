/**
 * STS SourceIdentity through the real STS client: the pattern, the trust policy's sts:SetSourceIdentity, and a source
 * identity kept (and unchangeable) on every later chained session.
 */
import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso'
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc'
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts'
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
const clients: STSClient[] = []

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
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy()
})

const DEPLOY = 'arn:aws:iam::111122223333:role/deploy'
const UNAUDITED = 'arn:aws:iam::111122223333:role/unaudited'
/** Trusts the deploy role (a chained session) and allows sts:SetSourceIdentity. */
const NEXT = {
  accountId: '777788889999',
  roleName: 'release',
  trust: ['111122223333:deploy'],
  allowSetSourceIdentity: true
}
const NEXT_ARN = 'arn:aws:iam::777788889999:role/release'

/** An STS client signed by alice's (or another user's) Identity Center role credentials. */
async function ssoSts(user = 'alice'): Promise<STSClient> {
  const { accessToken } = await login(emu, oidc, user)
  const c = (
    await sso.send(
      new GetRoleCredentialsCommand({
        accessToken,
        accountId: '111122223333',
        roleName: 'DeveloperAccess'
      })
    )
  ).roleCredentials!
  const client = stsClient(
    emu.url,
    {
      accessKeyId: c.accessKeyId!,
      secretAccessKey: c.secretAccessKey!,
      sessionToken: c.sessionToken!
    },
    'us-east-1',
    1
  )
  clients.push(client)
  return client
}

/** AssumeRole, then a client signed by the new session. */
async function assume(
  sts: STSClient,
  input: { RoleArn: string; RoleSessionName?: string; SourceIdentity?: string }
) {
  const out = await sts.send(
    new AssumeRoleCommand({ RoleSessionName: 'alice', ...input })
  )
  const c = out.Credentials!
  const client = stsClient(
    emu.url,
    {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!
    },
    'us-east-1',
    1
  )
  clients.push(client)
  return { out, client }
}

test('a role whose trust policy allows sts:SetSourceIdentity: the session carries it, STS answers it, the emulator records it', async () => {
  const { out } = await assume(await ssoSts(), {
    RoleArn: DEPLOY,
    SourceIdentity: 'alice@example.com'
  })
  expect(out.SourceIdentity).toBe('alice@example.com')
  const [record] = emu.assumeRoleRequests()
  expect(record).toMatchObject({
    outcome: 'ok',
    roleArn: DEPLOY,
    sourceIdentity: 'alice@example.com',
    sessionSourceIdentity: 'alice@example.com'
  })
  expect(record.callerSourceIdentity).toBeUndefined()
  const session = emu
    .roleSessions()
    .find((s) => s.accessKeyId === out.Credentials!.AccessKeyId)!
  expect(session.assumedRole?.sourceIdentity).toBe('alice@example.com')
  // The control API shows the same.
  const viaHttp = (await (
    await fetch(`${emu.url}/_control/assume-role`)
  ).json()) as any[]
  expect(viaHttp[0].sessionSourceIdentity).toBe('alice@example.com')
})

test('without SourceIdentity nothing is set: no answer element, no record field', async () => {
  const { out } = await assume(await ssoSts(), { RoleArn: DEPLOY })
  expect(out.SourceIdentity).toBeUndefined()
  const [record] = emu.assumeRoleRequests()
  expect(record.outcome).toBe('ok')
  expect('sourceIdentity' in record).toBe(false)
  expect('sessionSourceIdentity' in record).toBe(false)
  expect(emu.roleSessions().some((s) => s.assumedRole?.sourceIdentity)).toBe(
    false
  )
})

test.each([
  ['one character', 'a'],
  ['a space', 'alice smith'],
  ['a colon', 'aws:alice'],
  ['a non-ASCII letter', 'Zoë'],
  ['65 characters', 'a'.repeat(65)]
])(
  'SourceIdentity with %s is a ValidationError, as STS answers',
  async (_what, value) => {
    const err = await rejection(
      (await ssoSts()).send(
        new AssumeRoleCommand({
          RoleArn: DEPLOY,
          RoleSessionName: 'alice',
          SourceIdentity: value
        })
      )
    )
    expect(err.name).toBe('ValidationError')
    expect(err.$metadata.httpStatusCode).toBe(400)
    expect(err.message).toBe(
      `1 validation error detected: Value '${value}' at 'sourceIdentity' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64`
    )
    expect(emu.assumeRoleRequests()).toMatchObject([
      { outcome: 'ValidationError', sourceIdentity: value }
    ])
    expect(emu.stats().assumedRoles).toBe(0)
  }
)

test('2 and 64 characters of [\\w+=,.@-] are accepted', async () => {
  const sts = await ssoSts()
  for (const value of ['ab', `${'a'.repeat(58)}+=,.@-`]) {
    const { out } = await assume(sts, {
      RoleArn: DEPLOY,
      SourceIdentity: value
    })
    expect(out.SourceIdentity).toBe(value)
  }
})

test('a role whose trust policy lacks sts:SetSourceIdentity: AccessDenied naming the action, as AWS refuses it; without SourceIdentity it works', async () => {
  const sts = await ssoSts()
  const err = await rejection(
    sts.send(
      new AssumeRoleCommand({
        RoleArn: UNAUDITED,
        RoleSessionName: 'alice',
        SourceIdentity: 'alice'
      })
    )
  )
  expect(err.name).toBe('AccessDenied')
  expect(err.$metadata.httpStatusCode).toBe(403)
  expect(err.message).toMatch(
    /^User: arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice is not authorized to perform: sts:SetSourceIdentity on resource: arn:aws:iam::111122223333:role\/unaudited$/
  )
  const { out } = await assume(sts, { RoleArn: UNAUDITED })
  expect(out.AssumedRoleUser?.Arn).toBe(
    'arn:aws:sts::111122223333:assumed-role/unaudited/alice'
  )
  expect(emu.assumeRoleRequests().map((r) => r.outcome)).toEqual([
    'AccessDenied',
    'ok'
  ])
})

test('chained further, the source identity is kept on every later session; sending it again is fine, changing it is refused', async () => {
  emu.putRole(NEXT)
  emu.putRole({ ...NEXT, roleName: 'archive', trust: ['777788889999:release'] })
  const first = await assume(await ssoSts(), {
    RoleArn: DEPLOY,
    SourceIdentity: 'alice'
  })
  // Not sent: kept from the caller.
  const second = await assume(first.client, {
    RoleArn: NEXT_ARN,
    RoleSessionName: 'renamed'
  })
  expect(second.out.SourceIdentity).toBe('alice')
  // A third hop keeps it too, sent again with the same value.
  const third = await assume(second.client, {
    RoleArn: 'arn:aws:iam::777788889999:role/archive',
    SourceIdentity: 'alice'
  })
  expect(third.out.SourceIdentity).toBe('alice')
  // Changing it: refused, although the role allows sts:SetSourceIdentity.
  const err = await rejection(
    first.client.send(
      new AssumeRoleCommand({
        RoleArn: NEXT_ARN,
        RoleSessionName: 'alice',
        SourceIdentity: 'mallory'
      })
    )
  )
  expect(err.name).toBe('AccessDenied')
  expect(err.message).toBe(
    `User: arn:aws:sts::111122223333:assumed-role/deploy/alice is not authorized to perform: sts:SetSourceIdentity on resource: ${NEXT_ARN}`
  )
  const records = emu.assumeRoleRequests()
  expect(
    records.map((r) => [
      r.roleArn,
      r.outcome,
      r.sourceIdentity,
      r.callerSourceIdentity,
      r.sessionSourceIdentity
    ])
  ).toEqual([
    [DEPLOY, 'ok', 'alice', undefined, 'alice'],
    [NEXT_ARN, 'ok', undefined, 'alice', 'alice'],
    ['arn:aws:iam::777788889999:role/archive', 'ok', 'alice', 'alice', 'alice'],
    [NEXT_ARN, 'AccessDenied', 'mallory', 'alice', undefined]
  ])
  const sessions = emu.roleSessions().filter((s) => s.assumedRole)
  expect(sessions.map((s) => s.assumedRole!.sourceIdentity)).toEqual([
    'alice',
    'alice',
    'alice'
  ])
})

test('a session with a source identity cannot chain to a role whose trust policy lacks sts:SetSourceIdentity, even without sending it', async () => {
  emu.putRole({ ...NEXT, allowSetSourceIdentity: false })
  const plain = await assume(await ssoSts(), { RoleArn: DEPLOY })
  // Control: the same chain without a source identity works.
  await assume(plain.client, { RoleArn: NEXT_ARN })
  const audited = await assume(await ssoSts('bob'), {
    RoleArn: DEPLOY,
    RoleSessionName: 'bob',
    SourceIdentity: 'bob'
  })
  const err = await rejection(
    audited.client.send(
      new AssumeRoleCommand({ RoleArn: NEXT_ARN, RoleSessionName: 'bob' })
    )
  )
  expect(err.name).toBe('AccessDenied')
  expect(err.message).toContain(
    `is not authorized to perform: sts:SetSourceIdentity on resource: ${NEXT_ARN}`
  )
  expect(emu.assumeRoleRequests().at(-1)).toMatchObject({
    outcome: 'AccessDenied',
    callerSourceIdentity: 'bob'
  })
})

test('control API: allowSetSourceIdentity is part of a role; the defaults allow it on dev deploy only; reset restores them', async () => {
  const roles = (await (
    await fetch(`${emu.url}/_control/roles`)
  ).json()) as any[]
  expect(
    roles
      .filter((r: any) => r.allowSetSourceIdentity)
      .map((r: any) => `${r.accountId}:${r.roleName}`)
  ).toEqual(['111122223333:deploy'])
  expect(roles).toContainEqual({
    accountId: '111122223333',
    roleName: 'unaudited',
    trust: ['111122223333']
  })
  const put = await fetch(`${emu.url}/_control/role`, {
    method: 'POST',
    body: JSON.stringify({ ...NEXT, roleName: 'ci' })
  })
  expect(await put.json()).toEqual({ ...NEXT, roleName: 'ci' })
  await fetch(`${emu.url}/_control/role`, {
    method: 'POST',
    body: JSON.stringify({
      accountId: '111122223333',
      roleName: 'deploy',
      trust: ['111122223333']
    })
  })
  const err = await rejection(
    (await ssoSts()).send(
      new AssumeRoleCommand({
        RoleArn: DEPLOY,
        RoleSessionName: 'alice',
        SourceIdentity: 'alice'
      })
    )
  )
  expect(err.name).toBe('AccessDenied')
  emu.reset()
  expect(
    emu
      .roles()
      .find((r) => r.roleName === 'deploy' && r.accountId === '111122223333')
      ?.allowSetSourceIdentity
  ).toBe(true)
})
