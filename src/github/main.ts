/** The action's main step: inputs → login → exports, with the approvers told at every step. */
import * as core from '@actions/core'
import { type LoginRequest } from '../inputs/spec.js'
import { readCommand, type Command } from '../inputs/reader.js'
import {
  chainedProfileNote,
  jobSession,
  login,
  type LoginResult
} from '../core/login.js'
import { awsPaths } from '../aws-files/paths.js'
import { finalEvent, failureMessage } from '../core/outcome.js'
import { EventQueue } from '../notify/queue.js'
import { sweepOrphanedTokenCache } from '../core/cleanup.js'
import { cancelAwsRequests } from '../aws/http.js'
import { githubRequestContext } from './context.js'
import { actionLogger, githubNotifiers } from './notifiers.js'
import { clearSessionState, saveSessionState } from './state.js'
import { runActors } from '../core/approvers.js'
import {
  sharedNotice,
  startSharedSession,
  type SharedStart
} from '../core/shared-session.js'
import { registeredClientName } from '../core/client-name.js'

/** How long a cancelled login may take to wind down before the step reports and exits anyway. */
const CANCEL_GRACE_MS = 3_000
/** Per-attempt timeout of the Logout that revokes a token a stuck, cancelled run left in the cache. */
const CANCEL_SWEEP_MS = 2_000
/** How long a cancelled step waits for the channels (comment, webhook) to say "cancelled". */
const CANCEL_DRAIN_MS = 3_000

export async function runMain(
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  let command: Command
  try {
    command = readCommand((name) => core.getInput(name))
  } catch (error) {
    core.setFailed((error as Error).message)
    return
  }
  if (command.kind === 'sign-in') {
    if (command.request.githubToken) core.setSecret(command.request.githubToken)
    if (command.request.webhookUrl) core.setSecret(command.request.webhookUrl)
  }
  const shared = await sharedSession(command, env)
  if (!shared) return
  const request = shared.request

  const paths = awsPaths(env)
  const context = githubRequestContext(request, env)
  const events = new EventQueue(
    githubNotifiers(request, context, env),
    actionLogger
  )
  const controller = new AbortController()
  /** Set once the step's outcome is reported, by the login or by the cancel's hard stop, whichever comes first. */
  let finished = false
  /** Secrets this process masked: an access token among them came from CreateToken in this run. */
  const masked = new Set<string>()
  const cancelled = (signal: string) => {
    events.push({ type: 'cancelled', at: new Date(), signal })
    core.setFailed(
      `the login was cancelled (${signal}) before it finished; no credentials were exported`
    )
  }

  /**
   * GitHub cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills it. Stop polling and abort the AWS requests
   * in flight at once; if the login still has not ended after CANCEL_GRACE_MS (a lock wait, a hung socket), report,
   * revoke a token it may have left in the cache, and exit. A second signal exits at once.
   */
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      core.info(`Received ${signal} again: exiting now`)
      process.exit(1)
    }
    core.info(`Received ${signal}: stopping the login`)
    controller.abort(signal)
    cancelAwsRequests(signal)
    setTimeout(() => {
      if (finished) return
      finished = true
      cancelled(signal)
      const sweep =
        request.mode.token.from !== 'device-flow'
          ? Promise.resolve() // the cache may hold a session this run found, not made (or shared with it): never touch it here
          : sweepOrphanedTokenCache(
              {
                ssoCacheDir: paths.ssoCacheDir,
                sessionName: request.ssoSession,
                ssoRegion: request.ssoRegion,
                region: request.region,
                isOurs: (t) => masked.has(t),
                requestTimeoutMs: CANCEL_SWEEP_MS,
                ...(request.legacySsoProfile
                  ? { legacyStartUrl: request.startUrl }
                  : {})
              },
              actionLogger,
              env
            )
      const bounded = Promise.race([
        sweep,
        new Promise((r) => setTimeout(r, CANCEL_SWEEP_MS + 500))
      ])
      void Promise.all([bounded, events.drain(CANCEL_DRAIN_MS)]).finally(() =>
        process.exit(1)
      )
    }, CANCEL_GRACE_MS).unref()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const result = await login({
      request,
      actor: context.actor,
      actors: runActors(env),
      paths,
      clientName: registeredClientName(context.repository),
      // Each file the login is about to write is recorded for the post step before it is written: a hard stop (or a
      // kill) in the middle of the writes then still gets its config sections, token and registration caches cleaned up.
      onFilesProgress: (progress) =>
        progress
          ? saveSessionState(request, {
              token: { accessToken: progress.accessToken },
              written: progress.written
            })
          : clearSessionState(),
      mask: (secret) => {
        masked.add(secret)
        core.setSecret(secret)
      },
      emit: (event) => {
        if (event.type === 'started') shared.sealer?.prepare()
        events.push(event)
      },
      log: actionLogger,
      signal: controller.signal,
      env,
      sharedSignIn: shared.signIn
    })
    // Saved even when a cancel came in meanwhile: the post step then signs out and removes the files.
    saveSessionState(request, result)
    const sealed =
      shared.sealer && !controller.signal.aborted
        ? await shared.sealer.seal(request, result)
        : undefined
    if (finished) return
    finished = true
    if (controller.signal.aborted) cancelled(String(controller.signal.reason))
    else {
      publish(request, result)
      if (sealed) {
        core.setOutput('session', sealed) // not masked: GitHub drops outputs that hold a masked value; sealed, it needs no mask
        saveSessionState(request, result, true)
        actionLogger.info(
          sharedNotice(shared.sealer!.binding, result.token.expiresAt)
        )
      }
      events.push(finalEvent(request, result))
    }
  } catch (error) {
    if (finished) return
    finished = true
    // Whatever the login was doing when a signal came (a poll, a request the cancel aborted), the outcome is a cancel.
    if (controller.signal.aborted) cancelled(String(controller.signal.reason))
    else {
      events.push(finalEvent(request, error))
      core.setFailed(failureMessage(error))
    }
  } finally {
    await events.drain(controller.signal.aborted ? CANCEL_DRAIN_MS : undefined)
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }
  // Returns without process.exit(): nothing keeps the event loop alive past this point (idle keep-alive sockets and
  // timers are unref'd), so the process ends by itself, and local-action can run the post step in the same process.
}

/** Outputs always; the primary profile's credentials in the job's environment when export-credentials is true. */
function publish(request: LoginRequest, result: LoginResult): void {
  const { credentials, identity } = jobSession(result)
  if (request.exportCredentials) {
    core.exportVariable('AWS_ACCESS_KEY_ID', credentials.accessKeyId)
    core.exportVariable('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey)
    core.exportVariable('AWS_SESSION_TOKEN', credentials.sessionToken)
    core.exportVariable('AWS_REGION', request.region)
    core.exportVariable('AWS_DEFAULT_REGION', request.region)
  }
  core.setOutput('aws-account-id', identity.account)
  core.setOutput('arn', identity.arn)
  core.setOutput('user-id', identity.userId)
  core.setOutput('profile', request.profile)
  core.setOutput('expiration', credentials.expiration.toISOString())
  core.setOutput('approved-by', result.approvedBy)
  core.info(
    `Signed in as ${identity.arn} (approved by ${result.approvedBy || 'unknown'}); profile "${request.profile}" is ready` +
      (request.exportCredentials
        ? '; AWS_* credentials exported to the rest of the job'
        : '')
  )
  if (result.chained) core.info(chainedProfileNote(result.chained))
  for (const extra of result.extra) {
    if (extra.identity)
      core.info(
        `Profile "${extra.profile.name}": verified ${extra.identity.arn}`
      )
    else if (extra.error)
      core.warning(
        `Profile "${extra.profile.name}" (${extra.profile.accountId}/${extra.profile.roleName}): ${extra.error}`
      )
  }
}

/**
 * share-session / session / end-session before anything else: the key masked, a sealed session opened (refused
 * before any request). end-session signs out and is the whole step. undefined: the step is over.
 */
async function sharedSession(
  command: Command,
  env: NodeJS.ProcessEnv
): Promise<Extract<SharedStart, { kind: 'login' }> | undefined> {
  try {
    const start = await startSharedSession(command, {
      mask: (s) => core.setSecret(s),
      log: actionLogger,
      env
    })
    if (start.kind === 'login') return start
    if (!start.signedOut) {
      core.setFailed(
        'end-session: the sign-out could not be confirmed; the shared sign-in may stay valid until it expires'
      )
    }
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
  return undefined
}
