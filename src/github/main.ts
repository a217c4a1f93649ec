/** The action's main step: inputs → login → exports, with the approvers told at every step. */
import * as core from '@actions/core'
import { readLoginRequest, type LoginRequest } from '../request.js'
import { login, type LoginResult } from '../login.js'
import { lstatSync } from 'node:fs'
import path from 'node:path'
import { awsPaths, type AwsPaths } from '../aws-files/paths.js'
import { defaultRoot, symlinkError } from '../aws-files/atomic.js'
import { registrationCacheFile, tokenCacheFile } from '../aws-files/sso-cache.js'
import { registrationKey } from '../session-files.js'
import { finalEvent, failureMessage } from '../outcome.js'
import { githubRequestContext } from './context.js'
import { EventQueue } from '../notify/queue.js'
import { actionLogger, githubNotifiers } from './notifiers.js'
import { saveSessionState } from './state.js'
import { sweepOrphanedTokenCache } from '../cleanup.js'
import { cancelAwsRequests } from '../aws/http.js'

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

  // The files this run will write must be writable the safe way: refuse symlinks before anyone is asked to approve.
  const paths = awsPaths(env)
  const pathProblem = unsafeAwsPath(paths, request)
  if (pathProblem) {
    core.setFailed(`${pathProblem}; nothing was sent or written`)
    return
  }

  const context = githubRequestContext(request, env)
  const events = new EventQueue(githubNotifiers(request, context, env), actionLogger)
  const controller = new AbortController()
  let finished = false
  let hardStop: NodeJS.Timeout | undefined
  /** Secrets this process masked. Without reuse-session every access token among them came from CreateToken in this run. */
  const masked = new Set<string>()
  /** A token cache this run wrote before it failed or was stopped holds a live token: revoke it and remove the file. */
  const sweep = (requestTimeoutMs?: number): Promise<unknown> =>
    request.reuseSession
      ? Promise.resolve() // the cache may hold a session this run found, not made: never touch it here
      : sweepOrphanedTokenCache(
          {
            ssoCacheDir: paths.ssoCacheDir,
            sessionName: request.ssoSession,
            ssoRegion: request.ssoRegion,
            region: request.region,
            isOurs: (token) => masked.has(token),
            requestTimeoutMs
          },
          actionLogger,
          env
        )
  const cancelledMessage = (signal: string) => `the login was cancelled (${signal}) before it finished; no credentials were exported`
  /**
   * GitHub cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills it. Stop polling and abort the AWS requests in flight
   * at once; if the login still has not ended after CANCEL_GRACE_MS (a lock wait, a hung socket), report and exit anyway.
   * A second signal exits at once.
   */
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      core.info(`Received ${signal} again: exiting now`)
      process.exit(1)
    }
    core.info(`Received ${signal}: stopping the login`)
    controller.abort(signal)
    cancelAwsRequests(signal)
    hardStop = setTimeout(() => {
      if (finished) return
      finished = true
      events.push({ type: 'cancelled', at: new Date(), signal })
      core.setFailed(cancelledMessage(signal))
      const swept = Promise.race([sweep(CANCEL_SWEEP_MS), new Promise((r) => setTimeout(r, CANCEL_SWEEP_MS + 500))])
      void Promise.all([swept, events.drain(CANCEL_DRAIN_MS)]).finally(() => process.exit(1))
    }, CANCEL_GRACE_MS)
    hardStop.unref()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  try {
    const result = await login({
      request,
      actor: context.actor,
      paths,
      mask: (secret) => {
        masked.add(secret)
        core.setSecret(secret)
      },
      emit: (event) => events.push(event),
      log: actionLogger,
      signal: controller.signal,
      env
    })
    // Saved even when a cancel came in meanwhile: the post step then signs out and removes the files.
    saveSessionState(request, result)
    if (finished) return
    finished = true
    if (controller.signal.aborted) {
      const signal = String(controller.signal.reason)
      events.push({ type: 'cancelled', at: new Date(), signal })
      core.setFailed(`${cancelledMessage(signal)}; the post step signs out and removes the files it wrote`)
      return
    }
    publish(request, result)
    events.push(finalEvent(request, result))
  } catch (error) {
    if (finished) return
    finished = true
    if (controller.signal.aborted) {
      // Whatever the login was doing when the signal came (a poll, a request the cancel aborted), the outcome is a cancel.
      const signal = String(controller.signal.reason)
      events.push({ type: 'cancelled', at: new Date(), signal })
      core.setFailed(cancelledMessage(signal))
      await sweep(CANCEL_SWEEP_MS)
    } else {
      events.push(finalEvent(request, error))
      core.setFailed(failureMessage(error))
      await sweep()
    }
  } finally {
    if (controller.signal.aborted) {
      await events.drain(CANCEL_DRAIN_MS)
      process.exit(1)
    }
    await events.drain()
    clearTimeout(hardStop)
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }
}

/**
 * The first path this run would write through a symlink (or onto something that is not a file / folder), as the
 * message the writers in aws-files would give: ~/.aws, ~/.aws/sso, ~/.aws/sso/cache, the token and registration
 * cache files, the config file and its folders up to ~/.aws. Checked before any network call, so a refusal costs
 * nobody an approval and leaves no token behind. (The writers check again when they write.)
 */
export function unsafeAwsPath(paths: AwsPaths, request: LoginRequest): string | undefined {
  const folders = [paths.awsDir, path.dirname(paths.ssoCacheDir), paths.ssoCacheDir]
  const configRoot = defaultRoot(paths.configFile)
  for (let d = path.dirname(paths.configFile); ; d = path.dirname(d)) {
    folders.push(d)
    if (d === configRoot || path.dirname(d) === d || !d.startsWith(configRoot)) break
  }
  const files = [tokenCacheFile(paths.ssoCacheDir, request.ssoSession), registrationCacheFile(paths.ssoCacheDir, registrationKey(request)), paths.configFile]
  for (const [p, kind] of [...folders.map((d) => [d, 'folder'] as const), ...files.map((f) => [f, 'file'] as const)]) {
    let st
    try {
      st = lstatSync(p)
    } catch {
      continue // missing (created later, 0700 / 0600) or unreadable (the writer reports it)
    }
    if (st.isSymbolicLink()) return symlinkError(p).message
    if (kind === 'folder' ? !st.isDirectory() : !st.isFile()) return `not a ${kind === 'folder' ? 'directory' : 'regular file'}: ${p}`
  }
  return undefined
}

/** How long a cancelled login may take to wind down before the step reports and exits anyway. */
const CANCEL_GRACE_MS = 3_000
/** Per-attempt timeout of the Logout that revokes a token a cancelled run left in the cache. */
const CANCEL_SWEEP_MS = 2_000
/** How long a cancelled step waits for the channels (comment, webhook) to say "cancelled". */
const CANCEL_DRAIN_MS = 3_000

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
