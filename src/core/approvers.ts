/** Who may approve: the Identity Center user name from the verified ARN, checked against the request's policy. */
import { InputError } from '../inputs/rules.js'

export interface ApproverPolicy {
  /** Lower-cased user names or globs (`*`, `?`); empty means anyone in the directory. */
  allowedApprovers: string[]
  forbidSelfApproval: boolean
  /** The GitHub (or CI) user who triggered the run. */
  actor?: string
  /**
   * Every user the run acts for, compared like `actor`. On GitHub a re-run has two: `GITHUB_ACTOR` (who started the
   * original run, whose privileges the re-run uses) and `GITHUB_TRIGGERING_ACTOR` (who pressed re-run); see {@link runActors}.
   */
  actors?: string[]
}

export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${body}$`, 'i')
}

/** The part of an e-mail user name before `@`, lower-cased; a plain user name as is. */
function localPart(name: string): string {
  return name.toLowerCase().split('@')[0]
}

/** The GitHub users a run acts for: the triggering actor of a re-run and the actor of the original run (distinct, non-empty). */
export function runActors(env: NodeJS.ProcessEnv): string[] {
  return distinctActors([env.GITHUB_TRIGGERING_ACTOR, env.GITHUB_ACTOR])
}

function distinctActors(names: (string | undefined)[]): string[] {
  const out: string[] = []
  for (const raw of names) {
    const name = raw?.trim()
    if (name && !out.some((n) => n.toLowerCase() === name.toLowerCase()))
      out.push(name)
  }
  return out
}

function policyActors(policy: ApproverPolicy): string[] {
  return distinctActors([policy.actor, ...(policy.actors ?? [])])
}

/**
 * Bad input, before any network call: forbid-self-approval is true but no user is known to compare the approver with
 * (e.g. the CLI outside a CI that names its user, without --actor). Without this the check could never refuse anyone.
 */
export function checkSelfApprovalActors(
  policy: Pick<ApproverPolicy, 'forbidSelfApproval' | 'actor' | 'actors'>,
  hint = ''
): void {
  if (
    policy.forbidSelfApproval &&
    policyActors({ allowedApprovers: [], ...policy }).length === 0
  ) {
    throw new InputError(
      'forbid-self-approval',
      `is true but no user who triggered this run is known to compare the approver with${hint}`
    )
  }
}

/** Why this approver is not enough, or undefined when the approval stands. */
export function approverRejection(
  approvedBy: string,
  policy: ApproverPolicy
): string | undefined {
  if (!approvedBy)
    return policy.allowedApprovers.length || policy.forbidSelfApproval
      ? 'the approver could not be identified from the role session'
      : undefined
  if (
    policy.allowedApprovers.length &&
    !policy.allowedApprovers.some((g) => globToRegExp(g).test(approvedBy))
  ) {
    return `"${approvedBy}" is not in allowed-approvers (${policy.allowedApprovers.join(', ')})`
  }
  if (policy.forbidSelfApproval) {
    const actors = policyActors(policy)
    // Fail closed: a caller that skipped checkSelfApprovalActors must not turn the check into a no-op.
    if (actors.length === 0)
      return 'forbid-self-approval is true but no user who triggered this run is known to compare the approver with'
    for (const actor of actors) {
      const a = actor.toLowerCase()
      if (
        approvedBy.toLowerCase() === a ||
        localPart(approvedBy) === localPart(a)
      ) {
        return `"${approvedBy}" triggered this run (as ${actor}) and forbid-self-approval is true: someone else must approve`
      }
    }
  }
  return undefined
}
