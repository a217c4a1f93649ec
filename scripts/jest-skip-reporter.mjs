/**
 * A jest reporter that prints, after the summary, each test file with skipped tests and why: the reason a file gave
 * with skippedBecause() (__tests__/skipped-because.ts: a tool is missing), or "test.skip / not this platform".
 */
import path from 'node:path'

const MARK = 'skipped because:'

export default class SkipReporter {
  constructor(globalConfig) {
    this.root = globalConfig.rootDir
  }

  onRunComplete(_contexts, results) {
    const lines = []
    let total = 0
    for (const file of results.testResults) {
      const pending = file.testResults.filter((t) => t.status === 'pending')
      if (!pending.length) continue
      const reasons = pending
        .filter((t) => t.title.startsWith(MARK))
        .map((t) => t.title.slice(MARK.length).trim())
      const skipped = pending.length - reasons.length
      total += skipped
      const rel = path.relative(this.root, file.testFilePath)
      lines.push(
        `  ${rel}: ${skipped} skipped (${reasons.length ? reasons.join('; ') : 'test.skip / not this platform'})`
      )
    }
    if (lines.length)
      process.stderr.write(
        `\nSkipped: ${total} test(s), by file and reason (jest's "skipped" count also counts one marker per file that gives a reason):\n${lines.join('\n')}\n`
      )
  }
}
