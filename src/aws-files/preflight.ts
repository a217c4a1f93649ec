/**
 * Before anyone is asked to approve: every path this run will write must be writable the safe way.
 * The writers check again when they write; this check makes a refusal cost nobody an approval and leave no token behind.
 */
import { chmodSync, lstatSync } from 'node:fs'
import path from 'node:path'
import type { AwsPaths } from './paths.js'
import { defaultRoot, symlinkError } from './atomic.js'
import { removeLeftovers } from './leftovers.js'

/**
 * The first of `files` (or their folders up to the AWS folder, and ~/.aws, ~/.aws/sso, ~/.aws/sso/cache) that is a
 * symlink or not a file / folder, as the message the writers would give; undefined when all are fine or missing.
 */
export function unsafeAwsPath(
  paths: AwsPaths,
  files: string[]
): string | undefined {
  const folders = [
    paths.awsDir,
    path.dirname(paths.ssoCacheDir),
    paths.ssoCacheDir
  ]
  const configRoot = defaultRoot(paths.configFile)
  for (let d = path.dirname(paths.configFile); ; d = path.dirname(d)) {
    folders.push(d)
    if (d === configRoot || path.dirname(d) === d || !d.startsWith(configRoot))
      break
  }
  const checks = [
    ...folders.map((p) => [p, 'folder'] as const),
    ...[...files, paths.configFile].map((p) => [p, 'file'] as const)
  ]
  for (const [p, kind] of checks) {
    let st
    try {
      st = lstatSync(p)
    } catch {
      continue // missing (created later, 0700 / 0600) or unreadable (the writer reports it)
    }
    if (st.isSymbolicLink()) return symlinkError(p).message
    if (kind === 'folder' ? !st.isDirectory() : !st.isFile())
      return `not a ${kind === 'folder' ? 'directory' : 'regular file'}: ${p}`
  }
  const problem = unsafeFolderMode(paths, folders)
  if (problem) return problem
  // What an earlier writer killed mid-write left next to these files (a pid gone from this host): removed now.
  removeLeftovers([...files, paths.configFile], {})
  return undefined
}

const IS_WINDOWS = process.platform === 'win32'
const octal = (mode: number) =>
  `0${(mode & 0o777).toString(8).padStart(3, '0')}`

/**
 * "0600 files in 0700 folders", for the folders under ~/.aws (~/.aws itself, ~/.aws/sso, ~/.aws/sso/cache, and the
 * config file's folders when they are under ~/.aws): one this user owns is tightened to 0700; one another user owns,
 * or one that others can still write to, is refused with its path and mode. O_NOFOLLOW covers only a file's last
 * path component; a folder someone else can write to (or owns) lets them swap what is below it, so it is refused.
 */
export function unsafeFolderMode(
  paths: AwsPaths,
  folders: string[]
): string | undefined {
  if (IS_WINDOWS || typeof process.getuid !== 'function') return undefined
  const uid = process.getuid()
  const awsDir = path.resolve(paths.awsDir)
  const under = (d: string) => {
    const rel = path.relative(awsDir, path.resolve(d))
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
  }
  for (const d of [...new Set(folders.filter(under))].sort()) {
    let st
    try {
      st = lstatSync(d)
    } catch {
      continue // missing: the writers create it 0700
    }
    if (!st.isDirectory()) continue // reported above
    if (st.uid !== uid)
      return `refusing a folder owned by another user: ${d} (owner uid ${st.uid}, mode ${octal(st.mode)}; this process runs as uid ${uid})`
    if ((st.mode & 0o077) !== 0) {
      try {
        chmodSync(d, 0o700)
      } catch {
        // reported below if it stays writable by others
      }
      const now = lstatSync(d).mode
      if ((now & 0o022) !== 0)
        return `refusing a folder that others can write to: ${d} (mode ${octal(now)}); make it 0700`
    }
  }
  return undefined
}
