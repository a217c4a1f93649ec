/**
 * The role-chaining inputs' values (configure-aws-credentials' names): role-to-assume, role-session-name,
 * role-external-id, inline-session-policy, managed-session-policies, transitive-tag-keys. Each check throws the
 * InputError naming its input; the rules between them and other inputs are in combinations.ts.
 */
import {
  MAX_INLINE_POLICY_LENGTH,
  MAX_MANAGED_SESSION_POLICIES
} from './limits.js'
import { InputError, describeChar, firstBadChar, showValue } from './rules.js'

/** The session tag keys written unless role-skip-session-tagging (configure-aws-credentials' set). */
export const SESSION_TAG_KEYS: readonly string[] = Object.freeze([
  'GitHub',
  'Repository',
  'Workflow',
  'Action',
  'Actor',
  'Commit',
  'Branch'
])

/** The inputs that mean something only with role-to-assume. */
export const CHAIN_ONLY_INPUTS: readonly string[] = Object.freeze([
  'role-session-name',
  'role-duration-seconds',
  'role-external-id',
  'inline-session-policy',
  'managed-session-policies',
  'role-skip-session-tagging',
  'transitive-tag-keys',
  'role-source-identity'
])

const ROLE_ARN_RE =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc):iam::([0-9]{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/
const ROLE_PATH_NAME_RE = /^(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/
const POLICY_ARN_RE =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc):iam::([0-9]{12}|aws):policy\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/
export const SESSION_NAME_RE = /^[\w+=,.@-]{2,64}$/
const EXTERNAL_ID_RE = /^[\w+=,.@:/-]{2,1224}$/

/** The AWS partition of a region: aws-cn for cn-*, aws-us-gov for us-gov-*, aws otherwise. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn'
  if (region.startsWith('us-gov-')) return 'aws-us-gov'
  if (region.startsWith('eusc-')) return 'aws-eusc'
  return 'aws'
}

/** A chained profile's Identity Center source profile (the role_arn profile's source_profile). */
export function sourceProfileName(profile: string): string {
  return `${profile}-sso`
}

function fail(input: string, problem: string): never {
  throw new InputError(input, problem)
}

/** role-to-assume: an ARN, or a role name (with an optional path) in account-id, made into the ARN; '' when not given. */
export function roleArnOf(
  value: string,
  context: { accountId: string; region: string }
): string {
  if (value === '') return ''
  if (value.startsWith('arn:')) {
    if (!ROLE_ARN_RE.test(value))
      fail(
        'role-to-assume',
        `must be an IAM role ARN like arn:aws:iam::111122223333:role/deploy, or a role name, got ${showValue(value)}`
      )
    return value
  }
  if (!ROLE_PATH_NAME_RE.test(value)) {
    const bad = firstBadChar(value, /[\w+=,.@/-]/)
    const why = bad !== undefined ? `contains ${describeChar(bad)}; ` : ''
    fail(
      'role-to-assume',
      `${why}must be an IAM role ARN or a role name (letters, digits and + = , . @ _ -, at most 64, optionally after a path/), got ${showValue(value)}`
    )
  }
  return `arn:${partitionOf(context.region)}:iam::${context.accountId}:role/${value}`
}

export function sessionNameProblem(value: string): string | undefined {
  return value !== '' && !SESSION_NAME_RE.test(value)
    ? `must be 2-64 of letters, digits and + = , . @ _ -, got ${showValue(value)}`
    : undefined
}

export function externalIdProblem(value: string): string | undefined {
  return value !== '' && !EXTERNAL_ID_RE.test(value)
    ? `must be 2-1224 of letters, digits and + = , . @ : / _ -, got ${showValue(value)}`
    : undefined
}

/** inline-session-policy: JSON that parses to an object with a Statement, minified; undefined when not given. */
export function inlinePolicyOf(text: string): string | undefined {
  const value = text.trim()
  if (value === '') return undefined
  let doc: unknown
  try {
    doc = JSON.parse(value)
  } catch (error) {
    return fail(
      'inline-session-policy',
      `must be a JSON policy document; it does not parse: ${(error as Error).message.slice(0, 120)}`
    )
  }
  if (
    !doc ||
    typeof doc !== 'object' ||
    Array.isArray(doc) ||
    !('Statement' in doc)
  )
    fail(
      'inline-session-policy',
      'must be a JSON policy document: an object with a Statement'
    )
  const policy = JSON.stringify(doc)
  if (policy.length > MAX_INLINE_POLICY_LENGTH)
    fail(
      'inline-session-policy',
      `must be at most ${MAX_INLINE_POLICY_LENGTH} characters without spaces (STS's limit), got ${policy.length}`
    )
  return policy
}

/** managed-session-policies: IAM policy ARNs, at most STS's limit. */
export function checkPolicyArns(arns: string[]): string[] {
  for (const arn of arns) {
    if (!POLICY_ARN_RE.test(arn))
      fail(
        'managed-session-policies',
        `${showValue(arn)} is not an IAM policy ARN like arn:aws:iam::aws:policy/ReadOnlyAccess`
      )
  }
  if (arns.length > MAX_MANAGED_SESSION_POLICIES)
    fail(
      'managed-session-policies',
      `must list at most ${MAX_MANAGED_SESSION_POLICIES} policy ARNs (STS's limit), got ${arns.length}`
    )
  return arns
}

/** transitive-tag-keys: keys of the tags this action sends. */
export function checkTagKeys(keys: string[]): string[] {
  for (const key of keys) {
    if (!SESSION_TAG_KEYS.includes(key))
      fail(
        'transitive-tag-keys',
        `${showValue(key)} is not a session tag this action sets; use ${SESSION_TAG_KEYS.join(', ')}`
      )
  }
  return keys
}
