/**
 * Byte-preserving edits of the AWS config file's text: the record of each edit (what undoing it needs), applying the
 * sections one after the other, and the check that an edit changes nothing else. Comments, blank lines, other
 * sections, nested `s3 =` blocks and the file's line endings stay as they are; a user's file is never re-serialised.
 * The planned edit ({@link upsertSections}) is in config-plan.ts, the undo in config-undo.ts; no file access here.
 */
import { isDeepStrictEqual } from 'node:util'
import {
  headerName,
  parseStructure,
  pyStrip,
  type IniStructure,
  type SectionBlock,
  sectionKey
} from './ini-structure.js'
import { normalizeHeader, type Eol, type SectionSpec } from './config-render.js'

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

/** How much text around a removed section its record keeps, to find the spot again. */
export const CONTEXT = 64

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

/** The text of section block `b`. */
export function blockText(text: string, b: SectionBlock): string {
  return text.slice(b.start, b.end)
}

/** The text's last line (its line ending aside) holds only whitespace. */
export function lastLineIsBlank(text: string): boolean {
  const withoutEol = text.endsWith('\n')
    ? text.slice(0, text.endsWith('\r\n') ? -2 : -1)
    : text
  const lastNl = withoutEol.lastIndexOf('\n')
  return pyStrip(withoutEol.slice(lastNl + 1)) === ''
}

/** Option names whose value differs between the two sections, or that only one has; sorted. */
export function changedKeys(
  before: Map<string, string>,
  after: Map<string, string>
): string[] {
  const keys = new Set([...before.keys(), ...after.keys()])
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort()
}

export const SSO_SESSION_PREFIX = 'sso-session:'

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

export interface UpsertStart {
  eol: Eol
  prepared: Prepared[]
  ours: Set<string>
  structure: IniStructure
  usedBefore: (key: string) => { usedBy?: string[] }
}

/** What both ways of editing need, and the refusals that come before any edit. */
export function beginUpsert(
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

/** Each section applied to the text the previous ones left, then checked ({@link checkUpsert}). */
export function editOneByOne(
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
 * The safety net of {@link upsertSections}: the edit must not change how botocore reads anything else, and ours must
 * read back whole. Throws (with the reason) when it fails.
 */
export function checkUpsert(
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
