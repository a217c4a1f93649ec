/**
 * Careful file primitives for files that hold credentials on a shared machine:
 * atomic replace (temp file + fsync + rename), 0600 files in 0700 folders, no writing or
 * reading through symlinks. The lock that goes with them is in lock.ts.
 */
import { randomBytes } from 'node:crypto'
import { constants as C } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { sleep } from '../util/time.js'

/** 0 where the OS has no O_NOFOLLOW (Windows). */
export const O_NOFOLLOW: number = C.O_NOFOLLOW ?? 0
const IS_WINDOWS = process.platform === 'win32'

export interface PathOptions {
  /**
   * Topmost folder whose chain down to the file must be free of symlinks (e.g. `~/.aws`).
   * Default: the nearest `.aws` folder in the path, else the file's own folder.
   */
  root?: string
}

export interface WriteOptions extends PathOptions {
  /** Permission of the file (default 0600). An existing file keeps its bits where they are tighter. */
  mode?: number
}

export interface EnsureDirOptions extends PathOptions {
  /** Permission for folders we create (default 0700). */
  mode?: number
  /** Also tighten the folder itself to `mode` if it exists and is looser (and we own it). */
  tighten?: boolean
}

export function errCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code
}

export function symlinkError(p: string): Error {
  return new Error(`refusing to write through a symlink: ${p}`)
}

/** The folder chain root for a path: the nearest enclosing `.aws` folder, else the path's folder. */
export function defaultRoot(file: string): string {
  const abs = path.resolve(file)
  const parts = abs.split(path.sep)
  for (let i = parts.length - 2; i >= 0; i--) {
    if (parts[i] === '.aws')
      return parts.slice(0, i + 1).join(path.sep) || path.sep
  }
  return path.dirname(abs)
}

/** Folders from `root` down to `dir` (inclusive). If `dir` is not inside `root`, just `[dir]`. */
function chain(dir: string, root: string): string[] {
  const absDir = path.resolve(dir)
  const absRoot = path.resolve(root)
  const rel = path.relative(absRoot, absDir)
  if (rel === '') return [absDir]
  if (rel.startsWith('..') || path.isAbsolute(rel)) return [absDir]
  const out = [absRoot]
  let cur = absRoot
  for (const part of rel.split(path.sep)) {
    cur = path.join(cur, part)
    out.push(cur)
  }
  return out
}

async function lstatOrUndefined(p: string) {
  try {
    return await fs.lstat(p)
  } catch (e) {
    if (errCode(e) === 'ENOENT') return undefined
    throw e
  }
}

/**
 * Throw if any existing folder from `root` down to `dir` is a symlink or not a folder.
 * Returns the folders that are missing (top-down).
 */
async function checkChain(dir: string, root: string): Promise<string[]> {
  const missing: string[] = []
  for (const d of chain(dir, root)) {
    if (missing.length > 0) {
      missing.push(d)
      continue
    }
    const st = await lstatOrUndefined(d)
    if (!st) {
      missing.push(d)
      continue
    }
    if (st.isSymbolicLink()) throw symlinkError(d)
    if (!st.isDirectory()) throw new Error(`not a directory: ${d}`)
  }
  return missing
}

function ownedByUs(st: { uid: number }): boolean {
  return typeof process.getuid !== 'function' || st.uid === process.getuid()
}

/**
 * Create `dir` (and missing parents) with mode 0700, refusing symlinks from `root` down.
 * Folders we create are chmod-ed explicitly (umask-proof). With `tighten`, an existing `dir`
 * that we own and that is looser than `mode` is tightened.
 */
export async function ensureDir(
  dir: string,
  opts: EnsureDirOptions = {}
): Promise<void> {
  const mode = opts.mode ?? 0o700
  const root = opts.root ?? defaultRoot(path.join(dir, 'x'))
  const missing = await checkChain(dir, root)
  if (missing.length > 0) {
    // Anything above the root that is missing too (rare): create it the ordinary way.
    await fs.mkdir(path.dirname(missing[0]), { recursive: true, mode })
    for (const d of missing) {
      try {
        await fs.mkdir(d, { mode })
      } catch (e) {
        if (errCode(e) !== 'EEXIST') throw e
        // Someone else created it meanwhile: it must still not be a symlink.
        const st = await fs.lstat(d)
        if (st.isSymbolicLink()) throw symlinkError(d)
        if (!st.isDirectory()) throw new Error(`not a directory: ${d}`)
        continue
      }
      if (!IS_WINDOWS) await fs.chmod(d, mode)
    }
  } else if (opts.tighten && !IS_WINDOWS) {
    const st = await fs.lstat(dir)
    if ((st.mode & 0o777 & ~mode) !== 0 && ownedByUs(st))
      await fs.chmod(dir, st.mode & 0o777 & mode)
  }
}

/** Throw if `file` itself is a symlink or not a regular file. Returns its stat, or undefined if missing. */
async function checkTarget(file: string) {
  const st = await lstatOrUndefined(file)
  if (st?.isSymbolicLink()) throw symlinkError(file)
  if (st && !st.isFile()) throw new Error(`not a regular file: ${file}`)
  return st
}

/**
 * Replace `file` atomically with `data`: temp file in the same folder (O_CREAT|O_EXCL|O_NOFOLLOW, 0600),
 * fsync, rename over the target, fsync the folder. Missing folders are created 0700. Refuses a symlink at
 * the target or in its folder chain. The result has permission `mode` (default 0600), or the existing
 * file's bits where those are tighter; so a 0644 file is tightened to 0600.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  opts: WriteOptions = {}
): Promise<void> {
  const target = path.resolve(file)
  const dir = path.dirname(target)
  const root = opts.root ?? defaultRoot(target)
  await ensureDir(dir, { root })
  const existing = await checkTarget(target)
  const wanted = opts.mode ?? 0o600
  const mode = existing ? existing.mode & 0o777 & wanted : wanted

  const tmp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  )
  const fh = await fs.open(
    tmp,
    C.O_CREAT | C.O_EXCL | C.O_WRONLY | O_NOFOLLOW,
    0o600
  )
  let renamed = false
  try {
    try {
      await fh.writeFile(data)
      if (!IS_WINDOWS) await fh.chmod(mode)
      await fh.sync()
    } finally {
      await fh.close()
    }
    // The target may have been swapped for a symlink since we looked: rename replaces the link
    // itself (never its target), but we still refuse rather than silently replacing it.
    await checkTarget(target)
    await renameWithRetry(tmp, target)
    renamed = true
  } finally {
    if (!renamed) await fs.rm(tmp, { force: true }).catch(() => undefined)
  }
  await fsyncDir(dir)
  if (!IS_WINDOWS) {
    // Files we own end up no looser than wanted (the rename already gave us a fresh 0600 inode).
    const st = await fs.lstat(target)
    if (!st.isSymbolicLink() && ownedByUs(st) && (st.mode & 0o777) !== mode)
      await fs.chmod(target, mode)
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  // On Windows a rename over a file that another process has open fails transiently.
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to)
      return
    } catch (e) {
      const code = errCode(e)
      if (
        !IS_WINDOWS ||
        attempt >= 20 ||
        !['EPERM', 'EACCES', 'EBUSY'].includes(code ?? '')
      )
        throw e
      await sleep(10 + attempt * 10)
    }
  }
}

async function fsyncDir(dir: string): Promise<void> {
  if (IS_WINDOWS) return
  try {
    const fh = await fs.open(dir, C.O_RDONLY)
    try {
      await fh.sync()
    } finally {
      await fh.close()
    }
  } catch {
    // Not every file system lets a folder be fsync-ed; the rename is still atomic.
  }
}

/**
 * Read `file` as UTF-8, or undefined if it does not exist. Refuses a symlink at the file or in its
 * folder chain, and opens with O_NOFOLLOW. Throws on bytes that are not valid UTF-8 (so a caller
 * never writes back a mangled file).
 */
export async function readIfExists(
  file: string,
  opts: PathOptions = {}
): Promise<string | undefined> {
  const target = path.resolve(file)
  const root = opts.root ?? defaultRoot(target)
  const missing = await checkChain(path.dirname(target), root)
  if (missing.length > 0) return undefined
  if (!(await checkTarget(target))) return undefined
  let fh: fs.FileHandle
  try {
    fh = await fs.open(target, C.O_RDONLY | O_NOFOLLOW)
  } catch (e) {
    if (errCode(e) === 'ENOENT') return undefined
    if (errCode(e) === 'ELOOP') throw symlinkError(target)
    throw e
  }
  try {
    const buf = await fh.readFile()
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buf)
    } catch {
      throw new Error(`not valid UTF-8: ${target}`)
    }
  } finally {
    await fh.close()
  }
}

/**
 * Delete `file` if it exists; returns whether it did. A symlink at `file` is removed itself (its target
 * is never touched); a symlink among the folders above it is refused.
 */
export async function removeIfExists(
  file: string,
  opts: PathOptions = {}
): Promise<boolean> {
  const target = path.resolve(file)
  const root = opts.root ?? defaultRoot(target)
  const missing = await checkChain(path.dirname(target), root)
  if (missing.length > 0) return false
  try {
    await fs.unlink(target)
    return true
  } catch (e) {
    if (errCode(e) === 'ENOENT') return false
    throw e
  }
}
