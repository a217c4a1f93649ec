/** The channels a GitHub run reports to: log (always), summary, comment, webhook, per the notify input. */
import * as core from '@actions/core'
import type { Logger, Notifier, RequestContext } from '../core/events.js'
import type { LoginRequest } from '../inputs/spec.js'
import { createNotifiers } from '../notify/index.js'
import { commentTarget } from './context.js'
import { defuseWorkflowCommands } from '../util/text.js'

export const actionLogger: Logger = {
  info: (m) => core.info(defuseWorkflowCommands(m)),
  warning: (m) => core.warning(m),
  debug: (m) => core.debug(m),
  notice: (m) =>
    core.notice(m, { title: 'AWS IAM Identity Center approval requested' })
}

export function githubNotifiers(
  request: LoginRequest,
  ctx: RequestContext,
  env: NodeJS.ProcessEnv = process.env
): Notifier[] {
  const target = request.notify.channels.includes('comment')
    ? commentTarget(request, env)
    : undefined
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  let channels: readonly string[] = request.notify.channels
  if (request.notify.channels.includes('comment') && !target) {
    // The default channels include comment; a push or a manual run has nothing to comment on, which is not a problem.
    core.info(
      'notify: no comment: this run is not for a pull request and issue-number is not set (the log and the other channels carry the link)'
    )
    channels = request.notify.channels.filter((c) => c !== 'comment')
  }
  return createNotifiers(channels, {
    ctx,
    logger: actionLogger,
    env,
    marker: {
      runId: env.GITHUB_RUN_ID,
      job: env.GITHUB_JOB,
      profile: request.profiles.profile
    },
    summary: {
      write: async (markdown) =>
        void (await core.summary
          .addRaw(markdown, !markdown.endsWith('\n'))
          .write({ overwrite: true }))
    },
    comment:
      target && owner && repo
        ? {
            token: request.notify.githubToken,
            repo: { owner, repo },
            issueNumber: target.number,
            target: target.kind
          }
        : undefined,
    webhookUrl: request.notify.webhookUrl
  })
}
