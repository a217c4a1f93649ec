/**
 * The run a sign-in happens in (who, which repository, which run), read once by each edge (github/context.ts,
 * cli/run.ts) and handed down: to the messages, the approver checks, the sealed session's binding and the session tags.
 */
import type { RequestContext } from './events.js'
import type { SessionTag } from '../aws/sts.js'
import { runActors } from './approvers.js'
import { githubSessionTags } from './chain.js'
import type { RunInput } from './approval-record.js'

export const RUN_ID_VARIABLES = [
  'GITHUB_RUN_ID',
  'CI_PIPELINE_ID',
  'BUILDKITE_BUILD_ID',
  'CIRCLE_WORKFLOW_ID'
] as const
export const REPOSITORY_VARIABLES = [
  'GITHUB_REPOSITORY',
  'CI_PROJECT_PATH',
  'BUILDKITE_PIPELINE_SLUG',
  'CIRCLE_PROJECT_REPONAME'
] as const

/** The run a sealed session would bind to, as the environment names it; no runId when none is set. */
export interface SealRun {
  runId?: string
  repository: string
}

/** Reads the run to bind to: `explicitRunId` (the CLI's --session-run-id) or the first run id variable set. */
export function sealRunOf(
  env: NodeJS.ProcessEnv,
  explicitRunId?: string
): SealRun {
  const runId =
    explicitRunId ?? RUN_ID_VARIABLES.map((n) => env[n]?.trim()).find((v) => v)
  const repository =
    REPOSITORY_VARIABLES.map((n) => env[n]?.trim()).find((v) => v) ?? ''
  return runId === undefined ? { repository } : { runId, repository }
}

export interface RunContext {
  /** The CI user who triggered the run (forbid-self-approval, the messages). */
  actor?: string
  /** Every other user the run acts for (a GitHub re-run: GITHUB_ACTOR and GITHUB_TRIGGERING_ACTOR), compared like `actor`. */
  actors: string[]
  /** owner/name, or a free-form project name outside GitHub. */
  repository?: string
  workflow?: string
  job?: string
  /** Link to the workflow run (or CI job). */
  runUrl?: string
  event?: string
  ref?: string
  sha?: string
  /** The run a sealed session (share-session / session / end-session) is bound to. */
  sealRun: SealRun
  /** role-to-assume's session tags (GitHub Actions only; none elsewhere). */
  sessionTags: SessionTag[]
  /** The run block of the approval record (run id and attempt, the full ref…); absent: from the fields above. */
  record?: RunInput
}

/** The part of the run's context both edges read the same way; `explicitRunId`: the CLI's --session-run-id. */
export function commonRunContext(
  env: NodeJS.ProcessEnv,
  explicitRunId?: string
): Pick<RunContext, 'actors' | 'sealRun' | 'sessionTags'> {
  return {
    actors: runActors(env),
    sealRun: sealRunOf(env, explicitRunId),
    sessionTags: githubSessionTags(env)
  }
}

/** What the messages say about the run (approvers see it next to the request). */
export function describedRun(
  run: RunContext
): Pick<
  RequestContext,
  | 'repository'
  | 'workflow'
  | 'job'
  | 'runUrl'
  | 'actor'
  | 'event'
  | 'ref'
  | 'sha'
> {
  return {
    repository: run.repository,
    workflow: run.workflow,
    job: run.job,
    runUrl: run.runUrl,
    actor: run.actor,
    event: run.event,
    ref: run.ref,
    sha: run.sha
  }
}
