/**
 * Child process for the hard-kill test: writes one login's files with writeJobFilesFor, recording each progress report
 * (what main saves for post) to a file, with an access token so large that the token cache write takes long enough to
 * be SIGKILLed midway. Usage: tsx killed-writer.ts <home> <record file>
 */
import { writeFileSync } from 'node:fs'
import { awsPaths } from '../../../src/aws-files/paths.js'
import { writeJobFilesFor } from '../../../src/core/files-plan.js'
import { readLoginRequest } from '../../../src/inputs/reader.js'

const [home, recordFile] = process.argv.slice(2)
const INPUTS: Record<string, string> = {
  'start-url': 'https://my-sso-portal.awsapps.com/start',
  'sso-region': 'us-east-1',
  'account-id': '111122223333',
  'role-name': 'DeveloperAccess',
  region: 'us-west-2',
  'sso-session': 'my-sso',
  profile: 'dev'
}
const request = readLoginRequest((name) => INPUTS[name] ?? '')
await writeJobFilesFor(
  awsPaths({}, home, 'linux'),
  request,
  [
    {
      name: 'dev',
      accountId: '111122223333',
      roleName: 'DeveloperAccess',
      region: 'us-west-2'
    }
  ],
  {
    accessToken: `aoa-${'x'.repeat(16 * 1024 * 1024)}`,
    expiresAt: new Date(Date.now() + 3600_000),
    refreshToken: 'aor-refresh'
  },
  {
    clientId: 'cid',
    clientSecret: 'csecret',
    expiresAt: new Date(Date.now() + 86400_000),
    scopes: ['sso:account:access'],
    clientName: 'identity-center-login'
  },
  {
    writeRegistration: true,
    onProgress: (p) =>
      writeFileSync(recordFile, JSON.stringify(p ? p.written : null))
  }
)
process.stdout.write('finished\n')
