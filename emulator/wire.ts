/** The wire formats: AWS errors as REST-JSON (SSO OIDC, portal) or Query/XML (STS) answers, and JSON replies. */

export const OIDC_NS = 'http://internal.amazon.com/coral/com.amazonaws.ssooidc/'
export const PORTAL_NS =
  'http://internal.amazon.com/coral/com.amazon.switchboard.portal/'
export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/'

export type Service = 'oidc' | 'portal' | 'sts'

/** An answer to an AWS call. */
export interface Reply {
  status: number
  headers: Record<string, string>
  body: string
  error?: string
}

/** An AWS error, rendered in the wire format of the service that raised it. */
export class AwsError extends Error {
  constructor(
    readonly service: Service,
    readonly code: string,
    readonly status: number,
    message: string,
    /** OIDC: the OAuth `error` field */
    readonly oauthError?: string,
    /** STS: Sender / Receiver */
    readonly type: 'Sender' | 'Receiver' = 'Sender'
  ) {
    super(message)
  }
}

/** Thrown by the control methods (approve / deny / expire ...) for bad input. */
export class EmulatorControlError extends Error {
  constructor(
    message: string,
    readonly status: number = 400
  ) {
    super(message)
    this.name = 'EmulatorControlError'
  }
}

export const oidcError = (
  code: string,
  oauth: string,
  description: string,
  status = 400
): AwsError => new AwsError('oidc', code, status, description, oauth)
export const portalError = (
  code: string,
  status: number,
  message: string
): AwsError => new AwsError('portal', code, status, message)
export const stsError = (
  code: string,
  status: number,
  message: string,
  type: 'Sender' | 'Receiver' = 'Sender'
): AwsError => new AwsError('sts', code, status, message, undefined, type)

export const unauthorized = (): AwsError =>
  portalError(
    'UnauthorizedException',
    401,
    'Session token not found or invalid'
  )

export function xmlEscape(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) =>
      ({
        '&': '&amp;',
        '<': '&lt;',
        '>': '&gt;',
        '"': '&quot;',
        "'": '&apos;'
      })[c] as string
  )
}

export function renderError(err: AwsError, requestId: string): Reply {
  if (err.service === 'sts') {
    const body =
      `<ErrorResponse xmlns="${STS_XMLNS}">\n  <Error>\n    <Type>${err.type}</Type>\n    <Code>${xmlEscape(err.code)}</Code>\n` +
      `    <Message>${xmlEscape(err.message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
    return {
      status: err.status,
      headers: { 'content-type': 'text/xml' },
      body,
      error: err.code
    }
  }
  const ns = err.service === 'oidc' ? OIDC_NS : PORTAL_NS
  const payload =
    err.oauthError !== undefined
      ? { error: err.oauthError, error_description: err.message }
      : { message: err.message }
  return {
    status: err.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': `${err.code}:${ns}`
    },
    body: JSON.stringify(payload),
    error: err.code
  }
}

export function faultError(
  service: Service,
  kind: 'throttle' | '5xx'
): AwsError {
  if (kind === 'throttle') {
    if (service === 'sts') return stsError('Throttling', 400, 'Rate exceeded')
    if (service === 'portal')
      return portalError('TooManyRequestsException', 429, 'Too many requests')
    // SSO OIDC models no throttling error; a 429 with a throttling code is what both SDKs retry as throttling.
    return new AwsError('oidc', 'ThrottlingException', 429, 'Rate exceeded')
  }
  if (service === 'sts')
    return stsError(
      'InternalFailure',
      500,
      'An internal error occurred.',
      'Receiver'
    )
  if (service === 'portal')
    return portalError(
      'InternalServerException',
      500,
      'An internal error occurred.'
    )
  return oidcError(
    'InternalServerException',
    'server_error',
    'An internal error occurred.',
    500
  )
}

export const json = (value: unknown, status = 200): Reply => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value)
})
