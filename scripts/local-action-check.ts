/**
 * End-to-end check that the official local debugger runs this action from its sources:
 *   npx local-action run . src/main.ts <.env> --post src/post.ts
 * against the emulator (emulator/cli.ts), with a .env of inputs and endpoint variables only. The approval goes
 * through the emulator's control API. Checks: exit 0, the outputs shown, the credentials exported (the log line and
 * the session the emulator issued), every secret redacted (no access key, secret key, session token or SSO token in
 * the output), and the post step signing out (the emulator's token revoked, ~/.aws emptied of what main wrote).
 *
 * Usage: npx tsx scripts/local-action-check.ts   (exits 1 with the reason on the first failed check)
 */
import { spawn, type ChildProcess } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const TIMEOUT_MS = 120_000

const INPUTS: Record<string, string> = {
  'start-url': 'https://my-sso-portal.awsapps.com/start',
  'sso-region': 'us-east-1',
  'account-id': '111122223333',
  'role-name': 'DeveloperAccess',
  region: 'us-west-2',
  'sso-session': 'my-sso',
  profile: 'my-dev-profile',
  notify: 'summary',
  // action.yml's default is the expression ${{ github.token }}, which local-action passes on literally.
  'github-token': 'ghs_localActionCheckNotARealToken000000'
}

class CheckFailed extends Error {}

function fail(message: string, output = ''): never {
  if (output)
    process.stderr.write(`--- local-action output ---\n${output}\n---\n`)
  throw new CheckFailed(message)
}

async function control(
  url: string,
  route: string,
  body?: unknown
): Promise<any> {
  const res = await fetch(
    `${url}/_control/${route}`,
    body === undefined
      ? {}
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body)
        }
  )
  if (!res.ok)
    throw new Error(
      `emulator control ${route}: HTTP ${res.status} ${await res.text()}`
    )
  return res.json()
}

function startEmulator(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'emulator', 'cli.ts'), '--port', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }
  )
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d) => {
      out += d
      const line = out.split('\n')[0]
      if (out.includes('\n')) resolve({ child, url: JSON.parse(line).url })
    })
    child.on('exit', (code) =>
      reject(
        new Error(`the emulator exited (${code}) before it printed its url`)
      )
    )
  })
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'icl-local-action-'))
const home = path.join(dir, 'home')
const summary = path.join(dir, 'summary.md')
writeFileSync(summary, '')
const emulator = await startEmulator()
let action: ChildProcess | undefined
try {
  const envFile = path.join(dir, '.env')
  const lines = [
    ...Object.entries(INPUTS).map(([k, v]) => `INPUT_${k.toUpperCase()}=${v}`),
    `AWS_ENDPOINT_URL_SSO_OIDC=${emulator.url}`,
    `AWS_ENDPOINT_URL_SSO=${emulator.url}`,
    `AWS_ENDPOINT_URL_STS=${emulator.url}`
  ]
  writeFileSync(envFile, lines.join('\n') + '\n')

  // The runner's own variables (HOME, the summary file) come from the environment, as on a runner; the .env holds
  // inputs and endpoints only. AWS_CA_BUNDLE and friends from this machine are not passed on.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    GITHUB_STEP_SUMMARY: summary,
    NO_COLOR: '1',
    FORCE_COLOR: '0'
  }
  action = spawn(
    'npx',
    [
      'local-action',
      'run',
      '.',
      'src/main.ts',
      envFile,
      '--post',
      'src/post.ts'
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }
  )
  let output = ''
  let approved = false
  const done = new Promise<number>((resolve) =>
    action!.on('exit', (code) => resolve(code ?? 1))
  )
  const onData = (d: Buffer): void => {
    output += d
    const code =
      /user_code=([A-Z0-9]{4}-[A-Z0-9]{4})|code[^A-Z0-9]*([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(
        output
      )
    if (!approved && code) {
      approved = true
      // Approve what the emulator says is pending (the link itself is opaque).
      void control(emulator.url, 'pending').then(
        (pending: { userCode: string }[]) =>
          Promise.all(
            pending.map((p) =>
              control(emulator.url, 'approve', {
                userCode: p.userCode,
                user: 'alice'
              })
            )
          )
      )
    }
  }
  action.stdout!.on('data', onData)
  action.stderr!.on('data', onData)
  const timer = setTimeout(() => {
    try {
      process.kill(-action!.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }, TIMEOUT_MS)
  const code = await done
  clearTimeout(timer)

  if (code !== 0) fail(`local-action exited ${code}`, output)
  if (!approved) fail('no device code appeared in the output', output)
  for (const heading of ['Running Action', 'Running Post Step'])
    if (!output.includes(heading)) fail(`no "${heading}" in the output`, output)
  for (const name of [
    'aws-account-id',
    'arn',
    'user-id',
    'profile',
    'expiration',
    'approved-by'
  ])
    if (!new RegExp(`::set-output name=${name}::.+`).test(output))
      fail(`output ${name} not shown`, output)
  if (!/AWS_\* credentials exported/.test(output))
    fail('the main step did not export the credentials', output)

  const tokens: {
    accessToken: string
    revoked?: boolean
    revokedAt?: number
  }[] = await control(emulator.url, 'tokens')
  const sessions: {
    accessKeyId: string
    secretAccessKey: string
    sessionToken: string
  }[] = await control(emulator.url, 'sessions')
  if (tokens.length !== 1 || sessions.length < 1)
    fail(
      `expected one SSO token and a role session, got ${tokens.length} and ${sessions.length}`,
      output
    )
  for (const s of [
    INPUTS['github-token'],
    tokens[0].accessToken,
    sessions[0].accessKeyId,
    sessions[0].secretAccessKey,
    sessions[0].sessionToken
  ])
    if (s && output.includes(s))
      fail('a secret appears unredacted in the output', output)
  if (!(tokens[0].revoked || tokens[0].revokedAt))
    fail(
      'the post step did not sign out (the SSO token is not revoked)',
      output
    )
  const left = existsSync(path.join(home, '.aws'))
    ? readdirSync(path.join(home, '.aws'), { recursive: true }).map(String)
    : []
  const files = left.filter((f) => f.endsWith('.json') || f === 'config')
  if (
    files.some(
      (f) => f === 'config' || f.includes(tokens[0].accessToken.slice(0, 6))
    )
  )
    fail(`the post step left files under ~/.aws: ${files.join(', ')}`, output)
  process.stdout.write(output + '\n')
  process.stdout.write(
    `local-action check passed: main and post ran from src/ under @github/local-action; outputs shown, credentials exported, secrets redacted, token revoked, ~/.aws cleaned (${left.length ? left.join(', ') : 'empty'})\n`
  )
} catch (error) {
  process.stderr.write(
    `local-action check FAILED: ${(error as Error).message}\n`
  )
  process.exitCode = 1
} finally {
  if (action && action.exitCode === null)
    try {
      process.kill(-action.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  emulator.child.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
}
