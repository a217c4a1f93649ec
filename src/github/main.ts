/** The action's main step: inputs → login → exports, with the approvers told at every step. */
import * as core from '@actions/core'
import { readLoginRequest, type LoginRequest } from '../request.js'
import { login, type LoginResult } from '../login.js'
import { awsPaths } from '../aws-files/paths.js'
import { finalEvent, failureMessage } from '../outcome.js'
import { githubRequestContext } from './context.js'
import { EventQueue } from '../notify/queue.js'
import { actionLogger, githubNotifiers } from './notifiers.js'
import { saveSessionState } from './state.js'

export async function runMain(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Marks the post step (same bundle, actions/checkout's pattern) before anything can fail.
  core.saveState('isPost', 'true')

  let request: LoginRequest
  try {
    request = readLoginRequest((name) => core.getInput(name))
  } catch (error) {
    core.setFailed((error as Error).message)
    return
  }
  if (request.githubToken) core.setSecret(request.githubToken)
  if (request.webhookUrl) core.setSecret(request.webhookUrl)

  const context = githubRequestContext(request, env)
  const events = new EventQueue(githubNotifiers(request, context, env), actionLogger)
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    core.info(`Received ${signal}: stopping the login`)
    controller.abort(signal)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  try {
    const result = await login({
      request,
      actor: context.actor,
      paths: awsPaths(env),
      mask: (secret) => core.setSecret(secret),
      emit: (event) => events.push(event),
      log: actionLogger,
      signal: controller.signal,
      env
    })
    saveSessionState(request, result)
    publish(request, result)
    events.push(finalEvent(request, result))
  } catch (error) {
    events.push(finalEvent(request, error))
    core.setFailed(failureMessage(error))
  } finally {
    await events.drain()
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
    if (controller.signal.aborted) process.exit(1)
  }
}

/** Outputs always; the primary profile's credentials in the job's environment when export-credentials is true. */
function publish(request: LoginRequest, result: LoginResult): void {
  const { credentials, identity } = result.primary
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
      (request.exportCredentials ? '; AWS_* credentials exported to the rest of the job' : '')
  )
  for (const extra of result.extra) {
    if (extra.identity) core.info(`Profile "${extra.profile.name}": verified ${extra.identity.arn}`)
    else core.warning(`Profile "${extra.profile.name}" (${extra.profile.accountId}/${extra.profile.roleName}): ${extra.error}`)
  }
}
