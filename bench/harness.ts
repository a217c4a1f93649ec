/**
 * Plumbing for the bench's cases: spawning the bundled action as a runner does (with timestamps for the first
 * stdout byte, the link line and the exit), emulators, temporary workspaces, cleanup, statistics.
 * Every child is spawned in its own process group and killed on exit or on a signal; every emulator is closed
 * and every temporary folder removed, whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process'
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
import { fileURLToPath, pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type CallRecord
} from '../emulator/server.js'

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
export const ROOT = path.resolve(BENCH_DIR, '..')
export const PRELOAD = path.join(BENCH_DIR, 'preload.mjs')
export const TIME_BIN = '/usr/bin/time'

// ---------- cleanup ----------

const children = new Set<ChildProcess>()
const emulators = new Set<Emulator>()
const tempDirs = new Set<string>()

function killGroup(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGKILL'
): void {
  if (
    child.exitCode !== null ||
    child.signalCode !== null ||
    child.pid === undefined
  )
    return
  try {
    process.kill(-child.pid, signal) // the whole group: /usr/bin/time and the node it runs
  } catch {
    try {
      child.kill(signal)
    } catch {
      /* already gone */
    }
  }
}

function cleanupSync(): void {
  for (const c of children) killGroup(c)
  children.clear()
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true })
  tempDirs.clear()
}

export async function cleanup(): Promise<void> {
  cleanupSync()
  await Promise.all([...emulators].map((e) => e.close().catch(() => {})))
  emulators.clear()
}

process.on('exit', cleanupSync)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    process.stderr.write(
      `\nbench: ${signal}, stopping children and cleaning up\n`
    )
    void cleanup().finally(() => process.exit(130))
  })
}

export async function openEmulator(
  options: EmulatorOptions
): Promise<Emulator> {
  const emu = await startEmulator(options)
  emulators.add(emu)
  return emu
}

export async function closeEmulator(emu: Emulator): Promise<void> {
  emulators.delete(emu)
  await emu.close()
}

/** A step's temporary folder: HOME and the runner's command files (the layout runnerEnv expects). */
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

export function workspace(): Workspace {
  const dir = tempDir('icl-bench-')
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

export function removeWorkspace(ws: Workspace): void {
  rmSync(ws.dir, { recursive: true, force: true })
  tempDirs.delete(ws.dir)
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  tempDirs.add(dir)
  return dir
}

// ---------- running a step ----------

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
  /** Date.now() when the process exited (same clock as the emulator's call log). */
  at: number
  /** ms from spawn to exit */
  ms: number
  stdout: string
  stderr: string
}

export interface Link {
  /** ms from spawn to the link line */
  ms: number
  /** Date.now() when the link line was seen */
  at: number
  line: string
  /** The approval link (opaque: today's /platform/authorize?request_uri=… carries no code). */
  url: string
  /** The user code, from the line the log shows it on by itself (never from the link). */
  userCode: string
}

/** The log line with the approval link, and the code on its own line after "User code …:". */
const LINK_LINE = /^.*Open this link to approve: (https?:\/\/\S+).*$/m
const CODE_LINE =
  /User code[^\n]*:[ \t]*\r?\n[ \t]*([A-Z0-9]{4}-[A-Z0-9]{4})[ \t]*\r?$/m

export interface Step {
  child: ChildProcess
  /** Date.now() at spawn */
  spawnedAt: number
  /** ms from spawn to the first byte on stdout (rejects if the process exits silently) */
  firstByte: Promise<number>
  /**
   * The first "Open this link to approve: <url>" line (stdout or stderr), timed when it appears, with the user code shown
   * after it; rejects on exit without them or after the timeout.
   */
  link: Promise<Link>
  exit: Promise<Exit>
  kill(): void
}

export interface StepOptions {
  script: string
  env: NodeJS.ProcessEnv
  args?: string[]
  /** Peak RSS: run under /usr/bin/time (or the preload fallback), writing KiB to this file. */
  rssFile?: string
  /** Record every dist/ module the process loads (ESM load hook) to this file. */
  loadLog?: string
  linkTimeoutMs?: number
  /** Kill the process (group) after this long (default 120 s): a hung run fails its case instead of the bench. */
  timeoutMs?: number
}

export function startStep(options: StepOptions): Step {
  const nodeArgs: string[] = []
  const env: NodeJS.ProcessEnv = { ...options.env }
  if (options.loadLog) env.ICL_BENCH_LOAD_LOG = options.loadLog
  let command = process.execPath
  let argv = [options.script, ...(options.args ?? [])]
  if (options.rssFile) {
    if (existsSync(TIME_BIN)) {
      argv = ['-f', '%M', '-o', options.rssFile, process.execPath, ...argv]
      command = TIME_BIN
    } else {
      env.ICL_BENCH_RSS_FILE = options.rssFile
    }
  }
  if (options.loadLog || (options.rssFile && command === process.execPath)) {
    nodeArgs.push('--import', pathToFileURL(PRELOAD).href)
  }
  if (command === process.execPath) argv = [...nodeArgs, ...argv]
  else argv.splice(argv.indexOf(process.execPath) + 1, 0, ...nodeArgs)

  const t0 = performance.now()
  const spawnedAt = Date.now()
  const child = spawn(command, argv, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  children.add(child)
  let stdout = ''
  let stderr = ''
  let linkDone = false
  let resolveFirst!: (ms: number) => void
  let rejectFirst!: (e: Error) => void
  const firstByte = new Promise<number>(
    (res, rej) => ((resolveFirst = res), (rejectFirst = rej))
  )
  let resolveLink!: (l: Link) => void
  let rejectLink!: (e: Error) => void
  const link = new Promise<Link>(
    (res, rej) => ((resolveLink = res), (rejectLink = rej))
  )
  firstByte.catch(() => {})
  link.catch(() => {})

  let linkSeen:
    | { ms: number; at: number; line: string; url: string; rest: () => string }
    | undefined
  const scan = (text: string, stream: () => string): void => {
    if (linkDone) return
    if (!linkSeen) {
      const m = LINK_LINE.exec(text)
      if (!m) return
      const end = m.index + m[0].length
      linkSeen = {
        ms: performance.now() - t0,
        at: Date.now(),
        line: m[0],
        url: m[1],
        rest: () => stream().slice(end)
      }
    }
    const code = CODE_LINE.exec(linkSeen.rest())
    if (!code) return
    linkDone = true
    clearTimeout(timer)
    resolveLink({
      ms: linkSeen.ms,
      at: linkSeen.at,
      line: linkSeen.line,
      url: linkSeen.url,
      userCode: code[1]
    })
  }
  child.stdout!.on('data', (d: Buffer) => {
    if (stdout === '') resolveFirst(performance.now() - t0)
    stdout += d
    scan(stdout, () => stdout)
  })
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d
    scan(stderr, () => stderr)
  })
  const timer = setTimeout(() => {
    if (!linkDone)
      rejectLink(
        new Error(
          `no approval link line with its user code within ${options.linkTimeoutMs ?? 20_000} ms`
        )
      )
  }, options.linkTimeoutMs ?? 20_000)
  timer.unref()
  const killer = setTimeout(
    () => killGroup(child),
    options.timeoutMs ?? 120_000
  )
  killer.unref()

  const exited = new Promise<{
    code: number | null
    signal: NodeJS.Signals | null
    at: number
    ms: number
  }>((resolve) =>
    child.once('exit', (code, signal) =>
      resolve({ code, signal, at: Date.now(), ms: performance.now() - t0 })
    )
  )
  const closed = new Promise<void>((resolve) =>
    child.once('close', () => resolve())
  )
  const exit = Promise.all([exited, closed]).then(([e]) => {
    children.delete(child)
    clearTimeout(timer)
    clearTimeout(killer)
    const tail = (stdout + stderr)
      .split('\n')
      .filter((l) => l.trim())
      .slice(-5)
      .join('\n  ')
    rejectFirst(
      new Error(
        `exited (code ${e.code}, signal ${e.signal}) before writing to stdout`
      )
    )
    if (!linkDone)
      rejectLink(
        new Error(
          `exited (code ${e.code}, signal ${e.signal}) without an approval link line with its user code:\n  ${tail}`
        )
      )
    return { ...e, stdout, stderr }
  })
  return {
    child,
    spawnedAt,
    firstByte,
    link,
    exit,
    kill: () => killGroup(child)
  }
}

/** Peak RSS in KiB written by /usr/bin/time -f %M (or the preload fallback). */
export function readRssKiB(file: string): number | undefined {
  if (!existsSync(file)) return undefined
  const lines = readFileSync(file, 'utf8').trim().split('\n')
  const value = Number(lines[lines.length - 1].trim())
  return Number.isFinite(value) && value > 0 ? value : undefined
}

// ---------- emulator call log ----------

export const sleep = (ms: number): Promise<void> =>
  new Promise((r) => setTimeout(r, Math.max(0, ms)))
export const sleepUntil = (at: number): Promise<void> => sleep(at - Date.now())

export function callsOf(
  emu: Emulator,
  operation: string,
  userCode?: string
): CallRecord[] {
  return emu
    .calls()
    .filter(
      (c) =>
        c.operation === operation &&
        (userCode === undefined || c.userCode === userCode)
    )
}

/** Most calls of these operations being served at the same moment (arrival to answer, delay included). */
export function peakInFlight(calls: CallRecord[]): number {
  const edges: [number, number][] = []
  for (const c of calls) {
    edges.push([c.at, 1])
    edges.push([c.at + c.durationMs, -1])
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let now = 0
  let peak = 0
  for (const [, d] of edges) peak = Math.max(peak, (now += d))
  return peak
}

// ---------- statistics ----------

export interface Summary {
  median: number
  min: number
  max: number
  n: number
}

export function summarize(values: number[]): Summary | undefined {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (v.length === 0) return undefined
  const mid = Math.floor(v.length / 2)
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
  return { median, min: v[0], max: v[v.length - 1], n: v.length }
}
