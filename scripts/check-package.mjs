#!/usr/bin/env node
// The npm package as a user of another CI gets it: `npm pack`, install the tarball into an empty prefix without the
// registry (it has no dependencies: dist/ is self-contained), then sign in against the emulator with the installed
// `identity-center-login` command, run from an empty folder, and check the credentials it prints.
// Runs on whichever `node` is first in PATH (.ci/run calls it on Node 24 and 22). Exits non-zero on any failure.
// Usage: node scripts/check-package.mjs
import { spawn, execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
const work = mkdtempSync(path.join(tmpdir(), 'icl-package-'))
const children = []

function fail(message) {
  throw new Error(message)
}

/** Only what runs: dist/, README.md, LICENSE and package.json (npm always adds it). */
function checkFiles(files) {
  const allowed = (f) =>
    f.startsWith('dist/') ||
    ['README.md', 'LICENSE', 'package.json'].includes(f)
  const extra = files.filter((f) => !allowed(f))
  if (extra.length)
    fail(`the tarball carries files that do not run: ${extra.join(', ')}`)
  for (const needed of [
    'dist/cli.js',
    'dist/index.js',
    'dist/package.json',
    'README.md',
    'LICENSE'
  ]) {
    if (!files.includes(needed)) fail(`the tarball lacks ${needed}`)
  }
}

/** Runs `command args`, collecting its output; resolves with {code, stdout, stderr}. */
function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    children.push(child)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code, signal) =>
      resolve({ code: code ?? signal, stdout, stderr })
    )
  })
}

/** Starts the emulator (dev tool of this repository, run through tsx) and resolves with its base URL. */
function startEmulator() {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(ROOT, 'emulator', 'cli.ts'),
        '--port',
        '0',
        '--interval',
        '1'
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
        stdio: ['ignore', 'pipe', 'inherit']
      }
    )
    children.push(child)
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
      const line = out.split('\n')[0]
      if (out.includes('\n')) resolve(JSON.parse(line).url)
    })
    child.on('exit', (code) =>
      reject(
        new Error(`the emulator exited (${code}) before it printed its URL`)
      )
    )
  })
}

async function control(base, route, body) {
  const response = await fetch(
    `${base}/_control/${route}`,
    body
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body)
        }
      : {}
  )
  if (!response.ok)
    fail(
      `emulator /_control/${route}: HTTP ${response.status} ${await response.text()}`
    )
  return response.json()
}

async function main() {
  console.log(`node ${process.version}`)

  // 1. Pack.
  const packDir = path.join(work, 'pack')
  mkdirSync(packDir)
  const [packed] = JSON.parse(
    execFileSync(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir],
      { cwd: ROOT, encoding: 'utf8' }
    )
  )
  const tarball = path.join(packDir, packed.filename)
  checkFiles(packed.files.map((f) => f.path))
  console.log(
    `tarball ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.files.length} files`
  )
  if (pkg.dependencies && Object.keys(pkg.dependencies).length)
    fail(
      `package.json declares runtime dependencies: ${Object.keys(pkg.dependencies).join(', ')}`
    )

  // 2. Install into an empty prefix, offline, with an unreachable registry: nothing may come from the network.
  const prefix = path.join(work, 'prefix')
  mkdirSync(prefix)
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      prefix,
      '--offline',
      '--registry',
      'http://127.0.0.1:9/',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      tarball
    ],
    { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] }
  )
  const installed = readdirSync(path.join(prefix, 'node_modules')).filter(
    (n) => !n.startsWith('.')
  )
  if (installed.join() !== 'identity-center-login')
    fail(`the install brought more than the package: ${installed.join(', ')}`)
  const bin = path.join(prefix, 'node_modules', '.bin', 'identity-center-login')
  if (!existsSync(bin)) fail(`npm linked no ${bin}`)

  // 3. Run it from an empty folder with an environment built from scratch (no AWS_* of this machine).
  const cwd = path.join(work, 'empty')
  const home = path.join(work, 'home')
  mkdirSync(cwd)
  mkdirSync(home)
  const version = await run(bin, ['--version'], {
    cwd,
    env: { PATH: process.env.PATH }
  })
  if (version.code !== 0 || version.stdout !== `${pkg.version}\n`)
    fail(
      `--version printed ${JSON.stringify(version.stdout)} (exit ${version.code}), not ${pkg.version}`
    )
  console.log(`identity-center-login --version: ${version.stdout.trim()}`)

  const emulator = await startEmulator()
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    CI: 'true',
    AWS_ENDPOINT_URL_SSO: emulator,
    AWS_ENDPOINT_URL_SSO_OIDC: emulator,
    AWS_ENDPOINT_URL_STS: emulator,
    AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true'
  }
  const flags = [
    '--start-url',
    'https://my-sso-portal.awsapps.com/start',
    '--sso-region',
    'us-east-1',
    '--account-id',
    '111122223333',
    '--role-name',
    'DeveloperAccess',
    '--region',
    'us-west-2',
    '--profile',
    'packaged',
    '--format',
    'json'
  ]
  const login = run(bin, flags, { cwd, env })
  const auth = await control(emulator, 'wait?timeoutMs=30000')
  await control(emulator, 'approve', { userCode: auth.userCode, user: 'alice' })
  const result = await login
  if (result.code !== 0)
    fail(`the installed CLI exited ${result.code}:\n${result.stderr}`)
  if (!result.stderr.includes(auth.userCode))
    fail('the CLI did not show the user code on stderr')
  const out = JSON.parse(result.stdout)
  const sessions = await control(emulator, 'sessions')
  const issued = sessions.find(
    (s) => s.accessKeyId === out.credentials.accessKeyId
  )
  if (
    !issued ||
    issued.secretAccessKey !== out.credentials.secretAccessKey ||
    issued.sessionToken !== out.credentials.sessionToken
  ) {
    fail('the credentials printed are not the ones the emulator issued')
  }
  if (
    issued.user !== 'alice' ||
    issued.accountId !== '111122223333' ||
    issued.roleName !== 'DeveloperAccess'
  )
    fail(
      `wrong role session: ${JSON.stringify({ ...issued, secretAccessKey: '…', sessionToken: '…' })}`
    )
  if (
    out.approvedBy !== 'alice' ||
    out.accountId !== '111122223333' ||
    out.profile !== 'packaged'
  )
    fail(
      `unexpected output: approvedBy ${out.approvedBy}, account ${out.accountId}, profile ${out.profile}`
    )
  const config = readFileSync(path.join(home, '.aws', 'config'), 'utf8')
  if (!config.includes('[profile packaged]'))
    fail('~/.aws/config has no [profile packaged]')
  const cache = path.join(home, '.aws', 'sso', 'cache')
  const tokens = readdirSync(cache).filter((f) => f.endsWith('.json'))
  if (!tokens.length) fail('no SSO token cache was written')
  for (const f of tokens)
    if ((statSync(path.join(cache, f)).mode & 0o777) !== 0o600)
      fail(`${f} is not 0600`)
  console.log(
    `signed in with the installed command: ${out.arn} (approved by ${out.approvedBy}), credentials verified against the emulator`
  )
}

let code = 0
try {
  await main()
  console.log('package check passed')
} catch (error) {
  console.error(
    `package check failed: ${error instanceof Error ? error.message : error}`
  )
  code = 1
} finally {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null)
      child.kill('SIGTERM')
  if (code === 0 || !process.env.KEEP_PACKAGE_TMP)
    rmSync(work, { recursive: true, force: true })
  else console.error(`kept ${work}`)
}
process.exit(code)
