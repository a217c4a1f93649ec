/**
 * The job log: always available, the place of last resort for the link and the code.
 * Progress while waiting is throttled (about one line every 30 s, not one per poll).
 */
import type {
  LoginEvent,
  Logger,
  Notifier,
  RequestContext
} from '../core/events.js'
import { cleanText, safeUrl } from './render/escaping.js'
import {
  approvalGrants,
  compareOnAwsPage,
  grantApplies,
  replacedWhy,
  formatUtc,
  outcomeLine,
  shortSha,
  unverifiedNote
} from './render/wording.js'
import { LIMIT, type StartedEvent } from './render/types.js'
import { formatDuration } from '../util/time.js'

export interface LogNotifierOptions {
  /** Injected clock (default: the real one). */
  now?: () => Date
  /** Minimum time between two progress lines (default 30 s). */
  progressEveryMs?: number
}

export function logNotifier(
  logger: Logger,
  ctx: RequestContext,
  opts: LogNotifierOptions = {}
): Notifier {
  const now = opts.now ?? (() => new Date())
  const every = opts.progressEveryMs ?? 30_000
  let lastProgress: number | undefined
  let started: StartedEvent | undefined
  let finished = false

  const describe = (): string => {
    const parts = [
      ctx.repository && cleanText(ctx.repository),
      ctx.workflow && `workflow "${cleanText(ctx.workflow)}"`,
      ctx.job && `job "${cleanText(ctx.job)}"`,
      ctx.event && `event ${cleanText(ctx.event)}`,
      ctx.ref && `ref ${cleanText(ctx.ref)}`,
      ctx.sha && `commit ${shortSha(ctx.sha)}`,
      ctx.actor && `triggered by ${cleanText(ctx.actor)}`
    ].filter(Boolean)
    return parts.join(', ')
  }

  return {
    name: 'log',
    async onEvent(event: LoginEvent): Promise<void> {
      try {
        switch (event.type) {
          case 'started': {
            started = event
            lastProgress = now().getTime()
            const link =
              safeUrl(event.verificationUri) ??
              cleanText(event.verificationUri, 500)
            const secondsLeft =
              (event.expiresAt.getTime() - now().getTime()) / 1000
            const extra = (ctx.extraProfiles ?? []).map(
              (p) =>
                `${cleanText(p.name, 64)} (${cleanText(p.accountId, 40)} ${cleanText(p.roleName, 64)})`
            )
            logger.info(
              event.attempt > 1
                ? `${replacedWhy(event).replace(/^t/, 'T')}; a NEW code was issued (attempt ${event.attempt}). Approve again with the new code:`
                : 'AWS IAM Identity Center sign-in needs approval.'
            )
            if (event.approvals)
              logger.info(`  ${cleanText(event.approvals, LIMIT.reason)}`)
            const what = describe()
            if (what) logger.info(`  Request: ${what}`)
            const run = safeUrl(ctx.runUrl)
            if (run) logger.info(`  Run: ${run}`)
            logger.info(
              `  Asks for: account ${cleanText(ctx.accountId, 40)}, role ${cleanText(ctx.roleName)}${extra.length ? `; also ${extra.join(', ')}` : ''}`
            )
            logger.info(`  Identity Center: ${cleanText(ctx.startUrl, 500)}`)
            logger.info(`  Open this link to approve: ${link}`)
            logger.info('  User code:')
            logger.info(`      ${cleanText(event.userCode, 32)}`)
            logger.info(`  ${compareOnAwsPage(event, cleanText, (x) => x)}`)
            logger.info(
              `  The code expires at ${formatUtc(event.expiresAt)} (in ${formatDuration(secondsLeft)}).`
            )
            logger.info(
              `  ${approvalGrants(ctx, undefined, cleanText, (x) => x)}`
            )
            logger.notice?.(
              `Approve the AWS sign-in: ${link} (code ${cleanText(event.userCode, 32)}, expires ${formatUtc(event.expiresAt)})`
            )
            return
          }
          case 'waiting': {
            const t = now().getTime()
            if (lastProgress === undefined) {
              lastProgress = t
              return
            }
            if (t - lastProgress < every) return
            lastProgress = t
            const code = started
              ? ` (code ${cleanText(started.userCode, 32)})`
              : ''
            logger.info(
              `Still waiting for approval${code}: ${formatDuration(event.secondsLeft)} left.`
            )
            return
          }
          default: {
            if (finished) return
            finished = true
            const code = started
              ? ` The code ${cleanText(started.userCode, 32)} is no longer valid.`
              : ''
            const arn =
              event.type === 'approved'
                ? ` Session: ${cleanText(event.arn, 2048)}.`
                : ''
            logger.info(`${outcomeLine(event)}${arn}${code}`)
            if (event.approvals)
              logger.info(cleanText(event.approvals, LIMIT.reason))
            if (grantApplies(event))
              logger.info(approvalGrants(ctx, event, cleanText, (x) => x))
            const unverified =
              event.type === 'approved' && event.profiles
                ? unverifiedNote(event.profiles)
                : undefined
            if (unverified) logger.info(unverified)
            return
          }
        }
      } catch (err) {
        // A logger that throws must not break the login.
        try {
          logger.debug(`log notifier: ${String(err)}`)
        } catch {
          /* ignore */
        }
      }
    }
  }
}
