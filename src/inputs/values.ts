/** Checks of input values with a shape of their own (lists, notify, webhook-url, profiles). Each throws the InputError naming its input. */
import { MAX_URL_LENGTH, NOTIFY_CHANNELS } from './limits.js'
import type { NotifyChannel, ProfileSpec } from './types.js'
import {
  InputError,
  SCOPE_RE,
  accountIdProblem,
  dedupe,
  firstBadChar,
  nameProblem,
  regionProblem,
  roleNameProblem,
  showValue
} from './rules.js'

/** registration-scopes: a list of OAuth scopes. */
export function parseScopes(scopes: string[]): string[] {
  const fail = (problem: string): never => {
    throw new InputError('registration-scopes', problem)
  }
  if (scopes.length === 0)
    fail('must list at least one scope, e.g. sso:account:access')
  for (const s of scopes) {
    if (!SCOPE_RE.test(s))
      fail(
        `scope ${showValue(s)} may contain only letters, digits and : _ * . -`
      )
  }
  return dedupe(scopes)
}

/** allowed-approvers: user names or globs, lower-cased, de-duplicated; [] means anyone. */
export function parseApprovers(items: string[]): string[] {
  const approvers: string[] = []
  for (const a of items) {
    const bad = firstBadChar(a, /[^\s,]/u)
    if (bad !== undefined)
      throw new InputError(
        'allowed-approvers',
        `entry ${showValue(a)} must not contain spaces`
      )
    if (Array.from(a).length > 128)
      throw new InputError(
        'allowed-approvers',
        `entry ${showValue(a)} is longer than 128 characters`
      )
    approvers.push(a.toLowerCase())
  }
  return dedupe(approvers)
}

/** allowed-account-ids: 12-digit account ids separated by commas, de-duplicated; undefined when not given. */
export function parseAccountIds(
  ids: string[] | undefined
): string[] | undefined {
  if (ids === undefined) return undefined
  const fail = (problem: string): never => {
    throw new InputError('allowed-account-ids', problem)
  }
  if (ids.length === 0)
    fail('must list 12-digit account ids separated by commas')
  for (const id of ids) {
    if (/\s/.test(id) && /^[0-9\s]+$/.test(id))
      fail(`separate the account ids with commas, got ${showValue(id)}`)
    const problem = accountIdProblem(id)
    if (problem) fail(`each entry ${problem}`)
  }
  return dedupe(ids)
}

/**
 * notify: channels, case-insensitive; 'log' accepted and ignored (the log is always on); 'none' alone → [] (log only).
 */
export function parseNotify(list: string[]): NotifyChannel[] {
  const items = list.map((s) => s.toLowerCase())
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

export function webhookUrlProblem(value: string): string | undefined {
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
export function parseProfiles(
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
