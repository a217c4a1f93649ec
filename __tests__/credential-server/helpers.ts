/**
 * Test helpers for the credential server: a sign-in at the emulator through the real SDK, a handover, the server
 * started as a real detached process (from the sources through tsx; STARTS_FROM_DIST=1 uses dist/credential-server.js),
 * raw HTTP requests with any header, and a sweep that kills every server a test started.
 */
import { request } from 'node:http'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Emulator } from '../../emulator/server.js'
import { login, oidcClient } from '../emulator/helpers.js'
import {
  newAuthToken,
  HANDOVER_VERSION,
  type Handover,
  type ServedRole
} from '../../src/credential-server/handover.js'
import {
  startCredentialServer,
  type StartedServer,
  type StartOptions
} from '../../src/credential-server/spawn.js'

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..'
)
const TSX_LOADER = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')
export const DIST_LAUNCHER = path.join(ROOT, 'dist', 'credential-server.js')

/** The server's command: from the sources through tsx, or the bundle when CREDENTIAL_SERVER_FROM_DIST=1. */
export function serverCommand(): { file: string; args: string[] } {
  if (process.env.CREDENTIAL_SERVER_FROM_DIST === '1') {
    if (!existsSync(DIST_LAUNCHER)) throw new Error('run npm run build first')
    return { file: process.execPath, args: [DIST_LAUNCHER] }
  }
  return {
    file: process.execPath,
    args: [
      '--import',
      TSX_LOADER,
      path.join(ROOT, '__tests__', 'credential-server', 'server-main.ts')
    ]
  }
}

/** The credential_process command line (before its flags): dist/cli.js, or the sources through tsx. */
export function credentialProcessCommand(): string[] {
  if (process.env.CREDENTIAL_SERVER_FROM_DIST === '1')
    return [process.execPath, path.join(ROOT, 'dist', 'cli.js')]
  return [
    process.execPath,
    '--import',
    TSX_LOADER,
    path.join(
      ROOT,
      '__tests__',
      'credential-server',
      'credential-process-main.ts'
    )
  ]
}

/** The server's environment, built explicitly: the emulator for every AWS endpoint, nothing else of AWS's. */
export function serverEnv(emu: Emulator): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ENDPOINT_URL: emu.url,
    IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS: '5000'
  }
}

export interface SignIn {
  accessToken: string
  refreshToken?: string
  clientId: string
  clientSecret: string
}

export async function signIn(
  emu: Emulator,
  user = 'alice',
  scopes: string[] | null = ['sso:account:access']
): Promise<SignIn> {
  const oidc = oidcClient(emu.url)
  try {
    return await login(emu, oidc, user, scopes)
  } finally {
    oidc.destroy()
  }
}

export const DEV = '111122223333'
export const SANDBOX = '777788889999'

export const PRIMARY: ServedRole = {
  profile: 'dev',
  accountId: DEV,
  roleName: 'DeveloperAccess'
}
export const SECOND: ServedRole = {
  profile: 'sandbox-ro',
  accountId: SANDBOX,
  roleName: 'ReadOnly'
}
export const CHAINED: ServedRole = {
  profile: 'deploy',
  accountId: DEV,
  roleName: 'DeveloperAccess',
  chain: {
    spec: {
      roleArn: `arn:aws:iam::${DEV}:role/deploy`,
      durationSeconds: 900,
      policyArns: [],
      skipSessionTagging: false,
      transitiveTagKeys: ['Repository']
    },
    sessionName: 'alice',
    tags: [
      { Key: 'GitHub', Value: 'Actions' },
      { Key: 'Repository', Value: 'octo/app' }
    ],
    sourceIdentity: 'alice'
  }
}

export function handoverFor(
  s: SignIn,
  overrides: Partial<Handover> = {}
): Handover {
  return {
    version: HANDOVER_VERSION,
    ssoRegion: 'us-east-1',
    region: 'us-east-1',
    token: {
      accessToken: s.accessToken,
      expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
      ...(s.refreshToken ? { refreshToken: s.refreshToken } : {})
    },
    registration: {
      clientId: s.clientId,
      clientSecret: s.clientSecret,
      expiresAt: new Date(Date.now() + 86400_000).toISOString()
    },
    roles: [PRIMARY, SECOND, CHAINED],
    primary: PRIMARY.profile,
    authToken: newAuthToken(),
    watchPid: process.pid,
    ...overrides
  }
}

const started: StartedServer[] = []

export async function startServer(
  emu: Emulator,
  handover: Handover,
  options: StartOptions = {}
): Promise<StartedServer> {
  const server = await startCredentialServer(handover, {
    command: serverCommand(),
    env: serverEnv(emu),
    timeoutMs: 20_000,
    ...options
  })
  started.push(server)
  return server
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Kill every server this file started that still runs. */
export function killStarted(): void {
  for (const s of started.splice(0))
    if (alive(s.pid))
      try {
        process.kill(-s.pid, 'SIGKILL')
      } catch {
        // gone
      }
}

export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000
): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

export interface RawAnswer {
  status: number
  body: any
  text: string
}

/** One request with exactly these headers (Host included when given), and an optional body. */
export function raw(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers,
        setHost: !headers.host
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: any
          try {
            parsed = JSON.parse(text)
          } catch {
            parsed = undefined
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, text })
        })
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Permission-set sessions the emulator issued (GetRoleCredentials), for one account and role. */
export function portalFetches(
  emu: Emulator,
  accountId: string,
  roleName: string
): number {
  return emu
    .roleSessions()
    .filter(
      (s) =>
        !s.assumedRole && s.accountId === accountId && s.roleName === roleName
    ).length
}
