/** The wording shared by every channel: titles, outcomes, and what an approval hands the job, per sign-in mode. */
import type {
  FinalEvent,
  ProfileOutcome,
  RequestContext
} from '../../core/events.js'
import type { Grant } from '../../core/grant.js'
import { formatDuration } from '../../util/time.js'
import { cleanText } from './escaping.js'
import {
  LIMIT,
  type Esc,
  type MessageState,
  type StartedEvent
} from './types.js'

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
  const tokenUntil = approved?.signInExpiresAt
    ? ` (at the latest until ${formatUtc(approved.signInExpiresAt)})`
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
      const until = approved?.signInExpiresAt
        ? `until ${formatUtc(approved.signInExpiresAt)}${approved.refreshable ? ' (longer if refreshed with its refresh token, up to the Identity Center session limit)' : ''}`
        : 'until it expires'
      if (final)
        return `Your Identity Center sign-in stays on this runner after the job (keep-session): ${until}, this job and ${b('later jobs on this runner')} can use it ${everything}; ${issued}.`
      return `Approving leaves ${b('your Identity Center sign-in on this runner after the job')} (keep-session): until it expires, this job and later jobs on this runner can use it ${everything}; ${issued}.`
    }
    case 'until-expiry': {
      const until = approved?.signInExpiresAt
        ? `until ${formatUtc(approved.signInExpiresAt)}`
        : 'until it expires'
      if (final)
        return `Your Identity Center sign-in is left in this machine's token cache (~/.aws/sso/cache) ${until} or until someone runs identity-center-login --sign-out: any process running as this user can use it ${everything}; ${issued}.`
      return `Approving leaves ${b("your Identity Center sign-in in this machine's token cache")} until it expires (there is no post step to sign it out; run identity-center-login --sign-out when done): any process running as this user can use it ${everything}; ${issued}.`
    }
    case 'shared': {
      if (final)
        return `Your Identity Center sign-in is shared with the later jobs of this run that hold its session-key, until end-session signs it out or it expires${tokenUntil}: any of them can use it ${everything}; this job's post step does not sign it out. ${capitalize(issued)}.`
      return `Approving hands ${b('your Identity Center sign-in to this job and the later jobs of this run')}: it is shared with the later jobs of this run that hold its session-key, until end-session signs it out or it expires; any of them can use it ${everything}. ${capitalize(issued)}.`
    }
    case 'from-shared':
      return `This job uses a sign-in shared by an earlier job of this run: the sign-in is shared with the jobs of this run that hold its session-key, until end-session signs it out or it expires${tokenUntil}; any of them can use it ${everything}. This job's post step removes its files and does not sign it out. ${capitalize(issued)}.`
    case 'served': {
      const ends = approved
        ? approved.refreshable
          ? "when the Identity Center session ends (an administrator's session limit, default 8 h)"
          : approved.signInExpiresAt
            ? `when that sign-in expires at ${formatUtc(approved.signInExpiresAt)} (it has no refresh token)`
            : 'when that sign-in expires'
        : "when the Identity Center session ends (an administrator's session limit, default 8 h)"
      const what = `${b('only the listed role(s)')}: a credential server on the runner keeps your Identity Center sign-in in its memory (no sign-in on disk) and refreshes their credentials until the job ends, at the latest ${ends}`
      if (final)
        return `This job gets ${what}; when the job ends the server signs out and stops.`
      return `Approving hands this job ${what}; when the job ends the server signs out and stops.`
    }
    case 'served-shared': {
      const until = approved?.signInExpiresAt
        ? `when that sign-in expires at ${formatUtc(approved.signInExpiresAt)} (it has no refresh token)`
        : 'when that sign-in expires (it has no refresh token)'
      return `This job gets ${b('only the listed role(s)')}: a credential server on the runner keeps the sign-in shared by an earlier job of this run in its memory (no sign-in on disk) and refreshes their credentials until the job ends, at the latest ${until}; when the job ends the server stops without signing out (the sign-in belongs to the run: end-session signs it out).`
    }
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
): Grant {
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
export function grantApplies(final: FinalEvent): boolean {
  return (
    final.type === 'approved' ||
    (final.type === 'failed' && !!final.profiles?.some((p) => !p.error))
  )
}

export function formatUtc(d: Date): string {
  return Number.isNaN(d.getTime())
    ? 'unknown time'
    : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

export function minutesLeft(expiresAt: Date, now: Date): string {
  const ms = expiresAt.getTime() - now.getTime()
  if (!(ms > 0)) return 'already expired'
  if (ms < 60_000) return 'less than a minute left'
  const m = Math.floor(ms / 60_000)
  return `${m} minute${m === 1 ? '' : 's'} left`
}

export function shortSha(sha: string | undefined): string | undefined {
  return sha ? cleanText(sha, 40).slice(0, 7) : undefined
}

export type Status = 'pending' | FinalEvent['type']

export function statusOf(state: MessageState): Status {
  return state.final?.type ?? 'pending'
}

export const TITLES: Record<
  Status,
  { icon: string; title: string; plain: string }
> = {
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

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** A reason as the end of a sentence: one final period, not two (reasons often end with their own). */
function endSentence(s: string): string {
  const t = s.trimEnd()
  return /[.!?…]$/.test(t) ? t : `${t}.`
}

/** The one-line outcome, escaped with `esc`; `b` makes a value stand out. */
export function outcomeSentence(
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

/** One line for a final event (log). */
export function outcomeLine(final: FinalEvent): string {
  return `${TITLES[final.type].plain}. ${outcomeSentence(final, cleanText, (s) => s)}`
}
