/**
 * Pure rendering of the approval request: Markdown (PR comment, job summary) and plain text
 * (log, chat webhooks). Every value from the event or the context is untrusted (branch names,
 * workflow names and actors are chosen by whoever pushes) and is escaped here.
 */
import type {
  FinalEvent,
  LoginEvent,
  ProfileOutcome,
  RequestContext,
  SignInMode
} from '../core/events.js'
import { CONTROL_SOURCE } from '../util/text.js'
import { formatDuration } from '../util/time.js'

export type StartedEvent = Extract<LoginEvent, { type: 'started' }>

/** What a channel knows at the time it renders. */
export interface MessageState {
  /** The latest device authorization (absent if the login failed before one existed). */
  started?: StartedEvent
  /** Present once the request is over: no link or live code is rendered then. */
  final?: FinalEvent
  /** Rendering time, for "minutes left". */
  now: Date
}

/** Identifies one request so its comment can be found again. */
export interface MarkerKey {
  runId?: string
  job?: string
  profile?: string
}

/** GitHub's limit for an issue comment body, in characters. */
export const MAX_COMMENT_CHARS = 65536

/** GitHub's limit for one step's job summary, in bytes (UTF-8): 1 MiB. */
export const MAX_SUMMARY_BYTES = 1024 * 1024

/** Room kept under MAX_SUMMARY_BYTES for the rows that close a cut list and for the writer's final newline. */
const SUMMARY_MARGIN_BYTES = 4096

/** Per-value limits (characters, before escaping). */
const LIMIT = { short: 200, url: 500, reason: 1000, arn: 2048 }
const MAX_EXTRA_PROFILES = 20

const ZWJ = '\u200d'

type Esc = (v: unknown, max?: number) => string

/**
 * What approving hands the runner, per sign-in mode: the one place this is worded, for the request (no `final`) and for
 * the final messages (with `final`). `esc` escapes values for the channel, `b` makes a phrase stand out.
 */
export function approvalGrants(
  ctx: Pick<RequestContext, 'signInMode' | 'keepSession' | 'reuseSession'>,
  final?: FinalEvent,
  _esc: Esc = cleanText,
  b: (s: string) => string = (s) => `**${s}**`
): string {
  const mode = signInModeOf(ctx)
  if (final?.type === 'failed' && mode === 'from-shared') {
    return 'The job got no credentials: nothing was written or exported; the shared sign-in was not signed out (end-session does that), and role credentials already issued for the profiles that verified stay valid until they expire, but were not handed to the job.'
  }
  if (final?.type === 'failed') {
    // A login that fails signs out the token it got (a reused cached session stays as it was) and writes nothing.
    return `The job got no credentials: nothing was written or exported, and ${mode === 'kept' || ctx.reuseSession ? 'a sign-in this run obtained was' : 'your sign-in was'} signed out; role credentials already issued for the profiles that verified stay valid until they expire, but were not handed to the job.`
  }
  const approved = final?.type === 'approved' ? final : undefined
  const tokenUntil = approved?.sessionExpiresAt
    ? ` (at the latest until ${formatUtc(approved.sessionExpiresAt)})`
    : ''
  const credsUntil = approved?.credentialsExpireAt
    ? `until ${formatUtc(approved.credentialsExpireAt)}`
    : 'until they expire'
  const everything =
    'for every AWS account and role you can reach, not only the one requested'
  const issued = `role credentials already issued stay valid ${credsUntil}`
  switch (mode) {
    case 'sign-out-early':
      if (final) {
        const at = approved?.signedOutAt
          ? ` at ${formatUtc(approved.signedOutAt)}`
          : ''
        return `Your Identity Center sign-in was used only to fetch the credentials for the listed role(s) and was signed out${at}; no SSO token is left on the runner. The job keeps those role credentials ${credsUntil}.`
      }
      return `Approving lets this job use your Identity Center sign-in ${b('only to fetch the credentials for the listed role(s)')}; it is signed out at once after that, and the job keeps those role credentials until they expire.`
    case 'kept': {
      const until = approved?.sessionExpiresAt
        ? `until ${formatUtc(approved.sessionExpiresAt)}${approved.refreshable ? ' (longer if refreshed with its refresh token, up to the Identity Center session limit)' : ''}`
        : 'until it expires'
      if (final)
        return `Your Identity Center sign-in stays on this runner after the job (keep-session): ${until}, this job and ${b('later jobs on this runner')} can use it ${everything}; ${issued}.`
      return `Approving leaves ${b('your Identity Center sign-in on this runner after the job')} (keep-session): until it expires, this job and later jobs on this runner can use it ${everything}; ${issued}.`
    }
    case 'until-expiry': {
      const until = approved?.sessionExpiresAt
        ? `until ${formatUtc(approved.sessionExpiresAt)}`
        : 'until it expires'
      if (final)
        return `Your Identity Center sign-in is left in this machine's token cache (~/.aws/sso/cache) ${until} or until someone runs aws sso logout: any process running as this user can use it ${everything}; ${issued}.`
      return `Approving leaves ${b("your Identity Center sign-in in this machine's token cache")} until it expires (there is no post step to sign it out; run aws sso logout when done): any process running as this user can use it ${everything}; ${issued}.`
    }
    case 'shared': {
      if (final)
        return `Your Identity Center sign-in is shared with the later jobs of this run that hold its session-key, until end-session signs it out or it expires${tokenUntil}: any of them can use it ${everything}; this job's post step does not sign it out. ${capitalize(issued)}.`
      return `Approving hands ${b('your Identity Center sign-in to this job and the later jobs of this run')}: it is shared with the later jobs of this run that hold its session-key, until end-session signs it out or it expires; any of them can use it ${everything}. ${capitalize(issued)}.`
    }
    case 'from-shared':
      return `This job uses a sign-in shared by an earlier job of this run: the sign-in is shared with the jobs of this run that hold its session-key, until end-session signs it out or it expires${tokenUntil}; any of them can use it ${everything}. This job's post step removes its files and does not sign it out. ${capitalize(issued)}.`
    case 'until-job-end': {
      const shared = ctx.reuseSession
        ? ' Until then, other jobs on this runner that set reuse-session can use it too.'
        : ''
      if (final)
        return `Until the job ends${tokenUntil}, this runner holds your Identity Center sign-in: any step of this job can use it ${everything}; the post step signs it out. ${capitalize(issued)}.${shared}`
      return `Approving hands this runner ${b('your Identity Center sign-in until the job ends')}: any step of this job can use it ${everything}; the post step signs it out. ${capitalize(issued)}.${shared}`
    }
  }
}

/** The mode from the context; older callers only said keepSession. */
export function signInModeOf(
  ctx: Pick<RequestContext, 'signInMode' | 'keepSession'>
): SignInMode {
  return ctx.signInMode ?? (ctx.keepSession ? 'kept' : 'until-job-end')
}

/** What to compare on AWS's own page: the code and the name the client was registered with (which no one else can put there). */
export function compareOnAwsPage(
  started: StartedEvent,
  esc: Esc,
  b: (s: string) => string
): string {
  const code = b(esc(started.userCode, 32))
  return started.clientName
    ? `On the AWS page, check that the code is ${code} and that the application asking is ${b(esc(started.clientName, 128))}; if either differs, do not approve.`
    : `On the AWS page, check that the code is ${code}; if it differs, do not approve.`
}

/** Whether a final state has a live sign-in (or, with sign-out-early, role credentials) the grant line is about. */
export function hasSession(final: FinalEvent): boolean {
  return (
    final.type === 'approved' ||
    (final.type === 'failed' && !!final.profiles?.some((p) => !p.error))
  )
}

// ---------------------------------------------------------------------------------------------
// Escaping

/**
 * Control characters, line/paragraph separators, bidi overrides and isolates (Trojan Source), and invisible
 * characters (zero-width space/joiners, LRM/RLM, word joiner, invisible operators, BOM) that could hide
 * or disguise part of a value.
 */
const UNSAFE_CHARS = new RegExp(CONTROL_SOURCE, 'g')

function truncate(s: string, max: number): string {
  const chars = Array.from(s)
  return chars.length <= max
    ? s
    : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`
}

/** One line of plain text: no control characters or newlines, at most `max` characters. */
export function cleanText(value: unknown, max = LIMIT.short): string {
  const s = String(value ?? '')
    .replace(/\r\n?|\n|\t/g, ' ')
    .replace(UNSAFE_CHARS, '')
  return truncate(s, max)
}

/** Break autolinks, @mentions, #references and GH-123 references with a zero-width joiner (invisible when rendered). */
function breakLinks(s: string): string {
  return s
    .replace(/@/g, `@${ZWJ}`)
    .replace(/#/g, `#${ZWJ}`)
    .replace(/:\/\//g, `:${ZWJ}//`)
    .replace(/\b(www)\./gi, `$1${ZWJ}.`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`)
}

/**
 * Chat clients (Slack, Teams) also link bare domain names: `login.evil.com/approve` would become a link to a
 * page the attacker chose. Every dot between two labels of a domain-like word gets a zero-width joiner.
 */
function breakDomains(s: string): string {
  return s.replace(
    /\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z][a-z0-9-]*[a-z0-9]\b/gi,
    (word) => word.replace(/\.(?=[a-z0-9])/gi, `.${ZWJ}`)
  )
}

/**
 * Escape a value for GitHub-flavoured Markdown, inline or inside a table cell: no HTML, links,
 * images, emphasis, math, mentions, issue references or autolinks survive, and `|` / newlines
 * cannot break a table row.
 */
export function escapeMarkdown(value: unknown, max = LIMIT.short): string {
  const s = cleanText(value, max).replace(/[\\`*_{}[\]()<>#!|~$&]/g, '\\$&')
  return breakLinks(s)
}

/** A code span (no mentions, links or HTML inside); safe inside a table cell too. */
export function codeSpan(value: unknown, max = LIMIT.short): string {
  const s = cleanText(value, max)
    .replace(/`/g, 'ˋ')
    .replace(/\|/g, '\\|')
    .trim()
  return s === '' ? '' : `\`${s}\``
}

/**
 * Escape a value for a chat webhook (Slack mrkdwn, Teams markdown): entity-escape `& < >`
 * (Slack's own rule, which also stops `<!channel>`), and break links, mentions and `[x](y)`.
 */
export function escapeChat(value: unknown, max = LIMIT.short): string {
  const s = cleanText(value, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
  return breakDomains(breakLinks(s)).replace(/\]\(/g, `]${ZWJ}(`)
}

/** An http(s) URL safe for a Markdown link destination, or undefined. */
export function safeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  const href = url.href.replace(
    /[()<>\s"'`\\[\]|]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
  return href.length > 2000 ? undefined : href
}

// ---------------------------------------------------------------------------------------------
// Facts

export function formatUtc(d: Date): string {
  return Number.isNaN(d.getTime())
    ? 'unknown time'
    : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

function minutesLeft(expiresAt: Date, now: Date): string {
  const ms = expiresAt.getTime() - now.getTime()
  if (!(ms > 0)) return 'already expired'
  if (ms < 60_000) return 'less than a minute left'
  const m = Math.floor(ms / 60_000)
  return `${m} minute${m === 1 ? '' : 's'} left`
}

export function shortSha(sha: string | undefined): string | undefined {
  return sha ? cleanText(sha, 40).slice(0, 7) : undefined
}

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

type Status = 'pending' | FinalEvent['type']

function statusOf(state: MessageState): Status {
  return state.final?.type ?? 'pending'
}

const TITLES: Record<Status, { icon: string; title: string; plain: string }> = {
  pending: {
    icon: '🔐',
    title: 'AWS sign-in: approval needed',
    plain: 'AWS sign-in approval needed'
  },
  approved: {
    icon: '✅',
    title: 'AWS sign-in approved',
    plain: 'AWS sign-in approved'
  },
  denied: {
    icon: '⛔',
    title: 'AWS sign-in denied',
    plain: 'AWS sign-in denied'
  },
  expired: {
    icon: '⌛',
    title: 'AWS sign-in request expired',
    plain: 'AWS sign-in request expired'
  },
  cancelled: {
    icon: '🚫',
    title: 'AWS sign-in request cancelled',
    plain: 'AWS sign-in request cancelled'
  },
  rejected: {
    icon: '⛔',
    title: 'AWS sign-in rejected: approver not allowed',
    plain: 'AWS sign-in rejected (approver not allowed)'
  },
  failed: {
    icon: '❌',
    title: 'AWS sign-in failed',
    plain: 'AWS sign-in failed'
  }
}

/** Why an earlier code was replaced by the one in `started`. */
export function replacedWhy(started: StartedEvent): string {
  return started.replaced === 'client-renewed'
    ? 'the previous code was withdrawn (the client registration had to be renewed)'
    : 'the previous code expired'
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** A reason as the end of a sentence: one final period, not two (reasons often end with their own). */
function endSentence(s: string): string {
  const t = s.trimEnd()
  return /[.!?…]$/.test(t) ? t : `${t}.`
}

/** The one-line outcome, escaped with `esc`; `b` makes a value stand out. */
function outcomeSentence(
  final: FinalEvent,
  esc: (v: unknown, max?: number) => string,
  b: (s: string) => string
): string {
  switch (final.type) {
    case 'approved':
      if (final.via === 'shared-session') {
        return `No approval was needed: this job uses the sign-in of ${b(esc(final.approvedBy))} shared by an earlier job of this run. Verified at ${formatUtc(final.at)}: account ${b(esc(final.accountId, 40))}, role ${b(esc(final.roleName))}.`
      }
      if (final.via && final.via !== 'device-flow') {
        return `No approval was needed: reuse-session found a ${final.via === 'refreshed-token' ? 'refreshable' : 'valid'} cached Identity Center session of ${b(esc(final.approvedBy))}. Verified at ${formatUtc(final.at)}: account ${b(esc(final.accountId, 40))}, role ${b(esc(final.roleName))}.`
      }
      return `Approved by ${b(esc(final.approvedBy))} at ${formatUtc(final.at)}. Verified: account ${b(esc(final.accountId, 40))}, role ${b(esc(final.roleName))}.`
    case 'denied':
      return `The request was denied at ${formatUtc(final.at)}. The job gets no AWS credentials.`
    case 'expired':
      return `No one approved within ${formatDuration(final.waitedSeconds)}; the request expired at ${formatUtc(final.at)}. The job gets no AWS credentials.`
    case 'cancelled':
      return `The job was cancelled at ${formatUtc(final.at)}${final.signal ? ` (${esc(final.signal, 20)})` : ''} before the sign-in finished. The job gets no AWS credentials.`
    case 'rejected':
      return `${b(esc(final.approvedBy))} approved at ${formatUtc(final.at)}, but that is not enough: ${endSentence(esc(final.reason, LIMIT.reason))} The job does not use this sign-in; someone allowed to approve must approve a new request (re-run the job).`
    case 'failed':
      return `The sign-in failed at ${formatUtc(final.at)}: ${endSentence(esc(final.reason, LIMIT.reason))}`
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown

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
    if (hasSession(final))
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

/** verify-profiles: primary: what the profiles written without a check are, in one sentence; undefined when there are none. */
export function unverifiedNote(
  profiles: readonly ProfileOutcome[]
): string | undefined {
  const n = profiles.filter((p) => p.unverified).length
  if (n === 0) return undefined
  return (
    `${n} profile${n === 1 ? ' was' : 's were'} written without fetching or checking ${n === 1 ? 'its' : 'their'} credentials (verify-profiles: primary): ` +
    `each is an SSO profile of this sign-in that fetches its own role credentials when a step uses it, and fails then if the approver cannot use that role.`
  )
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

// ---------------------------------------------------------------------------------------------
// Plain text

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
  else if (hasSession(final))
    lines.push(approvalGrants(ctx, final, esc, (x) => x))
  return lines.join('\n')
}

/** One line for a final event (log). */
export function outcomeLine(final: FinalEvent): string {
  return `${TITLES[final.type].plain}. ${outcomeSentence(final, cleanText, (s) => s)}`
}
