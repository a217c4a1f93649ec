/**
 * The credential server as one job uses it: where its server file lives (by sso-session, so a later `--sign-out
 * --sso-session NAME` finds it), the environment it is started with (no secret of the step's), and what main records
 * for its post step (never the SSO token: the server's pid, port, authorization token and file, and when the token
 * handed over expires).
 */
import { lstat } from 'node:fs/promises'
import path from 'node:path'
import type { AwsPaths } from '../aws-files/paths.js'
import {
  ensureDir,
  removeIfExists,
  symlinkError,
  writeFileAtomic
} from '../aws-files/atomic.js'
import { readServerFile, type ServerFile } from './credential-process.js'
import { isAlive } from '../util/process.js'

/** What main records for post about the server, before it starts (then again with its pid and port). */
export interface ServedRecord {
  /** The 0600 server file (port, authorization token, pid, profiles). */
  file: string
  /** AWS_CONTAINER_AUTHORIZATION_TOKEN: masked wherever it is shown. */
  authToken: string
  /** When the SSO access token handed to the server expires (ISO 8601); with `refreshable`, it is refreshed until the session ends. */
  tokenExpiresAt: string
  refreshable: boolean
  /** The profile AWS_CONTAINER_CREDENTIALS_FULL_URI names. */
  primary: string
  /** Known once the server is ready. */
  pid?: number
  port?: number
}

/** `~/.aws/identity-center-login`: the server files' folder (0700). */
export function serverFileDir(paths: Pick<AwsPaths, 'awsDir'>): string {
  return path.join(paths.awsDir, 'identity-center-login')
}

/** `~/.aws/identity-center-login/<sso-session>.server.json` */
export function serverFilePath(
  paths: Pick<AwsPaths, 'awsDir'>,
  ssoSession: string
): string {
  return path.join(serverFileDir(paths), `${ssoSession}.server.json`)
}

/** The server file's folder or the file itself is a symlink or not what it should be (for the pre-flight check). */
export async function unsafeServerPath(
  paths: Pick<AwsPaths, 'awsDir'>,
  ssoSession: string
): Promise<string | undefined> {
  for (const [p, kind] of [
    [serverFileDir(paths), 'folder'],
    [serverFilePath(paths, ssoSession), 'file']
  ] as const) {
    const st = await lstat(p).catch(() => undefined)
    if (!st) continue
    if (st.isSymbolicLink()) return symlinkError(p).message
    if (kind === 'folder' ? !st.isDirectory() : !st.isFile())
      return `not a ${kind === 'folder' ? 'directory' : 'regular file'}: ${p}`
  }
  return undefined
}

/**
 * Refuses to start a second server for an sso-session whose server still runs (another job on this runner); a file
 * left by a server that is gone is stale and removed.
 */
export async function claimServerFile(
  paths: Pick<AwsPaths, 'awsDir'>,
  file: string
): Promise<void> {
  await ensureDir(path.dirname(file), { root: paths.awsDir, tighten: true })
  let existing: ServerFile
  try {
    existing = readServerFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    await removeIfExists(file, { root: paths.awsDir })
    return
  }
  if (isAlive(existing.pid))
    throw new Error(
      `a credential server for this sso-session already runs (pid ${existing.pid}, ${file}); use another sso-session or stop it first`
    )
  await removeIfExists(file, { root: paths.awsDir })
}

/** The server file, 0600 in a 0700 folder, written atomically; refuses symlinks from ~/.aws down. */
export async function writeJobServerFile(
  paths: Pick<AwsPaths, 'awsDir'>,
  file: string,
  contents: ServerFile
): Promise<void> {
  await ensureDir(path.dirname(file), { root: paths.awsDir, tighten: true })
  await writeFileAtomic(file, `${JSON.stringify(contents)}\n`, {
    root: paths.awsDir,
    mode: 0o600
  })
}

/** Variables the server's process keeps: where AWS is and how to reach it. Nothing else of the step's (no INPUT_*, tokens, keys). */
const SERVER_ENV =
  /^(PATH|HOME|USERPROFILE|LANG|LC_\w+|TZ|TMPDIR|TEMP|TMP|SYSTEMROOT|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|HTTPS?_PROXY|https?_proxy|NO_PROXY|no_proxy|ALL_PROXY|all_proxy|AWS_ENDPOINT_URL(_\w+)?|AWS_CA_BUNDLE|AWS_USE_FIPS_ENDPOINT|AWS_USE_DUALSTACK_ENDPOINT|AWS_MAX_ATTEMPTS|AWS_RETRY_MODE|IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS)$/

export function serverProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(env))
    if (v !== undefined && SERVER_ENV.test(k)) out[k] = v
  return out
}
