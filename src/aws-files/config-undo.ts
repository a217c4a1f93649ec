/**
 * Undoing config edits on the text: sections we added are removed, those we replaced or removed are put back, only
 * where ours still reads exactly as written; an `[sso-session]` section another job's profile still uses is kept.
 */
import {
  headerName,
  parseStructure,
  pyStrip,
  sectionKey
} from './ini-structure.js'
import {
  SSO_SESSION_PREFIX,
  blockText,
  detectEol,
  lastLineIsBlank,
  profilesUsingSession,
  type AddedEdit,
  type SectionEdit
} from './config-edit.js'

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
