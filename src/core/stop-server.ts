/**
 * The end of a credential server (the action's post step; the CLI's --sign-out): ask it to sign out and exit, print
 * what it served, confirm its port closed; a server that is already gone is said plainly (its sign-in lived only in
 * its memory, so it could not be signed out here); one whose port stays open is killed only if it is the process
 * listening there. Then its server file goes. Never throws.
 */
import type { Logger } from './events.js'
import {
  portClosed,
  stopCredentialServer
} from '../credential-server/client.js'
import type { ServerReport } from '../credential-server/report.js'
import type { ServedRecord } from '../credential-server/job-server.js'
import { pidListeningOn } from '../credential-server/listener.js'
import { isAlive } from '../util/process.js'
import { rmdir } from 'node:fs/promises'
import path from 'node:path'
import { removeIfExists } from '../aws-files/atomic.js'

/** The server's report as log lines: requests and refreshes per profile, errors, when and why the session ended. */
export function reportLines(r: ServerReport): string[] {
  const lines = [
    `Credential server report (pid ${r.pid}, port ${r.port}, started ${r.startedAt}):`
  ]
  for (const p of r.profiles) {
    const role = p.chainedRoleArn ?? `${p.accountId}/${p.roleName}`
    lines.push(
      `  profile ${p.profile} (${role}): ${p.requests} request(s), ${p.served} served, ${p.upstreamFetches} upstream fetch(es), ${p.errors} error(s)` +
        (p.lastError
          ? `; last error at ${p.lastError.at}: ${p.lastError.code}: ${p.lastError.message}`
          : '')
    )
  }
  const s = r.sso
  lines.push(
    `  SSO access token: ${s.refreshes} refresh(es), ${s.refreshFailures} failed; ${s.refreshable ? 'refreshable' : 'not refreshable'}; the last one expires ${s.tokenExpiresAt}` +
      (s.lastRefreshError
        ? `; last refresh error at ${s.lastRefreshError.at}: ${s.lastRefreshError.message}`
        : '')
  )
  const refused = Object.entries(r.refused).filter(([, n]) => n > 0)
  lines.push(
    `  refused requests: ${refused.length ? refused.map(([k, n]) => `${k} ${n}`).join(', ') : 'none'}`
  )
  if (r.signInEnded)
    lines.push(
      `  the sign-in ended at ${r.signInEnded.at} (${r.signInEnded.code}): ${r.signInEnded.message}`
    )
  if (r.stopped)
    lines.push(
      `  stopped at ${r.stopped.at} (${r.stopped.reason}); ${r.stopped.signedOut ? 'signed out of IAM Identity Center (SSO Logout)' : 'not signed out'}`
    )
  return lines
}

/** How long the sign-in the server held stays usable by itself, for a server that could not be signed out. */
function untilWhen(record: ServedRecord): string {
  return record.refreshable
    ? `its access token stays valid until ${record.tokenExpiresAt} at the latest (unless the server refreshed it, in which case until its refreshed token expires, about as long again), or until an administrator ends the session`
    : `its access token stays valid until ${record.tokenExpiresAt}, or until an administrator ends the session`
}

export async function stopJobServer(
  record: ServedRecord,
  log: Logger,
  removeRoot?: string
): Promise<boolean> {
  let ok = true
  if (record.pid === undefined || record.port === undefined) {
    log.info(
      'The main step stopped before the credential server was ready: no server was left running.'
    )
  } else {
    const address = { port: record.port, authToken: record.authToken }
    try {
      const { report, portClosed: closed } = await stopCredentialServer(address)
      for (const line of reportLines(report)) log.info(line)
      if (closed)
        log.info(
          `Port ${record.port} closed: the credential server (pid ${record.pid}) has exited.`
        )
      else ok = killIfListening(record, log) && ok
    } catch (error) {
      const gone = !isAlive(record.pid) || (await portClosed(record.port))
      if (gone) {
        log.warning(
          `The credential server (pid ${record.pid}, port ${record.port}) was no longer running when the post step came (killed, or the runner ended it): its sign-in lived only in its memory, so the post step could not sign it out; ${untilWhen(record)}. Role credentials it served stay valid until they expire. Removing the files the main step wrote.`
        )
      } else {
        log.warning(
          `The credential server on port ${record.port} did not stop on request: ${(error as Error).message}`
        )
        ok = killIfListening(record, log) && ok
      }
    }
  }
  try {
    const removed = await removeIfExists(
      record.file,
      removeRoot ? { root: removeRoot } : {}
    )
    log.info(
      removed
        ? `Server file ${record.file} removed.`
        : `Server file ${record.file}: not there (never written, or removed already).`
    )
    // Its folder (~/.aws/identity-center-login) goes too when nothing else is in it (another sso-session's server file).
    await rmdir(path.dirname(record.file)).catch(() => undefined)
  } catch (error) {
    ok = false
    log.warning(
      `Could not remove the server file ${record.file}: ${(error as Error).message}`
    )
  }
  return ok
}

/** Kill the recorded pid only if it is the process listening on the recorded port; true when the port is closed after. */
function killIfListening(record: ServedRecord, log: Logger): boolean {
  const listener = pidListeningOn(record.port!)
  if (listener !== record.pid) {
    log.warning(
      `Port ${record.port} is still open, but ${listener === undefined ? 'its process could not be identified' : `pid ${listener} listens there, not the server's pid ${record.pid}`}: nothing was killed.`
    )
    return false
  }
  try {
    process.kill(record.pid!, 'SIGKILL')
    log.info(
      `Port ${record.port} stayed open: killed the credential server (pid ${record.pid}), the process listening there.`
    )
    return true
  } catch (error) {
    log.warning(
      `Could not kill the credential server (pid ${record.pid}): ${(error as Error).message}`
    )
    return false
  }
}
