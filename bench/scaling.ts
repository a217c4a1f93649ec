/**
 * Case 4 of `npm run bench`: 1, 5, 25 and 100 profiles (--quick: up to 25) from one approval, the emulator adding
 * 50 ms to every AWS call: times, requests, role calls in flight and the effective concurrency. Case 5 reads the
 * peak RSS of these runs from `scaling`.
 */
import path from 'node:path'
import type { EmulatorAccount } from '../emulator/server.js'
import {
  closeEmulator,
  openEmulator,
  peakInFlight,
  readRssKiB,
  removeWorkspace,
  startStep,
  summarize,
  tempDir,
  workspace
} from './harness.js'
import {
  afterToken,
  approveAt,
  failIf,
  runnerEnv,
  SEED_INPUTS
} from './runner.js'
import { iterate, progress, type Bench } from './options.js'
import { TARGET, row, type Row, type Section } from './report.js'

export const PROFILE_DELAY_MS = 50
/** The role of every account of cases 4 and 6. */
export const ROLE = 'DeployAccess'
function benchAccounts(n: number): EmulatorAccount[] {
  return Array.from({ length: n }, (_, i) => ({
    accountId: String(200000000000 + i),
    accountName: `acct-${i}`,
    roles: [ROLE]
  }))
}

export interface ScaleSample {
  afterApproval: number
  afterToken: number
  requests: number
  peak: number
  fetch: number
  tail: number
  rss?: number
  problems: string[]
}
/** Case 4's samples per number of profiles (case 5 reports their peak RSS). */
export const scaling = new Map<number, ScaleSample[]>()

export async function caseScaling(b: Bench): Promise<Section> {
  const sizes = b.opts.quick ? [1, 5, 25] : [1, 5, 25, 100]
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
        script: b.entry,
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
    if (b.opts.warmup) {
      progress('scaling: warm-up (5 profiles)')
      await run(5, -1)
    }
    for (const n of sizes) {
      const samples = await iterate(
        b,
        `scaling, ${n} profile(s)`,
        (i) => run(n, i),
        b.opts.iterations,
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
