import { describeFault, faultKind } from '../../src/aws/clients.js'
import { toOidcError } from '../../src/aws/oidc.js'

const err = (props: Record<string, unknown>, name = 'Error') =>
  Object.assign(new Error('boom'), { name }, props)

describe('faultKind says "retrying" only for what the SDK retry strategy retries', () => {
  test.each([
    [
      'HTTP 500',
      err({ $metadata: { httpStatusCode: 500 } }, 'InternalServerException'),
      'server error'
    ],
    [
      'HTTP 503',
      err(
        { $metadata: { httpStatusCode: 503 } },
        'ServiceUnavailableException'
      ),
      'server error'
    ],
    [
      'HTTP 429',
      err({ $metadata: { httpStatusCode: 429 } }, 'TooManyRequestsException'),
      'throttled'
    ],
    [
      'Throttling (HTTP 400)',
      err({ $metadata: { httpStatusCode: 400 } }, 'Throttling'),
      'throttled'
    ],
    ['ECONNRESET', err({ code: 'ECONNRESET' }), 'connection reset'],
    ['ECONNREFUSED', err({ code: 'ECONNREFUSED' }), 'connection refused'],
    ['TimeoutError', err({ code: 'ETIMEDOUT' }, 'TimeoutError'), 'timeout'],
    ['ENOTFOUND', err({ code: 'ENOTFOUND' }), 'network error'],
    [
      'a cause that is transient',
      err({ cause: err({ code: 'EPIPE' }) }),
      'connection reset'
    ]
  ])('%s → %s', (_label, error, kind) => {
    expect(faultKind(error)).toBe(kind)
  })

  test.each([
    [
      'a TLS certificate error',
      err({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' })
    ],
    ['a self-signed certificate', err({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })],
    ['an error with no status and no code', err({})],
    [
      'HTTP 501 (a server error the SDK does not retry)',
      err({ $metadata: { httpStatusCode: 501 } }, 'NotImplemented')
    ],
    [
      'HTTP 403',
      err({ $metadata: { httpStatusCode: 403 } }, 'ForbiddenException')
    ],
    [
      'HTTP 401',
      err({ $metadata: { httpStatusCode: 401 } }, 'UnauthorizedException')
    ],
    ['a cancel', err({}, 'AbortError')],
    [
      'authorization pending',
      err(
        { $metadata: { httpStatusCode: 400 } },
        'AuthorizationPendingException'
      )
    ],
    [
      'slow down',
      err({ $metadata: { httpStatusCode: 400 } }, 'SlowDownException')
    ]
  ])('%s → not retried, not logged as retrying', (_label, error) => {
    expect(faultKind(error)).toBeUndefined()
    expect(describeFault(error)).toBeUndefined()
  })

  test('describeFault names the kind, error name, status and network code only', () => {
    expect(
      describeFault(
        err({ $metadata: { httpStatusCode: 500 } }, 'InternalServerException')
      )
    ).toBe('server error (InternalServerException, HTTP 500)')
    expect(describeFault(err({ code: 'ECONNRESET' }))).toBe(
      'connection reset (Error, ECONNRESET)'
    )
  })
})

describe('toOidcError: a CreateToken fault is transient, an answer is not', () => {
  test('HTTP 500 → transient with its fault', () => {
    const e = toOidcError(
      err({ $metadata: { httpStatusCode: 500 } }, 'InternalServerException'),
      'CreateToken'
    )
    expect({ code: e.code, message: e.message, fault: e.fault }).toEqual({
      code: 'transient',
      message:
        'SSO OIDC CreateToken failed: InternalServerException (HTTP 500)',
      fault: 'server error (InternalServerException, HTTP 500)'
    })
  })
  test('a TLS error → other (the flow stops)', () => {
    expect(
      toOidcError(err({ code: 'CERT_HAS_EXPIRED' }), 'CreateToken').code
    ).toBe('other')
  })
  test('the protocol answers keep their codes', () => {
    expect(
      toOidcError(
        err({ $metadata: { httpStatusCode: 400 } }, 'SlowDownException'),
        'CreateToken'
      ).code
    ).toBe('slow_down')
    expect(
      toOidcError(
        err({ $metadata: { httpStatusCode: 400 } }, 'ExpiredTokenException'),
        'CreateToken'
      ).code
    ).toBe('expired_token')
  })
})
