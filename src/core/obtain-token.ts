/** Where the SSO token comes from: the one switch on the sign-in mode's token source. */
import type { AwsClients } from '../aws/clients.js'
import { sdkOidcApi } from '../aws/oidc.js'
import { runDeviceFlow, systemClock } from './device-flow.js'
import { CredentialsError } from '../aws/credentials.js'
import { InputError } from '../inputs/rules.js'
import { CLIENT_NAME_BASE } from './client-name.js'
import { cachedRegistration, reuseCachedSignIn } from './reuse.js'
import type { LoginOptions, ObtainedToken } from './login-result.js'
import { collectApprovals, type NextApproval } from './approval-loop.js'

/** A reusable cached session when allowed, else the device flow (with a cached registration when one is still valid). */
export async function obtainToken(
  options: LoginOptions,
  clients: AwsClients
): Promise<ObtainedToken> {
  const { request, mask, log, paths } = options
  switch (request.signIn.mode.token.from) {
    case 'session': {
      // Only the access token: no refresh token or client registration, so no tool on this runner can (or races to) refresh it.
      const { accessToken, expiresAt, approvers } = options.sharedSignIn!
      // required-approvals: the approvals the share-session job collected count (a seal without them had one).
      const required = request.signIn.requiredApprovals ?? 1
      if ((approvers?.length ?? 1) < required)
        throw new InputError(
          'required-approvals',
          `is ${required}, but the shared sign-in (session) was approved by ${approvers?.length ?? 1} (${approvers?.map((a) => a.name).join(', ') || 'one approver'}); sign in with share-session and required-approvals: ${required}. Nothing was written or exported`
        )
      return {
        token: { accessToken, expiresAt },
        via: 'shared-session',
        authorizations: 0,
        registered: false,
        ...(approvers ? { approvers } : {})
      }
    }
    case 'cache': {
      const reused = await reuseCachedSignIn(paths, request, clients, mask, log)
      if (reused) return { ...reused, authorizations: 0, registered: false }
      return deviceFlowToken(options, clients)
    }
    case 'device-flow':
      return deviceFlowToken(options, clients)
  }
}

/** The SSO access token itself was refused (UnauthorizedException): expired or revoked. */
export function tokenRejected(error: unknown): boolean {
  return error instanceof CredentialsError && error.kind === 'token'
}

/**
 * A person approves a device code (with a cached registration when one is still valid); with required-approvals > 1,
 * as many different people as it asks for (approval-loop.ts), each with a code of their own.
 */
export async function deviceFlowToken(
  options: LoginOptions,
  clients: AwsClients
): Promise<ObtainedToken> {
  const { request, mask, paths } = options
  const registration = await cachedRegistration(
    paths,
    request,
    mask,
    options.clientName ?? CLIENT_NAME_BASE
  )
  if ((request.signIn.requiredApprovals ?? 1) > 1)
    return collectApprovals(options, clients, registration, (next) =>
      approveOnce(options, clients, next)
    )
  return approveOnce(options, clients, {
    registration,
    approvalTimeoutSeconds: request.signIn.approvalTimeoutSeconds,
    first: true
  })
}

/** One device authorization, approved: the token and who may still need to approve (`approvals`, on the code). */
async function approveOnce(
  options: LoginOptions,
  clients: AwsClients,
  given: NextApproval
): Promise<ObtainedToken> {
  const { request, mask, log } = options
  let registered = false
  const flow = await runDeviceFlow({
    api: sdkOidcApi(
      () => clients.oidcClient(),
      mask,
      () => clients.pollingOidcClient()
    ),
    startUrl: request.target.startUrl,
    clientName: options.clientName ?? CLIENT_NAME_BASE,
    scopes: request.signIn.registrationScopes,
    registration: given.registration,
    approvalTimeoutSeconds: given.approvalTimeoutSeconds,
    clock: options.clock ?? systemClock,
    signal: options.signal,
    emit: (event) => {
      if (event.type !== 'started') return options.emit(event)
      if (event.attempt === 1 && given.first) clients.prepareForApproval()
      options.emit(
        given.approvals ? { ...event, approvals: given.approvals } : event
      )
    },
    onRegistered: () => (registered = true),
    onPollRetry: (message) => log.warning(message)
  })
  options.onTokenIssued?.(flow.token.accessToken)
  log.info(
    `Approved after ${flow.polls} poll(s)${flow.authorizations > 1 ? ` and ${flow.authorizations} codes` : ''}`
  )
  return {
    token: flow.token,
    registration: flow.registration,
    via: 'device-flow',
    authorizations: flow.authorizations,
    registered,
    approvedAt: new Date()
  }
}
