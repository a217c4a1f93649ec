/**
 * The approval record through the BUNDLED action and CLI: the `approval-record` output, the collapsed
 * block in the job summary and the CLI's --approval-record FILE (0600) hold the same schema, and every field is
 * checked against what the emulator saw (the approver's token, the role sessions, the AssumeRole).
 */
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  CLI,
  consumerEnv,
  DIST,
  newWorkspace,
  postEnv,
  postOf,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start
} from './runner.js'

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ interval: 1 })
})
afterAll(async () => {
  await emu.close()
})

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

test('action: the output and the job summary hold the record; its fields are what the emulator saw', async () => {
  emu.reset()
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, {
    ...SEED_INPUTS,
    'role-to-assume': 'deploy',
    'role-source-identity': 'true',
    profiles: 'ro 111122223333 ReadOnly'
  })
  env.GITHUB_RUN_ATTEMPT = '2'
  env.GITHUB_TRIGGERING_ACTOR = 'hubot'
  env.GITHUB_REF = 'refs/heads/main'
  const t0 = Date.now()
  const main = start(DIST, env)
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'bob')
  const result = await main.done
  expect(result.code).toBe(0)
  const text = readCommandFile(ws.files.output)['approval-record']
  const record = JSON.parse(text)
  const token = emu.tokens().find((t) => t.userCode === auth.userCode)!
  const [assumed] = emu.assumeRoleRequests()
  const chained = emu
    .roleSessions()
    .find((s) => s.accessKeyId === assumed.accessKeyId)!
  const ro = emu
    .roleSessions()
    .find((s) => s.roleName === 'ReadOnly' && s.user === 'bob')!
  expect(Object.keys(record)).toEqual([
    'version',
    'recordedAt',
    'approvers',
    'asked',
    'verified',
    'sourceIdentity',
    'credentialsExpireAt',
    'mode',
    'run'
  ])
  expect(record.version).toBe(1)
  expect(record.recordedAt).toMatch(ISO)
  expect(Date.parse(record.recordedAt)).toBeGreaterThanOrEqual(t0)
  expect(record.approvers).toHaveLength(1)
  expect(record.approvers[0].name).toBe(token.user)
  expect(record.approvers[0].name).toBe('bob')
  const approvedAt = Date.parse(record.approvers[0].approvedAt)
  expect(approvedAt).toBeGreaterThanOrEqual(token.issuedAt)
  expect(approvedAt).toBeLessThanOrEqual(Date.parse(record.recordedAt))
  expect(record.asked).toEqual({
    startUrl: SEED_INPUTS['start-url'],
    accountId: '111122223333',
    roleName: 'DeveloperAccess',
    chainedRoleArn: 'arn:aws:iam::111122223333:role/deploy',
    profiles: [
      {
        name: 'my-dev-profile',
        accountId: '111122223333',
        roleName: 'DeveloperAccess'
      },
      { name: 'ro', accountId: '111122223333', roleName: 'ReadOnly' }
    ]
  })
  expect(record.verified).toEqual([
    {
      profile: 'my-dev-profile',
      arn: 'arn:aws:sts::111122223333:assumed-role/deploy/bob',
      account: chained.accountId
    },
    {
      profile: 'ro',
      arn: expect.stringMatching(
        /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_ReadOnly_[0-9a-f]+\/bob$/
      ),
      account: ro.accountId
    }
  ])
  expect(record.sourceIdentity).toBe(assumed.sessionSourceIdentity)
  expect(record.sourceIdentity).toBe('bob')
  // STS's XML answer has whole seconds.
  const second = (ms: number) => Math.floor(ms / 1000) * 1000
  expect(Date.parse(record.credentialsExpireAt)).toBe(
    Math.min(second(chained.expiration), ro.expiration)
  )
  expect(record.mode.kind).toBe('until-job-end')
  expect(record.mode.whatStays).toMatch(/post step signs it out/)
  expect(record.run).toEqual({
    repository: 'acme/deploy',
    runId: '4242',
    runAttempt: 2,
    workflow: 'deploy',
    job: 'prod',
    actor: 'octocat',
    triggeringActor: 'hubot',
    sha: '0123456789abcdef0123456789abcdef01234567',
    ref: 'refs/heads/main',
    runUrl: 'https://github.com/acme/deploy/actions/runs/4242/attempts/2'
  })
  // The job summary: the same JSON in a collapsed block under the outcome.
  const summary = readFileSync(ws.files.summary, 'utf8')
  expect(summary).toContain(
    '<details><summary>Approval record (version 1): approved by bob</summary>'
  )
  expect(summary).toContain(`\`\`\`json\n${text}`)
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect(post.code).toBe(0)
})

test('a failed sign-in has no record: no output, no block in the summary', async () => {
  emu.reset()
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, SEED_INPUTS)
  const main = start(DIST, env)
  emu.deny((await emu.waitForDeviceAuthorization()).userCode)
  expect((await main.done).code).toBe(1)
  expect(readCommandFile(ws.files.output)['approval-record']).toBeUndefined()
  expect(readFileSync(ws.files.summary, 'utf8')).not.toContain(
    'Approval record'
  )
})

test('CLI: --approval-record FILE is written 0600 with the same schema; the run block from the CI variables', async () => {
  emu.reset()
  const ws = newWorkspace()
  const file = path.join(ws.dir, 'record.json')
  const child = start(
    CLI,
    {
      ...consumerEnv(ws, emu.url),
      CI: 'true',
      CI_PROJECT_PATH: 'acme/deploy',
      CI_PIPELINE_ID: '991',
      CI_JOB_NAME: 'deploy-prod',
      CI_JOB_URL: 'https://gitlab.example.com/acme/deploy/-/jobs/7',
      GITLAB_USER_LOGIN: 'octocat',
      CI_COMMIT_REF_NAME: 'main',
      CI_COMMIT_SHA: 'fedcba9876543210fedcba9876543210fedcba98'
    },
    [
      '--start-url',
      SEED_INPUTS['start-url'],
      '--sso-region',
      'us-east-1',
      '--account-id',
      '111122223333',
      '--role-name',
      'DeveloperAccess',
      '--sign-out-early',
      '--approval-record',
      file
    ]
  )
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  const result = await child.done
  expect(result.code).toBe(0)
  expect(statSync(file).mode & 0o777).toBe(0o600)
  const record = JSON.parse(readFileSync(file, 'utf8'))
  const session = emu.roleSessions().find((s) => s.user === 'alice')!
  expect(record.approvers.map((a: { name: string }) => a.name)).toEqual([
    'alice'
  ])
  expect(record.verified).toEqual([
    {
      profile: 'identity-center-login',
      arn: expect.stringMatching(
        /assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]+\/alice$/
      ),
      account: session.accountId
    }
  ])
  expect(record.sourceIdentity).toBeNull()
  expect(record.asked.chainedRoleArn).toBeNull()
  expect(Date.parse(record.credentialsExpireAt)).toBe(session.expiration)
  expect(record.mode.kind).toBe('sign-out-early')
  expect(record.run).toEqual({
    repository: 'acme/deploy',
    runId: '991',
    runAttempt: null,
    workflow: null,
    job: 'deploy-prod',
    actor: 'octocat',
    triggeringActor: null,
    sha: 'fedcba9876543210fedcba9876543210fedcba98',
    ref: 'main',
    runUrl: 'https://gitlab.example.com/acme/deploy/-/jobs/7'
  })
  // The record holds no secret of the run.
  const text = readFileSync(file, 'utf8')
  for (const t of emu.tokens()) expect(text).not.toContain(t.accessToken)
  for (const s of emu.roleSessions()) {
    expect(text).not.toContain(s.secretAccessKey)
    expect(text).not.toContain(s.sessionToken)
    expect(text).not.toContain(s.accessKeyId)
  }
})
