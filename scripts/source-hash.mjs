// The content hash of what dist/ is built from: src/, the lockfile, tsconfig.json and this build's scripts.
// scripts/build.mjs records it in dist/source-hash.txt; the e2e tests refuse a dist/ whose hash differs (a git checkout
// does not keep mtimes, so content is compared). `node scripts/source-hash.mjs` prints it.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const INPUTS = [
  'src',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build.mjs',
  'scripts/source-hash.mjs'
]

function files(rel) {
  const abs = path.join(ROOT, rel)
  try {
    return readdirSync(abs, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) =>
        path.relative(ROOT, path.join(e.parentPath ?? e.path, e.name))
      )
  } catch (error) {
    if (error.code === 'ENOTDIR') return [rel]
    throw error
  }
}

export function sourceHash() {
  const hash = createHash('sha256')
  for (const rel of INPUTS.flatMap(files)
    .map((f) => f.split(path.sep).join('/'))
    .sort()) {
    hash.update(`${rel}\0`)
    hash.update(readFileSync(path.join(ROOT, rel)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
)
  process.stdout.write(`${sourceHash()}\n`)
