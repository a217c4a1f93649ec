/**
 * The CLI's --help speaks of the CLI: none of the action's words (its post step, `if: always()`, `secrets.`, job
 * outputs, a logout the CLI does not do). `npx tsx scripts/check-cli-help.ts` checks the bundled CLI's help
 * (`node dist/cli.js --help`, what users get) and exits 1 naming each word found; `.ci/run` runs it, and
 * __tests__/cli/help.test.ts checks the help built from the sources with the same list.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Words of the GitHub Action that mean nothing (or something false) in the CLI. */
export const ACTION_ONLY_WORDS: readonly string[] = [
  'post step',
  'if: always()',
  'secrets.',
  '${{',
  'needs.<job>',
  'outputs.session',
  'the output session',
  'logging out',
  'GITHUB_STATE',
  'GITHUB_ENV'
]

export function actionWordsIn(help: string): string[] {
  const flat = help.replace(/\s+/g, ' ')
  return ACTION_ONLY_WORDS.filter((w) => flat.includes(w))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const help = execFileSync(
    process.execPath,
    [path.join(root, 'dist', 'cli.js'), '--help'],
    { encoding: 'utf8' }
  )
  const found = actionWordsIn(help)
  for (const w of found)
    process.stderr.write(
      `dist/cli.js --help says "${w}", a word of the action, not of the CLI\n`
    )
  if (found.length) process.exit(1)
  process.stdout.write(
    'dist/cli.js --help carries none of the action-only words\n'
  )
}
