/**
 * A man-in-the-middle HTTPS proxy for tests: lets unmodified clients (the bundled action with no endpoint overrides,
 * Debian's AWS CLI v2, which predates AWS_ENDPOINT_URL_*) talk to the emulator under the REAL AWS host names.
 *
 * - At start it makes a throwaway CA and a server certificate for the given host names with the `openssl` CLI, in a
 *   temp folder (`caFile` is what the client must trust: NODE_EXTRA_CA_CERTS / AWS_CA_BUNDLE).
 * - It accepts `CONNECT host:443` for those hosts only (others get 403; every CONNECT is recorded), terminates TLS with
 *   that certificate, and forwards each decrypted request to the emulator over plain HTTP, unchanged: method, path and
 *   headers, the original Host included (STS requests are SigV4-signed over the Host header).
 * - Plain (non-CONNECT) proxy requests are refused with 405 and recorded.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import {
  createServer as createHttpServer,
  request as httpRequest,
  Agent,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** The AWS hosts the action and the AWS CLI reach for the seed inputs (sso-region us-east-1, region us-west-2). */
export const DEFAULT_AWS_HOSTS = [
  'oidc.us-east-1.amazonaws.com',
  'portal.sso.us-east-1.amazonaws.com',
  'sts.us-west-2.amazonaws.com',
  'sts.us-east-1.amazonaws.com',
  'sts.amazonaws.com'
]

export interface ConnectRecord {
  /** The CONNECT target as the client sent it, e.g. `oidc.us-east-1.amazonaws.com:443`. */
  target: string
  allowed: boolean
  at: number
}

export interface ForwardedRequest {
  /** The CONNECT target of the tunnel this request came through. */
  tunnel: string
  /** The Host header the client sent (forwarded unchanged). */
  host: string
  method: string
  path: string
  status: number
  at: number
}

export interface MitmProxy {
  /** `http://127.0.0.1:<port>`: the value for HTTPS_PROXY. */
  url: string
  port: number
  /** PEM of the throwaway CA that signed the server certificate. */
  caFile: string
  hosts: readonly string[]
  connects(): ConnectRecord[]
  /** CONNECT targets that were refused. */
  refused(): string[]
  requests(): ForwardedRequest[]
  /** Forget what was recorded so far. */
  clear(): void
  close(): Promise<void>
}

export interface MitmOptions {
  /** Plain-HTTP base URL the decrypted requests go to, e.g. the emulator's `http://127.0.0.1:41234`. */
  target: string
  /** Host names the certificate covers and CONNECT is allowed to (port 443 only). */
  hosts?: readonly string[]
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
}

/** A CA (P-256, 2 days) and a leaf certificate for `hosts` (each a SAN), written to `dir`. */
export function makeCertificates(
  dir: string,
  hosts: readonly string[]
): { caFile: string; keyFile: string; certFile: string } {
  writeFileSync(
    path.join(dir, 'ca.cnf'),
    [
      '[req]',
      'distinguished_name = dn',
      'x509_extensions = v3_ca',
      'prompt = no',
      '[dn]',
      'CN = identity-center-login test CA (throwaway)',
      '[v3_ca]',
      'basicConstraints = critical, CA:TRUE, pathlen:0',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      ''
    ].join('\n')
  )
  writeFileSync(
    path.join(dir, 'leaf.ext'),
    [
      'basicConstraints = critical, CA:FALSE',
      'keyUsage = critical, digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid, issuer',
      `subjectAltName = ${hosts.map((h) => `DNS:${h}`).join(', ')}`,
      ''
    ].join('\n')
  )
  const ec = [
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes'
  ]
  openssl(
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-config',
      'ca.cnf'
    ],
    dir
  )
  openssl(
    [
      'req',
      '-new',
      ...ec,
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      `/CN=${hosts[0]}`
    ],
    dir
  )
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-set_serial',
      `0x${Date.now().toString(16)}`,
      '-days',
      '2',
      '-sha256',
      '-extfile',
      'leaf.ext',
      '-out',
      'server.pem'
    ],
    dir
  )
  return {
    caFile: path.join(dir, 'ca.pem'),
    keyFile: path.join(dir, 'server.key'),
    certFile: path.join(dir, 'server.pem')
  }
}

export async function startMitmProxy(options: MitmOptions): Promise<MitmProxy> {
  const hosts = [...(options.hosts ?? DEFAULT_AWS_HOSTS)].map((h) =>
    h.toLowerCase()
  )
  const target = new URL(options.target)
  const dir = mkdtempSync(path.join(tmpdir(), 'icl-mitm-'))
  const { caFile, keyFile, certFile } = makeCertificates(dir, hosts)

  const connects: ConnectRecord[] = []
  const requests: ForwardedRequest[] = []
  const sockets = new Set<Socket>()
  const upstreamAgent = new Agent({ keepAlive: true })
  const tunnelOf = new WeakMap<Socket, string>()

  /** Forwards one decrypted request to the emulator as it is and pipes the answer back. */
  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const record: ForwardedRequest = {
      tunnel: tunnelOf.get(req.socket) ?? '?',
      host: String(req.headers.host ?? ''),
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      status: 0,
      at: Date.now()
    }
    requests.push(record)
    const upstream = httpRequest(
      {
        protocol: 'http:',
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: upstreamAgent
      },
      (answer) => {
        record.status = answer.statusCode ?? 0
        res.writeHead(
          answer.statusCode ?? 502,
          answer.statusMessage,
          answer.headers
        )
        answer.pipe(res)
      }
    )
    upstream.on('error', (err) => {
      record.status = 502
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' })
        res.end(`mitm proxy: upstream error ${err.message}`)
      } else res.destroy()
    })
    req.pipe(upstream)
  }

  // TLS termination + HTTP parsing for the tunnels: never listens, is fed each CONNECTed socket.
  const tlsServer = createHttpsServer(
    { key: readFileSync(keyFile), cert: readFileSync(certFile) },
    forward
  )
  tlsServer.on('secureConnection', (tls) => {
    sockets.add(tls)
    tls.on('close', () => sockets.delete(tls))
    const raw = (tls as unknown as { _parent?: Socket })._parent
    if (raw) tunnelOf.set(tls, tunnelOf.get(raw) ?? '?')
  })
  tlsServer.on('tlsClientError', (_err, tls) => tls.destroy())

  const server = createHttpServer((req, res) => {
    connects.push({
      target: `${req.method} ${req.url}`,
      allowed: false,
      at: Date.now()
    })
    res.writeHead(405, { 'content-type': 'text/plain', connection: 'close' })
    res.end('mitm proxy: only CONNECT is supported\n')
  })
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const targetHost = req.url ?? ''
    const m = /^([^:]+):(\d+)$/.exec(targetHost)
    const allowed = !!m && m[2] === '443' && hosts.includes(m[1].toLowerCase())
    connects.push({ target: targetHost, allowed, at: Date.now() })
    socket.on('error', () => socket.destroy())
    if (!allowed) {
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nmitm proxy: CONNECT ${targetHost} refused\n`
      )
      return
    }
    tunnelOf.set(socket, targetHost)
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => {
      if (head.length) socket.unshift(head)
      tlsServer.emit('connection', socket)
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    caFile,
    hosts,
    connects: () => connects.map((c) => ({ ...c })),
    refused: () => connects.filter((c) => !c.allowed).map((c) => c.target),
    requests: () => requests.map((r) => ({ ...r })),
    clear: () => {
      connects.length = 0
      requests.length = 0
    },
    close: async () => {
      for (const s of sockets) s.destroy()
      upstreamAgent.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
