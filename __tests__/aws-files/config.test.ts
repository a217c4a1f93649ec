import { readConfig } from './helpers/read-config.js'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  detectEol,
  type ReplacedEdit
} from '../../src/aws-files/config-edit.js'
import {
  mergeConfigFile,
  revertConfigFile
} from '../../src/aws-files/config-file.js'
import {
  renderProfileSection,
  renderSsoSessionSection,
  sectionText,
  type SectionSpec
} from '../../src/aws-files/config-render.js'
import {
  revertSections,
  revertSectionsDetailed
} from '../../src/aws-files/config-undo.js'
import { upsertSections } from '../../src/aws-files/config-plan.js'
import {
  parseStructure,
  sectionKey,
  shlexSplit
} from '../../src/aws-files/ini-structure.js'

const posix = process.platform !== 'win32'
const itPosix = posix ? test : test.skip

// The example from `aws configure sso --profile my-dev-profile` (seed 000).
const seedProfile = renderProfileSection({
  name: 'my-dev-profile',
  ssoSession: 'my-sso',
  accountId: '111122223333',
  roleName: 'DeveloperAccess',
  region: 'us-west-2',
  output: 'json'
})
const seedSession = renderSsoSessionSection({
  name: 'my-sso',
  ssoRegion: 'us-east-1',
  startUrl: 'https://my-sso-portal.awsapps.com/start',
  registrationScopes: ['sso:account:access']
})
const SEED_TEXT = `[profile my-dev-profile]
sso_session = my-sso
sso_account_id = 111122223333
sso_role_name = DeveloperAccess
region = us-west-2
output = json

[sso-session my-sso]
sso_region = us-east-1
sso_start_url = https://my-sso-portal.awsapps.com/start
sso_registration_scopes = sso:account:access
`
const S: SectionSpec[] = [seedProfile, seedSession]

describe('render', () => {
  test('profile and sso-session exactly as aws configure sso writes them', () => {
    expect(seedProfile).toEqual({
      header: '[profile my-dev-profile]',
      body: [
        'sso_session = my-sso',
        'sso_account_id = 111122223333',
        'sso_role_name = DeveloperAccess',
        'region = us-west-2',
        'output = json'
      ]
    })
    expect(seedSession).toEqual({
      header: '[sso-session my-sso]',
      body: [
        'sso_region = us-east-1',
        'sso_start_url = https://my-sso-portal.awsapps.com/start',
        'sso_registration_scopes = sso:account:access'
      ]
    })
    expect(upsertSections('', S).text).toBe(SEED_TEXT)
  })

  test('default profile, optional lines, joined scopes', () => {
    const p = renderProfileSection({
      name: 'default',
      ssoSession: 's',
      accountId: '123456789012',
      roleName: 'R'
    })
    expect(sectionText(p)).toBe(
      '[default]\nsso_session = s\nsso_account_id = 123456789012\nsso_role_name = R\n'
    )
    const s = renderSsoSessionSection({
      name: 's',
      ssoRegion: 'eu-west-1',
      startUrl: 'https://x/start',
      registrationScopes: ['a', 'b:c']
    })
    expect(s.body[2]).toBe('sso_registration_scopes = a,b:c')
    expect(
      renderSsoSessionSection({
        name: 's',
        ssoRegion: 'r',
        startUrl: 'u',
        registrationScopes: []
      }).body
    ).toHaveLength(2)
  })

  test('rejects names and values that would not read back', () => {
    expect(() =>
      renderProfileSection({
        name: 'a b',
        ssoSession: 's',
        accountId: '1',
        roleName: 'R'
      })
    ).toThrow('invalid profile name')
    expect(() =>
      renderProfileSection({
        name: 'x]',
        ssoSession: 's',
        accountId: '1',
        roleName: 'R'
      })
    ).toThrow('invalid profile name')
    expect(() =>
      renderProfileSection({
        name: 'x',
        ssoSession: 's',
        accountId: '1\n[evil]',
        roleName: 'R'
      })
    ).toThrow('invalid value for sso_account_id')
    expect(() =>
      renderSsoSessionSection({
        name: 's',
        ssoRegion: 'r',
        startUrl: 'https://x #y',
        registrationScopes: []
      })
    ).toThrow('invalid value for sso_start_url')
  })
})

describe('upsertSections', () => {
  const check = (before: string, expected: string) => {
    const r = upsertSections(before, S)
    expect(r.text).toBe(expected)
    expect(revertSections(r.text, r.edits)).toBe(before)
    return r
  }

  test('appends after one blank line, fixing a missing final newline', () => {
    const block = SEED_TEXT
    check(
      '[default]\nregion = eu-west-1\n',
      `[default]\nregion = eu-west-1\n\n${block}`
    )
    const r = check(
      '[default]\nregion = eu-west-1',
      `[default]\nregion = eu-west-1\n\n${block}`
    )
    expect(r.edits[0]).toMatchObject({
      kind: 'added',
      separator: '\n\n',
      addedNewline: true
    })
    check(
      '[default]\nregion = eu-west-1\n\n',
      `[default]\nregion = eu-west-1\n\n${block}`
    )
  })

  test('keeps CRLF files CRLF', () => {
    const before = '# mine\r\n[default]\r\nregion = eu-west-1\r\n'
    const r = check(before, before + '\r\n' + SEED_TEXT.replace(/\n/g, '\r\n'))
    expect(detectEol(r.text)).toBe('\r\n')
    expect(r.text.replace(/\r\n/g, '')).not.toContain('\n')
  })

  test('replaces an existing section in place, tolerant header match, other bytes untouched', () => {
    const before = [
      '# top comment',
      '[default]',
      'region = eu-west-1',
      '',
      '; about my-dev-profile',
      '[profile  my-dev-profile ]',
      'sso_start_url = https://old/start',
      'sso_region = us-east-2',
      '# trailing comment inside stays',
      '',
      '[profile other]',
      'region = ap-south-1',
      's3 =',
      '  max_concurrent_requests = 20',
      '  addressing_style = path',
      ''
    ].join('\n')
    const r = upsertSections(before, S)
    const expected = before.replace(
      '[profile  my-dev-profile ]\nsso_start_url = https://old/start\nsso_region = us-east-2\n',
      SEED_TEXT.split('\n\n')[0] + '\n'
    )
    expect(r.text).toBe(expected + '\n' + SEED_TEXT.split('\n\n')[1])
    expect(r.edits.map((e) => e.kind)).toEqual(['replaced', 'added'])
    const rep = r.edits[0] as ReplacedEdit
    expect(rep.original).toBe(
      '[profile  my-dev-profile ]\nsso_start_url = https://old/start\nsso_region = us-east-2\n'
    )
    expect(rep.written).toBe(SEED_TEXT.split('\n\n')[0] + '\n')
    expect(rep.changedKeys).toEqual([
      'output',
      'region',
      'sso_account_id',
      'sso_region',
      'sso_role_name',
      'sso_session',
      'sso_start_url'
    ])
    expect(revertSections(r.text, r.edits)).toBe(before)
    // the nested block reads the same
    expect(readConfig(r.text).profiles.other).toEqual({
      region: 'ap-south-1',
      s3: { max_concurrent_requests: '20', addressing_style: 'path' }
    })
  })

  test('an existing sso-session with another start URL is replaced and restored', () => {
    const before =
      '[sso-session my-sso]\nsso_region = eu-central-1\nsso_start_url = https://someone-else.awsapps.com/start'
    const r = upsertSections(before, S)
    expect(readConfig(r.text).ssoSessions['my-sso']).toEqual({
      sso_region: 'us-east-1',
      sso_start_url: 'https://my-sso-portal.awsapps.com/start',
      sso_registration_scopes: 'sso:account:access'
    })
    const rep = r.edits.find((e) => e.kind === 'replaced') as ReplacedEdit
    expect(rep.changedKeys).toEqual([
      'sso_region',
      'sso_registration_scopes',
      'sso_start_url'
    ])
    expect(revertSections(r.text, r.edits)).toBe(before)
  })

  test('[default] and [profile default] are the same profile; duplicates are removed and restored', () => {
    const before =
      '[default]\nregion = a\n\n[profile x]\nk = v\n\n[profile default]\nregion = b\n'
    const d = renderProfileSection({
      name: 'default',
      ssoSession: 's',
      accountId: '123456789012',
      roleName: 'R'
    })
    const r = upsertSections(before, [d])
    expect(r.edits.map((e) => e.kind)).toEqual(['removed', 'replaced'])
    expect(r.text).toBe(
      '[default]\nsso_session = s\nsso_account_id = 123456789012\nsso_role_name = R\n\n[profile x]\nk = v\n\n'
    )
    expect(revertSections(r.text, r.edits)).toBe(before)
  })

  test('a header inside a nested block is not a header (configparser continuation)', () => {
    const before = '[profile a]\ns3 =\n  [profile my-dev-profile]\n'
    const st = parseStructure(before)
    expect(st.sections.map((s) => s.name)).toEqual(['profile a'])
    const r = upsertSections(before, [seedProfile])
    expect(r.edits[0].kind).toBe('added')
  })

  test('refuses when an indented header that only botocore takes for a value would hand its lines to our section (JS SDK)', () => {
    // botocore: `  [profile my-dev-profile]` and `role_arn` ... belong to [profile a]; the JS SDK: a [profile my-dev-profile] with role_arn.
    const before =
      '[profile a]\nregion = x\n  [profile my-dev-profile]\n  role_arn = arn:aws:iam::1:role/R\n'
    expect(() => upsertSections(before, [seedProfile])).toThrow(
      /refusing to edit the AWS config file: line 3 is an indented \[profile my-dev-profile\]/
    )
  })

  test('refuses to replace a section whose value lines hide an indented header of another section', () => {
    // Replacing [profile my-dev-profile] would delete what the JS SDK reads as [sso-session other].
    const before =
      '[profile my-dev-profile]\noutput = text\n [sso-session other]\ns3 =\n  x = 1\n'
    expect(() => upsertSections(before, [seedProfile])).toThrow(
      /line 3 is an indented \[sso-session other\]/
    )
  })

  test('refuses an edit that would change how another section is read', () => {
    // `  [profile b]` is a header only because the option before it is indented as deep.
    const before = '[profile my-dev-profile]\n  x = 1\n  [profile b]\nk = v\n'
    expect(parseStructure(before).sections.map((s) => s.name)).toEqual([
      'profile my-dev-profile',
      'profile b'
    ])
    expect(() => upsertSections(before, [seedProfile])).toThrow(
      'refusing to edit the AWS config file'
    )
  })

  test('revert leaves a section that was changed since alone and reports it', () => {
    const before = '[default]\nregion = a\n'
    const r = upsertSections(before, S)
    const changed = r.text.replace('output = json', 'output = text')
    const res = revertSectionsDetailed(changed, r.edits)
    expect(res.conflicts).toHaveLength(1)
    expect(res.conflicts[0].reason).toContain(
      '[profile my-dev-profile] was changed since we wrote it'
    )
    // The [sso-session] we added stays: the profile left alone still uses it (removing it would leave it dangling).
    expect(res.kept.map((k) => k.usedBy)).toEqual([['profile:my-dev-profile']])
    expect(res.text).toBe(
      '[default]\nregion = a\n\n[profile my-dev-profile]\nsso_session = my-sso\nsso_account_id = 111122223333\nsso_role_name = DeveloperAccess\nregion = us-west-2\noutput = text\n\n' +
        sectionText(S[1])
    )
  })

  test('revert after another writer appended behind us removes only ours', () => {
    const before = '[default]\nregion = a'
    const a = upsertSections(before, [seedProfile])
    const other = renderProfileSection({
      name: 'other',
      ssoSession: 'x',
      accountId: '123456789012',
      roleName: 'R'
    })
    const b = upsertSections(a.text, [other])
    const res = revertSectionsDetailed(b.text, a.edits)
    expect(res.conflicts).toEqual([])
    expect(res.text).toBe('[default]\nregion = a\n\n' + sectionText(other))
    // the newline we added to terminate `region = a` stays: a section follows it now
    expect(revertSections(res.text, b.edits)).toBe('[default]\nregion = a\n')
  })

  test('merging twice is stable and reverts in order', () => {
    const before = '[default]\nregion = a\n'
    const one = upsertSections(before, S)
    const two = upsertSections(one.text, S)
    expect(two.text).toBe(one.text)
    expect(revertSections(revertSections(two.text, two.edits), one.edits)).toBe(
      before
    )
  })

  test('rejects the same section twice in one call', () => {
    expect(() => upsertSections('', [seedProfile, seedProfile])).toThrow(
      'listed twice'
    )
  })
})

describe('ini structure', () => {
  test('sectionKey follows build_profile_map', () => {
    expect(sectionKey('profile x')).toBe('profile:x')
    expect(sectionKey('profile  x ')).toBe('profile:x')
    expect(sectionKey('profile "x"')).toBe('profile:x')
    expect(sectionKey('default')).toBe('profile:default')
    expect(sectionKey('sso-session my-sso')).toBe('sso-session:my-sso')
    expect(sectionKey('profile a b')).toBe('invalid:profile a b')
    expect(sectionKey('preview')).toBe('section:preview')
    expect(shlexSplit(`a 'b c' "d\\"e"`)).toEqual(['a', 'b c', 'd"e'])
  })

  test('readConfig reads like botocore', () => {
    const v = readConfig(
      '[default]\nRegion = x # not a comment\n[profile a.b]\ns3 =\n  k = v\n\n  k2 = v2\n[sso-session s]\nsso_region=r\n[DEFAULT]\nd = 1\n'
    )
    expect(v.profiles.default).toEqual({ region: 'x # not a comment', d: '1' })
    expect(v.profiles['a.b']).toEqual({ s3: { k: 'v', k2: 'v2' }, d: '1' })
    expect(v.ssoSessions.s).toEqual({ sso_region: 'r', d: '1' })
    expect(v.errorLines).toEqual([])
    expect(readConfig('junk\n[a]\nnot an option\n').errorLines).toEqual([1, 3])
  })
})

describe('mergeConfigFile / revertConfigFile', () => {
  let tmp: string
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cfg-'))
  })
  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true })
  })

  test('creates ~/.aws/config (0600, folder 0700), and revert deletes the file it created', async () => {
    const file = path.join(tmp, '.aws', 'config')
    const edits = await mergeConfigFile(file, S, { defaultEol: '\n' })
    expect(await fs.readFile(file, 'utf8')).toBe(SEED_TEXT)
    if (posix) {
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600)
      expect((await fs.stat(path.dirname(file))).mode & 0o777).toBe(0o700)
    }
    expect(edits[0]).toEqual({ kind: 'created-file', group: -1, file })
    const res = await revertConfigFile(file, edits)
    expect(res).toEqual({
      conflicts: [],
      kept: [],
      reverted: 2,
      deletedFile: true
    })
    await expect(fs.access(file)).rejects.toThrow()
    await expect(fs.access(`${file}.lock`)).rejects.toThrow()
  })

  test('edits an existing file and restores it byte for byte', async () => {
    const file = path.join(tmp, '.aws', 'config')
    await fs.mkdir(path.dirname(file), { recursive: true })
    const before =
      '# keep me\r\n[default]\r\nregion = eu-west-1\r\ns3 =\r\n    max_concurrent_requests = 20\r\n[sso-session my-sso]\r\nsso_start_url = https://old\r\nsso_region = eu-west-1'
    await fs.writeFile(file, before)
    const edits = await mergeConfigFile(file, S)
    const mid = await fs.readFile(file, 'utf8')
    expect(
      mid.startsWith(
        '# keep me\r\n[default]\r\nregion = eu-west-1\r\ns3 =\r\n    max_concurrent_requests = 20\r\n[sso-session my-sso]\r\nsso_region = us-east-1\r\n'
      )
    ).toBe(true)
    expect(readConfig(mid).profiles['my-dev-profile'].sso_session).toBe(
      'my-sso'
    )
    const res = await revertConfigFile(file, edits)
    expect(res.conflicts).toEqual([])
    expect(res.deletedFile).toBe(false)
    expect(await fs.readFile(file, 'utf8')).toBe(before)
  })

  itPosix('tightens a 0644 config we own; keeps 0400', async () => {
    const file = path.join(tmp, '.aws', 'config')
    await fs.mkdir(path.dirname(file), { recursive: true })
    await fs.writeFile(file, '[default]\nregion = a\n')
    await fs.chmod(file, 0o644)
    const edits = await mergeConfigFile(file, S)
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600)
    await fs.chmod(file, 0o400)
    await revertConfigFile(file, edits)
    expect((await fs.stat(file)).mode & 0o777).toBe(0o400)
    expect(await fs.readFile(file, 'utf8')).toBe('[default]\nregion = a\n')
  })

  itPosix('refuses a symlinked config file', async () => {
    const victim = path.join(tmp, 'victim')
    await fs.writeFile(victim, '[default]\n')
    const file = path.join(tmp, '.aws', 'config')
    await fs.mkdir(path.dirname(file), { recursive: true })
    await fs.symlink(victim, file)
    await expect(mergeConfigFile(file, S)).rejects.toThrow(
      `refusing to write through a symlink: ${file}`
    )
    expect(await fs.readFile(victim, 'utf8')).toBe('[default]\n')
  })

  test('revert when the file is gone reports every section', async () => {
    const file = path.join(tmp, '.aws', 'config')
    const edits = await mergeConfigFile(file, S)
    await fs.rm(file)
    const res = await revertConfigFile(file, edits)
    expect(res.conflicts).toHaveLength(2)
    expect(res.conflicts[0].reason).toContain('no longer exists')
  })

  describe('two jobs sharing an [sso-session]: A reverts while B still uses it', () => {
    const profile = (name: string) =>
      renderProfileSection({
        name,
        ssoSession: 'my-sso',
        accountId: '111122223333',
        roleName: 'R'
      })
    const session = renderSsoSessionSection({
      name: 'my-sso',
      ssoRegion: 'us-east-1',
      startUrl: 'https://x.awsapps.com/start',
      registrationScopes: ['sso:account:access']
    })

    test.each([
      ['no file before', undefined],
      ['a file without a final newline', '# mine\r\n[default]\r\nregion = a'],
      ['a file with a final newline', '[default]\nregion = a\n'],
      [
        'a file that already had a profile using my-sso (no session section)',
        '[profile mine]\nsso_session = my-sso\n'
      ]
    ])(
      '%s: A keeps the section while B uses it; B leaves it (no hand-over file), everything else is back as it was',
      async (_label, before) => {
        const file = path.join(tmp, '.aws', 'config')
        if (before !== undefined) {
          await fs.mkdir(path.dirname(file), { recursive: true })
          await fs.writeFile(file, before)
        }
        const a = await mergeConfigFile(file, [profile('job-a'), session])
        const b = await mergeConfigFile(file, [profile('job-b'), session])
        const ra = await revertConfigFile(file, a)
        expect(ra.conflicts).toEqual([])
        expect(ra.kept.map((k) => k.reason)).toEqual([
          "[sso-session my-sso] kept: [profile job-b] still has sso_session = my-sso (another job's profile, or one changed since this run wrote it)"
        ])
        const mid = await fs.readFile(file, 'utf8')
        expect(readConfig(mid).profiles['job-a']).toBeUndefined()
        expect(readConfig(mid).ssoSessions['my-sso'].sso_start_url).toBe(
          'https://x.awsapps.com/start'
        )
        const rb = await revertConfigFile(file, b)
        expect(rb.conflicts).toEqual([])
        const after = await fs.readFile(file, 'utf8')
        const cfg = readConfig(after)
        expect(cfg.profiles['job-a']).toBeUndefined()
        expect(cfg.profiles['job-b']).toBeUndefined()
        // the section A kept stays: B's record says B found it there, and nothing beside the config says otherwise
        expect(cfg.ssoSessions['my-sso'].sso_start_url).toBe(
          'https://x.awsapps.com/start'
        )
        expect(after.startsWith((before ?? '').replace(/\r?\n?$/, ''))).toBe(
          true
        )
        expect(await fs.readdir(path.dirname(file))).toEqual(['config'])
      }
    )

    test("a planted <config>.identity-center-login-kept.json cannot make a revert remove the user's own sections", async () => {
      const file = path.join(tmp, '.aws', 'config')
      const userProd =
        '[profile prod]\nsso_session = corp\nsso_account_id = 444455556666\nsso_role_name = Admin\n'
      const userSession =
        '[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://corp.awsapps.com/start\n'
      const before = `${userProd}\n${userSession}`
      await fs.mkdir(path.dirname(file), { recursive: true })
      await fs.writeFile(file, before)
      // what an earlier version's hand-over file looked like, naming the user's own sections exactly as written
      const planted = `${file}.identity-center-login-kept.json`
      const entry = (key: string, header: string, written: string) => ({
        edit: {
          kind: 'added',
          group: 0,
          key,
          header,
          written,
          separator: '\n',
          addedNewline: false,
          usedBy: ['profile:prod']
        },
        createdFile: true
      })
      await fs.writeFile(
        planted,
        JSON.stringify({
          version: 1,
          entries: [
            entry('profile:prod', '[profile prod]', `${userProd}\n`),
            entry('profile:prod', '[profile prod]', userProd),
            entry('sso-session:corp', '[sso-session corp]', userSession)
          ]
        })
      )
      // an unrelated run of the action writes and reverts its own profile
      const edits = await mergeConfigFile(file, [profile('job-a'), session])
      const res = await revertConfigFile(file, edits)
      expect(res.conflicts).toEqual([])
      expect(await fs.readFile(file, 'utf8')).toBe(before)
      // not read, not rewritten, not removed: it is not the action's to interpret
      expect(await fs.readFile(planted, 'utf8')).toContain('profile:prod')
    })

    test('B reverts first: nothing is kept, A then removes the section it added', async () => {
      const file = path.join(tmp, '.aws', 'config')
      const a = await mergeConfigFile(file, [profile('job-a'), session])
      const b = await mergeConfigFile(file, [profile('job-b'), session])
      const rb = await revertConfigFile(file, b)
      expect(rb.kept).toEqual([])
      const ra = await revertConfigFile(file, a)
      expect(ra).toMatchObject({ conflicts: [], kept: [], deletedFile: true })
    })

    test('a profile the user already had pointing at the session does not keep it (pure round trip)', () => {
      const before = '[profile mine]\nsso_session = my-sso\n'
      const up = upsertSections(before, [profile('job-a'), session])
      const res = revertSectionsDetailed(up.text, up.edits)
      expect(res.kept).toEqual([])
      expect(res.text).toBe(before)
    })
  })
})

describe('thousands of sections (discover over a large organization)', () => {
  const many = (n: number, prefix = 'team') => [
    ...Array.from({ length: n }, (_, i) =>
      renderProfileSection({
        name: `${prefix}-${i}.ReadOnly`,
        ssoSession: 'my-sso',
        accountId: String(300000000000 + i),
        roleName: 'ReadOnly',
        region: 'eu-west-1'
      })
    ),
    renderSsoSessionSection({
      name: 'my-sso',
      ssoRegion: 'us-east-1',
      startUrl: 'https://my-sso-portal.awsapps.com/start',
      registrationScopes: ['sso:account:access']
    })
  ]
  const user =
    '# mine\n[default]\nregion = us-east-1\n\n[profile team-7.ReadOnly]\nregion = ap-south-1\n[profile kept]\noutput = text'

  test("2,001 sections into a file with the user's own: merged on one parse, reverted byte for byte, each in well under a second", () => {
    const sections = many(2000)
    let t = performance.now()
    const r = upsertSections(user, sections)
    const upsertMs = performance.now() - t
    expect(r.edits.filter((e) => e.kind === 'added')).toHaveLength(2000)
    expect(
      r.edits.filter((e) => e.kind === 'replaced').map((e) => e.header)
    ).toEqual(['[profile team-7.ReadOnly]'])
    const view = readConfig(r.text)
    expect(Object.keys(view.profiles)).toHaveLength(2002)
    expect(view.profiles.kept).toEqual({ output: 'text' })
    expect(view.profiles['team-1999.ReadOnly']).toEqual({
      sso_session: 'my-sso',
      sso_account_id: '300000001999',
      sso_role_name: 'ReadOnly',
      region: 'eu-west-1'
    })
    t = performance.now()
    expect(revertSections(r.text, r.edits)).toBe(user)
    const revertMs = performance.now() - t
    // One-by-one, the merge alone reparsed the growing file 2,001 times (~10 s); the bounds leave room for a loaded machine.
    expect({ upsertMs: upsertMs < 3000, revertMs: revertMs < 3000 }).toEqual({
      upsertMs: true,
      revertMs: true
    })
  })

  test("the same sections again (a second run in the same HOME): all replaced in place, reverted to the first run's file", () => {
    const first = upsertSections(user, many(500))
    const second = upsertSections(first.text, many(500))
    expect(second.text).toBe(first.text)
    expect(second.edits.every((e) => e.kind === 'replaced')).toBe(true)
    expect(revertSections(second.text, second.edits)).toBe(first.text)
    expect(revertSections(first.text, first.edits)).toBe(user)
  })
})
