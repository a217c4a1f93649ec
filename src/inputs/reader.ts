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
import {
  DEFAULT_ALLOW_PARTIAL,
  DEFAULT_DISCOVER,
  DEFAULT_EXPORT_CREDENTIALS,
  DEFAULT_FORBID_SELF_APPROVAL,
  DEFAULT_KEEP_SESSION,
  DEFAULT_MIN_VALIDITY_SECONDS,
  DEFAULT_NOTIFY,
  DEFAULT_OUTPUT,
  DEFAULT_PROFILE,
  DEFAULT_REGISTRATION_SCOPES,
  DEFAULT_REUSE_SESSION,
  DEFAULT_SSO_SESSION,
  MAX_SESSION_LENGTH,
  MIN_SESSION_KEY_LENGTH,
  type LoginRequest,
  MAX_APPROVAL_TIMEOUT_SECONDS,
  MAX_ISSUE_NUMBER,
  MAX_MIN_VALIDITY_SECONDS,
  MAX_URL_LENGTH,
  NOTIFY_CHANNELS,
  type NotifyChannel,
  OUTPUT_FORMATS,
  type ProfileSpec,
  isSecretInput
} from './spec.js'
import { readChainInputs } from './chain.js'
import {
  FALSE_VALUES,
  InputError,
  SCOPE_RE,
  TRUE_VALUES,
  accountIdProblem,
  controlProblem,
  dedupe,
  describeChar,
  firstBadChar,
  nameProblem,
  parseDurationSeconds,
  regionProblem,
  roleNameProblem,
  showValue,
  splitList,
  startUrlProblem
} from './rules.js'
// scale (issue 13)
import {
  DEFAULT_VERIFY_PROFILES,
  VERIFY_PROFILES,
  type VerifyProfiles
} from './spec.js'
import { weakSessionKeyReason } from './session-key.js'

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
  // With a sealed session (session / end-session) the start URL, SSO region, account and role come from it (shared-session.ts).
  const fromSeal =
    String(get('session') ?? '').trim() !== '' ||
    TRUE_VALUES.includes(String(get('end-session') ?? '').trim())
  const required = (name: string, value: string, example: string): string => {
    if (value.trim() === '' && !fromSeal)
      fail(name, `is required (for example ${example})`)
    return value
  }
  /** The problem with a value, unless it was left out with a sealed session. */
  const problemOf = (
    value: string,
    check: (v: string) => string | undefined
  ) => (value === '' ? undefined : check(value))
  const bool = (name: string, fallback: boolean): boolean => {
    const v = trimmed(name)
    if (v === '') return fallback
    if (TRUE_VALUES.includes(v)) return true
    if (FALSE_VALUES.includes(v)) return false
    return fail(name, `must be true or false, got ${showValue(v)}`)
  }
  const duration = (
    name: string,
    min: number,
    max: number
  ): number | undefined => {
    const v = trimmed(name)
    if (v === '') return undefined
    const seconds = parseDurationSeconds(v)
    if (seconds === undefined || !Number.isSafeInteger(seconds)) {
      return fail(
        name,
        `must be a number of seconds or a duration like 15m or 1h, got ${showValue(v)}`
      )
    }
    if (seconds < min || seconds > max) {
      return fail(
        name,
        `must be between ${min} and ${max} seconds, got ${showValue(v)} (${seconds} seconds)`
      )
    }
    return seconds
  }

  // start-url
  const startUrl = required(
    'start-url',
    trimmed('start-url'),
    'https://my-sso-portal.awsapps.com/start'
  )
  const urlProblem = problemOf(startUrl, startUrlProblem)
  if (urlProblem) fail('start-url', urlProblem)

  // sso-region
  const ssoRegion = required('sso-region', raw('sso-region'), 'us-east-1')
  const ssoRegionProblem = problemOf(ssoRegion, regionProblem)
  if (ssoRegionProblem) fail('sso-region', ssoRegionProblem)

  // account-id
  const accountId = required(
    'account-id',
    trimmed('account-id'),
    '111122223333'
  )
  const accountProblem = problemOf(accountId, accountIdProblem)
  if (accountProblem) fail('account-id', accountProblem)

  // role-name
  const roleName = required('role-name', raw('role-name'), 'DeveloperAccess')
  const roleProblem = problemOf(roleName, roleNameProblem)
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
  const regProblem = problemOf(region, regionProblem)
  if (regProblem) fail('region', regProblem)

  // output
  const output = trimmed('output') || DEFAULT_OUTPUT
  if (!OUTPUT_FORMATS.includes(output))
    fail(
      'output',
      `must be one of ${OUTPUT_FORMATS.join(', ')}, got ${showValue(output)}`
    )

  // registration-scopes
  const scopesRaw = trimmed('registration-scopes')
  let registrationScopes = [...DEFAULT_REGISTRATION_SCOPES]
  if (scopesRaw !== '') {
    const scopes = splitList(scopesRaw)
    if (scopes.length === 0)
      fail(
        'registration-scopes',
        'must list at least one scope, e.g. sso:account:access'
      )
    for (const s of scopes) {
      if (!SCOPE_RE.test(s))
        fail(
          'registration-scopes',
          `scope ${showValue(s)} may contain only letters, digits and : _ * . -`
        )
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
    if (!discoverOn)
      fail('account-filter', 'is only allowed when discover is true')
    if (accountFilter.length > 256)
      fail(
        'account-filter',
        `must be at most 256 characters, got ${accountFilter.length}`
      )
  }
  if (roleFilter !== '') {
    if (!discoverOn)
      fail('role-filter', 'is only allowed when discover is true')
    const bad = firstBadChar(roleFilter, /[A-Za-z0-9_+=,.@*?-]/)
    if (bad !== undefined) {
      fail(
        'role-filter',
        `contains ${describeChar(bad)}; use role name characters and the globs * ?, got ${showValue(roleFilter)}`
      )
    }
    if (roleFilter.length > 128)
      fail(
        'role-filter',
        `must be at most 128 characters, got ${roleFilter.length}`
      )
  }

  // booleans
  const allowPartial = bool('allow-partial', DEFAULT_ALLOW_PARTIAL)
  const exportCredentials = bool(
    'export-credentials',
    DEFAULT_EXPORT_CREDENTIALS
  )
  const keepSession = bool('keep-session', DEFAULT_KEEP_SESSION)
  const reuseSession = bool('reuse-session', DEFAULT_REUSE_SESSION)

  // durations
  const minValiditySeconds =
    duration('min-validity', 0, MAX_MIN_VALIDITY_SECONDS) ??
    DEFAULT_MIN_VALIDITY_SECONDS
  const approvalTimeoutSeconds = duration(
    'approval-timeout',
    1,
    MAX_APPROVAL_TIMEOUT_SECONDS
  )

  // allowed-approvers
  const allowedApprovers: string[] = []
  for (const a of splitList(trimmed('allowed-approvers'))) {
    const bad = firstBadChar(a, /[^\s,]/u)
    if (bad !== undefined)
      fail('allowed-approvers', `entry ${showValue(a)} must not contain spaces`)
    if (Array.from(a).length > 128)
      fail(
        'allowed-approvers',
        `entry ${showValue(a)} is longer than 128 characters`
      )
    allowedApprovers.push(a.toLowerCase())
  }
  const forbidSelfApproval = bool(
    'forbid-self-approval',
    DEFAULT_FORBID_SELF_APPROVAL
  )

  // notify
  const notify = parseNotify(trimmed('notify'))

  // github-token (secret: never echoed)
  const githubToken = trimmed('github-token')
  if (/\s/.test(githubToken))
    fail('github-token', 'must not contain spaces (value not shown)')

  // issue-number
  const issueRaw = trimmed('issue-number')
  let issueNumber: number | undefined
  if (issueRaw !== '') {
    if (
      !/^[0-9]+$/.test(issueRaw) ||
      Number(issueRaw) < 1 ||
      Number(issueRaw) > MAX_ISSUE_NUMBER
    ) {
      fail(
        'issue-number',
        `must be a positive whole number, got ${showValue(issueRaw)}`
      )
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
  if (approvalTimeoutSeconds !== undefined)
    request.approvalTimeoutSeconds = approvalTimeoutSeconds
  if (discoverOn) {
    request.discover = {}
    if (accountFilter !== '') request.discover.accountFilter = accountFilter
    if (roleFilter !== '') request.discover.roleFilter = roleFilter
  }
  // Each feature reads and checks its inputs in its own block (cross-input checks against earlier inputs here):
  // --- least privilege (issue 10): sign-out-early, allowed-account-ids, the client name
  const signOutEarly = bool('sign-out-early', false)
  if (signOutEarly && keepSession)
    fail(
      'sign-out-early',
      'cannot be combined with keep-session: true (keep-session leaves the sign-in on the runner, sign-out-early ends it at once); set one of the two'
    )
  if (signOutEarly && reuseSession)
    fail(
      'sign-out-early',
      'cannot be combined with reuse-session: true (reuse-session uses and keeps a cached sign-in, sign-out-early ends it at once); set one of the two'
    )
  if (signOutEarly) request.signOutEarly = true
  const allowedAccountsRaw = trimmed('allowed-account-ids')
  if (allowedAccountsRaw !== '') {
    const ids = splitList(allowedAccountsRaw)
    if (ids.length === 0)
      fail(
        'allowed-account-ids',
        'must list 12-digit account ids separated by commas'
      )
    for (const id of ids) {
      if (/\s/.test(id) && /^[0-9\s]+$/.test(id))
        fail(
          'allowed-account-ids',
          `separate the account ids with commas, got ${showValue(id)}`
        )
      const problem = accountIdProblem(id)
      if (problem) fail('allowed-account-ids', `each entry ${problem}`)
    }
    request.allowedAccountIds = dedupe(ids)
  }
  // --- role chaining (issue 10): role-to-assume, role-session-name, role-duration-seconds, …
  const chain = readChainInputs((name, lines) => raw(name, lines), {
    accountId,
    region,
    profile,
    extraProfileNames: extraProfiles.map((p) => p.name)
  })
  if (chain) request.chain = chain
  // --- shared sign-in (issue 14): share-session, session, session-key, end-session
  const shareSession = bool('share-session', false)
  if (shareSession && request.signOutEarly)
    fail(
      'share-session',
      'cannot be combined with sign-out-early: a sign-in that is signed out at once cannot be shared'
    )
  const sealed = trimmed('session')
  if (sealed.length > MAX_SESSION_LENGTH)
    fail(
      'session',
      `must be at most ${MAX_SESSION_LENGTH} characters, got ${sealed.length}`
    )
  if (sealed !== '' && shareSession)
    fail(
      'session',
      'cannot be combined with share-session: a job either shares its own sign-in or uses the one shared with it'
    )
  if (sealed !== '' && reuseSession)
    fail(
      'session',
      'cannot be combined with reuse-session: the sign-in comes from the session input'
    )
  if (sealed !== '' && request.signOutEarly)
    fail(
      'session',
      'cannot be combined with sign-out-early: signing out would end the sign-in for every job of the run (end-session does that)'
    )
  const endSession = bool('end-session', false)
  if (endSession && sealed === '')
    fail(
      'end-session',
      'needs session (the session output of the share-session job) and session-key'
    )
  const sessionKey = raw('session-key')
  if (sessionKey !== '') {
    if (!shareSession && sealed === '')
      fail(
        'session-key',
        'is only used with share-session or session (value not shown)'
      )
    if (Array.from(sessionKey).length < MIN_SESSION_KEY_LENGTH) {
      fail(
        'session-key',
        `must be at least ${MIN_SESSION_KEY_LENGTH} characters, got ${Array.from(sessionKey).length} (value not shown); e.g. openssl rand -base64 32`
      )
    }
    const weak = weakSessionKeyReason(sessionKey)
    if (weak) fail('session-key', weak)
  } else if (shareSession || sealed !== '') {
    fail(
      'session-key',
      `is required with ${shareSession ? 'share-session' : 'session'} (a secret of at least ${MIN_SESSION_KEY_LENGTH} characters)`
    )
  }
  if (shareSession) request.sharedSession = { mode: 'share', key: sessionKey }
  else if (sealed !== '')
    request.sharedSession = {
      mode: endSession ? 'end' : 'use',
      key: sessionKey,
      sealed,
      ssoSessionGiven: raw('sso-session') !== ''
    }
  // --- older SDKs (issue 12): legacy-sso-profile
  if (bool('legacy-sso-profile', false)) request.legacySsoProfile = true
  // --- scale (issue 13): verify-profiles
  const verifyProfiles =
    trimmed('verify-profiles').toLowerCase() || DEFAULT_VERIFY_PROFILES
  if (!(VERIFY_PROFILES as readonly string[]).includes(verifyProfiles))
    fail(
      'verify-profiles',
      `must be one of ${VERIFY_PROFILES.join(', ')}, got ${showValue(verifyProfiles)}`
    )
  if (verifyProfiles === 'primary' && signOutEarly) {
    fail(
      'verify-profiles',
      'primary cannot be combined with sign-out-early: true (the profiles it writes unverified fetch their credentials with the sign-in, which sign-out-early ends at once); use verify-profiles: all or drop sign-out-early'
    )
  }
  if (verifyProfiles !== DEFAULT_VERIFY_PROFILES)
    request.verifyProfiles = verifyProfiles as VerifyProfiles
  // --- end of the feature blocks
  return request
}

/**
 * notify: '' → the defaults; comma-separated channels, case-insensitive, whitespace tolerated;
 * 'log' accepted and ignored (the log is always on); 'none' alone → [] (log only).
 */
function parseNotify(value: string): NotifyChannel[] {
  if (value === '') return [...DEFAULT_NOTIFY]
  const items = splitList(value).map((s) => s.toLowerCase())
  if (items.length === 0)
    throw new InputError(
      'notify',
      `must list channels (${NOTIFY_CHANNELS.join(', ')}) or none`
    )
  const channels: NotifyChannel[] = []
  for (const item of items) {
    if (item === 'log') continue
    if (item === 'none') {
      if (items.some((i) => i !== 'none' && i !== 'log'))
        throw new InputError(
          'notify',
          '"none" cannot be combined with other channels'
        )
      continue
    }
    if (!(NOTIFY_CHANNELS as readonly string[]).includes(item)) {
      throw new InputError(
        'notify',
        `unknown channel ${showValue(item)}; use ${NOTIFY_CHANNELS.join(', ')}, log or none`
      )
    }
    channels.push(item as NotifyChannel)
  }
  return dedupe(channels)
}

function webhookUrlProblem(value: string): string | undefined {
  if (value.length > MAX_URL_LENGTH)
    return `must be at most ${MAX_URL_LENGTH} characters`
  if (/\s/.test(value) || value.includes('\\'))
    return 'must not contain spaces or backslashes'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'must be a URL'
  }
  if (url.username !== '' || url.password !== '')
    return 'must not contain a user name or password'
  if (value.includes('#')) return 'must not contain a fragment (#…)'
  if (url.protocol === 'https:') return undefined
  if (
    url.protocol === 'http:' &&
    ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  )
    return undefined
  return 'must be an https:// URL (http:// only for localhost or 127.0.0.1)'
}

/**
 * profiles: one `name account-id role-name [region]` per line, fields separated by spaces or
 * tabs; blank lines and `#` comments (whole line or trailing) ignored. Errors name the line
 * (1-based, counting every line).
 */
function parseProfiles(
  value: string,
  mainProfile: string,
  defaultRegion: string
): ProfileSpec[] {
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
      fail(
        `expected "name account-id role-name [region]", got ${fields.length} field${fields.length === 1 ? '' : 's'}`
      )
    }
    const [name, accountId, roleName, region = defaultRegion] = fields
    const np = nameProblem(name, 'a profile name')
    if (np) fail(`profile name ${np}`)
    const ap = accountIdProblem(accountId)
    if (ap) fail(`account id ${ap}`)
    const rp = roleNameProblem(roleName)
    if (rp) fail(`role name ${rp}`)
    const gp = region === '' ? undefined : regionProblem(region) // '' only with a sealed session: its region, later
    if (gp) fail(`region ${gp}`)
    if (name === mainProfile)
      fail(
        `profile name ${showValue(name)} is already the profile input; choose another name`
      )
    const earlier = seen.get(name)
    if (earlier !== undefined)
      fail(`profile name ${showValue(name)} is already used on line ${earlier}`)
    seen.set(name, n)
    specs.push({ name, accountId, roleName, region })
  })
  return specs
}
