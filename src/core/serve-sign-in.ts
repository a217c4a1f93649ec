/**
 * credential-server's write stage: every check passed; the sign-in is handed (over a pipe, in memory only) to a
 * detached loopback server that serves the listed roles, and the config gets one credential_process profile per role,
 * asking it. Nothing of the sign-in is written: no token cache, no registration cache, no [sso-session] section.
 * What post needs is recorded before each step (the server file and the authorization token before the server starts,
 * its pid and port once it is ready), and a failure or a cancel on the way undoes everything and leaves nothing running.
 */
import path from 'node:path'
import { realpathSync } from 'node:fs'
import type { ProfileSpec } from '../inputs/spec.js'
import type { RoleCredentials } from '../aws/credentials.js'
import { removeJobFiles, type WrittenFiles } from '../aws-files/job-files.js'
import { writeJobFilesFor } from './files-plan.js'
import { removeIfExists } from '../aws-files/atomic.js'
import type { ProcessProfileSpec } from '../aws-files/process-profile.js'
import {
  HANDOVER_VERSION,
  newAuthToken,
  type HandedCredentials,
  type Handover,
  type ServedRole
} from '../credential-server/handover.js'
import { startCredentialServer } from '../credential-server/spawn.js'
import {
  claimServerFile,
  serverFilePath,
  serverProcessEnv,
  writeJobServerFile,
  type ServedRecord
} from '../credential-server/job-server.js'
import type { ChainedRole } from './chain.js'
import type {
  LoginOptions,
  ObtainedToken,
  ServedServer
} from './login-result.js'

/** The running server the job gets: its endpoint, and what post stops it with. */
export interface ServedProfiles {
  primaryProfile: ProfileSpec
  primaryCredentials: RoleCredentials
  chained?: ChainedRole
  /** The other profiles (profiles lines, discovered), verified or written unverified. */
  others: { profile: ProfileSpec; credentials?: RoleCredentials }[]
}

/** The roles the server answers for: the primary (the chained role with role-to-assume), then each other profile. */
export function servedRoles(
  options: Pick<LoginOptions, 'request'>,
  p: ServedProfiles
): ServedRole[] {
  const { request } = options
  const primary: ServedRole = {
    profile: p.primaryProfile.name,
    accountId: p.primaryProfile.accountId,
    roleName: p.primaryProfile.roleName,
    ...(request.chain && p.chained
      ? {
          chain: {
            spec: request.chain,
            sessionName: p.chained.sessionName,
            tags: p.chained.tags,
            ...(p.chained.sourceIdentity !== undefined
              ? { sourceIdentity: p.chained.sourceIdentity }
              : {})
          }
        }
      : {})
  }
  return [
    primary,
    ...p.others.map(({ profile }) => ({
      profile: profile.name,
      accountId: profile.accountId,
      roleName: profile.roleName
    }))
  ]
}

function handed(c: RoleCredentials): HandedCredentials {
  return {
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    sessionToken: c.sessionToken,
    expiration: c.expiration.toISOString()
  }
}

/** `node <dist>/cli.js --credential-process --server-file F --profile NAME`: dist/cli.js beside the running bundle. */
function processCommand(
  file: string,
  profile: string
): ProcessProfileSpec['command'] {
  const dir = path.dirname(realpathSync(path.resolve(process.argv[1] ?? '.')))
  return [
    { text: process.execPath, quote: true },
    { text: path.join(dir, 'cli.js'), quote: true },
    { text: '--credential-process' },
    { text: '--server-file' },
    { text: file, quote: true },
    { text: '--profile' },
    { text: profile }
  ]
}

export async function serveSignIn(
  options: LoginOptions,
  obtained: ObtainedToken,
  profiles: ServedProfiles
): Promise<{ written: WrittenFiles; server: ServedServer }> {
  const { request, paths, log } = options
  const authToken = newAuthToken()
  options.mask(authToken)
  const roles = servedRoles(options, profiles)
  const file = serverFilePath(paths, request.profiles.ssoSession)
  await claimServerFile(paths, file)
  const record: ServedRecord = {
    file,
    authToken,
    tokenExpiresAt: obtained.token.expiresAt.toISOString(),
    refreshable: !!(obtained.token.refreshToken && obtained.registration),
    primary: profiles.primaryProfile.name
  }
  let written: WrittenFiles = {
    configFile: paths.configFile,
    configEdits: [],
    ssoCacheDir: paths.ssoCacheDir,
    sessionName: request.profiles.ssoSession,
    partial: true
  }
  const report = () =>
    options.onFilesProgress?.({
      written: { ...written },
      server: { ...record }
    })
  report()
  let pid: number | undefined
  try {
    const done = await writeJobFilesFor(
      paths,
      request,
      [],
      undefined,
      undefined,
      {
        writeRegistration: false,
        onProgress: (p) => {
          if (p) written = { ...p.written, partial: true }
          report()
        },
        processProfiles: roles.map((r, i) => ({
          name: r.profile,
          command: processCommand(file, r.profile),
          region:
            i === 0
              ? profiles.primaryProfile.region
              : profiles.others[i - 1].profile.region,
          output: request.profiles.output
        }))
      }
    )
    // Still partial for post until the server runs and its file is written.
    written = { ...done, partial: true }
    report()
    const handover = handoverOf(options, obtained, profiles, {
      roles,
      primary: record.primary,
      authToken
    })
    const started = await startCredentialServer(handover, {
      env: serverProcessEnv(options.env ?? process.env),
      ...(options.signal ? { signal: options.signal } : {})
    })
    pid = started.pid
    record.pid = started.pid
    record.port = started.port
    report()
    await writeJobServerFile(paths, file, {
      port: started.port,
      authToken,
      pid: started.pid,
      profiles: roles.map((r) => r.profile)
    })
    written = done
    report()
    log.info(
      `credential-server: serving ${roles.length} profile(s) (${roles.map((r) => r.profile).join(', ')}) from ${started.url} (pid ${started.pid}); the sign-in is in its memory only, nothing of it is on disk`
    )
    return {
      written,
      server: {
        ...record,
        pid: started.pid,
        port: started.port,
        url: started.url
      }
    }
  } catch (error) {
    // Nothing left running, nothing left on disk: the caller signs the token out (the server never used it).
    if (pid !== undefined)
      try {
        process.kill(-pid, 'SIGKILL')
      } catch {
        // gone
      }
    await removeIfExists(file, { root: paths.awsDir }).catch(() => undefined)
    await removeJobFiles(written).catch(() => undefined)
    options.onFilesProgress?.(undefined)
    throw error
  }
}

/** What the server is handed over its pipe: the sign-in, the roles it serves and their first credentials. */
function handoverOf(
  options: LoginOptions,
  obtained: ObtainedToken,
  profiles: ServedProfiles,
  serve: Pick<Handover, 'roles' | 'primary' | 'authToken'>
): Handover {
  const { request } = options
  const { token, registration } = obtained
  const initialCredentials: Record<string, HandedCredentials> = {
    [profiles.primaryProfile.name]: handed(
      (profiles.chained ?? { credentials: profiles.primaryCredentials })
        .credentials
    )
  }
  for (const o of profiles.others)
    if (o.credentials)
      initialCredentials[o.profile.name] = handed(o.credentials)
  return {
    version: HANDOVER_VERSION,
    ssoRegion: request.target.ssoRegion,
    region: request.target.region,
    token: {
      accessToken: token.accessToken,
      expiresAt: token.expiresAt.toISOString(),
      ...(token.refreshToken ? { refreshToken: token.refreshToken } : {})
    },
    ...(registration
      ? {
          registration: {
            clientId: registration.clientId,
            clientSecret: registration.clientSecret,
            expiresAt: registration.expiresAt.toISOString(),
            scopes: registration.scopes
          }
        }
      : {}),
    ...(request.signIn.mode.token.from === 'session'
      ? { keepSignIn: true as const }
      : {}),
    ...serve,
    watchPid: options.watchPid ?? process.ppid,
    initialCredentials
  }
}
