/**
 * {@link upsertSections}: the config edit planned on one parse of the file, with the one-by-one edit (config-edit.ts)
 * as the reference it must equal and the way for files it cannot plan.
 */
import type { IniStructure } from './ini-structure.js'
import { parseStructure } from './ini-structure.js'
import type { Eol, SectionSpec } from './config-render.js'
import {
  CONTEXT,
  beginUpsert,
  changedKeys,
  checkUpsert,
  editOneByOne,
  lastLineIsBlank,
  type SectionEdit,
  type UpsertResult,
  type UpsertStart
} from './config-edit.js'

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
