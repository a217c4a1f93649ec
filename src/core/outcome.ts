/** How a login ended, as the final lifecycle event and as the one-line failure message. */
import type { ApprovalRecord } from './approval-record.js'
import { approvedLine } from './approvals.js'
import type { WithApprovals } from './approval-loop.js'
import type { FinalEvent } from './events.js'
import type { LoginRequest } from '../inputs/spec.js'
import type { LoginResult } from './login.js'
import {
  ApproverRejectedError,
  ProfilesFailedError,
  SharedSignInEndedError,
  SignOutFailedError,
  UnsafePathError,
  jobRole
} from './login.js'
import { AccountNotAllowedError } from './allowed-accounts.js'
import { DeviceFlowError, OidcError } from './device-flow.js'
import { CredentialsError } from '../aws/credentials.js'
import { InputError } from '../inputs/rules.js'
import { describeAwsError } from '../aws/errors.js'

export function finalEvent(
  request: LoginRequest,
  outcome: LoginResult | unknown,
  /** The approval record of a successful sign-in (the job summary shows it). */
  record?: ApprovalRecord
): FinalEvent {
  const at = new Date()
  if (outcome && typeof outcome === 'object' && 'primary' in outcome) {
    const result = outcome as LoginResult
    const job = jobRole(result)
    const chained = result.chained
    const profiles = [
      chained
        ? {
            name: chained.profile,
            accountId: chained.identity.account,
            roleName: job.roleName,
            arn: chained.identity.arn
          }
        : {
            name: result.primary.profile.name,
            accountId: result.primary.identity.account,
            roleName: request.target.roleName,
            arn: result.primary.identity.arn
          },
      ...(chained?.sourceProfile
        ? [
            {
              name: chained.sourceProfile,
              accountId: result.primary.identity.account,
              roleName: request.target.roleName,
              arn: result.primary.identity.arn
            }
          ]
        : []),
      ...result.extra.map((p) => ({
        name: p.profile.name,
        accountId: p.profile.accountId,
        roleName: p.profile.roleName,
        arn: p.identity?.arn,
        error: p.error,
        ...(p.unverified ? { unverified: true } : {})
      }))
    ]
    return {
      type: 'approved',
      at,
      approvedBy: result.approvedBy,
      accountId: job.identity.account,
      roleName: chained ? job.roleName : request.target.roleName,
      arn: job.identity.arn,
      via: result.via,
      profiles,
      ...(result.signedOutAt
        ? { signedOutAt: result.signedOutAt }
        : {
            signInExpiresAt: result.token.expiresAt,
            refreshable: !!result.token.refreshToken
          }),
      credentialsExpireAt: latestExpiry(result),
      ...(record ? { record } : {}),
      ...approvalsOf(result)
    }
  }
  const approvals = failedApprovals(outcome)
  if (outcome instanceof DeviceFlowError) {
    if (outcome.outcome === 'denied')
      return { type: 'denied', at, ...approvals }
    if (outcome.outcome === 'expired')
      return {
        type: 'expired',
        at,
        waitedSeconds: outcome.waitedSeconds,
        ...approvals
      }
    return { type: 'cancelled', at, ...approvals }
  }
  if (outcome instanceof ApproverRejectedError)
    return {
      type: 'rejected',
      at,
      approvedBy: outcome.approvedBy,
      reason: outcome.reason,
      ...approvals
    }
  if (outcome instanceof ProfilesFailedError) {
    const profiles = outcome.results.map((p) => ({
      name: p.profile.name,
      accountId: p.profile.accountId,
      roleName: p.profile.roleName,
      ...(p.identity ? { arn: p.identity.arn } : {}),
      ...(p.error ? { error: p.error } : {})
    }))
    return {
      type: 'failed',
      at,
      reason: failureMessage(outcome),
      profiles,
      ...approvals
    }
  }
  return { type: 'failed', at, reason: failureMessage(outcome), ...approvals }
}

/** The latest expiry among the role credentials the login hands the job. */
function latestExpiry(result: LoginResult): Date {
  // With role-to-assume the permission set's credentials reach the job only through the written source profile.
  const primary =
    !result.chained || result.chained.sourceProfile
      ? result.primary.credentials
      : undefined
  const times = [
    primary,
    result.chained?.credentials,
    ...result.extra.map((p) => p.credentials)
  ]
    .filter((c) => !!c)
    .map((c) => c!.expiration.getTime())
  return new Date(Math.max(...times))
}

/** A message fit for the log: our own errors as they are; anything else reduced to its name (SDK errors carry request data). */
export function failureMessage(error: unknown): string {
  if (
    error instanceof DeviceFlowError ||
    error instanceof ApproverRejectedError ||
    error instanceof AccountNotAllowedError ||
    error instanceof SignOutFailedError ||
    error instanceof ProfilesFailedError ||
    error instanceof UnsafePathError ||
    error instanceof SharedSignInEndedError ||
    error instanceof CredentialsError ||
    error instanceof InputError ||
    error instanceof OidcError
  ) {
    return error.message
  }
  // SDK errors carry the request (tokens included): only their name, status and attempts. Node's own errors (a file
  // that could not be written, say) say what went wrong and where, and carry no request data.
  if (
    error instanceof Error &&
    !('$metadata' in error) &&
    !('$response' in error)
  )
    return error.message
  return `unexpected error: ${describeAwsError(error)}`
}

/** required-approvals > 1, or a shared sign-in that several approved: who approved and whose sign-in the job has. */
function approvalsOf(result: LoginResult): { approvals?: string } {
  const approvers = result.approvers ?? []
  if (approvers.length < 2) return {}
  const line = approvedLine({ approvers, uncounted: 0, status: 'done' })
  return {
    approvals:
      result.via === 'shared-session'
        ? `${line.replace(/^Approved by/, 'Approved earlier in this run by').replace(/; the job's credentials.*$/, '')}; this job uses that shared sign-in`
        : line
  }
}

/** The approvals counted before a failure (approval-loop.ts marks the error). */
function failedApprovals(outcome: unknown): { approvals?: string } {
  const line = (outcome as WithApprovals | undefined)?.approvals
  return typeof line === 'string' ? { approvals: line } : {}
}
