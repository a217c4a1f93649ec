/** The channels a GitHub run reports to: log (always), summary, comment, webhook, per the notify input. */
import * as core from './runner.js'
import type { Logger, Notifier, RequestContext } from '../events.js'
import type { LoginRequest } from '../request.js'
import { createNotifiers } from '../notify/index.js'
import { commentTarget } from './context.js'

export const actionLogger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  notice: (m) => core.notice(m, { title: 'AWS IAM Identity Center approval requested' })
}

export function githubNotifiers(request: LoginRequest, ctx: RequestContext, env: NodeJS.ProcessEnv = process.env): Notifier[] {
  const issueNumber = request.notify.includes('comment') ? commentTarget(request, env) : undefined
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  return createNotifiers(request.notify, {
    ctx,
    logger: actionLogger,
    env,
    marker: { runId: env.GITHUB_RUN_ID, job: env.GITHUB_JOB, profile: request.profile },
    summary: { write: async (markdown) => core.writeSummary(markdown) },
    comment: issueNumber && owner && repo ? { token: request.githubToken, repo: { owner, repo }, issueNumber } : undefined,
    webhookUrl: request.webhookUrl
  })
}
