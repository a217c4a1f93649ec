/** Plain text rendering of the approval request: the log and chat webhooks. */
import type { RequestContext } from '../../core/events.js'
import { cleanText, escapeChat, safeUrl } from './escaping.js'
import {
  approvalGrants,
  capitalize,
  compareOnAwsPage,
  formatUtc,
  grantApplies,
  minutesLeft,
  outcomeSentence,
  replacedWhy,
  shortSha,
  statusOf,
  TITLES
} from './wording.js'
import { LIMIT, MAX_EXTRA_PROFILES, type MessageState } from './types.js'

export interface TextOptions {
  /** For chat webhooks: entity-escape `& < >` and break links/mentions in values. */
  chat?: boolean
}

/** Multi-line plain text for logs and chat webhooks. Final states carry no link and no live code. */
export function renderText(
  ctx: RequestContext,
  state: MessageState,
  opts: TextOptions = {}
): string {
  const esc = opts.chat ? escapeChat : cleanText
  const status = statusOf(state)
  const { started, final } = state
  const lines: string[] = []
  const where = [
    ctx.repository && esc(ctx.repository),
    ctx.workflow && `workflow "${esc(ctx.workflow)}"`,
    ctx.job && `job "${esc(ctx.job)}"`
  ]
    .filter(Boolean)
    .join(', ')
  lines.push(
    `${TITLES[status].icon} ${TITLES[status].plain}${where ? ` for ${where}` : ''}`
  )
  if (!final && started) {
    const link = safeUrl(started.verificationUri)
    if (started.attempt > 1)
      lines.push(
        `${capitalize(replacedWhy(started))}: this is a NEW code (attempt ${started.attempt}).`
      )
    if (started.approvals) lines.push(esc(started.approvals, LIMIT.reason))
    lines.push(
      `Approve: ${link ?? '(the link is not a valid URL; see the job log)'}`
    )
    lines.push(`User code: ${esc(started.userCode, 32)}`)
    lines.push(compareOnAwsPage(started, esc, (x) => x))
    lines.push(
      `Expires: ${formatUtc(started.expiresAt)} (${minutesLeft(started.expiresAt, state.now)})`
    )
  }
  if (final) {
    lines.push(outcomeSentence(final, esc, (s) => s))
    if (final.approvals) lines.push(esc(final.approvals, LIMIT.reason))
    if (final.type === 'approved')
      lines.push(`Session: ${esc(final.arn, LIMIT.arn)}`)
    if (started)
      lines.push(`The code ${esc(started.userCode, 32)} is no longer valid.`)
  }
  const runUrl = safeUrl(ctx.runUrl)
  if (runUrl) lines.push(`Run: ${runUrl}`)
  const trigger = [
    ctx.event && esc(ctx.event),
    ctx.ref && `on ${esc(ctx.ref)}`,
    ctx.sha && `@ ${esc(shortSha(ctx.sha))}`
  ]
    .filter(Boolean)
    .join(' ')
  if (ctx.actor || trigger)
    lines.push(
      `Triggered by: ${ctx.actor ? esc(ctx.actor) : 'unknown'}${trigger ? ` (${trigger})` : ''}`
    )
  lines.push(
    `Requested: account ${esc(ctx.accountId, 40)}, role ${esc(ctx.roleName)}`
  )
  if (ctx.chainTo)
    lines.push(
      `Then chains to: ${esc(ctx.chainTo.roleArn, LIMIT.arn)}${ctx.chainTo.narrowed ? ' (narrowed by a session policy)' : ''}; the job gets that role's session`
    )
  const extra = ctx.extraProfiles ?? []
  if (extra.length > 0) {
    const shown = extra
      .slice(0, MAX_EXTRA_PROFILES)
      .map(
        (p) =>
          `${esc(p.name, 64)} (${esc(p.accountId, 40)} ${esc(p.roleName, 64)})`
      )
    if (extra.length > shown.length)
      shown.push(`and ${extra.length - shown.length} more`)
    lines.push(`Also requested: ${shown.join(', ')}`)
  }
  lines.push(
    `Identity Center: ${safeUrl(ctx.startUrl) ?? esc(ctx.startUrl, LIMIT.url)}`
  )
  if (!final) lines.push(approvalGrants(ctx, undefined, esc, (x) => x))
  else if (grantApplies(final))
    lines.push(approvalGrants(ctx, final, esc, (x) => x))
  return lines.join('\n')
}
