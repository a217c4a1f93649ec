// What dist/ bundles, as package@version lines: the dependency closure, as package-lock.json resolves it (npm's nested
// node_modules lookup), of the packages the sources import (the .ts files under src/, bare specifiers). ncc bundles from exactly that
// tree; every package its license file (dist/licenses.txt) names must be in the list. `node scripts/bundled-packages.mjs`
// prints it; `--write` writes dist/bundled-packages.txt (scripts/build.mjs does); `--check` fails when that file
// differs from what the lock file resolves, or when ncc bundled a package the list lacks (.ci/run runs it).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const LIST = 'dist/bundled-packages.txt'

/** Package names in ncc's license file: a name line followed by a license line, each block after a blank line. */
export function licensedNames(text) {
  const lines = text.split('\n')
  const names = new Set()
  for (let i = 0; i + 1 < lines.length; i++) {
    const start = i === 0 || lines[i - 1] === ''
    if (
      start &&
      /^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/i.test(lines[i]) &&
      /^\S+$/.test(lines[i + 1])
    )
      names.add(lines[i])
  }
  return names
}

/** The lock file's node_modules path that `name` resolves to from the package at `from` (npm's lookup, upwards). */
function resolve(packages, from, name) {
  for (let dir = from; ;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`
    if (packages[candidate]) return candidate
    if (!dir) return undefined
    const cut = dir.lastIndexOf('/node_modules/')
    dir = cut === -1 ? '' : dir.slice(0, cut)
  }
}

/** The packages the sources import: bare specifiers of `from '…'` and `import('…')` in the .ts files under src/. */
export function importedPackages(root) {
  const names = new Set()
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.ts'))
        for (const m of readFileSync(p, 'utf8').matchAll(
          /(?:from|import)\s*\(?\s*'([^'./][^']*)'/g
        )) {
          if (m[1].startsWith('node:')) continue
          const parts = m[1].split('/')
          names.add(
            m[1].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
          )
        }
    }
  }
  walk(path.join(root, 'src'))
  return [...names].sort()
}

export function bundledPackages(lock, licenses, roots) {
  const packages = lock.packages
  const seen = new Set()
  const queue = roots.map((n) => resolve(packages, '', n)).filter(Boolean)
  const unresolved = roots.filter((n) => !resolve(packages, '', n))
  while (queue.length) {
    const at = queue.shift()
    if (seen.has(at)) continue
    seen.add(at)
    const pkg = packages[at]
    for (const dep of Object.keys({
      ...pkg.dependencies,
      ...pkg.optionalDependencies,
      ...pkg.peerDependencies
    })) {
      const next = resolve(packages, at, dep)
      if (next) queue.push(next)
    }
  }
  const lines = new Set()
  for (const at of seen) {
    const name = at.slice(
      at.lastIndexOf('node_modules/') + 'node_modules/'.length
    )
    lines.add(`${name}@${packages[at].version}`)
  }
  // A package required without being declared (debug's optional `require('supports-color')`) resolves as Node would
  // from a package at the top: the hoisted copy.
  const found = new Set([...lines].map((l) => l.slice(0, l.lastIndexOf('@'))))
  for (const n of licensedNames(licenses)) {
    if (found.has(n) || n === '@vercel/ncc') continue // ncc's own runtime helpers
    const at = resolve(packages, '', n)
    if (at) lines.add(`${n}@${packages[at].version}`)
    else unresolved.push(n)
  }
  return { list: [...lines].sort(), missing: unresolved }
}

function compute(root) {
  const lock = JSON.parse(
    readFileSync(path.join(root, 'package-lock.json'), 'utf8')
  )
  const licenses = readFileSync(path.join(root, 'dist', 'licenses.txt'), 'utf8')
  return bundledPackages(lock, licenses, importedPackages(root))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd()
  const { list, missing } = compute(root)
  if (missing.length) {
    console.error(
      `imported or bundled, but not in package-lock.json: ${missing.join(', ')}`
    )
    process.exit(1)
  }
  const text = `${list.join('\n')}\n`
  if (process.argv.includes('--write'))
    writeFileSync(path.join(root, LIST), text)
  else if (process.argv.includes('--check')) {
    let committed = ''
    try {
      committed = readFileSync(path.join(root, LIST), 'utf8')
    } catch {
      console.error(`${LIST} is missing: run npm run build`)
      process.exit(1)
    }
    if (committed !== text) {
      const want = new Set(list)
      const have = new Set(committed.trim().split('\n'))
      console.error(`${LIST} differs from package-lock.json:`)
      for (const l of have)
        if (!want.has(l))
          console.error(`  listed, not what the lock bundles: ${l}`)
      for (const l of want)
        if (!have.has(l))
          console.error(`  bundled per the lock, not listed: ${l}`)
      process.exit(1)
    }
    console.log(
      `${LIST}: ${list.length} packages, as package-lock.json resolves them`
    )
  } else process.stdout.write(text)
}
