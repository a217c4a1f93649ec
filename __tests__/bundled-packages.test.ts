/** scripts/bundled-packages.mjs: the package@version list of dist/, from the lock file's resolution. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
// @ts-expect-error: a plain .mjs script without types
import * as script from '../scripts/bundled-packages.mjs'

const { bundledPackages, importedPackages, licensedNames } = script as {
  bundledPackages: (
    lock: unknown,
    licenses: string,
    roots: string[]
  ) => { list: string[]; missing: string[] }
  importedPackages: (root: string) => string[]
  licensedNames: (text: string) => Set<string>
}

const lock = {
  packages: {
    '': { devDependencies: { a: '^1', jest: '^30' } },
    'node_modules/a': { version: '1.0.0', dependencies: { b: '^2', c: '^1' } },
    'node_modules/a/node_modules/b': { version: '2.5.0' },
    'node_modules/b': { version: '1.9.0' },
    'node_modules/c': { version: '1.1.0', dependencies: { b: '^1' } },
    'node_modules/jest': { version: '30.0.0', dependencies: { d: '^1' } },
    'node_modules/d': { version: '1.0.0' },
    'node_modules/undeclared': { version: '7.2.0' }
  }
}

test('nested node_modules win over the hoisted copy, both versions listed when both are reached; dev tools are not', () => {
  const { list, missing } = bundledPackages(lock, 'a\nMIT\n', ['a'])
  expect(list).toEqual(['a@1.0.0', 'b@1.9.0', 'b@2.5.0', 'c@1.1.0'])
  expect(missing).toEqual([])
})

test('a package ncc bundled without a declared edge resolves to the hoisted copy; one not in the lock is reported', () => {
  const licenses = 'a\nMIT\ntext\n\nundeclared\nISC\n\nghost\nMIT\n'
  expect([...licensedNames(licenses)]).toEqual(['a', 'undeclared', 'ghost'])
  const { list, missing } = bundledPackages(lock, licenses, ['a'])
  expect(list).toContain('undeclared@7.2.0')
  expect(missing).toEqual(['ghost'])
})

test('the roots are the bare imports of src/, not node: builtins or relative paths', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'icl-bundled-'))
  try {
    mkdirSync(path.join(root, 'src', 'x'), { recursive: true })
    writeFileSync(
      path.join(root, 'src', 'x', 'm.ts'),
      "import fs from 'node:fs'\nimport { y } from './y.js'\nimport * as core from '@actions/core'\nconst s = await import('@aws-sdk/client-sso')\nimport { a } from 'undici/lib/x.js'\n"
    )
    expect(importedPackages(root)).toEqual([
      '@actions/core',
      '@aws-sdk/client-sso',
      'undici'
    ])
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})
