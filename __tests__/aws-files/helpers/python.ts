/** Run python3 (resolved once to the real interpreter, skipping slow version-manager shims). */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

let exe: string | undefined

export function pythonExe(): string {
  exe ??= execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim()
  return exe
}

export function runPython(args: string[], env?: NodeJS.ProcessEnv): string {
  return execFileSync(pythonExe(), args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: env ?? process.env })
}

const here = path.dirname(fileURLToPath(import.meta.url))
export const BOTOCORE_PARSE = path.join(here, 'botocore_parse.py')
