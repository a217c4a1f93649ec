/**
 * The OAuth 2.0 device authorization grant (RFC 8628) against SSO OIDC, as a small state machine.
 * No GitHub, no files, no real clock: time and the service come in as arguments, so tests run it without sleeping.
 */
import type { LoginEvent } from './events.js'
import { formatDuration, sleep } from '../util/time.js'

export {
  OidcError,
  type ClientRegistration,
  type DeviceAuthorization,
  type OidcApi,
  type OidcErrorCode,
  type SsoToken
} from '../aws/oidc-types.js'
import {
  OidcError,
  type ClientRegistration,
  type OidcApi,
  type SsoToken
} from '../aws/oidc-types.js'

export interface Clock {
  now(): number
  /** Resolves after ms, rejects with a DeviceFlowError('cancelled') when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, signal, cancelled)
}

export type DeviceFlowOutcome = 'denied' | 'expired' | 'cancelled'

export class DeviceFlowError extends Error {
  constructor(
    readonly outcome: DeviceFlowOutcome,
    message: string,
    readonly waitedSeconds = 0
  ) {
    super(message)
    this.name = 'DeviceFlowError'
  }
}

function cancelled(signal: AbortSignal): DeviceFlowError {
  const reason = typeof signal.reason === 'string' ? ` (${signal.reason})` : ''
  return new DeviceFlowError(
    'cancelled',
    `the login was cancelled${reason} before anyone approved it`
  )
}

export const DEFAULT_INTERVAL_SECONDS = 5
export const SLOW_DOWN_STEP_SECONDS = 5
/** After a failed poll the wait doubles (from the interval) up to this, RFC 8628 §3.5 "reduce polling frequency". */
export const POLL_BACKOFF_CAP_SECONDS = 60
/** This many failed polls in a row end the login. */
export const MAX_CONSECUTIVE_POLL_FAILURES = 5

export interface DeviceFlowOptions {
  api: OidcApi
  startUrl: string
  clientName: string
  scopes: string[]
  /** A still-valid registration from the cache, to skip RegisterClient. */
  registration?: ClientRegistration
  /** Total seconds to wait for an approval across fresh codes; default: one code's lifetime. */
  approvalTimeoutSeconds?: number
  clock?: Clock
  signal?: AbortSignal
  emit?: (event: LoginEvent) => void
  /** Called when a registration was made, so the caller can cache it. */
  onRegistered?: (registration: ClientRegistration) => void
  /** A line for the log when a poll failed and will be tried again (never carries a secret). */
  onPollRetry?: (message: string) => void
}

export interface DeviceFlowResult {
  token: SsoToken
  registration: ClientRegistration
  /** Device authorizations started (more than one when codes expired and approval-timeout allowed a fresh one). */
  authorizations: number
  /** Requests made to CreateToken. */
  polls: number
}

/** A registration is reusable while it has at least this long left. */
const REGISTRATION_MARGIN_MS = 60 * 60 * 1000

export function registrationUsable(
  registration: ClientRegistration | undefined,
  scopes: string[],
  now: number
): boolean {
  return (
    !!registration &&
    registration.expiresAt.getTime() - now > REGISTRATION_MARGIN_MS &&
    scopes.every((s) => registration.scopes.includes(s))
  )
}

/** Register (or reuse), start a device authorization, poll until approved; start fresh codes while approval-timeout allows. */
export async function runDeviceFlow(
  options: DeviceFlowOptions
): Promise<DeviceFlowResult> {
  const { api, clock = systemClock, signal, emit = () => {} } = options
  const startedAt = clock.now()
  let registration =
    options.registration &&
    registrationUsable(options.registration, options.scopes, startedAt)
      ? options.registration
      : await register()
  let reRegistered = false
  let authorizations = 0
  let polls = 0

  async function register(): Promise<ClientRegistration> {
    const made = {
      ...(await api.registerClient(options.clientName, options.scopes)),
      clientName: options.clientName
    }
    options.onRegistered?.(made)
    return made
  }

  /** InvalidClient means the registration expired or was revoked: register again, once. */
  async function withFreshClientOnce<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call()
    } catch (error) {
      if (
        !(error instanceof OidcError && error.code === 'invalid_client') ||
        reRegistered
      )
        throw error
      reRegistered = true
      registration = await register()
      return call()
    }
  }

  let replaced: 'expired' | 'client-renewed' | undefined
  // The pace between polls. slow_down's penalty is for this client: it stays for the rest of the flow, fresh codes included.
  let intervalMs = 0
  let failedPolls = 0
  let lastFault: string | undefined
  for (;;) {
    throwIfCancelled(signal)
    const authorization = await withFreshClientOnce(() =>
      api.startDeviceAuthorization(registration, options.startUrl)
    )
    authorizations++
    const issuedAt = clock.now()
    const codeExpiresAt = issuedAt + authorization.expiresIn * 1000
    const overallDeadline =
      options.approvalTimeoutSeconds !== undefined
        ? startedAt + options.approvalTimeoutSeconds * 1000
        : codeExpiresAt
    const stopAt = Math.min(codeExpiresAt, overallDeadline)
    emit({
      type: 'started',
      userCode: authorization.userCode,
      verificationUri:
        authorization.verificationUriComplete || authorization.verificationUri,
      expiresAt: new Date(codeExpiresAt),
      attempt: authorizations,
      ...(registration.clientName
        ? { clientName: registration.clientName }
        : {}),
      ...(replaced ? { replaced } : {})
    })

    const serviceIntervalMs =
      (authorization.interval && authorization.interval > 0
        ? authorization.interval
        : DEFAULT_INTERVAL_SECONDS) * 1000
    intervalMs = Math.max(intervalMs, serviceIntervalMs)
    failedPolls = 0
    let codeExpired = false
    let restart = false
    for (;;) {
      // Never poll faster than the interval (longer after failed polls): wait first, and stop once the code (or the overall budget) is spent.
      const waitMs = pollWait(intervalMs, failedPolls)
      if (clock.now() + waitMs > stopAt) {
        const left = stopAt - clock.now()
        if (left > 0) await clock.sleep(left, signal)
        codeExpired = true
        break
      }
      await clock.sleep(waitMs, signal)
      polls++
      try {
        const token = await api.createToken(
          registration,
          authorization.deviceCode
        )
        return { token, registration, authorizations, polls }
      } catch (error) {
        if (!(error instanceof OidcError)) throw error
        if (error.code === 'transient') {
          failedPolls++
          lastFault = error.fault ?? error.message
          if (failedPolls >= MAX_CONSECUTIVE_POLL_FAILURES) {
            throw new OidcError(
              'transient',
              `${error.message}; ${failedPolls} polls in a row failed, giving up`,
              error.fault
            )
          }
          options.onPollRetry?.(
            `SSO OIDC CreateToken: ${lastFault} on poll ${polls}; polling again in ${formatDuration(Math.round(pollWait(intervalMs, failedPolls) / 1000))} ` +
              `(${failedPolls} of ${MAX_CONSECUTIVE_POLL_FAILURES} failed polls in a row allowed)`
          )
          continue
        }
        // Any answer from the service ends a run of failures.
        failedPolls = 0
        switch (error.code) {
          case 'authorization_pending':
            emit({
              type: 'waiting',
              secondsLeft: Math.max(
                0,
                Math.round((stopAt - clock.now()) / 1000)
              )
            })
            continue
          case 'slow_down':
            intervalMs += SLOW_DOWN_STEP_SECONDS * 1000
            continue
          case 'access_denied':
            throw new DeviceFlowError(
              'denied',
              'the approver denied the request',
              waited()
            )
          case 'expired_token':
            codeExpired = true
            break
          case 'invalid_client':
            // The registration was revoked or expired mid-flow: the device code is bound to it, so start over once.
            if (reRegistered) throw error
            reRegistered = true
            registration = await register()
            restart = true
            break
          default:
            throw error
        }
      }
      if (codeExpired || restart) break
    }
    if (restart) {
      replaced = 'client-renewed'
      continue
    }
    const mayReissue = options.approvalTimeoutSeconds !== undefined
    if (
      codeExpired &&
      mayReissue &&
      clock.now() + intervalMs <= overallDeadline
    ) {
      replaced = 'expired'
      continue
    }
    const seconds = waited()
    throw new DeviceFlowError(
      'expired',
      `the code expired before anyone approved it (waited ${formatDuration(seconds)}${authorizations > 1 ? ` over ${authorizations} codes` : ''})` +
        (failedPolls
          ? `; the last ${failedPolls} poll(s) failed: ${lastFault}`
          : ''),
      seconds
    )
  }

  function waited(): number {
    return Math.round((clock.now() - startedAt) / 1000)
  }
}

/** The wait before the next poll: the interval, doubled per failed poll in a row, capped (never below the interval). */
export function pollWait(intervalMs: number, failedPolls: number): number {
  if (failedPolls <= 0) return intervalMs
  return Math.max(
    intervalMs,
    Math.min(POLL_BACKOFF_CAP_SECONDS * 1000, intervalMs * 2 ** failedPolls)
  )
}

function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelled(signal)
}
