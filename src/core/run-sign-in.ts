/**
 * One sign-in, the same for both edges: the shared session started, the channels told at every step, a signal wired
 * to abort, the login, the sign-in sealed for the run (share-session), the final message, the channels drained. The
 * GitHub Action (github/main.ts) and the CLI (cli/run.ts) hand in only what differs: how to mask, log and notify,
 * what post needs, how the result is published and how a failure is reported.
 */
import type { EventSink, Logger, RequestContext } from './events.js'
import type { ApprovalRecord } from './approval-record.js'
import { loginRecord } from './login-record.js'
import type { LoginRequest } from '../inputs/spec.js'
import type { Command } from '../inputs/reader.js'
import type { AwsPaths } from '../aws-files/paths.js'
import { login, type FilesListener, type LoginResult } from './login.js'
import { finalEvent } from './outcome.js'
import { cancelAwsRequests } from '../aws/http.js'
import { sweepOrphanedTokenCache } from './cleanup.js'
import { sharedNotice, startSharing } from './shared-sign-in.js'
import { requestedAccess } from './sign-in-mode.js'
import { registeredClientName } from './client-name.js'
import { describedRun, type RunContext } from './run-context.js'

/** How long a cancelled step waits for the channels (comment, webhook) to say "cancelled". */
const CANCEL_DRAIN_MS = 3_000

export interface SignInPorts {
  /** The run, read once by the edge. */
  run: RunContext
  paths: AwsPaths
  env: NodeJS.ProcessEnv
  log: Logger
  /** Register a secret with the log masker before anything else happens with it. */
  mask(secret: string): void
  /** The action has a post step that signs out; the CLI has none (the messages say what that leaves). */
  hasPostStep: boolean
  /** The channels besides the log, for this request and what approvers are shown, behind one sink. */
  channels(request: LoginRequest, ctx: RequestContext): EventSink
  /** Main's record for its post step: each file as it is about to be written, then the result. */
  record?: {
    files(request: LoginRequest): FilesListener
    result(request: LoginRequest, result: LoginResult): void
  }
  /**
   * Hands the result to the job before the final message (the action: exports, outputs, the session output, the
   * approval record).
   */
  publish?(
    request: LoginRequest,
    result: LoginResult,
    sealed: string | undefined,
    record: ApprovalRecord
  ): void
  /**
   * Hands the result over once the channels have the final message (the CLI: credentials to stdout or --output-file).
   * When it throws, the channels hear that the sign-in failed after all, and the outcome is that failure.
   */
  deliver?(
    request: LoginRequest,
    result: LoginResult,
    sealed: string | undefined,
    record: ApprovalRecord
  ): void | Promise<void>
  /** Says at once that the step was cancelled or failed (the action); without it the edge reports from the outcome. */
  report?: {
    cancelled(signal: string): void
    failed(error: unknown): void
  }
  /**
   * The action's hard stop: GitHub cancels with SIGINT, then SIGTERM 7.5 s later, then kills. A login still running
   * `graceMs` after the signal is reported, a token it may have left in the cache revoked (each Logout attempt
   * `sweepMs` at most), and the process exits; a second signal exits at once. A cancel that comes after the login
   * returned still cancels. Without it (the CLI) a signal only aborts what is in flight.
   */
  hardStop?: { graceMs: number; sweepMs: number }
  /** credential-server: the process whose end stops the server (default: this process's parent). */
  watchPid?: number
}

export type SignInOutcome =
  | {
      kind: 'signed-in'
      request: LoginRequest
      result: LoginResult
      sealed?: string
      /** The approval record (the same value every edge hands out). */
      record: ApprovalRecord
    }
  /** end-session: whether the sign-out was confirmed. */
  | { kind: 'ended'; signedOut: boolean }
  /** Refused before any request (a sealed session that does not open, no run to bind to). */
  | { kind: 'refused'; error: unknown }
  | { kind: 'failed'; error: unknown }
  | { kind: 'cancelled'; signal: string }
  /** The hard stop reported the outcome already (and is exiting). */
  | { kind: 'stopped' }

export async function runSignIn(
  command: Command,
  ports: SignInPorts
): Promise<SignInOutcome> {
  const { run, paths, env, log, hardStop } = ports
  let start
  try {
    start = await startSharing(command, {
      mask: (s) => ports.mask(s),
      log,
      env,
      sealRun: run.sealRun
    })
  } catch (error) {
    return { kind: 'refused', error }
  }
  if (start.kind === 'ended')
    return { kind: 'ended', signedOut: start.signedOut }
  const { request, signIn, sealer } = start

  const ctx: RequestContext = {
    ...describedRun(run),
    ...requestedAccess(request, ports.hasPostStep)
  }
  const events = ports.channels(request, ctx)
  const controller = new AbortController()
  /** Set once the outcome is reported, by the login or by the hard stop, whichever comes first. */
  let finished = false
  /** Secrets this process masked: an access token among them came from CreateToken in this run. */
  const masked = new Set<string>()
  /** The access tokens CreateToken issued to this run: a hard stop revokes those no cache file holds. */
  const issued = new Set<string>()
  const cancelled = (signal: string): SignInOutcome => {
    events.push({ type: 'cancelled', at: new Date(), signal })
    ports.report?.cancelled(signal)
    return { kind: 'cancelled', signal }
  }
  const stopHard = (signal: string, stop: { sweepMs: number }) => {
    if (finished) return
    finished = true
    cancelled(signal)
    const bounded = Promise.race([
      sweepLeftToken(request, paths, masked, issued, stop.sweepMs, log, env),
      new Promise((r) => setTimeout(r, stop.sweepMs + 500))
    ])
    void Promise.all([bounded, events.drain(CANCEL_DRAIN_MS)]).finally(() =>
      process.exit(1)
    )
  }
  const unlisten = listenForSignals(controller, log, hardStop, (signal, stop) =>
    stopHard(signal, stop)
  )
  try {
    const result = await login({
      request,
      run,
      paths,
      clientName: registeredClientName(run.repository),
      ...(ports.record ? { onFilesProgress: ports.record.files(request) } : {}),
      onTokenIssued: (accessToken) => issued.add(accessToken),
      mask: (secret) => {
        masked.add(secret)
        ports.mask(secret)
      },
      emit: (event) => {
        if (event.type === 'started') sealer?.prepare()
        events.push(event)
      },
      log,
      signal: controller.signal,
      env,
      sharedSignIn: signIn,
      ...(ports.watchPid !== undefined ? { watchPid: ports.watchPid } : {})
    })
    // Recorded even when a cancel came in meanwhile: the post step then signs out and removes the files.
    ports.record?.result(request, result)
    const lateCancel = hardStop !== undefined && controller.signal.aborted
    const sealed =
      sealer && !lateCancel ? await sealer.seal(request, result) : undefined
    if (finished) return { kind: 'stopped' }
    finished = true
    if (lateCancel) return cancelled(String(controller.signal.reason))
    const record = loginRecord(request, result, run, ports.hasPostStep)
    ports.publish?.(request, result, sealed, record)
    if (sealer)
      log.info(
        sharedNotice(sealer.binding, result.token.expiresAt) +
          (ports.hasPostStep
            ? ''
            : '; the sign-in stays valid after this command')
      )
    events.push(finalEvent(request, result, record))
    if (ports.deliver) {
      await events.drain()
      try {
        await ports.deliver(request, result, sealed, record)
      } catch (error) {
        events.push(finalEvent(request, error))
        ports.report?.failed(error)
        return { kind: 'failed', error }
      }
    }
    return { kind: 'signed-in', request, result, sealed, record }
  } catch (error) {
    if (finished) return { kind: 'stopped' }
    finished = true
    // Whatever the login was doing when a signal came (a poll, a request the cancel aborted), the outcome is a cancel.
    if (controller.signal.aborted)
      return cancelled(String(controller.signal.reason))
    events.push(finalEvent(request, error))
    ports.report?.failed(error)
    return { kind: 'failed', error }
  } finally {
    await events.drain(controller.signal.aborted ? CANCEL_DRAIN_MS : undefined)
    unlisten()
  }
}

/**
 * SIGINT / SIGTERM abort the login and the AWS requests in flight. With a hard stop (the action) a second signal
 * exits at once and `stopHard` runs `graceMs` after the first; without one (the CLI) each is heard once. Returns the
 * unsubscribe.
 */
function listenForSignals(
  controller: AbortController,
  log: Logger,
  hardStop: SignInPorts['hardStop'],
  stopHard: (signal: string, stop: NonNullable<SignInPorts['hardStop']>) => void
): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (hardStop) {
      if (controller.signal.aborted) {
        log.info(`Received ${signal} again: exiting now`)
        process.exit(1)
      }
      log.info(`Received ${signal}: stopping the login`)
    }
    controller.abort(signal)
    cancelAwsRequests(signal)
    if (hardStop)
      setTimeout(() => stopHard(signal, hardStop), hardStop.graceMs).unref()
  }
  if (hardStop) {
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  } else {
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
  }
  return () => {
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }
}

/** A token a stuck, cancelled login of this run may have left in the cache: revoked and removed (never one it found). */
function sweepLeftToken(
  request: LoginRequest,
  paths: AwsPaths,
  masked: Set<string>,
  issued: Set<string>,
  sweepMs: number,
  log: Logger,
  env: NodeJS.ProcessEnv
): Promise<unknown> {
  // The cache may hold a session this run found, not made (or shared with it): never touch it here.
  if (request.signIn.mode.token.from !== 'device-flow') return Promise.resolve()
  return sweepOrphanedTokenCache(
    {
      ssoCacheDir: paths.ssoCacheDir,
      sessionName: request.profiles.ssoSession,
      ssoRegion: request.target.ssoRegion,
      region: request.target.region,
      isOurs: (t) => masked.has(t),
      requestTimeoutMs: sweepMs,
      issuedTokens: [...issued],
      ...(request.profiles.legacySsoProfile
        ? { legacyStartUrl: request.target.startUrl }
        : {})
    },
    log,
    env
  )
}
