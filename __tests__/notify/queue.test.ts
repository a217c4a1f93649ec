/** EventQueue: per-channel order, a slow channel does not hold back the others, a cut-short drain is reported. */
import type { LoginEvent, Notifier } from '../../src/core/events.js'
import { EventQueue } from '../../src/notify/queue.js'
import { finals, recordingLogger, started } from './helpers.js'

/** unref'd: the channels a drain abandons (5 s) must not keep Jest alive after the last test. */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref())

function channel(
  name: string,
  delayMs: number,
  note?: string
): Notifier & { seen: string[]; unfinished?: () => string | undefined } {
  const seen: string[] = []
  let busy = 0
  return {
    name,
    seen,
    async onEvent(e: LoginEvent) {
      busy++
      await sleep(delayMs)
      seen.push(e.type)
      busy--
    },
    ...(note ? { unfinished: () => (busy > 0 ? note : undefined) } : {})
  }
}

test('each channel gets the events in order; a slow one does not delay the others', async () => {
  const fast = channel('log', 0)
  const slow = channel('comment', 150)
  const q = new EventQueue([fast, slow], recordingLogger())
  q.push(started())
  q.push(finals.approved)
  await sleep(40)
  expect(fast.seen).toEqual(['started', 'approved'])
  expect(slow.seen).toEqual([])
  await q.drain(2000)
  expect(slow.seen).toEqual(['started', 'approved'])
})

test('a drain that finishes in time says nothing', async () => {
  const log = recordingLogger()
  const q = new EventQueue([channel('comment', 10, 'x')], log)
  q.push(finals.denied)
  await q.drain(1000)
  expect(log.of('warning')).toEqual([])
})

test('a drain that times out warns, naming each channel that did not finish and what it leaves behind', async () => {
  const log = recordingLogger()
  const q = new EventQueue(
    [
      channel('log', 0),
      channel(
        'comment',
        5000,
        'the comment on #12 may still show the old request'
      ),
      channel('webhook', 5000)
    ],
    log
  )
  q.push(finals.cancelled)
  const t = Date.now()
  await q.drain(200)
  expect(Date.now() - t).toBeLessThan(1000)
  expect(log.of('warning')).toEqual([
    'Notifications did not finish within 0.2 s and were abandoned: comment (the comment on #12 may still show the old request); webhook.'
  ])
})
