/** Delivers lifecycle events to every channel in order, one event at a time, never throwing and never blocking the caller. */
import type { LoginEvent, Logger, Notifier } from '../events.js'
import { broadcast } from './index.js'

export class EventQueue {
  private tail: Promise<void> = Promise.resolve()
  constructor(
    private readonly notifiers: Notifier[],
    private readonly logger?: Logger
  ) {}

  push(event: LoginEvent): void {
    this.tail = this.tail.then(() => broadcast(this.notifiers, event, this.logger))
  }

  /** Waits for queued deliveries, at most `timeoutMs` (a hung API must not keep a cancelled job alive). */
  async drain(timeoutMs = 8_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    await Promise.race([this.tail, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))])
    clearTimeout(timer)
  }
}
