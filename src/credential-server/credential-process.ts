/**
 * credential_process for the profiles the server serves: `node dist/cli.js --credential-process --server-file PATH
 * --profile NAME` prints the AWS credential_process Version 1 JSON for one profile, asked of the running server. The
 * server file (0600) holds only the port, the authorization token, the pid and the profile names: no SSO secret.
 */
import {
  constants,
  openSync,
  readFileSync,
  closeSync,
  fstatSync
} from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { serverCredentials } from './client.js'

export interface ServerFile {
  port: number
  authToken: string
  pid: number
  profiles: string[]
}

/** Written 0600, created exclusively (O_EXCL, O_NOFOLLOW): a file already there (or a link) is an error. */
export async function writeServerFile(
  file: string,
  contents: ServerFile
): Promise<void> {
  await writeFile(file, `${JSON.stringify(contents)}\n`, {
    mode: 0o600,
    flag:
      constants.O_WRONLY |
      constants.O_CREAT |
      constants.O_EXCL |
      constants.O_NOFOLLOW
  })
}

export function readServerFile(file: string): ServerFile {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW)
  try {
    const st = fstatSync(fd)
    if ((st.mode & 0o077) !== 0)
      throw new Error(
        `${file} is readable by others (mode ${(st.mode & 0o777).toString(8)}); it must be 0600`
      )
    const parsed = JSON.parse(readFileSync(fd, 'utf8'))
    if (
      !Number.isInteger(parsed?.port) ||
      typeof parsed.authToken !== 'string' ||
      !Array.isArray(parsed.profiles)
    )
      throw new Error(`${file} is not a credential server file`)
    return parsed as ServerFile
  } finally {
    closeSync(fd)
  }
}

export interface CredentialProcessArgs {
  serverFile: string
  profile: string
}

export function parseCredentialProcessArgs(
  argv: string[]
): CredentialProcessArgs {
  const out: Partial<CredentialProcessArgs> = {}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--credential-process') continue
    else if (a === '--server-file') out.serverFile = value()
    else if (a === '--profile') out.profile = value()
    else throw new Error(`unknown argument ${JSON.stringify(a)}`)
  }
  if (!out.serverFile) throw new Error('--server-file is required')
  if (!out.profile) throw new Error('--profile is required')
  return out as CredentialProcessArgs
}

/** Prints the credential_process JSON on `out`; returns the exit code (1 with the server's message on `err`). */
export async function runCredentialProcess(
  argv: string[],
  out: (text: string) => void = (t) => void process.stdout.write(t),
  err: (text: string) => void = (t) => void process.stderr.write(t)
): Promise<number> {
  try {
    const args = parseCredentialProcessArgs(argv)
    const file = readServerFile(args.serverFile)
    if (!file.profiles.includes(args.profile))
      throw new Error(
        `the credential server serves no profile ${JSON.stringify(args.profile)}`
      )
    const c = await serverCredentials(file, args.profile)
    out(
      `${JSON.stringify({
        Version: 1,
        AccessKeyId: c.AccessKeyId,
        SecretAccessKey: c.SecretAccessKey,
        SessionToken: c.Token,
        Expiration: c.Expiration
      })}\n`
    )
    return 0
  } catch (caught) {
    const error = caught as
      { code?: unknown; name?: unknown; message?: unknown } | undefined
    const reason =
      error?.code === 'ECONNREFUSED'
        ? 'the credential server is not running (connection refused)'
        : String(error?.message ?? caught)
    err(
      `identity-center-login credential_process: ${error?.code && error?.name === 'CredentialServerError' ? `${String(error.code)}: ` : ''}${reason}\n`
    )
    return 1
  }
}
