/** Who may approve: the Identity Center user name from the verified ARN, checked against the request's policy. */

export interface ApproverPolicy {
  /** Lower-cased user names or globs (`*`, `?`); empty means anyone in the directory. */
  allowedApprovers: string[]
  forbidSelfApproval: boolean
  /** The GitHub (or CI) user who triggered the run. */
  actor?: string
}

export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${body}$`, 'i')
}

/** The part of an e-mail user name before `@`, lower-cased; a plain user name as is. */
function localPart(name: string): string {
  return name.toLowerCase().split('@')[0]
}

/** Why this approver is not enough, or undefined when the approval stands. */
export function approverRejection(approvedBy: string, policy: ApproverPolicy): string | undefined {
  if (!approvedBy) return policy.allowedApprovers.length || policy.forbidSelfApproval ? 'the approver could not be identified from the role session' : undefined
  if (policy.allowedApprovers.length && !policy.allowedApprovers.some((g) => globToRegExp(g).test(approvedBy))) {
    return `"${approvedBy}" is not in allowed-approvers (${policy.allowedApprovers.join(', ')})`
  }
  if (policy.forbidSelfApproval && policy.actor) {
    const actor = policy.actor.toLowerCase()
    if (approvedBy.toLowerCase() === actor || localPart(approvedBy) === localPart(actor)) {
      return `"${approvedBy}" triggered this run (as ${policy.actor}) and forbid-self-approval is true: someone else must approve`
    }
  }
  return undefined
}
