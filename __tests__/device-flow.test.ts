import { DeviceFlowError, OidcError, runDeviceFlow, type Clock, type OidcApi, type SsoToken } from '../src/device-flow.js'
import type { LoginEvent } from '../src/events.js'

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

type Answer = 'pending' | 'slow' | 'denied' | 'expired' | 'invalid_client' | 'ok'

/** A scripted SSO OIDC: answers CreateToken from a list, records when each poll happened. */
function scriptedApi(answers: Answer[], clock: Clock, opts: { expiresIn?: number; interval?: number } = {}) {
  const pollTimes: number[] = []
  const calls: string[] = []
  let registrations = 0
  const api: OidcApi = {
    async registerClient(_name, scopes) {
      calls.push('register')
      registrations++
      return { clientId: `client-${registrations}`, clientSecret: 's', expiresAt: new Date(clock.now() + 90 * 86400_000), scopes }
    },
    async startDeviceAuthorization() {
      calls.push('start')
      return {
        deviceCode: 'dc',
        userCode: 'ABCD-EFGH',
        verificationUri: 'https://device.sso.us-east-1.amazonaws.com/',
        verificationUriComplete: 'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
        expiresIn: opts.expiresIn ?? 600,
        interval: opts.interval ?? 1
      }
    },
    async createToken(): Promise<SsoToken> {
      calls.push('token')
      pollTimes.push(clock.now())
      const answer = answers.shift() ?? 'pending'
      const codes = { pending: 'authorization_pending', slow: 'slow_down', denied: 'access_denied', expired: 'expired_token', invalid_client: 'invalid_client' } as const
      if (answer === 'ok') return { accessToken: 'at', expiresAt: new Date(clock.now() + 3600_000), refreshToken: 'rt' }
      throw new OidcError(codes[answer], answer)
    }
  }
  return { api, pollTimes, calls }
}

const base = { startUrl: 'https://x.awsapps.com/start', clientName: 'botocore-client-s', scopes: ['sso:account:access'] }

test('polls at the interval until approved, emitting started then waiting', async () => {
  const clock = fakeClock()
  const { api, pollTimes } = scriptedApi(['pending', 'pending', 'ok'], clock, { interval: 2 })
  const events: LoginEvent[] = []
  const result = await runDeviceFlow({ ...base, api, clock, emit: (e) => events.push(e) })
  expect(result.token.accessToken).toBe('at')
  expect(result.polls).toBe(3)
  expect(pollTimes.map((t) => t - 1_000_000)).toEqual([2000, 4000, 6000])
  expect(events.map((e) => e.type)).toEqual(['started', 'waiting', 'waiting'])
  expect(events[0]).toMatchObject({ userCode: 'ABCD-EFGH', attempt: 1, verificationUri: expect.stringContaining('user_code=ABCD-EFGH') })
})

test('slow_down adds 5 seconds to the interval for the rest of the flow', async () => {
  const clock = fakeClock()
  const { api, pollTimes } = scriptedApi(['pending', 'slow', 'pending', 'slow', 'pending', 'ok'], clock, { interval: 1 })
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
  await expect(runDeviceFlow({ ...base, api, clock })).rejects.toMatchObject({ outcome: 'denied', message: 'the approver denied the request' })
})

test('expired_token fails with how long it waited', async () => {
  const clock = fakeClock()
  const { api } = scriptedApi(['pending', 'pending', 'expired'], clock, { interval: 30 })
  const error = await runDeviceFlow({ ...base, api, clock }).catch((e) => e)
  expect(error).toBeInstanceOf(DeviceFlowError)
  expect(error.outcome).toBe('expired')
  expect(error.message).toBe('the code expired before anyone approved it (waited 1 min 30 s)')
})

test('the code lifetime passing stops polling without an answer from the service', async () => {
  const clock = fakeClock()
  const { api, pollTimes } = scriptedApi([], clock, { expiresIn: 10, interval: 3 })
  const error = await runDeviceFlow({ ...base, api, clock }).catch((e) => e)
  expect(error.outcome).toBe('expired')
  expect(pollTimes.length).toBe(3) // at 3, 6, 9 s; a 4th poll at 12 s would be after expiry
  expect(clock.now() - 1_000_000).toBe(10_000)
})

test('approval-timeout starts fresh codes after expiry, until the total budget is spent', async () => {
  const clock = fakeClock()
  const { api, calls } = scriptedApi([], clock, { expiresIn: 10, interval: 5 })
  const events: LoginEvent[] = []
  const error = await runDeviceFlow({ ...base, api, clock, approvalTimeoutSeconds: 25, emit: (e) => events.push(e) }).catch((e) => e)
  expect(error.outcome).toBe('expired')
  expect(calls.filter((c) => c === 'start').length).toBe(3)
  expect(events.filter((e) => e.type === 'started').map((e) => (e as { attempt: number }).attempt)).toEqual([1, 2, 3])
  expect(clock.now() - 1_000_000).toBe(25_000)
  expect(error.message).toMatch(/over 3 codes/)
})

test('approval on the second code succeeds', async () => {
  const clock = fakeClock()
  const { api } = scriptedApi(['pending', 'expired', 'pending', 'ok'], clock, { expiresIn: 600, interval: 1 })
  const result = await runDeviceFlow({ ...base, api, clock, approvalTimeoutSeconds: 1200 })
  expect(result.authorizations).toBe(2)
})

test('invalid_client registers again once and restarts the authorization', async () => {
  const clock = fakeClock()
  const { api, calls } = scriptedApi(['invalid_client', 'ok'], clock)
  const result = await runDeviceFlow({ ...base, api, clock })
  expect(result.registration.clientId).toBe('client-2')
  expect(calls).toEqual(['register', 'start', 'token', 'register', 'start', 'token'])
})

test('a second invalid_client is not retried again', async () => {
  const clock = fakeClock()
  const { api } = scriptedApi(['invalid_client', 'invalid_client'], clock)
  await expect(runDeviceFlow({ ...base, api, clock })).rejects.toMatchObject({ code: 'invalid_client' })
})

test('a usable cached registration skips RegisterClient', async () => {
  const clock = fakeClock()
  const { api, calls } = scriptedApi(['ok'], clock)
  const registration = { clientId: 'cached', clientSecret: 's', expiresAt: new Date(clock.now() + 30 * 86400_000), scopes: ['sso:account:access'] }
  const result = await runDeviceFlow({ ...base, api, clock, registration })
  expect(calls[0]).toBe('start')
  expect(result.registration.clientId).toBe('cached')
})

test('cancellation stops polling', async () => {
  const clock = fakeClock()
  const controller = new AbortController()
  const { api } = scriptedApi([], clock)
  let polls = 0
  const wrapped: OidcApi = { ...api, createToken: async (r, d) => { if (++polls === 3) controller.abort('SIGINT'); return api.createToken(r, d) } }
  await expect(runDeviceFlow({ ...base, api: wrapped, clock, signal: controller.signal })).rejects.toMatchObject({ outcome: 'cancelled' })
  expect(polls).toBe(3)
})
