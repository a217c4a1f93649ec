/**
 * The checks particular to one input, keyed by input name: each takes the value its kind read (read-value.ts) and the
 * values of the inputs before it, and returns the input's value or throws the InputError naming it. An input without
 * a check keeps the value its kind read. The rules between inputs are in combinations.ts.
 */
import type { PlainValue } from './read-value.js'
import type { EarlierValues, InputName, InputValues } from './input-values.js'
import { MAX_SESSION_LENGTH, MIN_SESSION_KEY_LENGTH } from './limits.js'
import type { VerifyProfiles } from './types.js'
import {
  InputError,
  accountIdProblem,
  describeChar,
  firstBadChar,
  nameProblem,
  regionProblem,
  roleNameProblem,
  showValue,
  startUrlProblem
} from './rules.js'
import {
  parseAccountIds,
  parseApprovers,
  parseNotify,
  parseProfiles,
  parseScopes,
  webhookUrlProblem
} from './values.js'
import {
  checkPolicyArns,
  checkTagKeys,
  externalIdProblem,
  inlinePolicyOf,
  roleArnOf,
  sessionNameProblem
} from './chain.js'
import { weakSessionKeyReason } from './session-key.js'

type Check<K extends InputName> = (
  value: PlainValue,
  earlier: EarlierValues
) => InputValues[K]

/** A check from a problem function: the problem, if any, is the input's error. */
function problemCheck(
  input: string,
  problem: (value: string) => string | undefined
): (value: PlainValue) => string {
  return (value) => {
    const v = value as string
    const found = problem(v)
    if (found) throw new InputError(input, found)
    return v
  }
}

/** A problem function that lets '' through (left out with a sealed session; the required rule decides). */
const unlessEmpty =
  (problem: (value: string) => string | undefined) => (value: string) =>
    value === '' ? undefined : problem(value)

export const CHECKS: { readonly [K in InputName]?: Check<K> } = {
  'start-url': problemCheck('start-url', unlessEmpty(startUrlProblem)),
  'sso-region': problemCheck('sso-region', unlessEmpty(regionProblem)),
  'account-id': problemCheck('account-id', unlessEmpty(accountIdProblem)),
  'role-name': problemCheck('role-name', unlessEmpty(roleNameProblem)),
  'sso-session': problemCheck('sso-session', (v) =>
    nameProblem(v, 'an sso-session name')
  ),
  profile: problemCheck('profile', (v) => nameProblem(v, 'a profile name')),
  region: (value, earlier) =>
    problemCheck(
      'region',
      unlessEmpty(regionProblem)
    )((value as string) || earlier['sso-region']),
  'registration-scopes': (value) => parseScopes(value as string[]),
  profiles: (value, earlier) =>
    parseProfiles(value as string, earlier.profile!, earlier.region!),
  'account-filter': problemCheck('account-filter', (v) =>
    v.length > 256
      ? `must be at most 256 characters, got ${v.length}`
      : undefined
  ),
  'role-filter': problemCheck('role-filter', (v) => {
    if (v === '') return undefined
    const bad = firstBadChar(v, /[A-Za-z0-9_+=,.@*?-]/)
    if (bad !== undefined)
      return `contains ${describeChar(bad)}; use role name characters and the globs * ?, got ${showValue(v)}`
    return v.length > 128
      ? `must be at most 128 characters, got ${v.length}`
      : undefined
  }),
  'allowed-approvers': (value) =>
    parseApprovers((value as string[] | undefined) ?? []),
  notify: (value) => parseNotify(value as string[]),
  'github-token': problemCheck('github-token', (v) =>
    /\s/.test(v) ? 'must not contain spaces (value not shown)' : undefined
  ),
  'webhook-url': problemCheck('webhook-url', (v) => {
    const problem = v === '' ? undefined : webhookUrlProblem(v)
    return problem && `${problem} (value not shown)`
  }),
  'allowed-account-ids': (value) =>
    parseAccountIds(value as string[] | undefined),
  'role-to-assume': (value, earlier) =>
    roleArnOf(value as string, {
      accountId: earlier['account-id']!,
      region: earlier.region!
    }),
  'role-session-name': problemCheck('role-session-name', sessionNameProblem),
  'role-external-id': problemCheck('role-external-id', externalIdProblem),
  'inline-session-policy': (value) => inlinePolicyOf(value as string),
  'managed-session-policies': (value) => checkPolicyArns(value as string[]),
  'transitive-tag-keys': (value) => checkTagKeys(value as string[]),
  session: problemCheck('session', (v) =>
    v.length > MAX_SESSION_LENGTH
      ? `must be at most ${MAX_SESSION_LENGTH} characters, got ${v.length}`
      : undefined
  ),
  'session-key': problemCheck('session-key', (v) => {
    if (v === '') return undefined
    const length = Array.from(v).length
    if (length < MIN_SESSION_KEY_LENGTH)
      return `must be at least ${MIN_SESSION_KEY_LENGTH} characters, got ${length} (value not shown); e.g. openssl rand -base64 32`
    return weakSessionKeyReason(v)
  }),
  'verify-profiles': (value) => value as VerifyProfiles
}
