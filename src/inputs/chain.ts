/**
 * The role-chaining inputs (configure-aws-credentials' names): role-to-assume, role-session-name, role-duration-seconds,
 * role-external-id, inline-session-policy, managed-session-policies, role-skip-session-tagging, transitive-tag-keys.
 * Read and checked before any request; every problem is an InputError naming the input.
 */
import { inputSpec } from './table/index.js'
import type { ChainSpec } from './types.js'
import {
  DEFAULT_ROLE_DURATION_SECONDS,
  MAX_INLINE_POLICY_LENGTH,
  MAX_MANAGED_SESSION_POLICIES,
  MAX_ROLE_DURATION_SECONDS,
  MIN_ROLE_DURATION_SECONDS
} from './limits.js'
import {
  InputError,
  dedupe,
  describeChar,
  firstBadChar,
  showValue,
  TRUE_VALUES,
  FALSE_VALUES
} from './rules.js'

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

/** Reads the role-chaining inputs; undefined without role-to-assume. */
export function readChainInputs(
  get: (name: string, allowLineBreaks?: boolean) => string,
  context: {
    accountId: string
    region: string
    profile: string
    extraProfileNames: string[]
  }
): ChainSpec | undefined {
  const fail = (input: string, problem: string): never => {
    throw new InputError(input, problem)
  }
  const roleRaw = get('role-to-assume').trim()
  if (roleRaw === '') {
    // action.yml passes the table's defaults (3600, false) whatever the workflow says: those mean "not set".
    for (const name of CHAIN_ONLY_INPUTS) {
      const value = get(name, true).trim()
      if (value !== '' && value !== inputSpec(name)?.default)
        fail(name, 'is only allowed with role-to-assume')
    }
    return undefined
  }

  // role-to-assume: an ARN, or a role name (with an optional path) in account-id
  let roleArn: string
  if (roleRaw.startsWith('arn:')) {
    if (!ROLE_ARN_RE.test(roleRaw)) {
      fail(
        'role-to-assume',
        `must be an IAM role ARN like arn:aws:iam::111122223333:role/deploy, or a role name, got ${showValue(roleRaw)}`
      )
    }
    roleArn = roleRaw
  } else {
    if (!ROLE_PATH_NAME_RE.test(roleRaw)) {
      const bad = firstBadChar(roleRaw, /[\w+=,.@/-]/)
      const why = bad !== undefined ? `contains ${describeChar(bad)}; ` : ''
      fail(
        'role-to-assume',
        `${why}must be an IAM role ARN or a role name (letters, digits and + = , . @ _ -, at most 64, optionally after a path/), got ${showValue(roleRaw)}`
      )
    }
    roleArn = `arn:${partitionOf(context.region)}:iam::${context.accountId}:role/${roleRaw}`
  }
  const sourceName = sourceProfileName(context.profile)
  if (context.extraProfileNames.includes(sourceName)) {
    fail(
      'role-to-assume',
      `needs the profile name ${showValue(sourceName)} for the Identity Center source profile, but profiles already uses it`
    )
  }

  // role-session-name
  const sessionRaw = get('role-session-name').trim()
  if (sessionRaw !== '' && !SESSION_NAME_RE.test(sessionRaw)) {
    fail(
      'role-session-name',
      `must be 2-64 of letters, digits and + = , . @ _ -, got ${showValue(sessionRaw)}`
    )
  }

  // role-duration-seconds
  const durationRaw = get('role-duration-seconds').trim()
  let durationSeconds = DEFAULT_ROLE_DURATION_SECONDS
  if (durationRaw !== '') {
    if (!/^[0-9]+$/.test(durationRaw))
      fail(
        'role-duration-seconds',
        `must be a whole number of seconds, got ${showValue(durationRaw)}`
      )
    durationSeconds = Number(durationRaw)
    if (
      durationSeconds < MIN_ROLE_DURATION_SECONDS ||
      durationSeconds > MAX_ROLE_DURATION_SECONDS
    ) {
      fail(
        'role-duration-seconds',
        `must be between ${MIN_ROLE_DURATION_SECONDS} and ${MAX_ROLE_DURATION_SECONDS} (STS caps a role chained from Identity Center role credentials at one hour), got ${showValue(durationRaw)}`
      )
    }
  }

  // role-external-id
  const externalId = get('role-external-id').trim()
  if (externalId !== '' && !EXTERNAL_ID_RE.test(externalId)) {
    fail(
      'role-external-id',
      `must be 2-1224 of letters, digits and + = , . @ : / _ -, got ${showValue(externalId)}`
    )
  }

  // inline-session-policy: JSON that parses to an object with a Statement
  const policyRaw = get('inline-session-policy', true).trim()
  let policy: string | undefined
  if (policyRaw !== '') {
    let doc: unknown
    try {
      doc = JSON.parse(policyRaw)
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
    ) {
      fail(
        'inline-session-policy',
        'must be a JSON policy document: an object with a Statement'
      )
    }
    policy = JSON.stringify(doc)
    if (policy.length > MAX_INLINE_POLICY_LENGTH) {
      fail(
        'inline-session-policy',
        `must be at most ${MAX_INLINE_POLICY_LENGTH} characters without spaces (STS's limit), got ${policy.length}`
      )
    }
  }

  // managed-session-policies: one ARN per line (commas accepted too)
  const policyArns = dedupe(splitLines(get('managed-session-policies', true)))
  for (const arn of policyArns) {
    if (!POLICY_ARN_RE.test(arn))
      fail(
        'managed-session-policies',
        `${showValue(arn)} is not an IAM policy ARN like arn:aws:iam::aws:policy/ReadOnlyAccess`
      )
  }
  if (policyArns.length > MAX_MANAGED_SESSION_POLICIES) {
    fail(
      'managed-session-policies',
      `must list at most ${MAX_MANAGED_SESSION_POLICIES} policy ARNs (STS's limit), got ${policyArns.length}`
    )
  }

  // role-skip-session-tagging
  const skipRaw = get('role-skip-session-tagging').trim()
  let skipSessionTagging = false
  if (skipRaw !== '') {
    if (TRUE_VALUES.includes(skipRaw)) skipSessionTagging = true
    else if (!FALSE_VALUES.includes(skipRaw))
      fail(
        'role-skip-session-tagging',
        `must be true or false, got ${showValue(skipRaw)}`
      )
  }

  // transitive-tag-keys: keys of the tags this action sends
  const transitiveTagKeys = dedupe(splitLines(get('transitive-tag-keys', true)))
  if (transitiveTagKeys.length && skipSessionTagging)
    fail(
      'transitive-tag-keys',
      'is not allowed with role-skip-session-tagging: true (no tags are sent)'
    )
  for (const key of transitiveTagKeys) {
    if (!SESSION_TAG_KEYS.includes(key))
      fail(
        'transitive-tag-keys',
        `${showValue(key)} is not a session tag this action sets; use ${SESSION_TAG_KEYS.join(', ')}`
      )
  }

  // role-source-identity
  const sourceIdentityRaw = get('role-source-identity').trim()
  let sourceIdentity = false
  if (sourceIdentityRaw !== '') {
    if (TRUE_VALUES.includes(sourceIdentityRaw)) sourceIdentity = true
    else if (!FALSE_VALUES.includes(sourceIdentityRaw))
      fail(
        'role-source-identity',
        `must be true or false, got ${showValue(sourceIdentityRaw)}`
      )
  }

  const chain: ChainSpec = {
    roleArn,
    durationSeconds,
    policyArns,
    skipSessionTagging,
    transitiveTagKeys
  }
  if (sessionRaw !== '') chain.sessionName = sessionRaw
  if (externalId !== '') chain.externalId = externalId
  if (policy !== undefined) chain.policy = policy
  if (sourceIdentity) chain.sourceIdentity = true
  return chain
}

/** A chained profile's Identity Center source profile (the role_arn profile's source_profile). */
export function sourceProfileName(profile: string): string {
  return `${profile}-sso`
}

function splitLines(value: string): string[] {
  return value
    .split(/[\r\n,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}
