/**
 * A chat incoming webhook (Slack, Teams, Mattermost, ... all accept `{"text": "..."}`):
 * one message when a code is issued (again on re-issue) and one with the outcome.
 * The URL is a secret: it is never logged, warnings say "the webhook".
 */
import type {
  LoginEvent,
  Logger,
  Notifier,
  RequestContext
} from '../core/events.js'
import { httpRequest, NetworkError, type Env } from './http.js'
import { renderText } from './render/text.js'
import { type StartedEvent } from './render/types.js'

export interface WebhookNotifierOptions {
  now?: () => Date
  /** Proxy variables (default process.env). */
  env?: Env
  /** Per-request timeout (default 5 s). */
  timeoutMs?: number
}

export function webhookNotifier(
  url: string,
  ctx: RequestContext,
  logger: Logger,
  opts: WebhookNotifierOptions = {}
): Notifier {
  const now = opts.now ?? (() => new Date())
  let started: StartedEvent | undefined
  let finished = false
  let warned = false
  let chain: Promise<void> = Promise.resolve()

  /** One warning: a webhook that failed at the start is known to be broken; the outcome failing alone is reported too. */
  const warnOnce = (why: string, isFinal = false): void => {
    if (warned) return
    warned = true
    const hint = /^HTTP (4\d\d)/.test(why)
      ? 'check the webhook-url secret (the receiver must accept a JSON POST of {"text": "..."}, as Slack and Teams incoming webhooks do)'
      : 'check the webhook-url secret and that the receiver is reachable from the runner (HTTPS_PROXY / NO_PROXY)'
    logger.warning(
      `Could not notify the webhook${isFinal ? ' of the outcome' : ''} (${why}): ${hint}. ${isFinal ? 'The outcome is in the job log.' : 'The link and the code are in the job log.'}`
    )
  }

  /** Aborted by close(): a POST still open when the step ends is abandoned instead of keeping the process alive. */
  const closing = new AbortController()

  async function send(
    text: string,
    isFinal = false,
    timeoutMs = opts.timeoutMs ?? 5000
  ): Promise<void> {
    let target: URL
    try {
      target = new URL(url)
      if (target.protocol !== 'https:' && target.protocol !== 'http:')
        throw new Error('scheme')
    } catch {
      warnOnce('its URL is not a valid http(s) URL', isFinal)
      return
    }
    try {
      const res = await httpRequest({
        method: 'POST',
        url: target.href,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'identity-center-login'
        },
        body: JSON.stringify({ text }),
        timeoutMs,
        env: opts.env,
        signal: closing.signal
      })
      if (res.status < 200 || res.status >= 300)
        warnOnce(`HTTP ${res.status}`, isFinal)
    } catch (err) {
      // Only the error code: a Node error message could contain the host.
      warnOnce(
        err instanceof NetworkError ? err.message : 'network error',
        isFinal
      )
    }
  }

  async function handle(event: LoginEvent): Promise<void> {
    if (finished || event.type === 'waiting') return
    if (event.type === 'started') {
      started = event
      await send(renderText(ctx, { started, now: now() }, { chat: true }))
      return
    }
    finished = true
    if (!started) return // nobody was asked: nothing to close
    // A cancelled step has about 3 s left to drain: stay inside it.
    const timeout =
      event.type === 'cancelled'
        ? Math.min(opts.timeoutMs ?? 5000, 2500)
        : opts.timeoutMs
    await send(
      renderText(ctx, { started, final: event, now: now() }, { chat: true }),
      true,
      timeout
    )
  }

  return {
    name: 'webhook',
    onEvent(event: LoginEvent): Promise<void> {
      chain = chain
        .then(() => handle(event))
        .catch((err) =>
          logger.debug(
            `webhook notifier: ${err instanceof Error ? err.name : 'error'}`
          )
        )
      return chain
    },
    close(): void {
      closing.abort()
    }
  }
}
