/**
 * Before anyone is asked to approve: every path this run will write must be writable the safe way.
 * The writers check again when they write; this check makes a refusal cost nobody an approval and leave no token behind.
 */
import { lstatSync } from 'node:fs'
import path from 'node:path'
import type { AwsPaths } from './paths.js'
import { defaultRoot, symlinkError } from './atomic.js'

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
  return undefined
}
