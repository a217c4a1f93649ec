/**
 * The bench's targets and its report: one Section per case, rows of median / min / max with the target and PASS/MISS
 * beside them, then the notes; and the line that names the machine.
 */
import os from 'node:os'
import { summarize, type Summary } from './harness.js'

export const TARGET = {
  linkMs: 300,
  bundleMs: 120,
  requestsBeforeLink: 2,
  requestsBeforeLinkReused: 1,
  overheadMs: 150,
  concurrency25: 4,
  distBytes: 3_100_000,
  rssBytes: 100_000_000
}

export type Unit = 'ms' | 'n' | 'B' | 'MB' | 'x' | 's'

export interface Row {
  label: string
  unit?: Unit
  s?: Summary
  text?: string
  target?: string
  pass?: boolean
}
export interface Section {
  title: string
  rows: Row[]
  notes: string[]
}

export function fmt(v: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return `${Math.round(v)} ms`
    case 's':
      return `${(v / 1000).toFixed(2)} s`
    case 'n':
      return Number.isInteger(v) ? String(v) : v.toFixed(1)
    case 'B':
      return `${Math.round(v).toLocaleString('en-US')} B`
    case 'MB':
      return `${(v / 1e6).toFixed(1)} MB`
    case 'x':
      return `${v.toFixed(1)}×`
  }
}

export function row(
  label: string,
  values: number[],
  unit: Unit,
  target?: { text: string; ok: (median: number) => boolean }
): Row {
  const s = summarize(values)
  return {
    label,
    unit,
    s,
    target: target?.text,
    pass: s && target ? target.ok(s.median) : undefined
  }
}

export function render(sections: Section[]): string {
  const header = ['case', 'median', 'min', 'max', 'target', '']
  const lines: string[][] = []
  const kinds: ('title' | 'row' | 'note')[] = []
  for (const sec of sections) {
    lines.push([sec.title])
    kinds.push('title')
    for (const r of sec.rows) {
      const cells = r.s
        ? r.s.n > 1
          ? [
              fmt(r.s.median, r.unit!),
              fmt(r.s.min, r.unit!),
              fmt(r.s.max, r.unit!)
            ]
          : [fmt(r.s.median, r.unit!), '', '']
        : [r.text ?? 'n/a', '', '']
      lines.push([
        `  ${r.label}`,
        ...cells,
        r.target ?? '',
        r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS'
      ])
      kinds.push('row')
    }
  }
  const widths = header.map((h, i) =>
    Math.max(
      h.length,
      ...lines
        .filter((l, j) => kinds[j] === 'row')
        .map((l) => (l[i] ?? '').length)
    )
  )
  const pad = (cells: string[]): string =>
    cells
      .map((c, i) =>
        i === 0
          ? c.padEnd(widths[i])
          : i < 4
            ? c.padStart(widths[i])
            : c.padEnd(widths[i])
      )
      .join('  ')
      .trimEnd()
  const out = [pad(header), widths.map((w) => '-'.repeat(w)).join('  ')]
  lines.forEach((l, j) => out.push(kinds[j] === 'title' ? l[0] : pad(l)))
  const notes = sections.flatMap((s) => s.notes.map((n) => `- ${n}`))
  if (notes.length) out.push('', 'Notes', ...notes)
  return out.join('\n')
}

export function machine(): string {
  const cpus = os.cpus()
  const model = cpus[0]?.model?.trim() || 'unknown CPU'
  return (
    `${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} | ${cpus.length} CPU × ${model} | ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB | ` +
    `${os.type()} ${os.release()} | Node ${process.version}`
  )
}
