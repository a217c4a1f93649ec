/** STS AssumeRole (role chaining) through the real STS client: trust, ExternalId, the one-hour cap, policies, tags, the chained identity. */
import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso'
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc'
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand
} from '@aws-sdk/client-sts'
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

async function ssoRole(
  user = 'alice',
  accountId = '111122223333',
  roleName = 'DeveloperAccess'
) {
  const { accessToken } = await login(emu, oidc, user)
  const c = (
    await sso.send(
      new GetRoleCredentialsCommand({ accessToken, accountId, roleName })
    )
  ).roleCredentials!
  return {
    accessKeyId: c.accessKeyId!,
    secretAccessKey: c.secretAccessKey!,
    sessionToken: c.sessionToken!
  }
}

const DEPLOY = 'arn:aws:iam::111122223333:role/deploy'
const PROD_DEPLOY = 'arn:aws:iam::444455556666:role/deploy'
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::artifacts/*'
    }
  ]
})

test('AssumeRole from Identity Center role credentials: chained credentials, and GetCallerIdentity names the chained role', async () => {
  const source = await ssoRole()
  const sts = stsClient(emu.url, source)
  const before = Date.now()
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: DEPLOY,
      RoleSessionName: 'alice',
      DurationSeconds: 1800,
      Policy: POLICY,
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      Tags: [
        { Key: 'Repository', Value: 'octo/repo' },
        { Key: 'Actor', Value: 'octocat' }
      ],
      TransitiveTagKeys: ['Repository']
    })
  )
  sts.destroy()
  expect(out.AssumedRoleUser?.Arn).toBe(
    'arn:aws:sts::111122223333:assumed-role/deploy/alice'
  )
  expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:alice$/)
  expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/)
  expect(out.Credentials?.AccessKeyId).not.toBe(source.accessKeyId)
  const exp = out.Credentials!.Expiration!.getTime()
  expect(exp).toBeGreaterThanOrEqual(
    Math.floor(before / 1000) * 1000 + 1800_000 - 1000
  )
  expect(exp).toBeLessThanOrEqual(Date.now() + 1800_000)
  expect(out.PackedPolicySize).toBeGreaterThan(0)

  const chained = stsClient(emu.url, {
    accessKeyId: out.Credentials!.AccessKeyId!,
    secretAccessKey: out.Credentials!.SecretAccessKey!,
    sessionToken: out.Credentials!.SessionToken!
  })
  const id = await chained.send(new GetCallerIdentityCommand({}))
  chained.destroy()
  expect(id).toMatchObject({
    Account: '111122223333',
    Arn: 'arn:aws:sts::111122223333:assumed-role/deploy/alice',
    UserId: out.AssumedRoleUser!.AssumedRoleId
  })

  const [record] = emu.assumeRoleRequests()
  expect(record).toMatchObject({
    outcome: 'ok',
    roleArn: DEPLOY,
    roleSessionName: 'alice',
    durationSeconds: 1800,
    policy: POLICY,
    policyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
    tags: [
      { Key: 'Repository', Value: 'octo/repo' },
      { Key: 'Actor', Value: 'octocat' }
    ],
    transitiveTagKeys: ['Repository'],
    callerAccessKeyId: source.accessKeyId,
    accessKeyId: out.Credentials!.AccessKeyId
  })
  expect(record.callerArn).toMatch(
    /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice$/
  )
  const session = emu
    .roleSessions()
    .find((s) => s.accessKeyId === out.Credentials!.AccessKeyId)!
  expect(session.assumedRole).toMatchObject({
    roleArn: DEPLOY,
    sessionName: 'alice',
    policy: POLICY,
    sourceAccessKeyId: source.accessKeyId
  })
  expect(emu.stats().assumedRoles).toBe(1)

  // The control API lists the same records.
  const viaHttp = await (await fetch(`${emu.url}/_control/assume-role`)).json()
  expect(viaHttp).toEqual(emu.assumeRoleRequests())
})

test('SigV4 is verified with the credentials the emulator issued: a wrong secret is SignatureDoesNotMatch, unknown keys InvalidClientTokenId', async () => {
  const source = await ssoRole()
  const wrong = stsClient(
    emu.url,
    { ...source, secretAccessKey: 'x'.repeat(40) },
    'us-east-1',
    1
  )
  expect(
    (
      await rejection(
        wrong.send(
          new AssumeRoleCommand({ RoleArn: DEPLOY, RoleSessionName: 'alice' })
        )
      )
    ).name
  ).toBe('SignatureDoesNotMatch')
  wrong.destroy()
  const unknown = stsClient(
    emu.url,
    { ...source, accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' },
    'us-east-1',
    1
  )
  expect(
    (
      await rejection(
        unknown.send(
          new AssumeRoleCommand({ RoleArn: DEPLOY, RoleSessionName: 'alice' })
        )
      )
    ).name
  ).toBe('InvalidClientTokenId')
  unknown.destroy()
  expect(emu.assumeRoleRequests()).toEqual([])
})

test('the trust list, the external id and sts:TagSession: AccessDenied naming the caller and the role', async () => {
  const carol = await ssoRole('carol', '111122223333', 'ReadOnly')
  const sts = stsClient(emu.url, carol, 'us-east-1', 1)
  const denied = await rejection(
    sts.send(
      new AssumeRoleCommand({
        RoleArn: PROD_DEPLOY,
        RoleSessionName: 'carol',
        ExternalId: 'prod-deploy-7f3a'
      })
    )
  )
  expect(denied.name).toBe('AccessDenied')
  expect(denied.$metadata.httpStatusCode).toBe(403)
  expect(denied.message).toMatch(
    /^User: arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnly_[0-9a-f]{16}\/carol is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role\/deploy$/
  )
  expect(
    (
      await rejection(
        sts.send(
          new AssumeRoleCommand({
            RoleArn: 'arn:aws:iam::111122223333:role/nope',
            RoleSessionName: 'carol'
          })
        )
      )
    ).name
  ).toBe('AccessDenied')
  sts.destroy()

  const alice = stsClient(emu.url, await ssoRole(), 'us-east-1', 1)
  expect(
    (
      await rejection(
        alice.send(
          new AssumeRoleCommand({
            RoleArn: PROD_DEPLOY,
            RoleSessionName: 'alice'
          })
        )
      )
    ).name
  ).toBe('AccessDenied')
  expect(
    (
      await rejection(
        alice.send(
          new AssumeRoleCommand({
            RoleArn: PROD_DEPLOY,
            RoleSessionName: 'alice',
            ExternalId: 'wrong-id'
          })
        )
      )
    ).name
  ).toBe('AccessDenied')
  const prod = await alice.send(
    new AssumeRoleCommand({
      RoleArn: PROD_DEPLOY,
      RoleSessionName: 'alice',
      ExternalId: 'prod-deploy-7f3a'
    })
  )
  expect(prod.AssumedRoleUser?.Arn).toBe(
    'arn:aws:sts::444455556666:assumed-role/deploy/alice'
  )
  const untagged = 'arn:aws:iam::111122223333:role/untagged'
  const tagErr = await rejection(
    alice.send(
      new AssumeRoleCommand({
        RoleArn: untagged,
        RoleSessionName: 'alice',
        Tags: [{ Key: 'A', Value: 'b' }]
      })
    )
  )
  expect(tagErr.name).toBe('AccessDenied')
  expect(tagErr.message).toContain('sts:TagSession')
  expect(
    (
      await alice.send(
        new AssumeRoleCommand({ RoleArn: untagged, RoleSessionName: 'alice' })
      )
    ).AssumedRoleUser?.Arn
  ).toContain('untagged/alice')
  alice.destroy()
  expect(emu.assumeRoleRequests().map((r) => r.outcome)).toEqual([
    'AccessDenied',
    'AccessDenied',
    'AccessDenied',
    'AccessDenied',
    'ok',
    'AccessDenied',
    'ok'
  ])
})

test('the one-hour chaining cap, the role MaxSessionDuration and parameter validation', async () => {
  emu.putRole({
    accountId: '111122223333',
    roleName: 'short',
    trust: ['111122223333'],
    maxSessionDuration: 1800
  })
  const sts = stsClient(emu.url, await ssoRole(), 'us-east-1', 1)
  const ask = (
    input: Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]>
  ) =>
    rejection(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: DEPLOY,
          RoleSessionName: 'alice',
          ...input
        })
      )
    )
  const cap = await ask({ DurationSeconds: 3601 })
  expect(cap.name).toBe('ValidationError')
  expect(cap.message).toBe(
    'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'
  )
  expect((await ask({ DurationSeconds: 899 })).message).toContain(
    'greater than or equal to 900'
  )
  const max = await ask({
    RoleArn: 'arn:aws:iam::111122223333:role/short',
    DurationSeconds: 3600
  })
  expect(max.message).toBe(
    'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
  )
  expect((await ask({ RoleSessionName: 'a' })).name).toBe('ValidationError')
  expect((await ask({ RoleSessionName: 'has space' })).name).toBe(
    'ValidationError'
  )
  const malformed = await ask({ Policy: '{"Version": "2012-10-17", ' })
  expect(malformed.name).toBe('MalformedPolicyDocumentException')
  expect((await ask({ Policy: '{"Version":"2012-10-17"}' })).name).toBe(
    'MalformedPolicyDocumentException'
  )
  const statement = {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::b/' + 'k'.repeat(1800)
  }
  const tags = Array.from({ length: 10 }, (_, i) => ({
    Key: `Key${i}`,
    Value: 'v'.repeat(40)
  }))
  const packed = await ask({
    Policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
    Tags: tags
  })
  expect(packed.name).toBe('PackedPolicyTooLargeException')
  expect(packed.message).toMatch(
    /^Packed policy consumes \d+% of allotted space/
  )
  expect(
    (
      await ask({
        PolicyArns: Array.from({ length: 11 }, (_, i) => ({
          arn: `arn:aws:iam::aws:policy/P${i}`
        }))
      })
    ).name
  ).toBe('ValidationError')
  expect((await ask({ PolicyArns: [{ arn: 'not-an-arn' }] })).name).toBe(
    'InvalidParameterValue'
  )
  expect(
    (
      await ask({
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'A', Value: '2' }
        ]
      })
    ).name
  ).toBe('InvalidParameterValue')
  expect(
    (await ask({ Tags: [{ Key: 'a', Value: '1' }], TransitiveTagKeys: ['b'] }))
      .name
  ).toBe('InvalidParameterValue')
  sts.destroy()
  expect(emu.assumeRoleRequests().every((r) => r.outcome !== 'ok')).toBe(true)
  expect(emu.assumeRoleRequests()[0]).toMatchObject({
    durationSeconds: 3601,
    outcome: 'ValidationError'
  })
})

test('control API: GET /_control/roles, POST /_control/role; reset restores the default roles', async () => {
  const put = await fetch(`${emu.url}/_control/role`, {
    method: 'POST',
    body: JSON.stringify({
      accountId: '777788889999',
      roleName: 'ci',
      trust: ['111122223333:DeveloperAccess']
    })
  })
  expect(put.status).toBe(200)
  const roles = await (await fetch(`${emu.url}/_control/roles`)).json()
  expect(roles).toContainEqual({
    accountId: '777788889999',
    roleName: 'ci',
    trust: ['111122223333:DeveloperAccess']
  })
  const sts = stsClient(emu.url, await ssoRole(), 'us-east-1', 1)
  expect(
    (
      await sts.send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::777788889999:role/ci',
          RoleSessionName: 'alice'
        })
      )
    ).AssumedRoleUser?.Arn
  ).toBe('arn:aws:sts::777788889999:assumed-role/ci/alice')
  sts.destroy()
  expect(
    (
      await fetch(`${emu.url}/_control/role`, {
        method: 'POST',
        body: JSON.stringify({ accountId: 'x', roleName: 'ci', trust: [] })
      })
    ).status
  ).toBe(400)
  emu.reset()
  expect(emu.roles().some((r) => r.roleName === 'ci')).toBe(false)
})
