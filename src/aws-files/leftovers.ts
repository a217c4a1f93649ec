/**
 * What a writer killed mid-write (SIGKILL: the runner's hard stop of a cancelled step) leaves next to the files it was
 * writing: its temp files (`.<name>.<pid>.<12 hex>.tmp`, see writeFileAtomic; they hold the access token, the refresh
 * token, the client secret) and its lock files (`<file>.lock`, `<file>.lock.break`, holding its pid and host).
 * The post step removes the ones of the writer its record names (`writerPid`); the next run's pre-flight removes the
 * ones whose writer is gone (a pid that no longer runs on this host, and a temp file older than a minute, so that a
 * writer on another host sharing the folder is never cut off mid-write).
 */
import {
  closeSync,
  lstatSync,
  openSync,
  readFileSync,
  readdirSync,
  unlinkSync,
  constants as C
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isAlive } from '../util/process.js'

const O_NOFOLLOW: number = C.O_NOFOLLOW ?? 0
const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/

export interface LeftoverRule {
  /** Remove what this pid left (the post step: the main step's pid, from its record). */
  pid?: number
  /** Else: remove what a pid that is no longer running left, temp files only when older than this (default 60 s). */
  minAgeMs?: number
}

function lockHolder(file: string): { pid: number; host: string } | undefined {
  let fd: number
  try {
    fd = openSync(file, C.O_RDONLY | O_NOFOLLOW)
  } catch {
    return undefined
  }
  try {
    const info = JSON.parse(readFileSync(fd, 'utf8')) as {
      pid?: unknown
      host?: unknown
    }
    return typeof info?.pid === 'number' && typeof info.host === 'string'
      ? { pid: info.pid, host: info.host }
      : undefined
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}

/**
 * Remove the temp and lock files that `rule` names next to each of `targets` (the files a run writes). Returns the
 * paths removed. Never follows a symlink (unlink removes a link itself); never throws.
 */
export function removeLeftovers(
  targets: string[],
  rule: LeftoverRule
): string[] {
  const removed: string[] = []
  const ours = (pid: number) =>
    rule.pid !== undefined
      ? pid === rule.pid && pid !== process.pid
      : !isAlive(pid)
  const unlink = (p: string) => {
    try {
      unlinkSync(p)
      removed.push(p)
    } catch {
      // gone already, or not ours to remove
    }
  }
  const byDir = new Map<string, Set<string>>()
  for (const t of targets) {
    const abs = path.resolve(t)
    const names = byDir.get(path.dirname(abs)) ?? new Set<string>()
    names.add(path.basename(abs))
    byDir.set(path.dirname(abs), names)
  }
  for (const [dir, names] of byDir) {
    let entries: string[]
    try {
      entries = readdirSync(dir)
    } catch {
      continue
    }
    for (const entry of entries) {
      const m = TEMP.exec(entry)
      if (!m || !names.has(m[1]) || !ours(Number(m[2]))) continue
      const p = path.join(dir, entry)
      if (rule.pid === undefined) {
        try {
          if (Date.now() - lstatSync(p).mtimeMs < (rule.minAgeMs ?? 60_000))
            continue
        } catch {
          continue
        }
      }
      unlink(p)
    }
    for (const name of names)
      for (const lock of [`${name}.lock`, `${name}.lock.break`]) {
        const p = path.join(dir, lock)
        const holder = lockHolder(p)
        if (holder && holder.host === os.hostname() && ours(holder.pid))
          unlink(p)
      }
  }
  return removed
}
