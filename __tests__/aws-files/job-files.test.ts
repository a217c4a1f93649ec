/** writeJobFiles / removeJobFiles with and without legacy-sso-profile, on a real temporary HOME. */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { awsPaths } from '../../src/aws-files/paths.js'
import { readLoginRequest } from '../../src/inputs/reader.js'
import {
  jobFilePaths,
  removeJobFiles,
  type JobFilesProgress
} from '../../src/aws-files/job-files.js'
import { filesPlace, writeJobFilesFor } from '../../src/core/files-plan.js'

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex')
const START_URL = 'https://my-sso-portal.awsapps.com/start'
const INPUTS: Record<string, string> = {
  'start-url': START_URL,
  'sso-region': 'us-east-1',
  'account-id': '111122223333',
  'role-name': 'DeveloperAccess',
  region: 'us-west-2',
  'sso-session': 'my-sso',
  profile: 'dev'
}
const token = {
  accessToken: 'aoa-token',
  expiresAt: new Date('2030-01-01T12:00:00Z'),
  refreshToken: 'aor-refresh'
}
const registration = {
  clientId: 'cid',
  clientSecret: 'csecret',
  expiresAt: new Date('2030-03-01T00:00:00Z'),
  scopes: ['sso:account:access']
}

let home: string
beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'icl-job-files-'))
})
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true })
})

function setup(extra: Record<string, string> = {}) {
  const request = readLoginRequest(
    (name) => ({ ...INPUTS, ...extra })[name] ?? ''
  )
  const paths = awsPaths({}, home, 'linux')
  const profiles = [
    {
      name: 'dev',
      accountId: '111122223333',
      roleName: 'DeveloperAccess',
      region: 'us-west-2'
    }
  ]
  return { request, paths, profiles }
}

test('default: the files aws configure sso / aws sso login write, and nothing under the legacy name', async () => {
  const { request, paths, profiles } = setup()
  const written = await writeJobFilesFor(
    paths,
    request,
    profiles,
    token,
    registration,
    { writeRegistration: true }
  )
  expect(await fs.readFile(paths.configFile, 'utf8')).toBe(
    '[profile dev]\nsso_session = my-sso\nsso_account_id = 111122223333\nsso_role_name = DeveloperAccess\nregion = us-west-2\noutput = json\n\n' +
      '[sso-session my-sso]\nsso_region = us-east-1\nsso_start_url = https://my-sso-portal.awsapps.com/start\nsso_registration_scopes = sso:account:access\n'
  )
  expect((await fs.readdir(paths.ssoCacheDir)).sort()).toEqual(
    [
      path.basename(written.registrationCache!.file),
      `${sha1('my-sso')}.json`
    ].sort()
  )
  expect(written.legacyTokenCache).toBeUndefined()
  expect(jobFilePaths(filesPlace(paths, request))).not.toContain(
    path.join(paths.ssoCacheDir, `${sha1(START_URL)}.json`)
  )
})

test('legacy-sso-profile: sso_start_url / sso_region beside sso_session, the token again under sha1(start URL); removed with the rest', async () => {
  const { request, paths, profiles } = setup({ 'legacy-sso-profile': 'true' })
  const progress: (JobFilesProgress | undefined)[] = []
  const written = await writeJobFilesFor(
    paths,
    request,
    profiles,
    token,
    registration,
    { writeRegistration: true, onProgress: (p) => progress.push(p) }
  )
  expect(await fs.readFile(paths.configFile, 'utf8')).toMatch(
    /^\[profile dev\]\nsso_session = my-sso\nsso_start_url = https:\/\/my-sso-portal\.awsapps\.com\/start\nsso_region = us-east-1\nsso_account_id = 111122223333\n/
  )
  const legacyFile = path.join(paths.ssoCacheDir, `${sha1(START_URL)}.json`)
  expect(written.legacyTokenCache?.file).toBe(legacyFile)
  // recorded before anything was written, like the other cache files
  expect(progress[0]!.written.legacyTokenCache).toEqual(
    written.legacyTokenCache
  )
  expect(await fs.readFile(legacyFile, 'utf8')).toBe(
    await fs.readFile(
      path.join(paths.ssoCacheDir, `${sha1('my-sso')}.json`),
      'utf8'
    )
  )
  expect((await fs.stat(legacyFile)).mode & 0o777).toBe(0o600)
  expect(jobFilePaths(filesPlace(paths, request))).toContain(legacyFile)

  const report = await removeJobFiles(written)
  expect(report.legacyTokenCache).toBe('deleted')
  expect(await fs.readdir(paths.ssoCacheDir)).toEqual([])
})

test('legacy-sso-profile: a legacy cache file someone else rewrote since is left alone', async () => {
  const { request, paths, profiles } = setup({ 'legacy-sso-profile': 'true' })
  const written = await writeJobFilesFor(
    paths,
    request,
    profiles,
    token,
    registration,
    { writeRegistration: true }
  )
  await fs.writeFile(
    written.legacyTokenCache!.file,
    '{"accessToken": "someone else"}'
  )
  const report = await removeJobFiles(written)
  expect(report.legacyTokenCache).toBe('replaced-by-someone-else')
  expect(await fs.readdir(paths.ssoCacheDir)).toEqual([
    path.basename(written.legacyTokenCache!.file)
  ])
})

test('legacy-sso-profile: when the config cannot be written, the legacy copy is undone with the other cache files', async () => {
  const { request, paths, profiles } = setup({ 'legacy-sso-profile': 'true' })
  await fs.mkdir(paths.configFile, { recursive: true }) // a folder where the config file should be
  const progress: (JobFilesProgress | undefined)[] = []
  await expect(
    writeJobFilesFor(paths, request, profiles, token, registration, {
      writeRegistration: true,
      onProgress: (p) => progress.push(p)
    })
  ).rejects.toThrow()
  expect(await fs.readdir(paths.ssoCacheDir)).toEqual([])
  expect(progress.at(-1)).toBeUndefined()
})
