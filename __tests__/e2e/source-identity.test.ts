/**
 * role-source-identity through the BUNDLED action: the chained AssumeRole carries STS SourceIdentity =
 * the approver, the profile holds the chained session itself (a role_arn profile cannot send one), and a trust policy
 * without sts:SetSourceIdentity is refused as STS refuses it: the step fails naming what to add, the sign-in is
 * revoked, nothing is written or exported.
 */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  consumerEnv,
  DIST,
  ROOT,
  newWorkspace,
  postEnv,
  postOf,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start
} from './runner.js'

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
const aws = (home: string, name: string) => path.join(home, '.aws', name)
const read = (file: string) =>
  existsSync(file) ? readFileSync(file, 'utf8') : ''

test('the chained session carries SourceIdentity = the approver; the profile holds that session itself', async () => {
  emu.reset()
  const { ws, env, result } = await login(
    { 'role-to-assume': 'deploy', 'role-source-identity': 'true' },
    'bob'
  )
  expect(result.code).toBe(0)
  const records = emu.assumeRoleRequests()
  expect(records).toHaveLength(1)
  expect(records[0]).toMatchObject({
    roleArn: 'arn:aws:iam::111122223333:role/deploy',
    sourceIdentity: 'bob',
    sessionSourceIdentity: 'bob',
    outcome: 'ok'
  })
  expect(result.stdout).toContain(
    'role-to-assume: chained to arn:aws:sts::111122223333:assumed-role/deploy/bob (session name bob'
  )
  expect(result.stdout).toMatch(/, source identity bob\)/)
  // No role_arn profile: botocore and the CLIs could not send the source identity when re-assuming.
  const config = read(aws(ws.home, 'config'))
  expect(config).not.toContain('role_arn')
  const credentials = read(aws(ws.home, 'credentials'))
  expect(credentials).toContain('[my-dev-profile]')
  expect(credentials).toContain(records[0].accessKeyId!)
  expect(readCommandFile(ws.files.output).arn).toBe(
    'arn:aws:sts::111122223333:assumed-role/deploy/bob'
  )
  // A consumer of the profile (the JS SDK's credential chain) reaches the chained session without re-assuming the
  // role: no session of the role exists without the source identity.
  const script = `
    import { fromNodeProviderChain } from '@aws-sdk/credential-providers'
    import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
    const sts = new STSClient({ region: 'us-west-2', credentials: fromNodeProviderChain() })
    console.log((await sts.send(new GetCallerIdentityCommand({}))).Arn)
  `
  const sdk = await run(
    process.execPath,
    ['--input-type=module', '-e', script],
    {
      env: {
        ...consumerEnv(ws, emu.url, {
          AWS_SHARED_CREDENTIALS_FILE: aws(ws.home, 'credentials')
        }),
        AWS_PROFILE: 'my-dev-profile'
      },
      cwd: ROOT
    }
  )
  expect(sdk.stdout.trim()).toBe(
    'arn:aws:sts::111122223333:assumed-role/deploy/bob'
  )
  expect(
    emu.assumeRoleRequests().map((r) => [r.sourceIdentity, r.outcome])
  ).toEqual([['bob', 'ok']])
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect(post.code).toBe(0)
  expect(emu.tokens().every((t) => t.revoked)).toBe(true)
})

test('a trust policy without sts:SetSourceIdentity: the step fails saying what to add, revokes the sign-in, writes nothing', async () => {
  emu.reset()
  const { ws, env, result, auth } = await login({
    'role-to-assume': 'unaudited',
    'role-source-identity': 'true'
  })
  expect(result.code).toBe(1)
  const errors = result.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
  expect(errors).toHaveLength(1)
  expect(errors[0]).toContain(
    "could not assume role arn:aws:iam::111122223333:role/unaudited with a source identity: the role's trust policy does not allow sts:SetSourceIdentity"
  )
  expect(errors[0]).toContain(
    '"Action": ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"]'
  )
  expect(errors[0]).toMatch(/Nothing was written or exported/)
  expect(emu.assumeRoleRequests().map((r) => r.outcome)).toEqual([
    'AccessDenied'
  ])
  expect(emu.tokens().find((t) => t.userCode === auth.userCode)!.revoked).toBe(
    true
  )
  expect(read(ws.files.env)).toBe('')
  expect(readCommandFile(ws.files.output).arn).toBeUndefined()
  expect(existsSync(aws(ws.home, 'config'))).toBe(false)
  expect(existsSync(aws(ws.home, 'credentials'))).toBe(false)
  const cache = path.join(ws.home, '.aws', 'sso', 'cache')
  expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([])
  const post = await start(postOf(DIST), postEnv(ws, env)).done
  expect(post.code).toBe(0)
})
