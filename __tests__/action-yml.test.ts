import { readFileSync } from 'node:fs'
import { renderActionYml, renderReadmeTables } from '../scripts/action-yml.js'
import { INPUTS } from '../src/inputs/spec.js'

test('action.yml is generated from the INPUTS table (run npx tsx scripts/action-yml.ts)', () => {
  expect(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')).toBe(
    renderActionYml()
  )
})

test('action.yml keeps the input names of the issue and runs the bundle on node24 with a post step', () => {
  const text = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
  for (const name of [
    'start-url',
    'sso-region',
    'account-id',
    'role-name',
    'sso-session',
    'profile',
    'region',
    'output',
    'registration-scopes',
    'notify',
    'github-token',
    'export-credentials',
    'keep-session'
  ]) {
    expect(INPUTS.map((i) => i.name)).toContain(name)
    expect(text).toContain(`\n  ${name}:\n`)
  }
  expect(text).toContain("default: '${{ github.token }}'")
  expect(text).toMatch(
    /runs:\n {2}using: node24\n {2}main: dist\/index.js\n {2}post: dist\/post.js/
  )
})

test('the README input and output tables are generated from the same tables', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  expect(readme).toBe(renderReadmeTables(readme))
  for (const input of INPUTS) expect(readme).toContain(`| \`${input.name}\` |`)
})
