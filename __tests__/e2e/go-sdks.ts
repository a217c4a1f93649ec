/**
 * The Go programs in __tests__/e2e/go/ built against Debian's AWS SDKs for Go (GOPATH style, offline):
 * golang-github-aws-aws-sdk-go-dev (v1 1.44.133) and golang-github-aws-aws-sdk-go-v2-dev (config 1.17.10), both older
 * than sso-session support. Built once and kept in a temp folder keyed by the sources and the Go version, so every
 * later test run reuses them.
 */
import { execFile, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from './runner.js'

const run = promisify(execFile)
export const GOCODE = '/usr/share/gocode'
const PROGRAMS = ['whoami-v1', 'whoami-v2'] as const
const SDK_DIRS = [
  'github.com/aws/aws-sdk-go/aws/session',
  'github.com/aws/aws-sdk-go-v2/config'
]

export interface GoPrograms {
  /** AWS SDK for Go v1 */
  v1: string
  /** aws-sdk-go-v2 */
  v2: string
}

/** Why the Go SDK tests cannot run here, or undefined when they can. */
export function goSdksMissing(): string | undefined {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' })
  } catch {
    return 'go not found (install Debian golang-go)'
  }
  const missing = SDK_DIRS.filter(
    (d) => !existsSync(path.join(GOCODE, 'src', d))
  )
  if (missing.length)
    return `${missing.join(', ')} not under ${GOCODE} (install golang-github-aws-aws-sdk-go-dev golang-github-aws-aws-sdk-go-v2-dev)`
  return undefined
}

/** The installed SDK versions, and whether each predates sso-session (Go v1 1.44.298, aws-sdk-go-v2 config 1.18.0). */
export function goSdkVersions(): {
  v1: { version: string; predatesSsoSession: boolean }
  v2: { version: string; predatesSsoSession: boolean }
} {
  const read = (file: string, re: RegExp) =>
    re.exec(readFileSync(path.join(GOCODE, 'src', file), 'utf8'))?.[1] ??
    '0.0.0'
  const v1 = read(
    'github.com/aws/aws-sdk-go/aws/version.go',
    /SDKVersion = "([\d.]+)"/
  )
  const v2 = read(
    'github.com/aws/aws-sdk-go-v2/config/go_module_metadata.go',
    /goModuleVersion = "([\d.]+)"/
  )
  const older = (version: string, than: string) => {
    const a = version.split('.').map(Number)
    const b = than.split('.').map(Number)
    for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i]
    return false
  }
  return {
    v1: { version: v1, predatesSsoSession: older(v1, '1.44.298') },
    v2: { version: v2, predatesSsoSession: older(v2, '1.18.0') }
  }
}

export async function buildGoPrograms(): Promise<GoPrograms> {
  const goVersion = execFileSync('go', ['version'], { encoding: 'utf8' })
  const hash = createHash('sha256').update(goVersion)
  for (const p of PROGRAMS)
    hash
      .update(p)
      .update(
        readFileSync(path.join(ROOT, '__tests__', 'e2e', 'go', p, 'main.go'))
      )
  const dir = path.join(
    tmpdir(),
    `icl-go-sdks-${hash.digest('hex').slice(0, 16)}`
  )
  const bin = (p: string) => path.join(dir, p)
  if (!PROGRAMS.every((p) => existsSync(bin(p)))) {
    mkdirSync(dir, { recursive: true })
    const work = mkdtempSync(path.join(dir, 'build-'))
    try {
      const env = {
        PATH: process.env.PATH,
        HOME: work,
        GO111MODULE: 'off',
        GOPATH: `${GOCODE}:${work}`,
        GOCACHE: path.join(dir, 'gocache'),
        GOFLAGS: '',
        GOPROXY: 'off',
        CGO_ENABLED: '0'
      }
      await Promise.all(
        PROGRAMS.map(async (p) => {
          try {
            await run('go', ['build', '-o', path.join(work, p), '.'], {
              cwd: path.join(ROOT, '__tests__', 'e2e', 'go', p),
              env,
              timeout: 300_000
            })
          } catch (error: any) {
            throw new Error(
              `go build ${p} failed:\n${error.stdout}\n${error.stderr}`
            )
          }
          renameSync(path.join(work, p), bin(p)) // whole binaries only: a build stopped halfway leaves nothing behind
        })
      )
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }
  return { v1: bin('whoami-v1'), v2: bin('whoami-v2') }
}
