/** OidcApi over the AWS SDK's SSO OIDC client: maps the service's exceptions to RFC 8628 codes. */
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc'
import { describeAwsError } from './errors.js'
import { describeFault } from './clients.js'
import {
  OidcError,
  type ClientRegistration,
  type OidcApi,
  type OidcErrorCode,
  type SsoToken
} from './oidc-types.js'

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'

const CODES: Record<string, OidcErrorCode> = {
  AuthorizationPendingException: 'authorization_pending',
  SlowDownException: 'slow_down',
  AccessDeniedException: 'access_denied',
  ExpiredTokenException: 'expired_token',
  InvalidClientException: 'invalid_client',
  InvalidGrantException: 'invalid_grant'
}

/**
 * Rethrows SDK errors as OidcError, keeping only the error name and status: SDK errors carry the request.
 * A fault worth trying again (5xx, throttling, reset, timeout) becomes `transient`, with its kind.
 */
export function toOidcError(error: unknown, operation: string): OidcError {
  const message = `SSO OIDC ${operation} failed: ${describeAwsError(error)}`
  const code = CODES[(error as { name?: string })?.name ?? '']
  if (code) return new OidcError(code, message)
  const fault = describeFault(error)
  return fault
    ? new OidcError('transient', message, fault)
    : new OidcError('other', message)
}

/**
 * `mask` is called with every secret the service returns, before the value is used for anything else.
 * `pollingClient` serves the device-code polls: it should make one attempt per call (the flow paces its own retries).
 */
export function sdkOidcApi(
  client: () => Promise<SSOOIDCClient>,
  mask: (secret: string) => void = () => {},
  pollingClient: () => Promise<SSOOIDCClient> = client
): OidcApi {
  const sdk = import('@aws-sdk/client-sso-oidc')
  return {
    async registerClient(clientName, scopes) {
      const { RegisterClientCommand } = await sdk
      try {
        const out = await (
          await client()
        ).send(
          new RegisterClientCommand({
            clientName,
            clientType: 'public',
            scopes
          })
        )
        if (out.clientSecret) mask(out.clientSecret)
        return {
          clientId: required(out.clientId, 'clientId'),
          clientSecret: required(out.clientSecret, 'clientSecret'),
          expiresAt: new Date((out.clientSecretExpiresAt ?? 0) * 1000),
          scopes
        }
      } catch (error) {
        throw error instanceof OidcError
          ? error
          : toOidcError(error, 'RegisterClient')
      }
    },
    async startDeviceAuthorization(
      registration: ClientRegistration,
      startUrl: string
    ) {
      const { StartDeviceAuthorizationCommand } = await sdk
      try {
        const out = await (
          await client()
        ).send(
          new StartDeviceAuthorizationCommand({
            clientId: registration.clientId,
            clientSecret: registration.clientSecret,
            startUrl
          })
        )
        if (out.deviceCode) mask(out.deviceCode)
        return {
          deviceCode: required(out.deviceCode, 'deviceCode'),
          userCode: required(out.userCode, 'userCode'),
          verificationUri: required(out.verificationUri, 'verificationUri'),
          verificationUriComplete:
            out.verificationUriComplete ?? out.verificationUri!,
          expiresIn: out.expiresIn ?? 600,
          interval: out.interval
        }
      } catch (error) {
        throw error instanceof OidcError
          ? error
          : toOidcError(error, 'StartDeviceAuthorization')
      }
    },
    async createToken(registration, deviceCode) {
      const { CreateTokenCommand } = await sdk
      try {
        const out = await (
          await pollingClient()
        ).send(
          new CreateTokenCommand({
            clientId: registration.clientId,
            clientSecret: registration.clientSecret,
            grantType: DEVICE_CODE_GRANT,
            deviceCode
          })
        )
        return tokenFrom(out, mask)
      } catch (error) {
        throw error instanceof OidcError
          ? error
          : toOidcError(error, 'CreateToken')
      }
    }
  }
}

/** CreateToken with grant type refresh_token: the service rotates the refresh token. */
export async function refreshSsoToken(
  client: SSOOIDCClient,
  registration: ClientRegistration,
  refreshToken: string,
  mask: (secret: string) => void
): Promise<SsoToken> {
  const { CreateTokenCommand } = await import('@aws-sdk/client-sso-oidc')
  try {
    const out = await client.send(
      new CreateTokenCommand({
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        grantType: 'refresh_token',
        refreshToken
      })
    )
    return tokenFrom(out, mask)
  } catch (error) {
    throw error instanceof OidcError
      ? error
      : toOidcError(error, 'CreateToken (refresh)')
  }
}

function tokenFrom(
  out: { accessToken?: string; expiresIn?: number; refreshToken?: string },
  mask: (secret: string) => void
): SsoToken {
  if (out.accessToken) mask(out.accessToken)
  if (out.refreshToken) mask(out.refreshToken)
  return {
    accessToken: required(out.accessToken, 'accessToken'),
    expiresAt: new Date(Date.now() + (out.expiresIn ?? 0) * 1000),
    ...(out.refreshToken ? { refreshToken: out.refreshToken } : {})
  }
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined || value === null || value === '')
    throw new OidcError('other', `SSO OIDC returned no ${field}`)
  return value
}
