/**
 * The CLI for every other CI (GitLab, Jenkins, Buildkite, CircleCI…): the same login as the action.
 * The link and code go to stderr; credentials go to stdout (or --output-file) as env, dotenv or json.
 */
import { readFileSync } from 'node:fs'
import type { Logger } from '../core/events.js'
import { type LoginRequest } from '../inputs/spec.js'
import { InputError } from '../inputs/rules.js'
import { readCommand, type Command } from '../inputs/reader.js'
import {
  parseCliArgs,
  EXIT_CODES,
  type CliArgs,
  type OutputFormat
} from './args.js'
import { cliHelp } from './help.js'
import { cliVersion } from './version.js'
import { checkOutputFile, writeOutputFile } from './output-file.js'
import { runSignOut } from './sign-out.js'
import {
  jobRole,
  ApproverRejectedError,
  type LoginResult
} from '../core/login.js'
import { awsPaths } from '../aws-files/paths.js'
import { failureMessage } from '../core/outcome.js'
import { DeviceFlowError } from '../core/device-flow.js'
import { CredentialsError } from '../aws/credentials.js'
import { createNotifiers } from '../notify/index.js'
import { EventQueue } from '../notify/queue.js'
import { checkSelfApprovalActors } from '../core/approvers.js'
import { AccountNotAllowedError } from '../core/allowed-accounts.js'
import { runSignIn } from '../core/run-sign-in.js'
import { commonRunContext, type RunContext } from '../core/run-context.js'
import { writeApprovalRecord } from '../core/approval-record.js'
import { ciRecordRun } from './ci-record-run.js'

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
  const fail = (error: unknown) => {
    process.stderr.write(
      `identity-center-login: ${(error as Error).message}\nRun identity-center-login --help for the options.\n`
    )
    return error instanceof InputError
      ? EXIT_CODES.badInput
      : EXIT_CODES.failure
  }
  let command: Command
  let args: CliArgs
  let run: RunContext
  try {
    args = parseCliArgs(argv, env)
    if (args.help) {
      process.stdout.write(cliHelp())
      return EXIT_CODES.ok
    }
    if (args.version) {
      process.stdout.write(`${cliVersion()}\n`)
      return EXIT_CODES.ok
    }
    if (args.signOut) return await runSignOut(args, env, stderrLogger)
    if (args.outputFile) await checkOutputFile(args.outputFile)
    command = readCommand(args.get)
    run = ciRunContext(env, {
      actor: args.actor,
      explicitRunId: args.sessionRunId
    })
    // forbid-self-approval needs someone to compare the approver with: bad input, before any network call.
    if (command.kind === 'sign-in')
      checkSelfApprovalActors(
        {
          forbidSelfApproval: command.request.signIn.forbidSelfApproval,
          actor: run.actor,
          actors: run.actors
        },
        '; pass --actor NAME (or IDENTITY_CENTER_LOGIN_ACTOR) with the CI user who started the job'
      )
  } catch (error) {
    return fail(error)
  }
  const notifyAsked = args.get('notify').trim() !== ''
  const outcome = await runSignIn(command, {
    run,
    paths: awsPaths(env),
    env,
    log: stderrLogger,
    mask: () => {},
    watchPid: args.watchPid ?? defaultWatchPid(),
    // The CLI has no post step: its sign-in lasts until the token expires or `--sign-out` (unless sign-out-early).
    hasPostStep: false,
    channels: (request, ctx) => {
      // Outside GitHub there is no job summary or pull request: only the log (stderr) and the webhook apply.
      const channels = request.notify.channels.filter((c) => c === 'webhook')
      const githubOnly = request.notify.channels.filter((c) => c !== 'webhook')
      if (notifyAsked && githubOnly.length) {
        stderrLogger.warning(
          `--notify ${githubOnly.join(', ')}: GitHub Actions channels, not available in the CLI; approvers get the link on stderr${channels.length ? ' and the webhook' : ' (add webhook with --webhook-url to notify them elsewhere)'}`
        )
      }
      const notifiers = createNotifiers(channels, {
        ctx,
        logger: stderrLogger,
        env,
        webhookUrl: request.notify.webhookUrl
      })
      return new EventQueue(notifiers, stderrLogger)
    },
    deliver: async (request, result, sealed, record) => {
      // The record first: when it cannot be written, no credentials go out.
      if (args.approvalRecord)
        await writeApprovalRecord(args.approvalRecord, record)
      const text = renderCredentials(args.format, request, result, sealed)
      if (args.outputFile) await writeOutputFile(args.outputFile, text)
      else process.stdout.write(text)
    }
  })
  switch (outcome.kind) {
    case 'refused':
      return fail(outcome.error)
    case 'ended':
      return outcome.signedOut ? EXIT_CODES.ok : EXIT_CODES.failure
    case 'cancelled':
    case 'stopped':
      process.stderr.write(
        `identity-center-login: the login was cancelled (${outcome.kind === 'cancelled' ? outcome.signal : 'signal'}) before it finished\n`
      )
      return EXIT_CODES.cancelled
    case 'failed':
      process.stderr.write(
        `identity-center-login: ${failureMessage(outcome.error)}\n`
      )
      return exitCodeFor(outcome.error)
    case 'signed-in':
      // A profile that failed without allow-partial already ended the login (ProfilesFailedError): here it is partial.
      return EXIT_CODES.ok
  }
}

/**
 * The process whose end stops a --credential-server: the parent (the CI step's shell); when the parent is npm's
 * launcher (`npx identity-center-login …`, which exits with the CLI), its own parent (Linux: /proc).
 */
export function defaultWatchPid(ppid = process.ppid): number {
  if (process.platform !== 'linux') return ppid
  try {
    const cmdline = readFileSync(`/proc/${ppid}/cmdline`, 'utf8')
    if (!/(^|[/\0])(npx|npm)(-cli\.js)?(\0|\s|$)/.test(cmdline)) return ppid
    const stat = readFileSync(`/proc/${ppid}/stat`, 'utf8')
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    return parent > 1 ? parent : ppid
  } catch {
    return ppid
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
  sealedSignIn?: string
): string {
  const { credentials, identity } = jobRole(result)
  const server = result.server
  const fullUri = server
    ? `${server.url}/role/${encodeURIComponent(server.primary)}`
    : undefined
  // credential-server: the endpoint, never keys (keys in the environment would win over it).
  const access: Record<string, string> = server
    ? {
        AWS_CONTAINER_CREDENTIALS_FULL_URI: fullUri!,
        AWS_CONTAINER_AUTHORIZATION_TOKEN: server.authToken
      }
    : {
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_SESSION_TOKEN: credentials.sessionToken
      }
  const vars: Record<string, string> = {
    ...access,
    AWS_REGION: request.target.region,
    AWS_DEFAULT_REGION: request.target.region,
    ...(server
      ? {}
      : { AWS_CREDENTIAL_EXPIRATION: credentials.expiration.toISOString() }),
    AWS_PROFILE_NAME: request.profiles.profile,
    AWS_ACCOUNT_ID: identity.account,
    AWS_APPROVED_BY: result.approvedBy,
    // share-session: the sealed sign-in, under the name --session reads from the environment (a GitLab dotenv report passes it on).
    ...(sealedSignIn ? { IDENTITY_CENTER_LOGIN_SESSION: sealedSignIn } : {})
  }
  if (format === 'json') {
    return `${JSON.stringify(
      {
        ...(server
          ? {
              credentialServer: {
                fullUri,
                authorizationToken: server.authToken,
                pid: server.pid,
                serverFile: server.file
              }
            }
          : {
              credentials: {
                accessKeyId: credentials.accessKeyId,
                secretAccessKey: credentials.secretAccessKey,
                sessionToken: credentials.sessionToken,
                expiration: credentials.expiration.toISOString()
              }
            }),
        region: request.target.region,
        profile: request.profiles.profile,
        accountId: identity.account,
        arn: identity.arn,
        userId: identity.userId,
        approvedBy: result.approvedBy,
        ...(sealedSignIn ? { session: sealedSignIn } : {}),
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

/** The run, from whichever CI's variables are present, read once; `actor`: --actor (else the CI's variable). */
export function ciRunContext(
  env: NodeJS.ProcessEnv,
  given: { actor?: string; explicitRunId?: string } = {}
): RunContext {
  const first = (...names: string[]) => names.map((n) => env[n]).find((v) => v)
  const run: RunContext = {
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
    actor: given.actor ?? ciActor(env),
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
    ...commonRunContext(env, given.explicitRunId)
  }
  return { ...run, record: ciRecordRun(env, run, given.actor) }
}
