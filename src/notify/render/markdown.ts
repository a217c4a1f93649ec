/** Markdown rendering of the approval request: the PR comment and the job summary. */
import type {
  FinalEvent,
  ProfileOutcome,
  RequestContext
} from '../../core/events.js'
import { codeSpan, escapeMarkdown, safeUrl } from './escaping.js'
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
  TITLES,
  unverifiedNote
} from './wording.js'
import {
  LIMIT,
  MAX_EXTRA_PROFILES,
  type MarkerKey,
  type MessageState
} from './types.js'

/** GitHub's limit for an issue comment body, in characters. */
export const MAX_COMMENT_CHARS = 65536

/** GitHub's limit for one step's job summary, in bytes (UTF-8): 1 MiB. */
export const MAX_SUMMARY_BYTES = 1024 * 1024

/** Room kept under MAX_SUMMARY_BYTES for the rows that close a cut list and for the writer's final newline. */
const SUMMARY_MARGIN_BYTES = 4096

/** The run id, from the run URL (…/actions/runs/<id>) when not given. */
function runIdOf(ctx: RequestContext): string | undefined {
  return ctx.runUrl ? /\/runs\/(\d+)/.exec(ctx.runUrl)?.[1] : undefined
}

function markerPart(v: string | undefined, fallback: string): string {
  const s = (v ?? '')
    .replace(/[^A-Za-z0-9._/+=-]/g, '_')
    .replace(/-{2,}/g, '-')
    .slice(0, 100)
  return s === '' ? fallback : s
}

/** `<!-- identity-center-login:<run-id>:<job>:<profile> -->`: how the comment is found again. */
export function commentMarker(
  ctx: RequestContext,
  key: MarkerKey = {}
): string {
  const runId = markerPart(key.runId ?? runIdOf(ctx), 'local')
  const job = markerPart(key.job ?? ctx.job, 'job')
  const profile = markerPart(key.profile, 'default')
  return `<!-- identity-center-login:${runId}:${job}:${profile} -->`
}

/** How many rows a list may show: a count, and for the job summary a byte budget (the rest is counted, not listed). */
interface ListLimits {
  rows: number
  /** Bytes the "Also requested" entries may take. */
  extraBytes: number
  /** Bytes the profile table's rows may take. */
  tableBytes: number
}

const UNLIMITED = Number.POSITIVE_INFINITY

/** Why a list stops before its end when the byte budget, not the count, cut it. */
const SUMMARY_CUT = 'not listed: a job summary holds at most 1 MiB'

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8')

function facts(
  ctx: RequestContext,
  state: MessageState,
  limits: ListLimits
): [string, string][] {
  const rows: [string, string][] = []
  const add = (label: string, value: string | undefined): void => {
    if (value) rows.push([label, value])
  }
  const runUrl = safeUrl(ctx.runUrl)
  add('Repository', ctx.repository ? escapeMarkdown(ctx.repository) : undefined)
  add('Workflow', ctx.workflow ? escapeMarkdown(ctx.workflow) : undefined)
  add('Job', ctx.job ? escapeMarkdown(ctx.job) : undefined)
  add(
    'Run',
    runUrl
      ? `[Open the workflow run](${runUrl})`
      : ctx.runUrl
        ? escapeMarkdown(ctx.runUrl, LIMIT.url)
        : undefined
  )
  add('Triggered by', ctx.actor ? escapeMarkdown(ctx.actor) : undefined)
  add('Event', ctx.event ? escapeMarkdown(ctx.event) : undefined)
  add('Ref', ctx.ref ? escapeMarkdown(ctx.ref) : undefined)
  add('Commit', ctx.sha ? codeSpan(shortSha(ctx.sha)) : undefined)
  add('AWS account', codeSpan(ctx.accountId, 40) || '(none)')
  add('Role', codeSpan(ctx.roleName) || '(none)')
  if (ctx.chainTo)
    add(
      'Then chains to',
      `${codeSpan(ctx.chainTo.roleArn, LIMIT.arn)}${ctx.chainTo.narrowed ? ' (narrowed by a session policy)' : ''}: the job gets that role's session`
    )
  const extra = ctx.extraProfiles ?? []
  if (extra.length > 0) {
    const shown: string[] = []
    let used = 0
    for (const p of extra.slice(0, limits.rows)) {
      const entry = `${escapeMarkdown(p.name, 64)}: ${codeSpan(p.accountId, 40)} ${codeSpan(p.roleName, 64)}`
      used += bytes(entry) + 4
      if (used > limits.extraBytes) break
      shown.push(entry)
    }
    if (extra.length > shown.length) {
      const cutBySize = shown.length < Math.min(extra.length, limits.rows)
      shown.push(
        `and ${extra.length - shown.length} more${cutBySize ? ` (${SUMMARY_CUT})` : ''}`
      )
    }
    add('Also requested', shown.join('<br>'))
  }
  add('Identity Center', codeSpan(ctx.startUrl, LIMIT.url))
  const { started, final } = state
  if (started) {
    add(
      'User code',
      final
        ? `~~${escapeMarkdown(started.userCode, 32)}~~ (no longer valid)`
        : `**${codeSpan(started.userCode, 32)}**`
    )
    add(
      'Code expires',
      final
        ? `${formatUtc(started.expiresAt)}`
        : `${formatUtc(started.expiresAt)} (${minutesLeft(started.expiresAt, state.now)} when posted)`
    )
    if (started.attempt > 1)
      add(
        'Attempt',
        `${started.attempt} (${replacedWhy(started)}: a fresh code replaced it)`
      )
  }
  if (final?.type === 'approved') {
    add('Approved by', escapeMarkdown(final.approvedBy))
    add('Approved at', formatUtc(final.at))
    add('Session', codeSpan(final.arn, LIMIT.arn))
  }
  if (final?.type === 'rejected')
    add('Approved by (not allowed)', escapeMarkdown(final.approvedBy))
  return rows
}

function renderMarkdownWith(
  ctx: RequestContext,
  state: MessageState,
  marker: MarkerKey,
  limits: ListLimits
): string {
  const status = statusOf(state)
  const { started, final } = state
  const t = TITLES[status]
  const out: string[] = [
    commentMarker(ctx, marker),
    `## ${t.icon} ${t.title}`,
    ''
  ]

  const who = ctx.actor ? `**${escapeMarkdown(ctx.actor)}**'s ` : 'A '
  const where = [
    ctx.job ? `job **${escapeMarkdown(ctx.job)}**` : 'job',
    ctx.workflow ? `in workflow **${escapeMarkdown(ctx.workflow)}**` : '',
    ctx.repository ? `of **${escapeMarkdown(ctx.repository)}**` : ''
  ]
    .filter(Boolean)
    .join(' ')
  const what = `role ${codeSpan(ctx.roleName) || '(none)'} in AWS account ${codeSpan(ctx.accountId, 40) || '(none)'}`

  if (!final) {
    out.push(`${who}${where} asks for ${what}.`, '')
    const link = safeUrl(started?.verificationUri)
    if (started && link) {
      if (started.attempt > 1)
        out.push(
          `🔁 ${capitalize(replacedWhy(started))}: this is a **new code** (attempt ${started.attempt}).`,
          ''
        )
      if (started.approvals)
        out.push(`👥 ${escapeMarkdown(started.approvals, LIMIT.reason)}`, '')
      out.push(`### [➡️ Approve in AWS IAM Identity Center](${link})`, '')
      out.push(
        `${compareOnAwsPage(
          started,
          (v, max) => codeSpan(v, max),
          (x) => `**${x}**`
        )} ` +
          `The code expires at **${formatUtc(started.expiresAt)}** (${minutesLeft(started.expiresAt, state.now)} when posted).`,
        ''
      )
    } else if (started) {
      out.push(
        `The approval link is not a valid https URL, so it is not shown here; use the job log.`,
        ''
      )
    }
    out.push(approvalGrants(ctx, undefined, escapeMarkdown), '')
  } else {
    out.push(`${who}${where} asked for ${what}.`, '')
    out.push(
      outcomeSentence(final, escapeMarkdown, (s) => `**${s}**`),
      ''
    )
    if (final.approvals)
      out.push(`👥 ${escapeMarkdown(final.approvals, LIMIT.reason)}`, '')
    if (grantApplies(final))
      out.push(approvalGrants(ctx, final, escapeMarkdown), '')
    if (started)
      out.push(
        `The approval link was removed; the code ~~${escapeMarkdown(started.userCode, 32)}~~ is no longer valid.`,
        ''
      )
  }

  out.push('| Request | Details |', '|---|---|')
  for (const [label, value] of facts(ctx, state, limits))
    out.push(`| ${label} | ${value} |`)
  out.push('')
  const profiles = tableProfiles(final)
  if (profiles) out.push(...profileTable(profiles, limits), '')
  const unverified =
    final?.type === 'approved' && final.profiles
      ? unverifiedNote(final.profiles)
      : undefined
  if (unverified) out.push(unverified, '')
  if (!final)
    out.push('<sub>Did not expect this request? Do not approve it.</sub>')
  else out.push(`<sub>Updated ${formatUtc(state.now)}.</sub>`)
  return out.join('\n')
}

/**
 * The profiles of the final state's table, failures first (what the reader is looking for), each group in its
 * original order; undefined when there is no table.
 */
function tableProfiles(
  final: FinalEvent | undefined
): ProfileOutcome[] | undefined {
  if (
    !final ||
    (final.type !== 'approved' && final.type !== 'failed') ||
    !final.profiles
  )
    return undefined
  if (
    final.type === 'approved'
      ? final.profiles.length <= 1
      : final.profiles.length === 0
  )
    return undefined
  return [
    ...final.profiles.filter((p) => p.error),
    ...final.profiles.filter((p) => !p.error)
  ]
}

/**
 * One row per profile written from the approval: verified, not verified (verify-profiles: primary), or the error. At most `limits.rows` rows (at least one)
 * within `limits.tableBytes`; the rest is one closing row that counts them (failed and verified when the size cut it).
 */
function profileTable(
  profiles: readonly ProfileOutcome[],
  limits: ListLimits
): string[] {
  const rows = ['| Profile | Account | Role | Result |', '|---|---|---|---|']
  let used = 0
  let shown = 0
  for (const p of profiles.slice(0, Math.max(1, limits.rows))) {
    const result = p.error
      ? `❌ ${escapeMarkdown(p.error, LIMIT.reason)}`
      : p.unverified
        ? '➖ not verified'
        : '✅ verified'
    const row = `| ${escapeMarkdown(p.name, 64)} | ${codeSpan(p.accountId, 40)} | ${codeSpan(p.roleName, 64)} | ${result} |`
    used += bytes(row) + 1
    if (shown > 0 && used > limits.tableBytes) break
    rows.push(row)
    shown++
  }
  const rest = profiles.slice(shown)
  if (rest.length > 0) {
    if (shown < Math.min(profiles.length, Math.max(1, limits.rows))) {
      const failed = rest.filter((p) => p.error).length
      const unverified = rest.filter((p) => p.unverified).length
      const counts = `${failed} failed, ${rest.length - failed - unverified} verified${unverified ? `, ${unverified} not verified` : ''}`
      rows.push(`| and ${rest.length} more (${counts}), ${SUMMARY_CUT} | | | |`)
    } else {
      rows.push(`| and ${rest.length} more | | | |`)
    }
  }
  return rows
}

export interface MarkdownOptions {
  /**
   * The job summary: list every profile while the body stays under {@link MAX_SUMMARY_BYTES} (failures first, then the
   * rest counted). By default (a comment) at most 20 rows, then "and N more", under the 65,536-character limit.
   */
  summary?: boolean
}

/**
 * The job summary body, under MAX_SUMMARY_BYTES however many profiles: the facts without any list give the fixed part
 * (bounded by the per-value limits); "Also requested" may take half of the room left when a profile table follows
 * (all of it otherwise), the table whatever remains.
 */
function renderSummary(
  ctx: RequestContext,
  state: MessageState,
  marker: MarkerKey
): string {
  const all = renderMarkdownWith(ctx, state, marker, {
    rows: UNLIMITED,
    extraBytes: UNLIMITED,
    tableBytes: UNLIMITED
  })
  if (bytes(all) <= MAX_SUMMARY_BYTES - SUMMARY_MARGIN_BYTES) return all
  const fixed = bytes(
    renderMarkdownWith(ctx, state, marker, {
      rows: UNLIMITED,
      extraBytes: 0,
      tableBytes: 0
    })
  )
  const room = Math.max(0, MAX_SUMMARY_BYTES - SUMMARY_MARGIN_BYTES - fixed)
  const extraBytes = tableProfiles(state.final) ? Math.floor(room / 2) : room
  const withExtra = bytes(
    renderMarkdownWith(ctx, state, marker, {
      rows: UNLIMITED,
      extraBytes,
      tableBytes: 0
    })
  )
  const tableBytes = Math.max(
    0,
    MAX_SUMMARY_BYTES - SUMMARY_MARGIN_BYTES - withExtra
  )
  return renderMarkdownWith(ctx, state, marker, {
    rows: UNLIMITED,
    extraBytes,
    tableBytes
  })
}

/**
 * The comment / job summary body. Every value is escaped; in a final state there is no
 * approval link and the user code is struck through. Always under GitHub's comment limit.
 */
export function renderMarkdown(
  ctx: RequestContext,
  state: MessageState,
  marker: MarkerKey = {},
  opts: MarkdownOptions = {}
): string {
  // The job summary lists profiles up to 1 MiB; a comment shows the first 20 and "and N more".
  if (opts.summary) return renderSummary(ctx, state, marker)
  let body = renderMarkdownWith(ctx, state, marker, {
    rows: MAX_EXTRA_PROFILES,
    extraBytes: UNLIMITED,
    tableBytes: UNLIMITED
  })
  if (body.length > MAX_COMMENT_CHARS)
    body = renderMarkdownWith(ctx, state, marker, {
      rows: 0,
      extraBytes: UNLIMITED,
      tableBytes: UNLIMITED
    })
  if (body.length > MAX_COMMENT_CHARS) {
    // Cannot happen with the per-value limits; a last resort that keeps the marker and closes cleanly.
    body = `${Array.from(body)
      .slice(0, MAX_COMMENT_CHARS - 100)
      .join('')}\n\n_(truncated)_`
  }
  return body
}
