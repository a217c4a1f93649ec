/**
 * Which proxy applies to a URL, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case; lower case wins, as in curl and
 * @actions/http-client). Shared by the AWS clients and the notification channels, so both reach the same hosts the same way.
 */

export type Env = Record<string, string | undefined>

function envValue(env: Env, name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()]
  return v && v.trim() !== '' ? v.trim() : undefined
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h === '::1' ||
    /^127\.\d+\.\d+\.\d+$/.test(h)
  )
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
export function proxyFor(
  url: string | URL,
  env: Env = process.env
): string | undefined {
  const target = typeof url === 'string' ? new URL(url) : url
  const proxy = envValue(
    env,
    target.protocol === 'https:' ? 'https_proxy' : 'http_proxy'
  )
  if (!proxy) return undefined
  if (bypassesProxy(target, env)) return undefined
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`
}
