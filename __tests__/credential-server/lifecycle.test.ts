/**
 * The server's life: started detached (own session, no stdout / stderr), its command line and environment free of
 * secrets; stopped by POST /stop, a signal, or the end of the process it watches — each time signing out (SSO Logout)
 * first, its port closed and its process gone; a sign-in that ends keeps it up, answering an error JSON; a start that
 * fails, times out or is cancelled leaves nothing running.
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  credentialServerReport,
  portClosed,
  serverCredentials,
  stopCredentialServer,
  CredentialServerError
} from '../../src/credential-server/client.js'
import { startCredentialServer } from '../../src/credential-server/spawn.js'
import {
  alive,
  handoverFor,
  killStarted,
  PRIMARY,
  SECOND,
  serverCommand,
  serverEnv,
  signIn,
  startServer,
  waitFor
} from './helpers.js'

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ roleCredentialsTtl: 3 })
})
afterAll(async () => {
  killStarted()
  await emu.close()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Pids of live processes whose environment holds `marker` (a value only this test put there). */
function processesWith(marker: string): number[] {
  const out: number[] = []
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      if (readFileSync(`/proc/${d}/environ`, 'latin1').includes(marker))
        out.push(Number(d))
    } catch {
      // gone, or not ours
    }
  }
  return out
}

/** The server's own view of itself in /proc: session id, stdout / stderr targets. */
function procView(pid: number): {
  sid: number
  pgid: number
  fd1: string
  fd2: string
} {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return {
    pgid: Number(fields[2]),
    sid: Number(fields[3]),
    fd1: readlinkSync(`/proc/${pid}/fd/1`),
    fd2: readlinkSync(`/proc/${pid}/fd/2`)
  }
}

test('stop: it signs out (Logout recorded by the emulator), answers its report, closes its port and its process ends', async () => {
  emu.reset()
  const s = await signIn(emu)
  const h = handoverFor(s)
  const server = await startServer(emu, h)
  const address = { port: server.port, authToken: h.authToken }
  await serverCredentials(address, PRIMARY.profile)
  await serverCredentials(address, PRIMARY.profile)
  const { report, portClosed: closed } = await stopCredentialServer(address)
  expect(closed).toBe(true)
  expect(report.stopped).toMatchObject({
    reason: 'stop request',
    signedOut: true
  })
  expect(report.signInEnded?.code).toBe('SignedOut')
  expect(
    report.profiles.find((p) => p.profile === PRIMARY.profile)
  ).toMatchObject({ requests: 2, served: 2, upstreamFetches: 1 })
  expect(emu.stats().logouts).toBe(1)
  expect(
    emu.tokens().find((t) => t.accessToken === s.accessToken)?.revoked
  ).toBe(true)
  await waitFor('the server process to end', () => !alive(server.pid), 5_000)
  expect(await portClosed(server.port)).toBe(true)
})

test('it runs detached: its own session, stdout / stderr not inherited, no token in its command line or environment', async () => {
  emu.reset()
  const s = await signIn(emu)
  const h = handoverFor(s)
  const server = await startServer(emu, h)
  const view = procView(server.pid)
  expect(view.sid).toBe(server.pid)
  expect(view.pgid).toBe(server.pid)
  expect(view.fd1).toBe('/dev/null')
  expect(view.fd2).toBe('/dev/null')
  const cmdline = readFileSync(`/proc/${server.pid}/cmdline`, 'latin1')
  const environ = readFileSync(`/proc/${server.pid}/environ`, 'latin1')
  for (const secret of [
    h.authToken,
    s.accessToken,
    s.refreshToken!,
    s.clientSecret
  ]) {
    expect(cmdline).not.toContain(secret)
    expect(environ).not.toContain(secret)
  }
  await stopCredentialServer({ port: server.port, authToken: h.authToken })
})

test('SIGTERM: it signs out and exits', async () => {
  emu.reset()
  const s = await signIn(emu)
  const h = handoverFor(s)
  const server = await startServer(emu, h)
  process.kill(server.pid, 'SIGTERM')
  await waitFor('the server process to end', () => !alive(server.pid), 5_000)
  expect(emu.stats().logouts).toBe(1)
  expect(await portClosed(server.port)).toBe(true)
})

test('the watched process ends: within a few seconds it signs out and exits', async () => {
  emu.reset()
  const s = await signIn(emu)
  const job = spawn('sleep', ['60'], { stdio: 'ignore' })
  const h = handoverFor(s, { watchPid: job.pid! })
  const server = await startServer(emu, h)
  const address = { port: server.port, authToken: h.authToken }
  await sleep(2_500)
  expect((await credentialServerReport(address)).stopped).toBeUndefined()
  expect(alive(server.pid)).toBe(true)
  const killedAt = Date.now()
  job.kill('SIGKILL')
  await waitFor('the server process to end', () => !alive(server.pid), 8_000)
  expect(Date.now() - killedAt).toBeLessThan(5_000)
  expect(emu.stats().logouts).toBe(1)
  expect(
    emu.tokens().find((t) => t.accessToken === s.accessToken)?.revoked
  ).toBe(true)
  expect(await portClosed(server.port)).toBe(true)
})

test('the Identity Center session ends (an administrator): it keeps running and answers each request with an error naming what happened and when', async () => {
  emu.reset()
  const s = await signIn(emu)
  const h = handoverFor(s)
  const server = await startServer(emu, h)
  const address = { port: server.port, authToken: h.authToken }
  await serverCredentials(address, PRIMARY.profile)
  emu.endSessions('alice')
  // Nothing held for SECOND: the portal refuses the token, the refresh is refused too.
  const error = await serverCredentials(address, SECOND.profile).catch((e) => e)
  expect(error).toBeInstanceOf(CredentialServerError)
  expect(error.status).toBe(403)
  expect(error.code).toBe('SessionRevoked')
  expect(error.message).toMatch(
    /refresh token was refused .*signed out, revoked, or the Identity Center session ended/
  )
  expect(error.message).toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/)
  // From then on every profile answers the same, even one whose credentials are still held.
  const again = await serverCredentials(address, PRIMARY.profile).catch(
    (e) => e
  )
  expect(again.code).toBe('SessionRevoked')
  const report = await credentialServerReport(address)
  expect(report.signInEnded).toMatchObject({ code: 'SessionRevoked' })
  expect(
    report.profiles.find((p) => p.profile === SECOND.profile)
  ).toMatchObject({ errors: 1 })
  expect(alive(server.pid)).toBe(true)
  const { report: final } = await stopCredentialServer(address)
  expect(final.signInEnded?.code).toBe('SessionRevoked')
  expect(final.stopped?.signedOut).toBe(true)
})

test('a token without a refresh token: served until it expires, then SessionExpired with the time, server still up', async () => {
  const short = await startEmulator({
    roleCredentialsTtl: 2,
    accessTokenTtl: 4
  })
  try {
    const s = await signIn(short, 'alice', null)
    expect(s.refreshToken).toBeUndefined()
    const issued = short.tokens()[0]
    const h = handoverFor(s, {
      roles: [PRIMARY],
      token: {
        accessToken: s.accessToken,
        expiresAt: new Date(issued.expiresAt).toISOString()
      }
    })
    const server = await startServer(short, h)
    const address = { port: server.port, authToken: h.authToken }
    await serverCredentials(address, PRIMARY.profile)
    await sleep(issued.expiresAt - Date.now() + 200)
    const error = await serverCredentials(address, PRIMARY.profile).catch(
      (e) => e
    )
    expect(error.code).toBe('SessionExpired')
    expect(error.message).toContain(
      `expired at ${new Date(issued.expiresAt).toISOString()}`
    )
    expect(error.message).toContain('no refresh token')
    const report = await credentialServerReport(address)
    expect(report.signInEnded?.code).toBe('SessionExpired')
    expect(short.stats().refreshes).toBe(0)
    await stopCredentialServer(address)
  } finally {
    await short.close()
  }
})

test('a handover the server refuses: the start fails with its reason, nothing left running', async () => {
  const marker = `CS_TEST_${randomBytes(8).toString('hex')}`
  const h = handoverFor(await signIn(emu), { authToken: 'short' })
  const error = await startCredentialServer(h, {
    command: serverCommand(),
    env: { ...serverEnv(emu), CS_TEST_MARK: marker },
    timeoutMs: 20_000
  }).catch((e) => e)
  expect(String(error.message)).toMatch(
    /did not start: credential server handover: authToken is not at least 256 bits/
  )
  expect(String(error.message)).not.toContain('short')
  await waitFor(
    'no process left',
    () => processesWith(marker).length === 0,
    3_000
  )
})

test('no ready line in time, or a cancelled start: the process is killed, nothing left running', async () => {
  const h = handoverFor(await signIn(emu))
  const never = {
    file: process.execPath,
    args: ['-e', 'setTimeout(() => {}, 60000)']
  }
  const marker = `CS_TEST_${randomBytes(8).toString('hex')}`
  const timedOut = await startCredentialServer(h, {
    command: never,
    env: { ...serverEnv(emu), CS_TEST_MARK: marker },
    timeoutMs: 500
  }).catch((e) => e)
  expect(String(timedOut.message)).toContain('no ready line within 500 ms')
  await waitFor(
    'no process left',
    () => processesWith(marker).length === 0,
    3_000
  )

  const marker2 = `CS_TEST_${randomBytes(8).toString('hex')}`
  const controller = new AbortController()
  const starting = startCredentialServer(h, {
    command: serverCommand(),
    env: { ...serverEnv(emu), CS_TEST_MARK: marker2 },
    timeoutMs: 20_000,
    signal: controller.signal
  })
  await waitFor(
    'the server process to exist',
    () => processesWith(marker2).length > 0,
    5_000
  )
  controller.abort()
  const cancelled = await starting.catch((e) => e)
  expect(String(cancelled.message)).toContain('cancelled')
  await waitFor(
    'no process left',
    () => processesWith(marker2).length === 0,
    3_000
  )
  expect(emu.stats().logouts).toBe(0)
})
