/** Which AWS operation a request is, and reading / answering requests. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { oidcError, type Service } from './wire.js'

const MAX_BODY = 1024 * 1024

export const OPERATIONS: Record<
  string,
  { service: Service; method: string; path: string }
> = {
  RegisterClient: { service: 'oidc', method: 'POST', path: '/client/register' },
  StartDeviceAuthorization: {
    service: 'oidc',
    method: 'POST',
    path: '/device_authorization'
  },
  CreateToken: { service: 'oidc', method: 'POST', path: '/token' },
  GetRoleCredentials: {
    service: 'portal',
    method: 'GET',
    path: '/federation/credentials'
  },
  ListAccounts: {
    service: 'portal',
    method: 'GET',
    path: '/assignment/accounts'
  },
  ListAccountRoles: {
    service: 'portal',
    method: 'GET',
    path: '/assignment/roles'
  },
  Logout: { service: 'portal', method: 'POST', path: '/logout' }
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(new Error('request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export function parseJsonBody(body: Buffer): Record<string, any> {
  if (body.length === 0) return {}
  try {
    const value = JSON.parse(body.toString('utf8'))
    if (value && typeof value === 'object' && !Array.isArray(value))
      return value
  } catch {
    /* fall through */
  }
  throw oidcError(
    'InvalidRequestException',
    'invalid_request',
    'Request body is not a JSON object'
  )
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((r) => setTimeout(r, ms))

/** Which AWS operation a request is, or undefined when it is not an AWS call. */
export function identify(
  method: string,
  path: string,
  search: URLSearchParams,
  body: Buffer,
  contentType: string
):
  | { operation: string; service: Service; params?: Map<string, string> }
  | undefined {
  for (const [operation, op] of Object.entries(OPERATIONS)) {
    if (op.path === path && op.method === method)
      return { operation, service: op.service }
  }
  if (path === '/' && (method === 'POST' || method === 'GET')) {
    const params = new Map<string, string>()
    for (const [k, v] of search) params.set(k, v)
    if (
      method === 'POST' &&
      (contentType.includes('x-www-form-urlencoded') || body.length > 0)
    ) {
      for (const [k, v] of new URLSearchParams(body.toString('utf8')))
        params.set(k, v)
    }
    if (params.has('Action'))
      return {
        operation: params.get('Action') as string,
        service: 'sts',
        params
      }
  }
  return undefined
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown
): void {
  const text = JSON.stringify(value)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store'
  })
  res.end(text)
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string
): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store'
  })
  res.end(html)
}
