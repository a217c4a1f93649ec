/**
 * The job summary: written when the request starts (a durable record even if the job is killed)
 * and rewritten with the outcome. The writer is injected so this file never loads @actions/core.
 */
import type {
  LoginEvent,
  Logger,
  Notifier,
  RequestContext
} from '../core/events.js'
import { MAX_SUMMARY_BYTES, renderMarkdown } from './render/markdown.js'
import { approvalRecordMarkdown } from './render/approval-record.js'
import { type MarkerKey, type StartedEvent } from './render/types.js'

export interface SummaryWriter {
  /** Replace this step's summary section with `markdown`. */
  write(markdown: string): Promise<void>
}

export interface SummaryNotifierOptions {
  logger?: Logger
  now?: () => Date
  marker?: MarkerKey
}

export function summaryNotifier(
  writer: SummaryWriter,
  ctx: RequestContext,
  opts: SummaryNotifierOptions = {}
): Notifier {
  const now = opts.now ?? (() => new Date())
  let started: StartedEvent | undefined
  let finished = false
  let warned = false

  const write = async (markdown: string): Promise<void> => {
    try {
      await writer.write(markdown)
    } catch (err) {
      if (warned) return
      warned = true
      opts.logger?.warning(
        `Could not write the job summary (${err instanceof Error ? err.message : String(err)}); the link and the code are in the job log.`
      )
    }
  }

  return {
    name: 'summary',
    async onEvent(event: LoginEvent): Promise<void> {
      if (finished || event.type === 'waiting') return
      if (event.type === 'started') {
        started = event
        await write(
          renderMarkdown(ctx, { started, now: now() }, opts.marker, {
            summary: true
          })
        )
        return
      }
      finished = true
      const markdown = renderMarkdown(
        ctx,
        { started, final: event, now: now() },
        opts.marker,
        { summary: true }
      )
      // The approval record, collapsed, under the outcome; when both would pass GitHub's 1 MiB limit for a step's
      // summary (thousands of profiles), a line saying where the record is instead.
      let record =
        event.type === 'approved' && event.record
          ? `\n${approvalRecordMarkdown(event.record)}`
          : ''
      if (
        record &&
        Buffer.byteLength(markdown + record, 'utf8') > MAX_SUMMARY_BYTES - 1024
      )
        record = `\n_The approval record (${Buffer.byteLength(record, 'utf8').toLocaleString('en-US')} bytes) does not fit in the job summary beside the list above: it is the step's \`approval-record\` output._\n`
      await write(markdown + record)
    }
  }
}
