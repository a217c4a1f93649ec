/** The approval record's run block for the CLI: GitHub Actions' own variables there, elsewhere what the CI tells. */
import { githubRun, type RunInput } from '../core/approval-record.js'
import type { RunContext } from '../core/run-context.js'
import { recordRunOf } from '../core/login-record.js'

/** The approval record's run block: GitHub Actions' own variables there, elsewhere what the CI tells. */
export function ciRecordRun(
  env: NodeJS.ProcessEnv,
  run: RunContext,
  actor: string | undefined
): RunInput {
  if (env.GITHUB_ACTIONS === 'true')
    return { ...githubRun(env), ...(actor ? { actor } : {}) }
  return {
    ...recordRunOf(run),
    runId: [
      'CI_PIPELINE_ID',
      'BUILDKITE_BUILD_ID',
      'CIRCLE_WORKFLOW_ID',
      'BUILD_ID'
    ]
      .map((n) => env[n])
      .find((v) => v)
  }
}
