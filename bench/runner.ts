/**
 * A case's runs of the bundled action: the step's environment as a GitHub runner gives it, the approval at a chosen
 * moment, the emulator calls after the token, and the failure of a run that did not exit 0.
 *
 * The runner's environment (runnerEnv, the seed inputs, the post step's STATE_* variables) is the one the end-to-end
 * tests run the bundle with, and the fake GitHub API is theirs too: both are imported from __tests__/e2e/ here, in this
 * one place, so that the bench measures exactly what the tests assert on.
 */
import type { CallRecord, Emulator } from '../emulator/server.js'
import { withoutNodeVersionWarning } from '../__tests__/e2e/runner.js'
import { sleepUntil, type Exit } from './harness.js'

export {
  postEnv,
  runnerEnv,
  SEED_INPUTS,
  withoutNodeVersionWarning
} from '../__tests__/e2e/runner.js'
/** A fake GitHub REST API for the comment channel (case 5's pull-request run). */
export { startFakeGitHub } from '../__tests__/e2e/github-fake.js'

export function failIf(exit: Exit, what: string): void {
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

export const byAt = (a: CallRecord, b: CallRecord): number => a.at - b.at
export const USER = 'alice'

/** Approve the run's code at createdAt + offsetMs; the answer of approve() carries the approval time. */
export async function approveAt(
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
export function afterToken(
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
