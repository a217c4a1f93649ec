/** The types and per-value limits the renderers share. */
import type { FinalEvent, LoginEvent } from '../../core/events.js'

export type StartedEvent = Extract<LoginEvent, { type: 'started' }>

/** What a channel knows at the time it renders. */
export interface MessageState {
  /** The latest device authorization (absent if the login failed before one existed). */
  started?: StartedEvent
  /** Present once the request is over: no link or live code is rendered then. */
  final?: FinalEvent
  /** Rendering time, for "minutes left". */
  now: Date
}

/** Identifies one request so its comment can be found again. */
export interface MarkerKey {
  runId?: string
  job?: string
  profile?: string
}

/** Per-value limits (characters, before escaping). */
export const LIMIT = { short: 200, url: 500, reason: 1000, arn: 2048 }
export const MAX_EXTRA_PROFILES = 20

export type Esc = (v: unknown, max?: number) => string
