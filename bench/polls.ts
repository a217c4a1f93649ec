/**
 * Case 3 of `npm run bench`: CreateToken requests per approval (interval 1 s, approval 10.5 s after the code), without
 * and with one slow_down, beside the count from the interval arithmetic.
 */
import {
  callsOf,
  closeEmulator,
  openEmulator,
  removeWorkspace,
  startStep,
  summarize,
  workspace
} from './harness.js'
import { SEED_INPUTS, approveAt, byAt, failIf, runnerEnv } from './runner.js'
import { progress, type Bench } from './options.js'
import { type Section } from './report.js'

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

export async function casePolls(b: Bench): Promise<Section> {
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
        script: b.entry,
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
