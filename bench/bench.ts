/**
 * npm run bench [-- --quick] [-- --iterations N] [-- --dist DIR] [-- --only 1,4]
 *
 * Runs the bundled action (dist/index.js, as a GitHub runner does) against the local emulator on loopback and prints
 * median / min / max per case with its target (TARGET below) next to it. No assertions: a missed target prints MISS
 * and the exit code stays 0; only a bench that cannot measure (the action failing, dist/ missing) exits 1.
 * See bench/README.md for what each case measures.
 */
import {
  cpSync,
  readdirSync,
  readFileSync,
  statSync,
  existsSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type {
  CallRecord,
  Emulator,
  EmulatorAccount
} from '../emulator/server.js'
import {
  postEnv,
  runnerEnv,
  SEED_INPUTS,
  withoutNodeVersionWarning
} from '../__tests__/e2e/runner.js'
import { startFakeGitHub } from '../__tests__/e2e/github-fake.js'
import { writeFileSync } from 'node:fs'
import type { Workspace } from '../__tests__/e2e/runner.js'
import {
  ROOT,
  TIME_BIN,
  callsOf,
  cleanup,
  closeEmulator,
  openEmulator,
  peakInFlight,
  readRssKiB,
  removeWorkspace,
  sleepUntil,
  startStep,
  summarize,
  tempDir,
  workspace,
  type Exit,
  type Summary
} from './harness.js'
import { caseCredentialServer } from './credential-server.js'

// ---------- options ----------

interface Options {
  quick: boolean
  iterations: number
  warmup: boolean
  dist: string
  only?: Set<number>
  /** configure-aws-credentials' dist/ folder (its committed bundle), to compare bundle loads in the same run. */
  reference?: string
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    quick: false,
    iterations: 7,
    warmup: true,
    dist: path.join(ROOT, 'dist')
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (): string => {
      const eq = a.indexOf('=')
      if (eq >= 0) return a.slice(eq + 1)
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--quick') o.quick = true
    else if (a.startsWith('--iterations')) o.iterations = Number(value())
    else if (a.startsWith('--dist')) o.dist = path.resolve(value())
    else if (a.startsWith('--reference')) o.reference = path.resolve(value())
    else if (a.startsWith('--only'))
      o.only = new Set(value().split(',').map(Number))
    else if (a === '--no-warmup') o.warmup = false
    else if (a === '--help' || a === '-h') {
      process.stdout.write(
        'npm run bench -- [--quick] [--iterations N] [--no-warmup] [--dist DIR] [--only 1,2,3,4,5,6]\n' +
          '  --quick       one iteration per case, no warm-up, scaling up to 25 profiles, no case 6 (for CI; < 60 s)\n' +
          '  --iterations  measured iterations per case after one warm-up (default 7)\n' +
          '  --dist        the dist/ folder to measure (default ./dist)\n' +
          '  --only        run only these cases\n' +
          "  --reference   configure-aws-credentials' dist/ folder: its bundle load is measured next to ours (default: $BENCH_REFERENCE_DIST)\n"
      )
      process.exit(0)
    } else throw new Error(`unknown option ${a} (see --help)`)
  }
  if (!Number.isInteger(o.iterations) || o.iterations < 1)
    throw new Error('--iterations must be a positive integer')
  if (o.quick) {
    o.iterations = 1
    o.warmup = false
  }
  return o
}

const opts = ((): Options => {
  try {
    return parseOptions(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`)
    process.exit(2)
  }
})()
/** The dist/ named on the command line; the runs use a snapshot of it (see main). */
const SOURCE_DIST = opts.dist
let ENTRY = path.join(opts.dist, 'index.js')
let CLI_ENTRY = path.join(opts.dist, 'cli.js')
let POST_ENTRY = path.join(opts.dist, 'post.js')

// ---------- targets ----------

const TARGET = {
  linkMs: 300,
  bundleMs: 120,
  requestsBeforeLink: 2,
  requestsBeforeLinkReused: 1,
  overheadMs: 150,
  concurrency25: 4,
  distBytes: 3_100_000,
  rssBytes: 100_000_000
}
const PROFILE_DELAY_MS = 50

// ---------- report ----------

type Unit = 'ms' | 'n' | 'B' | 'MB' | 'x' | 's'

interface Row {
  label: string
  unit?: Unit
  s?: Summary
  text?: string
  target?: string
  pass?: boolean
}
interface Section {
  title: string
  rows: Row[]
  notes: string[]
}

const sections: Section[] = []
const errors: string[] = []

function fmt(v: number, unit: Unit): string {
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

function row(
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

function render(): string {
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

function machine(): string {
  const cpus = os.cpus()
  const model = cpus[0]?.model?.trim() || 'unknown CPU'
  return (
    `${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} | ${cpus.length} CPU × ${model} | ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB | ` +
    `${os.type()} ${os.release()} | Node ${process.version}`
  )
}

// ---------- helpers ----------

const progress = (m: string): void => void process.stderr.write(`bench: ${m}\n`)

/** One warm-up (unless disabled) then `n` measured iterations, one at a time. */
async function iterate<T>(
  name: string,
  fn: (i: number) => Promise<T>,
  n = opts.iterations,
  warmup = opts.warmup
): Promise<T[]> {
  if (warmup) {
    progress(`${name}: warm-up`)
    await fn(-1)
  }
  const out: T[] = []
  for (let i = 0; i < n; i++) {
    progress(`${name}: ${i + 1}/${n}`)
    out.push(await fn(i))
  }
  return out
}

function failIf(exit: Exit, what: string): void {
  if (exit.code !== 0) {
    const lines = (exit.stdout + withoutNodeVersionWarning(exit.stderr))
      .split('\n')
      .filter((l) => l.trim() && !/add-mask/.test(l))
    const errorLines = lines.filter((l) => /^::error|error/i.test(l))
    const tail = (errorLines.length ? errorLines : lines)
      .slice(-6)
      .join('\n    ')
    throw new Error(
      `${what}: exit code ${exit.code}${exit.signal ? ` (${exit.signal})` : ''}\n    ${tail}`
    )
  }
}

const byAt = (a: CallRecord, b: CallRecord): number => a.at - b.at
const USER = 'alice'

/** Approve the run's code at createdAt + offsetMs; the answer of approve() carries the approval time. */
async function approveAt(
  emu: Emulator,
  userCode: string,
  offsetMs: number
): Promise<number> {
  const d = emu.lastStarted()
  if (!d || d.userCode !== userCode)
    throw new Error(
      `the emulator's last code ${d?.userCode} is not the link's ${userCode}`
    )
  await sleepUntil(d.createdAt + offsetMs)
  return emu.approve(userCode, USER).approvedAt!
}

/** The successful CreateToken of this code, and the calls after it. */
function afterToken(
  emu: Emulator,
  userCode: string
): {
  token: CallRecord
  grc?: CallRecord
  gci?: CallRecord
  calls: CallRecord[]
} {
  const calls = emu.calls().sort(byAt)
  const token = calls.find(
    (c) =>
      c.operation === 'CreateToken' &&
      c.userCode === userCode &&
      c.status === 200
  )
  if (!token) throw new Error(`no successful CreateToken for ${userCode}`)
  const grc = calls.find(
    (c) => c.operation === 'GetRoleCredentials' && c.at >= token.at
  )
  const gci = calls.find(
    (c) =>
      c.operation === 'GetCallerIdentity' && grc !== undefined && c.at >= grc.at
  )
  return { token, grc, gci, calls }
}

// ---------- case 1: time to link ----------

/** A pull_request run whose comment channel (the default notify) posts to a fake GitHub on loopback. */
function pullRequestEnv(
  ws: Workspace,
  emuUrl: string,
  githubUrl: string
): NodeJS.ProcessEnv {
  writeFileSync(
    ws.files.event,
    JSON.stringify({
      action: 'synchronize',
      number: 17,
      pull_request: {
        number: 17,
        head: {
          sha: 'feedbeef00112233445566778899aabbccddeeff',
          ref: 'feature/x'
        }
      }
    })
  )
  return runnerEnv(
    ws,
    emuUrl,
    { ...SEED_INPUTS, notify: 'summary,comment' },
    {
      GITHUB_API_URL: githubUrl,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_HEAD_REF: 'feature/x',
      GITHUB_REF_NAME: '17/merge'
    }
  )
}

async function caseLink(): Promise<Section> {
  const sec: Section = {
    title:
      '1. Time to link (spawn → the "Open this link to approve" line on stdout), interval 1 s',
    rows: [],
    notes: []
  }
  const baseline = await iterate("node -e ''", async () => {
    const step = startStep({
      script: '-e',
      args: [''],
      env: { PATH: process.env.PATH }
    })
    const exit = await step.exit
    return exit.ms
  })

  // configure-aws-credentials loads @actions/core and the AWS SDK too: its committed bundle, run with no inputs, writes
  // its first byte (the error for the missing aws-region input) once everything is loaded. Not committed here.
  const refDir =
    opts.reference ??
    (process.env.BENCH_REFERENCE_DIST
      ? path.resolve(process.env.BENCH_REFERENCE_DIST)
      : undefined)
  const refEntry = refDir ? path.join(refDir, 'index.js') : undefined
  const reference =
    refEntry && existsSync(refEntry)
      ? await iterate('configure-aws-credentials load', async () => {
          const step = startStep({
            script: refEntry,
            env: { PATH: process.env.PATH, HOME: tempDir('icl-bench-ref-') }
          })
          const first = await step.firstByte
          await step.exit
          return first
        })
      : undefined

  const emu = await openEmulator({ interval: 1 })
  try {
    const samples = await iterate('time to link', async () => {
      emu.reset()
      const ws = workspace()
      const step = startStep({
        script: ENTRY,
        env: runnerEnv(ws, emu.url, SEED_INPUTS)
      })
      try {
        const link = await step.link
        const first = await step.firstByte
        step.kill()
        await step.exit
        const calls = emu
          .calls()
          .filter((c) => c.at <= link.at)
          .sort(byAt)
        const firstByteAt = step.spawnedAt + first
        const lastAnswer = Math.max(...calls.map((c) => c.at + c.durationMs))
        return {
          link: link.ms,
          first,
          requests: calls.length,
          toFirstRequest: calls.length ? calls[0].at - firstByteAt : NaN,
          requestsSpan: calls.length ? lastAnswer - calls[0].at : NaN,
          toLink: calls.length ? link.at - lastAnswer : NaN
        }
      } finally {
        step.kill()
        await step.exit
        removeWorkspace(ws)
      }
    })
    sec.rows.push(
      row(
        'time to link',
        samples.map((s) => s.link),
        'ms',
        { text: `≤ ${TARGET.linkMs} ms`, ok: (m) => m <= TARGET.linkMs }
      ),
      row(
        'bundle load: spawn → first stdout byte',
        samples.map((s) => s.first),
        'ms',
        { text: `≤ ${TARGET.bundleMs} ms`, ok: (m) => m <= TARGET.bundleMs }
      ),
      row("  for reference: node -e '' (spawn → exit)", baseline, 'ms'),
      ...(reference
        ? [
            row(
              "  configure-aws-credentials' bundle load (its dist/index.js, spawn → first byte)",
              reference,
              'ms'
            ),
            row(
              'bundle load, ours vs configure-aws-credentials in this run',
              samples.map((s) => s.first),
              'ms',
              {
                text: `≤ ${fmt(summarize(reference)!.median, 'ms')}`,
                ok: (m) => m <= summarize(reference)!.median
              }
            )
          ]
        : [
            {
              label:
                "  configure-aws-credentials' bundle load: not measured (--reference DIR or BENCH_REFERENCE_DIST)",
              text: ''
            }
          ]),
      row(
        '  first byte → first AWS request arrives',
        samples.map((s) => s.toFirstRequest),
        'ms'
      ),
      row(
        '  first request → last answer before the link',
        samples.map((s) => s.requestsSpan),
        'ms'
      ),
      row(
        '  last answer → link line',
        samples.map((s) => s.toLink),
        'ms'
      ),
      row(
        'HTTP requests before the link (fresh HOME)',
        samples.map((s) => s.requests),
        'n',
        {
          text: `≤ ${TARGET.requestsBeforeLink}`,
          ok: (m) => m <= TARGET.requestsBeforeLink
        }
      )
    )
  } finally {
    await closeEmulator(emu)
  }

  // The same HOME a second time (reuse-session false): the client registration from the first run is reusable.
  const emu2 = await openEmulator({
    interval: 1,
    autoApproveAs: USER,
    autoApproveAfterMs: 0
  })
  const ws = workspace()
  try {
    progress(
      'time to link, registration cached: seeding the HOME with one approved run'
    )
    const seed = startStep({
      script: ENTRY,
      env: runnerEnv(ws, emu2.url, SEED_INPUTS)
    })
    failIf(await seed.exit, 'seed run')
    const env = runnerEnv(ws, emu2.url, {
      ...SEED_INPUTS,
      'reuse-session': 'false'
    })
    const samples = await iterate(
      'time to link, registration cached',
      async () => {
        const step = startStep({ script: ENTRY, env })
        try {
          const link = await step.link
          step.kill()
          await step.exit
          const calls = emu2
            .calls()
            .filter((c) => c.at >= step.spawnedAt && c.at <= link.at)
          return {
            link: link.ms,
            requests: calls.length,
            registered: calls.some((c) => c.operation === 'RegisterClient')
          }
        } finally {
          step.kill()
          await step.exit
        }
      },
      opts.iterations,
      false
    )
    sec.rows.push(
      row(
        'time to link, 2nd run in the same HOME',
        samples.map((s) => s.link),
        'ms',
        { text: `≤ ${TARGET.linkMs} ms`, ok: (m) => m <= TARGET.linkMs }
      ),
      row(
        'HTTP requests before the link, 2nd run',
        samples.map((s) => s.requests),
        'n',
        {
          text: `≤ ${TARGET.requestsBeforeLinkReused}`,
          ok: (m) => m <= TARGET.requestsBeforeLinkReused
        }
      )
    )
    if (samples.some((s) => s.registered))
      sec.notes.push(
        '1: the second run in the same HOME registered a new client (no reusable registration was found in the cache).'
      )
  } finally {
    removeWorkspace(ws)
    await closeEmulator(emu2)
  }
  return sec
}

// ---------- case 2: approval to done ----------

async function caseApproval(): Promise<Section> {
  const sec: Section = {
    title:
      '2. Approval → exit 0 with credentials exported (approval mid-interval)',
    rows: [],
    notes: []
  }
  let warm = opts.warmup
  for (const interval of [1, 5]) {
    const emu = await openEmulator({ interval })
    try {
      const samples = await iterate(
        `approval to done, interval ${interval} s`,
        async () => {
          emu.reset()
          const ws = workspace()
          const step = startStep({
            script: ENTRY,
            env: runnerEnv(ws, emu.url, SEED_INPUTS)
          })
          try {
            const link = await step.link
            const approvedAt = await approveAt(
              emu,
              link.userCode,
              (interval * 1000) / 2
            )
            const exit = await step.exit
            failIf(exit, `interval ${interval} s`)
            const { token, grc, gci } = afterToken(emu, link.userCode)
            return {
              done: exit.at - approvedAt,
              wait: token.at - approvedAt,
              overhead: exit.at - token.at,
              tokenToGrc: grc ? grc.at - token.at : NaN,
              grcToGci: grc && gci ? gci.at - grc.at : NaN,
              gciToExit: gci ? exit.at - gci.at : NaN
            }
          } finally {
            step.kill()
            await step.exit
            removeWorkspace(ws)
          }
        },
        opts.iterations,
        warm
      )
      warm = false // one warm-up for the case: the process is the same, only the emulator's interval differs
      sec.rows.push(
        row(
          `interval ${interval} s: approval → exit`,
          samples.map((s) => s.done),
          'ms'
        ),
        row(
          `  poll wait (approval → successful CreateToken)`,
          samples.map((s) => s.wait),
          'ms',
          {
            text: `≤ ${interval * 1000} ms`,
            ok: (m) => m <= interval * 1000
          }
        ),
        row(
          `  overhead (successful CreateToken → exit)`,
          samples.map((s) => s.overhead),
          'ms',
          {
            text: `≤ ${TARGET.overheadMs} ms`,
            ok: (m) => m <= TARGET.overheadMs
          }
        ),
        row(
          `    CreateToken → GetRoleCredentials`,
          samples.map((s) => s.tokenToGrc),
          'ms'
        ),
        row(
          `    GetRoleCredentials → GetCallerIdentity`,
          samples.map((s) => s.grcToGci),
          'ms'
        ),
        row(
          `    GetCallerIdentity → exit`,
          samples.map((s) => s.gciToExit),
          'ms'
        )
      )
    } finally {
      await closeEmulator(emu)
    }
  }
  sec.notes.push(
    '2: on loopback the three round trips cost ~0, so the overhead is everything after the successful poll arrives: the answers, loading the SSO and STS clients, files, summary, exit.'
  )
  return sec
}

// ---------- case 3: polls per approval ----------

/** CreateToken requests a client makes per the interval arithmetic: wait, poll; slow_down adds 5 s. */
export function expectedPolls(
  intervalS: number,
  approvalS: number,
  slowDowns: number
): number {
  let t = 0
  let interval = intervalS
  for (let n = 1; ; n++) {
    t += interval
    if (slowDowns > 0) {
      slowDowns--
      interval += 5
      continue
    }
    if (t >= approvalS) return n
  }
}

async function casePolls(): Promise<Section> {
  const sec: Section = {
    title:
      '3. Polls per approval (CreateToken requests; interval 1 s, approval 10.5 s after the code)',
    rows: [],
    notes: []
  }
  const approvalMs = 10_500
  const one = async (
    slowDowns: number
  ): Promise<{ polls: number; gaps: number[] }> => {
    const emu = await openEmulator({ interval: 1 })
    const ws = workspace()
    try {
      if (slowDowns) emu.slowDown(slowDowns)
      const step = startStep({
        script: ENTRY,
        env: runnerEnv(ws, emu.url, SEED_INPUTS)
      })
      try {
        const link = await step.link
        await approveAt(emu, link.userCode, approvalMs)
        failIf(await step.exit, `polls, ${slowDowns} slow_down`)
        const polls = callsOf(emu, 'CreateToken', link.userCode).sort(byAt)
        return {
          polls: polls.length,
          gaps: polls.slice(1).map((c, i) => c.at - polls[i].at)
        }
      } finally {
        step.kill()
        await step.exit
      }
    } finally {
      removeWorkspace(ws)
      await closeEmulator(emu)
    }
  }
  progress('polls per approval: 2 runs of ~11-13 s, in parallel')
  // Counts, not times: the two runs go side by side (each with its own emulator) to save 12 s.
  const [plain, slowed] = await Promise.all([one(0), one(1)])
  for (const [label, r, slowDowns] of [
    ['no slow_down', plain, 0],
    ['one slow_down (first poll)', slowed, 1]
  ] as const) {
    const expected = expectedPolls(1, approvalMs / 1000, slowDowns)
    sec.rows.push({
      label,
      unit: 'n',
      s: summarize([r.polls]),
      target: `= ${expected} (arithmetic)`,
      pass: r.polls === expected
    })
    sec.notes.push(
      `3: ${label}: gaps between polls ${r.gaps.map((g) => (g / 1000).toFixed(2)).join(', ')} s`
    )
  }
  return sec
}

// ---------- case 4: scaling with profiles ----------

const ROLE = 'DeployAccess'
function benchAccounts(n: number): EmulatorAccount[] {
  return Array.from({ length: n }, (_, i) => ({
    accountId: String(200000000000 + i),
    accountName: `acct-${i}`,
    roles: [ROLE]
  }))
}

interface ScaleSample {
  afterApproval: number
  afterToken: number
  requests: number
  peak: number
  fetch: number
  tail: number
  rss?: number
  problems: string[]
}
const scaling = new Map<number, ScaleSample[]>()

async function caseScaling(): Promise<Section> {
  const sizes = opts.quick ? [1, 5, 25] : [1, 5, 25, 100]
  const sec: Section = {
    title: `4. Scaling: N profiles from one approval, emulator delay ${PROFILE_DELAY_MS} ms per AWS call`,
    rows: [],
    notes: []
  }
  const accounts = benchAccounts(Math.max(...sizes))
  const emu = await openEmulator({
    interval: 1,
    delayMs: PROFILE_DELAY_MS,
    accounts
  })
  const rssDir = tempDir('icl-bench-rss-')
  try {
    const run = async (n: number, i: number): Promise<ScaleSample> => {
      emu.reset()
      const ws = workspace()
      const profiles = accounts
        .slice(1, n)
        .map((a, k) => `bench-${k + 1} ${a.accountId} ${ROLE}`)
        .join('\n')
      const inputs = {
        ...SEED_INPUTS,
        'account-id': accounts[0].accountId,
        'role-name': ROLE,
        profiles
      }
      const rssFile = path.join(rssDir, `scale-${n}-${i}`)
      const step = startStep({
        script: ENTRY,
        env: runnerEnv(ws, emu.url, inputs),
        rssFile
      })
      try {
        const link = await step.link
        const approvedAt = await approveAt(emu, link.userCode, 500)
        const exit = await step.exit
        failIf(exit, `${n} profiles`)
        const { token, calls } = afterToken(emu, link.userCode)
        const grc = calls.filter((c) => c.operation === 'GetRoleCredentials')
        const gci = calls.filter((c) => c.operation === 'GetCallerIdentity')
        const problems: string[] = []
        const okGrc = grc.filter((c) => c.status === 200).length
        const okGci = gci.filter((c) => c.status === 200).length
        if (okGrc !== n || okGci !== n)
          problems.push(
            `${okGrc}/${n} role credentials and ${okGci}/${n} identities succeeded`
          )
        const throttled = (exit.stdout + exit.stderr)
          .split('\n')
          .filter((l) =>
            /throttl|TooManyRequests|rate exceeded|retrying/i.test(l)
          )
        if (throttled.length)
          problems.push(
            `throttling/retries surfaced: ${throttled[0].slice(0, 160)}`
          )
        const warnings = exit.stdout
          .split('\n')
          .filter((l) => l.startsWith('::warning') || l.startsWith('::error'))
        if (warnings.length)
          problems.push(
            `${warnings.length} warning/error line(s): ${warnings[0].slice(0, 160)}`
          )
        const roleCalls = [...grc, ...gci]
        const lastAnswer = Math.max(
          ...roleCalls.map((c) => c.at + c.durationMs)
        )
        return {
          afterApproval: exit.at - approvedAt,
          afterToken: exit.at - token.at,
          requests: calls.filter((c) => c.at >= approvedAt).length,
          peak: peakInFlight(roleCalls),
          fetch: lastAnswer - Math.min(...roleCalls.map((c) => c.at)),
          tail: exit.at - lastAnswer,
          rss: readRssKiB(rssFile),
          problems
        }
      } finally {
        step.kill()
        await step.exit
        removeWorkspace(ws)
      }
    }
    if (opts.warmup) {
      progress('scaling: warm-up (5 profiles)')
      await run(5, -1)
    }
    for (const n of sizes) {
      const samples = await iterate(
        `scaling, ${n} profile(s)`,
        (i) => run(n, i),
        opts.iterations,
        false
      )
      scaling.set(n, samples)
      sec.rows.push(
        row(
          `${n} profile(s): approval → exit`,
          samples.map((s) => s.afterApproval),
          'ms'
        ),
        row(
          `  successful CreateToken → exit`,
          samples.map((s) => s.afterToken),
          'ms'
        ),
        row(
          `    first role call → last answer (${2 * n} calls, ${2 * n * PROFILE_DELAY_MS} ms of delay)`,
          samples.map((s) => s.fetch),
          'ms'
        ),
        row(
          `    last answer → exit (files, outputs, summary, exit)`,
          samples.map((s) => s.tail),
          'ms'
        ),
        row(
          `  requests after the approval`,
          samples.map((s) => s.requests),
          'n',
          { text: `= ${1 + 2 * n} (1 + 2N)`, ok: (m) => m === 1 + 2 * n }
        ),
        row(
          `  most role calls in flight at once`,
          samples.map((s) => s.peak),
          'n'
        )
      )
      const problems = [...new Set(samples.flatMap((s) => s.problems))]
      if (n === 100 || problems.length) {
        sec.rows.push({
          label: `  ${n} profiles complete, no throttling error`,
          text: problems.length ? 'no' : 'yes',
          target: 'yes',
          pass: problems.length === 0
        })
      }
      for (const p of problems) sec.notes.push(`4: ${n} profiles: ${p}`)
    }
    const base = summarize(scaling.get(1)!.map((s) => s.afterToken))!.median
    for (const n of sizes.filter((x) => x > 1)) {
      const extra =
        summarize(scaling.get(n)!.map((s) => s.afterToken))!.median - base
      const serial = (n - 1) * 2 * PROFILE_DELAY_MS
      const eff = serial / Math.max(extra, 1)
      const r: Row = {
        label: `effective concurrency, ${n} profiles = ${serial} ms serial / ${Math.round(extra)} ms extra`,
        unit: 'x',
        s: summarize([eff])
      }
      if (n === 25)
        Object.assign(r, {
          target: `≥ ${TARGET.concurrency25}×`,
          pass: eff >= TARGET.concurrency25
        })
      sec.rows.push(r)
    }
    sec.notes.push(
      `4: "extra" = median (CreateToken → exit) at N minus at 1 profile; a serial implementation pays (N-1) × 2 × ${PROFILE_DELAY_MS} ms more.`
    )
  } finally {
    await closeEmulator(emu)
  }
  return sec
}

// ---------- case 6: a large organization (not in --quick) ----------

const LARGE_ACCOUNTS = 1000
const LARGE_ROLES = ['DeployAccess', 'ReadOnly']
const LARGE_DELAY_MS = 20
/** The throttled run: the portal answers TooManyRequestsException beyond this many requests per second. */
const LARGE_THROTTLE_RPS = 150
const LARGE_TARGET = {
  allMs: 20_000,
  primaryMs: 8_000,
  rssBytes: 200_000_000,
  summaryBytes: 1024 * 1024
}

/** The primary account (its one role is the primary profile), then 1,000 accounts with two roles each. */
function largeOrganization(): EmulatorAccount[] {
  return [
    { accountId: '200000000000', accountName: 'primary', roles: [ROLE] },
    ...Array.from({ length: LARGE_ACCOUNTS }, (_, i) => ({
      accountId: String(300000000000 + i),
      accountName: `team-${String(i).padStart(4, '0')}`,
      roles: [...LARGE_ROLES]
    }))
  ]
}

interface LargeSample {
  afterApproval: number
  requests: number
  byApi: Record<string, number>
  rss?: number
  summaryBytes: number
  profiles: number
  /** Portal answers TooManyRequestsException (each retried by the SDK). */
  throttled: number
  /** ❌ rows in the job summary. */
  failedProfiles: number
  /** Retry log lines that say a call ran out of attempts. */
  givenUp: number
  problems: string[]
}

/** Lines of a run's output that say a call failed, was throttled or retried. */
function surfacedProblems(exit: Exit): string[] {
  const text = exit.stdout + withoutNodeVersionWarning(exit.stderr)
  const lines = text.split('\n')
  const throttled = lines.filter((l) =>
    /throttl|TooManyRequests|rate exceeded|retrying|no attempts left/i.test(l)
  )
  const warnings = lines.filter(
    (l) => l.startsWith('::warning') || l.startsWith('::error')
  )
  return [
    ...(throttled.length
      ? [
          `${throttled.length} throttling/retry line(s): ${throttled[0].slice(0, 160)}`
        ]
      : []),
    ...(warnings.length
      ? [
          `${warnings.length} warning/error line(s): ${warnings[0].slice(0, 160)}`
        ]
      : [])
  ]
}

async function caseLarge(): Promise<Section> {
  const accounts = largeOrganization()
  const expectedProfiles = 1 + LARGE_ACCOUNTS * LARGE_ROLES.length
  const sec: Section = {
    title: `6. A large organization: discover over ${LARGE_ACCOUNTS.toLocaleString('en-US')} accounts × ${LARGE_ROLES.length} roles plus the primary (${expectedProfiles.toLocaleString('en-US')} profiles), emulator delay ${LARGE_DELAY_MS} ms per AWS call`,
    rows: [],
    notes: []
  }
  const emu = await openEmulator({
    interval: 1,
    delayMs: LARGE_DELAY_MS,
    accounts
  })
  const rssDir = tempDir('icl-bench-rss-')
  // ~10-30 s a run: at most 3 measured runs per mode (fewer with --iterations), no warm-up.
  const n = Math.min(opts.iterations, 3)
  const runOnce = async (
    mode: 'all' | 'primary',
    tag: string,
    portalRateLimit?: number
  ): Promise<LargeSample> => {
    emu.reset()
    emu.setPortalRateLimit(portalRateLimit)
    const ws = workspace()
    const inputs = {
      ...SEED_INPUTS,
      'account-id': accounts[0].accountId,
      'role-name': ROLE,
      discover: 'true',
      'verify-profiles': mode
    }
    const rssFile = path.join(rssDir, `large-${tag}`)
    const step = startStep({
      script: ENTRY,
      env: runnerEnv(ws, emu.url, inputs),
      rssFile,
      timeoutMs: 300_000
    })
    try {
      const link = await step.link
      const approvedAt = await approveAt(emu, link.userCode, 500)
      const exit = await step.exit
      failIf(exit, `large organization, verify-profiles: ${mode}`)
      const after = emu.calls().filter((c) => c.at >= approvedAt)
      const byApi: Record<string, number> = {}
      for (const c of after) byApi[c.operation] = (byApi[c.operation] ?? 0) + 1
      const problems = surfacedProblems(exit)
      const bad = after.filter((c) => c.status !== 200)
      if (bad.length)
        problems.push(
          `${bad.length} call(s) not answered 200: ${[...new Set(bad.map((c) => `${c.operation} ${c.status} ${c.error ?? ''}`.trim()))].join(', ')}`
        )
      const config = readFileSync(path.join(ws.home, '.aws', 'config'), 'utf8')
      const profiles = (config.match(/^\[(profile [^\]]+|default)\]/gm) ?? [])
        .length
      if (profiles !== expectedProfiles)
        problems.push(
          `${profiles} profiles in ~/.aws/config, expected ${expectedProfiles}`
        )
      const summary = readFileSync(ws.files.summary, 'utf8')
      return {
        afterApproval: exit.at - approvedAt,
        requests: after.length,
        byApi,
        rss: readRssKiB(rssFile),
        summaryBytes: Buffer.byteLength(summary),
        profiles,
        throttled: bad.filter((c) => c.error === 'TooManyRequestsException')
          .length,
        failedProfiles: (summary.match(/\| ❌ /g) ?? []).length,
        givenUp: (exit.stdout.match(/no attempts left/g) ?? []).length,
        problems
      }
    } finally {
      step.kill()
      await step.exit
      removeWorkspace(ws)
    }
  }
  try {
    for (const mode of ['all', 'primary'] as const) {
      const samples = await iterate(
        `large organization, verify-profiles: ${mode}`,
        (i) => runOnce(mode, `${mode}-${i}`),
        n,
        false
      )
      const target =
        mode === 'all' ? LARGE_TARGET.allMs : LARGE_TARGET.primaryMs
      sec.rows.push(
        row(
          `verify-profiles: ${mode}: approval → exit`,
          samples.map((s) => s.afterApproval),
          's',
          { text: `≤ ${target / 1000} s`, ok: (m) => m <= target }
        ),
        row(
          `  requests after the approval`,
          samples.map((s) => s.requests),
          'n'
        )
      )
      const apis = [
        ...new Set(samples.flatMap((s) => Object.keys(s.byApi)))
      ].sort()
      for (const api of apis)
        sec.rows.push(
          row(
            `    ${api}`,
            samples.map((s) => s.byApi[api] ?? 0),
            'n'
          )
        )
      const rss = samples
        .map((s) => (s.rss ?? NaN) * 1024)
        .filter(Number.isFinite)
      if (rss.length) {
        const rssTarget =
          mode === 'all'
            ? {
                text: `≤ ${fmt(LARGE_TARGET.rssBytes, 'MB')}`,
                ok: (m: number) => m <= LARGE_TARGET.rssBytes
              }
            : undefined
        sec.rows.push(row(`  peak RSS`, rss, 'MB', rssTarget))
      }
      sec.rows.push(
        row(
          `  job summary size`,
          samples.map((s) => s.summaryBytes),
          'B',
          {
            text: `< ${fmt(LARGE_TARGET.summaryBytes, 'B')} (1 MiB)`,
            ok: (m) => m < LARGE_TARGET.summaryBytes
          }
        ),
        row(
          `  profiles in ~/.aws/config`,
          samples.map((s) => s.profiles),
          'n',
          { text: `= ${expectedProfiles}`, ok: (m) => m === expectedProfiles }
        )
      )
      const problems = [...new Set(samples.flatMap((s) => s.problems))]
      sec.rows.push({
        label: `  no failed or throttled call surfaced`,
        text: problems.length ? 'no' : 'yes',
        target: 'yes',
        pass: problems.length === 0
      })
      for (const p of problems)
        sec.notes.push(`6: verify-profiles ${mode}: ${p}`)
    }
    // The same organization through a throttled portal: the SDK's adaptive retry must carry every profile through.
    progress(
      `large organization, verify-profiles: all, portal throttled at ${LARGE_THROTTLE_RPS} requests/s (one run)`
    )
    const throttledRun = await runOnce('all', 'throttled', LARGE_THROTTLE_RPS)
    sec.rows.push(
      row(
        `verify-profiles: all, portal throttled at ${LARGE_THROTTLE_RPS} requests/s: approval → exit`,
        [throttledRun.afterApproval],
        's'
      ),
      row(
        `  portal answers TooManyRequestsException (retried by the SDK)`,
        [throttledRun.throttled],
        'n'
      ),
      row(`  calls that ran out of attempts`, [throttledRun.givenUp], 'n', {
        text: '= 0',
        ok: (m) => m === 0
      }),
      row(`  failed profiles`, [throttledRun.failedProfiles], 'n', {
        text: '= 0',
        ok: (m) => m === 0
      }),
      row(`  profiles in ~/.aws/config`, [throttledRun.profiles], 'n', {
        text: `= ${expectedProfiles}`,
        ok: (m) => m === expectedProfiles
      })
    )
    sec.notes.push(
      `6: ${n} run(s) per mode, no warm-up; "requests after the approval" counts every AWS call from the approval to the exit, the successful CreateToken included.`
    )
  } finally {
    await closeEmulator(emu)
  }
  return sec
}

// ---------- case 5: cost ----------

interface Loaded {
  files: string[]
  beforeLink: string[]
}

function distFiles(): { name: string; bytes: number }[] {
  return readdirSync(opts.dist)
    .filter((f) => statSync(path.join(opts.dist, f)).isFile())
    .map((name) => ({ name, bytes: statSync(path.join(opts.dist, name)).size }))
    .sort((a, b) => b.bytes - a.bytes)
}

/** dist/ files named in a load log (first load time each). */
function parseLoadLog(file: string): { name: string; at: number }[] {
  if (!existsSync(file)) return []
  const seen = new Map<string, number>()
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const sp = line.indexOf(' ')
    if (sp < 0) continue
    const at = Number(line.slice(0, sp))
    let p: string
    try {
      p = fileURLToPath(line.slice(sp + 1))
    } catch {
      continue
    }
    if (path.dirname(p) !== opts.dist) continue
    const name = path.basename(p)
    if (!seen.has(name)) seen.set(name, at)
  }
  return [...seen].map(([name, at]) => ({ name, at }))
}

async function caseCost(): Promise<Section> {
  const sec: Section = { title: '5. Cost', rows: [], notes: [] }
  const files = distFiles()
  const size = new Map(files.map((f) => [f.name, f.bytes]))
  const bytesOf = (names: string[]): number =>
    names.reduce((t, n) => t + (size.get(n) ?? 0), 0)
  const total = bytesOf(files.map((f) => f.name))
  const js = files.filter((f) => f.name.endsWith('.js'))
  sec.rows.push({
    label: `dist/ total (${files.length} files)`,
    unit: 'B',
    s: summarize([total]),
    target: `≤ ${fmt(TARGET.distBytes, 'B')}`,
    pass: total <= TARGET.distBytes
  })
  sec.rows.push({
    label: `  of which JavaScript (${js.length} files)`,
    unit: 'B',
    s: summarize([bytesOf(js.map((f) => f.name))])
  })

  const emu = await openEmulator({
    interval: 1,
    autoApproveAs: USER,
    autoApproveAfterMs: 0
  })
  const logDir = tempDir('icl-bench-load-')
  try {
    // What each entry point loads (ESM load hook; separate runs, not timed).
    progress('cost: modules loaded by main, post and the CLI')
    const loads: Record<string, Loaded> = {}
    {
      const ws = workspace()
      const env = runnerEnv(ws, emu.url, SEED_INPUTS)
      const mainLog = path.join(logDir, 'main')
      const step = startStep({ script: ENTRY, env, loadLog: mainLog })
      const link = await step.link
      failIf(await step.exit, 'main (load tracking)')
      const main = parseLoadLog(mainLog)
      loads['main (node dist/index.js)'] = {
        files: main.map((f) => f.name),
        beforeLink: main.filter((f) => f.at <= link.at).map((f) => f.name)
      }
      const postLog = path.join(logDir, 'post')
      const post = startStep({
        script: POST_ENTRY,
        env: postEnv(ws, env),
        loadLog: postLog
      })
      failIf(await post.exit, 'post (load tracking)')
      const p = parseLoadLog(postLog).map((f) => f.name)
      loads['post (node dist/post.js)'] = { files: p, beforeLink: [] }
      removeWorkspace(ws)
    }
    {
      const ws = workspace()
      const cliLog = path.join(logDir, 'cli')
      const cliEnv: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: ws.home,
        LANG: 'C.UTF-8',
        AWS_ENDPOINT_URL_SSO_OIDC: emu.url,
        AWS_ENDPOINT_URL_SSO: emu.url,
        AWS_ENDPOINT_URL_STS: emu.url
      }
      for (const name of [
        'start-url',
        'sso-region',
        'account-id',
        'role-name',
        'region',
        'sso-session',
        'profile'
      ] as const) {
        cliEnv[
          `IDENTITY_CENTER_LOGIN_${name.toUpperCase().replace(/-/g, '_')}`
        ] = SEED_INPUTS[name]
      }
      const step = startStep({
        script: CLI_ENTRY,
        env: cliEnv,
        loadLog: cliLog
      })
      const link = await step.link
      failIf(await step.exit, 'cli (load tracking)')
      const cli = parseLoadLog(cliLog)
      loads['CLI (node dist/cli.js)'] = {
        files: cli.map((f) => f.name),
        beforeLink: cli.filter((f) => f.at <= link.at).map((f) => f.name)
      }
      removeWorkspace(ws)
    }
    for (const [entry, l] of Object.entries(loads)) {
      sec.rows.push({
        label: `${entry}: loaded, whole run (${l.files.length} files)`,
        unit: 'B',
        s: summarize([bytesOf(l.files)])
      })
      if (l.beforeLink.length)
        sec.rows.push({
          label: `  before the link (${l.beforeLink.length} files)`,
          unit: 'B',
          s: summarize([bytesOf(l.beforeLink)])
        })
    }
    const never = files.filter(
      (f) =>
        f.name.endsWith('.js') &&
        !Object.values(loads).some((l) => l.files.includes(f.name))
    )
    sec.rows.push({
      label: `never loaded by these runs (${never.length} files)`,
      unit: 'B',
      s: summarize([bytesOf(never.map((f) => f.name))])
    })
    const mainLoads = Object.values(loads)[0]
    sec.notes.push(
      `5: dist/ files: ${files.map((f) => `${f.name} ${f.bytes.toLocaleString('en-US')}`).join(', ')}`,
      `5: main loads before the link: ${mainLoads.beforeLink.join(', ')}; after: ${mainLoads.files.filter((f) => !mainLoads.beforeLink.includes(f)).join(', ') || 'nothing'}`,
      ...Object.entries(loads)
        .slice(1)
        .map(([e, l]) => `5: ${e} loads ${l.files.join(', ')}`),
      `5: never loaded: ${never.map((f) => f.name).join(', ') || 'none'}`
    )

    // Peak RSS of a full main run (link, approval, credentials, files, summary, exit).
    const rssDir = tempDir('icl-bench-rss-')
    const rss = await iterate('peak RSS, full run', async (i) => {
      emu.reset()
      const ws = workspace()
      const rssFile = path.join(rssDir, `full-${i}`)
      try {
        failIf(
          await startStep({
            script: ENTRY,
            env: runnerEnv(ws, emu.url, SEED_INPUTS),
            rssFile
          }).exit,
          'peak RSS run'
        )
        const kib = readRssKiB(rssFile)
        if (kib === undefined) throw new Error('no peak RSS recorded')
        return kib * 1024
      } finally {
        removeWorkspace(ws)
      }
    })
    const how = existsSync(TIME_BIN)
      ? '/usr/bin/time -f %M'
      : 'process.resourceUsage().maxRSS'
    sec.rows.push(
      row(`peak RSS, full run, 1 profile (${how})`, rss, 'MB', {
        text: `≤ ${fmt(TARGET.rssBytes, 'MB')}`,
        ok: (m) => m <= TARGET.rssBytes
      })
    )
    // The same on a pull request: the comment channel loads @actions/github (its own chunk) and posts, then edits.
    const gh = await startFakeGitHub()
    try {
      let commentLoads: string[] = []
      const rssPr = await iterate(
        'peak RSS, full run, pull request with the comment',
        async (i) => {
          emu.reset()
          const ws = workspace()
          const rssFile = path.join(rssDir, `pr-${i}`)
          const loadLog = i === 0 ? path.join(logDir, 'main-pr') : undefined
          try {
            failIf(
              await startStep({
                script: ENTRY,
                env: pullRequestEnv(ws, emu.url, gh.url),
                rssFile,
                loadLog
              }).exit,
              'peak RSS run (pull request)'
            )
            if (loadLog) commentLoads = parseLoadLog(loadLog).map((f) => f.name)
            const kib = readRssKiB(rssFile)
            if (kib === undefined) throw new Error('no peak RSS recorded')
            return kib * 1024
          } finally {
            removeWorkspace(ws)
          }
        }
      )
      const edited = gh.calls.filter(
        (c) => c.method === 'PATCH' && c.status === 200
      ).length
      sec.rows.push(
        row(
          `peak RSS, 1 profile, pull request: comment posted and edited (${how})`,
          rssPr,
          'MB',
          {
            text: `≤ ${fmt(TARGET.rssBytes, 'MB')}`,
            ok: (m) => m <= TARGET.rssBytes
          }
        )
      )
      sec.notes.push(
        `5: on a pull request main also loads ${commentLoads.filter((f) => !mainLoads.files.includes(f)).join(', ') || 'nothing more'} (${bytesOf(commentLoads.filter((f) => !mainLoads.files.includes(f))).toLocaleString('en-US')} B); ${gh.comments.length} comments posted, ${edited} edits`
      )
    } finally {
      await gh.close()
    }
    for (const [n, samples] of scaling) {
      if (n < 25) continue
      const values = samples
        .map((s) => (s.rss ?? NaN) * 1024)
        .filter(Number.isFinite)
      if (values.length)
        sec.rows.push(
          row(`peak RSS, ${n} profiles (case 4 runs)`, values, 'MB', {
            text: `≤ ${fmt(TARGET.rssBytes, 'MB')}`,
            ok: (m) => m <= TARGET.rssBytes
          })
        )
    }
  } finally {
    await closeEmulator(emu)
  }
  return sec
}

// ---------- main ----------

async function main(): Promise<number> {
  if (!existsSync(ENTRY) || !existsSync(CLI_ENTRY)) {
    process.stderr.write(
      `bench: ${ENTRY} or cli.js is missing; run npm run build first\n`
    )
    return 1
  }
  // Measure a snapshot: a rebuild of dist/ during the run (npm run build deletes it first) cannot mix two builds.
  const snapshot = path.join(tempDir('icl-bench-dist-'), 'dist')
  cpSync(SOURCE_DIST, snapshot, { recursive: true })
  opts.dist = snapshot
  ENTRY = path.join(snapshot, 'index.js')
  CLI_ENTRY = path.join(snapshot, 'cli.js')
  POST_ENTRY = path.join(snapshot, 'post.js')
  const missing = [
    ...readFileSync(ENTRY, 'utf8').matchAll(/__nccwpck_require__\.e\((\d+)\)/g)
  ]
    .map((m) => `${m[1]}.index.js`)
    .filter((f) => !existsSync(path.join(snapshot, f)))
  if (missing.length || !existsSync(CLI_ENTRY)) {
    process.stderr.write(
      `bench: ${SOURCE_DIST} is incomplete (${missing.join(', ') || 'cli.js'} missing; a build in progress?)\n`
    )
    return 1
  }
  const started = Date.now()
  const title = `identity-center-login bench${opts.quick ? ' (quick: 1 iteration, no warm-up, no timing conclusions)' : ''}`
  const cases: [number, string, () => Promise<Section>][] = [
    [1, 'time to link', caseLink],
    [2, 'approval to done', caseApproval],
    [3, 'polls per approval', casePolls],
    [4, 'scaling', caseScaling],
    [5, 'cost', caseCost],
    [6, 'large organization', caseLarge],
    [7, 'credential server', () => caseCredentialServer(opts)]
  ]
  for (const [n, name, fn] of cases) {
    if (opts.only && !opts.only.has(n)) continue
    if (n === 6 && opts.quick) continue // ~1 min of a 2-core machine: not in CI's quick bench
    try {
      sections.push(await fn())
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
    render()
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
