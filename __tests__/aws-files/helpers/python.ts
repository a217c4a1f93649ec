/**
 * Run python3 (resolved once to the real interpreter, skipping slow version-manager shims). Windows installs
 * (and actions/setup-python there) often have only `python`: it is the fallback when `python3` does not run.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

let exe: string | undefined

const CANDIDATES = ['python3', 'python']

export function pythonExe(): string {
  if (exe !== undefined) return exe
  const failures: string[] = []
  for (const candidate of CANDIDATES) {
    try {
      const found = execFileSync(
        candidate,
        [
          '-c',
          'import sys; assert sys.version_info[0] == 3; print(sys.executable)'
        ],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe']
        }
      ).trim()
      if (found) return (exe = found)
    } catch (error) {
      failures.push(`${candidate}: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  throw new Error(
    `no Python 3 interpreter found (tried ${failures.join('; ')})`
  )
}

export function runPython(args: string[], env?: NodeJS.ProcessEnv): string {
  return execFileSync(pythonExe(), args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: env ?? process.env
  })
}

const here = path.dirname(fileURLToPath(import.meta.url))
export const BOTOCORE_PARSE = path.join(here, 'botocore_parse.py')

/** AWS CLI v1's arguments (after `python3`) for `sts get-caller-identity` as the given profile, JSON out. */
export function cliV1IdentityArgs(profile: string): string[] {
  return [
    '-m',
    'awscli',
    'sts',
    'get-caller-identity',
    '--profile',
    profile,
    '--output',
    'json'
  ]
}
