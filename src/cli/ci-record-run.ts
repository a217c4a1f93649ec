/** The approval record's run block for the CLI (issue 19): GitHub Actions' own variables there, elsewhere what the CI tells. */
import { githubRun, type RunInput } from '../core/approval-record.js'
import type { RunContext } from '../core/run-context.js'

/** The approval record's run block: GitHub Actions' own variables there, elsewhere what the CI tells. */
export function ciRecordRun(
  env: NodeJS.ProcessEnv,
  run: RunContext,
  actor: string | undefined
): RunInput {
  if (env.GITHUB_ACTIONS === 'true')
    return { ...githubRun(env), ...(actor ? { actor } : {}) }
  return {
    repository: run.repository,
    runId: [
      'CI_PIPELINE_ID',
      'BUILDKITE_BUILD_ID',
      'CIRCLE_WORKFLOW_ID',
      'BUILD_ID'
    ]
      .map((n) => env[n])
      .find((v) => v),
    workflow: run.workflow,
    job: run.job,
    actor: run.actor,
    sha: run.sha,
    ref: run.ref,
    runUrl: run.runUrl
  }
}
