/**
 * role-source-identity through chainRole and assumeRole against the emulator (real SDK, real HTTP): SourceIdentity
 * sent and kept, and a trust policy without sts:SetSourceIdentity refused with the statement to add.
 */
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { AwsClients } from '../../src/aws/clients.js'
import {
  getRoleCredentials,
  CredentialsError
} from '../../src/aws/credentials.js'
import {
  AssumeRoleError,
  SourceIdentityRefusedError,
  assumeRole,
  trustPolicyActions
} from '../../src/aws/sts.js'
import { chainRole, githubSessionTags } from '../../src/core/chain.js'
import { sourceIdentityFor } from '../../src/core/source-identity.js'
import type { ChainSpec } from '../../src/inputs/spec.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { login, oidcClient, rejection, stsClient } from '../emulator/helpers.js'

let emu: Emulator
let clients: AwsClients
beforeAll(async () => {
  emu = await startEmulator()
  process.env.AWS_ENDPOINT_URL = emu.url
  for (const key of [
    'AWS_ENDPOINT_URL_SSO',
    'AWS_ENDPOINT_URL_SSO_OIDC',
    'AWS_ENDPOINT_URL_STS'
  ])
    delete process.env[key]
  clients = new AwsClients({
    ssoRegion: 'us-east-1',
    region: 'us-west-2',
    env: process.env,
    maxAttempts: 2
  })
})
afterAll(async () => {
  clients.destroy()
  delete process.env.AWS_ENDPOINT_URL
  await emu.close()
})
beforeEach(() => emu.reset())

async function source(user = 'alice') {
  const oidc = oidcClient(emu.url)
  const { accessToken } = await login(emu, oidc, user)
  oidc.destroy()
  return getRoleCredentials(
    clients,
    accessToken,
    '111122223333',
    'DeveloperAccess',
    () => undefined
  )
}

const CHAIN: ChainSpec = {
  roleArn: 'arn:aws:iam::111122223333:role/deploy',
  durationSeconds: 900,
  policyArns: [],
  skipSessionTagging: false,
  transitiveTagKeys: []
}
const UNAUDITED = 'arn:aws:iam::111122223333:role/unaudited'
const GITHUB = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_ACTOR: 'octocat'
}

test('chainRole with a source identity: STS gets SourceIdentity, the session carries it, the result names it', async () => {
  const approver = 'José Núñez'
  const chained = await chainRole(
    clients,
    await source(),
    CHAIN,
    approver,
    githubSessionTags(GITHUB),
    () => undefined,
    sourceIdentityFor(approver)
  )
  expect(chained.sourceIdentity).toBe('Jose_Nunez')
  // The default session name keeps its own (older) reduction: one _ per character.
  expect(chained.identity.arn).toBe(
    'arn:aws:sts::111122223333:assumed-role/deploy/Jos__N__ez'
  )
  const [record] = emu.assumeRoleRequests()
  expect(record).toMatchObject({
    outcome: 'ok',
    sourceIdentity: 'Jose_Nunez',
    sessionSourceIdentity: 'Jose_Nunez',
    accessKeyId: chained.credentials.accessKeyId
  })
  // The job's session keeps it: chaining further from it (as the job's own tools would) carries the approver along,
  // and it cannot be replaced.
  emu.putRole({
    accountId: '777788889999',
    roleName: 'release',
    trust: ['111122223333:deploy'],
    allowSetSourceIdentity: true
  })
  const job = stsClient(emu.url, chained.credentials, 'us-east-1', 1)
  const further = await job.send(
    new AssumeRoleCommand({
      RoleArn: 'arn:aws:iam::777788889999:role/release',
      RoleSessionName: 'job'
    })
  )
  expect(further.SourceIdentity).toBe('Jose_Nunez')
  const changed = await rejection(
    job.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::777788889999:role/release',
        RoleSessionName: 'job',
        SourceIdentity: 'someone-else'
      })
    )
  )
  job.destroy()
  expect(changed.name).toBe('AccessDenied')
})

test('without a source identity nothing is sent (the default)', async () => {
  const chained = await chainRole(
    clients,
    await source(),
    CHAIN,
    'alice',
    [],
    () => undefined
  )
  expect('sourceIdentity' in chained).toBe(false)
  expect('sourceIdentity' in emu.assumeRoleRequests()[0]).toBe(false)
})

test('a trust policy without sts:SetSourceIdentity: SourceIdentityRefusedError saying exactly that, with the statement to add (tags: with sts:TagSession)', async () => {
  const creds = await source()
  const error = await chainRole(
    clients,
    creds,
    { ...CHAIN, roleArn: UNAUDITED },
    'alice',
    githubSessionTags(GITHUB),
    () => undefined,
    'alice'
  ).catch((e) => e)
  expect(error).toBeInstanceOf(SourceIdentityRefusedError)
  expect(error).toBeInstanceOf(AssumeRoleError)
  expect(error).toBeInstanceOf(CredentialsError)
  expect(error.stsCode).toBe('AccessDenied')
  expect(error.roleArn).toBe(UNAUDITED)
  expect(error.message).toMatch(
    /^could not assume role arn:aws:iam::111122223333:role\/unaudited with a source identity: the role's trust policy does not allow sts:SetSourceIdentity \(STS answered AccessDenied \(HTTP 403\): User: arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice is not authorized to perform: sts:SetSourceIdentity on resource: arn:aws:iam::111122223333:role\/unaudited\)\. Add it to the trust policy statement that lets this session assume the role: "Action": \["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"\]; or turn role-source-identity off\. Nothing was written or exported$/
  )
  expect(emu.assumeRoleRequests()).toMatchObject([
    { outcome: 'AccessDenied', sourceIdentity: 'alice', roleArn: UNAUDITED }
  ])
  // Untagged: the statement to add has no sts:TagSession.
  const untagged = await chainRole(
    clients,
    creds,
    { ...CHAIN, roleArn: UNAUDITED, skipSessionTagging: true },
    'alice',
    githubSessionTags(GITHUB),
    () => undefined,
    'alice'
  ).catch((e) => e)
  expect(untagged).toBeInstanceOf(SourceIdentityRefusedError)
  expect(untagged.message).toContain(
    `statement that lets this session assume the role: ${trustPolicyActions(false)};`
  )
  expect(trustPolicyActions(false)).toBe(
    '"Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]'
  )
})

test('other refusals with a source identity stay ordinary AssumeRoleErrors (the trust list itself, a bad value)', async () => {
  const creds = await source()
  const trust = await assumeRole(
    clients,
    creds,
    {
      roleArn: 'arn:aws:iam::444455556666:role/deploy',
      sessionName: 'alice',
      durationSeconds: 900,
      policyArns: [],
      tags: [],
      transitiveTagKeys: [],
      sourceIdentity: 'alice'
    },
    () => undefined
  ).catch((e) => e)
  expect(trust).toBeInstanceOf(AssumeRoleError)
  expect(trust).not.toBeInstanceOf(SourceIdentityRefusedError)
  expect(trust.message).toContain('sts:AssumeRole on resource')
  const invalid = await assumeRole(
    clients,
    creds,
    {
      roleArn: CHAIN.roleArn,
      sessionName: 'alice',
      durationSeconds: 900,
      policyArns: [],
      tags: [],
      transitiveTagKeys: [],
      sourceIdentity: 'not valid'
    },
    () => undefined
  ).catch((e) => e)
  expect(invalid).toBeInstanceOf(AssumeRoleError)
  expect(invalid).not.toBeInstanceOf(SourceIdentityRefusedError)
  expect(invalid.stsCode).toBe('ValidationError')
})

test('assumeRole returns the source identity STS answered', async () => {
  const assumed = await assumeRole(
    clients,
    await source(),
    {
      roleArn: CHAIN.roleArn,
      sessionName: 'bob',
      durationSeconds: 900,
      policyArns: [],
      tags: [],
      transitiveTagKeys: [],
      sourceIdentity: 'bob@example.com'
    },
    () => undefined
  )
  expect(assumed.sourceIdentity).toBe('bob@example.com')
  expect(assumed.arn).toBe('arn:aws:sts::111122223333:assumed-role/deploy/bob')
})
