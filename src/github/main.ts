/** The action's main step: inputs → one sign-in (core/run-sign-in.ts) → exports, with the approvers told at every step. */
import * as core from '@actions/core'
import { type LoginRequest } from '../inputs/spec.js'
import { readCommand, type Command } from '../inputs/reader.js'
import { chainedProfileNote, jobRole, type LoginResult } from '../core/login.js'
import { awsPaths } from '../aws-files/paths.js'
import { failureMessage } from '../core/outcome.js'
import { githubRunContext } from './context.js'
import { actionLogger, githubNotifiers } from './notifiers.js'
import { clearPostState, savePostState } from './state.js'
import { runSignIn } from '../core/run-sign-in.js'
import { EventQueue } from '../notify/queue.js'
import { approvalRecordJson } from '../core/approval-record.js'
import type { ServedServer } from '../core/login-result.js'

/** How long a cancelled login may take to wind down before the step reports and exits anyway. */
const CANCEL_GRACE_MS = 3_000
/** Per-attempt timeout of the Logout that revokes a token a stuck, cancelled run left in the cache. */
const CANCEL_SWEEP_MS = 2_000

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
    if (command.request.notify.githubToken)
      core.setSecret(command.request.notify.githubToken)
    if (command.request.notify.webhookUrl)
      core.setSecret(command.request.notify.webhookUrl)
  }
  const outcome = await runSignIn(command, {
    run: githubRunContext(env),
    paths: awsPaths(env),
    env,
    log: actionLogger,
    mask: (secret) => core.setSecret(secret),
    hasPostStep: true,
    channels: (request, ctx) =>
      new EventQueue(githubNotifiers(request, ctx, env), actionLogger),
    // Each file the login is about to write is recorded for the post step before it is written: a hard stop (or a
    // kill) in the middle of the writes then still gets its config sections, token and registration caches cleaned up.
    record: {
      files: (request) => (progress) =>
        progress
          ? savePostState(request, {
              token: { accessToken: progress.accessToken },
              written: progress.written,
              server: progress.server
            })
          : clearPostState(),
      result: (request, result) => savePostState(request, result)
    },
    publish: (request, result, sealed, record) => {
      publish(request, result, env)
      // Not masked, and it must hold no masked value (GitHub drops such an output): names, ARNs, accounts, times only.
      core.setOutput('approval-record', approvalRecordJson(record))
      if (sealed) {
        core.setOutput('session', sealed) // not masked: GitHub drops outputs that hold a masked value; sealed, it needs no mask
        savePostState(request, result, true)
      }
    },
    report: {
      cancelled: (signal) =>
        core.setFailed(
          `the login was cancelled (${signal}) before it finished; no credentials were exported`
        ),
      failed: (error) => core.setFailed(failureMessage(error))
    },
    hardStop: { graceMs: CANCEL_GRACE_MS, sweepMs: CANCEL_SWEEP_MS }
  })
  if (outcome.kind === 'refused') core.setFailed(failureMessage(outcome.error))
  if (outcome.kind === 'ended' && !outcome.signedOut)
    core.setFailed(
      'end-session: the sign-out could not be confirmed; the shared sign-in may stay valid until it expires'
    )
  // Returns without process.exit(): nothing keeps the event loop alive past this point (idle keep-alive sockets and
  // timers are unref'd), so the process ends by itself, and local-action can run the post step in the same process.
}

/**
 * credential-server: the job gets the server's endpoint for the primary role, never keys (keys in the environment
 * would win over the endpoint in every SDK's default chain: a step that already has them is warned).
 */
function exportServer(
  request: LoginRequest,
  server: ServedServer,
  env: NodeJS.ProcessEnv
): void {
  core.setSecret(server.authToken)
  core.exportVariable(
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    `${server.url}/role/${encodeURIComponent(server.primary)}`
  )
  core.exportVariable('AWS_CONTAINER_AUTHORIZATION_TOKEN', server.authToken)
  core.exportVariable('AWS_REGION', request.target.region)
  core.exportVariable('AWS_DEFAULT_REGION', request.target.region)
  if (env.AWS_ACCESS_KEY_ID)
    core.warning(
      'AWS_ACCESS_KEY_ID is already set in this job: keys in the environment win over the credential server in every AWS SDK and CLI, so tools will use those keys, not the server. Remove them from the job (or unset them in the steps that should use the server).'
    )
}

/** Outputs always; the primary profile's credentials in the job's environment when export-credentials is true. */
function publish(
  request: LoginRequest,
  result: LoginResult,
  env: NodeJS.ProcessEnv
): void {
  const { credentials, identity } = jobRole(result)
  if (result.server) {
    if (request.files.exportCredentials)
      exportServer(request, result.server, env)
  } else if (request.files.exportCredentials) {
    core.exportVariable('AWS_ACCESS_KEY_ID', credentials.accessKeyId)
    core.exportVariable('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey)
    core.exportVariable('AWS_SESSION_TOKEN', credentials.sessionToken)
    core.exportVariable('AWS_REGION', request.target.region)
    core.exportVariable('AWS_DEFAULT_REGION', request.target.region)
  }
  core.setOutput('aws-account-id', identity.account)
  core.setOutput('arn', identity.arn)
  core.setOutput('user-id', identity.userId)
  core.setOutput('profile', request.profiles.profile)
  core.setOutput('expiration', credentials.expiration.toISOString())
  core.setOutput('approved-by', result.approvedBy)
  core.info(
    `Signed in as ${identity.arn} (approved by ${result.approvedBy || 'unknown'}); profile "${request.profiles.profile}" is ready` +
      (request.files.exportCredentials
        ? result.server
          ? '; the credential server endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI, AWS_CONTAINER_AUTHORIZATION_TOKEN) exported to the rest of the job'
          : '; AWS_* credentials exported to the rest of the job'
        : '')
  )
  if (result.chained && !result.server)
    core.info(chainedProfileNote(result.chained))
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
