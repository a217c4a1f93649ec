/**
 * STS's answer is server text. An Identity Center user whose name carries a line break and a workflow command makes
 * GetCallerIdentity answer an ARN with them in it: the BUNDLED action must refuse that identity (naming what came back,
 * escaped), put no workflow command of the server's into the log, export nothing; a well-formed ARN always gives a
 * non-empty approved-by.
 */
import { readFileSync } from 'node:fs'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  DIST,
  newWorkspace,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start
} from './runner.js'

const HOSTILE = 'mallory\n::warning title=Approved::forged by the server'
const GOOD = 'jane.doe+ops@example.com'

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({
    interval: 1,
    users: [{ userName: HOSTILE }, { userName: GOOD }]
  })
})
afterAll(async () => {
  await emu.close()
})

/** Lines the runner would read as workflow commands (it trims leading blanks first). */
const commands = (stdout: string) =>
  stdout.split(/\r?\n/).filter((l) => l.trimStart().startsWith('::'))

test('an ARN with a line break and ::warning:: is refused, shown escaped; no server workflow command reaches the log', async () => {
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, SEED_INPUTS)
  const main = start(DIST, env)
  emu.approve((await emu.waitForDeviceAuthorization()).userCode, HOSTILE)
  const result = await main.done
  expect(result.code).toBe(1)
  const lines = commands(result.stdout)
  // the only commands are the action's own: no warning titled by the server, no line starting with its text
  expect(lines.filter((l) => l.includes('forged by the server'))).toEqual([
    expect.stringMatching(/^::error::/)
  ])
  expect(lines.some((l) => l.startsWith('::warning title=Approved'))).toBe(
    false
  )
  const error = lines.find((l) => l.startsWith('::error::'))!
  expect(error).toContain(
    'STS GetCallerIdentity answered an ARN that is not a well-formed assumed-role ARN'
  )
  // escaped: the line break is shown as \n inside the quoted ARN (and the command escaping keeps it on one line)
  expect(error).toContain('assumed-role/AWSReservedSSO_DeveloperAccess_')
  expect(error).toContain(
    'mallory\\n::warning title=Approved::forged by the server'
  )
  // nothing exported, no approved-by
  expect(readFileSync(ws.files.env, 'utf8')).toBe('')
  expect(readCommandFile(ws.files.output)['approved-by']).toBeUndefined()
})

test('a well-formed ARN with a name using IAM session characters gives approved-by = that name', async () => {
  const ws = newWorkspace()
  const env = runnerEnv(ws, emu.url, SEED_INPUTS)
  const main = start(DIST, env)
  emu.approve((await emu.waitForDeviceAuthorization()).userCode, GOOD)
  const result = await main.done
  expect(result.code).toBe(0)
  const outputs = readCommandFile(ws.files.output)
  expect(outputs['approved-by']).toBe(GOOD)
  expect(outputs.arn).toMatch(
    /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/jane\.doe\+ops@example\.com$/
  )
})
