/**
 * Real consumers reading the server through the container credentials provider, past a credential lifetime, each in
 * ONE process (so the refresh is the SDK's own): botocore, the AWS CLI v1, the JS SDK's default chain; and the AWS CLI
 * v1 through credential_process for a second profile. Environments are built explicitly: no AWS_ACCESS_KEY_ID, no
 * AWS_CA_BUNDLE, STS at the emulator.
 */
import { execFile } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  credentialServerReport,
  stopCredentialServer,
  type ServerAddress
} from '../../src/credential-server/client.js'
import { writeServerFile } from '../../src/credential-server/credential-process.js'
import {
  CHAINED,
  credentialProcessCommand,
  DEV,
  handoverFor,
  killStarted,
  PRIMARY,
  ROOT,
  SANDBOX,
  SECOND,
  signIn,
  startServer
} from './helpers.js'

const run = promisify(execFile)
const TTL = 4
let emu: Emulator
let address: ServerAddress
let url: string
let home: string

beforeAll(async () => {
  emu = await startEmulator({ roleCredentialsTtl: TTL, assumedRoleTtl: TTL })
  const h = handoverFor(await signIn(emu))
  const s = await startServer(emu, h)
  address = { port: s.port, authToken: h.authToken }
  url = s.url
  home = mkdtempSync(path.join(tmpdir(), 'cs-consumers-'))
})
afterAll(async () => {
  await stopCredentialServer(address).catch(() => undefined)
  killStarted()
  await emu.close()
  rmSync(home, { recursive: true, force: true })
})

function consumerEnv(profile = PRIMARY.profile): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: `${url}/role/${profile}`,
    AWS_CONTAINER_AUTHORIZATION_TOKEN: address.authToken,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_STS: emu.url,
    AWS_CONFIG_FILE: path.join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true'
  }
}

/** Access key ids the emulator issued (portal or AssumeRole). */
const issued = (): Set<string> =>
  new Set(emu.roleSessions().map((s) => s.accessKeyId))

const BOTOCORE_SCRIPT = `
import sys, time, botocore.session
s = botocore.session.get_session()
sts = s.create_client('sts')
for i in range(2):
    ident = sts.get_caller_identity()
    creds = s.get_credentials().get_frozen_credentials()
    print(ident['Arn'], creds.access_key, flush=True)
    if i == 0:
        time.sleep(float(sys.argv[1]))
`

describe('through the container credentials provider, past a credential lifetime', () => {
  test('botocore (one process): the primary role, then again after its credentials expired', async () => {
    const { stdout } = await run(
      'python3',
      ['-c', BOTOCORE_SCRIPT, String(TTL + 1)],
      {
        env: consumerEnv(),
        timeout: 60_000
      }
    )
    const lines = stdout.trim().split('\n')
    expect(lines).toHaveLength(2)
    for (const line of lines)
      expect(line).toMatch(
        new RegExp(
          `^arn:aws:sts::${DEV}:assumed-role/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}/alice ASIA`
        )
      )
    // The second call used new credentials from the server (the first ones had expired).
    expect(lines[0].split(' ')[1]).not.toBe(lines[1].split(' ')[1])
    for (const line of lines)
      expect(issued().has(line.split(' ')[1])).toBe(true)
  })

  test('AWS CLI v1: sts get-caller-identity as the primary role and as the chained role', async () => {
    const { stdout } = await run(
      'python3',
      ['-m', 'awscli', 'sts', 'get-caller-identity', '--output', 'json'],
      {
        env: consumerEnv(),
        timeout: 60_000
      }
    )
    expect(JSON.parse(stdout).Account).toBe(DEV)
    const chained = await run(
      'python3',
      ['-m', 'awscli', 'sts', 'get-caller-identity', '--output', 'json'],
      {
        env: consumerEnv(CHAINED.profile),
        timeout: 60_000
      }
    )
    expect(JSON.parse(chained.stdout).Arn).toBe(
      `arn:aws:sts::${DEV}:assumed-role/deploy/alice`
    )
  })

  test("the JS SDK's default chain (fromNodeProviderChain, one process): before and after expiry", async () => {
    const script = `
      import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
      import { fromNodeProviderChain } from '@aws-sdk/credential-providers'
      const client = new STSClient({ credentials: fromNodeProviderChain() })
      for (let i = 0; i < 2; i++) {
        const out = await client.send(new GetCallerIdentityCommand({}))
        const creds = await client.config.credentials()
        console.log(out.Arn, creds.accessKeyId)
        if (i === 0) await new Promise((r) => setTimeout(r, ${(TTL + 1) * 1000}))
      }
    `
    const { stdout } = await run(
      process.execPath,
      ['--input-type=module', '-e', script],
      {
        env: consumerEnv(CHAINED.profile),
        cwd: ROOT,
        timeout: 60_000
      }
    )
    const lines = stdout.trim().split('\n')
    expect(lines).toHaveLength(2)
    for (const line of lines)
      expect(line).toMatch(
        new RegExp(`^arn:aws:sts::${DEV}:assumed-role/deploy/alice ASIA`)
      )
    expect(lines[0].split(' ')[1]).not.toBe(lines[1].split(' ')[1])
  })

  test('botocore shows the server\u2019s error message (wrong token)', async () => {
    const env = { ...consumerEnv(), AWS_CONTAINER_AUTHORIZATION_TOKEN: 'wrong' }
    const error: any = await run(
      'python3',
      ['-m', 'awscli', 'sts', 'get-caller-identity'],
      { env, timeout: 60_000 }
    ).catch((e) => e)
    expect(error.code).toBe(255)
    expect(error.stderr).toContain(
      'Received non 200 response 401 from container metadata'
    )
    expect(error.stderr).toContain('missing or wrong authorization token')
  })
})

describe('credential_process (a 0600 server file with the port and the authorization token only)', () => {
  let serverFile: string

  beforeAll(async () => {
    serverFile = path.join(home, 'server.json')
    await writeServerFile(serverFile, {
      port: address.port,
      authToken: address.authToken,
      pid: (await credentialServerReport(address)).pid,
      profiles: [PRIMARY.profile, SECOND.profile, CHAINED.profile]
    })
    const command = credentialProcessCommand()
      .map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a))
      .join(' ')
    writeFileSync(
      path.join(home, 'config'),
      [SECOND.profile, CHAINED.profile]
        .map(
          (p) =>
            `[profile ${p}]\ncredential_process = ${command} --credential-process --server-file ${serverFile} --profile ${p}\nregion = us-east-1\n`
        )
        .join('\n')
    )
  })

  test('the server file is 0600 and holds no SSO secret', async () => {
    const { statSync, readFileSync } = await import('node:fs')
    expect(statSync(serverFile).mode & 0o777).toBe(0o600)
    const text = readFileSync(serverFile, 'utf8')
    expect(Object.keys(JSON.parse(text)).sort()).toEqual([
      'authToken',
      'pid',
      'port',
      'profiles'
    ])
    for (const t of emu.tokens()) expect(text).not.toContain(t.accessToken)
  })

  test('it prints the Version 1 JSON', async () => {
    const [file, ...args] = credentialProcessCommand()
    const { stdout } = await run(
      file,
      [
        ...args,
        '--credential-process',
        '--server-file',
        serverFile,
        '--profile',
        SECOND.profile
      ],
      {
        env: { PATH: process.env.PATH },
        timeout: 30_000
      }
    )
    const out = JSON.parse(stdout)
    expect(Object.keys(out).sort()).toEqual(
      [
        'AccessKeyId',
        'Expiration',
        'SecretAccessKey',
        'SessionToken',
        'Version'
      ].sort()
    )
    expect(out.Version).toBe(1)
  })

  test('AWS CLI v1 --profile: a second profile and the chained role', async () => {
    const env = { ...consumerEnv() }
    delete env.AWS_CONTAINER_CREDENTIALS_FULL_URI
    delete env.AWS_CONTAINER_AUTHORIZATION_TOKEN
    const ro = await run(
      'python3',
      [
        '-m',
        'awscli',
        'sts',
        'get-caller-identity',
        '--profile',
        SECOND.profile,
        '--output',
        'json'
      ],
      { env, timeout: 60_000 }
    )
    expect(JSON.parse(ro.stdout).Account).toBe(SANDBOX)
    const deploy = await run(
      'python3',
      [
        '-m',
        'awscli',
        'sts',
        'get-caller-identity',
        '--profile',
        CHAINED.profile,
        '--output',
        'json'
      ],
      { env, timeout: 60_000 }
    )
    expect(JSON.parse(deploy.stdout).Arn).toBe(
      `arn:aws:sts::${DEV}:assumed-role/deploy/alice`
    )
  })

  test('errors: an unknown profile, a file readable by others, exit 1 with the reason', async () => {
    const [file, ...args] = credentialProcessCommand()
    const unknown: any = await run(
      file,
      [
        ...args,
        '--credential-process',
        '--server-file',
        serverFile,
        '--profile',
        'nope'
      ],
      { env: { PATH: process.env.PATH } }
    ).catch((e) => e)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('serves no profile "nope"')
    const loose = path.join(home, 'loose.json')
    writeFileSync(loose, '{}')
    chmodSync(loose, 0o644)
    const open: any = await run(
      file,
      [
        ...args,
        '--credential-process',
        '--server-file',
        loose,
        '--profile',
        SECOND.profile
      ],
      { env: { PATH: process.env.PATH } }
    ).catch((e) => e)
    expect(open.code).toBe(1)
    expect(open.stderr).toContain('must be 0600')
  })

  test('the sign-in ended, then the server gone: exit 1 with the server’s message, then "not running"', async () => {
    const [file, ...args] = credentialProcessCommand()
    const argv = [
      ...args,
      '--credential-process',
      '--server-file',
      serverFile,
      '--profile',
      SECOND.profile
    ]
    emu.endSessions('alice')
    await new Promise((r) => setTimeout(r, TTL * 1000))
    const ended: any = await run(file, argv, {
      env: { PATH: process.env.PATH }
    }).catch((e) => e)
    expect(ended.code).toBe(1)
    expect(ended.stderr).toMatch(
      /SessionRevoked: the SSO access token could not be refreshed at \S+: the refresh token was refused/
    )
    await stopCredentialServer(address)
    const gone: any = await run(file, argv, {
      env: { PATH: process.env.PATH }
    }).catch((e) => e)
    expect(gone.code).toBe(1)
    expect(gone.stderr).toContain(
      'the credential server is not running (connection refused)'
    )
  })
})
