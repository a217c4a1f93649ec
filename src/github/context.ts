/** The run, from the runner's GITHUB_* variables, read once (no @actions/github needed: nothing here calls the API). */
import { readFileSync } from 'node:fs'
import type { LoginRequest } from '../inputs/spec.js'
import { commonRunContext, type RunContext } from '../core/run-context.js'
import { githubRun } from '../core/approval-record.js'

export function githubRunContext(
  env: NodeJS.ProcessEnv = process.env
): RunContext {
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
    record: githubRun(env),
    ...commonRunContext(env)
  }
}

/** The few fields of the event payload read here; each is checked before it is used. */
interface EventPayload {
  pull_request?: { number?: unknown; head?: { sha?: unknown } }
  issue?: { number?: unknown; pull_request?: unknown }
}

function eventPayload(env: NodeJS.ProcessEnv): EventPayload | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined
  try {
    const payload: unknown = JSON.parse(
      readFileSync(env.GITHUB_EVENT_PATH, 'utf8')
    )
    return payload !== null && typeof payload === 'object'
      ? (payload as EventPayload)
      : undefined
  } catch {
    return undefined
  }
}

function pullRequestHeadSha(env: NodeJS.ProcessEnv): string | undefined {
  const sha = eventPayload(env)?.pull_request?.head?.sha
  return typeof sha === 'string' ? sha : undefined
}

export interface CommentTarget {
  number: number
  /** A pull request or a plain issue, when the event tells; undefined when it does not (a 403 then names both permissions). */
  kind?: 'pull-request' | 'issue'
}

/** The pull request of a pull_request / pull_request_target event, or the issue-number input. */
export function commentTarget(
  request: LoginRequest,
  env: NodeJS.ProcessEnv = process.env
): CommentTarget | undefined {
  const payload = eventPayload(env)
  if (request.notify.issueNumber) {
    const n = request.notify.issueNumber
    // The event may be about that very number: then it says whether it is a pull request.
    if (payload?.pull_request?.number === n)
      return { number: n, kind: 'pull-request' }
    if (payload?.issue?.number === n)
      return {
        number: n,
        kind: payload.issue.pull_request ? 'pull-request' : 'issue'
      }
    return { number: n }
  }
  if (
    env.GITHUB_EVENT_NAME === 'pull_request' ||
    env.GITHUB_EVENT_NAME === 'pull_request_target'
  ) {
    const n = payload?.pull_request?.number
    return typeof n === 'number'
      ? { number: n, kind: 'pull-request' }
      : undefined
  }
  return undefined
}
