/**
 * The README's examples for other CI systems are copied as they are: each one that signs in must also end the
 * approver's sign-in in the job (--sign-out-early, or --sign-out in after_script / post), or a shared agent keeps it
 * for every later job running as the same user until it expires.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const readme = readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md'),
  'utf8'
)

/** The fenced code blocks of the README section `## title`. */
function blocksOf(title: string): string[] {
  const start = readme.indexOf(`\n## ${title}\n`)
  expect(start).toBeGreaterThan(-1)
  const end = readme.indexOf('\n## ', start + 1)
  const section = readme.slice(start, end === -1 ? undefined : end)
  return [...section.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1])
}

test('every CLI example that signs in also signs out in the job (GitLab, Jenkins)', () => {
  const blocks = blocksOf('Any other CI: the CLI')
  // The local try-out signs in against the emulator with a throwaway HOME (mktemp -d): no shared agent keeps anything.
  const signingIn = blocks.filter(
    (b) => b.includes('--start-url') && !/HOME="\$\(mktemp -d\)"/.test(b)
  )
  expect(signingIn.length).toBeGreaterThanOrEqual(3)
  for (const block of signingIn) {
    const early = /--sign-out-early\b/.test(block)
    const atEnd =
      /(after_script:|post\s*\{)[\s\S]*identity-center-login@1 --sign-out(?!-)/.test(
        block
      )
    if (!early && !atEnd)
      throw new Error(`an example keeps the sign-in:\n${block}`)
  }
})

test('an example that signs out at the end names the same sso-session and profile it signed in with', () => {
  for (const block of blocksOf('Any other CI: the CLI')) {
    const signOut = /identity-center-login@1 --sign-out(?!-)([^'\n]*)/.exec(
      block
    )
    if (!signOut) continue
    const session = /--sso-session (\S+)/.exec(signOut[1])?.[1]
    const profile = /--profile (\S+)/.exec(signOut[1])?.[1]
    expect(session).toBeDefined()
    expect(block).toContain(`--sso-session ${session} --profile ${profile}`)
    expect(
      block.split(`--sso-session ${session}`).length - 1
    ).toBeGreaterThanOrEqual(2)
  }
})
