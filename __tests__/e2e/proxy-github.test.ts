/**
 * The comment channel (@actions/github) behind an HTTPS proxy: GITHUB_API_URL is a real-looking https host, HTTPS_PROXY
 * points at a MITM proxy that terminates TLS with a throwaway CA (trusted only through NODE_EXTRA_CA_CERTS) and
 * forwards to the local fake GitHub. The comment is posted and edited through the tunnel; NO_PROXY sends it direct.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  snapshotDist,
  startFakeGitHub,
  type FakeGitHub
} from './github-fake.js'
import { startMitmProxy, type MitmProxy } from './mitm-proxy.js'
import { newWorkspace, runnerEnv, SEED_INPUTS, start } from './runner.js'

const API_HOST = 'api.github.com'
const GHES_HOST = 'github.example.test'

let emu: Emulator
let gh: FakeGitHub
let proxy: MitmProxy
let DIST: string
beforeAll(async () => {
  DIST = await snapshotDist()
  emu = await startEmulator({ interval: 1 })
  gh = await startFakeGitHub()
  proxy = await startMitmProxy({ target: gh.url, hosts: [API_HOST, GHES_HOST] })
})
afterAll(async () => {
  await proxy?.close()
  await gh?.close()
  await emu?.close()
  if (DIST)
    rmSync(path.dirname(path.dirname(DIST)), { recursive: true, force: true })
})
beforeEach(() => {
  proxy.clear()
  gh.calls.length = 0
  gh.comments.length = 0
})

const warnings = (stdout: string) =>
  stdout.split('\n').filter((l) => l.startsWith('::warning::'))

test.each([
  [
    'github.com (the default API URL)',
    `https://${API_HOST}`,
    '/repos/acme/deploy/issues/5/comments'
  ],
  [
    'GitHub Enterprise Server (/api/v3)',
    `https://${GHES_HOST}/api/v3`,
    '/api/v3/repos/acme/deploy/issues/5/comments'
  ]
])(
  '%s: posted and edited over TLS through HTTPS_PROXY, trusting the private CA of NODE_EXTRA_CA_CERTS',
  async (_name, apiUrl, createPath) => {
    const ws = newWorkspace()
    const env = runnerEnv(
      ws,
      emu.url,
      { ...SEED_INPUTS, notify: 'comment', 'issue-number': '5' },
      {
        GITHUB_API_URL: apiUrl,
        HTTPS_PROXY: proxy.url,
        NODE_EXTRA_CA_CERTS: proxy.caFile
      }
    )
    const main = start(DIST, env)
    const auth = await emu.waitForDeviceAuthorization()
    const comment = await gh.waitForComment()
    expect(comment.body).toContain(auth.verificationUriComplete)
    emu.approve(auth.userCode, 'alice')
    const result = await main.done
    expect(result.code).toBe(0)
    expect(warnings(result.stdout)).toEqual([])
    expect(comment.versions.map((v) => v.method)).toEqual(['POST', 'PATCH'])
    expect(comment.body).toContain('AWS sign-in approved')

    // both calls went through one CONNECT tunnel to the API host on 443 and arrived with that Host
    const host = new URL(apiUrl).host
    expect(proxy.refused()).toEqual([])
    expect(proxy.connects().map((c) => c.target)).toEqual(
      expect.arrayContaining([`${host}:443`])
    )
    expect(
      proxy
        .requests()
        .map(
          (r) => `${r.method} ${r.host}${r.path} via ${r.tunnel} -> ${r.status}`
        )
    ).toEqual([
      `POST ${host}${createPath} via ${host}:443 -> 201`,
      `PATCH ${host}${createPath.replace(/issues\/5\/comments$/, `issues/comments/${comment.id}`)} via ${host}:443 -> 200`
    ])
  }
)

test('without the private CA the TLS check fails: one warning, the link is in the log, the login succeeds', async () => {
  const ws = newWorkspace()
  const env = runnerEnv(
    ws,
    emu.url,
    { ...SEED_INPUTS, notify: 'comment', 'issue-number': '5' },
    {
      GITHUB_API_URL: `https://${API_HOST}`,
      HTTPS_PROXY: proxy.url
    }
  )
  const main = start(DIST, env)
  const auth = await emu.waitForDeviceAuthorization()
  await main.waitForLine(/Could not post the AWS sign-in request/)
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  expect(result.code).toBe(0)
  expect(gh.calls).toEqual([]) // nothing reached GitHub through an unverified tunnel
  const w = warnings(result.stdout)
  expect(w).toHaveLength(1)
  expect(w[0]).toMatch(
    /Could not post the AWS sign-in request on #5 \((network error \([A-Z_]+\)|timed out)/
  )
  expect(result.stdout).toContain(
    `Open this link to approve: ${auth.verificationUriComplete}`
  )
})

test('NO_PROXY covering the API host: the comment goes direct, never through the proxy', async () => {
  const ws = newWorkspace()
  const env = runnerEnv(
    ws,
    emu.url,
    { ...SEED_INPUTS, notify: 'comment', 'issue-number': '5' },
    {
      GITHUB_API_URL: `https://${API_HOST}`,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: '.github.com',
      NODE_EXTRA_CA_CERTS: proxy.caFile
    }
  )
  const main = start(DIST, env)
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  await main.done
  expect(proxy.connects()).toEqual([])
})
