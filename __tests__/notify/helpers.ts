import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import type {
  FinalEvent,
  LoginEvent,
  Logger,
  RequestContext
} from '../../src/core/events.js'

export const T0 = new Date('2025-03-04T10:00:00.000Z')

export const ctx: RequestContext = {
  repository: 'acme/infra',
  workflow: 'Deploy',
  job: 'plan',
  runUrl: 'https://github.com/acme/infra/actions/runs/987654321',
  actor: 'octocat',
  event: 'pull_request',
  ref: 'refs/pull/12/merge',
  sha: '0123456789abcdef0123456789abcdef01234567',
  accountId: '123456789012',
  roleName: 'DeployRole',
  startUrl: 'https://acme.awsapps.com/start',
  extraProfiles: [
    { name: 'audit', accountId: '210987654321', roleName: 'ReadOnly' }
  ]
}

/**
 * The approval link as IAM Identity Center answers it since September 2026: it names the request (an opaque
 * request_uri), not the user code, which every message must therefore show on its own.
 */
export const linkFor = (code: string): string =>
  `https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Arq${Buffer.from(code).toString('hex')}`

export const started = (
  attempt = 1,
  code = 'ABCD-EFGH'
): Extract<LoginEvent, { type: 'started' }> => ({
  type: 'started',
  userCode: code,
  verificationUri: linkFor(code),
  expiresAt: new Date(T0.getTime() + 10 * 60_000),
  attempt
})

const at = new Date(T0.getTime() + 95_000)
export const finals: Record<FinalEvent['type'], FinalEvent> = {
  approved: {
    type: 'approved',
    approvedBy: 'alice',
    at,
    accountId: '123456789012',
    roleName: 'DeployRole',
    arn: 'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_DeployRole_abc/alice'
  },
  denied: { type: 'denied', at },
  expired: { type: 'expired', at, waitedSeconds: 600 },
  cancelled: { type: 'cancelled', at, signal: 'SIGTERM' },
  rejected: {
    type: 'rejected',
    at,
    approvedBy: 'mallory',
    reason: 'mallory is not in allowed-approvers'
  },
  failed: { type: 'failed', at, reason: 'the OIDC endpoint returned HTTP 500' }
}

export interface Recorded extends Logger {
  lines: { level: string; message: string }[]
  of(level: string): string[]
}

export function recordingLogger(): Recorded {
  const lines: { level: string; message: string }[] = []
  const rec = (level: string) => (message: string) => {
    lines.push({ level, message })
  }
  return {
    lines,
    of: (level) => lines.filter((l) => l.level === level).map((l) => l.message),
    info: rec('info'),
    warning: rec('warning'),
    debug: rec('debug'),
    notice: rec('notice')
  }
}

export interface SeenRequest {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

/** A throwaway HTTP server on 127.0.0.1; `handler` decides each answer. */
export async function startServer(
  handler: (req: SeenRequest, res: http.ServerResponse) => void | Promise<void>
): Promise<{ url: string; seen: SeenRequest[]; close(): Promise<void> }> {
  const seen: SeenRequest[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const r: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      seen.push(r)
      void handler(r, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** A port with nothing listening (bound, then closed). */
export async function deadUrl(): Promise<string> {
  const s = await startServer(() => undefined)
  await s.close()
  return s.url
}
