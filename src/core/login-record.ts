/**
 * The approval record of one successful sign-in, built once in core from the login's result, the run and
 * the sign-in mode, so the action's output and job summary and the CLI's --approval-record FILE hold the same value.
 * Only names, ARNs, accounts and times are copied (approvalRecord copies named fields only): no secret reaches it.
 */
import type { LoginRequest } from '../inputs/spec.js'
import type { LoginResult } from './login-result.js'
import type { RunContext } from './run-context.js'
import {
  approvalRecord,
  modeOf,
  type ApprovalRecord,
  type RunInput,
  type VerifiedInput
} from './approval-record.js'
import { jobRole } from './profile-layout.js'
import { behaviourOf } from './sign-in-mode.js'

export function loginRecord(
  request: LoginRequest,
  result: LoginResult,
  run: RunContext,
  hasPostStep: boolean,
  now: Date = new Date()
): ApprovalRecord {
  const job = jobRole(result)
  const chained = result.chained
  const written = result.extra.filter((p) => !p.error)
  const verified: VerifiedInput[] = [
    {
      profile: request.profiles.profile,
      arn: job.identity.arn,
      account: job.identity.account
    },
    // role-to-assume with a refreshable profile: the Identity Center profile it re-assumes from was written too.
    ...(chained?.sourceProfile
      ? [
          {
            profile: chained.sourceProfile,
            arn: result.primary.identity.arn,
            account: result.primary.identity.account
          }
        ]
      : []),
    ...written.flatMap((p) =>
      p.identity
        ? [
            {
              profile: p.profile.name,
              arn: p.identity.arn,
              account: p.identity.account
            }
          ]
        : []
    )
  ]
  return approvalRecord({
    approvers: (result.approvers ?? []).map((a) => ({
      name: a.name,
      approvedAt: a.at
    })),
    asked: {
      startUrl: request.target.startUrl,
      accountId: request.target.accountId,
      roleName: request.target.roleName,
      ...(request.chain ? { chainedRoleArn: request.chain.roleArn } : {}),
      profiles: [
        {
          name: request.profiles.profile,
          accountId: request.target.accountId,
          roleName: request.target.roleName
        },
        ...written.map((p) => ({
          name: p.profile.name,
          accountId: p.profile.accountId,
          roleName: p.profile.roleName
        }))
      ]
    },
    verified,
    ...(chained?.sourceIdentity !== undefined
      ? { sourceIdentity: chained.sourceIdentity }
      : {}),
    credentialsExpireAt: earliestExpiry(result),
    mode: modeOf(behaviourOf(request.signIn.mode).grant(hasPostStep)),
    run: run.record ?? recordRunOf(run),
    now
  })
}

/** The earliest expiry among the role credentials the job gets (the job's session and every verified extra profile). */
function earliestExpiry(result: LoginResult): Date {
  const times = [
    jobRole(result).credentials,
    ...(result.chained?.sourceProfile ? [result.primary.credentials] : []),
    ...result.extra.map((p) => p.credentials)
  ]
    .filter((c) => c !== undefined)
    .map((c) => c.expiration.getTime())
  return new Date(Math.min(...times))
}

/** The run block from what every edge reads (when the edge gave no record of its own). */
export function recordRunOf(run: RunContext): RunInput {
  return {
    repository: run.repository,
    workflow: run.workflow,
    job: run.job,
    actor: run.actor,
    sha: run.sha,
    ref: run.ref,
    runUrl: run.runUrl
  }
}
