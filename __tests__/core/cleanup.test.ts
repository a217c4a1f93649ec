/**
 * sweepOrphanedTokenCache (a cancelled run that had written its token but not handed it to the post step): with
 * legacy-sso-profile it also finds the legacy copy, signs the token out once and removes both files, only when they
 * hold a token this run obtained.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { sweepOrphanedTokenCache } from '../../src/core/cleanup.js'
import {
  legacyTokenCacheFile,
  tokenCacheFile
} from '../../src/aws-files/sso-cache-format.js'
import {
  writeLegacyTokenCache,
  writeTokenCache
} from '../../src/aws-files/sso-cache.js'
import { login, oidcClient } from '../emulator/helpers.js'

const START_URL = 'https://my-sso-portal.awsapps.com/start'
let emu: Emulator
let dir: string
const saved = { ...process.env }
beforeAll(async () => {
  emu = await startEmulator()
  // the SDK itself reads the endpoint overrides from process.env
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SSO: emu.url,
    AWS_ENDPOINT_URL_SSO_OIDC: emu.url,
    AWS_ENDPOINT_URL_STS: emu.url
  })
})
afterAll(async () => {
  for (const k of [
    'AWS_ENDPOINT_URL_SSO',
    'AWS_ENDPOINT_URL_SSO_OIDC',
    'AWS_ENDPOINT_URL_STS'
  ]) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
  await emu.close()
})
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'icl-sweep-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

const quiet = {
  info: () => {},
  warning: () => {},
  error: () => {},
  debug: () => {}
} as any

async function seed(): Promise<string> {
  const oidc = oidcClient(emu.url)
  const { accessToken } = await login(emu, oidc)
  oidc.destroy()
  const entry = {
    startUrl: START_URL,
    region: 'us-east-1',
    accessToken,
    expiresAt: new Date(Date.now() + 3600_000)
  }
  await writeTokenCache(dir, 'my-sso', entry)
  await writeLegacyTokenCache(dir, START_URL, entry)
  return accessToken
}

const env = () => process.env

test('legacyStartUrl: both copies of a token this run obtained are removed, the token revoked once', async () => {
  const token = await seed()
  const before = emu.stats().byOperation.Logout ?? 0
  const found = await sweepOrphanedTokenCache(
    {
      ssoCacheDir: dir,
      sessionName: 'my-sso',
      ssoRegion: 'us-east-1',
      region: 'us-west-2',
      isOurs: (t) => t === token,
      legacyStartUrl: START_URL
    },
    quiet,
    env()
  )
  expect(found).toBe(true)
  expect(await fs.readdir(dir)).toEqual([])
  expect(emu.tokens().find((t) => t.accessToken === token)!.revoked).toBe(true)
  expect((emu.stats().byOperation.Logout ?? 0) - before).toBe(1)
})

test('without legacyStartUrl the legacy name is not looked at; a token not ours is left alone', async () => {
  const token = await seed()
  await sweepOrphanedTokenCache(
    {
      ssoCacheDir: dir,
      sessionName: 'my-sso',
      ssoRegion: 'us-east-1',
      region: 'us-west-2',
      isOurs: (t) => t === token
    },
    quiet,
    env()
  )
  expect(await fs.readdir(dir)).toEqual([
    path.basename(legacyTokenCacheFile(dir, START_URL))
  ])
  const other = await seed()
  const found = await sweepOrphanedTokenCache(
    {
      ssoCacheDir: dir,
      sessionName: 'my-sso',
      ssoRegion: 'us-east-1',
      region: 'us-west-2',
      isOurs: () => false,
      legacyStartUrl: START_URL
    },
    quiet,
    env()
  )
  expect(found).toBe(false)
  expect((await fs.readdir(dir)).sort()).toEqual(
    [
      path.basename(tokenCacheFile(dir, 'my-sso')),
      path.basename(legacyTokenCacheFile(dir, START_URL))
    ].sort()
  )
  expect(emu.tokens().find((t) => t.accessToken === other)!.revoked).toBe(false)
})
