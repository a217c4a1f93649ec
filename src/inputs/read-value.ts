/**
 * The generic reader of one entry of the input table: the raw value with control characters refused, then the value of
 * its kind (trimmed unless `keepSpaces`; the table's default when empty; booleans, integers, durations, lists and
 * choices parsed and bounded). What is particular to one input (a URL, a region, a name) is its check (checks.ts).
 */
import type { InputSpec } from './types.js'
import {
  FALSE_VALUES,
  InputError,
  TRUE_VALUES,
  controlProblem,
  dedupe,
  parseDurationSeconds,
  showValue,
  splitList
} from './rules.js'

/** A value as its kind reads it; undefined: left out, without a default. */
export type PlainValue = string | boolean | number | string[] | undefined

/** The value `get` gave, as a string ('' when unset); control characters refused (line breaks where allowed). */
export function rawValue(
  spec: InputSpec,
  got: unknown,
  allowLineBreaks = spec.kind === 'multiline'
): string {
  const value = got === undefined || got === null ? '' : String(got)
  const problem = controlProblem(value, spec.secret, allowLineBreaks)
  if (problem) throw new InputError(spec.name, problem)
  return value
}

/** The value of a table entry's kind, from its raw value. */
export function plainValue(spec: InputSpec, raw: string): PlainValue {
  const fail = (problem: string): never => {
    throw new InputError(spec.name, problem)
  }
  if (spec.kind === 'multiline')
    return spec.split ? dedupe(splitLines(raw)) : raw
  let v = spec.kind === 'string' && spec.keepSpaces ? raw : raw.trim()
  if (spec.anyCase) v = v.toLowerCase()
  if (v === '') v = spec.default
  switch (spec.kind) {
    case 'string':
      if (spec.choices && !spec.choices.includes(v))
        fail(`must be one of ${spec.choices.join(', ')}, got ${showValue(v)}`)
      return v
    case 'boolean':
      if (TRUE_VALUES.includes(v)) return true
      if (FALSE_VALUES.includes(v)) return false
      return fail(`must be true or false, got ${showValue(v)}`)
    case 'list':
      return v === '' ? undefined : splitList(v)
    case 'integer':
      return v === '' ? undefined : integer(spec, v, fail)
    case 'duration':
      return v === '' ? undefined : duration(spec, v, fail)
  }
}

function integer(
  spec: InputSpec,
  v: string,
  fail: (problem: string) => never
): number {
  const {
    min = 0,
    max = Number.MAX_SAFE_INTEGER,
    expects,
    outOfRange
  } = spec.range ?? {}
  const n = Number(v)
  if (!/^[0-9]+$/.test(v)) fail(`must be ${expects}, got ${showValue(v)}`)
  if (n < min || n > max)
    fail(`must be ${outOfRange ?? expects}, got ${showValue(v)}`)
  return n
}

function duration(
  spec: InputSpec,
  v: string,
  fail: (problem: string) => never
): number {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = spec.range ?? {}
  const seconds = parseDurationSeconds(v)
  if (seconds === undefined || !Number.isSafeInteger(seconds))
    fail(
      `must be a number of seconds or a duration like 15m or 1h, got ${showValue(v)}`
    )
  if (seconds! < min || seconds! > max)
    fail(
      `must be between ${min} and ${max} seconds, got ${showValue(v)} (${seconds} seconds)`
    )
  return seconds!
}

/** Items one per line (commas too), trimmed, blanks dropped. */
export function splitLines(value: string): string[] {
  return value
    .split(/[\r\n,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}
