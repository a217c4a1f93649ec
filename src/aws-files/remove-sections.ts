/**
 * Remove what the CLI wrote to the config for one sso-session, for `--sign-out` (the CLI keeps no record of its edits):
 * the `[profile NAME]` whose `sso_session` is that session, and the `[sso-session NAME]` section once no profile uses
 * it. Under the config's lock, atomic; every other byte of the file stays.
 */
import { pathWord } from './process-profile.js'
import { parseStructure, type SectionBlock } from './ini-structure.js'
import { profilesUsingSession } from './config-edit.js'
import { readIfExists, removeIfExists, writeFileAtomic } from './atomic.js'
import { withLock } from './lock.js'

export interface SessionSection {
  ssoRegion?: string
  startUrl?: string
  scopes?: string[]
}

export interface RemovedSections {
  /** Headers of the sections removed (or, with dryRun, that would be). */
  removed: string[]
  /** What the `[sso-session NAME]` section said, if there was one. */
  session?: SessionSection
}

function withoutBlocks(text: string, blocks: SectionBlock[]): string {
  let out = text
  for (const b of [...blocks].sort((x, y) => y.start - x.start)) {
    // The blank lines before the section go with it (the separator put in front of an appended section); at the top
    // of the file, the blank lines after it instead.
    let start = b.start
    let end = b.end
    const before = /(?:[ \t]*\r?\n)+$/.exec(out.slice(0, start))
    if (before) {
      const own =
        before.index > 0 ? /^[ \t]*\r?\n/.exec(before[0])![0].length : 0
      start -= before[0].length - own
    }
    if (start === 0) {
      const after = /^(?:[ \t]*\r?\n)+/.exec(out.slice(end))
      if (after) end += after[0].length
    }
    out = out.slice(0, start) + out.slice(end)
  }
  return out
}

function sessionOf(
  block: SectionBlock | undefined
): SessionSection | undefined {
  if (!block) return undefined
  const scopes = block.options
    .get('sso_registration_scopes')
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  return {
    ssoRegion: block.options.get('sso_region')?.trim() || undefined,
    startUrl: block.options.get('sso_start_url')?.trim() || undefined,
    ...(scopes?.length ? { scopes } : {})
  }
}

export async function removeConfigSections(
  configFile: string,
  ssoSession: string,
  profile: string,
  opts: { dryRun?: boolean } = {}
): Promise<RemovedSections> {
  const plan = (text: string) => {
    const structure = parseStructure(text)
    const profileBlocks = structure.sections.filter(
      (s) =>
        s.key === `profile:${profile}` &&
        s.options.get('sso_session') === ssoSession
    )
    const sessionBlocks = structure.sections.filter(
      (s) => s.key === `sso-session:${ssoSession}`
    )
    const users = profilesUsingSession(structure, ssoSession).filter(
      (k) => !profileBlocks.some((b) => b.key === k)
    )
    const blocks = [
      ...profileBlocks,
      ...(users.length === 0 ? sessionBlocks : [])
    ]
    return {
      blocks,
      session: sessionOf(sessionBlocks[sessionBlocks.length - 1]),
      removed: blocks.map((b) => `[${b.name.trim()}]`)
    }
  }
  if (opts.dryRun) {
    const text = await readIfExists(configFile)
    if (text === undefined) return { removed: [] }
    const { session, removed } = plan(text)
    return { removed, ...(session ? { session } : {}) }
  }
  if ((await readIfExists(configFile)) === undefined) return { removed: [] }
  return withLock(configFile, async () => {
    const text = await readIfExists(configFile)
    if (text === undefined) return { removed: [] }
    const { blocks, session, removed } = plan(text)
    if (blocks.length > 0) {
      const out = withoutBlocks(text, blocks)
      if (out.trim() === '') await removeIfExists(configFile)
      else await writeFileAtomic(configFile, out, { mode: 0o600 })
    }
    return { removed, ...(session ? { session } : {}) }
  })
}

/**
 * credential-server: remove the `[profile NAME]` sections (NAME in `profiles`) whose credential_process asks the server
 * of `serverFile` (the CLI's `--sign-out` after a `--credential-server` sign-in); a profile of the same name that asks
 * anything else is the user's and stays. Under the config's lock, atomic.
 */
export async function removeServedProfiles(
  configFile: string,
  serverFile: string,
  profiles: readonly string[]
): Promise<string[]> {
  if ((await readIfExists(configFile)) === undefined) return []
  return withLock(configFile, async () => {
    const text = await readIfExists(configFile)
    if (text === undefined) return []
    const blocks = parseStructure(text).sections.filter(
      (s) =>
        profiles.some((p) => s.key === `profile:${p}`) &&
        ` ${s.options.get('credential_process') ?? ''} `.includes(
          ` --server-file ${pathWord(serverFile)} `
        )
    )
    if (blocks.length > 0) {
      const out = withoutBlocks(text, blocks)
      if (out.trim() === '') await removeIfExists(configFile)
      else await writeFileAtomic(configFile, out, { mode: 0o600 })
    }
    return blocks.map((b) => `[${b.name.trim()}]`)
  })
}
