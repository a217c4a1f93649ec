/** The end of a session: revoke the SSO token, then remove exactly the files this run wrote. Never throws. */
import type { Logger } from './events.js'
import { AwsClients } from './aws/clients.js'
import { logout } from './sso-session.js'
import { removeSessionFiles, type WrittenFiles } from './session-files.js'

export interface CleanupInput {
  accessToken: string
  ssoRegion: string
  region: string
  written: WrittenFiles
}

export async function cleanupSession(input: CleanupInput, log: Logger, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const clients = new AwsClients({ ssoRegion: input.ssoRegion, region: input.region, env, onRetry: (m) => log.info(m), maxAttempts: 3 })
  let ok = true
  try {
    if (await logout(clients, input.accessToken, log)) log.info('Signed out of IAM Identity Center: the access token is revoked (role sessions already issued last until they expire)')
    else ok = false
  } finally {
    clients.destroy()
  }
  try {
    const report = await removeSessionFiles(input.written)
    log.info(`Token cache: ${report.tokenCache}; registration cache: ${report.registrationCache ?? 'not written by this run'}; config: ${report.config}`)
  } catch (error) {
    ok = false
    log.warning(`Could not remove the files this run wrote: ${(error as Error).message}`)
  }
  return ok
}
