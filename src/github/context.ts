/** What is being asked, from the runner's GITHUB_* variables (no @actions/github needed: nothing here calls the API). */
import { readFileSync } from 'node:fs'
import type { RequestContext } from '../events.js'
import type { LoginRequest } from '../request.js'

export function githubRequestContext(request: LoginRequest, env: NodeJS.ProcessEnv = process.env): RequestContext {
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const repository = env.GITHUB_REPOSITORY
  const runUrl =
    repository && env.GITHUB_RUN_ID
      ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`
      : undefined
  return {
    repository,
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    runUrl,
    actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR,
    event: env.GITHUB_EVENT_NAME,
    ref: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || env.GITHUB_REF,
    sha: pullRequestHeadSha(env) ?? env.GITHUB_SHA,
    accountId: request.accountId,
    roleName: request.roleName,
    startUrl: request.startUrl,
    extraProfiles: request.extraProfiles.map(({ name, accountId, roleName }) => ({ name, accountId, roleName }))
  }
}

function eventPayload(env: NodeJS.ProcessEnv): any {
  if (!env.GITHUB_EVENT_PATH) return undefined
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
  } catch {
    return undefined
  }
}

function pullRequestHeadSha(env: NodeJS.ProcessEnv): string | undefined {
  const sha = eventPayload(env)?.pull_request?.head?.sha
  return typeof sha === 'string' ? sha : undefined
}

/** The pull request of a pull_request / pull_request_target event, or the issue-number input. */
export function commentTarget(request: LoginRequest, env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (request.issueNumber) return request.issueNumber
  if (env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target') {
    const n = eventPayload(env)?.pull_request?.number
    return typeof n === 'number' ? n : undefined
  }
  return undefined
}
