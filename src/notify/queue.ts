/**
 * Delivers lifecycle events to every channel in order, never throwing and never blocking the caller.
 * Each channel has its own queue, so a slow one (a hung GitHub API) does not hold back the others.
 */
import type { LoginEvent, Logger, Notifier } from '../core/events.js'
import { broadcast } from './index.js'

export class EventQueue {
  private readonly tails: Promise<void>[]
  private readonly pending: number[]
  constructor(
    private readonly notifiers: Notifier[],
    private readonly logger?: Logger
  ) {
    this.tails = notifiers.map(() => Promise.resolve())
    this.pending = notifiers.map(() => 0)
  }

  push(event: LoginEvent): void {
    this.notifiers.forEach((n, i) => {
      this.pending[i]++
      this.tails[i] = this.tails[i]
        .then(() => broadcast([n], event, this.logger))
        .finally(() => void this.pending[i]--)
    })
  }

  /**
   * Waits for queued deliveries, at most `timeoutMs` (a hung API must not keep a cancelled job alive).
   * If time runs out, warns naming each channel that did not finish and what that may leave behind:
   * a final comment edit is never lost silently.
   */
  async drain(timeoutMs = 8_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    const all = Promise.all(this.tails).then(() => true)
    const done = await Promise.race([
      all,
      new Promise<boolean>(
        (resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))
      )
    ])
    clearTimeout(timer)
    if (done) return
    // Abandoned: their open requests and retry timers must not keep the step's process alive.
    for (const [i, n] of this.notifiers.entries()) {
      if (this.pending[i] === 0) continue
      try {
        n.close?.()
      } catch {
        /* a channel that fails to close is abandoned anyway */
      }
    }
    const late = this.notifiers
      .map((n, i) => {
        if (this.pending[i] === 0) return undefined
        let note: string | undefined
        try {
          note = n.unfinished?.()
        } catch {
          note = undefined
        }
        return note ? `${n.name} (${note})` : n.name
      })
      .filter((s): s is string => s !== undefined)
    if (late.length === 0) return
    try {
      this.logger?.warning(
        `Notifications did not finish within ${(timeoutMs / 1000).toFixed(1)} s and were abandoned: ${late.join('; ')}.`
      )
    } catch {
      /* a logger that throws must not break the exit */
    }
  }
}
