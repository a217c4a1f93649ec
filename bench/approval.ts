/**
 * Case 2 of `npm run bench`: approval → exit 0 at poll intervals of 1 s and 5 s, the approval mid-interval; the poll
 * wait (the protocol's) apart from the overhead after the successful CreateToken, split at GetRoleCredentials and
 * GetCallerIdentity.
 */
import {
  closeEmulator,
  openEmulator,
  removeWorkspace,
  startStep,
  workspace
} from './harness.js'
import {
  SEED_INPUTS,
  afterToken,
  approveAt,
  failIf,
  runnerEnv
} from './runner.js'
import { iterate, type Bench } from './options.js'
import { TARGET, row, type Section } from './report.js'

export async function caseApproval(b: Bench): Promise<Section> {
  const sec: Section = {
    title:
      '2. Approval → exit 0 with credentials exported (approval mid-interval)',
    rows: [],
    notes: []
  }
  let warm = b.opts.warmup
  for (const interval of [1, 5]) {
    const emu = await openEmulator({ interval })
    try {
      const samples = await iterate(
        b,
        `approval to done, interval ${interval} s`,
        async () => {
          emu.reset()
          const ws = workspace()
          const step = startStep({
            script: b.entry,
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
        b.opts.iterations,
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
