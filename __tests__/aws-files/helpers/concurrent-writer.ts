/**
 * Child process for the concurrency test: writes the same token cache file and merges its own sections
 * into the same config file, N times, through the locked atomic helpers.
 * Usage: tsx concurrent-writer.ts <id> <home> <iterations>
 */
import path from 'node:path'
import { mergeConfigFile } from '../../../src/aws-files/config-file.js'
import {
  renderProfileSection,
  renderSsoSessionSection
} from '../../../src/aws-files/config-render.js'
import { writeTokenCache } from '../../../src/aws-files/sso-cache.js'

const [id, home, n] = process.argv.slice(2)
const cacheDir = path.join(home, '.aws', 'sso', 'cache')
const configFile = path.join(home, '.aws', 'config')

for (let i = 0; i < Number(n); i++) {
  await writeTokenCache(cacheDir, 'shared-session', {
    startUrl: 'https://my-sso-portal.awsapps.com/start',
    region: 'us-east-1',
    accessToken: `${id}-${i}-${'x'.repeat(2000)}`,
    expiresAt: new Date(Date.now() + 3600_000),
    clientId: `client-${id}`,
    clientSecret: `secret-${id}`,
    registrationExpiresAt: new Date(Date.now() + 86400_000),
    refreshToken: `refresh-${id}-${i}`
  })
  await mergeConfigFile(
    configFile,
    [
      renderProfileSection({
        name: `writer-${id}`,
        ssoSession: `sess-${id}`,
        accountId: '111122223333',
        roleName: `Role${i}`,
        region: 'us-west-2',
        output: 'json'
      }),
      renderSsoSessionSection({
        name: `sess-${id}`,
        ssoRegion: 'us-east-1',
        startUrl: `https://${id}.awsapps.com/start`,
        registrationScopes: ['sso:account:access']
      }),
      // one new section per iteration: a lost update (read-modify-write race) would drop one for good
      renderProfileSection({
        name: `writer-${id}-${i}`,
        ssoSession: `sess-${id}`,
        accountId: '111122223333',
        roleName: 'R'
      })
    ],
    { lockTimeoutMs: 30_000 }
  )
}
process.stdout.write(`done ${id}\n`)
