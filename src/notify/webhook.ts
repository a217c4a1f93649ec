/**
 * A chat incoming webhook (Slack, Teams, Mattermost, ... all accept `{"text": "..."}`):
 * one message when a code is issued (again on re-issue) and one with the outcome.
 * The URL is a secret: it is never logged, warnings say "the webhook".
 */
import type { LoginEvent, Logger, Notifier, RequestContext } from '../events.js'
import { httpRequest, NetworkError, type Env } from './http.js'
import { renderText, type StartedEvent } from './message.js'

export interface WebhookNotifierOptions {
  now?: () => Date
  /** Proxy variables (default process.env). */
  env?: Env
  /** Per-request timeout (default 5 s). */
  timeoutMs?: number
}

export function webhookNotifier(url: string, ctx: RequestContext, logger: Logger, opts: WebhookNotifierOptions = {}): Notifier {
  const now = opts.now ?? (() => new Date())
  let started: StartedEvent | undefined
  let finished = false
  let warned = false
  let chain: Promise<void> = Promise.resolve()

  const warnOnce = (why: string): void => {
    if (warned) return
    warned = true
    logger.warning(`Could not notify the webhook (${why}); the link and the code are in the job log.`)
  }

  async function send(text: string): Promise<void> {
    let target: URL
    try {
      target = new URL(url)
      if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error('scheme')
    } catch {
      warnOnce('its URL is not a valid http(s) URL')
      return
    }
    try {
      const res = await httpRequest({
        method: 'POST',
        url: target.href,
        headers: { 'content-type': 'application/json', 'user-agent': 'identity-center-login' },
        body: JSON.stringify({ text }),
        timeoutMs: opts.timeoutMs ?? 5000,
        env: opts.env
      })
      if (res.status < 200 || res.status >= 300) warnOnce(`HTTP ${res.status}`)
    } catch (err) {
      // Only the error code: a Node error message could contain the host.
      warnOnce(err instanceof NetworkError ? err.message : 'network error')
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
    await send(renderText(ctx, { started, final: event, now: now() }, { chat: true }))
  }

  return {
    name: 'webhook',
    onEvent(event: LoginEvent): Promise<void> {
      chain = chain.then(() => handle(event)).catch((err) => logger.debug(`webhook notifier: ${err instanceof Error ? err.name : 'error'}`))
      return chain
    }
  }
}
