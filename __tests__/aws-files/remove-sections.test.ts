/** --sign-out's config edit: the session's profile and (once unused) its [sso-session] go, every other byte stays. */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  renderProfileSection,
  renderSsoSessionSection
} from '../../src/aws-files/config-render.js'
import { mergeConfigFile } from '../../src/aws-files/config-file.js'
import { removeConfigSections } from '../../src/aws-files/remove-sections.js'

let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'icl-remove-sections-'))
})
afterEach(() => fs.rm(dir, { recursive: true, force: true }))

const sections = [
  renderProfileSection({
    name: 'ci',
    ssoSession: 'corp',
    accountId: '111122223333',
    roleName: 'R'
  }),
  renderSsoSessionSection({
    name: 'corp',
    ssoRegion: 'eu-west-1',
    startUrl: 'https://corp.awsapps.com/start',
    registrationScopes: ['sso:account:access']
  })
]

test.each([
  ['no final newline', '# mine\n[default]\nregion = a'],
  ['a final newline', '[default]\nregion = a\n'],
  ['CRLF', '[default]\r\nregion = a\r\n\r\n[profile x]\r\noutput = json\r\n'],
  ['trailing spaces', '[default]\nregion = a   \n']
])(
  'what merge appended to a file with %s is removed back to the same bytes',
  async (_label, before) => {
    const file = path.join(dir, 'config')
    await fs.writeFile(file, before)
    await mergeConfigFile(file, sections)
    const r = await removeConfigSections(file, 'corp', 'ci')
    expect(r.removed).toEqual(['[profile ci]', '[sso-session corp]'])
    expect(r.session).toEqual({
      ssoRegion: 'eu-west-1',
      startUrl: 'https://corp.awsapps.com/start',
      scopes: ['sso:account:access']
    })
    const after = await fs.readFile(file, 'utf8')
    expect(after.replace(/\r?\n$/, '')).toBe(before.replace(/\r?\n$/, ''))
  }
)

test('a file that held only our sections is removed; sections at the top leave no blank line behind', async () => {
  const file = path.join(dir, 'config')
  await mergeConfigFile(file, sections)
  await removeConfigSections(file, 'corp', 'ci')
  await expect(fs.access(file)).rejects.toThrow()
  await fs.writeFile(
    file,
    '[profile ci]\nsso_session = corp\n\n[profile keep]\nregion = b\n'
  )
  await removeConfigSections(file, 'corp', 'ci')
  expect(await fs.readFile(file, 'utf8')).toBe('[profile keep]\nregion = b\n')
})

test('a profile of that name on another session, and a session another profile uses, stay', async () => {
  const file = path.join(dir, 'config')
  const text =
    '[profile ci]\nsso_session = other\n\n[profile mine]\nsso_session = corp\n\n[sso-session corp]\nsso_region = eu-west-1\n'
  await fs.writeFile(file, text)
  const r = await removeConfigSections(file, 'corp', 'ci')
  expect(r.removed).toEqual([])
  expect(await fs.readFile(file, 'utf8')).toBe(text)
})
