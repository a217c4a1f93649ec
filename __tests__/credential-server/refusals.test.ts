/**
 * Requests the server must refuse — no token, a wrong one, another Host, an unknown profile, path and query tricks,
 * an oversized body, a wrong method, a flood of them — each answered with an error JSON, counted in the report,
 * while the server keeps serving the job.
 */
import { connect } from 'node:net'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  credentialServerReport,
  serverCredentials,
  stopCredentialServer,
  type ServerAddress
} from '../../src/credential-server/client.js'
import {
  handoverFor,
  killStarted,
  PRIMARY,
  raw,
  signIn,
  startServer
} from './helpers.js'

let emu: Emulator
let address: ServerAddress
let host: string
let auth: Record<string, string>

beforeAll(async () => {
  emu = await startEmulator({ roleCredentialsTtl: 3600 })
  const h = handoverFor(await signIn(emu))
  const s = await startServer(emu, h)
  address = { port: s.port, authToken: h.authToken }
  host = `127.0.0.1:${s.port}`
  auth = { host, authorization: h.authToken }
})
afterAll(async () => {
  await stopCredentialServer(address).catch(() => undefined)
  killStarted()
  await emu.close()
})

test('no token, a wrong token (same length or not), the token with more around it: 401 Unauthorized', async () => {
  const cases: Record<string, string>[] = [
    { host },
    { host, authorization: '' },
    { host, authorization: 'x'.repeat(address.authToken.length) },
    { host, authorization: address.authToken.slice(0, -1) },
    // (trailing spaces are not part of a header value in HTTP: `token ` IS the token)
    { host, authorization: `${address.authToken}x` },
    { host, authorization: `Bearer ${address.authToken}` }
  ]
  for (const headers of cases) {
    const a = await raw(
      address.port,
      'GET',
      `/role/${PRIMARY.profile}`,
      headers
    )
    expect(a.status).toBe(401)
    expect(a.body).toMatchObject({ code: 'Unauthorized' })
    expect(a.text).not.toContain('AccessKeyId')
  }
})

test('another Host header (even with the right token): 403 InvalidHost', async () => {
  for (const other of [
    `localhost:${address.port}`,
    '127.0.0.1',
    `127.0.0.1:${address.port + 1}`,
    'evil.example',
    `[::1]:${address.port}`
  ]) {
    const a = await raw(address.port, 'GET', `/role/${PRIMARY.profile}`, {
      host: other,
      authorization: address.authToken
    })
    expect(a.status).toBe(403)
    expect(a.body.code).toBe('InvalidHost')
  }
})

test('unknown profiles and path / query tricks never reach a role: 404 JSON', async () => {
  const tricks = [
    '/role/nope',
    '/role/',
    '/role',
    '/role/dev/',
    '/role/dev?x=1',
    '/role/dev?',
    '/role/dev#frag',
    '/role/%64ev',
    '/role/dev%2f..%2fsandbox-ro',
    '/role/sandbox-ro/../dev',
    '/role/../role/dev',
    '/role/./dev',
    '//role/dev',
    '/ROLE/dev',
    '/role/dev%00',
    '/role/DEV',
    '/role/%2e%2e',
    '/role/..',
    '/x/../role/dev',
    'http://127.0.0.1/role/dev',
    '/stats/',
    '/stop/'
  ]
  for (const path of tricks) {
    const a = await raw(address.port, 'GET', path, auth)
    expect([404, 400]).toContain(a.status)
    if (a.status === 404)
      expect(a.body.code).toMatch(/^(NotFound|UnknownProfile)$/)
    expect(a.text).not.toContain('AccessKeyId')
  }
})

test('a wrong method: 405; an oversized body: 413, whether announced or streamed', async () => {
  const post = await raw(address.port, 'POST', `/role/${PRIMARY.profile}`, auth)
  expect(post.status).toBe(405)
  const getStop = await raw(address.port, 'GET', '/stop', auth)
  expect(getStop.status).toBe(405)
  const big = await raw(
    address.port,
    'POST',
    '/stop',
    auth,
    Buffer.alloc(64 * 1024, 97)
  )
  expect(big.status).toBe(413)
  expect(big.body.code).toBe('PayloadTooLarge')
  // Chunked (no content-length): counted as it arrives.
  const chunked = await raw(
    address.port,
    'POST',
    '/stop',
    { ...auth, 'transfer-encoding': 'chunked' },
    Buffer.alloc(16 * 1024, 97)
  )
  expect(chunked.status).toBe(413)
  // None of them stopped it.
  expect((await serverCredentials(address, PRIMARY.profile)).AccountId).toBe(
    PRIMARY.accountId
  )
})

test('a slow request whose headers never finish does not hold the server', async () => {
  const socket = connect({ host: '127.0.0.1', port: address.port })
  await new Promise((r) => socket.once('connect', r))
  socket.write(`GET /role/dev HTTP/1.1\r\nHost: ${host}\r\n`)
  const c = await serverCredentials(address, PRIMARY.profile)
  expect(c.AccessKeyId).toMatch(/^ASIA/)
  socket.destroy()
})

test('a flood of 2,000 bad requests: all refused, and the job is still served promptly', async () => {
  const bad = [
    () => raw(address.port, 'GET', '/role/dev', { host }),
    () =>
      raw(address.port, 'GET', '/role/dev', {
        host: 'evil',
        authorization: address.authToken
      }),
    () => raw(address.port, 'GET', '/role/../../etc/passwd', auth),
    () => raw(address.port, 'POST', '/stop', auth, Buffer.alloc(8192, 1))
  ]
  const before = await credentialServerReport(address)
  const statuses: number[] = []
  const t0 = Date.now()
  for (let wave = 0; wave < 20; wave++) {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        bad[i % bad.length]().catch(() => ({ status: 0 }))
      )
    )
    statuses.push(...answers.map((a) => a.status))
  }
  const floodMs = Date.now() - t0
  expect(statuses.filter((s) => s === 200)).toHaveLength(0)
  expect(statuses.filter((s) => s >= 400).length).toBeGreaterThan(1990)
  const t1 = Date.now()
  const c = await serverCredentials(address, PRIMARY.profile)
  expect(c.AccountId).toBe(PRIMARY.accountId)
  expect(Date.now() - t1).toBeLessThan(1000)
  const after = await credentialServerReport(address)
  const refusedNow = (r: typeof after) =>
    r.refused.unauthorized +
    r.refused.badHost +
    r.refused.notFound +
    r.refused.tooLarge
  expect(refusedNow(after) - refusedNow(before)).toBeGreaterThanOrEqual(1990)
  expect(after.signInEnded).toBeUndefined()
  process.stdout.write(`flood: 2000 bad requests in ${floodMs} ms\n`)
})

test('the report holds no secret', async () => {
  const report = JSON.stringify(await credentialServerReport(address))
  expect(report).not.toContain(address.authToken)
  const c = await serverCredentials(address, PRIMARY.profile)
  expect(report).not.toContain(c.SecretAccessKey)
  expect(report).not.toContain(c.Token)
  for (const t of emu.tokens()) {
    expect(report).not.toContain(t.accessToken)
    if (t.refreshToken) expect(report).not.toContain(t.refreshToken)
  }
})
