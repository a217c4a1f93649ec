/**
 * Section-level editing of the AWS shared config file (`~/.aws/config`) that keeps every other byte:
 * comments, blank lines, other sections, nested `s3 =` blocks and the file's line endings.
 * We never re-serialise a user's file with an INI library.
 *
 * Pure functions over text ({@link upsertSections}, {@link revertSections}) plus file wrappers that lock,
 * read, edit and replace the file atomically ({@link mergeConfigFile}, {@link revertConfigFile}).
 */
import { isDeepStrictEqual } from 'node:util'
import {
  readIfExists,
  removeIfExists,
  withLock,
  writeFileAtomic
} from './atomic.js'
import {
  headerName,
  parseStructure,
  pyStrip,
  type IniStructure,
  type SectionBlock,
  sectionKey
} from './ini-structure.js'

export interface ProfileSectionSpec {
  /** Profile name; `default` is written as `[default]`. */
  name: string
  ssoSession: string
  accountId: string
  roleName: string
  /** Default client region; omitted when empty, like `aws configure sso`. */
  region?: string
  /** Output format; omitted when empty. */
  output?: string
  /**
   * legacy-sso-profile: the session's start URL and region repeated in the profile (same values as the sso-session,
   * which botocore and the JS SDK check), for SDKs that predate `[sso-session]`. Absent: the profile `aws configure sso` writes.
   */
  legacy?: { startUrl: string; ssoRegion: string }
}

export interface SsoSessionSpec {
  name: string
  ssoRegion: string
  startUrl: string
  /** Written comma-joined; the line is omitted when empty. */
  registrationScopes: string[]
}

/** One section to write: the header line (`[profile x]`, brackets optional) and its body lines. */
export interface SectionSpec {
  header: string
  body: string[]
}

export type Eol = '\n' | '\r\n'

interface EditBase {
  /** Index of the section in the `upsertSections` call this edit came from. */
  group: number
  /** The header line we wrote, e.g. `[profile my-dev-profile]`. */
  header: string
  /** botocore's identity of the section (`profile:my-dev-profile`, `sso-session:my-sso`). */
  key: string
}

/** We appended a section that did not exist. Undo: remove `written` and the `separator` we put before it. */
export interface AddedEdit extends EditBase {
  kind: 'added'
  /** The exact text we wrote (header through the last body line, each line ended). */
  written: string
  /**
   * What we inserted before `written`: a line ending to terminate an unterminated last line
   * (`addedNewline`) and/or one blank line.
   */
  separator: string
  addedNewline: boolean
  /**
   * For an `[sso-session NAME]` section: the profiles (section keys) that already had `sso_session = NAME` before we
   * added it. Any other profile that uses it at revert time came later (another job on the runner): the section is kept.
   */
  usedBy?: string[]
}

/** We replaced an existing section. Undo: put `original` back where `written` is. */
export interface ReplacedEdit extends EditBase {
  kind: 'replaced'
  written: string
  /** The exact text of the section before (header through its last non-blank, non-comment line). */
  original: string
  /** Option names whose value we changed, added or dropped (names only, never values). */
  changedKeys: string[]
}

/** We deleted a second section with the same identity (botocore would let it override ours). */
export interface RemovedEdit extends EditBase {
  kind: 'removed'
  original: string
  /** Where it was (in the text as it was just before this removal) and the text around that spot. */
  offset: number
  before: string
  after: string
}

/** The file did not exist and we created it (file-level only; pure functions ignore it). */
export interface CreatedFileEdit {
  kind: 'created-file'
  group: -1
  file: string
}

export type SectionEdit =
  AddedEdit | ReplacedEdit | RemovedEdit | CreatedFileEdit

export interface UpsertResult {
  text: string
  edits: SectionEdit[]
}

export interface RevertConflict {
  edit: SectionEdit
  reason: string
}

/** A section we added and would have removed, kept because a profile that came later still uses it. */
export interface KeptSection {
  edit: AddedEdit
  /** The profiles (section keys, e.g. `profile:job-b`) that use it. */
  usedBy: string[]
  reason: string
}

export interface RevertResult {
  text: string
  /** Edits that could not be undone because the section changed since we wrote it (left alone). */
  conflicts: RevertConflict[]
  /** Sections left in place because another profile still uses them (see {@link AddedEdit.usedBy}). */
  kept: KeptSection[]
  /** How many edits were undone. */
  reverted: number
}

const NAME_RE = /^[\w\-@+.%:/]+$/
const CONTEXT = 64

/** Refuse a profile / session name that botocore or the JS SDK would read back differently. */
export function validateName(what: string, name: string): void {
  // Both the JS SDK (`[\w-@+.%:/]+` after the prefix) and botocore (shlex) read such names back as-is.
  if (!NAME_RE.test(name))
    throw new Error(
      `invalid ${what} name ${JSON.stringify(name)}: use letters, digits and - _ @ + . % : /`
    )
}

/** Refuse a value that would not read back as one word (empty, spaces, line breaks, a leading comment character). */
export function validateValue(key: string, value: string): void {
  if (!/^\S+$/.test(value) || /^[#;]/.test(value)) {
    throw new Error(
      `invalid value for ${key}: ${JSON.stringify(value)} (must be non-empty, without spaces or line breaks)`
    )
  }
}

/** The section `aws configure sso` writes for a profile. */
export function renderProfileSection(profile: ProfileSectionSpec): SectionSpec {
  validateName('profile', profile.name)
  validateName('sso-session', profile.ssoSession)
  const body: string[] = []
  const add = (k: string, v: string | undefined, optional = false) => {
    if (optional && (v === undefined || v === '')) return
    validateValue(k, v ?? '')
    body.push(`${k} = ${v}`)
  }
  add('sso_session', profile.ssoSession)
  if (profile.legacy) {
    add('sso_start_url', profile.legacy.startUrl)
    add('sso_region', profile.legacy.ssoRegion)
  }
  add('sso_account_id', profile.accountId)
  add('sso_role_name', profile.roleName)
  add('region', profile.region, true)
  add('output', profile.output, true)
  return {
    header:
      profile.name === 'default' ? '[default]' : `[profile ${profile.name}]`,
    body
  }
}

/** A profile that assumes a role from another profile's credentials (botocore / the JS SDK refresh it themselves). */
export interface AssumeRoleProfileSpec {
  name: string
  roleArn: string
  sourceProfile: string
  roleSessionName: string
  durationSeconds: number
  externalId?: string
  region?: string
  output?: string
}

/** `[profile NAME]` with role_arn + source_profile (+ role_session_name, duration_seconds, external_id): no session policy can be written here. */
export function renderAssumeRoleProfileSection(
  profile: AssumeRoleProfileSpec
): SectionSpec {
  validateName('profile', profile.name)
  validateName('profile', profile.sourceProfile)
  const body: string[] = []
  const add = (k: string, v: string | undefined) => {
    if (v === undefined || v === '') return
    validateValue(k, v)
    body.push(`${k} = ${v}`)
  }
  add('role_arn', profile.roleArn)
  add('source_profile', profile.sourceProfile)
  add('role_session_name', profile.roleSessionName)
  add('duration_seconds', String(profile.durationSeconds))
  add('external_id', profile.externalId)
  add('region', profile.region)
  add('output', profile.output)
  return {
    header:
      profile.name === 'default' ? '[default]' : `[profile ${profile.name}]`,
    body
  }
}

/** The `[sso-session NAME]` section `aws configure sso` writes. */
export function renderSsoSessionSection(session: SsoSessionSpec): SectionSpec {
  validateName('sso-session', session.name)
  validateValue('sso_region', session.ssoRegion)
  validateValue('sso_start_url', session.startUrl)
  const body = [
    `sso_region = ${session.ssoRegion}`,
    `sso_start_url = ${session.startUrl}`
  ]
  if (session.registrationScopes.length > 0) {
    for (const s of session.registrationScopes)
      validateValue('sso_registration_scopes', s.replace(/,/g, ' '))
    body.push(
      `sso_registration_scopes = ${session.registrationScopes.join(',')}`
    )
  }
  return { header: `[sso-session ${session.name}]`, body }
}

/** The section as text with the given line ending (every line ended). */
export function sectionText(section: SectionSpec, eol: Eol = '\n'): string {
  return [normalizeHeader(section.header), ...section.body]
    .map((l) => l + eol)
    .join('')
}

function normalizeHeader(header: string): string {
  const h = pyStrip(header)
  return h.startsWith('[') ? h : `[${h}]`
}

/** The line ending the text already uses (its first one), else `fallback`. */
export function detectEol(text: string, fallback: Eol = '\n'): Eol {
  const nl = text.indexOf('\n')
  if (nl === -1) return fallback
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n'
}

function prepare(section: SectionSpec): { header: string; key: string } {
  const header = normalizeHeader(section.header)
  const name = headerName(header)
  if (name === undefined || header.includes('\n') || header.includes('\r'))
    throw new Error(`invalid section header ${JSON.stringify(section.header)}`)
  for (const line of section.body) {
    if (/[\r\n]/.test(line))
      throw new Error(`section ${header}: a body line contains a line break`)
  }
  return { header, key: sectionKey(name) }
}

function blockText(text: string, b: SectionBlock): string {
  return text.slice(b.start, b.end)
}

function lastLineIsBlank(text: string): boolean {
  const withoutEol = text.endsWith('\n')
    ? text.slice(0, text.endsWith('\r\n') ? -2 : -1)
    : text
  const lastNl = withoutEol.lastIndexOf('\n')
  return pyStrip(withoutEol.slice(lastNl + 1)) === ''
}

function changedKeys(
  before: Map<string, string>,
  after: Map<string, string>
): string[] {
  const keys = new Set([...before.keys(), ...after.keys()])
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort()
}

const SSO_SESSION_PREFIX = 'sso-session:'

/** Keys of the profile sections whose `sso_session` is `name`. */
export function profilesUsingSession(
  text: string | IniStructure,
  name: string
): string[] {
  return (typeof text === 'string' ? parseStructure(text) : text).sections
    .filter(
      (s) =>
        s.key.startsWith('profile:') && s.options.get('sso_session') === name
    )
    .map((s) => s.key)
}

function othersView(structure: IniStructure, ours: Set<string>): unknown {
  return structure.sections
    .filter((s) => !ours.has(s.key))
    .map((s) => [s.name, [...s.options]])
}

type Prepared = { header: string; key: string }

/**
 * Replace each section (matched the way botocore matches: `[profile  x ]`, `[profile "x"]`, and `[default]`
 * for `default`) or append it after one blank line. Other bytes stay as they are; new lines use the file's
 * line ending. Returns the new text and the edits needed to undo it ({@link revertSections}).
 * Throws (changing nothing) if an edit would change how botocore reads any other section.
 *
 * The edits are the ones of applying the sections one after the other, each to the text the previous ones left.
 * For a file whose section headers all start their line (what every AWS tool writes) that is planned on one parse
 * of the file ({@link planUpsert}): thousands of sections cost one parse, not one each.
 */
export function upsertSections(
  text: string,
  sections: SectionSpec[],
  opts: { defaultEol?: Eol } = {}
): UpsertResult {
  const start = beginUpsert(text, sections, opts)
  if (headersStartLines(start.structure)) {
    const planned = planUpsert(text, sections, start)
    try {
      checkUpsert(start.structure, planned.text, planned.edits, start.ours)
      return planned
    } catch {
      // Not expected (the plan is exact for such files); the one-by-one edit decides, and says why it refuses.
    }
  }
  return editOneByOne(text, sections, start)
}

/**
 * {@link upsertSections} the plain way: each section applied to the text the previous ones left, parsing it again
 * each time (quadratic in the number of sections). The reference the planned edit is tested against, and the way
 * for files with indented section headers.
 */
export function upsertSectionsOneByOne(
  text: string,
  sections: SectionSpec[],
  opts: { defaultEol?: Eol } = {}
): UpsertResult {
  return editOneByOne(text, sections, beginUpsert(text, sections, opts))
}

interface UpsertStart {
  eol: Eol
  prepared: Prepared[]
  ours: Set<string>
  structure: IniStructure
  usedBefore: (key: string) => { usedBy?: string[] }
}

/** What both ways of editing need, and the refusals that come before any edit. */
function beginUpsert(
  text: string,
  sections: SectionSpec[],
  opts: { defaultEol?: Eol }
): UpsertStart {
  const eol = detectEol(text, opts.defaultEol ?? '\n')
  const prepared = sections.map(prepare)
  const ours = new Set<string>()
  for (const p of prepared) {
    if (ours.has(p.key)) throw new Error(`section ${p.header} is listed twice`)
    ours.add(p.key)
  }
  // A section we would replace must not hide an indented header line (a continuation for botocore, a section of its
  // own for the JS SDK): replacing the block would delete what another reader sees as a separate section.
  const structure = parseStructure(text)
  for (const block of structure.sections.filter((b) => ours.has(b.key))) {
    for (let i = block.headerLine + 1; i <= block.lastLine; i++) {
      const name =
        structure.kinds[i] === 'continuation'
          ? headerName(pyStrip(structure.lines[i].content))
          : undefined
      if (name !== undefined) {
        throw new Error(
          `refusing to edit the AWS config file: line ${i + 1} is an indented [${name}] that botocore reads as part of a value and other readers as a section (unusual indentation?)`
        )
      }
    }
  }
  const usedBefore = (key: string) =>
    key.startsWith(SSO_SESSION_PREFIX)
      ? {
          usedBy: profilesUsingSession(
            structure,
            key.slice(SSO_SESSION_PREFIX.length)
          )
        }
      : {}
  return { eol, prepared, ours, structure, usedBefore }
}

function editOneByOne(
  text: string,
  sections: SectionSpec[],
  { eol, prepared, ours, structure, usedBefore }: UpsertStart
): UpsertResult {
  const edits: SectionEdit[] = []
  let out = text
  sections.forEach((section, group) => {
    const { header, key } = prepared[group]
    const written = [header, ...section.body].map((l) => l + eol).join('')
    const matches = parseStructure(out).sections.filter((s) => s.key === key)
    if (matches.length === 0) {
      let separator = ''
      let addedNewline = false
      if (out !== '') {
        const blank = lastLineIsBlank(out)
        if (!out.endsWith('\n')) {
          separator += eol
          addedNewline = true
        }
        if (!blank) separator += eol
      }
      out = out + separator + written
      edits.push({
        kind: 'added',
        group,
        header,
        key,
        written,
        separator,
        addedNewline,
        ...usedBefore(key)
      })
      return
    }
    // Later duplicates first (so earlier offsets stay valid), then the first one is replaced.
    for (const dup of matches.slice(1).reverse()) {
      edits.push({
        kind: 'removed',
        group,
        header,
        key,
        original: blockText(out, dup),
        offset: dup.start,
        before: out.slice(Math.max(0, dup.start - CONTEXT), dup.start),
        after: out.slice(dup.end, dup.end + CONTEXT)
      })
      out = out.slice(0, dup.start) + out.slice(dup.end)
    }
    const first = matches[0]
    const original = blockText(out, first)
    const mine = parseStructure(written).sections[0]
    edits.push({
      kind: 'replaced',
      group,
      header,
      key,
      written,
      original,
      changedKeys: changedKeys(first.options, mine?.options ?? new Map())
    })
    out = out.slice(0, first.start) + written + out.slice(first.end)
  })
  checkUpsert(structure, out, edits, ours)
  return { text: out, edits }
}

/**
 * Every section header starts its line. A header line at column 0 is always a header (never a continuation), and
 * the parse after it does not depend on what came before: editing one section then cannot change how any other
 * section of the file parses, so all edits can be planned on the one parse of the file.
 */
function headersStartLines(structure: IniStructure): boolean {
  return structure.sections.every((b) =>
    structure.lines[b.headerLine].content.startsWith('[')
  )
}

/**
 * The edits {@link upsertSections} makes one section after the other, planned on one parse of `text`: the file's
 * blocks with the replacements and removals so far (by block), plus what was appended. The text as it is at some
 * step is built only where an edit needs it (a removal records the text around it; the first append looks at how
 * the text ends), and once at the end.
 */
function planUpsert(
  text: string,
  sections: SectionSpec[],
  { eol, prepared, structure, usedBefore }: UpsertStart
): UpsertResult {
  let base = text
  const blocks = structure.sections.map((b) => ({
    start: b.start,
    end: b.end,
    options: b.options
  }))
  const byKey = new Map<string, number[]>()
  structure.sections.forEach((b, i) => {
    const list = byKey.get(b.key)
    if (list) list.push(i)
    else byKey.set(b.key, [i])
  })
  /** Block index → what stands there now ('' once removed). */
  const patched = new Map<number, string>()
  const appended: string[] = []
  /** The text as it is now, and where block `track` starts in it. */
  const current = (track = -1): { text: string; at: number } => {
    const parts: string[] = []
    let pos = 0
    let length = 0
    let at = -1
    blocks.forEach((b, i) => {
      if (i === track) at = length + (b.start - pos)
      const replacement = patched.get(i)
      if (replacement === undefined) return
      parts.push(base.slice(pos, b.start), replacement)
      length += b.start - pos + replacement.length
      pos = b.end
    })
    parts.push(base.slice(pos), ...appended)
    return { text: parts.join(''), at }
  }
  const edits: SectionEdit[] = []
  sections.forEach((section, group) => {
    const { header, key } = prepared[group]
    const written = [header, ...section.body].map((l) => l + eol).join('')
    const matches = byKey.get(key) ?? []
    if (matches.length === 0) {
      let separator = ''
      let addedNewline = false
      if (appended.length > 0) {
        separator = eol // what was appended ends with an option line and its line ending
      } else {
        const now = current().text
        if (now !== '') {
          const blank = lastLineIsBlank(now)
          if (!now.endsWith('\n')) {
            separator += eol
            addedNewline = true
            // That line ending now ends the file's last line, and with it the block that line belongs to.
            const last = blocks.length - 1
            if (
              last >= 0 &&
              blocks[last].end === base.length &&
              !patched.has(last)
            )
              blocks[last].end += eol.length
            base += eol
          }
          if (!blank) separator += eol
        }
      }
      appended.push(separator.slice(addedNewline ? eol.length : 0) + written)
      edits.push({
        kind: 'added',
        group,
        header,
        key,
        written,
        separator,
        addedNewline,
        ...usedBefore(key)
      })
      return
    }
    for (const dup of matches.slice(1).reverse()) {
      const { text: now, at } = current(dup)
      const length = blocks[dup].end - blocks[dup].start
      edits.push({
        kind: 'removed',
        group,
        header,
        key,
        original: base.slice(blocks[dup].start, blocks[dup].end),
        offset: at,
        before: now.slice(Math.max(0, at - CONTEXT), at),
        after: now.slice(at + length, at + length + CONTEXT)
      })
      patched.set(dup, '')
    }
    const first = blocks[matches[0]]
    const mine = parseStructure(written).sections[0]
    edits.push({
      kind: 'replaced',
      group,
      header,
      key,
      written,
      original: base.slice(first.start, first.end),
      changedKeys: changedKeys(first.options, mine?.options ?? new Map())
    })
    patched.set(matches[0], written)
  })
  return { text: current().text, edits }
}

/**
 * The safety net of {@link upsertSections}: the edit must not change how botocore reads anything else, and ours must
 * read back whole. Throws (with the reason) when it fails.
 */
function checkUpsert(
  inputStructure: IniStructure,
  out: string,
  edits: SectionEdit[],
  ours: Set<string>
): void {
  const outStructure = parseStructure(out)
  if (
    !isDeepStrictEqual(
      othersView(inputStructure, ours),
      othersView(outStructure, ours)
    )
  ) {
    throw new Error(
      'refusing to edit the AWS config file: the change would alter how other sections are read (unusual indentation?)'
    )
  }
  // An indented `[profile x]` line after an option is a continuation for botocore, but a header for the JS SDK: if it
  // names one of our sections and lines follow it, the JS SDK would read them into ours. Leave such a file alone.
  const headerAt = (i: number) =>
    headerName(pyStrip(outStructure.lines[i].content))
  for (const [i, kind] of outStructure.kinds.entries()) {
    if (kind !== 'continuation') continue
    const name = headerAt(i)
    if (name === undefined || !ours.has(sectionKey(name))) continue
    let j = i + 1
    while (
      j < outStructure.lines.length &&
      outStructure.kinds[j] !== 'header' &&
      headerAt(j) === undefined &&
      (outStructure.kinds[j] === 'blank' || outStructure.kinds[j] === 'comment')
    )
      j++
    const followed =
      j < outStructure.lines.length &&
      outStructure.kinds[j] !== 'header' &&
      headerAt(j) === undefined
    if (followed) {
      throw new Error(
        `refusing to edit the AWS config file: line ${i + 1} is an indented [${name}] that botocore reads as part of a value and other readers as a section (unusual indentation?)`
      )
    }
  }
  const byKey = new Map<string, SectionBlock[]>()
  for (const s of outStructure.sections) {
    const list = byKey.get(s.key)
    if (list) list.push(s)
    else byKey.set(s.key, [s])
  }
  for (const edit of edits) {
    if (edit.kind !== 'added' && edit.kind !== 'replaced') continue
    const found = byKey.get(edit.key) ?? []
    if (found.length !== 1 || blockText(out, found[0]) !== edit.written) {
      throw new Error(
        `refusing to edit the AWS config file: section ${edit.header} would not read back as written`
      )
    }
  }
}

/** `written` is one section of identity `key`: its header at the start, no other line that starts with `[`. */
function isOneBlock(written: string, key: string): boolean {
  const firstEol = written.indexOf('\n')
  const name = written.startsWith('[')
    ? headerName(
        pyStrip(written.slice(0, firstEol === -1 ? written.length : firstEol))
      )
    : undefined
  return (
    name !== undefined && sectionKey(name) === key && !written.includes('\n[')
  )
}

function undoOne(
  text: string,
  edit: SectionEdit
): { text: string } | { conflict: string } {
  if (edit.kind === 'created-file') return { text }
  // The common case, without parsing the file (a post step undoes thousands of sections newest first): a section we
  // added is still the file's last block exactly as written, our separator before it. Its header starts a line, so it
  // is a header whatever precedes it, and no other header follows it in what we wrote.
  if (
    edit.kind === 'added' &&
    text.endsWith(edit.separator + edit.written) &&
    isOneBlock(edit.written, edit.key)
  ) {
    const at = text.length - edit.written.length
    if (at === 0 || text[at - 1] === '\n')
      return { text: text.slice(0, at - edit.separator.length) }
  }
  if (edit.kind === 'removed') {
    const fits = (at: number) =>
      at >= 0 &&
      at <= text.length &&
      text.slice(at - edit.before.length, at) === edit.before &&
      text.slice(at, at + edit.after.length) === edit.after
    let at = fits(edit.offset) ? edit.offset : -1
    if (at === -1) {
      const needle = edit.before + edit.after
      const first = text.indexOf(needle)
      if (first !== -1 && text.indexOf(needle, first + 1) === -1)
        at = first + edit.before.length
    }
    if (at === -1)
      return {
        conflict:
          'cannot find where the duplicate section was: the text around it changed'
      }
    const pre = text.slice(0, at)
    const needsEol = pre !== '' && !pre.endsWith('\n')
    return {
      text:
        pre + (needsEol ? detectEol(text) : '') + edit.original + text.slice(at)
    }
  }
  const blocks = parseStructure(text).sections.filter(
    (s) => s.key === edit.key && blockText(text, s) === edit.written
  )
  if (blocks.length === 0) {
    const present = parseStructure(text).sections.some(
      (s) => s.key === edit.key
    )
    return {
      conflict: present
        ? `section ${edit.header} was changed since we wrote it`
        : `section ${edit.header} was removed since we wrote it`
    }
  }
  if (edit.kind === 'replaced') {
    const b = blocks[0]
    const rest = text.slice(b.end)
    const fix =
      rest !== '' && !edit.original.endsWith('\n')
        ? detectEol(edit.written)
        : ''
    return { text: text.slice(0, b.start) + edit.original + fix + rest }
  }
  // added
  const b = blocks[blocks.length - 1]
  const before = text.slice(0, b.start)
  const rest = text.slice(b.end)
  const blankPart = edit.separator.slice(
    edit.addedNewline ? (edit.separator.startsWith('\r\n') ? 2 : 1) : 0
  )
  if (rest === '' && before.endsWith(edit.separator)) {
    return { text: before.slice(0, before.length - edit.separator.length) }
  }
  // Something follows (or the text before changed): drop our blank line if it is still there, keep the rest.
  if (
    blankPart !== '' &&
    before.endsWith(blankPart) &&
    lastLineIsBlank(before) &&
    before.length > blankPart.length
  ) {
    return { text: before.slice(0, before.length - blankPart.length) + rest }
  }
  return { text: before + rest }
}

function revertOnce(
  text: string,
  edits: SectionEdit[],
  keep: Set<SectionEdit>
): Omit<RevertResult, 'kept'> & { undone: Set<SectionEdit> } {
  let out = text
  const conflicts: RevertConflict[] = []
  const skipGroups = new Set<number>()
  const undone = new Set<SectionEdit>()
  for (const edit of [...edits].reverse()) {
    if (edit.kind === 'created-file' || keep.has(edit)) continue
    if (skipGroups.has(edit.group)) {
      conflicts.push({
        edit,
        reason: `not restored because section ${edit.header} was changed since we wrote it`
      })
      continue
    }
    const r = undoOne(out, edit)
    if ('conflict' in r) {
      conflicts.push({ edit, reason: r.conflict })
      skipGroups.add(edit.group)
      continue
    }
    out = r.text
    undone.add(edit)
  }
  return { text: out, conflicts, reverted: undone.size, undone }
}

/** Added `[sso-session …]` sections that a profile which came after us still uses, in the text as reverted. */
function sectionsStillUsed(
  reverted: string,
  undone: Set<SectionEdit>
): KeptSection[] {
  const kept: KeptSection[] = []
  for (const edit of undone) {
    if (edit.kind !== 'added' || !edit.key.startsWith(SSO_SESSION_PREFIX))
      continue
    const name = edit.key.slice(SSO_SESSION_PREFIX.length)
    const before = new Set(edit.usedBy ?? [])
    const users = profilesUsingSession(reverted, name).filter(
      (k) => !before.has(k)
    )
    if (users.length === 0) continue
    const names = users
      .map((k) => `[${k.replace(/^profile:/, 'profile ')}]`)
      .join(', ')
    kept.push({
      edit,
      usedBy: users,
      reason: `${edit.header} kept: ${names} still has sso_session = ${name} (another job's profile, or one changed since this run wrote it)`
    })
  }
  return kept
}

/**
 * Undo `edits` (newest first): remove sections we added, restore those we replaced or removed, but only
 * where our section still reads exactly as we wrote it; anything changed since is left alone and reported.
 * An `[sso-session NAME]` section we added stays when a profile that was not there before us (another job's)
 * still has `sso_session = NAME`; it is reported in `kept`.
 * For any text T: `revertSectionsDetailed(upsertSections(T, S).text, edits).text === T`.
 */
export function revertSectionsDetailed(
  text: string,
  edits: SectionEdit[]
): RevertResult {
  const first = revertOnce(text, edits, new Set())
  const kept = sectionsStillUsed(first.text, first.undone)
  if (kept.length === 0)
    return {
      text: first.text,
      conflicts: first.conflicts,
      kept,
      reverted: first.reverted
    }
  const second = revertOnce(text, edits, new Set(kept.map((k) => k.edit)))
  // The line ending we added to end an unterminated last line stays in front of a kept section (a section follows it):
  // it becomes part of that section's separator, so that whoever removes the section later restores the text exactly.
  const terminator = edits.find(
    (e): e is AddedEdit =>
      e.kind === 'added' && e.addedNewline && second.undone.has(e)
  )
  for (const k of kept) {
    if (!terminator || k.edit.addedNewline) continue
    const nl = terminator.separator.startsWith('\r\n') ? '\r\n' : '\n'
    const block = parseStructure(second.text).sections.find(
      (b) =>
        b.key === k.edit.key && blockText(second.text, b) === k.edit.written
    )
    if (
      block &&
      second.text.slice(0, block.start).endsWith(nl + k.edit.separator)
    ) {
      k.edit = {
        ...k.edit,
        separator: nl + k.edit.separator,
        addedNewline: true
      }
    }
  }
  return {
    text: second.text,
    conflicts: second.conflicts,
    kept,
    reverted: second.reverted
  }
}

/** {@link revertSectionsDetailed}, returning only the text. */
export function revertSections(text: string, edits: SectionEdit[]): string {
  return revertSectionsDetailed(text, edits).text
}

export interface ConfigFileOptions {
  /** Lock wait (default 10 s). */
  lockTimeoutMs?: number
  /** Folder from which symlinks are refused (default: the `.aws` folder in the path, else the file's folder). */
  root?: string
  /** Line ending for a new or single-line file (default `\r\n` on Windows, like Python's text mode, else `\n`). */
  defaultEol?: Eol
  /**
   * mergeConfigFile only: called (under the lock) with the edits just before the file is replaced, so that a caller
   * killed mid-write has already recorded what to undo. The undo is safe if the write never lands: it only touches
   * sections that read exactly as written.
   */
  onBeforeWrite?: (edits: SectionEdit[]) => void
}

const platformEol: Eol = process.platform === 'win32' ? '\r\n' : '\n'

/**
 * Lock the config file, read it, upsert `sections`, and replace it atomically (0600 when we create it;
 * an existing file keeps its permission bits where tighter than 0600, a looser one is tightened).
 * Returns the edits to hand to {@link revertConfigFile}.
 */
export async function mergeConfigFile(
  configFile: string,
  sections: SectionSpec[],
  opts: ConfigFileOptions = {}
): Promise<SectionEdit[]> {
  return withLock(
    configFile,
    async () => {
      const current = await readIfExists(configFile, { root: opts.root })
      const { text, edits } = upsertSections(current ?? '', sections, {
        defaultEol: opts.defaultEol ?? platformEol
      })
      const all =
        current === undefined
          ? [
              {
                kind: 'created-file',
                group: -1,
                file: configFile
              } as SectionEdit,
              ...edits
            ]
          : edits
      opts.onBeforeWrite?.(all)
      if (current === undefined || text !== current)
        await writeFileAtomic(configFile, text, {
          root: opts.root,
          mode: 0o600
        })
      return all
    },
    { timeoutMs: opts.lockTimeoutMs }
  )
}

export interface RevertFileResult {
  conflicts: RevertConflict[]
  /**
   * Sections this run added but left in place because a profile it did not write (another job's) still uses them.
   * They stay: no record beside the config tells a later run to remove them, since anyone who can write ~/.aws could
   * plant such a record to make a post step delete a user's own section. An `[sso-session]` section holds no secret.
   */
  kept: KeptSection[]
  reverted: number
  /** The file was ours alone and is now empty, so it was deleted. */
  deletedFile: boolean
}

/** Lock the config file and undo `edits` (see {@link revertSectionsDetailed}); deletes a file we created if nothing else is left in it. */
export async function revertConfigFile(
  configFile: string,
  edits: SectionEdit[],
  opts: ConfigFileOptions = {}
): Promise<RevertFileResult> {
  return withLock(
    configFile,
    async () => {
      const current = await readIfExists(configFile, { root: opts.root })
      if (current === undefined) {
        const conflicts = edits
          .filter((e) => e.kind !== 'created-file')
          .map((edit) => ({ edit, reason: `${configFile} no longer exists` }))
        return { conflicts, kept: [], reverted: 0, deletedFile: false }
      }
      // Only this run's own record (its edits, from its post state) says what to undo: nothing read beside the config.
      const own = revertSectionsDetailed(current, edits)
      const created = edits.some((e) => e.kind === 'created-file')
      const result = {
        conflicts: own.conflicts,
        kept: own.kept,
        reverted: own.reverted
      }
      if (created && own.conflicts.length === 0 && own.text === '') {
        await removeIfExists(configFile, { root: opts.root })
        return { ...result, deletedFile: true }
      }
      if (own.text !== current)
        await writeFileAtomic(configFile, own.text, {
          root: opts.root,
          mode: 0o600
        })
      return { ...result, deletedFile: false }
    },
    { timeoutMs: opts.lockTimeoutMs }
  )
}
