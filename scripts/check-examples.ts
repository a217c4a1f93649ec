/**
 * The example workflows under examples/ are what the README quotes: this checks that they parse, that every `with:`
 * key of our action is a real input and every `--flag` given to the CLI is a real flag, that a CLI example which starts
 * a sign-in is safe by default (`--sign-out-early`, or `--share-session` for a login job), that they and the README use
 * one placeholder for the action's owner (`your-org/`), and that every README snippet marked
 * `<!-- example: examples/… -->` is, line for line, a part of that file; and that the README's links to its own
 * headings and files resolve.
 *
 * `npx tsx scripts/check-examples.ts` prints the problems and exits 1 when there are any (`.ci/run` runs it);
 * __tests__/examples.test.ts runs the same check.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'
import { INPUTS } from '../src/inputs/spec.js'
import { cliFlags } from '../src/cli/args.js'

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..'
)
export const ACTION_PREFIX = 'your-org/identity-center-login@'

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

/** Every string value of a YAML document (scripts, `run:` blocks …). */
function yamlStrings(doc: YAML.Document): string[] {
  const out: string[] = []
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string') out.push(node.value)
    }
  })
  return out
}

const INVOCATION =
  /(?:^|[\s"'(/])identity-center-login(?:@[\w.^~-]+)?(?=["']?(?:\s|$))/g
const COMMAND_END = /\)"|\)|\s\|\|\s|\s&&\s|;|\s\|\s|\n/

/** The flags of each CLI invocation in a shell command text. */
export function cliInvocations(text: string): string[][] {
  const calls: string[][] = []
  const joined = text.replace(/\\\r?\n/g, ' ')
  for (const m of joined.matchAll(INVOCATION)) {
    let rest = joined.slice(m.index + m[0].length)
    const end = COMMAND_END.exec(rest)
    if (end) rest = rest.slice(0, end.index)
    calls.push(
      [...rest.matchAll(/(?:^|\s)(--[A-Za-z][\w-]*)/g)].map((f) => f[1])
    )
  }
  return calls
}

function checkWorkflow(rel: string, doc: unknown, problems: string[]): void {
  const names = new Set(INPUTS.map((i) => i.name))
  const jobs = (doc as { jobs?: Record<string, { steps?: unknown[] }> })?.jobs
  if (!jobs || typeof jobs !== 'object') {
    problems.push(`${rel}: no jobs`)
    return
  }
  let uses = 0
  for (const [job, body] of Object.entries(jobs)) {
    for (const step of body?.steps ?? []) {
      const s = step as { uses?: unknown; with?: Record<string, unknown> }
      if (typeof s.uses !== 'string' || !/identity-center-login@/.test(s.uses))
        continue
      uses++
      if (!s.uses.startsWith(ACTION_PREFIX))
        problems.push(
          `${rel}: job ${job}: uses ${s.uses}, not ${ACTION_PREFIX}…`
        )
      for (const key of Object.keys(s.with ?? {}))
        if (!names.has(key))
          problems.push(
            `${rel}: job ${job}: "${key}" is not an input of the action`
          )
    }
  }
  if (!uses) problems.push(`${rel}: no step uses the action`)
}

function checkCli(rel: string, texts: string[], problems: string[]): void {
  const flags = cliFlags()
  const calls = texts.flatMap(cliInvocations)
  if (!calls.length) problems.push(`${rel}: no identity-center-login command`)
  for (const call of calls) {
    for (const flag of call)
      if (!flags.has(flag))
        problems.push(`${rel}: ${flag} is not a flag of the CLI`)
    if (
      call.includes('--start-url') &&
      !call.includes('--sign-out-early') &&
      !call.includes('--share-session')
    )
      problems.push(
        `${rel}: a sign-in without --sign-out-early leaves the approver's sign-in on the machine (the CLI has no post step)`
      )
  }
}

/** README snippets marked `<!-- example: PATH -->` right before a code fence: each must be whole lines of PATH. */
export function checkSnippets(
  readme: string,
  root: string,
  problems: string[]
): number {
  const re = /<!-- example: (\S+) -->\n```[\w-]*\n([\s\S]*?)\n```/g
  let count = 0
  for (const m of readme.matchAll(re)) {
    count++
    const file = path.join(root, m[1])
    if (!existsSync(file)) {
      problems.push(`README: snippet from ${m[1]}, which does not exist`)
      continue
    }
    const lines = readFileSync(file, 'utf8').replace(/\n$/, '').split('\n')
    const snippet = m[2].split('\n')
    const found = lines.some((_l, i) =>
      snippet.every((s, j) => lines[i + j] === s)
    )
    if (!found)
      problems.push(
        `README: the snippet marked as from ${m[1]} (starting "${snippet[0]}") is not a part of that file`
      )
  }
  const markers = readme.match(/^<!-- example:/gm)?.length ?? 0
  if (markers !== count)
    problems.push(
      `README: ${markers - count} "<!-- example: … -->" marker(s) not right before a code fence`
    )
  for (const m of readme.matchAll(/uses: (\S*identity-center-login@\S*)/g))
    if (!m[1].startsWith(ACTION_PREFIX))
      problems.push(`README: uses ${m[1]}, not ${ACTION_PREFIX}…`)
  return count
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes; repeats get -1, -2 … */
export function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  const body = markdown.replace(/```[\s\S]*?```/g, '')
  for (const m of body.matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = m[1]
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-')
    const n = seen.get(slug) ?? 0
    seen.set(slug, n + 1)
    anchors.add(n ? `${slug}-${n}` : slug)
  }
  return anchors
}

export function checkExamples(root = ROOT): string[] {
  const problems: string[] = []
  const dir = path.join(root, 'examples')
  const files = walk(dir).sort()
  for (const file of files) {
    const rel = path.relative(root, file)
    const text = readFileSync(file, 'utf8')
    if (/\.ya?ml$/.test(file)) {
      const doc = YAML.parseDocument(text)
      if (doc.errors.length) {
        problems.push(`${rel}: ${doc.errors.map(String).join('; ')}`)
        continue
      }
      if (rel.split(path.sep).includes('github'))
        checkWorkflow(rel, doc.toJS(), problems)
      else checkCli(rel, yamlStrings(doc), problems)
    } else if (file.endsWith('.md')) {
      continue
    } else if (path.basename(file) === 'Jenkinsfile') {
      checkCli(rel, [text], problems)
    } else {
      problems.push(`${rel}: not a workflow this check knows`)
    }
  }
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  checkSnippets(readme, root, problems)
  const anchors = headingAnchors(readme)
  for (const m of readme.matchAll(/\]\(#([^)]+)\)/g))
    if (!anchors.has(m[1]))
      problems.push(`README: a link to #${m[1]}, which no heading has`)
  for (const m of readme.matchAll(
    /\]\(((?:examples|docs|bench|emulator)\/[^)#]*)\)/g
  ))
    if (!existsSync(path.join(root, m[1])))
      problems.push(`README: a link to ${m[1]}, which does not exist`)
  return problems
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = checkExamples()
  for (const p of problems) process.stderr.write(`${p}\n`)
  if (problems.length) process.exit(1)
  process.stdout.write(
    'examples/: every workflow parses, every input and flag exists, every README snippet matches its example\n'
  )
}
