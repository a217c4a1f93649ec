/**
 * npm run bench [-- --quick] [-- --iterations N] [-- --dist DIR] [-- --only 1,4] [-- --reference DIR]
 *
 * Runs the bundled action (dist/index.js, as a GitHub runner does) against the local emulator on loopback and prints
 * median / min / max per case with its target (report.ts TARGET and the cases' own) next to it. No assertions: a
 * missed target prints MISS and the exit code stays 0; only a bench that cannot measure (the action failing, dist/
 * missing) exits 1. One file per case (CASES below); see bench/README.md for what each case measures.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { cleanup, tempDir } from './harness.js'
import {
  parseOptions,
  type Bench,
  type CaseName,
  type Options
} from './options.js'
import { machine, render, type Section } from './report.js'
import { caseLink } from './link.js'
import { caseApproval } from './approval.js'
import { casePolls } from './polls.js'
import { caseScaling } from './scaling.js'
import { caseCost } from './cost.js'
import { caseLarge } from './large-organization.js'
import { caseCredentialServer } from './credential-server.js'

/** The cases in the order they run (case 5 reads case 4's runs). */
const CASES: (CaseName & { run: (b: Bench) => Promise<Section> })[] = [
  { n: 1, name: 'time to link', run: caseLink },
  { n: 2, name: 'approval to done', run: caseApproval },
  { n: 3, name: 'polls per approval', run: casePolls },
  { n: 4, name: 'scaling', run: caseScaling },
  { n: 5, name: 'cost', run: caseCost },
  // ~1 min of a 2-core machine: not in CI's quick bench
  { n: 6, name: 'large organization', notQuick: true, run: caseLarge },
  {
    n: 7,
    name: 'credential server',
    run: (b) => caseCredentialServer(b.opts)
  }
]

const opts = ((): Options => {
  try {
    return parseOptions(process.argv.slice(2), CASES)
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`)
    process.exit(2)
  }
})()
/** The dist/ named on the command line; the runs use a snapshot of it (see main). */
const SOURCE_DIST = opts.dist

async function main(): Promise<number> {
  const entry = path.join(SOURCE_DIST, 'index.js')
  if (!existsSync(entry) || !existsSync(path.join(SOURCE_DIST, 'cli.js'))) {
    process.stderr.write(
      `bench: ${entry} or cli.js is missing; run npm run build first\n`
    )
    return 1
  }
  // Measure a snapshot: a rebuild of dist/ during the run (npm run build deletes it first) cannot mix two builds.
  const snapshot = path.join(tempDir('icl-bench-dist-'), 'dist')
  cpSync(SOURCE_DIST, snapshot, { recursive: true })
  opts.dist = snapshot
  const b: Bench = {
    opts,
    entry: path.join(snapshot, 'index.js'),
    cliEntry: path.join(snapshot, 'cli.js'),
    postEntry: path.join(snapshot, 'post.js')
  }
  const missing = [
    ...readFileSync(b.entry, 'utf8').matchAll(
      /__nccwpck_require__\.e\((\d+)\)/g
    )
  ]
    .map((m) => `${m[1]}.index.js`)
    .filter((f) => !existsSync(path.join(snapshot, f)))
  if (missing.length || !existsSync(b.cliEntry)) {
    process.stderr.write(
      `bench: ${SOURCE_DIST} is incomplete (${missing.join(', ') || 'cli.js'} missing; a build in progress?)\n`
    )
    return 1
  }
  const started = Date.now()
  const title = `identity-center-login bench${opts.quick ? ' (quick: 1 iteration, no warm-up, no timing conclusions)' : ''}`
  const sections: Section[] = []
  const errors: string[] = []
  for (const { n, name, notQuick, run } of CASES) {
    if (opts.only && !opts.only.has(n)) continue
    if (notQuick && opts.quick) continue
    try {
      sections.push(await run(b))
    } catch (error) {
      const message = (error as Error)?.stack ?? String(error)
      errors.push(`case ${n} (${name}): ${message}`)
      sections.push({
        title: `${n}. ${name}: FAILED (see below)`,
        rows: [],
        notes: []
      })
      await cleanup()
    }
  }
  const out = [
    title,
    `machine: ${machine()}`,
    `dist: ${path.relative(process.cwd(), SOURCE_DIST).startsWith('..') ? SOURCE_DIST : path.relative(process.cwd(), SOURCE_DIST) || '.'} (snapshot taken at start) | ${opts.iterations} measured iteration(s) per case${opts.warmup ? ' after 1 warm-up' : ''} | bench took ${Math.round((Date.now() - started) / 1000)} s`,
    '',
    render(sections)
  ]
  process.stdout.write(out.join('\n') + '\n')
  if (errors.length) {
    process.stderr.write(
      `\nbench: ${errors.length} case(s) could not be measured:\n${errors.join('\n')}\n`
    )
    return 1
  }
  return 0
}

main()
  .then(async (code) => {
    await cleanup()
    process.exit(code)
  })
  .catch(async (error) => {
    process.stderr.write(`bench: ${(error as Error)?.stack ?? error}\n`)
    await cleanup()
    process.exit(1)
  })
