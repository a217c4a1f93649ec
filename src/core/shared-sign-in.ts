/**
 * One approval for a whole run: what the edges do with share-session / session / end-session around the login.
 * The sealing itself is sealed-sign-in.ts; the login with an opened sign-in is login.ts (no device authorization).
 */
import type { Logger } from './events.js'
import type { LoginRequest } from '../inputs/spec.js'
import type { EndSession } from '../inputs/sign-in-mode.js'
import type { Command } from '../inputs/reader.js'
import type { LoginResult } from './login-result.js'
import { RUN_ID_VARIABLES, type SealRun } from './run-context.js'
import { InputError } from '../inputs/rules.js'
import {
  openSeal,
  RUN_ID_RE,
  sealSignIn,
  prepareSealKey,
  type SealBinding,
  type SharedSignIn
} from './sealed-sign-in.js'
import { signOut } from '../aws/logout.js'

/** Where the run id comes from, in order (GitHub, GitLab, Buildkite, CircleCI); --session-run-id overrides on the CLI. */
/** What a sealed session of this run is bound to; an InputError (before any request) when there is no run to bind to. */
export function sealBinding(
  subject: Pick<LoginRequest, 'signIn'> | EndSession,
  run: SealRun
): SealBinding {
  const input =
    'signIn' in subject && subject.signIn.mode.kind === 'shared'
      ? 'share-session'
      : 'session'
  const { runId, repository } = run
  if (!runId)
    throw new InputError(
      input,
      `needs a workflow run to bind the sign-in to, and none of ${RUN_ID_VARIABLES.join(', ')} is set (CLI: --session-run-id)`
    )
  if (!RUN_ID_RE.test(runId))
    throw new InputError(
      input,
      `the run id must be 1-64 of letters, digits, _ and -, got ${JSON.stringify(runId.slice(0, 70))}`
    )
  return { repository, runId }
}

/**
 * session: opens the sealed sign-in (refusing it before any request: wrong key, other run or repository, tampered,
 * expired or too close to expiry) and completes the request from it: start URL, SSO region, sso-session name (unless
 * given), and the login job's account and role unless the job gives its own. A start URL or SSO region given with it
 * must be the sealed one.
 */
export async function openSharedSignIn(
  request: LoginRequest,
  binding: SealBinding,
  mask: (secret: string) => void,
  now = Date.now()
): Promise<{ request: LoginRequest; signIn: SharedSignIn }> {
  const shared = request.signIn.mode.token
  if (shared.from !== 'session')
    throw new Error('openSharedSignIn: the request has no session input')
  const signIn = await openSeal(shared.sealed, shared.key, binding, {
    minValiditySeconds: request.signIn.minValiditySeconds,
    now
  })
  mask(signIn.accessToken)
  if (request.target.startUrl && request.target.startUrl !== signIn.startUrl) {
    throw new InputError(
      'start-url',
      `is not the start URL of the shared sign-in (${signIn.startUrl}); leave it out with session`
    )
  }
  if (
    request.target.ssoRegion &&
    request.target.ssoRegion !== signIn.ssoRegion
  ) {
    throw new InputError(
      'sso-region',
      `is not the SSO region of the shared sign-in (${signIn.ssoRegion}); leave it out with session`
    )
  }
  const region = request.target.region || signIn.ssoRegion
  return {
    signIn,
    request: {
      ...request,
      target: {
        startUrl: signIn.startUrl,
        ssoRegion: signIn.ssoRegion,
        region,
        accountId: request.target.accountId || signIn.accountId,
        roleName: request.target.roleName || signIn.roleName
      },
      profiles: {
        ...request.profiles,
        ssoSession: shared.ssoSessionGiven
          ? request.profiles.ssoSession
          : signIn.ssoSession,
        extraProfiles: request.profiles.extraProfiles.map((p) =>
          p.region ? p : { ...p, region }
        )
      }
    }
  }
}

/** share-session: the key derivation, started when the approval link is out so that its cost hides in the wait. */
export class SignInSealer {
  private key?: ReturnType<typeof prepareSealKey>
  constructor(
    private readonly sessionKey: string,
    readonly binding: SealBinding
  ) {}

  prepare(): void {
    this.key ??= prepareSealKey(this.sessionKey)
  }

  /** The `session` output: this login's sign-in, sealed (no refresh token, no client secret). */
  seal(
    request: LoginRequest,
    result: Pick<LoginResult, 'token' | 'approvers'>
  ): Promise<string> {
    this.prepare()
    const signIn: SharedSignIn = {
      accessToken: result.token.accessToken,
      startUrl: request.target.startUrl,
      ssoRegion: request.target.ssoRegion,
      ssoSession: request.profiles.ssoSession,
      expiresAt: result.token.expiresAt,
      accountId: request.target.accountId,
      roleName: request.target.roleName,
      ...(result.approvers ? { approvers: result.approvers } : {})
    }
    return sealSignIn(signIn, this.key!, this.binding)
  }
}

/** The line the login job logs once the sign-in is sealed. */
export function sharedNotice(binding: SealBinding, expiresAt: Date): string {
  return (
    `share-session: the sign-in is in the session output, sealed with session-key for run ${binding.runId}` +
    `${binding.repository ? ` of ${binding.repository}` : ''}; any later job of this run that holds both the output and the key ` +
    `can use it until end-session signs it out or it expires at ${expiresAt.toISOString()}`
  )
}

/**
 * end-session: signs the shared sign-in out (SSO Logout) and does nothing else. A sign-in that already expired needs
 * no sign-out (said so, not a failure: the end-session job runs with if: always()). Throws only for a refused seal.
 * Returns whether the sign-out was confirmed.
 */
export async function endSharedSignIn(
  end: EndSession,
  binding: SealBinding,
  mask: (secret: string) => void,
  log: Logger,
  env: NodeJS.ProcessEnv
): Promise<boolean> {
  const signIn = await openSeal(end.token.sealed, end.token.key, binding, {
    minValiditySeconds: null
  })
  mask(signIn.accessToken)
  if (signIn.expiresAt.getTime() <= Date.now()) {
    log.info(
      `end-session: the shared sign-in of run ${binding.runId} already expired at ${signIn.expiresAt.toISOString()}; nothing to sign out`
    )
    return true
  }
  const signedOut = await signOut(
    signIn.accessToken,
    {
      ssoRegion: signIn.ssoRegion,
      region: signIn.ssoRegion,
      env,
      maxAttempts: 3
    },
    log
  )
  if (!signedOut) return false
  log.info(
    `end-session: signed out the sign-in shared in run ${binding.runId} (the SSO access token is revoked): a job that uses its session output fails from now on; ` +
      'role credentials already issued to the jobs stay valid until they expire'
  )
  return true
}

/** What share-session / session / end-session make of a request before anything else, the same for both edges. */
export type SharedStart =
  | {
      kind: 'login'
      request: LoginRequest
      signIn?: SharedSignIn
      sealer?: SignInSealer
    }
  | { kind: 'ended'; signedOut: boolean }

/**
 * share-session: a sealer for the result; session: the sealed sign-in opened (refused before any request);
 * end-session: signed out, and nothing else to do. Without any of them the request goes on as it is. The session-key
 * is masked first.
 */
export async function startSharing(
  command: Command,
  options: {
    mask: (secret: string) => void
    log: Logger
    env: NodeJS.ProcessEnv
    /** The run to bind to (RunContext.sealRun). */
    sealRun: SealRun
  }
): Promise<SharedStart> {
  const { mask, log, env } = options
  if (command.kind === 'end-session') {
    mask(command.token.key)
    const binding = sealBinding(command, options.sealRun)
    return {
      kind: 'ended',
      signedOut: await endSharedSignIn(command, binding, mask, log, env)
    }
  }
  const { request } = command
  const { mode } = request.signIn
  // The session input opens a sign-in, whatever stays on the runner; share-session seals this job's own.
  if (mode.token.from === 'session') {
    mask(mode.token.key)
    const binding = sealBinding(request, options.sealRun)
    return {
      kind: 'login',
      ...(await openSharedSignIn(request, binding, mask))
    }
  }
  if (mode.kind === 'shared') {
    mask(mode.key)
    const binding = sealBinding(request, options.sealRun)
    return {
      kind: 'login',
      request,
      sealer: new SignInSealer(mode.key, binding)
    }
  }
  return { kind: 'login', request }
}
