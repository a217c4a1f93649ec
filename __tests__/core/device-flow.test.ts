import {
  DeviceFlowError,
  OidcError,
  runDeviceFlow,
  type Clock,
  type OidcApi,
  type SsoToken
} from '../../src/core/device-flow.js'
import type { LoginEvent } from '../../src/core/events.js'

/** A clock that advances only when the flow sleeps; records every sleep. */
function fakeClock(start = 1_000_000): Clock & { sleeps: number[] } {
  let t = start
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => t,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new DeviceFlowError('cancelled', 'cancelled')
      sleeps.push(ms)
      t += ms
    }
  }
}

type Answer =
  | 'pending'
  | 'slow'
  | 'denied'
  | 'expired'
  | 'invalid_client'
  | 'fault'
  | 'other'
  | 'ok'

/** A scripted SSO OIDC: answers CreateToken from a list, records when each poll happened. */
function scriptedApi(
  answers: Answer[],
  clock: Clock,
  opts: { expiresIn?: number; interval?: number } = {}
) {
  const pollTimes: number[] = []
  const calls: string[] = []
  let registrations = 0
  const api: OidcApi = {
    async registerClient(_name, scopes) {
      calls.push('register')
      registrations++
      return {
        clientId: `client-${registrations}`,
        clientSecret: 's',
        expiresAt: new Date(clock.now() + 90 * 86400_000),
        scopes
      }
    },
    async startDeviceAuthorization() {
      calls.push('start')
      return {
        deviceCode: 'dc',
        userCode: 'ABCD-EFGH',
        verificationUri: 'https://device.sso.us-east-1.amazonaws.com/',
        verificationUriComplete:
          'https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Aopaque',
        expiresIn: opts.expiresIn ?? 600,
        interval: opts.interval ?? 1
      }
    },
    async createToken(): Promise<SsoToken> {
      calls.push('token')
      pollTimes.push(clock.now())
      const answer = answers.shift() ?? 'pending'
      const codes = {
        pending: 'authorization_pending',
        slow: 'slow_down',
        denied: 'access_denied',
        expired: 'expired_token',
        invalid_client: 'invalid_client',
        other: 'other'
      } as const
      if (answer === 'ok')
        return {
          accessToken: 'at',
          expiresAt: new Date(clock.now() + 3600_000),
          refreshToken: 'rt'
        }
      if (answer === 'fault') {
        throw new OidcError(
          'transient',
          'SSO OIDC CreateToken failed: InternalServerException (HTTP 500)',
          'server error (InternalServerException, HTTP 500)'
        )
      }
      throw new OidcError(codes[answer], answer)
    }
  }
  return { api, pollTimes, calls }
}

const base = {
  startUrl: 'https://x.awsapps.com/start',
  clientName: 'botocore-client-s',
  scopes: ['sso:account:access']
}

test('polls at the interval until approved, emitting started then waiting', async () => {
  const clock = fakeClock()
  const { api, pollTimes } = scriptedApi(['pending', 'pending', 'ok'], clock, {
    interval: 2
  })
  const events: LoginEvent[] = []
  const result = await runDeviceFlow({
    ...base,
    api,
    clock,
    emit: (e) => events.push(e)
  })
  expect(result.token.accessToken).toBe('at')
  expect(result.polls).toBe(3)
  expect(pollTimes.map((t) => t - 1_000_000)).toEqual([2000, 4000, 6000])
  expect(events.map((e) => e.type)).toEqual(['started', 'waiting', 'waiting'])
  expect(events[0]).toMatchObject({
    userCode: 'ABCD-EFGH',
    attempt: 1,
    verificationUri:
      'https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Aopaque'
  })
})

test('slow_down adds 5 seconds to the interval for the rest of the flow', async () => {
  const clock = fakeClock()
  const { api, pollTimes } = scriptedApi(
    ['pending', 'slow', 'pending', 'slow', 'pending', 'ok'],
    clock,
    { interval: 1 }
  )
  await runDeviceFlow({ ...base, api, clock })
  const gaps = pollTimes.map((t, i) => t - (i ? pollTimes[i - 1] : 1_000_000))
  expect(gaps).toEqual([1000, 1000, 6000, 6000, 11000, 11000])
})

test('no interval from the service means 5 seconds (RFC 8628)', async () => {
  const clock = fakeClock()
  const { api, pollTimes } = scriptedApi(['ok'], clock, { interval: 0 })
  await runDeviceFlow({ ...base, api, clock })
  expect(pollTimes[0] - 1_000_000).toBe(5000)
})

test('access_denied fails with the approver denied the request', async () => {
  const clock = fakeClock()
  const { api } = scriptedApi(['pending', 'denied'], clock)
  await expect(runDeviceFlow({ ...base, api, clock })).rejects.toMatchObject({
    outcome: 'denied',
    message: 'the approver denied the request'
  })
})

test('expired_token fails with how long it waited', async () => {
  const clock = fakeClock()
  const { api } = scriptedApi(['pending', 'pending', 'expired'], clock, {
    interval: 30
  })
  const error = await runDeviceFlow({ ...base, api, clock }).catch((e) => e)
  expect(error).toBeInstanceOf(DeviceFlowError)
  expect(error.outcome).toBe('expired')
  expect(error.message).toBe(
    'the code expired before anyone approved it (waited 1 min 30 s)'
  )
})

test('the code lifetime passing stops polling without an answer from the service', async () => {
  const clock = fakeClock()
  const { api, pollTimes } = scriptedApi([], clock, {
    expiresIn: 10,
    interval: 3
  })
  const error = await runDeviceFlow({ ...base, api, clock }).catch((e) => e)
  expect(error.outcome).toBe('expired')
  expect(pollTimes.length).toBe(3) // at 3, 6, 9 s; a 4th poll at 12 s would be after expiry
  expect(clock.now() - 1_000_000).toBe(10_000)
})

test('approval-timeout starts fresh codes after expiry, until the total budget is spent', async () => {
  const clock = fakeClock()
  const { api, calls } = scriptedApi([], clock, { expiresIn: 10, interval: 5 })
  const events: LoginEvent[] = []
  const error = await runDeviceFlow({
    ...base,
    api,
    clock,
    approvalTimeoutSeconds: 25,
    emit: (e) => events.push(e)
  }).catch((e) => e)
  expect(error.outcome).toBe('expired')
  expect(calls.filter((c) => c === 'start').length).toBe(3)
  expect(
    events
      .filter((e) => e.type === 'started')
      .map((e) => (e as { attempt: number }).attempt)
  ).toEqual([1, 2, 3])
  expect(clock.now() - 1_000_000).toBe(25_000)
  expect(error.message).toMatch(/over 3 codes/)
})

test('approval on the second code succeeds', async () => {
  const clock = fakeClock()
  const { api } = scriptedApi(['pending', 'expired', 'pending', 'ok'], clock, {
    expiresIn: 600,
    interval: 1
  })
  const result = await runDeviceFlow({
    ...base,
    api,
    clock,
    approvalTimeoutSeconds: 1200
  })
  expect(result.authorizations).toBe(2)
})

test('invalid_client registers again once and restarts the authorization', async () => {
  const clock = fakeClock()
  const { api, calls } = scriptedApi(['invalid_client', 'ok'], clock)
  const result = await runDeviceFlow({ ...base, api, clock })
  expect(result.registration.clientId).toBe('client-2')
  expect(calls).toEqual([
    'register',
    'start',
    'token',
    'register',
    'start',
    'token'
  ])
})

test('a second invalid_client is not retried again', async () => {
  const clock = fakeClock()
  const { api } = scriptedApi(['invalid_client', 'invalid_client'], clock)
  await expect(runDeviceFlow({ ...base, api, clock })).rejects.toMatchObject({
    code: 'invalid_client'
  })
})

test('a usable cached registration skips RegisterClient', async () => {
  const clock = fakeClock()
  const { api, calls } = scriptedApi(['ok'], clock)
  const registration = {
    clientId: 'cached',
    clientSecret: 's',
    expiresAt: new Date(clock.now() + 30 * 86400_000),
    scopes: ['sso:account:access']
  }
  const result = await runDeviceFlow({ ...base, api, clock, registration })
  expect(calls[0]).toBe('start')
  expect(result.registration.clientId).toBe('cached')
})

test('cancellation stops polling', async () => {
  const clock = fakeClock()
  const controller = new AbortController()
  const { api } = scriptedApi([], clock)
  let polls = 0
  const wrapped: OidcApi = {
    ...api,
    createToken: async (r, d) => {
      if (++polls === 3) controller.abort('SIGINT')
      return api.createToken(r, d)
    }
  }
  await expect(
    runDeviceFlow({ ...base, api: wrapped, clock, signal: controller.signal })
  ).rejects.toMatchObject({ outcome: 'cancelled' })
  expect(polls).toBe(3)
})

const gapsOf = (pollTimes: number[]) =>
  pollTimes.map((t, i) => t - (i ? pollTimes[i - 1] : 1_000_000))

describe('failed polls (5xx, throttling, resets, timeouts): RFC 8628 §3.5, poll less often', () => {
  test('the wait doubles from the interval after each failed poll, resets on an answer, and the log says what is retried', async () => {
    const clock = fakeClock()
    const { api, pollTimes } = scriptedApi(
      ['pending', 'fault', 'fault', 'pending', 'fault', 'ok'],
      clock,
      { interval: 2 }
    )
    const lines: string[] = []
    const result = await runDeviceFlow({
      ...base,
      api,
      clock,
      onPollRetry: (m) => lines.push(m)
    })
    expect(result.token.accessToken).toBe('at')
    // Never faster than the interval: 2 s, then 4 s and 8 s after the failures, 2 s after an answer, 4 s after the next failure.
    expect(gapsOf(pollTimes)).toEqual([2000, 2000, 4000, 8000, 2000, 4000])
    expect(lines).toEqual([
      'SSO OIDC CreateToken: server error (InternalServerException, HTTP 500) on poll 2; polling again in 4 s (1 of 5 failed polls in a row allowed)',
      'SSO OIDC CreateToken: server error (InternalServerException, HTTP 500) on poll 3; polling again in 8 s (2 of 5 failed polls in a row allowed)',
      'SSO OIDC CreateToken: server error (InternalServerException, HTTP 500) on poll 5; polling again in 4 s (1 of 5 failed polls in a row allowed)'
    ])
  })

  test('the backoff is capped at 60 s', async () => {
    const clock = fakeClock()
    const { api, pollTimes } = scriptedApi(
      ['fault', 'fault', 'fault', 'fault', 'ok'],
      clock,
      { interval: 10 }
    )
    await runDeviceFlow({ ...base, api, clock })
    expect(gapsOf(pollTimes)).toEqual([10_000, 20_000, 40_000, 60_000, 60_000])
  })

  test('five failed polls in a row end the login with a clear failure', async () => {
    const clock = fakeClock()
    const { api, pollTimes } = scriptedApi(
      ['fault', 'fault', 'fault', 'fault', 'fault', 'ok'],
      clock,
      { interval: 1 }
    )
    const error = await runDeviceFlow({ ...base, api, clock }).catch((e) => e)
    expect(error).toBeInstanceOf(OidcError)
    expect(error.message).toBe(
      'SSO OIDC CreateToken failed: InternalServerException (HTTP 500); 5 polls in a row failed, giving up'
    )
    expect(pollTimes).toHaveLength(5)
    expect(gapsOf(pollTimes)).toEqual([1000, 2000, 4000, 8000, 16000])
  })

  test('failed polls until the code expires: the expiry says what the last polls got', async () => {
    const clock = fakeClock()
    const { api, pollTimes } = scriptedApi(
      ['pending', 'fault', 'fault', 'fault'],
      clock,
      { interval: 5, expiresIn: 40 }
    )
    const error = await runDeviceFlow({ ...base, api, clock }).catch((e) => e)
    expect(error.outcome).toBe('expired')
    expect(gapsOf(pollTimes)).toEqual([5000, 5000, 10_000, 20_000]) // the next one (40 s later) would be after expiry
    expect(error.message).toBe(
      'the code expired before anyone approved it (waited 40 s); the last 3 poll(s) failed: server error (InternalServerException, HTTP 500)'
    )
  })

  test('any other error still ends the flow at once', async () => {
    const clock = fakeClock()
    const { api, pollTimes } = scriptedApi(['other'], clock)
    await expect(runDeviceFlow({ ...base, api, clock })).rejects.toMatchObject({
      code: 'other'
    })
    expect(pollTimes).toHaveLength(1)
  })
})

describe('the slow_down penalty lasts for the whole flow', () => {
  test('a fresh code after expiry keeps the slowed-down interval', async () => {
    const clock = fakeClock()
    const { api, pollTimes, calls } = scriptedApi(
      ['slow', 'pending', 'expired', 'pending', 'ok'],
      clock,
      { interval: 1 }
    )
    const result = await runDeviceFlow({
      ...base,
      api,
      clock,
      approvalTimeoutSeconds: 1200
    })
    expect(result.authorizations).toBe(2)
    expect(calls.filter((c) => c === 'start')).toHaveLength(2)
    // 1 s, then 6 s after slow_down; the second code (interval 1 from the service) is still polled every 6 s.
    expect(gapsOf(pollTimes)).toEqual([1000, 6000, 6000, 6000, 6000])
  })

  test('a fresh code after re-registration (invalid_client) keeps it too', async () => {
    const clock = fakeClock()
    const { api, pollTimes, calls } = scriptedApi(
      ['slow', 'slow', 'invalid_client', 'ok'],
      clock,
      { interval: 2 }
    )
    await runDeviceFlow({ ...base, api, clock })
    expect(calls.filter((c) => c === 'register')).toHaveLength(2)
    expect(gapsOf(pollTimes)).toEqual([2000, 7000, 12_000, 12_000])
  })

  test('a service interval larger than the current one wins', async () => {
    const clock = fakeClock()
    let interval = 1
    const { api: scripted, pollTimes } = scriptedApi(['expired', 'ok'], clock)
    const api: OidcApi = {
      ...scripted,
      startDeviceAuthorization: async (r, u) => ({
        ...(await scripted.startDeviceAuthorization(r, u)),
        interval: interval++ * 10
      })
    }
    await runDeviceFlow({ ...base, api, clock, approvalTimeoutSeconds: 1200 })
    expect(gapsOf(pollTimes)).toEqual([10_000, 20_000])
  })
})
