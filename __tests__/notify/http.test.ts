import * as net from 'node:net'
import type { AddressInfo } from 'node:net'
import { httpRequest, NetworkError } from '../../src/notify/http.js'
import { bypassesProxy, proxyFor } from '../../src/util/proxy.js'
import { startServer } from './helpers.js'

describe('proxyFor', () => {
  test('https uses HTTPS_PROXY, http uses HTTP_PROXY (either case, lower case wins)', () => {
    const env = {
      HTTPS_PROXY: 'http://secure:3128',
      http_proxy: 'http://plain:3128',
      HTTP_PROXY: 'http://ignored:1'
    }
    expect(proxyFor('https://api.github.com/x', env)).toBe('http://secure:3128')
    expect(proxyFor('http://ghe.internal/api/v3', env)).toBe(
      'http://plain:3128'
    )
    expect(proxyFor('https://api.github.com', {})).toBeUndefined()
    expect(
      proxyFor('https://api.github.com', { https_proxy: 'proxy.corp:8080' })
    ).toBe('http://proxy.corp:8080')
  })

  test('NO_PROXY: exact host, domain suffix, leading dot, wildcard, port', () => {
    const base = { HTTPS_PROXY: 'http://p:1' }
    expect(
      proxyFor('https://api.github.com', { ...base, NO_PROXY: 'github.com' })
    ).toBeUndefined()
    expect(
      proxyFor('https://api.github.com', { ...base, no_proxy: '.github.com' })
    ).toBeUndefined()
    expect(
      proxyFor('https://api.github.com', { ...base, NO_PROXY: '*.github.com' })
    ).toBeUndefined()
    expect(
      proxyFor('https://api.github.com', {
        ...base,
        NO_PROXY: 'example.com, ithub.com'
      })
    ).toBe('http://p:1')
    expect(
      proxyFor('https://hooks.slack.com', { ...base, NO_PROXY: '*' })
    ).toBeUndefined()
    expect(
      proxyFor('https://ghe.corp:8443/api', {
        ...base,
        NO_PROXY: 'ghe.corp:8443'
      })
    ).toBeUndefined()
    expect(
      proxyFor('https://ghe.corp/api', { ...base, NO_PROXY: 'ghe.corp:8443' })
    ).toBe('http://p:1')
    expect(bypassesProxy(new URL('http://127.0.0.1:9/'), {})).toBe(true)
    expect(bypassesProxy(new URL('http://localhost/'), {})).toBe(true)
    expect(bypassesProxy(new URL('http://[::1]:80/'), {})).toBe(true)
  })
})

describe('httpRequest through a proxy', () => {
  test('http target: absolute-form request to the HTTP proxy', async () => {
    const proxy = await startServer((_req, res) => {
      res.writeHead(204)
      res.end()
    })
    try {
      const proxyUrl = proxy.url.replace('127.0.0.1', 'localhost') // not a loopback *target*
      const res = await httpRequest({
        method: 'POST',
        url: 'http://hooks.example.test/path?q=1',
        body: '{}',
        env: { HTTP_PROXY: proxyUrl }
      })
      expect(res.status).toBe(204)
      expect(proxy.seen[0].url).toBe('http://hooks.example.test/path?q=1')
      expect(proxy.seen[0].headers.host).toBe('hooks.example.test')
    } finally {
      await proxy.close()
    }
  })

  test('https target: CONNECT tunnel through HTTPS_PROXY', async () => {
    const connects: string[] = []
    const server = net.createServer((sock) => {
      sock.once('data', (d) => {
        connects.push(d.toString('latin1').split('\r\n')[0])
        sock.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n')
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as AddressInfo
    try {
      // The proxy refuses the tunnel: https-proxy-agent hands its answer back as the response.
      const outcome = await httpRequest({
        method: 'POST',
        url: 'https://api.github.example/repos',
        body: '{}',
        timeoutMs: 3000,
        env: { HTTPS_PROXY: `http://127.0.0.1:${port}` }
      }).then(
        (r) => r.status,
        (e: unknown) => (e instanceof NetworkError ? e.code : 'other')
      )
      expect([403, 'ECONNRESET']).toContain(outcome)
      expect(connects).toEqual(['CONNECT api.github.example:443 HTTP/1.1'])
    } finally {
      await new Promise<void>((r) => server.close(() => r()))
    }
  })

  test('NO_PROXY bypass goes direct', async () => {
    const target = await startServer((_req, res) => {
      res.writeHead(200)
      res.end('direct')
    })
    try {
      const res = await httpRequest({
        method: 'GET',
        url: target.url,
        env: { HTTP_PROXY: 'http://127.0.0.1:1' }
      })
      expect(res.body).toBe('direct')
    } finally {
      await target.close()
    }
  })
})
