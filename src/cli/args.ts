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
const CLI_OPTIONS = [
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

  const fromEnv = (name: string): string => {
    const v = env[envVarName(name)]
    return typeof v === 'string' ? v : ''
  }
  const option = (name: string): string =>
    values.has(name) ? (values.get(name) as string) : fromEnv(name)

  // --profiles / --profiles-file
  const profilesFile = option('profiles-file')
  if (profilesFile !== '') {
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
    values.set('profiles', text)
  }

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

function wrap(text: string, indent: number, width = 100): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent + line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines.map((l) => ' '.repeat(indent) + l)
}

/**
 * Where an input's description (shared with action.yml) speaks of the action (its post step, job outputs, `secrets.`,
 * GitHub's comment), the CLI's --help says this instead; `default` replaces a default the CLI does not apply.
 */
export const CLI_WORDING: Readonly<
  Record<string, { description?: string; default?: string }>
> = Object.freeze({
  notify: {
    description:
      'Comma-separated channels for the approval link besides stderr (always on): webhook (with --webhook-url); "none" for stderr only. summary and comment are GitHub Actions channels: the CLI warns and skips them.',
    default: 'stderr only'
  },
  'github-token': {
    description:
      'GitHub Actions only (the pull-request comment channel); the CLI never posts a comment and ignores it.'
  },
  'issue-number': {
    description:
      'GitHub Actions only (the pull-request comment channel); the CLI ignores it.'
  },
  'webhook-url': {
    description:
      'Webhook URL for the webhook channel (--notify webhook): a JSON {"text": …} POST when the request starts and ends (Slack, Teams, Mattermost incoming webhooks). https only, http only for localhost / 127.0.0.1.'
  },
  'export-credentials': {
    description:
      'GitHub Actions only (exports to the rest of the job); the CLI always prints the credentials and the variables listed under Output in --format, to stdout or --output-file.'
  },
  'credential-server': {
    description:
      'Hand the sign-in, in memory only, to a background credential server on 127.0.0.1 that serves and refreshes only the listed roles (primary, profiles, discover, role-to-assume): the output gives AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN instead of keys, the profiles ask the server (credential_process), no SSO token or registration is written. It signs out and exits when the process of --watch-pid (default: the parent) is gone. Not with --sign-out-early, --keep-session, --reuse-session, --legacy-sso-profile or --share-session.'
  },
  'keep-session': {
    description:
      'GitHub Actions only (there the sign-in ends with the job unless it is set); the CLI never signs out by itself: without --sign-out-early the SSO token cache stays on this machine until the token expires or aws sso logout.'
  },
  'sign-out-early': {
    description:
      "Sign out of IAM Identity Center (SSO Logout) as soon as every profile's role credentials are fetched and verified: no SSO token stays on this machine; the profiles hold the role credentials (shared credentials file) until they expire. Recommended on CI machines: the CLI does not sign out when the job ends. Not with --keep-session or --reuse-session."
  },
  'share-session': {
    description:
      'Share this sign-in with the later jobs of this pipeline: IDENTITY_CENTER_LOGIN_SESSION (json: "session") holds it sealed (AES-256-GCM) with session-key, bound to this project and pipeline (see --session-run-id); a later job that has both signs in with --session and needs no approval. The sign-in stays valid after this command: finish the pipeline with --end-session.'
  },
  session: {
    description:
      "The sealed sign-in printed by a --share-session job of this pipeline (pass it on, e.g. in a GitLab dotenv report, as IDENTITY_CENTER_LOGIN_SESSION): sign in with it instead of asking for approval. start-url and sso-region then come from it, and account-id / role-name default to the login job's."
  },
  'end-session': {
    description:
      'With --session and session-key: sign the shared sign-in out (SSO Logout) and do nothing else; for the last job of the pipeline, run whatever happened before (GitLab when: always).'
  },
  'session-key': {
    description:
      "Secret of at least 32 characters that seals (--share-session) and opens (--session) the shared sign-in; give it from the CI's masked variables as IDENTITY_CENTER_LOGIN_SESSION_KEY."
  },
  'legacy-sso-profile': {
    description:
      'Also write sso_start_url and sso_region into each profile (beside sso_session) and the SSO token a second time under the legacy cache name (sha1 of start-url), for tools built on SDKs that predate [sso-session] (AWS SDK for Go v1 before 1.44.298, aws-sdk-go-v2 config of 2022 and older, the Terraform providers built on them). The copy is not refreshed, and stays until the token expires or aws sso logout.'
  }
})

/** What the CLI prints (--format env / dotenv; json carries the same under its own keys). */
export const CLI_OUTPUT_VARIABLES: readonly (readonly [string, string])[] = [
  [
    'AWS_ACCESS_KEY_ID',
    'the role credentials (with role-to-assume, the chained session)'
  ],
  ['AWS_SECRET_ACCESS_KEY', ''],
  ['AWS_SESSION_TOKEN', ''],
  [
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'with --credential-server, instead of the three above: the endpoint of the primary role (every AWS SDK and CLI reads it)'
  ],
  [
    'AWS_CONTAINER_AUTHORIZATION_TOKEN',
    'with --credential-server: the secret the endpoint asks for'
  ],
  ['AWS_REGION', 'the region input (default: sso-region)'],
  ['AWS_DEFAULT_REGION', 'the same, for older tools'],
  ['AWS_CREDENTIAL_EXPIRATION', 'when the role credentials expire (ISO 8601)'],
  [
    'AWS_PROFILE_NAME',
    'the primary profile written to the AWS config (not AWS_PROFILE, which would switch tools to it)'
  ],
  ['AWS_ACCOUNT_ID', 'the verified account'],
  ['AWS_APPROVED_BY', "the approver's Identity Center user name"],
  [
    'IDENTITY_CENTER_LOGIN_SESSION',
    'with --share-session: the sealed sign-in that --session reads'
  ]
]

/** The --help text, generated from INPUTS (with CLI_WORDING where the action's wording does not fit the CLI). */
export function cliHelp(): string {
  const out: string[] = [
    'Usage: identity-center-login --start-url URL --sso-region REGION --account-id ID --role-name NAME [options]',
    '       identity-center-login --session SEALED [--account-id ID --role-name NAME] [options]  (shared sign-in)',
    '       identity-center-login --session SEALED --end-session',
    '       identity-center-login --sign-out [--sso-session NAME] [--profile NAME]',
    '',
    'Sign in to AWS IAM Identity Center with the device flow: the link and code to approve are printed on',
    'stderr (and sent to --notify webhook); after a person approves, the role credentials are verified,',
    '~/.aws/config ([profile NAME], [sso-session NAME]) and the SSO token cache are written, and the',
    'credentials are printed on stdout (or --output-file) in --format.',
    '',
    'The CLI does not sign out when your job ends: without --sign-out-early the SSO token cache (the',
    "approver's sign-in, for every account and role they can reach) stays on this machine until the token",
    'expires or aws sso logout. On a CI machine use --sign-out-early.',
    '',
    'Inputs (each also read from the environment variable shown when the flag is not given):',
    ''
  ]
  for (const spec of INPUTS) {
    const wording = CLI_WORDING[spec.name] ?? {}
    const head =
      spec.kind === 'boolean'
        ? `  --${spec.name}, --no-${spec.name}`
        : `  --${spec.name} ${spec.kind === 'multiline' ? 'TEXT' : spec.kind === 'integer' ? 'N' : spec.kind === 'duration' ? 'DURATION' : 'VALUE'}`
    const notes: string[] = []
    if (spec.required) notes.push('required')
    if (spec.secret) notes.push('secret: prefer the environment variable')
    const def = wording.default ?? spec.default
    if (def !== '') notes.push(`default: ${def}`)
    notes.push(`env: ${envVarName(spec.name)}`)
    out.push(
      head,
      ...wrap(
        `${wording.description ?? spec.description} [${notes.join('; ')}]`,
        6
      ),
      ''
    )
  }
  out.push('Options:', '')
  for (const o of CLI_OPTIONS) {
    out.push(
      `  --${o.name} ${o.value}`,
      ...wrap(`${o.description} [env: ${envVarName(o.name)}]`, 6),
      ''
    )
  }
  out.push(
    '  --sign-out',
    ...wrap(
      'Instead of logging in: sign the sso-session out (SSO Logout of its cached token) and remove its token cache, its client registration cache, the [profile NAME] that uses it and its [sso-session NAME] section (AWS_CONFIG_FILE as usual). A credential server of the sso-session (--credential-server) is asked to sign out and exit first, and its server file and credential_process profiles go. Exit 0 also when there was nothing to sign out. For the end of a CI job (GitLab after_script, Jenkins post); works where AWS CLI v1 has no aws sso logout.',
      6
    ),
    ''
  )
  out.push('  -h, --help', '      Show this help.', '')
  out.push(
    '  -V, --version',
    '      Print the version of identity-center-login.',
    ''
  )
  out.push(
    'Output (--format env: export lines for eval; dotenv: KEY=value lines; json: an object with the same values',
    'and the extra profiles):',
    ''
  )
  for (const [name, meaning] of CLI_OUTPUT_VARIABLES) {
    const [first = '', ...more] = wrap(meaning, 33)
    out.push(`  ${name.padEnd(31)}${first.trimStart()}`.trimEnd(), ...more)
  }
  out.push('')
  out.push(
    'Exit codes:',
    `  ${EXIT_CODES.ok}    logged in`,
    `  ${EXIT_CODES.failure}    service or unexpected failure`,
    `  ${EXIT_CODES.badInput}    bad input (nothing was sent to AWS)`,
    `  ${EXIT_CODES.denied}    the request was denied`,
    `  ${EXIT_CODES.expired}    the code expired or approval timed out`,
    `  ${EXIT_CODES.rejected}    approver not allowed, identity mismatch, or an account not in allowed-account-ids`,
    `  ${EXIT_CODES.cancelled}  cancelled (SIGINT / SIGTERM)`,
    ''
  )
  return out.join('\n')
}
