/** The SSO session's end: Logout revokes the access token server-side (role sessions already issued live until they expire). */
import { AwsClients, type ClientSettings } from './clients.js'
import type { Logger } from '../util/logger.js'
import { describeAwsError } from './errors.js'

/** Returns true when the token was revoked (or was already invalid); never throws. */
export async function logout(
  clients: AwsClients,
  accessToken: string,
  log: Logger
): Promise<boolean> {
  const { LogoutCommand } = await import('@aws-sdk/client-sso')
  try {
    await (await clients.ssoClient()).send(new LogoutCommand({ accessToken }))
    return true
  } catch (error) {
    if ((error as { name?: string })?.name === 'UnauthorizedException')
      return true
    log.warning(
      `SSO Logout failed: ${describeAwsError(error)}; the access token stays valid until it expires`
    )
    return false
  }
}

/**
 * Logout with clients of its own, closed afterwards: for a step whose only AWS call is the sign-out (post, end-session,
 * the cancel sweep). Failed attempts that the SDK retries are logged at info. Never throws.
 */
export async function signOut(
  accessToken: string,
  settings: Omit<ClientSettings, 'onRetry'>,
  log: Logger
): Promise<boolean> {
  const clients = new AwsClients({ ...settings, onRetry: (m) => log.info(m) })
  try {
    return await logout(clients, accessToken, log)
  } finally {
    clients.destroy()
  }
}
