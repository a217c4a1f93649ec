/**
 * The credential server's HTTP surface, on 127.0.0.1 only. Every request must carry Host `127.0.0.1:<port>` and the
 * authorization token (compared in constant time) before any route is looked at. Routes:
 *   GET  /role/<profile>   container-credentials JSON for a served profile
 *   GET  /stats            the report (report.ts)
 *   POST /stop             sign out, answer the report, close, exit
 * The path is matched raw, without decoding: a profile name is letters, digits and . _ - @ + only, so no encoding,
 * `..`, slash or query can name anything else. Errors are JSON {"code", "message"} (replies.ts: ERROR_STATUS).
 */
import { timingSafeEqual } from 'node:crypto'
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import type { RoleCredentials } from '../aws/credentials.js'
import { sendError, sendJson, sendJsonText } from './replies.js'
import { emptyRefusals, type Refusals, type ServerReport } from './report.js'

/** The largest request body read (none of the routes takes one). */
export const MAX_BODY_BYTES = 4096
export const HEADERS_TIMEOUT_MS = 5_000
export const REQUEST_TIMEOUT_MS = 10_000

const PROFILE_PATH = /^\/role\/([A-Za-z0-9][A-Za-z0-9._@+-]{0,63})$/

export interface Routes {
  has(profile: string): boolean
  /** Fresh credentials held for the profile (counted as served), or undefined: then `credentials`. */
  held(
    profile: string
  ): { credentials: RoleCredentials; accountId: string } | undefined
  credentials(
    profile: string
  ): Promise<{ credentials: RoleCredentials; accountId: string }>
  report(): ServerReport
  /** Sign out and produce the final report; the server closes after answering. */
  stop(): Promise<ServerReport>
}

export interface CredentialHttpServer {
  server: Server
  refused: Refusals
  /** Resolves with the port once listening on 127.0.0.1. */
  listen(): Promise<number>
}

/** Constant-time on equal lengths (the token's length is no secret: 43 characters of base64url). */
function tokenMatches(given: string | undefined, expected: Buffer): boolean {
  if (given === undefined) return false
  const a = Buffer.from(given, 'utf8')
  return a.length === expected.length && timingSafeEqual(a, expected)
}

export function createCredentialHttpServer(
  authToken: string,
  routes: Routes,
  onStopped: () => void
): CredentialHttpServer {
  const expected = Buffer.from(authToken, 'utf8')
  const refused = emptyRefusals()
  let host = ''
  let stopping = false
  const server = createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      maxHeaderSize: 8192,
      keepAliveTimeout: 5_000
    },
    (req, res) => {
      void handle(req, res).catch((error: unknown) => {
        if (!res.headersSent)
          sendError(
            res,
            'UpstreamError',
            String((error as { message?: unknown })?.message ?? error)
          )
      })
    }
  )
  server.maxRequestsPerSocket = 1000
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n')
    else socket.destroy()
  })

  async function handle(
    req: IncomingMessage,
    res: ServerResponse
  ): Promise<void> {
    if (req.headers.host !== host) {
      refused.badHost++
      return sendError(
        res,
        'InvalidHost',
        'the Host header must be this server\u2019s 127.0.0.1:<port>'
      )
    }
    if (!tokenMatches(req.headers.authorization, expected)) {
      refused.unauthorized++
      return sendError(
        res,
        'Unauthorized',
        'missing or wrong authorization token'
      )
    }
    const length = Number(req.headers['content-length'] ?? 0)
    if (length > MAX_BODY_BYTES) {
      refused.tooLarge++
      return sendError(
        res,
        'PayloadTooLarge',
        `request bodies are limited to ${MAX_BODY_BYTES} bytes`
      )
    }
    // A request without a body (every route's) is complete once its headers are read: nothing to wait for.
    if (!req.complete && !(await drainBody(req, res, refused))) return
    const url = req.url ?? ''
    const match = PROFILE_PATH.exec(url)
    if (match) {
      if (req.method !== 'GET') return methodNotAllowed(res, refused)
      if (!routes.has(match[1])) {
        refused.notFound++
        return sendError(
          res,
          'UnknownProfile',
          'this server serves no such profile'
        )
      }
      if (stopping)
        return sendError(
          res,
          'SignedOut',
          'the server is stopping; it signed out'
        )
      const held = routes.held(match[1])
      if (held) return sendCredentials(res, held.credentials, held.accountId)
      return serveCredentials(res, routes, match[1])
    }
    if (url === '/stats') {
      if (req.method !== 'GET') return methodNotAllowed(res, refused)
      return sendJson(res, 200, routes.report())
    }
    if (url === '/stop') {
      if (req.method !== 'POST') return methodNotAllowed(res, refused)
      stopping = true
      const report = await routes.stop()
      res.on('finish', onStopped)
      return sendJson(res, 200, report, true)
    }
    refused.notFound++
    sendError(res, 'NotFound', 'no such route')
  }

  return {
    server,
    refused,
    listen: () =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject)
        server.listen(0, '127.0.0.1', () => {
          const port = (server.address() as { port: number }).port
          host = `127.0.0.1:${port}`
          server.off('error', reject)
          resolve(port)
        })
      })
  }
}

function methodNotAllowed(res: ServerResponse, refused: Refusals): void {
  refused.badMethod++
  sendError(res, 'MethodNotAllowed', 'method not allowed on this route')
}

/** Reads (and drops) the body, answering 413 once it passes the limit; false when the request was answered. */
function drainBody(
  req: IncomingMessage,
  res: ServerResponse,
  refused: Refusals
): Promise<boolean> {
  return new Promise((resolve) => {
    let size = 0
    let done = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES && !done) {
        done = true
        refused.tooLarge++
        sendError(
          res,
          'PayloadTooLarge',
          `request bodies are limited to ${MAX_BODY_BYTES} bytes`
        )
        req.pause()
        resolve(false)
      }
    })
    req.on('end', () => {
      if (!done) {
        done = true
        resolve(true)
      }
    })
    req.on('error', () => {
      if (!done) {
        done = true
        resolve(false)
      }
    })
  })
}

/** The JSON answer of each credentials object, built once: requests served from memory only write it. */
const answers = new WeakMap<object, string>()

/** The container-credentials JSON, serialised once per credentials (shared by the profiles of one permission set, all of one account). */
function sendCredentials(
  res: ServerResponse,
  c: RoleCredentials,
  accountId: string
): void {
  let body = answers.get(c)
  if (body === undefined) {
    body = JSON.stringify({
      AccessKeyId: c.accessKeyId,
      SecretAccessKey: c.secretAccessKey,
      Token: c.sessionToken,
      Expiration: c.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      AccountId: accountId
    })
    answers.set(c, body)
  }
  sendJsonText(res, 200, body)
}

async function serveCredentials(
  res: ServerResponse,
  routes: Routes,
  profile: string
): Promise<void> {
  try {
    const { credentials, accountId } = await routes.credentials(profile)
    sendCredentials(res, credentials, accountId)
  } catch (caught) {
    // What the session and the role cache throw: SignInEndedError (`end`), TransientTokenError, CredentialsError (`kind`).
    const error = caught as
      | {
          end?: { code?: string }
          name?: unknown
          kind?: unknown
          message?: unknown
        }
      | undefined
    const code =
      error?.end?.code ??
      (error?.name === 'TransientTokenError'
        ? 'UpstreamUnavailable'
        : error?.kind === 'access'
          ? 'AccessDenied'
          : 'UpstreamError')
    sendError(res, code, String(error?.message ?? caught))
  }
}
