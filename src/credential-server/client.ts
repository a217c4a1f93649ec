/** Talking to a running credential server: its report, its stop (and the proof that its port closed), one profile's credentials. */
import { request } from 'node:http'
import { connect } from 'node:net'
import type { ServerReport } from './report.js'

export interface ServerAddress {
  port: number
  authToken: string
}

export interface ContainerCredentials {
  AccessKeyId: string
  SecretAccessKey: string
  Token: string
  Expiration: string
  AccountId?: string
}

/** The server answered an error: its code and message (for a credential request, what the SDKs would show). */
export class CredentialServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'CredentialServerError'
  }
}

/** One request to the server; resolves with the parsed JSON of a 200 answer, rejects with CredentialServerError otherwise. */
export function call<T>(
  address: ServerAddress,
  method: 'GET' | 'POST',
  path: string,
  timeoutMs = 15_000
): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: address.port,
        method,
        path,
        headers: { authorization: address.authToken },
        timeout: timeoutMs
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let body: { code?: unknown; message?: unknown } | null
          try {
            body = JSON.parse(text)
          } catch {
            return reject(
              new CredentialServerError(
                res.statusCode ?? 0,
                'BadAnswer',
                `the credential server answered HTTP ${res.statusCode} with a body that is not JSON`
              )
            )
          }
          if (res.statusCode === 200) return resolve(body as T)
          reject(
            new CredentialServerError(
              res.statusCode ?? 0,
              String(body?.code ?? 'Error'),
              String(body?.message ?? `HTTP ${res.statusCode}`)
            )
          )
        })
      }
    )
    req.on('timeout', () =>
      req.destroy(new Error(`no answer within ${timeoutMs} ms`))
    )
    req.on('error', reject)
    req.end()
  })
}

export function credentialServerReport(
  address: ServerAddress
): Promise<ServerReport> {
  return call<ServerReport>(address, 'GET', '/stats')
}

export function serverCredentials(
  address: ServerAddress,
  profile: string
): Promise<ContainerCredentials> {
  return call<ContainerCredentials>(
    address,
    'GET',
    `/role/${encodeURIComponent(profile)}`
  )
}

/** True once nothing accepts connections on 127.0.0.1:port. */
export function portClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(true))
  })
}

export interface StopResult {
  report: ServerReport
  /** The port refused connections within the timeout. */
  portClosed: boolean
}

/**
 * POST /stop: the server signs out (SSO Logout), answers its final report and exits; then waits (up to `timeoutMs`)
 * until its port refuses connections.
 */
export async function stopCredentialServer(
  address: ServerAddress,
  timeoutMs = 5_000
): Promise<StopResult> {
  const report = await call<ServerReport>(
    address,
    'POST',
    '/stop',
    timeoutMs * 3
  )
  const until = Date.now() + timeoutMs
  for (;;) {
    if (await portClosed(address.port)) return { report, portClosed: true }
    if (Date.now() >= until) return { report, portClosed: false }
    await new Promise((r) => setTimeout(r, 50))
  }
}
