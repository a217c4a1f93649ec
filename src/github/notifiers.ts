/** The channels a GitHub run reports to: log (always), summary, comment, webhook, per the notify input. */
import * as core from '@actions/core'
import type { Logger, Notifier, RequestContext } from '../events.js'
import type { LoginRequest } from '../request.js'
import { logNotifier } from '../notify/log.js'
import { summaryNotifier } from '../notify/summary.js'
import { commentNotifier } from '../notify/comment.js'
import { webhookNotifier } from '../notify/webhook.js'
import { commentTarget } from './context.js'

export const actionLogger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  notice: (m) => core.notice(m, { title: 'AWS IAM Identity Center approval requested' })
}

export function githubNotifiers(request: LoginRequest, ctx: RequestContext, env: NodeJS.ProcessEnv = process.env): Notifier[] {
  const marker = { runId: env.GITHUB_RUN_ID, job: env.GITHUB_JOB, profile: request.profile }
  const notifiers: Notifier[] = [logNotifier(actionLogger, ctx)]
  if (request.notify.includes('summary')) {
    notifiers.push(
      summaryNotifier({ write: async (markdown) => void (await core.summary.emptyBuffer().addRaw(markdown, true).write({ overwrite: true })) }, ctx, {
        logger: actionLogger,
        marker
      })
    )
  }
  if (request.notify.includes('comment')) {
    const issueNumber = commentTarget(request, env)
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
    if (!issueNumber) {
      core.info('notify: comment: this run is not for a pull request and issue-number is not set; no comment will be posted')
    } else if (!owner || !repo || !request.githubToken) {
      core.warning('notify: comment: GITHUB_REPOSITORY or github-token is missing; no comment will be posted')
    } else {
      notifiers.push(commentNotifier({ token: request.githubToken, repo: { owner, repo }, issueNumber, marker, env }, ctx, actionLogger))
    }
  }
  if (request.notify.includes('webhook')) {
    if (request.webhookUrl) notifiers.push(webhookNotifier(request.webhookUrl, ctx, actionLogger, { env }))
    else core.warning('notify: webhook is on but webhook-url is empty; no webhook will be sent')
  }
  return notifiers
}
