/**
 * Case 6 of `npm run bench` (not in --quick): discover over 1,000 accounts × 2 roles plus the primary, verify-profiles
 * all and primary, then all through a portal throttled at 150 requests/s.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { EmulatorAccount } from '../emulator/server.js'
import {
  closeEmulator,
  openEmulator,
  readRssKiB,
  removeWorkspace,
  startStep,
  tempDir,
  workspace,
  type Exit
} from './harness.js'
import {
  approveAt,
  failIf,
  runnerEnv,
  SEED_INPUTS,
  withoutNodeVersionWarning
} from './runner.js'
import { iterate, progress, type Bench } from './options.js'
import { fmt, row, type Section } from './report.js'
import { ROLE } from './scaling.js'

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

export async function caseLarge(b: Bench): Promise<Section> {
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
  const n = Math.min(b.opts.iterations, 3)
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
      script: b.entry,
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
        b,
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
