/**
 * role-to-assume through the BUNDLED action: after the approval it chains from the permission set's
 * credentials to a narrower IAM role (STS AssumeRole on the emulator), and the job (outputs, AWS_*, the profile) gets
 * the chained session only. Real consumers judge the profile: botocore / AWS CLI v1 and the JS SDK's credential chain.
 * With a session policy they must get the narrowed session itself and never re-assume the role without it.
 */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  CLI,
  consumerEnv,
  DIST,
  newWorkspace,
  postEnv,
  postOf,
  readCommandFile,
  ROOT,
  runnerEnv,
  SEED_INPUTS,
  start,
  type Workspace
} from './runner.js'
import { pythonExe, cliV1IdentityArgs } from '../aws-files/helpers/python.js'

const run = promisify(execFile)
let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ interval: 1 })
})
afterAll(async () => {
  await emu.close()
})

async function login(inputs: Record<string, string>, user = 'alice') {
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, { ...SEED_INPUTS, ...inputs })
  const main = start(DIST, env)
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, user)
  const result = await main.done
  return { ws, env, result, auth }
}

const awsFile = (ws: Workspace, name: string) =>
  path.join(ws.home, '.aws', name)
const read = (file: string) =>
  existsSync(file) ? readFileSync(file, 'utf8') : ''

/** botocore (python3 -m awscli) and the JS SDK's default credential chain, each for the profile: the identity they reach. */
async function consumers(
  ws: Workspace,
  profile: string
): Promise<{ botocore: any; sdk: any }> {
  const env = consumerEnv(ws, emu.url, {
    AWS_SHARED_CREDENTIALS_FILE: awsFile(ws, 'credentials')
  })
  const { stdout } = await run(pythonExe(), cliV1IdentityArgs(profile), { env })
  const script = `
    import { fromNodeProviderChain } from '@aws-sdk/credential-providers'
    import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
    const sts = new STSClient({ region: 'us-west-2', credentials: fromNodeProviderChain() })
    const id = await sts.send(new GetCallerIdentityCommand({}))
    console.log(JSON.stringify({ Account: id.Account, Arn: id.Arn }))
  `
  const sdk = await run(
    process.execPath,
    ['--input-type=module', '-e', script],
    { env: { ...env, AWS_PROFILE: profile }, cwd: ROOT }
  )
  return {
    botocore: JSON.parse(stdout),
    sdk: JSON.parse(sdk.stdout.trim().split('\n').pop()!)
  }
}

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": ["s3:PutObject"], "Resource": "arn:aws:s3:::prod-artifacts/*" }]
}`

describe('role-to-assume without a session policy', () => {
  let ws: Workspace
  let env: NodeJS.ProcessEnv
  let result: Awaited<ReturnType<typeof login>>['result']
  beforeAll(async () => {
    emu.reset()
    ;({ ws, env, result } = await login({ 'role-to-assume': 'deploy' }))
  })

  test('outputs and AWS_* are the chained role session, tagged like configure-aws-credentials and named after the approver', () => {
    expect(result.code).toBe(0)
    const [record] = emu.assumeRoleRequests()
    expect(record).toMatchObject({
      outcome: 'ok',
      roleArn: 'arn:aws:iam::111122223333:role/deploy',
      roleSessionName: 'alice',
      durationSeconds: 3600,
      policyArns: [],
      tags: [
        { Key: 'GitHub', Value: 'Actions' },
        { Key: 'Repository', Value: 'acme/deploy' },
        { Key: 'Workflow', Value: 'deploy' },
        { Key: 'Actor', Value: 'octocat' },
        { Key: 'Commit', Value: '0123456789abcdef0123456789abcdef01234567' }
      ]
    })
    expect(record.policy).toBeUndefined()
    expect(record.callerArn).toMatch(
      /assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice$/
    )
    const chained = emu
      .roleSessions()
      .find((s) => s.accessKeyId === record.accessKeyId)!
    const outputs = readCommandFile(ws.files.output)
    expect(outputs).toMatchObject({
      'aws-account-id': '111122223333',
      arn: 'arn:aws:sts::111122223333:assumed-role/deploy/alice',
      profile: 'my-dev-profile',
      'approved-by': 'alice'
    })
    expect(outputs['user-id']).toMatch(/^AROA[A-Z2-7]{17}:alice$/)
    expect(outputs.expiration).toBe(
      new Date(chained.expiration).toISOString().replace(/\.\d{3}Z$/, '.000Z')
    )
    const exported = readCommandFile(ws.files.env)
    expect(exported).toMatchObject({
      AWS_ACCESS_KEY_ID: chained.accessKeyId,
      AWS_SECRET_ACCESS_KEY: chained.secretAccessKey,
      AWS_SESSION_TOKEN: chained.sessionToken
    })
    // every chained secret is masked before use
    for (const secret of [
      chained.accessKeyId,
      chained.secretAccessKey,
      chained.sessionToken
    ])
      expect(result.stdout).toContain(`::add-mask::${secret}`)
    expect(result.stdout).toContain(
      'role-to-assume: chained to arn:aws:sts::111122223333:assumed-role/deploy/alice'
    )
    expect(result.stdout).toContain(
      'Profile "my-dev-profile" assumes arn:aws:iam::111122223333:role/deploy from profile "my-dev-profile-sso"'
    )
  })

  test('the profile is a refreshable role_arn + source_profile profile over the Identity Center profile', () => {
    const config = read(awsFile(ws, 'config'))
    expect(config).toContain(
      '[profile my-dev-profile]\nrole_arn = arn:aws:iam::111122223333:role/deploy\nsource_profile = my-dev-profile-sso\nrole_session_name = alice\nduration_seconds = 3600\nregion = us-west-2\noutput = json\n'
    )
    expect(config).toContain(
      '[profile my-dev-profile-sso]\nsso_session = my-sso\nsso_account_id = 111122223333\nsso_role_name = DeveloperAccess\n'
    )
    expect(existsSync(awsFile(ws, 'credentials'))).toBe(false)
  })

  test('botocore and the JS SDK credential chain reach the chained identity through the profile', async () => {
    const { botocore, sdk } = await consumers(ws, 'my-dev-profile')
    expect(botocore).toMatchObject({
      Account: '111122223333',
      Arn: 'arn:aws:sts::111122223333:assumed-role/deploy/alice'
    })
    expect(sdk).toEqual({
      Account: '111122223333',
      Arn: 'arn:aws:sts::111122223333:assumed-role/deploy/alice'
    })
    // each re-assumed the role itself from the SSO source profile (that is what a role_arn profile does)
    const records = emu.assumeRoleRequests()
    expect(records).toHaveLength(3)
    expect(
      records.every(
        (r) =>
          r.outcome === 'ok' &&
          r.roleArn === 'arn:aws:iam::111122223333:role/deploy'
      )
    ).toBe(true)
  })

  test('the post step removes both profiles and signs out', async () => {
    const post = await start(postOf(DIST), postEnv(ws, env)).done
    expect(post.code).toBe(0)
    expect(read(awsFile(ws, 'config'))).not.toContain('my-dev-profile')
    expect(emu.tokens().every((t) => t.revoked)).toBe(true)
  })
})

describe('role-to-assume narrowed by a session policy', () => {
  let ws: Workspace
  let env: NodeJS.ProcessEnv
  let result: Awaited<ReturnType<typeof login>>['result']
  beforeAll(async () => {
    emu.reset()
    ;({ ws, env, result } = await login({
      'role-to-assume': 'arn:aws:iam::444455556666:role/deploy',
      'role-external-id': 'prod-deploy-7f3a',
      'role-session-name': 'deploy-bot',
      'role-duration-seconds': '900',
      'inline-session-policy': POLICY,
      'managed-session-policies':
        'arn:aws:iam::aws:policy/ReadOnlyAccess\narn:aws:iam::444455556666:policy/deploy-boundary',
      'transitive-tag-keys': 'Repository'
    }))
  })

  test('AssumeRole asked for exactly the policy, the ARNs, the external id, the duration and the session name', () => {
    expect(result.code).toBe(0)
    const records = emu.assumeRoleRequests()
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      outcome: 'ok',
      roleArn: 'arn:aws:iam::444455556666:role/deploy',
      roleSessionName: 'deploy-bot',
      durationSeconds: 900,
      externalId: 'prod-deploy-7f3a',
      policy: JSON.stringify(JSON.parse(POLICY)),
      policyArns: [
        'arn:aws:iam::aws:policy/ReadOnlyAccess',
        'arn:aws:iam::444455556666:policy/deploy-boundary'
      ],
      transitiveTagKeys: ['Repository']
    })
    const outputs = readCommandFile(ws.files.output)
    expect(outputs).toMatchObject({
      'aws-account-id': '444455556666',
      arn: 'arn:aws:sts::444455556666:assumed-role/deploy/deploy-bot'
    })
    const chained = emu
      .roleSessions()
      .find((s) => s.accessKeyId === records[0].accessKeyId)!
    expect(chained.expiration - chained.issuedAt).toBe(900_000)
    expect(readCommandFile(ws.files.env).AWS_ACCESS_KEY_ID).toBe(
      chained.accessKeyId
    )
  })

  test('the profile holds the narrowed session itself: keys in the credentials file, no role_arn, no sso_* keys', () => {
    const records = emu.assumeRoleRequests()
    const chained = emu
      .roleSessions()
      .find((s) => s.accessKeyId === records[0].accessKeyId)!
    const config = read(awsFile(ws, 'config'))
    expect(config).toContain(
      '[profile my-dev-profile]\nregion = us-west-2\noutput = json\n'
    )
    expect(config).not.toMatch(/role_arn|source_profile|credential_process/)
    expect(config).not.toContain('my-dev-profile-sso')
    const credentials = read(awsFile(ws, 'credentials'))
    expect(credentials).toBe(
      `[my-dev-profile]\naws_access_key_id = ${chained.accessKeyId}\naws_secret_access_key = ${chained.secretAccessKey}\naws_session_token = ${chained.sessionToken}\n`
    )
    expect(readdirSync(path.join(ws.home, '.aws')).sort()).toEqual([
      'config',
      'credentials',
      'sso'
    ])
  })

  test('botocore and the JS SDK get the narrowed session and never call AssumeRole without the policy', async () => {
    const { botocore, sdk } = await consumers(ws, 'my-dev-profile')
    expect(botocore).toMatchObject({
      Account: '444455556666',
      Arn: 'arn:aws:sts::444455556666:assumed-role/deploy/deploy-bot'
    })
    expect(sdk).toEqual({
      Account: '444455556666',
      Arn: 'arn:aws:sts::444455556666:assumed-role/deploy/deploy-bot'
    })
    // Only the action's own AssumeRole, with the policy: nobody re-assumed the role (with or without it).
    expect(emu.assumeRoleRequests()).toHaveLength(1)
    expect(
      emu.assumeRoleRequests().filter((r) => r.policy === undefined)
    ).toEqual([])
  })

  test('the post step removes the profile and its keys', async () => {
    const post = await start(postOf(DIST), postEnv(ws, env)).done
    expect(post.code).toBe(0)
    expect(read(awsFile(ws, 'config'))).not.toContain('my-dev-profile')
    expect(read(awsFile(ws, 'credentials'))).toBe('')
    expect(emu.tokens().every((t) => t.revoked)).toBe(true)
  })
})

describe('an AssumeRole that fails fails the step, names the role and what STS answered, revokes the sign-in, leaves nothing', () => {
  const cases: [string, Record<string, string>, RegExp, (() => void)?][] = [
    [
      'trust policy: the permission set is not trusted without the external id',
      { 'role-to-assume': 'arn:aws:iam::444455556666:role/deploy' },
      /could not assume role arn:aws:iam::444455556666:role\/deploy: STS answered AccessDenied \(HTTP 403\): User: arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice is not authorized to perform: sts:AssumeRole/
    ],
    [
      'a wrong external id',
      {
        'role-to-assume': 'arn:aws:iam::444455556666:role/deploy',
        'role-external-id': 'guessed-id'
      },
      /could not assume role arn:aws:iam::444455556666:role\/deploy: STS answered AccessDenied/
    ],
    [
      'session tags the trust policy does not allow',
      { 'role-to-assume': 'untagged' },
      /could not assume role arn:aws:iam::111122223333:role\/untagged: STS answered AccessDenied \(HTTP 403\): .*sts:TagSession/
    ],
    [
      "the role's MaxSessionDuration",
      { 'role-to-assume': 'short' },
      /could not assume role arn:aws:iam::111122223333:role\/short: STS answered ValidationError \(HTTP 400\): The requested DurationSeconds exceeds the MaxSessionDuration set for this role\./,
      () =>
        emu.putRole({
          accountId: '111122223333',
          roleName: 'short',
          trust: ['111122223333'],
          maxSessionDuration: 1800
        })
    ],
    [
      'a packed policy too large',
      {
        'role-to-assume': 'deploy',
        'inline-session-policy': JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::b/' + 'k'.repeat(1900)
            }
          ]
        })
      },
      /could not assume role arn:aws:iam::111122223333:role\/deploy: STS answered PackedPolicyTooLarge \(HTTP 400\): Packed policy consumes \d+%(25)? of allotted space.*; nothing was written or exported$/
    ]
  ]
  test.each(
    cases.map(([label, inputs, message, setup]) => ({
      label,
      inputs,
      message,
      setup
    }))
  )('$label', async ({ inputs, message, setup }) => {
    emu.reset()
    setup?.()
    const { ws, env, result, auth } = await login(inputs)
    expect(result.code).toBe(1)
    const errors = result.stdout
      .split('\n')
      .filter((l) => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    expect(emu.assumeRoleRequests().map((r) => r.outcome)).not.toContain('ok')
    expect(emu.assumeRoleRequests()).toHaveLength(1)
    expect(
      emu.tokens().find((t) => t.userCode === auth.userCode)!.revoked
    ).toBe(true)
    expect(readFileSync(ws.files.env, 'utf8')).toBe('')
    expect(readCommandFile(ws.files.output).arn).toBeUndefined()
    expect(existsSync(awsFile(ws, 'config'))).toBe(false)
    expect(existsSync(awsFile(ws, 'credentials'))).toBe(false)
    const cacheDir = path.join(ws.home, '.aws', 'sso', 'cache')
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([])
    const post = await start(postOf(DIST), postEnv(ws, env)).done
    expect(post.code).toBe(0)
  })

  test('allowed-account-ids applies to the chained identity too', async () => {
    emu.reset()
    const { ws, result, auth } = await login({
      'role-to-assume': 'arn:aws:iam::444455556666:role/deploy',
      'role-external-id': 'prod-deploy-7f3a',
      'allowed-account-ids': '111122223333'
    })
    expect(result.code).toBe(1)
    const error = result.stdout
      .split('\n')
      .find((l) => l.startsWith('::error::'))!
    expect(error).toContain('444455556666')
    expect(emu.assumeRoleRequests().map((r) => r.outcome)).toEqual(['ok'])
    expect(
      emu.tokens().find((t) => t.userCode === auth.userCode)!.revoked
    ).toBe(true)
    expect(readFileSync(ws.files.env, 'utf8')).toBe('')
    expect(existsSync(awsFile(ws, 'config'))).toBe(false)
  })
})

test('sign-out-early with role-to-assume: the profile holds the chained keys, no SSO token or source profile is left', async () => {
  emu.reset()
  const { ws, env, result } = await login({
    'role-to-assume': 'deploy',
    'sign-out-early': 'true'
  })
  expect(result.code).toBe(0)
  const [record] = emu.assumeRoleRequests()
  const chained = emu
    .roleSessions()
    .find((s) => s.accessKeyId === record.accessKeyId)!
  expect(emu.tokens().every((t) => t.revoked)).toBe(true)
  const config = read(awsFile(ws, 'config'))
  expect(config).not.toMatch(/sso_|role_arn|my-dev-profile-sso/)
  expect(read(awsFile(ws, 'credentials'))).toContain(
    `aws_access_key_id = ${chained.accessKeyId}`
  )
  const cacheDir = path.join(ws.home, '.aws', 'sso', 'cache')
  expect(
    existsSync(cacheDir)
      ? readdirSync(cacheDir).filter((f) =>
          read(path.join(cacheDir, f)).includes('accessToken')
        )
      : []
  ).toEqual([])
  const { botocore } = await consumers(ws, 'my-dev-profile')
  expect(botocore.Arn).toBe(
    'arn:aws:sts::111122223333:assumed-role/deploy/alice'
  )
  // the log says what the profile holds (the keys, not a source profile that is not there)
  expect(result.stdout).toContain(
    'Profile "my-dev-profile" holds the chained session of arn:aws:iam::111122223333:role/deploy itself'
  )
  expect(result.stdout).not.toContain('my-dev-profile-sso')
  expect(emu.assumeRoleRequests()).toHaveLength(1)
  expect((await start(postOf(DIST), postEnv(ws, env)).done).code).toBe(0)
})

test('the CLI chains too (--role-to-assume): json output is the chained session; outside GitHub Actions no session tags', async () => {
  emu.reset()
  const ws = newWorkspace()
  const env = {
    ...consumerEnv(ws, emu.url),
    CI: 'true',
    CI_PROJECT_PATH: 'acme/deploy',
    GITLAB_USER_LOGIN: 'octocat'
  }
  const flags = [
    '--start-url',
    SEED_INPUTS['start-url'],
    '--sso-region',
    'us-east-1',
    '--account-id',
    '111122223333',
    '--role-name',
    'DeveloperAccess',
    '--region',
    'us-west-2',
    '--profile',
    'ci'
  ]
  const child = start(CLI, env, [
    ...flags,
    '--role-to-assume',
    'untagged',
    '--role-session-name',
    'gitlab-ci',
    '--format',
    'json'
  ])
  emu.approve((await emu.waitForDeviceAuthorization()).userCode, 'alice')
  const result = await child.done
  expect(result.code).toBe(0)
  const [record] = emu.assumeRoleRequests()
  expect(record).toMatchObject({
    outcome: 'ok',
    roleArn: 'arn:aws:iam::111122223333:role/untagged',
    roleSessionName: 'gitlab-ci',
    tags: []
  })
  const out = JSON.parse(result.stdout)
  expect(out.credentials.accessKeyId).toBe(record.accessKeyId)
  expect(out.arn).toBe(
    'arn:aws:sts::111122223333:assumed-role/untagged/gitlab-ci'
  )
  expect(read(awsFile(ws, 'config'))).toContain(
    '[profile ci]\nrole_arn = arn:aws:iam::111122223333:role/untagged\nsource_profile = ci-sso\n'
  )
})
