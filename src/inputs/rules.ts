/** The rules for input values: safe echoing, the input error, and one check per kind of value (names, regions, URLs, durations). */
import {
  MAX_NAME_LENGTH,
  MAX_ROLE_NAME_LENGTH,
  MAX_URL_LENGTH,
  MIN_REQUIRED_APPROVALS,
  MAX_REQUIRED_APPROVALS
} from './limits.js'
import { CONTROL_SOURCE } from '../util/text.js'

// ---------------------------------------------------------------------------------------------
// Errors and safe echoing

const MAX_SHOWN = 60

const CONTROL_RE = new RegExp(CONTROL_SOURCE)
const CONTROL_RE_G = new RegExp(CONTROL_SOURCE, 'g')

export function escapeChar(c: string): string {
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
  if (TOKENISH.test(value))
    return '(a value that looks like a token or webhook URL, not shown)'
  const masked = value.replace(
    /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#\s]*@/,
    '$1***@'
  )
  const chars = Array.from(masked)
  if (chars.length <= MAX_SHOWN) return `"${escapeText(masked)}"`
  return `"${escapeText(chars.slice(0, MAX_SHOWN).join(''))}…" (${chars.length} characters)`
}

/** An input or option name made safe to print (names come from argv in the CLI). */
function cleanName(name: string): string {
  const chars = Array.from(String(name))
  const cut =
    chars.length > MAX_SHOWN
      ? chars.slice(0, MAX_SHOWN).join('') + '…'
      : chars.join('')
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

// ---------------------------------------------------------------------------------------------
// Value checks. Each returns a problem (the message without the input prefix) or undefined.

export function controlProblem(
  value: string,
  secret: boolean,
  allowLineBreaks = false
): string | undefined {
  const chars = Array.from(value)
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]
    if (!CONTROL_RE.test(c)) continue
    if (
      allowLineBreaks &&
      (c === '\n' || c === '\t' || (c === '\r' && chars[i + 1] === '\n'))
    )
      continue
    const what = allowLineBreaks
      ? 'control characters (other than line breaks and tabs)'
      : 'control characters or line breaks'
    const found = secret ? '' : ` (found ${escapeChar(c)} at position ${i + 1})`
    return `must not contain ${what}${found}`
  }
  return undefined
}

export function surroundingSpaceProblem(value: string): string | undefined {
  return /^\s|\s$/.test(value)
    ? `must not have leading or trailing spaces, got ${showValue(value)}`
    : undefined
}

export function firstBadChar(
  value: string,
  allowed: RegExp
): string | undefined {
  for (const c of value) if (!allowed.test(c)) return c
  return undefined
}

export function describeChar(c: string): string {
  return c === ' ' ? 'a space' : `"${escapeText(c)}"`
}

export const ACCOUNT_ID_RE = /^[0-9]{12}$/

export function accountIdProblem(value: string): string | undefined {
  if (ACCOUNT_ID_RE.test(value)) return undefined
  const digits = value.replace(/[^0-9]/g, '').length
  const hint = digits === 12 ? ' (no spaces or dashes)' : ''
  return `must be 12 digits${hint}, got ${showValue(value)}`
}

export function roleNameProblem(value: string): string | undefined {
  if (value === '') return 'must not be empty'
  const space = surroundingSpaceProblem(value)
  if (space) return space
  const bad = firstBadChar(value, /[A-Za-z0-9_+=,.@-]/)
  if (bad !== undefined) {
    return `contains ${describeChar(bad)}, which is not allowed in a role name (letters, digits and + = , . @ _ - only), got ${showValue(value)}`
  }
  if (value.length > MAX_ROLE_NAME_LENGTH)
    return `must be at most ${MAX_ROLE_NAME_LENGTH} characters, got ${value.length}`
  return undefined
}

/**
 * Profile and sso-session names: letters, digits, `.`, `_`, `-`, `@`, `+`; starts with a letter or
 * digit; 1–64 characters. Nothing that could end an INI section header (`]`), start another one
 * (`[`, line breaks), or be read as an assignment or comment (`=`, `#`, `;`), and no spaces.
 */
export const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/
/** One character of a profile / sso-session name (the reader checks with it, discover builds names from it). */
export const NAME_CHAR = /[A-Za-z0-9._@+-]/
/** Runs of characters a profile / sso-session name may not hold. */
export const NOT_NAME_CHARS = /[^A-Za-z0-9._@+-]+/g

export function nameProblem(value: string, what: string): string | undefined {
  if (value === '') return 'must not be empty'
  const space = surroundingSpaceProblem(value)
  if (space) return space
  const bad = firstBadChar(value, NAME_CHAR)
  if (bad !== undefined) {
    return `contains ${describeChar(bad)}, which is not allowed in ${what} (letters, digits and . _ - @ + only), got ${showValue(value)}`
  }
  if (value.length > MAX_NAME_LENGTH)
    return `must be at most ${MAX_NAME_LENGTH} characters, got ${value.length}`
  if (!/^[A-Za-z0-9]/.test(value))
    return `must start with a letter or digit, got ${showValue(value)}`
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

export function regionProblem(value: string): string | undefined {
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
const ISSUER_HOSTS = [
  'identitycenter.amazonaws.com',
  'identitycenter.amazonaws.com.cn',
  'identitycenter.amazonaws.eu'
]
const ISSUER_PATH_RE = /^\/(?:sso)?ins-[A-Za-z0-9.-]{16}\/?$/
const DNS_LABEL_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

function isIpAddress(host: string): boolean {
  return (
    host.startsWith('[') ||
    /^[0-9.]+$/.test(host) ||
    /^(?:\d{1,3}\.){3}\d{1,3}$/.test(host)
  )
}

export function isAwsStartUrlHost(host: string): boolean {
  if (!host.split('.').every((l) => DNS_LABEL_RE.test(l))) return false
  if (ISSUER_HOSTS.includes(host)) return true
  if (PORTAL_HOST_PATTERNS.some((re) => re.test(host))) return true
  return PORTAL_HOST_SUFFIXES.some(
    (s) => host.endsWith(s) && host.length > s.length
  )
}

/** Checks a (trimmed, non-empty) start URL. */
export function startUrlProblem(value: string): string | undefined {
  if (value.length > MAX_URL_LENGTH)
    return `must be at most ${MAX_URL_LENGTH} characters, got ${value.length}`
  const odd = firstBadChar(value, /[\x21-\x7e]/)
  if (odd !== undefined)
    return `must not contain spaces or non-ASCII characters, got ${showValue(value)}`
  if (value.includes('\\'))
    return `must not contain backslashes, got ${showValue(value)}`
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `must be a URL like https://my-sso-portal.awsapps.com/start, got ${showValue(value)}`
  }
  if (
    url.username !== '' ||
    url.password !== '' ||
    /^[a-z][a-z0-9+.-]*:\/*[^/?#]*@/i.test(value)
  ) {
    return 'must not contain a user name or password'
  }
  if (url.protocol !== 'https:')
    return `must use https://, got ${showValue(value)}`
  // Require the plain written form: `https://host[:443]` exactly as the URL parser reads it, so that
  // every other parser (the AWS CLI, SDKs, Python's urllib) sees the same host.
  const m = /^https:\/\/([^/?#]*)/i.exec(value)
  const authority = m ? m[1].toLowerCase() : undefined
  if (url.port !== '')
    return `must not use a port other than 443, got ${showValue(value)}`
  if (authority !== url.host && authority !== `${url.host}:443`) {
    return `must be written as https://HOST/…, with a plain host name, got ${showValue(value)}`
  }
  if (value.includes('#'))
    return `must not contain a fragment (#…), got ${showValue(value)}`
  const host = url.hostname
  if (isIpAddress(host))
    return `must use an AWS access portal host name, not an IP address, got ${showValue(value)}`
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

export const SCOPE_RE = /^[A-Za-z0-9:_*.-]+$/

const DURATION_RE = /^(?:([0-9]+)|(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?)$/i

/** '900', '900s', '15m', '1h', '1h30m' → seconds; undefined when malformed. */
export function parseDurationSeconds(value: string): number | undefined {
  const m = DURATION_RE.exec(value)
  if (!m || value === '') return undefined
  if (m[1] !== undefined) return Number(m[1])
  return Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)
}

export const TRUE_VALUES = ['true', 'True', 'TRUE']
export const FALSE_VALUES = ['false', 'False', 'FALSE']

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

export function dedupe<T>(items: T[]): T[] {
  return [...new Set(items)]
}

/** A required-approvals value the approvals policy can use (1-3), or why not. */
export function requiredApprovalsProblem(n: number): string | undefined {
  return Number.isInteger(n) &&
    n >= MIN_REQUIRED_APPROVALS &&
    n <= MAX_REQUIRED_APPROVALS
    ? undefined
    : `must be a whole number from ${MIN_REQUIRED_APPROVALS} to ${MAX_REQUIRED_APPROVALS}`
}
