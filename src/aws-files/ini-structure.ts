/**
 * A read-only model of an AWS shared config file as botocore sees it: Python's
 * `configparser.RawConfigParser` line rules (section headers, `=`/`:` options, indented continuation
 * lines, full-line `#`/`;` comments) plus botocore's `raw_config_parse` (nested `s3 =` blocks) and
 * `build_profile_map` (which header is which profile / sso-session).
 *
 * It records where every section sits in the text so that the config edit (config-edit.ts, config-plan.ts) can
 * replace whole sections while leaving every other byte alone. Nothing here writes.
 */

export interface Line {
  /** Offset of the first character of the line. */
  start: number
  /** Offset just past the line's content (before its line ending). */
  contentEnd: number
  /** Offset just past the line ending (`\n`, `\r\n`, or nothing on the last line). */
  end: number
  content: string
  eol: '' | '\n' | '\r\n'
}

export type LineKind =
  'blank' | 'comment' | 'header' | 'option' | 'continuation' | 'error'

export interface SectionBlock {
  /** The raw header name as configparser reads it (text between `[` and the last `]`). */
  name: string
  /** botocore's identity of the section, see {@link sectionKey}. */
  key: string
  /** Index of the header line. */
  headerLine: number
  /** Index of the last line that is not blank or a comment, before the next header. */
  lastLine: number
  /** Text offsets of the block: header line through the line ending of `lastLine`. */
  start: number
  end: number
  /** Options as configparser reads them (names lowercased, multi-line values joined with `\n`). */
  options: Map<string, string>
}

export interface IniStructure {
  lines: Line[]
  kinds: LineKind[]
  sections: SectionBlock[]
  /** Lines botocore would reject (text before the first header, lines that are not `key = value`). */
  errors: number[]
}

/** Python's `str.strip()` whitespace set (which, unlike JS `trim()`, does not include U+FEFF). */
const PY_WS =
  ' \t\n\r\v\f\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000'

export function pyStrip(s: string): string {
  let a = 0
  let b = s.length
  while (a < b && PY_WS.includes(s[a])) a++
  while (b > a && PY_WS.includes(s[b - 1])) b--
  return s.slice(a, b)
}

function pyRstrip(s: string): string {
  let b = s.length
  while (b > 0 && PY_WS.includes(s[b - 1])) b--
  return s.slice(0, b)
}

/** Split text into lines, keeping exact offsets and line endings. A lone `\r` stays part of the content. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let pos = 0
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos)
    if (nl === -1) {
      lines.push({
        start: pos,
        contentEnd: text.length,
        end: text.length,
        content: text.slice(pos),
        eol: ''
      })
      break
    }
    const crlf = nl > pos && text[nl - 1] === '\r'
    const contentEnd = crlf ? nl - 1 : nl
    lines.push({
      start: pos,
      contentEnd,
      end: nl + 1,
      content: text.slice(pos, contentEnd),
      eol: crlf ? '\r\n' : '\n'
    })
    pos = nl + 1
  }
  return lines
}

/** POSIX `shlex.split` (no comments), as botocore uses on section names. Throws on an unclosed quote. */
export function shlexSplit(s: string): string[] {
  const out: string[] = []
  let cur = ''
  let inWord = false
  let i = 0
  const ws = ' \t\r\n'
  while (i < s.length) {
    const c = s[i]
    if (ws.includes(c)) {
      if (inWord) out.push(cur)
      cur = ''
      inWord = false
      i++
    } else if (c === "'") {
      inWord = true
      const close = s.indexOf("'", i + 1)
      if (close === -1) throw new Error('No closing quotation')
      cur += s.slice(i + 1, close)
      i = close + 1
    } else if (c === '"') {
      inWord = true
      i++
      for (;;) {
        if (i >= s.length) throw new Error('No closing quotation')
        const d = s[i]
        if (d === '"') {
          i++
          break
        }
        if (
          d === '\\' &&
          i + 1 < s.length &&
          (s[i + 1] === '"' || s[i + 1] === '\\')
        ) {
          cur += s[i + 1]
          i += 2
          continue
        }
        if (d === '\\' && i + 1 >= s.length)
          throw new Error('No escaped character')
        cur += d
        i++
      }
    } else if (c === '\\') {
      inWord = true
      if (i + 1 >= s.length) throw new Error('No escaped character')
      cur += s[i + 1]
      i += 2
    } else {
      inWord = true
      cur += c
      i++
    }
  }
  if (inWord) out.push(cur)
  return out
}

/**
 * botocore's identity of a section (`build_profile_map`):
 * `profile:<name>` for `[profile <name>]` (any whitespace or shell quoting) and for `[default]`,
 * `sso-session:<name>`, `services:<name>`; `invalid:<raw>` for a prefixed name botocore ignores;
 * `section:<raw>` for anything else.
 */
export function sectionKey(name: string): string {
  for (const prefix of ['profile', 'sso-session', 'services']) {
    if (name.startsWith(prefix)) {
      let parts: string[]
      try {
        parts = shlexSplit(name)
      } catch {
        return `invalid:${name}`
      }
      return parts.length === 2 ? `${prefix}:${parts[1]}` : `invalid:${name}`
    }
  }
  if (name === 'default') return 'profile:default'
  return `section:${name}`
}

/** configparser's SECTCRE `\[(?P<header>.+)\]` applied with `match` to the stripped line. */
export function headerName(stripped: string): string | undefined {
  if (!stripped.startsWith('[')) return undefined
  const close = stripped.lastIndexOf(']')
  if (close < 2) return undefined
  const name = stripped.slice(1, close)
  return name.includes('\n') ? undefined : name
}

/** configparser's OPTCRE: `(?P<option>.*?)\s*(?P<vi>[=:])\s*(?P<value>.*)$`. */
function matchOption(
  value: string
): { option: string; value: string } | undefined {
  const i = value.search(/[=:]/)
  if (i === -1) return undefined
  return {
    option: pyRstrip(value.slice(0, i)),
    value: pyStrip(value.slice(i + 1))
  }
}

/** Parse text the way botocore's configparser does, keeping positions. Never throws. */
export function parseStructure(text: string): IniStructure {
  const lines = splitLines(text)
  const kinds: LineKind[] = []
  const sections: SectionBlock[] = []
  const errors: number[] = []
  let cur:
    { block: SectionBlock; values: Map<string, string[] | null> } | undefined
  let optname: string | undefined
  let indentLevel = 0
  const finish = () => {
    if (!cur) return
    for (const [k, v] of cur.values)
      cur.block.options.set(k, v === null ? '' : pyRstrip(v.join('\n')))
  }
  lines.forEach((line, i) => {
    const stripped = pyStrip(line.content)
    if (stripped.startsWith('#') || stripped.startsWith(';')) {
      kinds.push('comment')
      return
    }
    if (stripped === '') {
      kinds.push('blank')
      // empty_lines_in_values: a blank line joins the current multi-line value.
      if (cur && optname) cur.values.get(optname)?.push('')
      return
    }
    const firstNonSpace = line.content.search(/\S/)
    const indent = firstNonSpace === -1 ? 0 : firstNonSpace
    if (cur && optname && indent > indentLevel) {
      kinds.push('continuation')
      cur.values.get(optname)?.push(stripped)
      if (cur) cur.block.lastLine = i
      return
    }
    indentLevel = indent
    const name = headerName(stripped)
    if (name !== undefined) {
      finish()
      const block: SectionBlock = {
        name,
        key: sectionKey(name),
        headerLine: i,
        lastLine: i,
        start: line.start,
        end: line.end,
        options: new Map()
      }
      sections.push(block)
      cur = { block, values: new Map() }
      optname = undefined
      kinds.push('header')
      return
    }
    if (!cur) {
      kinds.push('error')
      errors.push(i)
      return
    }
    cur.block.lastLine = i
    const opt = matchOption(stripped)
    if (!opt) {
      kinds.push('error')
      errors.push(i)
      return
    }
    kinds.push('option')
    optname = opt.option.toLowerCase()
    if (!optname) {
      errors.push(i)
      return
    }
    cur.values.set(optname, [opt.value])
  })
  finish()
  for (const s of sections) s.end = lines[s.lastLine].end
  return { lines, kinds, sections, errors }
}

/** botocore's `_parse_nested` for a value that starts with a newline (`s3 =` followed by indented keys). */
export function parseNested(value: string): Record<string, string> | undefined {
  const out: Record<string, string> = {}
  for (const raw of value.split('\n')) {
    const line = pyStrip(raw)
    if (!line) continue
    const eq = line.indexOf('=')
    if (eq === -1) return undefined
    out[pyStrip(line.slice(0, eq))] = pyStrip(line.slice(eq + 1))
  }
  return out
}
