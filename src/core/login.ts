/**
 * One login, from a validated request to verified credentials and the AWS files written.
 * Shared by the GitHub Action and the CLI: no @actions/* here; the edges pass in how to mask, log and notify.
 * The token comes from obtain-token.ts, the stages from it to the files are use-token.ts.
 */
import { AwsClients } from '../aws/clients.js'
import { logout } from '../aws/logout.js'
import { jobFilePaths } from '../aws-files/job-files.js'
import { unsafeAwsPath } from '../aws-files/preflight.js'
import {
  SharedSignInEndedError,
  UnsafePathError,
  type LoginOptions,
  type LoginResult
} from './login-result.js'
import { deviceFlowToken, obtainToken, tokenRejected } from './obtain-token.js'
import { useToken } from './use-token.js'
import { filesPlace } from './files-plan.js'
import { revocationNote, withRevocation } from './rejection.js'
import { writesCredentialsFile } from './profile-layout.js'
import { behaviourOf } from './sign-in-mode.js'
import { unsafeServerPath } from '../credential-server/job-server.js'

export * from './login-result.js'
export { chainedProfileNote, jobRole } from './profile-layout.js'
export { PROFILE_CONCURRENCY } from './use-token.js'

export async function login(options: LoginOptions): Promise<LoginResult> {
  const { request, log, paths } = options
  // Refuse unsafe paths (symlinks) before anyone is asked to approve: a refusal then costs no approval and leaves no token.
  const pathProblem = unsafeAwsPath(
    paths,
    jobFilePaths(filesPlace(paths, request, writesCredentialsFile(request)))
  )
  const serverPathProblem =
    behaviourOf(request.signIn.mode).holds === 'server'
      ? await unsafeServerPath(paths, request.profiles.ssoSession)
      : undefined
  if (pathProblem || serverPathProblem)
    throw new UnsafePathError(
      `${pathProblem ?? serverPathProblem}; nothing was sent or written`
    )

  const clients = new AwsClients({
    ssoRegion: request.target.ssoRegion,
    region: request.target.region,
    env: options.env,
    onRetry: (m) => log.warning(m)
  })
  try {
    let session = await obtainToken(options, clients)
    if (session.via !== 'device-flow') {
      try {
        return await useToken(options, clients, session)
      } catch (error) {
        if (!tokenRejected(error))
          throw withRevocation(error, false, revocationNote(session.via))
        // The shared sign-in belongs to the whole run: never asked for again here, never signed out here.
        if (session.via === 'shared-session') throw new SharedSignInEndedError()
        // The cache said valid, the service says no (signed out elsewhere, revoked by an admin): ask a person, once.
        log.info(
          'reuse-session: the cached SSO token was rejected by the service (revoked?); asking for approval'
        )
        session = await deviceFlowToken(options, clients)
      }
    }
    try {
      return await useToken(options, clients, session)
    } catch (error) {
      // A token a person approved for this run must not outlive a failed login; a reused one belongs to the shared session.
      const revoked = await logout(clients, session.token.accessToken, log)
      throw withRevocation(error, revoked, revocationNote('failed-logout'))
    }
  } finally {
    clients.destroy()
  }
}
