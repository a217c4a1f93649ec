/**
 * `--output-file`: the credentials file the CLI writes for a later step (a GitLab dotenv report, a Jenkins stash).
 * Written as the files under ~/.aws are: never through a symlink, 0600 whatever was there before, atomically
 * (temp file + rename, so a reader sees the old file or the new one, never half of it).
 */
import { lstat } from 'node:fs/promises'
import path from 'node:path'
import { symlinkError, writeFileAtomic } from '../aws-files/atomic.js'

/** Refuse, before any request, an output file that is a symlink or not a regular file. */
export async function checkOutputFile(file: string): Promise<void> {
  const target = path.resolve(file)
  const st = await lstat(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined
    throw e
  })
  if (st?.isSymbolicLink()) throw symlinkError(target)
  if (st && !st.isFile()) throw new Error(`not a regular file: ${target}`)
}

/** Replace `file` with `text`: 0600, no symlink followed (at the file or its folder), atomic. */
export async function writeOutputFile(
  file: string,
  text: string
): Promise<void> {
  const target = path.resolve(file)
  await writeFileAtomic(target, text, {
    mode: 0o600,
    root: path.dirname(target)
  })
}
