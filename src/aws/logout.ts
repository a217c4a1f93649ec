/** The SSO session's end: Logout revokes the access token server-side (role sessions already issued live until they expire). */
import type { AwsClients } from './clients.js'
import type { Logger } from '../core/events.js'
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
