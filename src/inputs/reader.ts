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
  DEFAULT_OUTPUT,
  DEFAULT_PROFILE,
  DEFAULT_REUSE_SESSION,
  DEFAULT_SSO_SESSION,
  type LoginRequest,
  MAX_APPROVAL_TIMEOUT_SECONDS,
  MAX_MIN_VALIDITY_SECONDS,
  OUTPUT_FORMATS,
  isSecretInput
} from './spec.js'
import { readChainInputs } from './chain.js'
import {
  FALSE_VALUES,
  InputError,
  TRUE_VALUES,
  accountIdProblem,
  controlProblem,
  describeChar,
  firstBadChar,
  nameProblem,
  parseDurationSeconds,
  regionProblem,
  roleNameProblem,
  showValue,
  startUrlProblem
} from './rules.js'
import {
  DEFAULT_VERIFY_PROFILES,
  VERIFY_PROFILES,
  type VerifyProfiles
} from './spec.js'
import type { EndSession } from './sign-in-mode.js'
import {
  readRequiredApprovals,
  readCredentialServer,
  readSharing,
  readSignOutEarly,
  signInMode
} from './sign-in-inputs.js'
import {
  parseAccountIds,
  parseApprovers,
  parseIssueNumber,
  parseNotify,
  parseProfiles,
  parseScopes,
  webhookUrlProblem
} from './values.js'

/** What the inputs ask for: a sign-in, or end-session (sign the shared sign-in out, nothing else). */
export type Command = { kind: 'sign-in'; request: LoginRequest } | EndSession

// ---------------------------------------------------------------------------------------------
// The reader

/**
 * Reads every input through `get` ('' when unset), validates it, applies defaults, and returns the
 * request. Throws the first {@link InputError} found, in {@link INPUTS} order; end-session, which
 * is not a sign-in, is an {@link InputError} here (the edges read it with {@link readCommand}).
 */
export function readLoginRequest(get: (name: string) => string): LoginRequest {
  const command = readCommand(get)
  if (command.kind === 'end-session')
    throw new InputError(
      'end-session',
      'is a command of its own, not a sign-in'
    )
  return command.request
}

/**
 * Reads every input through `get` ('' when unset), validates it, applies defaults, and returns
 * what is asked for. Throws the first {@link InputError} found, in {@link INPUTS} order.
 */
export function readCommand(get: (name: string) => string): Command {
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
  const registrationScopes = parseScopes(trimmed('registration-scopes'))

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
  const allowedApprovers = parseApprovers(trimmed('allowed-approvers'))
  const forbidSelfApproval = bool(
    'forbid-self-approval',
    DEFAULT_FORBID_SELF_APPROVAL
  )
  // required-approvals (the two-person rule)
  const requiredApprovals = readRequiredApprovals(
    { raw, trimmed, bool, fail },
    { reuseSession }
  )

  // notify
  const notify = parseNotify(trimmed('notify'))

  // github-token (secret: never echoed)
  const githubToken = trimmed('github-token')
  if (/\s/.test(githubToken))
    fail('github-token', 'must not contain spaces (value not shown)')

  // issue-number
  const issueNumber = parseIssueNumber(trimmed('issue-number'))

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
    target: { startUrl, ssoRegion, accountId, roleName, region },
    profiles: { ssoSession, profile, output, extraProfiles },
    signIn: {
      mode: { kind: 'job', token: { from: 'device-flow' } }, // set below, once every input is read
      registrationScopes,
      allowedApprovers,
      forbidSelfApproval,
      minValiditySeconds
    },
    notify: { channels: notify, githubToken },
    files: { exportCredentials, allowPartial }
  }
  if (requiredApprovals > 1)
    request.signIn.requiredApprovals = requiredApprovals
  if (issueNumber !== undefined) request.notify.issueNumber = issueNumber
  if (webhookUrl !== undefined) request.notify.webhookUrl = webhookUrl
  if (approvalTimeoutSeconds !== undefined)
    request.signIn.approvalTimeoutSeconds = approvalTimeoutSeconds
  if (discoverOn) {
    const discover: { accountFilter?: string; roleFilter?: string } = {}
    if (accountFilter !== '') discover.accountFilter = accountFilter
    if (roleFilter !== '') discover.roleFilter = roleFilter
    request.profiles.discover = discover
  }
  // Each feature reads and checks its inputs in its own block (cross-input checks against earlier inputs here):
  // --- least privilege: sign-out-early, allowed-account-ids
  const signOutEarly = readSignOutEarly(
    { raw, trimmed, bool, fail },
    { keepSession, reuseSession }
  )
  const allowedAccountIds = parseAccountIds(trimmed('allowed-account-ids'))
  if (allowedAccountIds) request.files.allowedAccountIds = allowedAccountIds
  // --- role chaining: role-to-assume, role-session-name, role-duration-seconds, …
  const chain = readChainInputs((name, lines) => raw(name, lines), {
    accountId,
    region,
    profile,
    extraProfileNames: extraProfiles.map((p) => p.name)
  })
  if (chain) request.chain = chain
  // --- shared sign-in: share-session, session, session-key, end-session
  const sharing = readSharing(
    { raw, trimmed, bool, fail },
    { signOutEarly, reuseSession }
  )
  // --- older SDKs: legacy-sso-profile
  if (bool('legacy-sso-profile', false))
    request.profiles.legacySsoProfile = true
  // --- scale: verify-profiles
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
    request.profiles.verifyProfiles = verifyProfiles as VerifyProfiles
  // --- credentials for the whole job: credential-server
  const credentialServer = readCredentialServer(
    { raw, trimmed, bool, fail },
    {
      keepSession,
      reuseSession,
      signOutEarly,
      legacySsoProfile: request.profiles.legacySsoProfile === true,
      ...sharing
    }
  )
  // --- end of the feature blocks
  if (sharing.endSession)
    return { kind: 'end-session', token: sharing.session! }
  request.signIn.mode = signInMode({
    keepSession,
    reuseSession,
    signOutEarly,
    credentialServer,
    ...sharing
  })
  return { kind: 'sign-in', request }
}
