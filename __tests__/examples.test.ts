/**
 * examples/ (complete workflows for GitHub Actions, GitLab CI and Jenkins) and the README snippets taken from them:
 * scripts/check-examples.ts, which `.ci/run` also runs on its own.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  checkExamples,
  checkSnippets,
  cliInvocations
} from '../scripts/check-examples.js'

test('every example parses, names only real inputs and flags, and every README snippet marked as from one matches it', () => {
  expect(checkExamples()).toEqual([])
})

describe('the check finds what it is for', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'icl-examples-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  mkdirSync(path.join(root, 'examples', 'github'), { recursive: true })
  mkdirSync(path.join(root, 'examples', 'gitlab'), { recursive: true })
  writeFileSync(
    path.join(root, 'examples', 'github', 'a.yml'),
    [
      'jobs:',
      '  a:',
      '    steps:',
      '      - uses: org/identity-center-login@v1',
      '        with:',
      '          start-url: https://x.awsapps.com/start',
      '          sign-out-erly: true',
      ''
    ].join('\n')
  )
  writeFileSync(
    path.join(root, 'examples', 'gitlab', '.gitlab-ci.yml'),
    [
      'a:',
      '  script:',
      '    - creds="$(identity-center-login --start-url https://x.awsapps.com/start --acount-id 1)" || exit $?',
      ''
    ].join('\n')
  )
  writeFileSync(
    path.join(root, 'README.md'),
    [
      '<!-- example: examples/github/a.yml -->',
      '```yaml',
      'jobs:',
      '  b:',
      '```',
      ''
    ].join('\n')
  )
  const problems = checkExamples(root)

  test('a with: key that is not an input, and another owner than your-org/', () => {
    expect(problems).toContain(
      'examples/github/a.yml: job a: "sign-out-erly" is not an input of the action'
    )
    expect(problems).toContain(
      'examples/github/a.yml: job a: uses org/identity-center-login@v1, not your-org/identity-center-login@…'
    )
  })

  test('a CLI flag that does not exist, and a sign-in left on the machine', () => {
    expect(problems).toContain(
      'examples/gitlab/.gitlab-ci.yml: --acount-id is not a flag of the CLI'
    )
    expect(problems.join('\n')).toMatch(/without --sign-out-early/)
  })

  test('a README snippet that is not a part of its example', () => {
    expect(problems.join('\n')).toMatch(
      /the snippet marked as from examples\/github\/a.yml \(starting "jobs:"\) is not a part of that file/
    )
    const ok: string[] = []
    expect(
      checkSnippets(
        '<!-- example: examples/github/a.yml -->\n```yaml\n  a:\n    steps:\n```\n',
        root,
        ok
      )
    ).toBe(1)
    expect(ok).toEqual([])
  })

  test('CLI invocations: npx, a path, a quoted path; not a URL or a tarball name', () => {
    expect(
      cliInvocations(
        'npx --yes identity-center-login@1 --start-url X --no-keep-session && aws --profile p'
      )
    ).toEqual([['--start-url', '--no-keep-session']])
    expect(
      cliInvocations('"$T/.bin/identity-center-login" \\\n  --format env')
    ).toEqual([['--format']])
    expect(
      cliInvocations(
        'curl -o x https://github.com/your-org/identity-center-login/releases/download/v1/identity-center-login-1.tgz --fail'
      )
    ).toEqual([])
  })
})
