/**
 * The consumers are the judges: botocore's SSO token provider and the JS SDK's `fromSso` read the
 * config sections and token cache we wrote (no network: the token is far from expiry).
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fromSso } from '@aws-sdk/token-providers'
import { mergeConfigFile } from '../../src/aws-files/config-file.js'
import {
  renderProfileSection,
  renderSsoSessionSection
} from '../../src/aws-files/config-render.js'
import { awsPaths } from '../../src/aws-files/paths.js'
import { formatCacheTime } from '../../src/aws-files/sso-cache-format.js'
import {
  writeRegistrationCache,
  writeTokenCache
} from '../../src/aws-files/sso-cache.js'
import { runPython } from './helpers/python.js'

let home: string
const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 2 * 3600_000)

beforeAll(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'interop-'))
  const paths = awsPaths({}, home)
  await fs.mkdir(paths.awsDir, { recursive: true })
  await fs.writeFile(
    paths.configFile,
    "# the user's own file\n[default]\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 20\n"
  )
  await mergeConfigFile(paths.configFile, [
    renderProfileSection({
      name: 'my-dev-profile',
      ssoSession: 'my-sso',
      accountId: '111122223333',
      roleName: 'DeveloperAccess',
      region: 'us-west-2',
      output: 'json'
    }),
    renderSsoSessionSection({
      name: 'my-sso',
      ssoRegion: 'us-east-1',
      startUrl: 'https://my-sso-portal.awsapps.com/start',
      registrationScopes: ['sso:account:access']
    })
  ])
  const registrationExpiresAt = new Date(Date.now() + 90 * 86400_000)
  await writeTokenCache(paths.ssoCacheDir, 'my-sso', {
    startUrl: 'https://my-sso-portal.awsapps.com/start',
    region: 'us-east-1',
    accessToken: 'the-access-token',
    expiresAt,
    clientId: 'cid',
    clientSecret: 'csecret',
    registrationExpiresAt,
    refreshToken: 'the-refresh-token'
  })
  await writeRegistrationCache(
    paths.ssoCacheDir,
    {
      region: 'us-east-1',
      scopes: ['sso:account:access'],
      sessionName: 'my-sso',
      startUrl: 'https://my-sso-portal.awsapps.com/start'
    },
    {
      clientId: 'cid',
      clientSecret: 'csecret',
      expiresAt: registrationExpiresAt,
      scopes: ['sso:account:access']
    }
  )
})

afterAll(async () => {
  await fs.rm(home, { recursive: true, force: true })
})

test('botocore loads the profile, the sso-session and our cached token', () => {
  const script = `
import json, botocore.session, botocore.tokens
s = botocore.session.Session(profile='my-dev-profile')
cfg = s.get_scoped_config()
t = botocore.tokens.SSOTokenProvider(s).load_token().get_frozen_token()
print(json.dumps({'token': t.token, 'expiration': t.expiration.isoformat(), 'sso_session': cfg['sso_session'],
  'region': s.get_config_variable('region'), 's3': s.full_config['profiles']['default']['s3']}))
`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'none')
  }
  delete env.AWS_PROFILE
  delete env.AWS_REGION
  delete env.AWS_DEFAULT_REGION
  const out = JSON.parse(runPython(['-c', script], env))
  expect(out).toEqual({
    token: 'the-access-token',
    expiration: formatCacheTime(expiresAt).replace('Z', '+00:00'),
    sso_session: 'my-sso',
    region: 'us-west-2',
    s3: { max_concurrent_requests: '20' }
  })
})

test('the JS SDK (fromSso) reads the same token', async () => {
  const saved = { HOME: process.env.HOME, USERPROFILE: process.env.USERPROFILE }
  process.env.HOME = home
  process.env.USERPROFILE = home
  try {
    const token = await fromSso({
      profile: 'my-dev-profile',
      configFilepath: path.join(home, '.aws', 'config'),
      filepath: path.join(home, 'none'),
      ignoreCache: true
    })()
    expect(token.token).toBe('the-access-token')
    expect(token.expiration?.getTime()).toBe(expiresAt.getTime())
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
})
