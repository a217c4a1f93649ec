/**
 * One credential server, in process: the sign-in (session.ts), the role credentials (roles.ts), the HTTP surface
 * (http.ts) and the report, put together. `stop(reason)` signs out once (SSO Logout), closes the listener and resolves
 * with the final report; the process entry (entry.ts) decides when to exit.
 */
import { AwsClients } from '../aws/clients.js'
import type { Handover } from './handover.js'
import {
  createCredentialHttpServer,
  type CredentialHttpServer
} from './http.js'
import { iso, type ServerReport } from './report.js'
import { RoleCache } from './roles.js'
import { SsoSession } from './session.js'

export interface RunningServer {
  port: number
  report(): ServerReport
  /** Sign out (once), close the listener; resolves with the final report. */
  stop(
    reason: NonNullable<ServerReport['stopped']>['reason']
  ): Promise<ServerReport>
  /** Resolves once the listener is closed. */
  closed: Promise<void>
}

export async function runCredentialServer(
  handover: Handover,
  env: NodeJS.ProcessEnv = process.env
): Promise<RunningServer> {
  const clients = new AwsClients({
    ssoRegion: handover.ssoRegion,
    region: handover.region,
    env,
    ...(handover.http?.maxAttempts !== undefined
      ? { maxAttempts: handover.http.maxAttempts }
      : {}),
    ...(handover.http?.requestTimeoutMs !== undefined
      ? { requestTimeoutMs: handover.http.requestTimeoutMs }
      : {})
  })
  const session = new SsoSession(handover, clients)
  const roles = new RoleCache(handover, session, clients)
  const accountOf = new Map(handover.roles.map((r) => [r.profile, r.accountId]))
  const startedAt = iso()
  let port = 0
  let http: CredentialHttpServer | undefined = undefined
  let stopped: Promise<ServerReport> | undefined
  let resolveClosed: () => void = () => {}
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve))

  const report = (): ServerReport => ({
    version: 1,
    pid: process.pid,
    port,
    startedAt,
    primary: handover.primary,
    profiles: roles.report(),
    sso: { ...session.stats },
    refused: { ...http!.refused },
    ...(session.signInEnded ? { signInEnded: { ...session.signInEnded } } : {}),
    ...(finalStop ? { stopped: { ...finalStop } } : {})
  })
  let finalStop: ServerReport['stopped'] | undefined

  const stop: RunningServer['stop'] = (reason) =>
    (stopped ??= (async () => {
      const signedOut = await session.signOut()
      finalStop = { at: iso(), reason, signedOut }
      clients.destroy()
      return report()
    })())

  http = createCredentialHttpServer(
    handover.authToken,
    {
      has: (profile) => roles.has(profile),
      held: (profile) => {
        const credentials = roles.freshHeld(profile)
        return (
          credentials && { credentials, accountId: accountOf.get(profile)! }
        )
      },
      credentials: async (profile) => ({
        credentials: await roles.credentials(profile),
        accountId: accountOf.get(profile)!
      }),
      report,
      stop: () => stop('stop request')
    },
    () => close()
  )
  const close = (): void => {
    http!.server.close(() => resolveClosed())
    http!.server.closeAllConnections()
  }
  port = await http.listen()
  return {
    port,
    report,
    closed,
    stop: async (reason) => {
      const r = await stop(reason)
      close()
      return r
    }
  }
}
