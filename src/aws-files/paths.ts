/**
 * Where the AWS CLI v2 (botocore) and the JS SDK v3 look for the shared config file and the
 * IAM Identity Center token cache.
 *
 * - Config file: `AWS_CONFIG_FILE` (botocore runs `os.path.expandvars` then `os.path.expanduser`
 *   on it), else `~/.aws/config`.
 * - Shared credentials file: `AWS_SHARED_CREDENTIALS_FILE` (same expansion), else `~/.aws/credentials`.
 * - Token cache: `~/.aws/sso/cache`, always from the home directory: no variable moves it.
 */
import os from 'node:os'
import path from 'node:path'
import type { Env } from '../util/proxy.js'

export interface AwsPaths {
  /** The shared config file the CLI reads (absolute). */
  configFile: string
  /** The shared credentials file (absolute): `AWS_SHARED_CREDENTIALS_FILE` (expanded like AWS_CONFIG_FILE), else `~/.aws/credentials`. */
  credentialsFile: string
  /** `~/.aws/sso/cache`: token and client-registration cache. */
  ssoCacheDir: string
  /** `~/.aws`: the folder below which we refuse symlinks. */
  awsDir: string
}

/** Python's `os.path.expandvars`: `$NAME` and `${NAME}` (plus `%NAME%` on Windows); unknown variables stay as written. */
export function expandVars(
  value: string,
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform
): string {
  if (!value.includes('$') && !(platform === 'win32' && value.includes('%')))
    return value
  let out = value.replace(/\$(\w+|\{[^}]*\})/g, (whole, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name
    const found = lookup(env, key, platform)
    return found === undefined ? whole : found
  })
  if (platform === 'win32') {
    out = out.replace(
      /%([^%]+)%/g,
      (whole, name: string) => lookup(env, name, platform) ?? whole
    )
  }
  return out
}

function lookup(
  env: Env,
  key: string,
  platform: NodeJS.Platform
): string | undefined {
  if (platform !== 'win32') return env[key]
  // Windows environment variable names are case-insensitive.
  const wanted = key.toUpperCase()
  for (const [k, v] of Object.entries(env))
    if (k.toUpperCase() === wanted) return v
  return undefined
}

/**
 * Python's `os.path.expanduser` for the current user: `~` alone or `~/…` (`~\…` on Windows).
 * `~otheruser/…` is left unchanged (we cannot look other users up portably).
 */
export function expandUser(
  value: string,
  home: string,
  platform: NodeJS.Platform = process.platform
): string {
  if (value === '~') return home
  const seps = platform === 'win32' ? ['/', '\\'] : ['/']
  if (value.startsWith('~') && seps.includes(value[1] ?? '')) {
    return pathFor(platform).join(home, value.slice(2))
  }
  return value
}

function pathFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix
}

/**
 * The paths the AWS CLI v2 uses.
 * @param env environment (reads `AWS_CONFIG_FILE`)
 * @param home home directory (`os.homedir()`, i.e. `$HOME` / `%USERPROFILE%`)
 * @param platform only for tests: which path flavour to use
 */
export function awsPaths(
  env: Env = process.env,
  home: string = os.homedir(),
  platform: NodeJS.Platform = process.platform
): AwsPaths {
  const p = pathFor(platform)
  const awsDir = p.join(home, '.aws')
  const ssoCacheDir = p.join(awsDir, 'sso', 'cache')
  const fromEnv = (name: string, fallback: string): string => {
    const raw = env[name]
    return raw === undefined || raw === ''
      ? p.join(awsDir, fallback)
      : p.resolve(expandUser(expandVars(raw, env, platform), home, platform))
  }
  return {
    configFile: fromEnv('AWS_CONFIG_FILE', 'config'),
    credentialsFile: fromEnv('AWS_SHARED_CREDENTIALS_FILE', 'credentials'),
    ssoCacheDir,
    awsDir
  }
}
