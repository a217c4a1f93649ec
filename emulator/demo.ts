/**
 * npm run demo: the whole story on one machine. Starts the IAM Identity Center emulator, runs the bundled action
 * (dist/index.js) as a GitHub runner would, prints the link to approve (or approves by itself with --auto-approve
 * or when stdin is not a terminal), then shows the files written, the verified identity, and the post step's cleanup.
 */
import { spawn } from 'node:child_process'
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startEmulator } from './server.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const autoApprove =
  process.argv.includes('--auto-approve') || !process.stdin.isTTY
const dir = mkdtempSync(path.join(tmpdir(), 'identity-center-login-demo-'))
const home = path.join(dir, 'home')
const files = {
  output: 'output',
  env: 'env',
  state: 'state',
  summary: 'summary.md'
}
for (const f of Object.values(files)) writeFileSync(path.join(dir, f), '')

const emu = await startEmulator({ interval: 1 })
const inputs: Record<string, string> = {
  'start-url': 'https://my-sso-portal.awsapps.com/start',
  'sso-region': 'us-east-1',
  'account-id': '111122223333',
  'role-name': 'DeveloperAccess',
  region: 'us-west-2',
  'sso-session': 'my-sso',
  profile: 'my-dev-profile',
  notify: 'summary'
}
const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: home,
  USERPROFILE: home,
  GITHUB_ACTIONS: 'true',
  GITHUB_OUTPUT: path.join(dir, files.output),
  GITHUB_ENV: path.join(dir, files.env),
  GITHUB_STATE: path.join(dir, files.state),
  GITHUB_STEP_SUMMARY: path.join(dir, files.summary),
  GITHUB_REPOSITORY: 'acme/deploy',
  GITHUB_WORKFLOW: 'deploy',
  GITHUB_JOB: 'demo',
  GITHUB_RUN_ID: '1',
  GITHUB_ACTOR: process.env.USER || 'you',
  GITHUB_EVENT_NAME: 'workflow_dispatch',
  GITHUB_REF_NAME: 'main',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  AWS_ENDPOINT_URL_SSO_OIDC: emu.url,
  AWS_ENDPOINT_URL_SSO: emu.url,
  AWS_ENDPOINT_URL_STS: emu.url
}
for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v

const say = (s = '') => process.stdout.write(`${s}\n`)
say(`IAM Identity Center emulator on ${emu.url}; HOME for this demo: ${home}`)
say('Running dist/index.js as a GitHub runner would…\n')

/**
 * A line of the step's stdout as a person reads it on GitHub: workflow commands that only talk to the runner
 * (add-mask, save-state, set-output, debug …) are left out, and an annotation (`::notice title=T::message`, its
 * data percent-encoded) is shown as its title and decoded message, not as the raw command.
 */
function asRead(line: string): string | undefined {
  if (!line) return undefined
  const command = /^::([\w-]+)(?: ([^:]*))?::(.*)$/.exec(line)
  if (!command) return line
  const [, name, props = '', data] = command
  if (!['notice', 'warning', 'error'].includes(name)) return undefined
  // As the runner decodes them: data escapes %, CR and LF; properties also : and ,.
  const decodeData = (v: string) =>
    v.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  const decodeProperty = (v: string) =>
    decodeData(v.replace(/%3A/g, ':').replace(/%2C/g, ','))
  const title = /(?:^|,)title=([^,]*)/.exec(props)?.[1]
  return `[${name}] ${title ? `${decodeProperty(title)}: ` : ''}${decodeData(data)}`
}

function step(
  extraEnv: NodeJS.ProcessEnv = {},
  entry = 'index.js'
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--no-warnings', path.join(root, 'dist', entry)],
      { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'inherit'] }
    )
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) {
        const shown = asRead(line)
        if (shown !== undefined) say(`  │ ${shown}`)
      }
    })
    child.on('close', (code) => resolve(code ?? 1))
  })
}

const main = step()
// The main step can fail before any code is issued (bad input, a missing dist/): then there is nothing to approve.
const issued = emu.waitForDeviceAuthorization(15_000).catch(() => undefined)
const auth = await Promise.race([issued, main.then(() => undefined)])
if (!auth) {
  say(
    '\n(the main step ended before a device code was issued: nothing to approve)'
  )
} else if (autoApprove) {
  say(
    `\n(approving ${auth.userCode} as alice, as an approver would on the page)\n`
  )
  setTimeout(() => {
    try {
      emu.approve(auth.userCode, 'alice')
    } catch (error) {
      say(`(could not approve ${auth.userCode}: ${(error as Error).message})`)
    }
  }, 1500)
} else {
  say(
    `\n>>> Open ${auth.verificationUriComplete} in a browser, enter the code ${auth.userCode} and click "Confirm and allow access" (or "Deny access"). <<<\n`
  )
}
const code = await main
say(`\nmain step exit code: ${code}`)
if (code === 0) {
  say(
    `\n~/.aws/config:\n${readFileSync(path.join(home, '.aws', 'config'), 'utf8')}`
  )
  const cacheDir = path.join(home, '.aws', 'sso', 'cache')
  for (const f of readdirSync(cacheDir)) {
    const json = JSON.parse(readFileSync(path.join(cacheDir, f), 'utf8'))
    const shown = Object.fromEntries(
      Object.entries(json).map(([k, v]) => [
        k,
        /token|secret/i.test(k) ? '***' : v
      ])
    )
    say(`~/.aws/sso/cache/${f}: ${JSON.stringify(shown)}`)
  }
  const outputs = [
    ...readFileSync(env.GITHUB_OUTPUT!, 'utf8').matchAll(
      /^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/gm
    )
  ].map((m) => `  ${m[1]} = ${m[3]}`)
  say(`\noutputs:\n${outputs.join('\n')}\n`)
  const identity = await new Promise<string>((resolve) => {
    const c = spawn(
      'python3',
      [
        '-m',
        'awscli',
        'sts',
        'get-caller-identity',
        '--profile',
        'my-dev-profile'
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: home,
          AWS_ENDPOINT_URL_SSO: emu.url,
          AWS_ENDPOINT_URL_STS: emu.url
        }
      }
    )
    let out = ''
    c.stdout.on('data', (d) => (out += d))
    c.stderr.on('data', (d) => (out += d))
    c.on('close', () => resolve(out.trim()))
    c.on('error', () => resolve('(python3 -m awscli is not available)'))
  })
  say(
    `python3 -m awscli sts get-caller-identity --profile my-dev-profile (no second login):\n${identity}`
  )
  const state = readFileSync(env.GITHUB_STATE!, 'utf8')
  const stateEnv: NodeJS.ProcessEnv = {}
  for (const m of state.matchAll(/^(\w+)<<(.+)\n([\s\S]*?)\n\2$/gm))
    stateEnv[`STATE_${m[1]}`] = m[3]
  say('\nRunning the post step (sign out, remove what main wrote)…')
  await step(stateEnv, 'post.js')
  say(
    `~/.aws/config after post: ${existsSync(path.join(home, '.aws', 'config')) ? 'still there' : 'removed (this run created it)'}`
  )
}
await emu.close()
// The demo's HOME holds a (revoked) token cache only until here: removed whatever the outcome (a denied or expired
// request included), unless KEEP_DEMO_TMP=1 asks to keep it for a look.
if (process.env.KEEP_DEMO_TMP) say(`\ndemo files kept in ${dir}`)
else rmSync(dir, { recursive: true, force: true })
process.exit(code)
