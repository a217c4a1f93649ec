/**
 * The SSO OIDC values and answers as the rest of the code sees them: a client registration, a device authorization, an
 * SSO token, the RFC 8628 error codes, and the API the device flow drives. Owned by this layer so that nothing in
 * src/aws or src/aws-files imports from src/core.
 */

export interface ClientRegistration {
  clientId: string
  clientSecret: string
  expiresAt: Date
  scopes: string[]
  /** The clientName it was registered with: what AWS's consent page shows the approver. Unknown for another tool's cached registration. */
  clientName?: string
}

export interface DeviceAuthorization {
  deviceCode: string
  userCode: string
  verificationUri: string
  verificationUriComplete: string
  /** Seconds the device code lives. */
  expiresIn: number
  /** Seconds between polls; RFC 8628 says 5 when the service gives none. */
  interval?: number
}

export interface SsoToken {
  accessToken: string
  expiresAt: Date
  refreshToken?: string
}

/**
 * The RFC 8628 / SSO OIDC answers the flow reacts to; `transient` is a fault worth asking again after a longer wait
 * (5xx, throttling, a reset connection, a timeout); anything else is `other`.
 */
export type OidcErrorCode =
  | 'authorization_pending'
  | 'slow_down'
  | 'access_denied'
  | 'expired_token'
  | 'invalid_client'
  | 'invalid_grant'
  | 'transient'
  | 'other'

export class OidcError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
    /** For `transient`: what went wrong, for the log ("server error (InternalServerException (HTTP 500))"). */
    readonly fault?: string
  ) {
    super(message)
    this.name = 'OidcError'
  }
}

/** What the device flow (core/device-flow.ts) needs from SSO OIDC; oidc.ts implements it with the SDK. */
export interface OidcApi {
  registerClient(
    clientName: string,
    scopes: string[]
  ): Promise<ClientRegistration>
  startDeviceAuthorization(
    registration: ClientRegistration,
    startUrl: string
  ): Promise<DeviceAuthorization>
  /** Throws OidcError for the protocol's answers (pending, slow_down, denied, expired, invalid_client). */
  createToken(
    registration: ClientRegistration,
    deviceCode: string
  ): Promise<SsoToken>
}
