/**
 * Real consumers judge the files the action wrote: botocore / AWS CLI v1 and the JS SDK's fromSSO
 * use the profile and the token cache with no second login.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  consumerEnv,
  DIST,
  newWorkspace,
  ROOT,
  runnerEnv,
  SEED_INPUTS,
  start,
  type Workspace
} from './runner.js'
import { pythonExe, cliV1IdentityArgs } from '../aws-files/helpers/python.js'

const run = promisify(execFile)
let emu: Emulator
let ws: Workspace

beforeAll(async () => {
  emu = await startEmulator({ interval: 1 })
  ws = newWorkspace()
  const main = start(
    DIST,
    runnerEnv(ws, emu.url, {
      ...SEED_INPUTS,
      'keep-session': 'true',
      profiles: 'prod-readonly 444455556666 ReadOnly eu-west-1'
    })
  )
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  if (result.code !== 0)
    throw new Error(`action failed:\n${result.stdout}\n${result.stderr}`)
})
afterAll(async () => {
  await emu.close()
})

const devicesBefore = () => emu.stats().deviceAuthorizations

test.each([
  ['my-dev-profile', '111122223333'],
  ['prod-readonly', '444455556666']
])(
  'botocore (python3 -m awscli) uses profile %s from the shared sso-session, no new login',
  async (profile, account) => {
    const before = devicesBefore()
    const { stdout } = await run(pythonExe(), cliV1IdentityArgs(profile), {
      env: consumerEnv(ws, emu.url)
    })
    const identity = JSON.parse(stdout)
    expect(identity.Account).toBe(account)
    expect(identity.Arn).toMatch(
      new RegExp(
        `^arn:aws:sts::${account}:assumed-role/AWSReservedSSO_\\w+_[0-9a-f]{16}/alice$`
      )
    )
    expect(devicesBefore()).toBe(before)
  }
)

test('botocore reads the profile settings aws configure sso would have written', async () => {
  const env = consumerEnv(ws, emu.url)
  const get = async (key: string) =>
    (
      await run(
        pythonExe(),
        [
          '-m',
          'awscli',
          'configure',
          'get',
          key,
          '--profile',
          'my-dev-profile'
        ],
        { env }
      )
    ).stdout.trim()
  expect(await get('sso_session')).toBe('my-sso')
  expect(await get('sso_account_id')).toBe('111122223333')
  expect(await get('region')).toBe('us-west-2')
})

test('the JS SDK fromSSO({ profile }) resolves credentials from the same files', async () => {
  const before = devicesBefore()
  const script = `
    import { fromSSO } from '@aws-sdk/credential-providers'
    import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
    const credentials = fromSSO({ profile: 'my-dev-profile' })
    const sts = new STSClient({ region: 'us-west-2', credentials })
    const id = await sts.send(new GetCallerIdentityCommand({}))
    console.log(JSON.stringify({ account: id.Account, arn: id.Arn }))
  `
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', script],
    { env: consumerEnv(ws, emu.url), cwd: ROOT }
  )
  const id = JSON.parse(stdout.trim().split('\n').pop()!)
  expect(id.account).toBe('111122223333')
  expect(id.arn).toMatch(/\/alice$/)
  expect(devicesBefore()).toBe(before)
})
