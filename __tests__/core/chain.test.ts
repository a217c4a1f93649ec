/** chainRole against the emulator through the real AwsClients: AssumeRole signed with the role credentials, then the identity check. */
import { AwsClients } from '../../src/aws/clients.js'
import {
  getRoleCredentials,
  CredentialsError
} from '../../src/aws/credentials.js'
import { AssumeRoleError } from '../../src/aws/sts.js'
import { chainRole, githubSessionTags } from '../../src/core/chain.js'
import type { ChainSpec } from '../../src/inputs/spec.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { login, oidcClient } from '../emulator/helpers.js'

let emu: Emulator
let clients: AwsClients
beforeAll(async () => {
  emu = await startEmulator()
  // The SDK reads the endpoint override from the process environment itself (as on a runner).
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

async function source() {
  const oidc = oidcClient(emu.url)
  const { accessToken } = await login(emu, oidc)
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
  durationSeconds: 1200,
  policyArns: [],
  skipSessionTagging: false,
  transitiveTagKeys: ['Actor']
}
const GITHUB = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_ACTOR: 'octocat'
}

test('chains, masks every new secret, names the session after the approver, tags it, verifies the chained identity', async () => {
  const masked: string[] = []
  const chained = await chainRole(
    clients,
    await source(),
    CHAIN,
    'Zoë@example.com',
    githubSessionTags(GITHUB),
    (s) => masked.push(s)
  )
  expect(chained.identity).toMatchObject({
    account: '111122223333',
    arn: 'arn:aws:sts::111122223333:assumed-role/deploy/Zo_@example.com'
  })
  expect(masked).toEqual([
    chained.credentials.accessKeyId,
    chained.credentials.secretAccessKey,
    chained.credentials.sessionToken
  ])
  const [record] = emu.assumeRoleRequests()
  expect(record).toMatchObject({
    roleSessionName: 'Zo_@example.com',
    durationSeconds: 1200,
    transitiveTagKeys: ['Actor']
  })
  expect(record.tags).toEqual([
    { Key: 'GitHub', Value: 'Actions' },
    { Key: 'Repository', Value: 'acme/app' },
    { Key: 'Actor', Value: 'octocat' }
  ])
  expect(chained.credentials.expiration.getTime()).toBe(
    record.expiration! - (record.expiration! % 1000)
  )
})

test('a chained identity in another account than the role ARN names is refused (mismatch)', async () => {
  const creds = await source()
  emu.setStsAccountOverride('999988887777')
  const error = await chainRole(
    clients,
    creds,
    CHAIN,
    'alice',
    [],
    () => undefined
  ).catch((e) => e)
  expect(error).toBeInstanceOf(CredentialsError)
  expect(error.kind).toBe('mismatch')
  expect(error.message).toContain(
    'arn:aws:sts::999988887777:assumed-role/deploy/alice'
  )
})

test('STS refusing: AssumeRoleError with the role, the STS code and its message', async () => {
  const error = await chainRole(
    clients,
    await source(),
    { ...CHAIN, roleArn: 'arn:aws:iam::444455556666:role/deploy' },
    'alice',
    [],
    () => undefined
  ).catch((e) => e)
  expect(error).toBeInstanceOf(AssumeRoleError)
  expect(error.stsCode).toBe('AccessDenied')
  expect(error.roleArn).toBe('arn:aws:iam::444455556666:role/deploy')
  expect(error.message).toMatch(
    /^could not assume role arn:aws:iam::444455556666:role\/deploy: STS answered AccessDenied \(HTTP 403\): User: .* is not authorized/
  )
})

test('STS unreachable: the failure names the role and says the request failed, not what STS answered', async () => {
  const creds = await source()
  emu.injectFault({ operation: 'AssumeRole', kind: 'reset', count: 10 })
  const error = await chainRole(
    clients,
    creds,
    CHAIN,
    'alice',
    [],
    () => undefined
  ).catch((e) => e)
  expect(error).toBeInstanceOf(AssumeRoleError)
  expect(error.message).toMatch(
    /^could not assume role arn:aws:iam::111122223333:role\/deploy: the request to STS failed: .*; nothing was written or exported$/
  )
})
