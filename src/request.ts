/**
 * Reads and validates every input of a login request, before any network call.
 *
 * The GitHub Action passes `core.getInput`, the CLI passes the getter built by `parseCliArgs`; this
 * module imports neither @actions/* nor anything that touches the network.
 *
 * ## Errors
 *
 * A bad value throws an {@link InputError} whose message names the input and says what is wrong:
 *
 *     Input "account-id": must be 12 digits, got "1234"
 *
 * - Values of secret inputs (`github-token`, `webhook-url`) are never echoed, not even in part.
 * - Other values are echoed in double quotes with `"` and `\` escaped, control and invisible
 *   formatting characters shown as escapes (`\n`, `\u0007`, `\u202e`), cut to 60 characters
 *   (`"aaaa…" (300 characters)`), user:password in URLs masked, and values that look like tokens
 *   or webhook URLs (ghp_…, github_pat_…, AKIA…, xoxb-…, hooks.slack.com/…) replaced by a note.
 *
 * ## Order
 *
 * Inputs are checked one at a time in the order of the {@link INPUTS} table, and the FIRST problem
 * found is thrown. Within an input the checks run: control characters → required/empty →
 * shape-specific checks. Cross-input checks are reported on the later input of the pair
 * (`profiles` against `profile`, `account-filter`/`role-filter` against `discover`, `webhook-url`
 * against `notify`).
 *
 * ## Whitespace
 *
 * Control characters (C0, DEL, C1) and invisible formatting characters (zero-width, bidi
 * overrides, U+2028/U+2029, BOM) are rejected in every value, before any trimming; only
 * `profiles` may contain line breaks (LF or CRLF) and tabs. Surrounding spaces are then trimmed
 * from URLs, the account id, booleans, numbers, durations, enumerations and list items. Names that
 * end up in ~/.aws/config (`profile`, `sso-session`, `role-name`, `region`, `sso-region`) are NOT
 * trimmed: surrounding spaces are an error there (`core.getInput` trims anyway, so this only ever
 * bites on the CLI, where it points at a quoting mistake).
 */

// ---------------------------------------------------------------------------------------------
// Types

export type NotifyChannel = 'summary' | 'comment' | 'webhook'

export interface ProfileSpec {
  name: string
  accountId: string
  roleName: string
  region: string
}

export interface LoginRequest {
  /** The access portal (or issuer) URL exactly as given, minus surrounding whitespace. */
  startUrl: string
  ssoRegion: string
  accountId: string
  roleName: string
  ssoSession: string
  profile: string
  /** Defaults to ssoRegion. */
  region: string
  output: string
  registrationScopes: string[]
  /** [] means only the log (which is always on). */
  notify: NotifyChannel[]
  /** Secret; may be ''. */
  githubToken: string
  issueNumber?: number
  /** Secret. */
  webhookUrl?: string
  exportCredentials: boolean
  keepSession: boolean
  approvalTimeoutSeconds?: number
  /** Lower-cased user names or globs (`*`, `?`); [] means anyone may approve. */
  allowedApprovers: string[]
  forbidSelfApproval: boolean
  extraProfiles: ProfileSpec[]
  /** Present only when the `discover` input is true. */
  discover?: { accountFilter?: string; roleFilter?: string }
  allowPartial: boolean
  reuseSession: boolean
  minValiditySeconds: number
}

export type InputKind = 'string' | 'boolean' | 'list' | 'multiline' | 'integer' | 'duration'

export interface InputSpec {
  /** kebab-case name: the action input, the CLI flag (`--name`) and, upper-cased, the env fallback. */
  readonly name: string
  readonly description: string
  /** Default as the user would type it; '' when there is none or it is derived (see description). */
  readonly default: string
  /** Default written into action.yml when it differs (e.g. `${{ github.token }}`). */
  readonly actionDefault?: string
  readonly required: boolean
  readonly secret: boolean
  readonly kind: InputKind
}

// ---------------------------------------------------------------------------------------------
// Defaults and limits

export const DEFAULT_SSO_SESSION = 'identity-center-login'
export const DEFAULT_PROFILE = 'identity-center-login'
export const DEFAULT_OUTPUT = 'json'
export const OUTPUT_FORMATS: readonly string[] = Object.freeze(['json', 'text', 'table', 'yaml', 'yaml-stream'])
export const DEFAULT_REGISTRATION_SCOPES: readonly string[] = Object.freeze(['sso:account:access'])
export const NOTIFY_CHANNELS: readonly NotifyChannel[] = Object.freeze(['summary', 'comment', 'webhook'] as NotifyChannel[])
export const DEFAULT_NOTIFY: readonly NotifyChannel[] = Object.freeze(['summary', 'comment'] as NotifyChannel[])
export const DEFAULT_EXPORT_CREDENTIALS = true
export const DEFAULT_KEEP_SESSION = false
export const DEFAULT_FORBID_SELF_APPROVAL = false
export const DEFAULT_ALLOW_PARTIAL = false
export const DEFAULT_REUSE_SESSION = false
export const DEFAULT_DISCOVER = false
export const DEFAULT_MIN_VALIDITY_SECONDS = 900
export const MAX_MIN_VALIDITY_SECONDS = 86400
export const MAX_APPROVAL_TIMEOUT_SECONDS = 86400
/** Longest profile / sso-session name accepted. */
export const MAX_NAME_LENGTH = 64
/** Longest role / permission set name accepted (IAM role name limit). */
export const MAX_ROLE_NAME_LENGTH = 64
export const MAX_URL_LENGTH = 2048
export const MAX_ISSUE_NUMBER = 2147483647

// ---------------------------------------------------------------------------------------------
// The input table: the single place that knows input names

export const INPUTS: readonly InputSpec[] = Object.freeze([
  {
    name: 'start-url',
    description:
      'AWS access portal URL, e.g. https://my-sso-portal.awsapps.com/start (hosts *.awsapps.com, *.awsapps.cn, *.app.aws, ' +
      '*.portal.amazonaws.com[.cn|.eu], or an issuer URL https://identitycenter.amazonaws.com/ssoins-…). https only.',
    default: '',
    required: true,
    secret: false,
    kind: 'string'
  },
  { name: 'sso-region', description: 'AWS Region of the IAM Identity Center instance, e.g. us-east-1.', default: '', required: true, secret: false, kind: 'string' },
  { name: 'account-id', description: 'AWS account id to get role credentials for (12 digits).', default: '', required: true, secret: false, kind: 'string' },
  {
    name: 'role-name',
    description: 'Permission set (role) name in that account, e.g. DeveloperAccess. 1-64 of letters, digits and + = , . @ _ -.',
    default: '',
    required: true,
    secret: false,
    kind: 'string'
  },
  {
    name: 'sso-session',
    description: 'Name of the [sso-session NAME] section written to ~/.aws/config (letters, digits, . _ - @ +; at most 64).',
    default: DEFAULT_SSO_SESSION,
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'profile',
    description: 'Name of the [profile NAME] section written to ~/.aws/config (letters, digits, . _ - @ +; at most 64; may be default).',
    default: DEFAULT_PROFILE,
    required: false,
    secret: false,
    kind: 'string'
  },
  { name: 'region', description: 'Default region of the written profile(s). Defaults to sso-region.', default: '', required: false, secret: false, kind: 'string' },
  {
    name: 'output',
    description: `AWS CLI output format of the written profile(s): ${OUTPUT_FORMATS.join(', ')}.`,
    default: DEFAULT_OUTPUT,
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'registration-scopes',
    description: 'Comma-separated OAuth scopes for the client registration.',
    default: DEFAULT_REGISTRATION_SCOPES.join(','),
    required: false,
    secret: false,
    kind: 'list'
  },
  {
    name: 'profiles',
    description:
      'Extra profiles from the same approval, one per line: "name account-id role-name [region]". Blank lines and # comments ' +
      'are ignored; region defaults to the region input; names must be unique and differ from profile.',
    default: '',
    required: false,
    secret: false,
    kind: 'multiline'
  },
  {
    name: 'discover',
    description: 'Write a profile for every account and role the approver can reach (optionally narrowed by account-filter / role-filter).',
    default: String(DEFAULT_DISCOVER),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'account-filter',
    description: 'With discover: glob (* ?) on the account id or account name. Only allowed when discover is true.',
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'role-filter',
    description: 'With discover: glob (* ?) on the role name. Only allowed when discover is true.',
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'allow-partial',
    description: 'Succeed when the main profile works even if some extra or discovered profiles could not be set up.',
    default: String(DEFAULT_ALLOW_PARTIAL),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'export-credentials',
    description:
      'Export the role credentials to the rest of the job as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, with AWS_REGION and AWS_DEFAULT_REGION set to region. When false nothing is exported (the outputs and the written profiles are still there).',
    default: String(DEFAULT_EXPORT_CREDENTIALS),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'keep-session',
    description: 'Keep the SSO session (token cache) after the job instead of logging out.',
    default: String(DEFAULT_KEEP_SESSION),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'reuse-session',
    description: 'Reuse a cached SSO token for sso-session when it is valid for at least min-validity, instead of asking for approval.',
    default: String(DEFAULT_REUSE_SESSION),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'min-validity',
    description: `Minimum remaining validity of a reused token: seconds, or a duration like 15m, 1h, 1h30m (0 to ${MAX_MIN_VALIDITY_SECONDS}s).`,
    default: String(DEFAULT_MIN_VALIDITY_SECONDS),
    required: false,
    secret: false,
    kind: 'duration'
  },
  {
    name: 'approval-timeout',
    description: `Give up waiting for approval after this long: seconds, or a duration like 10m (1 to ${MAX_APPROVAL_TIMEOUT_SECONDS}s). Defaults to the device code lifetime.`,
    default: '',
    required: false,
    secret: false,
    kind: 'duration'
  },
  {
    name: 'allowed-approvers',
    description: 'Comma-separated user names or globs (* ?) allowed to approve, case-insensitive. Empty: anyone who can approve.',
    default: '',
    required: false,
    secret: false,
    kind: 'list'
  },
  {
    name: 'forbid-self-approval',
    description: 'Reject an approval by the user who triggered the run.',
    default: String(DEFAULT_FORBID_SELF_APPROVAL),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'notify',
    description: `Comma-separated channels for the approval link: ${NOTIFY_CHANNELS.join(', ')}; "none" for the log only (always on).`,
    default: DEFAULT_NOTIFY.join(','),
    required: false,
    secret: false,
    kind: 'list'
  },
  {
    name: 'github-token',
    description: 'Token used to post the pull request / issue comment (secret).',
    default: '',
    actionDefault: '${{ github.token }}',
    required: false,
    secret: true,
    kind: 'string'
  },
  {
    name: 'issue-number',
    description: 'Issue or pull request number to comment on; defaults to the pull request of the triggering event.',
    default: '',
    required: false,
    secret: false,
    kind: 'integer'
  },
  {
    name: 'webhook-url',
    description: 'Webhook URL for the webhook channel (secret; https only, http only for localhost / 127.0.0.1).',
    default: '',
    required: false,
    secret: true,
    kind: 'string'
  }
] satisfies InputSpec[]) as readonly InputSpec[]

const INPUT_NAMES: ReadonlySet<string> = new Set(INPUTS.map((i) => i.name))
const SECRET_INPUTS: ReadonlySet<string> = new Set(INPUTS.filter((i) => i.secret).map((i) => i.name))

export function isSecretInput(name: string): boolean {
  return SECRET_INPUTS.has(name)
}

export function isKnownInput(name: string): boolean {
  return INPUT_NAMES.has(name)
}

export function inputSpec(name: string): InputSpec | undefined {
  return INPUTS.find((i) => i.name === name)
}

// ---------------------------------------------------------------------------------------------
// Errors and safe echoing

const MAX_SHOWN = 60

/**
 * C0 controls, DEL, C1 controls, soft hyphen, Arabic letter mark, Mongolian vowel separator,
 * zero-width and bidi marks/overrides/isolates, line/paragraph separators, word joiners, BOM and
 * interlinear annotation characters.
 */
const CONTROL_SOURCE = '[\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb]'
const CONTROL_RE = new RegExp(CONTROL_SOURCE)
const CONTROL_RE_G = new RegExp(CONTROL_SOURCE, 'g')

function escapeChar(c: string): string {
  if (c === '\n') return '\\n'
  if (c === '\r') return '\\r'
  if (c === '\t') return '\\t'
  return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')
}

function escapeText(s: string): string {
  return s.replace(/["\\]/g, '\\$&').replace(CONTROL_RE_G, escapeChar)
}

const TOKENISH =
  /\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_\w{16,}|(?:AKIA|ASIA)[A-Z0-9]{16}|xox[abposr]-[A-Za-z0-9-]{8,})|hooks\.slack\.com\/|discord(?:app)?\.com\/api\/webhooks|webhook\.office\.com|\.logic\.azure\.com/i

/**
 * A value quoted for an error message: escaped, cut to 60 characters, user:password in URLs
 * masked, token-looking values not shown at all. Never call this for secret inputs.
 */
export function showValue(value: string): string {
  if (TOKENISH.test(value)) return '(a value that looks like a token or webhook URL, not shown)'
  const masked = value.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#\s]*@/, '$1***@')
  const chars = Array.from(masked)
  if (chars.length <= MAX_SHOWN) return `"${escapeText(masked)}"`
  return `"${escapeText(chars.slice(0, MAX_SHOWN).join(''))}…" (${chars.length} characters)`
}

/** An input or option name made safe to print (names come from argv in the CLI). */
function cleanName(name: string): string {
  const chars = Array.from(String(name))
  const cut = chars.length > MAX_SHOWN ? chars.slice(0, MAX_SHOWN).join('') + '…' : chars.join('')
  return escapeText(cut)
}

/**
 * A bad input. `input` is the input name (or, for the CLI, the option such as `--bogus`);
 * `detail` is the message without the prefix; `message` is
 * `Input "account-id": must be 12 digits, got "1234"` (or `Option "--bogus": …` for names
 * starting with `-`).
 */
export class InputError extends Error {
  readonly input: string
  readonly detail: string
  constructor(input: string, message: string) {
    const name = cleanName(input)
    super(`${name.startsWith('-') ? 'Option' : 'Input'} "${name}": ${message}`)
    this.name = 'InputError'
    this.input = name
    this.detail = message
  }
}

/** A copy of the request with secrets replaced by '***', safe to log or print. */
export function redactLoginRequest(request: LoginRequest): LoginRequest {
  const copy: LoginRequest = { ...request, githubToken: request.githubToken ? '***' : '' }
  if (request.webhookUrl !== undefined) copy.webhookUrl = '***'
  return copy
}

// ---------------------------------------------------------------------------------------------
// Value checks. Each returns a problem (the message without the input prefix) or undefined.

function controlProblem(value: string, secret: boolean, allowLineBreaks = false): string | undefined {
  const chars = Array.from(value)
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]
    if (!CONTROL_RE.test(c)) continue
    if (allowLineBreaks && (c === '\n' || c === '\t' || (c === '\r' && chars[i + 1] === '\n'))) continue
    const what = allowLineBreaks ? 'control characters (other than line breaks and tabs)' : 'control characters or line breaks'
    const found = secret ? '' : ` (found ${escapeChar(c)} at position ${i + 1})`
    return `must not contain ${what}${found}`
  }
  return undefined
}

function surroundingSpaceProblem(value: string): string | undefined {
  return /^\s|\s$/.test(value) ? `must not have leading or trailing spaces, got ${showValue(value)}` : undefined
}

function firstBadChar(value: string, allowed: RegExp): string | undefined {
  for (const c of value) if (!allowed.test(c)) return c
  return undefined
}

function describeChar(c: string): string {
  return c === ' ' ? 'a space' : `"${escapeText(c)}"`
}

export const ACCOUNT_ID_RE = /^[0-9]{12}$/

function accountIdProblem(value: string): string | undefined {
  if (ACCOUNT_ID_RE.test(value)) return undefined
  const digits = value.replace(/[^0-9]/g, '').length
  const hint = digits === 12 ? ' (no spaces or dashes)' : ''
  return `must be 12 digits${hint}, got ${showValue(value)}`
}

/** IAM role / permission set names: `[\w+=,.@-]`, 1–64 characters. */
export const ROLE_NAME_RE = /^[A-Za-z0-9_+=,.@-]{1,64}$/

function roleNameProblem(value: string): string | undefined {
  if (value === '') return 'must not be empty'
  const space = surroundingSpaceProblem(value)
  if (space) return space
  const bad = firstBadChar(value, /[A-Za-z0-9_+=,.@-]/)
  if (bad !== undefined) {
    return `contains ${describeChar(bad)}, which is not allowed in a role name (letters, digits and + = , . @ _ - only), got ${showValue(value)}`
  }
  if (value.length > MAX_ROLE_NAME_LENGTH) return `must be at most ${MAX_ROLE_NAME_LENGTH} characters, got ${value.length}`
  return undefined
}

/**
 * Profile and sso-session names: letters, digits, `.`, `_`, `-`, `@`, `+`; starts with a letter or
 * digit; 1–64 characters. Nothing that could end an INI section header (`]`), start another one
 * (`[`, line breaks), or be read as an assignment or comment (`=`, `#`, `;`), and no spaces.
 */
export const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/

function nameProblem(value: string, what: string): string | undefined {
  if (value === '') return 'must not be empty'
  const space = surroundingSpaceProblem(value)
  if (space) return space
  const bad = firstBadChar(value, /[A-Za-z0-9._@+-]/)
  if (bad !== undefined) {
    return `contains ${describeChar(bad)}, which is not allowed in ${what} (letters, digits and . _ - @ + only), got ${showValue(value)}`
  }
  if (value.length > MAX_NAME_LENGTH) return `must be at most ${MAX_NAME_LENGTH} characters, got ${value.length}`
  if (!/^[A-Za-z0-9]/.test(value)) return `must start with a letter or digit, got ${showValue(value)}`
  return undefined
}

/**
 * Region names: `<area>[-<qualifier>]-<direction>-<n>`, lower case. The area is 2–4 letters
 * (us, eu, ap, cn, eusc, …), the optional qualifier 2–5 letters (gov, iso, isob, isof, isoe, de),
 * the direction one of AWS's compass words. Matches every published region (us-east-1,
 * ap-southeast-5, us-gov-west-1, cn-northwest-1, us-isob-east-1, eu-isoe-west-1, eusc-de-east-1,
 * il-central-1, mx-central-1) and future ones of the same shape, without a hard-coded list.
 */
export const REGION_RE =
  /^[a-z]{2,4}(?:-[a-z]{2,5})?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-[0-9]{1,2}$/

function regionProblem(value: string): string | undefined {
  if (value === '') return 'must not be empty'
  const space = surroundingSpaceProblem(value)
  if (space) return space
  if (REGION_RE.test(value)) return undefined
  const lower = value === value.toLowerCase() ? '' : ' (lower case)'
  return `must be an AWS Region name like us-east-1${lower}, got ${showValue(value)}`
}

/** Label-boundary suffixes of AWS-owned access portal hosts (at least one label in front). */
const PORTAL_HOST_SUFFIXES = [
  '.awsapps.com', // classic portal: d-xxxxxxxxxx.awsapps.com/start, alias.awsapps.com/start, start.us-gov-home.awsapps.com
  '.awsapps.cn', // China
  '.app.aws', // dual-stack portal: ssoins-….portal.<region>.app.aws
  '.portal.amazonaws.com', // regional portal: ssoins-….<region>.portal.amazonaws.com (also GovCloud)
  '.portal.amazonaws.com.cn', // China regional portal
  '.portal.amazonaws.eu' // European Sovereign Cloud regional portal
]
/** Dual-stack portal hosts of the China and European Sovereign Cloud partitions (exact shape). */
const PORTAL_HOST_PATTERNS = [
  /^[a-z0-9-]+\.portal\.[a-z0-9-]+\.app\.amazonwebservices\.com\.cn$/,
  /^[a-z0-9-]+\.portal\.[a-z0-9-]+\.api\.amazonwebservices\.eu$/
]
/** Identity Center issuer hosts (exact); the path must be the instance id. */
const ISSUER_HOSTS = ['identitycenter.amazonaws.com', 'identitycenter.amazonaws.com.cn', 'identitycenter.amazonaws.eu']
const ISSUER_PATH_RE = /^\/(?:sso)?ins-[A-Za-z0-9.-]{16}\/?$/
const DNS_LABEL_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

function isIpAddress(host: string): boolean {
  return host.startsWith('[') || /^[0-9.]+$/.test(host) || /^(?:\d{1,3}\.){3}\d{1,3}$/.test(host)
}

export function isAwsStartUrlHost(host: string): boolean {
  if (!host.split('.').every((l) => DNS_LABEL_RE.test(l))) return false
  if (ISSUER_HOSTS.includes(host)) return true
  if (PORTAL_HOST_PATTERNS.some((re) => re.test(host))) return true
  return PORTAL_HOST_SUFFIXES.some((s) => host.endsWith(s) && host.length > s.length)
}

/** Checks a (trimmed, non-empty) start URL. */
function startUrlProblem(value: string): string | undefined {
  if (value.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters, got ${value.length}`
  const odd = firstBadChar(value, /[\x21-\x7e]/)
  if (odd !== undefined) return `must not contain spaces or non-ASCII characters, got ${showValue(value)}`
  if (value.includes('\\')) return `must not contain backslashes, got ${showValue(value)}`
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `must be a URL like https://my-sso-portal.awsapps.com/start, got ${showValue(value)}`
  }
  if (url.username !== '' || url.password !== '' || /^[a-z][a-z0-9+.-]*:\/*[^/?#]*@/i.test(value)) {
    return 'must not contain a user name or password'
  }
  if (url.protocol !== 'https:') return `must use https://, got ${showValue(value)}`
  // Require the plain written form: `https://host[:443]` exactly as the URL parser reads it, so that
  // every other parser (the AWS CLI, SDKs, Python's urllib) sees the same host.
  const m = /^https:\/\/([^/?#]*)/i.exec(value)
  const authority = m ? m[1].toLowerCase() : undefined
  if (url.port !== '') return `must not use a port other than 443, got ${showValue(value)}`
  if (authority !== url.host && authority !== `${url.host}:443`) {
    return `must be written as https://HOST/…, with a plain host name, got ${showValue(value)}`
  }
  if (value.includes('#')) return `must not contain a fragment (#…), got ${showValue(value)}`
  const host = url.hostname
  if (isIpAddress(host)) return `must use an AWS access portal host name, not an IP address, got ${showValue(value)}`
  if (!isAwsStartUrlHost(host)) {
    return (
      'must be an AWS access portal URL (host *.awsapps.com, *.awsapps.cn, *.app.aws, *.portal.amazonaws.com, ' +
      `or identitycenter.amazonaws.com/ssoins-…), got host ${showValue(host)}`
    )
  }
  if (ISSUER_HOSTS.includes(host) && !ISSUER_PATH_RE.test(url.pathname)) {
    return `an issuer URL must be https://${host}/ssoins-<16 characters>, got ${showValue(value)}`
  }
  return undefined
}

const SCOPE_RE = /^[A-Za-z0-9:_*.-]+$/

const DURATION_RE = /^(?:([0-9]+)|(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?)$/i

/** '900', '900s', '15m', '1h', '1h30m' → seconds; undefined when malformed. */
export function parseDurationSeconds(value: string): number | undefined {
  const m = DURATION_RE.exec(value)
  if (!m || value === '') return undefined
  if (m[1] !== undefined) return Number(m[1])
  return Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)
}

const TRUE_VALUES = ['true', 'True', 'TRUE']
const FALSE_VALUES = ['false', 'False', 'FALSE']

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

function dedupe<T>(items: T[]): T[] {
  return [...new Set(items)]
}

// ---------------------------------------------------------------------------------------------
// The reader

/**
 * Reads every input through `get` ('' when unset), validates it, applies defaults, and returns the
 * request. Throws the first {@link InputError} found, in {@link INPUTS} order.
 */
export function readLoginRequest(get: (name: string) => string): LoginRequest {
  const fail = (input: string, problem: string): never => {
    throw new InputError(input, problem)
  }

  /** Raw value with control characters rejected (line breaks allowed only when asked). */
  const raw = (name: string, allowLineBreaks = false): string => {
    const got: unknown = get(name)
    const value = got === undefined || got === null ? '' : String(got)
    const problem = controlProblem(value, isSecretInput(name), allowLineBreaks)
    if (problem) fail(name, problem)
    return value
  }
  const trimmed = (name: string): string => raw(name).trim()
  const required = (name: string, value: string, example: string): string => {
    if (value.trim() === '') fail(name, `is required (for example ${example})`)
    return value
  }
  const bool = (name: string, fallback: boolean): boolean => {
    const v = trimmed(name)
    if (v === '') return fallback
    if (TRUE_VALUES.includes(v)) return true
    if (FALSE_VALUES.includes(v)) return false
    return fail(name, `must be true or false, got ${showValue(v)}`)
  }
  const duration = (name: string, min: number, max: number): number | undefined => {
    const v = trimmed(name)
    if (v === '') return undefined
    const seconds = parseDurationSeconds(v)
    if (seconds === undefined || !Number.isSafeInteger(seconds)) {
      return fail(name, `must be a number of seconds or a duration like 15m or 1h, got ${showValue(v)}`)
    }
    if (seconds < min || seconds > max) {
      return fail(name, `must be between ${min} and ${max} seconds, got ${showValue(v)} (${seconds} seconds)`)
    }
    return seconds
  }

  // start-url
  const startUrl = required('start-url', trimmed('start-url'), 'https://my-sso-portal.awsapps.com/start')
  const urlProblem = startUrlProblem(startUrl)
  if (urlProblem) fail('start-url', urlProblem)

  // sso-region
  const ssoRegion = required('sso-region', raw('sso-region'), 'us-east-1')
  const ssoRegionProblem = regionProblem(ssoRegion)
  if (ssoRegionProblem) fail('sso-region', ssoRegionProblem)

  // account-id
  const accountId = required('account-id', trimmed('account-id'), '111122223333')
  const accountProblem = accountIdProblem(accountId)
  if (accountProblem) fail('account-id', accountProblem)

  // role-name
  const roleName = required('role-name', raw('role-name'), 'DeveloperAccess')
  const roleProblem = roleNameProblem(roleName)
  if (roleProblem) fail('role-name', roleProblem)

  // sso-session, profile
  const ssoSession = raw('sso-session') || DEFAULT_SSO_SESSION
  const sessionProblem = nameProblem(ssoSession, 'an sso-session name')
  if (sessionProblem) fail('sso-session', sessionProblem)

  const profile = raw('profile') || DEFAULT_PROFILE
  const profileProblem = nameProblem(profile, 'a profile name')
  if (profileProblem) fail('profile', profileProblem)

  // region
  const region = raw('region') || ssoRegion
  const regProblem = regionProblem(region)
  if (regProblem) fail('region', regProblem)

  // output
  const output = trimmed('output') || DEFAULT_OUTPUT
  if (!OUTPUT_FORMATS.includes(output)) fail('output', `must be one of ${OUTPUT_FORMATS.join(', ')}, got ${showValue(output)}`)

  // registration-scopes
  const scopesRaw = trimmed('registration-scopes')
  let registrationScopes = [...DEFAULT_REGISTRATION_SCOPES]
  if (scopesRaw !== '') {
    const scopes = splitList(scopesRaw)
    if (scopes.length === 0) fail('registration-scopes', 'must list at least one scope, e.g. sso:account:access')
    for (const s of scopes) {
      if (!SCOPE_RE.test(s)) fail('registration-scopes', `scope ${showValue(s)} may contain only letters, digits and : _ * . -`)
    }
    registrationScopes = dedupe(scopes)
  }

  // profiles
  const extraProfiles = parseProfiles(raw('profiles', true), profile, region)

  // discover, account-filter, role-filter
  const discoverOn = bool('discover', DEFAULT_DISCOVER)
  const accountFilter = trimmed('account-filter')
  const roleFilter = trimmed('role-filter')
  if (accountFilter !== '') {
    if (!discoverOn) fail('account-filter', 'is only allowed when discover is true')
    if (accountFilter.length > 256) fail('account-filter', `must be at most 256 characters, got ${accountFilter.length}`)
  }
  if (roleFilter !== '') {
    if (!discoverOn) fail('role-filter', 'is only allowed when discover is true')
    const bad = firstBadChar(roleFilter, /[A-Za-z0-9_+=,.@*?-]/)
    if (bad !== undefined) {
      fail('role-filter', `contains ${describeChar(bad)}; use role name characters and the globs * ?, got ${showValue(roleFilter)}`)
    }
    if (roleFilter.length > 128) fail('role-filter', `must be at most 128 characters, got ${roleFilter.length}`)
  }

  // booleans
  const allowPartial = bool('allow-partial', DEFAULT_ALLOW_PARTIAL)
  const exportCredentials = bool('export-credentials', DEFAULT_EXPORT_CREDENTIALS)
  const keepSession = bool('keep-session', DEFAULT_KEEP_SESSION)
  const reuseSession = bool('reuse-session', DEFAULT_REUSE_SESSION)

  // durations
  const minValiditySeconds = duration('min-validity', 0, MAX_MIN_VALIDITY_SECONDS) ?? DEFAULT_MIN_VALIDITY_SECONDS
  const approvalTimeoutSeconds = duration('approval-timeout', 1, MAX_APPROVAL_TIMEOUT_SECONDS)

  // allowed-approvers
  const allowedApprovers: string[] = []
  for (const a of splitList(trimmed('allowed-approvers'))) {
    const bad = firstBadChar(a, /[^\s,]/u)
    if (bad !== undefined) fail('allowed-approvers', `entry ${showValue(a)} must not contain spaces`)
    if (Array.from(a).length > 128) fail('allowed-approvers', `entry ${showValue(a)} is longer than 128 characters`)
    allowedApprovers.push(a.toLowerCase())
  }
  const forbidSelfApproval = bool('forbid-self-approval', DEFAULT_FORBID_SELF_APPROVAL)

  // notify
  const notify = parseNotify(trimmed('notify'))

  // github-token (secret: never echoed)
  const githubToken = trimmed('github-token')
  if (/\s/.test(githubToken)) fail('github-token', 'must not contain spaces (value not shown)')

  // issue-number
  const issueRaw = trimmed('issue-number')
  let issueNumber: number | undefined
  if (issueRaw !== '') {
    if (!/^[0-9]+$/.test(issueRaw) || Number(issueRaw) < 1 || Number(issueRaw) > MAX_ISSUE_NUMBER) {
      fail('issue-number', `must be a positive whole number, got ${showValue(issueRaw)}`)
    }
    issueNumber = Number(issueRaw)
  }

  // webhook-url (secret: never echoed)
  const webhookRaw = trimmed('webhook-url')
  let webhookUrl: string | undefined
  if (webhookRaw !== '') {
    const problem = webhookUrlProblem(webhookRaw)
    if (problem) fail('webhook-url', `${problem} (value not shown)`)
    webhookUrl = webhookRaw
  } else if (notify.includes('webhook')) {
    fail('webhook-url', 'is required when notify includes webhook')
  }

  const request: LoginRequest = {
    startUrl,
    ssoRegion,
    accountId,
    roleName,
    ssoSession,
    profile,
    region,
    output,
    registrationScopes,
    notify,
    githubToken,
    exportCredentials,
    keepSession,
    allowedApprovers: dedupe(allowedApprovers),
    forbidSelfApproval,
    extraProfiles,
    allowPartial,
    reuseSession,
    minValiditySeconds
  }
  if (issueNumber !== undefined) request.issueNumber = issueNumber
  if (webhookUrl !== undefined) request.webhookUrl = webhookUrl
  if (approvalTimeoutSeconds !== undefined) request.approvalTimeoutSeconds = approvalTimeoutSeconds
  if (discoverOn) {
    request.discover = {}
    if (accountFilter !== '') request.discover.accountFilter = accountFilter
    if (roleFilter !== '') request.discover.roleFilter = roleFilter
  }
  return request
}

/**
 * notify: '' → the defaults; comma-separated channels, case-insensitive, whitespace tolerated;
 * 'log' accepted and ignored (the log is always on); 'none' alone → [] (log only).
 */
function parseNotify(value: string): NotifyChannel[] {
  if (value === '') return [...DEFAULT_NOTIFY]
  const items = splitList(value).map((s) => s.toLowerCase())
  if (items.length === 0) throw new InputError('notify', `must list channels (${NOTIFY_CHANNELS.join(', ')}) or none`)
  const channels: NotifyChannel[] = []
  for (const item of items) {
    if (item === 'log') continue
    if (item === 'none') {
      if (items.some((i) => i !== 'none' && i !== 'log')) throw new InputError('notify', '"none" cannot be combined with other channels')
      continue
    }
    if (!(NOTIFY_CHANNELS as readonly string[]).includes(item)) {
      throw new InputError('notify', `unknown channel ${showValue(item)}; use ${NOTIFY_CHANNELS.join(', ')}, log or none`)
    }
    channels.push(item as NotifyChannel)
  }
  return dedupe(channels)
}

function webhookUrlProblem(value: string): string | undefined {
  if (value.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`
  if (/\s/.test(value) || value.includes('\\')) return 'must not contain spaces or backslashes'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'must be a URL'
  }
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password'
  if (value.includes('#')) return 'must not contain a fragment (#…)'
  if (url.protocol === 'https:') return undefined
  if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return undefined
  return 'must be an https:// URL (http:// only for localhost or 127.0.0.1)'
}

/**
 * profiles: one `name account-id role-name [region]` per line, fields separated by spaces or
 * tabs; blank lines and `#` comments (whole line or trailing) ignored. Errors name the line
 * (1-based, counting every line).
 */
function parseProfiles(value: string, mainProfile: string, defaultRegion: string): ProfileSpec[] {
  const specs: ProfileSpec[] = []
  const seen = new Map<string, number>()
  const lines = value.split(/\r?\n/)
  lines.forEach((line, index) => {
    const n = index + 1
    const fail = (problem: string): never => {
      throw new InputError('profiles', `line ${n}: ${problem}`)
    }
    const hash = line.indexOf('#')
    const content = (hash >= 0 ? line.slice(0, hash) : line).trim()
    if (content === '') return
    const fields = content.split(/[ \t]+/)
    if (fields.length < 3 || fields.length > 4) {
      fail(`expected "name account-id role-name [region]", got ${fields.length} field${fields.length === 1 ? '' : 's'}`)
    }
    const [name, accountId, roleName, region = defaultRegion] = fields
    const np = nameProblem(name, 'a profile name')
    if (np) fail(`profile name ${np}`)
    const ap = accountIdProblem(accountId)
    if (ap) fail(`account id ${ap}`)
    const rp = roleNameProblem(roleName)
    if (rp) fail(`role name ${rp}`)
    const gp = regionProblem(region)
    if (gp) fail(`region ${gp}`)
    if (name === mainProfile) fail(`profile name ${showValue(name)} is already the profile input; choose another name`)
    const earlier = seen.get(name)
    if (earlier !== undefined) fail(`profile name ${showValue(name)} is already used on line ${earlier}`)
    seen.set(name, n)
    specs.push({ name, accountId, roleName, region })
  })
  return specs
}
