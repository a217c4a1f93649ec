/**
 * required-approvals (the two-person rule): which approvals count. Pure: each approval arrives as what its
 * own sign-in proved (the user name AWS gave the role session, or that the approver cannot use the requested role),
 * and the collector answers whether it counts, does not count (the same person again, or no access to the role), ends
 * the login (an approver the policy refuses, or too many approvals that did not count), or completes the quorum.
 * The loop that runs device authorizations, proves each sign-in and signs the extra ones out is login.ts's (see
 * docs/required-approvals-design.md); this decides and words, and does nothing else.
 */
import { approverRejection, type ApproverPolicy } from './approvers.js'
import { requiredApprovalsProblem } from '../inputs/rules.js'

/** Approvals that did not count (duplicates, no access) after which the login fails rather than ask again. */
export const DEFAULT_MAX_UNCOUNTED = 3

export interface ApprovalsPolicy extends ApproverPolicy {
  /** N different people (1–3). */
  required: number
  /** The role every approver must be able to use, for the wording. */
  accountId: string
  roleName: string
  maxUncounted?: number
}

/** What one approver's own sign-in proved. */
export type ApprovalProof =
  /** GetRoleCredentials + GetCallerIdentity for account-id / role-name worked: AWS names the approver. */
  | { kind: 'named'; name: string; at: Date }
  /** GetRoleCredentials was refused (not assigned the role): AWS names no one. */
  | { kind: 'no-access'; at: Date }

export interface Approver {
  name: string
  at: Date
}

export interface ApprovalsState {
  readonly approvers: readonly Approver[]
  /** Approvals seen that did not count. */
  readonly uncounted: number
  readonly status: 'collecting' | 'done' | 'failed'
}

export type ApprovalVerdict =
  /** Counted; `done` when it completes the quorum (this sign-in is then the job's). */
  | { kind: 'counted'; approver: Approver; done: boolean }
  /** The same person approved again: signed out, another approval is needed. */
  | { kind: 'duplicate'; name: string }
  /** An approver who cannot use the role: signed out, another approval is needed. */
  | { kind: 'no-access' }
  /** The login fails: every sign-in obtained is signed out, nothing is written. */
  | { kind: 'failed'; reason: string; approvedBy?: string }

export const INITIAL_APPROVALS: ApprovalsState = Object.freeze({
  approvers: Object.freeze([]) as readonly Approver[],
  uncounted: 0,
  status: 'collecting'
})

/**
 * Two names are the same person when they match ignoring case, or their parts before `@` do (`alice` and
 * `Alice@example.com`): the rule errs on the side of asking for another approver, as forbid-self-approval does.
 */
export function samePerson(a: string, b: string): boolean {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x === y || x.split('@')[0] === y.split('@')[0]
}

/** The next state and the verdict on one approval. Throws when the collection is already over (a caller bug). */
export function collectApproval(
  state: ApprovalsState,
  proof: ApprovalProof,
  policy: ApprovalsPolicy
): { state: ApprovalsState; verdict: ApprovalVerdict } {
  if (state.status !== 'collecting')
    throw new Error(`the approvals are already ${state.status}`)
  const problem = requiredApprovalsProblem(policy.required)
  if (problem) throw new Error(`required-approvals ${problem}`)
  const max = policy.maxUncounted ?? DEFAULT_MAX_UNCOUNTED
  const notCounted = (
    verdict: ApprovalVerdict
  ): { state: ApprovalsState; verdict: ApprovalVerdict } => {
    const uncounted = state.uncounted + 1
    if (uncounted > max)
      return {
        state: { ...state, uncounted, status: 'failed' },
        verdict: {
          kind: 'failed',
          reason: `${uncounted} approvals did not count (${max} allowed): ${progress(state, policy)}`
        }
      }
    return { state: { ...state, uncounted }, verdict }
  }

  if (proof.kind === 'no-access') return notCounted({ kind: 'no-access' })
  const name = proof.name
  // An approver the policy refuses ends the login, as with one approver (the sign-in is revoked, nothing written).
  const rejection = approverRejection(name, policy)
  if (rejection)
    return {
      state: { ...state, status: 'failed' },
      verdict: { kind: 'failed', reason: rejection, approvedBy: name }
    }
  if (state.approvers.some((a) => samePerson(a.name, name)))
    return notCounted({ kind: 'duplicate', name })
  const approver = { name, at: proof.at }
  const approvers = [...state.approvers, approver]
  const done = approvers.length >= policy.required
  return {
    state: { ...state, approvers, status: done ? 'done' : 'collecting' },
    verdict: { kind: 'counted', approver, done }
  }
}

const utc = (d: Date) =>
  Number.isNaN(d.getTime())
    ? 'unknown time'
    : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`

/** `alice (at 2026-12-04 10:00:00 UTC), bob (at …)`. */
export function approverList(approvers: readonly Approver[]): string {
  return approvers.map((a) => `${a.name} (at ${utc(a.at)})`).join(', ')
}

/**
 * The progress line every channel shows: "1 of 2 approvals: alice (at …); waiting for another approver"; when done,
 * "2 of 2 approvals: alice (at …), bob (at …)". Names are as AWS gave them: channels escape them as any value.
 */
export function progress(
  state: ApprovalsState,
  policy: Pick<ApprovalsPolicy, 'required'>
): string {
  const n = state.approvers.length
  const head = `${n} of ${policy.required} approval${policy.required === 1 ? '' : 's'}`
  const who = n ? `: ${approverList(state.approvers)}` : ''
  if (state.status === 'done' || n >= policy.required) return `${head}${who}`
  const waiting = n ? 'waiting for another approver' : 'waiting for an approver'
  return `${head}${who}; ${waiting}`
}

/** The line for an approval that did not count, with what is still needed. */
export function notCountedLine(
  verdict: Extract<ApprovalVerdict, { kind: 'duplicate' | 'no-access' }>,
  state: ApprovalsState,
  policy: ApprovalsPolicy
): string {
  const why =
    verdict.kind === 'duplicate'
      ? `${verdict.name} approved again, which does not count: each approval must come from a different person`
      : `An approval came from someone who cannot use ${policy.roleName} in account ${policy.accountId} (AWS names no one for such a sign-in), which does not count`
  return `${why}; that sign-in was signed out. ${progress(state, policy)}`
}

/** The final line: who approved, and whose sign-in the job's credentials come from (the one that completed the quorum). */
export function approvedLine(state: ApprovalsState): string {
  const names = state.approvers.map((a) => a.name)
  const last = names[names.length - 1]
  if (names.length <= 1) return `Approved by ${last ?? 'nobody'}`
  return `Approved by ${names.slice(0, -1).join(', ')} and ${last}; the job's credentials come from ${last}'s sign-in, the others' sign-ins were signed out once they were proven`
}
