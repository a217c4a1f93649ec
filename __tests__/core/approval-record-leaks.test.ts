/**
 * The approval record of a real sign-in against the emulator (device flow, GetRoleCredentials, AssumeRole with a
 * source identity, GetCallerIdentity) holds none of the secrets that sign-in obtained, in any form the e2e leak scan
 * looks for, in the JSON or in the job summary block.
 */
import { AwsClients } from '../../src/aws/clients.js'
import {
  getCallerIdentity,
  getRoleCredentials
} from '../../src/aws/credentials.js'
import {
  approvalRecord,
  approvalRecordJson,
  githubRun,
  modeOf
} from '../../src/core/approval-record.js'
import { chainRole } from '../../src/core/chain.js'
import { sourceIdentityFor } from '../../src/core/source-identity.js'
import { approvalRecordMarkdown } from '../../src/notify/render/approval-record.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { START_URL, login, oidcClient } from '../emulator/helpers.js'
import { leakHits } from '../e2e/leak-scan.js'

let emu: Emulator
let clients: AwsClients
beforeAll(async () => {
  emu = await startEmulator()
  process.env.AWS_ENDPOINT_URL = emu.url
  clients = new AwsClients({
    ssoRegion: 'us-east-1',
    region: 'us-west-2',
    env: process.env,
    maxAttempts: 1
  })
})
afterAll(async () => {
  clients.destroy()
  delete process.env.AWS_ENDPOINT_URL
  await emu.close()
})

test('a real sign-in: the record names what the emulator saw and holds none of its secrets', async () => {
  const oidc = oidcClient(emu.url)
  const signIn = await login(emu, oidc, 'bob')
  oidc.destroy()
  const primary = await getRoleCredentials(
    clients,
    signIn.accessToken,
    '111122223333',
    'DeveloperAccess',
    () => undefined
  )
  const primaryIdentity = await getCallerIdentity(clients, primary)
  const chained = await chainRole(
    clients,
    primary,
    {
      roleArn: 'arn:aws:iam::111122223333:role/deploy',
      durationSeconds: 900,
      policyArns: [],
      skipSessionTagging: true,
      transitiveTagKeys: []
    },
    'bob',
    [],
    () => undefined,
    sourceIdentityFor('bob')
  )
  const device = emu.lastStarted()!
  const env = {
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_RUN_ID: '77',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_REF: 'refs/heads/main'
  }
  const record = approvalRecord({
    approvers: [
      { name: device.approvedBy!, approvedAt: new Date(device.approvedAt!) }
    ],
    asked: {
      startUrl: START_URL,
      accountId: '111122223333',
      roleName: 'DeveloperAccess',
      chainedRoleArn: chained.roleArn,
      profiles: [
        { name: 'ci', accountId: '111122223333', roleName: 'DeveloperAccess' }
      ]
    },
    verified: [
      {
        profile: 'ci',
        arn: chained.identity.arn,
        account: chained.identity.account
      },
      {
        profile: 'ci-sso',
        arn: primaryIdentity.arn,
        account: primaryIdentity.account
      }
    ],
    sourceIdentity: chained.sourceIdentity,
    credentialsExpireAt: chained.credentials.expiration,
    mode: modeOf('until-job-end'),
    run: githubRun(env),
    now: new Date()
  })

  // What the emulator saw.
  expect(record.approvers).toEqual([
    { name: 'bob', approvedAt: new Date(device.approvedAt!).toISOString() }
  ])
  const [assumed] = emu.assumeRoleRequests()
  expect(record.sourceIdentity).toBe(assumed.sessionSourceIdentity)
  expect(record.verified[0].arn).toBe(
    'arn:aws:sts::111122223333:assumed-role/deploy/bob'
  )
  expect(record.credentialsExpireAt).toBe(
    new Date(assumed.expiration! - (assumed.expiration! % 1000)).toISOString()
  )

  // The secrets this sign-in obtained, cross-checked against the emulator's records.
  const secrets = new Map<string, string>([
    [signIn.clientSecret, 'client secret'],
    [signIn.deviceCode, 'device code'],
    [signIn.accessToken, 'access token'],
    [signIn.refreshToken!, 'refresh token']
  ])
  for (const s of emu.roleSessions()) {
    const chainedKind = s.assumedRole ? 'chained ' : ''
    secrets.set(s.accessKeyId, `${chainedKind}access key id`)
    secrets.set(s.secretAccessKey, `${chainedKind}secret access key`)
    secrets.set(s.sessionToken, `${chainedKind}session token`)
  }
  expect(secrets.get(chained.credentials.sessionToken)).toBe(
    'chained session token'
  )
  expect(secrets.get(primary.secretAccessKey)).toBe('secret access key')
  expect(secrets.size).toBe(10)

  const json = approvalRecordJson(record)
  expect(
    leakHits(secrets, [
      ['approval record JSON', json],
      ['job summary block', approvalRecordMarkdown(record)]
    ])
  ).toEqual([])
  // Control: the same detector finds each of them where they are (so the clean result above is not vacuous).
  const holding = JSON.stringify({ signIn, primary, chained })
  expect(leakHits(secrets, [['sign-in values', holding]])).toHaveLength(
    secrets.size
  )
  expect(
    leakHits(secrets, [
      ['base64', Buffer.from(signIn.accessToken).toString('base64')]
    ])
  ).toEqual(['access token in base64'])
})
