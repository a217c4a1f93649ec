/**
 * Runs the bundled dist/ the way a GitHub runner does: INPUT_* variables, GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE /
 * GITHUB_STEP_SUMMARY files, a temporary HOME, and the post step with the state main saved.
 * The child environment is built from scratch (no AWS_* from this machine leaks in).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..'
)
export const DIST = path.join(ROOT, 'dist', 'index.js')
export const CLI = path.join(ROOT, 'dist', 'cli.js')
/** The post step's entry (action.yml runs.post) beside a main entry: dist/index.js or a snapshot of dist/. */
export function postOf(main: string): string {
  return path.join(path.dirname(main), 'post.js')
}

export interface Workspace {
  dir: string
  home: string
  files: {
    output: string
    env: string
    state: string
    summary: string
    event: string
  }
}

/**
 * Temporary folders of this test file: removed when the test that made them passes (afterEach) or, for those made
 * outside a test (beforeAll), when the file ends without a failure (afterAll). A failed test keeps its folders for the
 * post-mortem and prints their paths; KEEP_E2E_TMP=1 keeps every folder.
 */
const pending: { dir: string; inTest: boolean }[] = []
let anyFailed = false

/** Registers a temporary folder (a workspace, a dist copy…) for removal as described above. */
export function removeAfterTest(dir: string): void {
  pending.push({ dir, inTest: runningTest() !== undefined })
}

/** jest-circus's state of the running test (errors so far); undefined outside a test or outside Jest. */
function runningTest(): { name: string; errors: unknown[] } | undefined {
  const g = globalThis as any
  const sym = Object.getOwnPropertySymbols(g).find(
    (s) => s.description === 'JEST_STATE_SYMBOL'
  )
  return sym ? (g[sym]?.currentlyRunningTest ?? undefined) : undefined
}

function sweep(
  which: (p: { dir: string; inTest: boolean }) => boolean,
  failed: boolean,
  label: string
): void {
  for (const p of pending.filter(which)) {
    pending.splice(pending.indexOf(p), 1)
    if (failed || process.env.KEEP_E2E_TMP)
      process.stderr.write(`e2e: kept ${p.dir} (${label})\n`)
    else {
      try {
        rmSync(p.dir, { recursive: true, force: true, maxRetries: 3 })
      } catch (error) {
        process.stderr.write(
          `e2e: could not remove ${p.dir}: ${(error as Error).message}\n`
        )
      }
    }
  }
}

const g = globalThis as any
if (typeof g.afterEach === 'function' && typeof g.afterAll === 'function') {
  g.afterEach(() => {
    const test = runningTest()
    const failed = (test?.errors.length ?? 0) > 0
    anyFailed ||= failed
    sweep((p) => p.inTest, failed, test ? `failed: ${test.name}` : 'test')
  })
  g.afterAll(() => sweep(() => true, anyFailed, 'a test in this file failed'))
}

export function newWorkspace(): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'icl-e2e-'))
  removeAfterTest(dir)
  const home = path.join(dir, 'home')
  const files = {
    output: path.join(dir, 'output'),
    env: path.join(dir, 'env'),
    state: path.join(dir, 'state'),
    summary: path.join(dir, 'summary'),
    event: path.join(dir, 'event.json')
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  writeFileSync(files.event, '{}')
  mkdirSync(home, { recursive: true })
  return { dir, home, files }
}

/** The environment a runner gives a step, pointed at the emulator. */
export function runnerEnv(
  ws: Workspace,
  emulatorUrl: string,
  inputs: Record<string, string>,
  extra: Record<string, string> = {}
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: ws.home,
    USERPROFILE: ws.home,
    LANG: 'C.UTF-8',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: ws.files.output,
    GITHUB_ENV: ws.files.env,
    GITHUB_STATE: ws.files.state,
    GITHUB_STEP_SUMMARY: ws.files.summary,
    GITHUB_EVENT_PATH: ws.files.event,
    GITHUB_REPOSITORY: 'acme/deploy',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'prod',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_REF_NAME: 'main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    RUNNER_TEMP: ws.dir,
    AWS_ENDPOINT_URL_SSO_OIDC: emulatorUrl,
    AWS_ENDPOINT_URL_SSO: emulatorUrl,
    AWS_ENDPOINT_URL_STS: emulatorUrl,
    ...extra
  }
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.toUpperCase()}`] = value
  return env
}

export const SEED_INPUTS = {
  'start-url': 'https://my-sso-portal.awsapps.com/start',
  'sso-region': 'us-east-1',
  'account-id': '111122223333',
  'role-name': 'DeveloperAccess',
  region: 'us-west-2',
  'sso-session': 'my-sso',
  profile: 'my-dev-profile',
  notify: 'summary',
  'github-token': 'ghs_notARealTokenButSecret000000000000'
}

/**
 * The log line with the approval link. The link is opaque (today's /platform/authorize?request_uri=… carries no code):
 * the code is on its own line after it (see userCodeOf).
 */
export const LINK_LINE = /Open this link to approve: https?:\/\/\S+/

/** The user code as the log shows it on its own (the line after "User code …:"), never taken from the link. */
export function userCodeOf(log: string): string | undefined {
  return /User code[^\n]*:[ \t]*\r?\n[ \t]*([A-Z0-9]{4}-[A-Z0-9]{4})[ \t]*\r?$/m.exec(
    log
  )?.[1]
}

export interface StepResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Milliseconds from spawn to exit. */
  ms: number
}

export interface Running {
  child: ChildProcess
  /** Resolves when a stdout line matches. */
  waitForLine(re: RegExp, timeoutMs?: number): Promise<string>
  done: Promise<StepResult>
}

let distChecked = false
/**
 * The e2e tests run the committed bundle: refuse one built from other sources than these (content, not mtimes: a
 * checkout does not keep them). dist/source-hash.txt is written by npm run build (scripts/source-hash.mjs).
 */
export function assertDistIsFresh(): void {
  if (distChecked) return
  const recorded = path.join(ROOT, 'dist', 'source-hash.txt')
  const built = existsSync(recorded)
    ? readFileSync(recorded, 'utf8').trim()
    : ''
  const now = execFileSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'source-hash.mjs')],
    { encoding: 'utf8' }
  ).trim()
  if (built !== now)
    throw new Error(
      `dist/ is older than src/ (it was built from other sources): run npm run build`
    )
  distChecked = true
}

export function start(
  script: string,
  env: NodeJS.ProcessEnv,
  args: string[] = []
): Running {
  if (path.resolve(script).startsWith(path.join(ROOT, 'dist') + path.sep))
    assertDistIsFresh()
  const t0 = Date.now()
  const child = spawn(process.execPath, [script, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  const watchers: { re: RegExp; resolve: (l: string) => void }[] = []
  const check = () => {
    for (const w of [...watchers]) {
      const line = (stdout + stderr).split('\n').find((l) => w.re.test(l))
      if (line !== undefined) {
        watchers.splice(watchers.indexOf(w), 1)
        w.resolve(line)
      }
    }
  }
  child.stdout!.on('data', (d) => {
    stdout += d
    check()
  })
  child.stderr!.on('data', (d) => {
    stderr += d
    check()
  })
  const done = new Promise<StepResult>((resolve) =>
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout,
        stderr: withoutNodeVersionWarning(stderr),
        ms: Date.now() - t0
      })
    )
  )
  return {
    child,
    done,
    waitForLine: (re, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `no line matching ${re} within ${timeoutMs} ms:\n${stdout}\n${stderr}`
              )
            ),
          timeoutMs
        )
        watchers.push({ re, resolve: (l) => (clearTimeout(timer), resolve(l)) })
        check()
      })
  }
}

/** Parses the runner files @actions/core writes (`name<<delimiter … delimiter` blocks). */
export function readCommandFile(file: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(file)) return out
  const lines = readFileSync(file, 'utf8').split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const [, name, delimiter] = m
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++)
      value.push(lines[i])
    out[name] = value.join('\n')
  }
  return out
}

/** The environment of the post step: the runner passes main's saved state as STATE_* variables. */
export function postEnv(
  ws: Workspace,
  env: NodeJS.ProcessEnv
): NodeJS.ProcessEnv {
  const state = readCommandFile(ws.files.state)
  const postState = path.join(ws.dir, 'state-post')
  writeFileSync(postState, '')
  const out: NodeJS.ProcessEnv = { ...env, GITHUB_STATE: postState }
  for (const [k, v] of Object.entries(state)) out[`STATE_${k}`] = v
  return out
}

/** Environment for AWS tools nobody here wrote (botocore, AWS CLI, the JS SDK), pointed at the emulator and the test HOME. */
export function consumerEnv(
  ws: Workspace,
  emulatorUrl: string,
  extra: Record<string, string> = {}
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: ws.home,
    USERPROFILE: ws.home,
    LANG: 'C.UTF-8',
    AWS_ENDPOINT_URL_SSO: emulatorUrl,
    AWS_ENDPOINT_URL_SSO_OIDC: emulatorUrl,
    AWS_ENDPOINT_URL_STS: emulatorUrl,
    AWS_SHARED_CREDENTIALS_FILE: path.join(ws.dir, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra
  }
}

/** The AWS SDK warns on Node < 22 (the runner's node24 does not see it); tests run on Node 20. */
export function withoutNodeVersionWarning(stderr: string): string {
  return stderr.replace(
    /\(node:\d+\) Warning: NodeVersionSupportWarning:[\s\S]*?\(Use `node --trace-warnings[^\n]*\n/g,
    ''
  )
}
