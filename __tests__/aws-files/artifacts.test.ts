/** writeArtifacts: recorded before the writes, written side by side, all undone when one fails. */
import {
  writeArtifacts,
  type Artifact,
  type RunRecord
} from '../../src/aws-files/artifacts.js'

type Rec = Record<string, string | undefined>

/** An artifact that records `name: 'planned'`, then `name: 'written'`; `fail`: its write throws; `stuck`: its undo fails. */
function fake(
  name: string,
  log: string[],
  opts: { fail?: boolean; stuck?: boolean } = {}
): Artifact<Rec> {
  let state: string | undefined = 'planned'
  return {
    record: () => ({ [name]: state }),
    prepare: async () => void log.push(`prepare ${name}`),
    write: async (changed) => {
      log.push(`write ${name}`)
      if (opts.fail) throw new Error(`${name} failed`)
      state = 'written'
      changed()
    },
    undo: async () => {
      log.push(`undo ${name}`)
      if (!opts.stuck) state = undefined
      return state !== undefined
    }
  }
}

const base: RunRecord = { ssoCacheDir: '/c', sessionName: 's' }

test('all written: each prepared before the first report, the record kept (not partial)', async () => {
  const log: string[] = []
  const reports: unknown[] = []
  const done = await writeArtifacts(
    base,
    [fake('a', log), fake('b', log)],
    (r) => reports.push(r)
  )
  expect(log).toEqual(['prepare a', 'prepare b', 'write a', 'write b'])
  expect(reports[0]).toEqual({
    ...base,
    a: 'planned',
    b: 'planned',
    partial: true,
    writerPid: process.pid
  })
  expect(done).toEqual({
    ...base,
    a: 'written',
    b: 'written',
    writerPid: process.pid
  })
})

test('one fails: every artifact is undone, the listener hears undefined, the first failure in list order is thrown', async () => {
  const log: string[] = []
  const reports: unknown[] = []
  await expect(
    writeArtifacts(
      base,
      [
        fake('a', log),
        fake('b', log, { fail: true }),
        fake('c', log, { fail: true })
      ],
      (r) => reports.push(r)
    )
  ).rejects.toThrow('b failed')
  expect(log.filter((l) => l.startsWith('undo'))).toEqual([
    'undo a',
    'undo b',
    'undo c'
  ])
  expect(reports.at(-1)).toBeUndefined()
})

test('an undo that fails stays in the record the listener hears last', async () => {
  const log: string[] = []
  const reports: unknown[] = []
  await expect(
    writeArtifacts(
      base,
      [fake('a', log, { stuck: true }), fake('b', log, { fail: true })],
      (r) => reports.push(r)
    )
  ).rejects.toThrow('b failed')
  expect(reports.at(-1)).toEqual({
    ...base,
    a: 'written',
    b: undefined,
    partial: true,
    writerPid: process.pid
  })
})
