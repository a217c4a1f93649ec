/**
 * Notification channels behind one interface. The entry points (GitHub Action, CLI) build the
 * channels once with `createNotifiers` and pass every LoginEvent to `broadcast`.
 * Adding a channel: one file in this folder and one entry in FACTORIES.
 */
import type {
  LoginEvent,
  Logger,
  Notifier,
  RequestContext
} from '../core/events.js'
import { commentNotifier, type CommentOptions } from './comment.js'
import type { Env } from './http.js'
import { logNotifier } from './log.js'
import type { MarkerKey } from './render/types.js'
import { summaryNotifier, type SummaryWriter } from './summary.js'
import { webhookNotifier } from './webhook.js'

export type { CommentOptions } from './comment.js'
export type { SummaryWriter } from './summary.js'
export type { MarkerKey } from './render/types.js'

export const CHANNELS = ['log', 'summary', 'comment', 'webhook'] as const
export type ChannelName = (typeof CHANNELS)[number]

/** What the entry point provides. Only what a chosen channel needs has to be set. */
export interface NotifyDeps {
  ctx: RequestContext
  logger: Logger
  now?: () => Date
  /** Proxy variables and GITHUB_API_URL (default process.env). */
  env?: Env
  /** Identifies the comment/summary (run id, job, profile). */
  marker?: MarkerKey
  /** 'summary': overwrites this step's job summary (the Action passes one backed by core.summary). */
  summary?: SummaryWriter
  /** 'comment': token, repository and PR/issue number; undefined when the run has no PR/issue. */
  comment?: Omit<CommentOptions, 'now' | 'marker' | 'env'>
  /** 'webhook': the incoming-webhook URL (a secret). */
  webhookUrl?: string
}

type Factory = (deps: NotifyDeps) => Notifier | string

const FACTORIES: Record<ChannelName, Factory> = {
  log: (d) => logNotifier(d.logger, d.ctx, { now: d.now }),
  summary: (d) =>
    d.summary
      ? summaryNotifier(d.summary, d.ctx, {
          logger: d.logger,
          now: d.now,
          marker: d.marker
        })
      : 'no job summary is available here',
  comment: (d) => {
    if (!d.comment) return 'this run has no pull request or issue to comment on'
    if (!d.comment.token) return 'no GitHub token was given'
    return commentNotifier(
      { ...d.comment, now: d.now, marker: d.marker, env: d.env },
      d.ctx,
      d.logger
    )
  },
  webhook: (d) =>
    d.webhookUrl
      ? webhookNotifier(d.webhookUrl, d.ctx, d.logger, {
          now: d.now,
          env: d.env
        })
      : 'no webhook URL was given'
}

/**
 * Build the chosen channels (e.g. the parsed `notify` input). The log channel is always on (the
 * place of last resort for the link), first, whether listed or not. A channel whose dependency is
 * missing is skipped with one warning (never an error: the login does not depend on notifications).
 */
export function createNotifiers(
  channels: readonly string[],
  deps: NotifyDeps
): Notifier[] {
  const out: Notifier[] = []
  const seen = new Set<string>()
  for (const raw of ['log', ...channels]) {
    const name = raw.trim().toLowerCase()
    if (!name || seen.has(name)) continue
    seen.add(name)
    const factory = (FACTORIES as Record<string, Factory | undefined>)[name]
    if (!factory) {
      deps.logger.warning(
        `Unknown notify channel "${name.slice(0, 40)}" ignored (known: ${CHANNELS.join(', ')}).`
      )
      continue
    }
    const made = factory(deps)
    if (typeof made === 'string')
      deps.logger.warning(`notify: ${name} skipped: ${made}.`)
    else out.push(made)
  }
  return out
}

/** Deliver one event to every channel concurrently. Never throws; resolves when all are done. */
export async function broadcast(
  notifiers: readonly Notifier[],
  event: LoginEvent,
  logger?: Logger
): Promise<void> {
  await Promise.all(
    notifiers.map(async (n) => {
      try {
        await n.onEvent(event)
      } catch (err) {
        try {
          logger?.debug(
            `notify: ${n.name} failed on ${event.type}: ${err instanceof Error ? err.name : 'error'}`
          )
        } catch {
          /* ignore */
        }
      }
    })
  )
}
