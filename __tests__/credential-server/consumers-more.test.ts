/**
 * More real consumers of the server: Debian's AWS CLI v2 (2.9) and Debian's AWS SDKs for Go v1 and v2, each through the
 * container credentials provider (the primary role) and through credential_process (`--profile` of a second profile),
 * before and after the role credentials' lifetime. The Go tests are skipped where Go or Debian's SDK packages are
 * missing (as in __tests__/e2e/legacy-sso-profile.test.ts).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  serverCredentials,
  stopCredentialServer,
  type ServerAddress
} from '../../src/credential-server/client.js'
import { writeServerFile } from '../../src/credential-server/credential-process.js'
import {
  buildGoPrograms,
  goSdksMissing,
  type GoPrograms
} from '../e2e/go-sdks.js'
import {
  credentialProcessCommand,
  DEV,
  handoverFor,
  killStarted,
  PRIMARY,
  SANDBOX,
  SECOND,
  signIn,
  startServer
} from './helpers.js'

const run = promisify(execFile)
const TTL = 3
const goMissing = goSdksMissing()
if (goMissing)
  console.warn(`consumers-more.test.ts: Go SDK tests skipped: ${goMissing}`)
const goTest = goMissing ? test.skip : test

let emu: Emulator
let address: ServerAddress
let url: string
let home: string
let go: GoPrograms | undefined

beforeAll(async () => {
  const building = goMissing ? undefined : buildGoPrograms()
  emu = await startEmulator({ roleCredentialsTtl: TTL })
  const h = handoverFor(await signIn(emu), { roles: [PRIMARY, SECOND] })
  const s = await startServer(emu, h)
  address = { port: s.port, authToken: h.authToken }
  url = s.url
  home = mkdtempSync(path.join(tmpdir(), 'cs-consumers-more-'))
  const serverFile = path.join(home, 'server.json')
  await writeServerFile(serverFile, {
    port: s.port,
    authToken: h.authToken,
    pid: s.pid,
    profiles: [PRIMARY.profile, SECOND.profile]
  })
  const command = credentialProcessCommand().join(' ')
  writeFileSync(
    path.join(home, 'config'),
    `[default]\nregion = us-east-1\n\n[profile ${SECOND.profile}]\nregion = us-east-1\n` +
      `credential_process = ${command} --credential-process --server-file ${serverFile} --profile ${SECOND.profile}\n`
  )
  go = await building
}, 300_000)
afterAll(async () => {
  await stopCredentialServer(address).catch(() => undefined)
  killStarted()
  await emu.close()
  rmSync(home, { recursive: true, force: true })
})

/** Container provider variables for the primary role; without them for a --profile run. */
function env(container: boolean): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: path.join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_LOAD_CONFIG: '1',
    EMULATOR_URL: emu.url,
    ...(container
      ? {
          AWS_CONTAINER_CREDENTIALS_FULL_URI: `${url}/role/${PRIMARY.profile}`,
          AWS_CONTAINER_AUTHORIZATION_TOKEN: address.authToken
        }
      : {})
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const primaryArn = new RegExp(
  `^arn:aws:sts::${DEV}:assumed-role/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}/alice$`
)

/** Runs `consumer` now and again after the credentials it got have expired: both succeed, with different keys. */
async function acrossALifetime(
  consumer: () => Promise<{ Account: string; Arn: string }>
): Promise<{ Account: string; Arn: string }[]> {
  const first = await consumer()
  await sleep(TTL * 1000 + 200)
  const second = await consumer()
  return [first, second]
}

test('AWS CLI v2 (Debian 2.9): the primary through the container provider, a second profile through credential_process, past a lifetime', async () => {
  const aws =
    (container: boolean, ...args: string[]) =>
    async () =>
      JSON.parse(
        (
          await run(
            '/usr/bin/aws',
            [
              'sts',
              'get-caller-identity',
              '--endpoint-url',
              emu.url,
              '--output',
              'json',
              ...args
            ],
            { env: env(container), timeout: 60_000 }
          )
        ).stdout
      )
  const before = emu.roleSessions().length
  for (const out of await acrossALifetime(aws(true)))
    expect(out.Arn).toMatch(primaryArn)
  for (const out of await acrossALifetime(
    aws(false, '--profile', SECOND.profile)
  ))
    expect(out.Account).toBe(SANDBOX)
  // Each past-lifetime request was a new fetch by the server: at least two per profile.
  expect(emu.roleSessions().length - before).toBeGreaterThanOrEqual(4)
})

goTest(
  'AWS SDK for Go v1 and aws-sdk-go-v2 (Debian): the same, past a lifetime',
  async () => {
    for (const bin of [go!.v1, go!.v2]) {
      const whoami = (container: boolean, profile: string) => async () =>
        JSON.parse(
          (await run(bin, [profile], { env: env(container), timeout: 60_000 }))
            .stdout
        )
      for (const out of await acrossALifetime(whoami(true, 'default')))
        expect(out.Arn).toMatch(primaryArn)
      for (const out of await acrossALifetime(whoami(false, SECOND.profile)))
        expect(out.Account).toBe(SANDBOX)
    }
    expect((await serverCredentials(address, PRIMARY.profile)).AccountId).toBe(
      DEV
    )
  }
)
