/**
 * Command-line arguments of the plain CLI, mapped onto the same inputs as the GitHub Action.
 *
 * Every input in INPUTS is a flag of the same name: `--start-url X` or `--start-url=X`. Boolean
 * inputs are switches: `--keep-session` (true), `--no-keep-session` (false), or
 * `--keep-session=VALUE` (validated like the action input). A flag given twice, a positional
 * argument, an unknown flag or a flag without its value is an {@link InputError} naming the flag
 * (`Option "--bogus": …`); flag values are never echoed in these errors.
 *
 * Unset flags fall back to `IDENTITY_CENTER_LOGIN_<NAME>` environment variables (upper case,
 * `-` → `_`, e.g. IDENTITY_CENTER_LOGIN_START_URL); an empty variable counts as unset. Secrets
 * (github-token, webhook-url) are best passed that way, so they do not show in the process list.
 *
 * The returned `get` only maps names to raw strings: all validation happens in readLoginRequest.
 */
import { readFileSync } from 'node:fs'
import { INPUTS, type InputSpec } from '../inputs/spec.js'
import { InputError } from '../inputs/rules.js'
import { CONTROL_SOURCE } from '../util/text.js'

export type OutputFormat = 'env' | 'dotenv' | 'json'
export const OUTPUT_FILE_FORMATS: readonly OutputFormat[] = Object.freeze([
  'env',
  'dotenv',
  'json'
] as OutputFormat[])
export const DEFAULT_FORMAT: OutputFormat = 'env'
export const ENV_PREFIX = 'IDENTITY_CENTER_LOGIN_'

export interface CliArgs {
  /** Raw input value by input name ('' when unset), for readLoginRequest. */
  get: (name: string) => string
  format: OutputFormat
  outputFile?: string
  /** --actor: the CI user who triggered the run (for forbid-self-approval); unset when not given. */
  actor?: string
  /** --session-run-id: the run a shared sign-in is bound to, instead of the CI's own run id variable. */
  sessionRunId?: string
  /** --approval-record FILE: write the approval record there (0600) once the sign-in succeeded. */
  approvalRecord?: string
  /** --watch-pid: with --credential-server, the process whose end stops the server. */
  watchPid?: number
  help: boolean
  /** --version: print the package version and exit (a CLI-only flag, like --help). */
  version: boolean
  /** --sign-out: sign the sso-session out and remove its files instead of logging in (see sign-out.ts). */
  signOut?: boolean
  /** There is deliberately no way to approve from the CLI itself. */
  autoApprove?: never
}

export interface CliDeps {
  /** Reads --profiles-file; defaults to fs.readFileSync(path, 'utf8'). */
  readFile?: (path: string) => string
}

/** Exit codes of the CLI (and the meaning of a failed action step). */
export const EXIT_CODES = Object.freeze({
  ok: 0,
  failure: 1,
  badInput: 2,
  denied: 3,
  expired: 4,
  rejected: 5,
  cancelled: 130
})

/** IDENTITY_CENTER_LOGIN_START_URL for start-url. */
export function envVarName(name: string): string {
  return ENV_PREFIX + name.toUpperCase().replace(/-/g, '_')
}

/** Options of the CLI itself, beside the inputs. */
export const CLI_OPTIONS = [
  {
    name: 'profiles-file',
    value: 'PATH',
    description: 'Read the profiles input from a file (instead of --profiles).'
  },
  {
    name: 'format',
    value: 'env|dotenv|json',
    description: 'How to print the credentials and outputs (default env).'
  },
  {
    name: 'output-file',
    value: 'PATH',
    description: 'Write the dotenv/json output to PATH instead of stdout.'
  },
  {
    name: 'actor',
    value: 'NAME',
    description:
      "The CI user who triggered this run, compared with the approver when forbid-self-approval is true (default: the CI's own variable: GITHUB_ACTOR and GITHUB_TRIGGERING_ACTOR, GITLAB_USER_LOGIN, BUILDKITE_BUILD_CREATOR_EMAIL, CIRCLE_USERNAME, BUILD_USER_ID)."
  },
  {
    name: 'approval-record',
    value: 'FILE',
    description:
      'Write the approval record (JSON: who approved, what was asked and verified, the run; no secret) to FILE, mode 0600, before the credentials are printed. The folder must exist.'
  },
  {
    name: 'watch-pid',
    value: 'PID',
    description:
      'With --credential-server: the server signs out and exits when this process is gone (default: the parent of identity-center-login, e.g. the shell of the CI step; through npx, the process that ran npx). In a Jenkins pipeline, where each sh step runs in a new shell, pass the pid of a process that lives as long as the job.'
  },
  {
    name: 'session-run-id',
    value: 'ID',
    description:
      'With share-session / session / end-session: the pipeline run the sealed sign-in is bound to (1-64 of letters, digits, _ -). Default: GITHUB_RUN_ID, CI_PIPELINE_ID (GitLab), BUILDKITE_BUILD_ID, CIRCLE_WORKFLOW_ID; the repository bound in is GITHUB_REPOSITORY, CI_PROJECT_PATH, BUILDKITE_PIPELINE_SLUG or CIRCLE_PROJECT_REPONAME.'
  }
] as const

const HELP_FLAGS = new Set(['--help', '-h'])
const VERSION_FLAGS = new Set(['--version', '-V'])

/** Every flag the CLI accepts (--input, --no-boolean, the CLI's own options, help and version), for checks of examples. */
export function cliFlags(): Set<string> {
  return new Set([
    ...INPUTS.flatMap((i) =>
      i.kind === 'boolean' ? [`--${i.name}`, `--no-${i.name}`] : [`--${i.name}`]
    ),
    ...CLI_OPTIONS.map((o) => `--${o.name}`),
    ...HELP_FLAGS,
    ...VERSION_FLAGS
  ])
}

/**
 * Parses `argv` (the arguments after the script: process.argv.slice(2)) with `env` as fallback.
 * Throws InputError for unknown flags, missing values, repeats and positional arguments; a
 * `--help`/`-h` anywhere wins over those errors, then `--version`/`-V`.
 */
export function parseCliArgs(
  argv: string[],
  env: NodeJS.ProcessEnv,
  deps: CliDeps = {}
): CliArgs {
  if (argv.some((a) => HELP_FLAGS.has(a))) {
    return { get: () => '', format: DEFAULT_FORMAT, help: true, version: false }
  }
  if (argv.some((a) => VERSION_FLAGS.has(a))) {
    return { get: () => '', format: DEFAULT_FORMAT, help: false, version: true }
  }
  const inputs = new Map<string, InputSpec>(INPUTS.map((i) => [i.name, i]))
  const values = flagValues(argv, inputs)
  const fromEnv = (name: string): string => {
    const v = env[envVarName(name)]
    return typeof v === 'string' ? v : ''
  }
  const option = (name: string): string =>
    values.has(name) ? (values.get(name) as string) : fromEnv(name)

  // --profiles / --profiles-file
  const profilesFile = option('profiles-file')
  if (profilesFile !== '')
    values.set('profiles', profilesFromFile(profilesFile, option, values, deps))

  const formatRaw = option('format').trim() || DEFAULT_FORMAT
  if (!(OUTPUT_FILE_FORMATS as readonly string[]).includes(formatRaw)) {
    throw new InputError(
      '--format',
      `must be one of ${OUTPUT_FILE_FORMATS.join(', ')}`
    )
  }
  const outputFile = option('output-file')
  const actor = option('actor').trim()
  if (new RegExp(CONTROL_SOURCE).test(actor))
    throw new InputError(
      values.has('actor') ? '--actor' : envVarName('actor'),
      'must not contain control characters'
    )

  const get = (name: string): string => (inputs.has(name) ? option(name) : '')
  const result: CliArgs = {
    get,
    format: formatRaw as OutputFormat,
    help: false,
    version: false
  }
  if (outputFile !== '') result.outputFile = outputFile
  if (values.has('sign-out')) result.signOut = true
  if (actor !== '') result.actor = actor
  const watchPid = option('watch-pid').trim()
  if (watchPid !== '') {
    if (!/^[1-9]\d{0,9}$/.test(watchPid))
      throw new InputError(
        values.has('watch-pid') ? '--watch-pid' : envVarName('watch-pid'),
        'must be a process id (a positive integer)'
      )
    result.watchPid = Number(watchPid)
  }
  const sessionRunId = option('session-run-id').trim()
  if (sessionRunId !== '') result.sessionRunId = sessionRunId
  const approvalRecord = option('approval-record')
  if (approvalRecord !== '') result.approvalRecord = approvalRecord
  return result
}

/** Each flag's value, by input or option name; `--no-NAME` and a bare boolean flag give 'false' / 'true'. */
function flagValues(
  argv: string[],
  inputs: Map<string, InputSpec>
): Map<string, string> {
  const values = new Map<string, string>()
  const given = new Set<string>()

  const set = (flag: string, key: string, value: string): void => {
    if (given.has(key)) throw new InputError(flag, 'given more than once')
    given.add(key)
    values.set(key, value)
  }

  for (let i = 0; i < argv.length; i++) {
    const arg = String(argv[i])
    if (arg === '--') {
      if (i + 1 < argv.length)
        throw new InputError(
          '--',
          'positional arguments are not accepted; every value needs its --flag'
        )
      break
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg.length > 1)
        throw new InputError(arg, 'unknown option (see --help)')
      throw new InputError(
        `argument ${i + 1}`,
        'unexpected positional argument (value not shown); give every value with its --flag, e.g. --keep-session=false'
      )
    }
    const eq = arg.indexOf('=')
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2)
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined
    const flag = `--${name}`

    if (name === 'sign-out') {
      if (inline !== undefined) throw new InputError(flag, 'takes no value')
      set(flag, name, 'true')
      continue
    }
    const spec = inputs.get(name)
    if (spec?.kind === 'boolean') {
      set(flag, name, inline ?? 'true')
      continue
    }
    if (
      name.startsWith('no-') &&
      inputs.get(name.slice(3))?.kind === 'boolean'
    ) {
      if (inline !== undefined)
        throw new InputError(
          flag,
          'takes no value; use --' + name.slice(3) + '=false or ' + flag
        )
      set(flag, name.slice(3), 'false')
      continue
    }
    const isCliOption = CLI_OPTIONS.some((o) => o.name === name)
    if (!spec && !isCliOption)
      throw new InputError(flag, 'unknown option (see --help)')

    let value: string
    if (inline !== undefined) {
      value = inline
    } else {
      const next = argv[i + 1]
      if (next === undefined || String(next).startsWith('--'))
        throw new InputError(flag, 'needs a value')
      value = String(next)
      i++
    }
    set(flag, name, value)
  }
  return values
}

/** The text of --profiles-file (never with --profiles). */
function profilesFromFile(
  profilesFile: string,
  option: (name: string) => string,
  values: Map<string, string>,
  deps: CliDeps
): string {
  if (option('profiles') !== '') {
    throw new InputError(
      values.has('profiles-file')
        ? '--profiles-file'
        : envVarName('profiles-file'),
      'cannot be combined with --profiles'
    )
  }
  const read = deps.readFile ?? ((p: string) => readFileSync(p, 'utf8'))
  let text: string
  try {
    text = read(profilesFile)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code
    throw new InputError(
      '--profiles-file',
      `cannot read the file${code ? ` (${code})` : ''}`
    )
  }
  return text
}
