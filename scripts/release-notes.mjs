#!/usr/bin/env node
// Prints the CHANGELOG.md section of one version (Keep a Changelog: `## [1.2.3] - 2026-12-02` up to the next `## `),
// without its heading, for the GitHub release notes. Exits 1 when the version has no section or the section is empty.
// Usage: node scripts/release-notes.mjs 1.2.3 [CHANGELOG.md]
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

export function releaseNotes(changelog, version) {
  const lines = changelog.split(/\r?\n/)
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const heading = new RegExp(`^## \\[?v?${escaped}\\]?(\\s|$)`)
  const start = lines.findIndex((l) => heading.test(l))
  if (start < 0) return undefined
  const next = lines.findIndex((l, i) => i > start && /^## /.test(l))
  const body = lines.slice(start + 1, next < 0 ? undefined : next)
  // Link reference definitions ([1.2.3]: https://…) belong to the whole file, not to a section.
  while (
    body.length &&
    (body[body.length - 1].trim() === '' ||
      /^\[[^\]]+\]: /.test(body[body.length - 1]))
  )
    body.pop()
  while (body.length && body[0].trim() === '') body.shift()
  return body.length ? `${body.join('\n')}\n` : undefined
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2)
  if (!version) {
    process.stderr.write(
      'usage: node scripts/release-notes.mjs VERSION [CHANGELOG.md]\n'
    )
    process.exit(2)
  }
  const notes = releaseNotes(
    readFileSync(file, 'utf8'),
    version.replace(/^v/, '')
  )
  if (!notes) {
    process.stderr.write(
      `${file} has no section for ${version} (a "## [${version.replace(/^v/, '')}] - YYYY-MM-DD" heading with notes under it)\n`
    )
    process.exit(1)
  }
  process.stdout.write(notes)
}
