/**
 * The approval link is opaque (since September 2026 it is /platform/authorize?request_uri=…, without the code): no
 * source file reads a code out of it, and every message shows the code on its own, whatever the link looks like.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderMarkdown } from '../../src/notify/render/markdown.js'
import { renderText } from '../../src/notify/render/text.js'
import { logNotifier } from '../../src/notify/log.js'
import { T0, ctx, recordingLogger, started } from './helpers.js'

const SRC = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../src'
)

test('no source file reads a user_code out of a link', () => {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts')
  )
  expect(files.length).toBeGreaterThan(20)
  const offenders = files.filter((f) =>
    /user_code/i.test(readFileSync(path.join(SRC, f), 'utf8'))
  )
  expect(offenders).toEqual([])
})

test.each([
  [
    "today's link (no code in it)",
    'https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Aopaque'
  ],
  [
    'a link with some other code in it',
    'https://device.sso.us-east-1.amazonaws.com/?user_code=ZZZZ-ZZZZ'
  ]
])(
  '%s: log, comment and text show the code from the event, on its own',
  async (_label, link) => {
    const event = { ...started(), verificationUri: link }
    const log = recordingLogger()
    await logNotifier(log, ctx, { now: () => T0 }).onEvent(event)
    expect(log.of('info').some((l) => l.trim() === 'ABCD-EFGH')).toBe(true)
    const md = renderMarkdown(ctx, { started: event, now: T0 })
    expect(md).toContain('the code is **`ABCD-EFGH`**')
    expect(renderText(ctx, { started: event, now: T0 })).toContain(
      'User code: ABCD-EFGH'
    )
  }
)
