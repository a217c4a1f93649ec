/**
 * A tiny HTTP client for the notification channels: node:http(s), a hard timeout, a capped body,
 * and the usual proxy variables (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, either case).
 *
 * fetch (undici) in Node 20 ignores proxy variables, so this uses node:https, with
 * `https-proxy-agent` (loaded only when a proxy applies) for https targets and
 * plain absolute-form requests through the proxy for http targets.
 */
import * as http from 'node:http'
import * as https from 'node:https'
import { proxyFor, type Env } from '../util/proxy.js'

export type { Env } from '../util/proxy.js'

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  url: string
  headers?: Record<string, string>
  body?: string
  /** Whole-request deadline (connect + send + receive). */
  timeoutMs?: number
  /** Where to read the proxy variables from (default process.env). */
  env?: Env
  /** Aborts the request (rejects with NetworkError ABORT_ERR). */
  signal?: AbortSignal
}

export interface HttpResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A request that got no HTTP answer: refused, reset, DNS, TLS, proxy or timeout. */
export class NetworkError extends Error {
  /** e.g. ECONNREFUSED, ETIMEDOUT, ENOTFOUND; never contains the URL. */
  readonly code: string
  constructor(code: string) {
    super(`network error (${code})`)
    this.name = 'NetworkError'
    this.code = code
  }
}

const MAX_BODY_BYTES = 1024 * 1024

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^[A-Z0-9_]+$/.test(code)
    ? code
    : 'EREQUEST'
}

/** One HTTP request. Resolves with any HTTP status; rejects only with NetworkError. */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const target = new URL(req.url)
  const headers: Record<string, string> = {
    connection: 'close',
    ...(req.headers ?? {})
  }
  if (req.body !== undefined)
    headers['content-length'] = String(Buffer.byteLength(req.body))
  const proxy = proxyFor(target, req.env ?? process.env)

  let options: https.RequestOptions
  let transport: typeof http | typeof https =
    target.protocol === 'https:' ? https : http
  if (!proxy) {
    options = { method: req.method, headers, agent: false }
  } else if (target.protocol === 'https:') {
    const { HttpsProxyAgent } = await import('https-proxy-agent')
    options = { method: req.method, headers, agent: new HttpsProxyAgent(proxy) }
  } else {
    // Plain http through an http proxy: absolute-form request line.
    const p = new URL(proxy)
    transport = p.protocol === 'https:' ? https : http
    const proxyHeaders: Record<string, string> = {
      ...headers,
      host: target.host
    }
    if (p.username || p.password) {
      const creds = `${decodeURIComponent(p.username)}:${decodeURIComponent(p.password)}`
      proxyHeaders['proxy-authorization'] =
        `Basic ${Buffer.from(creds).toString('base64')}`
    }
    options = {
      method: req.method,
      hostname: p.hostname.replace(/^\[|\]$/g, ''),
      port: p.port || (p.protocol === 'https:' ? 443 : 80),
      path: target.href,
      headers: proxyHeaders,
      agent: false
    }
  }

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false
    const done = (fn: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      req.signal?.removeEventListener('abort', abort)
      fn()
    }
    const request =
      proxy && target.protocol !== 'https:'
        ? transport.request(options)
        : transport.request(target, options)
    const timer = setTimeout(() => {
      request.destroy()
      done(() => reject(new NetworkError('ETIMEDOUT')))
    }, req.timeoutMs ?? 10_000)
    request.on('error', (err) =>
      done(() => reject(new NetworkError(errorCode(err))))
    )
    const abort = (): void => {
      request.destroy()
      done(() => reject(new NetworkError('ABORT_ERR')))
    }
    if (req.signal?.aborted) abort()
    else req.signal?.addEventListener('abort', abort, { once: true })
    request.on('response', (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk)
        size += chunk.length
      })
      res.on('error', (err) =>
        done(() => reject(new NetworkError(errorCode(err))))
      )
      res.on('end', () =>
        done(() =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks)
              .subarray(0, MAX_BODY_BYTES)
              .toString('utf8')
          })
        )
      )
    })
    request.end(req.body)
  })
}

/**
 * A `fetch` for Octokit made of httpRequest: the same proxy handling (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, a private CA
 * from NODE_EXTRA_CA_CERTS) as the webhook and the AWS calls, instead of a second HTTP stack (undici) per run.
 */
export function nodeFetch(
  env?: Env
): (input: string | URL, init?: RequestInit) => Promise<Response> {
  return async (input, init = {}) => {
    const headers: Record<string, string> = {}
    new Headers(
      init.headers as ConstructorParameters<typeof Headers>[0]
    ).forEach((value, name) => (headers[name] = value))
    const res = await httpRequest({
      method: (init.method ?? 'GET').toUpperCase() as HttpRequest['method'],
      url: String(input),
      headers,
      body: typeof init.body === 'string' ? init.body : undefined,
      timeoutMs: 60_000,
      env,
      signal: init.signal ?? undefined
    })
    const out = new Headers()
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined)
        out.set(name, Array.isArray(value) ? value.join(', ') : value)
    }
    const empty = res.status === 204 || res.status === 205 || res.status === 304
    return new Response(empty ? null : res.body, {
      status: res.status,
      headers: out
    })
  }
}
