/**
 * The command line of `npm run bench`, what every case is handed (Bench: the options and the entry points of the
 * dist/ snapshot), and the loop that runs a case's warm-up and measured iterations.
 */
import path from 'node:path'
import { ROOT } from './harness.js'

export interface Options {
  quick: boolean
  iterations: number
  warmup: boolean
  dist: string
  only?: Set<number>
  /** configure-aws-credentials' dist/ folder (its committed bundle), to compare bundle loads in the same run. */
  reference?: string
}

/** A case as --help lists it: its number and name, and whether --quick leaves it out. */
export interface CaseName {
  n: number
  name: string
  notQuick?: boolean
}

function help(cases: CaseName[]): string {
  return (
    `npm run bench -- [--quick] [--iterations N] [--no-warmup] [--dist DIR] [--only ${cases.map((c) => c.n).join(',')}] [--reference DIR]\n` +
    '  --quick       one iteration per case, no warm-up, scaling up to 25 profiles, no case 6 (for CI; < 60 s)\n' +
    '  --iterations  measured iterations per case after one warm-up (default 7)\n' +
    '  --no-warmup   no warm-up iteration\n' +
    '  --dist        the dist/ folder to measure (default ./dist)\n' +
    '  --only        run only these cases\n' +
    "  --reference   configure-aws-credentials' dist/ folder: its bundle load is measured next to ours (default: $BENCH_REFERENCE_DIST)\n" +
    'cases (bench/README.md says what each measures):\n' +
    cases
      .map(
        (c) => `  ${c.n}  ${c.name}${c.notQuick ? ' (not in --quick)' : ''}\n`
      )
      .join('')
  )
}

/** Parses the bench's arguments; --help prints the usage with every case and exits. */
export function parseOptions(argv: string[], cases: CaseName[]): Options {
  const o: Options = {
    quick: false,
    iterations: 7,
    warmup: true,
    dist: path.join(ROOT, 'dist')
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (): string => {
      const eq = a.indexOf('=')
      if (eq >= 0) return a.slice(eq + 1)
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--quick') o.quick = true
    else if (a.startsWith('--iterations')) o.iterations = Number(value())
    else if (a.startsWith('--dist')) o.dist = path.resolve(value())
    else if (a.startsWith('--reference')) o.reference = path.resolve(value())
    else if (a.startsWith('--only'))
      o.only = new Set(value().split(',').map(Number))
    else if (a === '--no-warmup') o.warmup = false
    else if (a === '--help' || a === '-h') {
      process.stdout.write(help(cases))
      process.exit(0)
    } else throw new Error(`unknown option ${a} (see --help)`)
  }
  if (!Number.isInteger(o.iterations) || o.iterations < 1)
    throw new Error('--iterations must be a positive integer')
  if (o.quick) {
    o.iterations = 1
    o.warmup = false
  }
  return o
}

/** What a case is handed: the options, and the entry points of the dist/ snapshot the run measures. */
export interface Bench {
  opts: Options
  /** dist/index.js (the action's main step) */
  entry: string
  /** dist/cli.js */
  cliEntry: string
  /** dist/post.js */
  postEntry: string
}

export const progress = (m: string): void =>
  void process.stderr.write(`bench: ${m}\n`)

/** One warm-up (unless disabled) then `n` measured iterations, one at a time. */
export async function iterate<T>(
  b: Bench,
  name: string,
  fn: (i: number) => Promise<T>,
  n = b.opts.iterations,
  warmup = b.opts.warmup
): Promise<T[]> {
  if (warmup) {
    progress(`${name}: warm-up`)
    await fn(-1)
  }
  const out: T[] = []
  for (let i = 0; i < n; i++) {
    progress(`${name}: ${i + 1}/${n}`)
    out.push(await fn(i))
  }
  return out
}
