/**
 * Profiles holding role credentials (sign-out-early, a policy-narrowed chained session): the shared credentials file
 * and a keys-only config profile, merged and reverted byte for byte, 0600, and read by botocore and the JS SDK as the
 * keys (no SSO settings that would win over them).
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fromIni } from '@aws-sdk/credential-providers'
import {
  renderCredentialsSection,
  renderKeysProfileSection
} from '../../src/aws-files/credentials-file.js'
import { awsPaths } from '../../src/aws-files/paths.js'
import { removeJobFiles } from '../../src/aws-files/job-files.js'
import {
  writeCredentialProfiles,
  writeJobFilesFor
} from '../../src/core/files-plan.js'
import type { LoginRequest } from '../../src/inputs/spec.js'
import { readConfig } from './helpers/read-config.js'
import { runPython } from './helpers/python.js'

const creds = (n: number) => ({
  accessKeyId: `ASIAKEY${n}`,
  secretAccessKey: `secret/${n}+x=`,
  sessionToken: `token${n}//==`,
  expiration: new Date('2030-01-01T00:00:00Z')
})
const REQ = {
  target: { startUrl: 'https://x.awsapps.com/start', ssoRegion: 'us-east-1' },
  profiles: { ssoSession: 's', output: 'json' },
  signIn: { registrationScopes: ['sso:account:access'] }
} as Pick<LoginRequest, 'target' | 'profiles' | 'signIn'>

let home: string
beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'credfile-'))
})
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true })
})

test('sections: keys in [NAME]; the config profile has region/output only', () => {
  expect(renderCredentialsSection('dev', creds(1))).toEqual({
    header: '[dev]',
    body: [
      'aws_access_key_id = ASIAKEY1',
      'aws_secret_access_key = secret/1+x=',
      'aws_session_token = token1//=='
    ]
  })
  expect(
    renderKeysProfileSection({
      name: 'dev',
      region: 'eu-west-1',
      output: 'json'
    })
  ).toEqual({
    header: '[profile dev]',
    body: ['region = eu-west-1', 'output = json']
  })
  expect(renderKeysProfileSection({ name: 'default' }).header).toBe('[default]')
  expect(() => renderCredentialsSection('a b', creds(1))).toThrow(
    /invalid profile name/
  )
  expect(() =>
    renderCredentialsSection('x', { ...creds(1), sessionToken: 'a\nb' })
  ).toThrow(/aws_session_token/)
})

test("merged into the user's files byte for byte, replacing an SSO profile of the same name, 0600; reverted exactly", async () => {
  const paths = awsPaths({}, home)
  await fs.mkdir(paths.awsDir, { recursive: true, mode: 0o700 })
  const userConfig =
    '# mine\r\n[profile dev]\r\nsso_session = old\r\nsso_account_id = 999999999999\r\nsso_role_name = Admin\r\n\r\n[profile other]\r\nregion = us-east-2\r\n'
  const userCreds =
    '[other]\naws_access_key_id = MINE\naws_secret_access_key = MINE\n# trailing comment, no newline'
  await fs.writeFile(paths.configFile, userConfig)
  await fs.writeFile(paths.credentialsFile, userCreds, { mode: 0o644 })
  const written = await writeCredentialProfiles(paths, REQ, [
    { name: 'dev', credentials: creds(1), region: 'eu-west-1', output: 'json' }
  ])
  const config = await fs.readFile(paths.configFile, 'utf8')
  const credentials = await fs.readFile(paths.credentialsFile, 'utf8')
  expect(readConfig(config).profiles.dev).toEqual({
    region: 'eu-west-1',
    output: 'json'
  })
  expect(config).not.toContain('sso_')
  expect(config).toContain('[profile other]\r\nregion = us-east-2\r\n')
  expect(credentials.startsWith(userCreds)).toBe(true)
  expect(credentials).toContain(
    '[dev]\naws_access_key_id = ASIAKEY1\naws_secret_access_key = secret/1+x=\naws_session_token = token1//==\n'
  )
  expect((await fs.stat(paths.credentialsFile)).mode & 0o777).toBe(0o600)
  // nothing of the SSO sign-in
  expect(written.tokenCache).toBeUndefined()
  expect(written.registrationCache).toBeUndefined()
  expect(config).not.toContain('[sso-session')
  await expect(fs.readdir(paths.ssoCacheDir)).rejects.toThrow()
  await removeJobFiles(written)
  expect(await fs.readFile(paths.configFile, 'utf8')).toBe(userConfig)
  expect(await fs.readFile(paths.credentialsFile, 'utf8')).toBe(userCreds)
})

test('files created by the run are deleted by the revert; AWS_SHARED_CREDENTIALS_FILE is respected', async () => {
  const elsewhere = path.join(home, 'keys', 'creds')
  const paths = awsPaths({ AWS_SHARED_CREDENTIALS_FILE: elsewhere }, home)
  const written = await writeCredentialProfiles(paths, REQ, [
    { name: 'a', credentials: creds(1) },
    { name: 'b', credentials: creds(2), region: 'us-west-2' }
  ])
  expect(written.credentialsFile).toBe(elsewhere)
  expect(await fs.readFile(elsewhere, 'utf8')).toContain(
    '[b]\naws_access_key_id = ASIAKEY2'
  )
  await expect(
    fs.stat(path.join(home, '.aws', 'credentials'))
  ).rejects.toThrow()
  await removeJobFiles(written)
  await expect(fs.stat(elsewhere)).rejects.toThrow()
  await expect(fs.stat(paths.configFile)).rejects.toThrow()
})

test('SSO profiles without a token are refused (they would need the token that is gone)', async () => {
  await expect(
    writeJobFilesFor(
      awsPaths({}, home),
      REQ as never,
      [
        {
          name: 'x',
          accountId: '111122223333',
          roleName: 'R',
          region: 'us-east-1'
        }
      ],
      undefined,
      undefined
    )
  ).rejects.toThrow(/credentialProfiles/)
})

test("botocore and the JS SDK (fromIni) read the keys, with the config profile's region", async () => {
  const paths = awsPaths({}, home)
  await writeCredentialProfiles(paths, REQ, [
    { name: 'dev', credentials: creds(7), region: 'eu-west-1', output: 'json' }
  ])
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: paths.configFile,
    AWS_SHARED_CREDENTIALS_FILE: paths.credentialsFile
  }
  const script =
    'import botocore.session,json;s=botocore.session.Session(profile="dev");c=s.get_credentials().get_frozen_credentials();print(json.dumps([c.access_key,c.secret_key,c.token,s.get_config_variable("region"),s.get_credentials().method]))'
  expect(JSON.parse(runPython(['-c', script], env))).toEqual([
    'ASIAKEY7',
    'secret/7+x=',
    'token7//==',
    'eu-west-1',
    'shared-credentials-file'
  ])
  const got = await fromIni({
    profile: 'dev',
    filepath: paths.credentialsFile,
    configFilepath: paths.configFile
  })()
  expect([got.accessKeyId, got.secretAccessKey, got.sessionToken]).toEqual([
    'ASIAKEY7',
    'secret/7+x=',
    'token7//=='
  ])
})
