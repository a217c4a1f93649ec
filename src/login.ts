/**
 * One login, from a validated request to verified credentials and the AWS files written.
 * Shared by the GitHub Action and the CLI: no @actions/* here; the edges pass in how to mask, log and notify.
 */
import type { LoginEvent, Logger } from './events.js'
import type { LoginRequest, ProfileSpec } from './request.js'
import { AwsClients } from './aws/clients.js'
import { sdkOidcApi } from './aws/oidc.js'
import { runDeviceFlow, systemClock, type Clock, type ClientRegistration, type SsoToken } from './device-flow.js'
import { verifiedRoleCredentials, approverFromArn, type CallerIdentity, type RoleCredentials } from './credentials.js'
import { approverRejection } from './approvers.js'
import { logout } from './sso-session.js'
import { writeSessionFiles, type WrittenFiles } from './session-files.js'
import type { AwsPaths } from './aws-files/paths.js'

export interface LoginOptions {
  request: LoginRequest
  /** The CI user who triggered the run (for forbid-self-approval). */
  actor?: string
  paths: AwsPaths
  /** Register a secret with the log masker before anything else happens with it. */
  mask: (secret: string) => void
  emit: (event: LoginEvent) => void
  log: Logger
  clock?: Clock
  signal?: AbortSignal
  env?: NodeJS.ProcessEnv
}

export interface ProfileResult {
  profile: ProfileSpec
  credentials?: RoleCredentials
  identity?: CallerIdentity
  error?: string
}

export interface LoginResult {
  primary: { profile: ProfileSpec; credentials: RoleCredentials; identity: CallerIdentity }
  extra: ProfileResult[]
  approvedBy: string
  token: SsoToken
  registration: ClientRegistration
  written: WrittenFiles
  /** How the SSO token was obtained. */
  via: 'device-flow'
  authorizations: number
}

/** The approval happened, but the approver is not one the request allows; the token was revoked. */
export class ApproverRejectedError extends Error {
  constructor(
    readonly approvedBy: string,
    readonly reason: string
  ) {
    super(`approved by ${approvedBy || 'an unidentified user'}, which is not enough: ${reason}. The session was revoked and nothing was exported.`)
    this.name = 'ApproverRejectedError'
  }
}

export const CLIENT_NAME_PREFIX = 'botocore-client-'

export async function login(options: LoginOptions): Promise<LoginResult> {
  const { request, mask, log } = options
  const clients = new AwsClients({ ssoRegion: request.ssoRegion, region: request.region, env: options.env, onRetry: (m) => log.warning(m) })
  try {
    const api = sdkOidcApi(() => clients.oidcClient(), mask)
    const flow = await runDeviceFlow({
      api,
      startUrl: request.startUrl,
      clientName: `${CLIENT_NAME_PREFIX}${request.ssoSession}`,
      scopes: request.registrationScopes,
      approvalTimeoutSeconds: request.approvalTimeoutSeconds,
      clock: options.clock ?? systemClock,
      signal: options.signal,
      emit: options.emit
    })
    const { token, registration } = flow

    const primaryProfile: ProfileSpec = { name: request.profile, accountId: request.accountId, roleName: request.roleName, region: request.region }
    let primary: { credentials: RoleCredentials; identity: CallerIdentity }
    try {
      primary = await verifiedRoleCredentials(clients, token.accessToken, request.accountId, request.roleName, mask)
    } catch (error) {
      await logout(clients, token.accessToken, log)
      throw error
    }
    const approvedBy = approverFromArn(primary.identity.arn)
    const rejection = approverRejection(approvedBy, {
      allowedApprovers: request.allowedApprovers,
      forbidSelfApproval: request.forbidSelfApproval,
      actor: options.actor
    })
    if (rejection) {
      await logout(clients, token.accessToken, log)
      throw new ApproverRejectedError(approvedBy, rejection)
    }

    const extra = await forEachProfile(request.extraProfiles, 8, async (profile) => {
      try {
        const { credentials, identity } = await verifiedRoleCredentials(clients, token.accessToken, profile.accountId, profile.roleName, mask)
        return { profile, credentials, identity }
      } catch (error) {
        return { profile, error: (error as Error).message }
      }
    })

    const written = await writeSessionFiles(options.paths, request, [primaryProfile, ...request.extraProfiles], token, registration)
    return {
      primary: { profile: primaryProfile, ...primary },
      extra,
      approvedBy,
      token,
      registration,
      written,
      via: 'device-flow',
      authorizations: flow.authorizations
    }
  } finally {
    clients.destroy()
  }
}

/** Runs fn over items with at most `limit` in flight, keeping the input order in the result. */
export async function forEachProfile<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i])
    }
  })
  await Promise.all(workers)
  return results
}
