/**
 * `identity-center-login --sign-out --sso-session NAME [--profile NAME]`: the CLI's end of a sign-in, for CI systems
 * with no post step (GitLab after_script, Jenkins post { always { … } }) and for AWS CLI v1, which has no
 * `aws sso logout`. Exit 0 when signed out or when there was nothing to sign out; 1 when Logout failed (the token cache
 * then stays, so that a retry can still sign it out); 2 for bad input.
 */
import type { Logger } from '../core/events.js'
import { DEFAULT_PROFILE, DEFAULT_SSO_SESSION } from '../inputs/spec.js'
import { validateName } from '../aws-files/config-render.js'
import { awsPaths } from '../aws-files/paths.js'
import { signOutSsoSession } from '../core/sso-session-sign-out.js'
import { EXIT_CODES, type CliArgs } from './args.js'

export async function runSignOut(
  args: CliArgs,
  env: NodeJS.ProcessEnv,
  log: Logger
): Promise<number> {
  const ssoSession = args.get('sso-session').trim() || DEFAULT_SSO_SESSION
  const profile = args.get('profile').trim() || DEFAULT_PROFILE
  try {
    validateName('sso-session', ssoSession)
    validateName('profile', profile)
  } catch (error) {
    process.stderr.write(
      `identity-center-login: --sign-out: ${(error as Error).message}\n`
    )
    return EXIT_CODES.badInput
  }
  const scopes = args
    .get('registration-scopes')
    .split(/[\s,]+/)
    .filter((s) => s !== '')
  try {
    const result = await signOutSsoSession(
      awsPaths(env),
      {
        ssoSession,
        profile,
        ...(args.get('sso-region').trim()
          ? { ssoRegion: args.get('sso-region').trim() }
          : {}),
        ...(args.get('start-url').trim()
          ? { startUrl: args.get('start-url').trim() }
          : {}),
        ...(scopes.length ? { registrationScopes: scopes } : {})
      },
      log,
      env
    )
    if (result.token === 'failed') {
      process.stderr.write(
        `identity-center-login: could not sign out sso-session ${ssoSession}; its token cache is kept so that --sign-out can be run again\n`
      )
      return EXIT_CODES.failure
    }
    if (result.token === 'none' && result.removed.length === 0) {
      log.info(
        `Nothing to sign out: no token cache and nothing written for sso-session ${ssoSession}`
      )
      return EXIT_CODES.ok
    }
    if (result.server === 'failed') {
      for (const r of result.removed) log.info(`Removed ${r}`)
      process.stderr.write(
        `identity-center-login: the credential server of sso-session ${ssoSession} could not be stopped (see above)\n`
      )
      return EXIT_CODES.failure
    }
    if (result.server === 'stopped')
      log.info(
        `The credential server of sso-session ${ssoSession} signed out and exited`
      )
    else if (result.token === 'none')
      log.info(`No SSO token was cached for sso-session ${ssoSession}`)
    for (const r of result.removed) log.info(`Removed ${r}`)
    return EXIT_CODES.ok
  } catch (error) {
    process.stderr.write(
      `identity-center-login: --sign-out: ${(error as Error).message}\n`
    )
    return EXIT_CODES.failure
  }
}
