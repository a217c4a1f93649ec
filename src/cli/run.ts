/**
 * The CLI for every other CI (GitLab, Jenkins, Buildkite, CircleCI…): the same login as the action.
 * The link and code go to stderr; credentials go to stdout (or --output-file) as env, dotenv or json.
 */
import type { Logger, RequestContext } from '../core/events.js'
import { type LoginRequest } from '../inputs/spec.js'
import { InputError } from '../inputs/rules.js'
import { readLoginRequest } from '../inputs/reader.js'
import { parseCliArgs, cliHelp, EXIT_CODES, type OutputFormat } from './args.js'
import { cliVersion } from './version.js'
import { checkOutputFile, writeOutputFile } from './output-file.js'
import { runSignOut } from './sign-out.js'
import {
  jobSession,
  login,
  ApproverRejectedError,
  type LoginResult
} from '../core/login.js'
import { awsPaths } from '../aws-files/paths.js'
import { finalEvent, failureMessage } from '../core/outcome.js'
import { DeviceFlowError } from '../core/device-flow.js'
import { CredentialsError } from '../aws/credentials.js'
import { createNotifiers } from '../notify/index.js'
import { EventQueue } from '../notify/queue.js'
import { cancelAwsRequests } from '../aws/http.js'
import { checkSelfApprovalActors, runActors } from '../core/approvers.js'
import {
  SessionSealer,
  sharedNotice,
  startSharedSession
} from '../core/shared-session.js'
import type { SharedSignIn } from '../core/sealed-session.js'
import { requestedAccess } from '../core/sign-in-mode.js'
import { AccountNotAllowedError } from '../core/allowed-accounts.js'
import { registeredClientName } from '../core/client-name.js'

const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`${m}\n`),
  warning: (m) => process.stderr.write(`warning: ${m}\n`),
  debug: (m) => {
    if (process.env.IDENTITY_CENTER_LOGIN_DEBUG)
      process.stderr.write(`debug: ${m}\n`)
  },
  notice: () => {}
}

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv
): Promise<number> {
  let request: LoginRequest
  let format: OutputFormat
  let outputFile: string | undefined
  let actor: string | undefined
  let notifyAsked = false
  let sharedSignIn: SharedSignIn | undefined
  let sealer: SessionSealer | undefined
  try {
    const args = parseCliArgs(argv, env)
    if (args.help) {
      process.stdout.write(cliHelp())
      return EXIT_CODES.ok
    }
    if (args.version) {
      process.stdout.write(`${cliVersion()}\n`)
      return EXIT_CODES.ok
    }
    if (args.signOut) return await runSignOut(args, env, stderrLogger)
    format = args.format
    outputFile = args.outputFile
    if (outputFile) await checkOutputFile(outputFile)
    request = readLoginRequest(args.get)
    notifyAsked = args.get('notify').trim() !== ''
    actor = args.actor ?? ciActor(env)
    // forbid-self-approval needs someone to compare the approver with: bad input, before any network call.
    checkSelfApprovalActors(
      {
        forbidSelfApproval: request.forbidSelfApproval,
        actor,
        actors: runActors(env)
      },
      '; pass --actor NAME (or IDENTITY_CENTER_LOGIN_ACTOR) with the CI user who started the job'
    )
    // share-session / session / end-session: the run to bind to, and a sealed session refused before any request.
    const start = await startSharedSession(request, {
      mask: () => {},
      log: stderrLogger,
      env,
      explicitRunId: args.sessionRunId
    })
    if (start.kind === 'ended')
      return start.signedOut ? EXIT_CODES.ok : EXIT_CODES.failure
    request = start.request
    sharedSignIn = start.signIn
    sealer = start.sealer
  } catch (error) {
    process.stderr.write(
      `identity-center-login: ${(error as Error).message}\nRun identity-center-login --help for the options.\n`
    )
    return error instanceof InputError
      ? EXIT_CODES.badInput
      : EXIT_CODES.failure
  }

  const context = { ...ciRequestContext(request, env), actor }
  // Outside GitHub there is no job summary or pull request: only the log (stderr) and the webhook apply.
  const channels = request.notify.filter((c) => c === 'webhook')
  const githubOnly = request.notify.filter((c) => c !== 'webhook')
  if (notifyAsked && githubOnly.length) {
    stderrLogger.warning(
      `--notify ${githubOnly.join(', ')}: GitHub Actions channels, not available in the CLI; approvers get the link on stderr${channels.length ? ' and the webhook' : ' (add webhook with --webhook-url to notify them elsewhere)'}`
    )
  }
  const events = new EventQueue(
    createNotifiers(channels, {
      ctx: context,
      logger: stderrLogger,
      env,
      webhookUrl: request.webhookUrl
    }),
    stderrLogger
  )
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    controller.abort(signal)
    cancelAwsRequests(signal)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const result = await login({
      request,
      actor: context.actor,
      actors: runActors(env),
      paths: awsPaths(env),
      clientName: registeredClientName(context.repository),
      mask: () => {},
      emit: (event) => {
        if (event.type === 'started') sealer?.prepare()
        events.push(event)
      },
      log: stderrLogger,
      signal: controller.signal,
      env,
      sharedSignIn
    })
    const sealed = sealer ? await sealer.seal(request, result) : undefined
    if (sealer)
      stderrLogger.info(
        `${sharedNotice(sealer.binding, result.token.expiresAt)}; the sign-in stays valid after this command`
      )
    events.push(finalEvent(request, result))
    await events.drain()
    const text = renderCredentials(format, request, result, sealed)
    if (outputFile) await writeOutputFile(outputFile, text)
    else process.stdout.write(text)
    // A profile that failed without allow-partial already ended the login (ProfilesFailedError): here it is partial.
    return EXIT_CODES.ok
  } catch (error) {
    if (controller.signal.aborted) {
      // Whatever was in flight when the signal came (a poll, an aborted request), the outcome is a cancel.
      const signal = String(controller.signal.reason)
      events.push({ type: 'cancelled', at: new Date(), signal })
      await events.drain(3_000)
      process.stderr.write(
        `identity-center-login: the login was cancelled (${signal}) before it finished\n`
      )
      return EXIT_CODES.cancelled
    }
    events.push(finalEvent(request, error))
    await events.drain()
    process.stderr.write(`identity-center-login: ${failureMessage(error)}\n`)
    return exitCodeFor(error)
  } finally {
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof InputError) return EXIT_CODES.badInput
  if (error instanceof DeviceFlowError)
    return {
      denied: EXIT_CODES.denied,
      expired: EXIT_CODES.expired,
      cancelled: EXIT_CODES.cancelled
    }[error.outcome]
  if (error instanceof ApproverRejectedError) return EXIT_CODES.rejected
  if (error instanceof CredentialsError && error.kind === 'mismatch')
    return EXIT_CODES.rejected
  if (error instanceof AccountNotAllowedError) return EXIT_CODES.rejected
  return EXIT_CODES.failure
}

/** The primary profile's credentials and the outputs, in the requested format. */
export function renderCredentials(
  format: OutputFormat,
  request: LoginRequest,
  result: LoginResult,
  sealedSession?: string
): string {
  const { credentials, identity } = jobSession(result)
  const vars: Record<string, string> = {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
    AWS_REGION: request.region,
    AWS_DEFAULT_REGION: request.region,
    AWS_CREDENTIAL_EXPIRATION: credentials.expiration.toISOString(),
    AWS_PROFILE_NAME: request.profile,
    AWS_ACCOUNT_ID: identity.account,
    AWS_APPROVED_BY: result.approvedBy,
    // share-session: the sealed sign-in, under the name --session reads from the environment (a GitLab dotenv report passes it on).
    ...(sealedSession ? { IDENTITY_CENTER_LOGIN_SESSION: sealedSession } : {})
  }
  if (format === 'json') {
    return `${JSON.stringify(
      {
        credentials: {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey,
          sessionToken: credentials.sessionToken,
          expiration: credentials.expiration.toISOString()
        },
        region: request.region,
        profile: request.profile,
        accountId: identity.account,
        arn: identity.arn,
        userId: identity.userId,
        approvedBy: result.approvedBy,
        ...(sealedSession ? { session: sealedSession } : {}),
        profiles: result.extra.map((p) => ({
          profile: p.profile.name,
          accountId: p.profile.accountId,
          roleName: p.profile.roleName,
          verified: !!p.identity,
          arn: p.identity?.arn,
          error: p.error
        }))
      },
      null,
      2
    )}\n`
  }
  if (format === 'dotenv')
    return Object.entries(vars)
      .map(([k, v]) => `${k}=${v}\n`)
      .join('')
  return Object.entries(vars)
    .map(([k, v]) => `export ${k}=${shellQuote(v)}\n`)
    .join('')
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/**
 * The user who triggered the run, from whichever CI's variable is present. Not `USER`: on a CI agent that is the
 * service account (gitlab-runner, jenkins), and comparing approvers with it would make forbid-self-approval a no-op.
 */
export function ciActor(env: NodeJS.ProcessEnv): string | undefined {
  return [
    'GITHUB_TRIGGERING_ACTOR',
    'GITHUB_ACTOR',
    'GITLAB_USER_LOGIN',
    'BUILDKITE_BUILD_CREATOR_EMAIL',
    'CIRCLE_USERNAME',
    'BUILD_USER_ID'
  ]
    .map((n) => env[n]?.trim())
    .find((v) => v)
}

/** What is being asked, from whichever CI's variables are present. */
export function ciRequestContext(
  request: LoginRequest,
  env: NodeJS.ProcessEnv
): RequestContext {
  const first = (...names: string[]) => names.map((n) => env[n]).find((v) => v)
  return {
    repository: first(
      'GITHUB_REPOSITORY',
      'CI_PROJECT_PATH',
      'BUILDKITE_PIPELINE_SLUG',
      'CIRCLE_PROJECT_REPONAME',
      'JOB_NAME'
    ),
    workflow: first(
      'GITHUB_WORKFLOW',
      'CI_PIPELINE_NAME',
      'BUILDKITE_PIPELINE_NAME',
      'CIRCLE_WORKFLOW_ID'
    ),
    job: first(
      'GITHUB_JOB',
      'CI_JOB_NAME',
      'BUILDKITE_LABEL',
      'CIRCLE_JOB',
      'STAGE_NAME'
    ),
    runUrl: first(
      'CI_JOB_URL',
      'BUILD_URL',
      'BUILDKITE_BUILD_URL',
      'CIRCLE_BUILD_URL'
    ),
    actor: ciActor(env),
    event: first('GITHUB_EVENT_NAME', 'CI_PIPELINE_SOURCE', 'BUILDKITE_SOURCE'),
    ref: first(
      'GITHUB_REF_NAME',
      'CI_COMMIT_REF_NAME',
      'BUILDKITE_BRANCH',
      'CIRCLE_BRANCH',
      'GIT_BRANCH',
      'BRANCH_NAME'
    ),
    sha: first(
      'GITHUB_SHA',
      'CI_COMMIT_SHA',
      'BUILDKITE_COMMIT',
      'CIRCLE_SHA1',
      'GIT_COMMIT'
    ),
    // The CLI has no post step: its sign-in lasts until the token expires or `--sign-out` (unless sign-out-early).
    ...requestedAccess(request, false)
  }
}
