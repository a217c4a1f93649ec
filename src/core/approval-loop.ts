/**
 * required-approvals > 1 (the two-person rule; docs/required-approvals-design.md): one device authorization
 * per approval, each proven by that approver's own sign-in (GetRoleCredentials + GetCallerIdentity for account-id /
 * role-name), judged by the collector (approvals.ts), and every sign-in but the one that completes the quorum signed
 * out at once. So while the run waits for the next approver no live sign-in is on the runner, and a denial, a time-out
 * or a refused approver has at most the current one to sign out. The job's credentials come from the last sign-in.
 */
import type { AwsClients } from '../aws/clients.js'
import {
  approverFromArn,
  CredentialsError,
  verifiedRoleCredentials
} from '../aws/credentials.js'
import { logout } from '../aws/logout.js'
import { assertAccountAllowed } from './allowed-accounts.js'
import {
  approverList,
  collectApproval,
  INITIAL_APPROVALS,
  notCountedLine,
  progress,
  type ApprovalProof,
  type ApprovalsPolicy,
  type ApprovalsState
} from './approvals.js'
import { systemClock, type ClientRegistration } from './device-flow.js'
import {
  ApproverRejectedError,
  type LoginOptions,
  type ObtainedToken
} from './login-result.js'

/** What the next device authorization gets: the registration, the time left, the line shown with its code. */
export interface NextApproval {
  registration?: ClientRegistration
  approvalTimeoutSeconds?: number
  /** Where the approvals stand, shown above the fresh link and code on every channel. */
  approvals?: string
  /** The first code of the login (the clients warm up once). */
  first: boolean
}

/** An error that ends the login after some approvals counted: the channels and the step say which (all signed out). */
export interface WithApprovals {
  approvals?: string
}

/** The line a failure carries: "after 1 of 2 approvals (alice at …); every sign-in was signed out". */
export function afterApprovals(
  state: ApprovalsState,
  policy: Pick<ApprovalsPolicy, 'required'>
): string {
  const n = state.approvers.length
  const counted = n ? `: ${approverList(state.approvers)}` : ''
  return `after ${n} of ${policy.required} approvals${counted}; every sign-in this run obtained was signed out`
}

/** The error, marked with where the approvals stood (its message says it too, for the step's failure line). */
function withApprovals(error: unknown, line: string): unknown {
  if (error instanceof Error) {
    error.message = `${error.message.replace(/\.?$/, '')}; ${line}`
    ;(error as Error & WithApprovals).approvals = capitalized(line)
  }
  return error
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export async function collectApprovals(
  options: LoginOptions,
  clients: AwsClients,
  registration: ClientRegistration | undefined,
  approveOnce: (next: NextApproval) => Promise<ObtainedToken>
): Promise<ObtainedToken> {
  const { request, log, mask } = options
  const clock = options.clock ?? systemClock
  const policy: ApprovalsPolicy = {
    required: request.signIn.requiredApprovals ?? 1,
    accountId: request.target.accountId,
    roleName: request.target.roleName,
    allowedApprovers: request.signIn.allowedApprovers,
    forbidSelfApproval: request.signIn.forbidSelfApproval,
    actor: options.run?.actor,
    actors: options.run?.actors
  }
  // approval-timeout is the budget for all the approvals together; without it each code gets its own lifetime.
  const deadline =
    request.signIn.approvalTimeoutSeconds !== undefined
      ? clock.now() + request.signIn.approvalTimeoutSeconds * 1000
      : undefined
  let state: ApprovalsState = INITIAL_APPROVALS
  let line = progress(state, policy)
  // A failure once an approval counted says so (those sign-ins were signed out as they were proven).
  const failing = (error: unknown) =>
    state.approvers.length
      ? withApprovals(error, afterApprovals(state, policy))
      : error
  let authorizations = 0
  let registered = false
  for (let first = true; ; first = false) {
    let obtained: ObtainedToken
    try {
      obtained = await approveOnce({
        registration,
        ...(deadline !== undefined
          ? {
              approvalTimeoutSeconds: Math.max(
                1,
                Math.ceil((deadline - clock.now()) / 1000)
              )
            }
          : {}),
        approvals: line,
        first
      })
    } catch (error) {
      // Denied, expired, cancelled: every earlier sign-in is already signed out, this one never produced a token.
      throw failing(error)
    }
    registration = obtained.registration
    authorizations += obtained.authorizations
    registered ||= obtained.registered
    const token = obtained.token.accessToken
    const at = obtained.approvedAt ?? new Date()
    let proof: ApprovalProof
    let proven: ObtainedToken['proven']
    try {
      proven = await verifiedRoleCredentials(
        clients,
        token,
        request.target.accountId,
        request.target.roleName,
        mask
      )
      assertAccountAllowed(
        proven.identity,
        request.files.allowedAccountIds,
        `profile "${request.profiles.profile}" (${proven.identity.arn})`
      )
      proof = { kind: 'named', name: approverFromArn(proven.identity.arn), at }
    } catch (error) {
      if (!(error instanceof CredentialsError && error.kind === 'access')) {
        await logout(clients, token, log)
        throw failing(error)
      }
      proof = { kind: 'no-access', at }
    }
    const next = collectApproval(state, proof, policy)
    const verdict = next.verdict
    if (verdict.kind === 'counted' && verdict.done) {
      state = next.state
      log.info(
        `${progress(state, policy)}; the job's credentials come from ${verdict.approver.name}'s sign-in`
      )
      return {
        ...obtained,
        registration,
        authorizations,
        registered,
        approvedAt: at,
        approvers: [...state.approvers],
        proven
      }
    }
    // Not the job's sign-in: ended at once (its role credentials stay in memory only, and are dropped).
    await logout(clients, token, log)
    if (verdict.kind === 'failed') {
      throw failing(
        new ApproverRejectedError(verdict.approvedBy ?? '', verdict.reason)
      )
    }
    state = next.state
    line =
      verdict.kind === 'counted'
        ? `${verdict.approver.name}'s approval counted and that sign-in was signed out. ${progress(state, policy)}`
        : notCountedLine(verdict, state, policy)
    // The next code's `started` event carries the line to every channel (the log included).
  }
}
