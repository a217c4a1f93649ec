/**
 * A writer SIGKILLed in the middle of writing the job files (the runner's hard stop of a cancelled step) leaves
 * `.…json.<pid>.<hex>.tmp` (the access and refresh tokens) and `.lock` files. The post step (removeJobFiles with the
 * record main saved before writing) removes that pid's; the next run's pre-flight removes those of a pid that is gone.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, utimesSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { awsPaths } from '../../src/aws-files/paths.js'
import { unsafeAwsPath } from '../../src/aws-files/preflight.js'
import {
  removeJobFiles,
  type WrittenFiles
} from '../../src/aws-files/job-files.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..', '..')
// tsx as a loader in this node (not tsx's CLI, which runs the script in a grandchild a kill would miss)
const tsxLoader = pathToFileURL(
  path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')
).href
const posix = process.platform !== 'win32'

let home: string
beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'icl-leftovers-'))
})
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true })
})

const leftovers = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir).filter((n) => /\.tmp$|\.lock$|\.lock\.break$/.test(n))
    : []

/** Start the writer, SIGKILL it once its token cache temp file exists; returns its pid and last progress record. */
async function killMidWrite(): Promise<{ pid: number; record: WrittenFiles }> {
  const recordFile = path.join(home, 'record.json')
  const cacheDir = path.join(home, '.aws', 'sso', 'cache')
  const child = spawn(
    process.execPath,
    [
      '--import',
      tsxLoader,
      path.join(here, 'helpers', 'killed-writer.ts'),
      home,
      recordFile
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const exited = new Promise((resolve) => child.on('close', resolve))
  const deadline = Date.now() + 30_000
  while (!leftovers(cacheDir).some((n) => n.endsWith('.tmp'))) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`the writer never left a temp file: ${out}`)
    await new Promise((r) => setTimeout(r, 5))
  }
  child.kill('SIGKILL')
  await exited
  expect(out).not.toContain('finished')
  return {
    pid: child.pid!,
    record: JSON.parse(readFileSync(recordFile, 'utf8')) as WrittenFiles
  }
}

;(posix ? test : test.skip)(
  'SIGKILL mid-write: post (removeJobFiles with the saved record) removes the temp and lock files it left',
  async () => {
    const { pid, record } = await killMidWrite()
    const cacheDir = path.join(home, '.aws', 'sso', 'cache')
    const left = leftovers(cacheDir)
    // what the kill left: the token cache's temp file (named with the writer's pid) and its lock
    expect(left.some((n) => n.includes(`.json.${pid}.`))).toBe(true)
    expect(left.some((n) => n.endsWith('.json.lock'))).toBe(true)
    expect(record.partial).toBe(true)
    await removeJobFiles(record)
    expect(leftovers(cacheDir)).toEqual([])
    expect(leftovers(path.join(home, '.aws'))).toEqual([])
  },
  60_000
)

;(posix ? test : test.skip)(
  "SIGKILL mid-write, no post step: the next run's pre-flight removes what a gone pid left (temp files older than a minute)",
  async () => {
    await killMidWrite()
    const cacheDir = path.join(home, '.aws', 'sso', 'cache')
    expect(leftovers(cacheDir).length).toBeGreaterThan(0)
    const old = new Date(Date.now() - 120_000)
    for (const n of leftovers(cacheDir))
      utimesSync(path.join(cacheDir, n), old, old)
    const paths = awsPaths({}, home, 'linux')
    const { jobFilePaths } = await import('../../src/aws-files/job-files.js')
    const { filesPlace } = await import('../../src/core/files-plan.js')
    const { readLoginRequest } = await import('../../src/inputs/reader.js')
    const request = readLoginRequest(
      (name) =>
        ({
          'start-url': 'https://my-sso-portal.awsapps.com/start',
          'sso-region': 'us-east-1',
          'account-id': '111122223333',
          'role-name': 'DeveloperAccess',
          'sso-session': 'my-sso'
        })[name] ?? ''
    )
    expect(
      unsafeAwsPath(paths, jobFilePaths(filesPlace(paths, request)))
    ).toBeUndefined()
    expect(leftovers(cacheDir)).toEqual([])
  },
  60_000
)
