/**
 * A simple cross-process lock file beside the file it guards (`<file>.lock`, created with O_EXCL), with stale locks
 * broken safely.
 */
import { randomBytes } from 'node:crypto'
import { constants as C } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sleep } from '../util/time.js'
import { isAlive } from '../util/process.js'
import {
  O_NOFOLLOW,
  defaultRoot,
  ensureDir,
  errCode,
  symlinkError
} from './atomic.js'

export interface LockOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number
  /** A lock older than this is broken (default 30 s); so is one whose process is gone. */
  staleMs?: number
}

interface LockInfo {
  pid: number
  host: string
  time: string
  token: string
}

async function readLock(
  lockFile: string
): Promise<{ info?: LockInfo; mtimeMs: number } | undefined> {
  let st
  try {
    st = await fs.lstat(lockFile)
  } catch (e) {
    if (errCode(e) === 'ENOENT') return undefined
    throw e
  }
  if (st.isSymbolicLink()) throw symlinkError(lockFile)
  let info: LockInfo | undefined
  try {
    const fh = await fs.open(lockFile, C.O_RDONLY | O_NOFOLLOW)
    try {
      const parsed = JSON.parse(await fh.readFile('utf8')) as LockInfo
      if (typeof parsed?.pid === 'number' && typeof parsed.token === 'string')
        info = parsed
    } finally {
      await fh.close()
    }
  } catch (e) {
    if (errCode(e) === 'ENOENT') return undefined
    // Half-written or foreign content: judge by age only.
  }
  return { info, mtimeMs: st.mtimeMs }
}

function isStale(
  lock: { info?: LockInfo; mtimeMs: number },
  staleMs: number
): boolean {
  if (Date.now() - lock.mtimeMs > staleMs) return true
  const info = lock.info
  return (
    info !== undefined &&
    info.host === os.hostname() &&
    info.pid !== process.pid &&
    !isAlive(info.pid)
  )
}

async function tryCreate(lockFile: string, content: string): Promise<boolean> {
  let fh: fs.FileHandle
  try {
    fh = await fs.open(
      lockFile,
      C.O_CREAT | C.O_EXCL | C.O_WRONLY | O_NOFOLLOW,
      0o600
    )
  } catch (e) {
    if (errCode(e) === 'EEXIST') return false
    throw e
  }
  try {
    await fh.writeFile(content)
  } finally {
    await fh.close()
  }
  return true
}

/**
 * Break a stale lock without ever deleting a fresh one: the check and the unlink happen while holding
 * `<lock>.break` (itself created with O_EXCL), and only if the lock still is the one we judged stale.
 */
async function breakStale(
  lockFile: string,
  seen: { info?: LockInfo; mtimeMs: number },
  staleMs: number
): Promise<boolean> {
  const breaker = `${lockFile}.break`
  const me = JSON.stringify({
    pid: process.pid,
    host: os.hostname(),
    time: new Date().toISOString(),
    token: randomBytes(8).toString('hex')
  })
  if (!(await tryCreate(breaker, me))) {
    // Someone else is breaking it; a breaker left by a crashed process is removed once it is old.
    const other = await readLock(breaker)
    if (other && isStale(other, Math.min(staleMs, 5000)))
      await fs.rm(breaker, { force: true })
    return false
  }
  try {
    const now = await readLock(lockFile)
    if (!now) return true
    const same =
      seen.info && now.info
        ? now.info.token === seen.info.token
        : now.mtimeMs === seen.mtimeMs
    if (same && isStale(now, staleMs)) await fs.rm(lockFile, { force: true })
    return true
  } finally {
    await fs.rm(breaker, { force: true })
  }
}

/**
 * Run `fn` while holding `<file>.lock` (created with O_EXCL, holding pid, host, time and a random token).
 * Retries with a small backoff; breaks a lock older than `staleMs` or whose process is gone; always
 * releases (only its own lock) in `finally`. Throws after `timeoutMs`, naming the lock and its holder.
 */
export async function withLock<T>(
  file: string,
  fn: () => Promise<T>,
  opts: LockOptions = {}
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 10_000
  const staleMs = opts.staleMs ?? 30_000
  const lockFile = `${path.resolve(file)}.lock`
  await ensureDir(path.dirname(lockFile), { root: defaultRoot(lockFile) })
  const token = randomBytes(12).toString('hex')
  const deadline = Date.now() + timeoutMs
  let delay = 5
  for (;;) {
    const content = JSON.stringify({
      pid: process.pid,
      host: os.hostname(),
      time: new Date().toISOString(),
      token
    })
    if (await tryCreate(lockFile, content)) break
    const current = await readLock(lockFile)
    if (
      current &&
      isStale(current, staleMs) &&
      (await breakStale(lockFile, current, staleMs))
    )
      continue
    if (Date.now() >= deadline) {
      const who = current?.info
        ? ` (held by pid ${current.info.pid} on ${current.info.host} since ${current.info.time})`
        : ''
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for lock ${lockFile}${who}`
      )
    }
    await sleep(delay + Math.floor(Math.random() * delay))
    delay = Math.min(delay * 2, 100)
  }
  try {
    return await fn()
  } finally {
    const now = await readLock(lockFile).catch(() => undefined)
    if (now?.info?.token === token) await fs.rm(lockFile, { force: true })
  }
}
