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

export type Env = Record<string, string | undefined>

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  url: string
  headers?: Record<string, string>
  body?: string
  /** Whole-request deadline (connect + send + receive). */
  timeoutMs?: number
  /** Where to read the proxy variables from (default process.env). */
  env?: Env
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

function envValue(env: Env, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()]
  return v && v.trim() !== '' ? v.trim() : undefined
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h)
}

/** True when NO_PROXY (or a loopback target) says to go direct. */
export function bypassesProxy(target: URL, env: Env = process.env): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (isLoopback(host)) return true
  const noProxy = envValue(env, 'no_proxy')
  if (!noProxy) return false
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  for (const raw of noProxy.split(/[,\s]+/)) {
    let entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (entry === '*') return true
    let entryPort: string | undefined
    const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry)
    if (m) {
      entry = m[1]
      entryPort = m[2]
    }
    entry = entry.replace(/^\[|\]$/g, '').replace(/^\*?\./, '')
    if (entryPort && entryPort !== port) continue
    if (host === entry || host.endsWith(`.${entry}`)) return true
  }
  return false
}

/**
 * The proxy URL to use for `url`, or undefined to go direct.
 * https targets use HTTPS_PROXY, http targets HTTP_PROXY (lower case wins, as in curl and
 * @actions/http-client); NO_PROXY and loopback targets bypass.
 */
export function proxyFor(url: string | URL, env: Env = process.env): string | undefined {
  const target = typeof url === 'string' ? new URL(url) : url
  const proxy = envValue(env, target.protocol === 'https:' ? 'https_proxy' : 'http_proxy')
  if (!proxy) return undefined
  if (bypassesProxy(target, env)) return undefined
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? code : 'EREQUEST'
}

/** One HTTP request. Resolves with any HTTP status; rejects only with NetworkError. */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const target = new URL(req.url)
  const headers: Record<string, string> = { connection: 'close', ...(req.headers ?? {}) }
  if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body))
  const proxy = proxyFor(target, req.env ?? process.env)

  let options: https.RequestOptions
  let transport: typeof http | typeof https = target.protocol === 'https:' ? https : http
  if (!proxy) {
    options = { method: req.method, headers, agent: false }
  } else if (target.protocol === 'https:') {
    const { HttpsProxyAgent } = await import('https-proxy-agent')
    options = { method: req.method, headers, agent: new HttpsProxyAgent(proxy) }
  } else {
    // Plain http through an http proxy: absolute-form request line.
    const p = new URL(proxy)
    transport = p.protocol === 'https:' ? https : http
    const proxyHeaders: Record<string, string> = { ...headers, host: target.host }
    if (p.username || p.password) {
      const creds = `${decodeURIComponent(p.username)}:${decodeURIComponent(p.password)}`
      proxyHeaders['proxy-authorization'] = `Basic ${Buffer.from(creds).toString('base64')}`
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
      fn()
    }
    const request = proxy && target.protocol !== 'https:' ? transport.request(options) : transport.request(target, options)
    const timer = setTimeout(() => {
      request.destroy()
      done(() => reject(new NetworkError('ETIMEDOUT')))
    }, req.timeoutMs ?? 10_000)
    request.on('error', (err) => done(() => reject(new NetworkError(errorCode(err)))))
    request.on('response', (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk)
        size += chunk.length
      })
      res.on('error', (err) => done(() => reject(new NetworkError(errorCode(err)))))
      res.on('end', () =>
        done(() =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8')
          })
        )
      )
    })
    request.end(req.body)
  })
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
