/**
 * Case 1 of `npm run bench`: time to link. Spawn → the "Open this link to approve" line, split at the first stdout byte
 * (bundle load), the first AWS request and the last answer; `node -e ''` as the floor; configure-aws-credentials'
 * bundle load beside ours with --reference; the requests before the link in a fresh HOME and in a HOME whose client
 * registration is cached.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import {
  closeEmulator,
  openEmulator,
  removeWorkspace,
  startStep,
  summarize,
  tempDir,
  workspace
} from './harness.js'
import { SEED_INPUTS, USER, byAt, failIf, runnerEnv } from './runner.js'
import { iterate, progress, type Bench } from './options.js'
import { TARGET, fmt, row, type Section } from './report.js'

export async function caseLink(b: Bench): Promise<Section> {
  const sec: Section = {
    title:
      '1. Time to link (spawn → the "Open this link to approve" line on stdout), interval 1 s',
    rows: [],
    notes: []
  }
  const baseline = await iterate(b, "node -e ''", async () => {
    const step = startStep({
      script: '-e',
      args: [''],
      env: { PATH: process.env.PATH }
    })
    const exit = await step.exit
    return exit.ms
  })

  // configure-aws-credentials loads @actions/core and the AWS SDK too: its committed bundle, run with no inputs, writes
  // its first byte (the error for the missing aws-region input) once everything is loaded. Not committed here.
  const refDir =
    b.opts.reference ??
    (process.env.BENCH_REFERENCE_DIST
      ? path.resolve(process.env.BENCH_REFERENCE_DIST)
      : undefined)
  const refEntry = refDir ? path.join(refDir, 'index.js') : undefined
  const reference =
    refEntry && existsSync(refEntry)
      ? await iterate(b, 'configure-aws-credentials load', async () => {
          const step = startStep({
            script: refEntry,
            env: { PATH: process.env.PATH, HOME: tempDir('icl-bench-ref-') }
          })
          const first = await step.firstByte
          await step.exit
          return first
        })
      : undefined

  const emu = await openEmulator({ interval: 1 })
  try {
    const samples = await iterate(b, 'time to link', async () => {
      emu.reset()
      const ws = workspace()
      const step = startStep({
        script: b.entry,
        env: runnerEnv(ws, emu.url, SEED_INPUTS)
      })
      try {
        const link = await step.link
        const first = await step.firstByte
        step.kill()
        await step.exit
        const calls = emu
          .calls()
          .filter((c) => c.at <= link.at)
          .sort(byAt)
        const firstByteAt = step.spawnedAt + first
        const lastAnswer = Math.max(...calls.map((c) => c.at + c.durationMs))
        return {
          link: link.ms,
          first,
          requests: calls.length,
          toFirstRequest: calls.length ? calls[0].at - firstByteAt : NaN,
          requestsSpan: calls.length ? lastAnswer - calls[0].at : NaN,
          toLink: calls.length ? link.at - lastAnswer : NaN
        }
      } finally {
        step.kill()
        await step.exit
        removeWorkspace(ws)
      }
    })
    sec.rows.push(
      row(
        'time to link',
        samples.map((s) => s.link),
        'ms',
        { text: `≤ ${TARGET.linkMs} ms`, ok: (m) => m <= TARGET.linkMs }
      ),
      row(
        'bundle load: spawn → first stdout byte',
        samples.map((s) => s.first),
        'ms',
        { text: `≤ ${TARGET.bundleMs} ms`, ok: (m) => m <= TARGET.bundleMs }
      ),
      row("  for reference: node -e '' (spawn → exit)", baseline, 'ms'),
      ...(reference
        ? [
            row(
              "  configure-aws-credentials' bundle load (its dist/index.js, spawn → first byte)",
              reference,
              'ms'
            ),
            row(
              'bundle load, ours vs configure-aws-credentials in this run',
              samples.map((s) => s.first),
              'ms',
              {
                text: `≤ ${fmt(summarize(reference)!.median, 'ms')}`,
                ok: (m) => m <= summarize(reference)!.median
              }
            )
          ]
        : [
            {
              label:
                "  configure-aws-credentials' bundle load: not measured (--reference DIR or BENCH_REFERENCE_DIST)",
              text: ''
            }
          ]),
      row(
        '  first byte → first AWS request arrives',
        samples.map((s) => s.toFirstRequest),
        'ms'
      ),
      row(
        '  first request → last answer before the link',
        samples.map((s) => s.requestsSpan),
        'ms'
      ),
      row(
        '  last answer → link line',
        samples.map((s) => s.toLink),
        'ms'
      ),
      row(
        'HTTP requests before the link (fresh HOME)',
        samples.map((s) => s.requests),
        'n',
        {
          text: `≤ ${TARGET.requestsBeforeLink}`,
          ok: (m) => m <= TARGET.requestsBeforeLink
        }
      )
    )
  } finally {
    await closeEmulator(emu)
  }

  // The same HOME a second time (reuse-session false): the client registration from the first run is reusable.
  const emu2 = await openEmulator({
    interval: 1,
    autoApproveAs: USER,
    autoApproveAfterMs: 0
  })
  const ws = workspace()
  try {
    progress(
      'time to link, registration cached: seeding the HOME with one approved run'
    )
    const seed = startStep({
      script: b.entry,
      env: runnerEnv(ws, emu2.url, SEED_INPUTS)
    })
    failIf(await seed.exit, 'seed run')
    const env = runnerEnv(ws, emu2.url, {
      ...SEED_INPUTS,
      'reuse-session': 'false'
    })
    const samples = await iterate(
      b,
      'time to link, registration cached',
      async () => {
        const step = startStep({ script: b.entry, env })
        try {
          const link = await step.link
          step.kill()
          await step.exit
          const calls = emu2
            .calls()
            .filter((c) => c.at >= step.spawnedAt && c.at <= link.at)
          return {
            link: link.ms,
            requests: calls.length,
            registered: calls.some((c) => c.operation === 'RegisterClient')
          }
        } finally {
          step.kill()
          await step.exit
        }
      },
      b.opts.iterations,
      false
    )
    sec.rows.push(
      row(
        'time to link, 2nd run in the same HOME',
        samples.map((s) => s.link),
        'ms',
        { text: `≤ ${TARGET.linkMs} ms`, ok: (m) => m <= TARGET.linkMs }
      ),
      row(
        'HTTP requests before the link, 2nd run',
        samples.map((s) => s.requests),
        'n',
        {
          text: `≤ ${TARGET.requestsBeforeLinkReused}`,
          ok: (m) => m <= TARGET.requestsBeforeLinkReused
        }
      )
    )
    if (samples.some((s) => s.registered))
      sec.notes.push(
        '1: the second run in the same HOME registered a new client (no reusable registration was found in the cache).'
      )
  } finally {
    removeWorkspace(ws)
    await closeEmulator(emu2)
  }
  return sec
}
