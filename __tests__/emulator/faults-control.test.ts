/** Fault injection (seen through the SDKs' retries), delay, the HTTP control API, the approval page and the wire format. */
import {
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand
} from '@aws-sdk/client-sso-oidc'
import {
  GetRoleCredentialsCommand,
  ListAccountsCommand,
  SSOClient
} from '@aws-sdk/client-sso'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  DEVICE_GRANT,
  START_URL,
  login,
  oidcClient,
  rejection,
  ssoClient,
  stsClient
} from './helpers.js'

let emu: Emulator
let oidc: SSOOIDCClient
let sso: SSOClient

beforeAll(async () => {
  emu = await startEmulator()
  oidc = oidcClient(emu.url)
  sso = ssoClient(emu.url)
})
afterAll(async () => {
  oidc.destroy()
  sso.destroy()
  await emu.close()
})
beforeEach(() => emu.reset())

const register = () =>
  oidc.send(
    new RegisterClientCommand({
      clientName: 'faults',
      clientType: 'public',
      scopes: ['sso:account:access']
    })
  )

async function postJson(
  path: string,
  body: unknown
): Promise<{ status: number; json: any }> {
  const res = await fetch(emu.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })
  return { status: res.status, json: await res.json() }
}

async function getJson(path: string): Promise<{ status: number; json: any }> {
  const res = await fetch(emu.url + path)
  return { status: res.status, json: await res.json() }
}

describe('fault injection', () => {
  test('5xx once: the SDK retries and succeeds; the 500 is InternalServerException', async () => {
    emu.injectFault({ operation: 'RegisterClient', kind: '5xx', count: 1 })
    const reg = await register()
    expect(reg.clientId).toBeDefined()
    const calls = emu.calls().filter((c) => c.operation === 'RegisterClient')
    expect(calls.map((c) => [c.status, c.fault, c.error])).toEqual([
      [500, '5xx', 'InternalServerException'],
      [200, undefined, undefined]
    ])
    expect(emu.stats()).toMatchObject({ faults: 1, registrations: 1 })
  })

  test('faults for another operation do not fire; exhausted retries surface the error', async () => {
    emu.injectFault({ operation: 'CreateToken', kind: '5xx', count: 5 })
    await register() // not affected
    const single = oidcClient(emu.url, 1)
    try {
      emu.injectFault({
        operation: 'RegisterClient',
        kind: 'throttle',
        count: 1
      })
      const err = await rejection(
        single.send(
          new RegisterClientCommand({ clientName: 'x', clientType: 'public' })
        )
      )
      expect(err.name).toBe('ThrottlingException')
      expect(err.$metadata.httpStatusCode).toBe(429)
    } finally {
      single.destroy()
    }
  })

  test('throttle on the portal (429 TooManyRequestsException) is retried; on STS it is 400 Throttling', async () => {
    const { accessToken } = await login(emu, oidc)
    emu.injectFault({
      operation: 'GetRoleCredentials',
      kind: 'throttle',
      count: 1
    })
    const c = (
      await sso.send(
        new GetRoleCredentialsCommand({
          accessToken,
          accountId: '111122223333',
          roleName: 'ReadOnly'
        })
      )
    ).roleCredentials!
    expect(
      emu
        .calls()
        .filter((x) => x.operation === 'GetRoleCredentials')
        .map((x) => [x.status, x.error])
    ).toEqual([
      [429, 'TooManyRequestsException'],
      [200, undefined]
    ])
    // One attempt only: the SDK's throttling back-off (500 ms base) would slow the suite down for nothing.
    emu.injectFault({
      operation: 'GetCallerIdentity',
      kind: 'throttle',
      count: 1
    })
    const sts = stsClient(
      emu.url,
      {
        accessKeyId: c.accessKeyId!,
        secretAccessKey: c.secretAccessKey!,
        sessionToken: c.sessionToken!
      },
      'us-east-1',
      1
    )
    try {
      const err = await rejection(sts.send(new GetCallerIdentityCommand({})))
      expect(err.name).toBe('Throttling')
      expect(err.$metadata.httpStatusCode).toBe(400)
      expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe(
        '111122223333'
      )
    } finally {
      sts.destroy()
    }
  })

  test('reset: the socket is destroyed without an answer; the SDK retries', async () => {
    const { accessToken } = await login(emu, oidc)
    emu.injectFault({ operation: 'ListAccounts', kind: 'reset', count: 1 })
    const out = await sso.send(new ListAccountsCommand({ accessToken }))
    expect(out.accountList).toHaveLength(3)
    const calls = emu.calls().filter((c) => c.operation === 'ListAccounts')
    expect(calls.map((c) => [c.status, c.fault])).toEqual([
      [0, 'reset'],
      [200, undefined]
    ])
  })

  test('timeout: the request is held for timeoutMs, then the socket is destroyed', async () => {
    emu.injectFault({ kind: 'timeout', count: 1, timeoutMs: 250 })
    const t0 = Date.now()
    await expect(
      fetch(emu.url + '/client/register', { method: 'POST', body: '{}' })
    ).rejects.toThrow()
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240)
    expect(emu.calls()[0]).toMatchObject({
      operation: 'RegisterClient',
      status: 0,
      fault: 'timeout'
    })
  })

  test('setDelay adds latency to every AWS call', async () => {
    emu.setDelay(150)
    const t0 = Date.now()
    await register()
    expect(Date.now() - t0).toBeGreaterThanOrEqual(145)
    emu.setDelay(0)
    emu.reset()
    const t1 = Date.now()
    await register()
    expect(Date.now() - t1).toBeLessThan(140)
  })
})

describe('wire format', () => {
  test('OIDC errors: 400 JSON {error, error_description} and x-amzn-ErrorType', async () => {
    const reg = await register()
    const auth = await oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId: reg.clientId,
        clientSecret: reg.clientSecret,
        startUrl: START_URL
      })
    )
    const res = await fetch(emu.url + '/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: reg.clientId,
        clientSecret: reg.clientSecret,
        grantType: DEVICE_GRANT,
        deviceCode: auth.deviceCode
      })
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('x-amzn-errortype')).toBe(
      'AuthorizationPendingException:http://internal.amazon.com/coral/com.amazonaws.ssooidc/'
    )
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/)
    const body = (await res.json()) as any
    expect(body.error).toBe('authorization_pending')
    expect(typeof body.error_description).toBe('string')

    const portal = await fetch(emu.url + '/assignment/accounts')
    expect(portal.status).toBe(401)
    expect(portal.headers.get('x-amzn-errortype')).toMatch(
      /^UnauthorizedException:/
    )
    expect(await portal.json()).toEqual({
      message: 'Session token not found or invalid'
    })
  })
})

describe('HTTP control API', () => {
  test('last / wait / approve / calls / stats / tokens over HTTP', async () => {
    expect((await getJson('/_control/last')).status).toBe(404)
    const reg = await register()
    const waiting = getJson('/_control/wait?timeoutMs=2000')
    const auth = await oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId: reg.clientId,
        clientSecret: reg.clientSecret,
        startUrl: START_URL
      })
    )
    expect((await waiting).json.userCode).toBe(auth.userCode)
    const last = await getJson('/_control/last')
    expect(last.json).toMatchObject({
      userCode: auth.userCode,
      verificationUriComplete: auth.verificationUriComplete,
      deviceCode: auth.deviceCode,
      status: 'pending'
    })
    expect((await getJson('/_control/pending')).json).toHaveLength(1)

    expect(
      (await postJson('/_control/approve', { userCode: 'BBBB-BBBB' })).status
    ).toBe(404)
    expect(
      (
        await postJson('/_control/approve', {
          userCode: auth.userCode,
          user: 'nobody'
        })
      ).status
    ).toBe(400)
    const ok = await postJson('/_control/approve', {
      userCode: auth.userCode,
      user: 'bob'
    })
    expect(ok.status).toBe(200)
    expect(ok.json).toMatchObject({ status: 'approved', approvedBy: 'bob' })
    expect(
      (await postJson('/_control/deny', { userCode: auth.userCode })).json
        .status
    ).toBe('denied')

    const calls = await getJson('/_control/calls')
    expect(calls.json.map((c: any) => c.operation)).toEqual([
      'RegisterClient',
      'StartDeviceAuthorization'
    ])
    expect(calls.json[1].userCode).toBe(auth.userCode)
    expect((await getJson('/_control/stats')).json).toMatchObject({
      approvals: 1,
      denials: 1,
      deviceAuthorizations: 1
    })
    expect((await getJson('/_control/tokens')).json).toEqual([])
  })

  test('fault / slow-down / delay / reset over HTTP', async () => {
    expect((await postJson('/_control/fault', { kind: 'bogus' })).status).toBe(
      400
    )
    expect(
      (
        await postJson('/_control/fault', {
          operation: 'RegisterClient',
          kind: '5xx',
          count: 1
        })
      ).status
    ).toBe(200)
    await register()
    expect(emu.calls().map((c) => c.status)).toEqual([500, 200])
    expect((await postJson('/_control/slow-down', { count: 1 })).status).toBe(
      200
    )
    expect((await postJson('/_control/delay', { ms: 5 })).json.delayMs).toBe(5)
    expect((await postJson('/_control/reset', {})).status).toBe(200)
    expect(emu.calls()).toEqual([])
    expect((await getJson('/_control/nope')).status).toBe(404)
  })
})

describe('approval page', () => {
  async function started() {
    const reg = await register()
    return oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId: reg.clientId,
        clientSecret: reg.clientSecret,
        startUrl: START_URL
      })
    )
  }

  test("today's link: /platform/authorize?request_uri=… names the request, not its code; the page asks for the code and approves only with it", async () => {
    const auth = await started()
    const link = new URL(auth.verificationUriComplete!)
    expect(`${link.origin}${link.pathname}`).toBe(
      `${emu.url}/platform/authorize`
    )
    expect([...link.searchParams.keys()]).toEqual(['request_uri'])
    const requestUri = link.searchParams.get('request_uri')!
    expect(requestUri).toMatch(/^urn:ietf:params:oauth:request_uri:[\w-]{32}$/)
    expect(auth.verificationUriComplete).not.toContain(auth.userCode!)
    expect(auth.verificationUriComplete).not.toContain('user_code')
    expect(auth.verificationUri).toBe(`${emu.url}/device`)

    const page = await fetch(auth.verificationUriComplete!)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).not.toContain(auth.userCode!) // the approver brings the code from the application's message
    expect(html).toMatch(/<input type="text" id="user_code" name="user_code"/)
    expect(html).toMatch(
      /<form method="post" action="\/platform\/authorize\/decision"/
    )
    expect(html).toMatch(/<button[^>]*id="approve"/)

    const decide = (fields: Record<string, string>) =>
      fetch(`${emu.url}/platform/authorize/decision`, {
        method: 'POST',
        body: new URLSearchParams({
          request_uri: requestUri,
          user: 'bob',
          ...fields
        })
      })
    for (const wrong of ['', 'BBBB-CCCC']) {
      const refused = await decide({ user_code: wrong, decision: 'approve' })
      expect(refused.status).toBe(400)
      expect(await refused.text()).toContain('id="code-error"')
      expect(emu.lastStarted()!.status).toBe('pending')
    }
    const typed = auth.userCode!.replace('-', '').toLowerCase()
    const approved = await decide({ user_code: typed, decision: 'approve' })
    expect(approved.status).toBe(200)
    expect(await approved.text()).toMatch(/id="result">Request approved</)
    expect(emu.lastStarted()).toMatchObject({
      status: 'approved',
      approvedBy: 'bob'
    })

    const again = await fetch(auth.verificationUriComplete!)
    expect(again.status).toBe(410)
    const gone = await again.text()
    expect(gone).toContain('already been approved')
    expect(gone).not.toContain(auth.userCode!)
    const unknown = await fetch(
      `${emu.url}/platform/authorize?request_uri=${encodeURIComponent('urn:ietf:params:oauth:request_uri:nope')}`
    )
    expect(unknown.status).toBe(404)
  })

  test("today's page: deny needs no code", async () => {
    const auth = await started()
    const requestUri = new URL(auth.verificationUriComplete!).searchParams.get(
      'request_uri'
    )!
    const result = await fetch(`${emu.url}/platform/authorize/decision`, {
      method: 'POST',
      body: new URLSearchParams({ request_uri: requestUri, decision: 'deny' })
    })
    expect(await result.text()).toMatch(/id="result">Request denied</)
    expect(emu.lastStarted()!.status).toBe('denied')
  })

  test('userCodeLink: the link as before September 2026, /device?user_code=CODE', async () => {
    const old = await startEmulator({ userCodeLink: true })
    try {
      const oldOidc = oidcClient(old.url)
      const reg = await oldOidc.send(
        new RegisterClientCommand({
          clientName: 'old-link',
          clientType: 'public',
          scopes: ['sso:account:access']
        })
      )
      const auth = await oldOidc.send(
        new StartDeviceAuthorizationCommand({
          clientId: reg.clientId,
          clientSecret: reg.clientSecret,
          startUrl: START_URL
        })
      )
      expect(auth.verificationUriComplete).toBe(
        `${old.url}/device?user_code=${auth.userCode}`
      )
      oldOidc.destroy()
    } finally {
      await old.close()
    }
  })

  test('the old page (/device?user_code=…, still at verificationUri with the code typed) shows the code, a user field and approve/deny buttons; approving as bob records bob', async () => {
    const auth = await started()
    const page = await fetch(`${emu.url}/device?user_code=${auth.userCode}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await page.text()
    expect(html).toContain(auth.userCode)
    expect(html).toMatch(/<button[^>]*id="approve"/)
    expect(html).toMatch(/<button[^>]*id="deny"/)
    expect(html).toMatch(/<input[^>]*id="user"[^>]*value="alice"/)
    expect(html).toMatch(/<form method="post" action="\/device\/decision"/)

    const form = new URLSearchParams({
      user_code: auth.userCode!,
      user: 'bob',
      decision: 'approve'
    })
    const result = await fetch(emu.url + '/device/decision', {
      method: 'POST',
      body: form
    })
    expect(result.status).toBe(200)
    expect(await result.text()).toMatch(/id="result">Request approved</)
    expect(emu.lastStarted()).toMatchObject({
      status: 'approved',
      approvedBy: 'bob'
    })

    const again = await fetch(`${emu.url}/device?user_code=${auth.userCode}`)
    expect(again.status).toBe(410)
    expect(await again.text()).toContain('id="error"')
  })

  test('deny, lowercase codes without a dash, unknown codes', async () => {
    const auth = await started()
    const typed = auth.userCode!.replace('-', '').toLowerCase()
    expect((await fetch(`${emu.url}/device?user_code=${typed}`)).status).toBe(
      200
    )
    const form = new URLSearchParams({ user_code: typed, decision: 'deny' })
    const result = await fetch(emu.url + '/device/decision', {
      method: 'POST',
      body: form
    })
    expect(await result.text()).toMatch(/id="result">Request denied</)
    expect(emu.lastStarted()!.status).toBe('denied')

    const unknown = await fetch(`${emu.url}/device?user_code=BBBB-CCCC`)
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain('not valid')
    const entry = await fetch(`${emu.url}/device`)
    expect(await entry.text()).toContain('name="user_code"')
  })
})
