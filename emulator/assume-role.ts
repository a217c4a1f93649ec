/**
 * STS AssumeRole for the emulator: the IAM roles that may be assumed (a trust list each), the request's parameters
 * as the Query protocol sends them, and the checks STS makes, in STS's words. Pure: server.ts owns the sessions.
 */

/** An IAM role the emulator lets sessions assume (not a permission set: those come from the directory). */
export interface EmulatorRole {
  accountId: string
  /** IAM role name, e.g. `deploy`. */
  roleName: string
  /**
   * Who may assume it: `<account id>` (any session of that account) or `<account id>:<role>` where the role is a
   * permission set name (an Identity Center session) or an IAM role name (a chained session). Empty: nobody.
   */
  trust: string[]
  /** When set, AssumeRole must send exactly this ExternalId (otherwise AccessDenied, as STS answers). */
  externalId?: string
  /** The role's MaxSessionDuration, seconds (IAM: 3600–43200; default 3600). */
  maxSessionDuration?: number
  /** The trust policy allows sts:TagSession (default true); false: a request with tags is AccessDenied. */
  allowTagSession?: boolean
  /**
   * The trust policy allows sts:SetSourceIdentity (default false, as a trust policy that does not name it): without
   * it, a request with SourceIdentity, or from a session that already carries one, is AccessDenied.
   */
  allowSetSourceIdentity?: boolean
}

export const DEFAULT_ROLES: EmulatorRole[] = [
  // dev's deploy role: any Identity Center session of the dev account may chain to it, and set a source identity.
  {
    accountId: '111122223333',
    roleName: 'deploy',
    trust: ['111122223333'],
    allowSetSourceIdentity: true
  },
  // prod's deploy role: only dev's DeveloperAccess, and only with the agreed external id.
  {
    accountId: '444455556666',
    roleName: 'deploy',
    trust: ['111122223333:DeveloperAccess'],
    externalId: 'prod-deploy-7f3a'
  },
  // A role whose trust policy does not allow session tags.
  {
    accountId: '111122223333',
    roleName: 'untagged',
    trust: ['111122223333'],
    allowTagSession: false
  },
  // A role whose trust policy does not allow sts:SetSourceIdentity (tags are allowed).
  { accountId: '111122223333', roleName: 'unaudited', trust: ['111122223333'] }
]

export function roleArn(
  role: Pick<EmulatorRole, 'accountId' | 'roleName'>
): string {
  return `arn:aws:iam::${role.accountId}:role/${role.roleName}`
}

export interface SessionTag {
  Key: string
  Value: string
}

/** What one AssumeRole asked for, as read from the Query parameters (before any check). */
export interface AssumeRoleParams {
  roleArn: string
  roleSessionName: string
  durationSeconds?: number
  externalId?: string
  policy?: string
  policyArns: string[]
  tags: SessionTag[]
  transitiveTagKeys: string[]
  /** The SourceIdentity the request sent. */
  sourceIdentity?: string
}

/** One AssumeRole the emulator answered: what was asked, by whom, and the outcome. */
export interface AssumeRoleRecord extends AssumeRoleParams {
  at: number
  /** The assumed-role ARN of the caller (the credentials that signed the request). */
  callerArn: string
  callerAccessKeyId: string
  /** `ok`, or the STS error code answered. */
  outcome: string
  /** The error message answered, when not ok. */
  message?: string
  /** Access key id of the session issued, when ok. */
  accessKeyId?: string
  /** ms since epoch, when ok. */
  expiration?: number
  packedPolicySize?: number
  /** The source identity the caller's session already carried (set earlier in the chain). */
  callerSourceIdentity?: string
  /** The source identity the issued session carries (sent, or kept from the caller), when ok. */
  sessionSourceIdentity?: string
}

/** An STS error to answer: code, HTTP status, message. */
export interface StsRefusal {
  code: string
  status: number
  message: string
}

/** The members of a Query-protocol list: `Prefix.member.1[.suffix]`, `Prefix.member.2…` in order. */
function members(
  params: Map<string, string>,
  prefix: string,
  suffix = ''
): string[] {
  const out: string[] = []
  for (let i = 1; params.has(`${prefix}.member.${i}${suffix}`); i++)
    out.push(params.get(`${prefix}.member.${i}${suffix}`) as string)
  return out
}

export function readAssumeRoleParams(
  params: Map<string, string>
): AssumeRoleParams {
  const duration = params.get('DurationSeconds')
  const keys = members(params, 'Tags', '.Key')
  const values = members(params, 'Tags', '.Value')
  const read: AssumeRoleParams = {
    roleArn: params.get('RoleArn') ?? '',
    roleSessionName: params.get('RoleSessionName') ?? '',
    policyArns: members(params, 'PolicyArns', '.arn'),
    tags: keys.map((Key, i) => ({ Key, Value: values[i] ?? '' })),
    transitiveTagKeys: members(params, 'TransitiveTagKeys')
  }
  if (duration !== undefined) read.durationSeconds = Number(duration)
  if (params.has('ExternalId')) read.externalId = params.get('ExternalId')
  if (params.has('Policy')) read.policy = params.get('Policy')
  if (params.has('SourceIdentity'))
    read.sourceIdentity = params.get('SourceIdentity')
  return read
}

const validation = (message: string): StsRefusal => ({
  code: 'ValidationError',
  status: 400,
  message
})
const SESSION_NAME_RE = /^[\w+=,.@-]{2,64}$/
/** STS's SourceIdentity: the session name's characters and length. */
const SOURCE_IDENTITY_RE = /^[\w+=,.@-]{2,64}$/
const EXTERNAL_ID_RE = /^[\w+=,.@:/-]{2,1224}$/
const POLICY_ARN_RE = /^arn:aws[\w-]*:iam::(?:\d{12}|aws):policy\/[\w+=,.@/-]+$/
const ROLE_ARN_RE =
  /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/
const TAG_KEY_RE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u
const TAG_VALUE_RE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u
/** The emulator's stand-in for STS's packed (compressed) size limit of policies and tags together. */
export const PACKED_LIMIT = 2048

/**
 * The parameter checks STS makes before it looks at the role (ValidationError, MalformedPolicyDocument,
 * PackedPolicyTooLarge), then the size the packed policy and tags take; `chained` = the caller is already a role
 * session (every caller here is), which caps the duration at one hour.
 */
export function checkAssumeRoleParams(
  p: AssumeRoleParams,
  chained: boolean
): { refusal?: StsRefusal; packedPolicySize?: number } {
  if (!p.roleArn)
    return {
      refusal: validation(
        "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null"
      )
    }
  if (!ROLE_ARN_RE.test(p.roleArn))
    return { refusal: validation(`${p.roleArn} is invalid`) }
  if (!SESSION_NAME_RE.test(p.roleSessionName)) {
    return {
      refusal: validation(
        `1 validation error detected: Value '${p.roleSessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64`
      )
    }
  }
  if (
    p.sourceIdentity !== undefined &&
    !SOURCE_IDENTITY_RE.test(p.sourceIdentity)
  ) {
    return {
      refusal: validation(
        `1 validation error detected: Value '${p.sourceIdentity}' at 'sourceIdentity' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64`
      )
    }
  }
  if (p.durationSeconds !== undefined) {
    if (!Number.isInteger(p.durationSeconds) || p.durationSeconds < 900) {
      return {
        refusal: validation(
          `1 validation error detected: Value '${p.durationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`
        )
      }
    }
    if (p.durationSeconds > 43200) {
      return {
        refusal: validation(
          `1 validation error detected: Value '${p.durationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200`
        )
      }
    }
    if (chained && p.durationSeconds > 3600) {
      return {
        refusal: validation(
          'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'
        )
      }
    }
  }
  if (p.externalId !== undefined && !EXTERNAL_ID_RE.test(p.externalId)) {
    return {
      refusal: validation(
        `1 validation error detected: Value '${p.externalId}' at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*`
      )
    }
  }
  if (p.policyArns.length > 10)
    return {
      refusal: validation(
        `1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10`
      )
    }
  for (const arn of p.policyArns)
    if (!POLICY_ARN_RE.test(arn))
      return {
        refusal: {
          code: 'InvalidParameterValue',
          status: 400,
          message: `The PolicyArn ${arn} is invalid.`
        }
      }
  let minified = ''
  if (p.policy !== undefined) {
    if (p.policy.length > 2048)
      return {
        refusal: validation(
          `1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048`
        )
      }
    let doc: unknown
    try {
      doc = JSON.parse(p.policy)
    } catch {
      return {
        refusal: {
          code: 'MalformedPolicyDocument',
          status: 400,
          message: 'The policy is not in the valid JSON format.'
        }
      }
    }
    const statements = (doc as { Statement?: unknown })?.Statement
    if (
      !doc ||
      typeof doc !== 'object' ||
      Array.isArray(doc) ||
      statements === undefined
    ) {
      return {
        refusal: {
          code: 'MalformedPolicyDocument',
          status: 400,
          message: 'Syntax errors in policy.'
        }
      }
    }
    minified = JSON.stringify(doc)
  }
  if (p.tags.length > 50)
    return {
      refusal: validation(
        `1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50`
      )
    }
  const seen = new Set<string>()
  for (const t of p.tags) {
    if (!TAG_KEY_RE.test(t.Key))
      return {
        refusal: validation(
          `1 validation error detected: Value '${t.Key}' at 'tags.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+ and have length between 1 and 128`
        )
      }
    if (!TAG_VALUE_RE.test(t.Value))
      return {
        refusal: validation(
          `1 validation error detected: Value at 'tags.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]* and have length less than or equal to 256`
        )
      }
    const lower = t.Key.toLowerCase()
    if (seen.has(lower))
      return {
        refusal: {
          code: 'InvalidParameterValue',
          status: 400,
          message: `Duplicate tag keys found. Please note that Tag keys are case insensitive.`
        }
      }
    seen.add(lower)
  }
  for (const k of p.transitiveTagKeys) {
    if (!seen.has(k.toLowerCase()))
      return {
        refusal: {
          code: 'InvalidParameterValue',
          status: 400,
          message: `The specified transitive tag key ${k} must be included in the requested tags.`
        }
      }
  }
  const packed =
    minified.length +
    p.policyArns.reduce((n, a) => n + a.length, 0) +
    p.tags.reduce((n, t) => n + t.Key.length + t.Value.length, 0)
  const percent = Math.ceil((packed * 100) / PACKED_LIMIT)
  if (percent > 100) {
    return {
      refusal: {
        code: 'PackedPolicyTooLarge',
        status: 400,
        message: `Packed policy consumes ${percent}% of allotted space, please use smaller policy for this operation.`
      }
    }
  }
  return { packedPolicySize: percent }
}

/** Who a caller is, for the trust list: its account and its role (permission set or IAM role) name. */
export interface TrustCaller {
  accountId: string
  roleName: string
  arn: string
  /** The source identity the caller's session carries, if any (it is kept on every later session). */
  sourceIdentity?: string
}

/**
 * The role named by the ARN, and whether this caller may assume it with these parameters (AccessDenied otherwise);
 * `sourceIdentity`: what the new session will carry (sent, or kept from the caller).
 */
export function authorize(
  roles: EmulatorRole[],
  p: AssumeRoleParams,
  caller: TrustCaller
): { role?: EmulatorRole; refusal?: StsRefusal; sourceIdentity?: string } {
  const m = ROLE_ARN_RE.exec(p.roleArn)
  const role = m
    ? roles.find((r) => r.accountId === m[1] && r.roleName === m[2])
    : undefined
  const denied = (action = 'sts:AssumeRole'): StsRefusal => ({
    code: 'AccessDenied',
    status: 403,
    message: `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${p.roleArn}`
  })
  if (!role) return { refusal: denied() }
  const trusted = role.trust.some(
    (t) =>
      t === caller.accountId || t === `${caller.accountId}:${caller.roleName}`
  )
  if (!trusted) return { refusal: denied() }
  if (role.externalId !== undefined && p.externalId !== role.externalId)
    return { refusal: denied() }
  if (p.tags.length > 0 && role.allowTagSession === false)
    return { refusal: denied('sts:TagSession') }
  // A source identity, sent or kept from the caller, needs sts:SetSourceIdentity in the trust policy; once set, a
  // later AssumeRole may not change it.
  const sourceIdentity = caller.sourceIdentity ?? p.sourceIdentity
  if (sourceIdentity !== undefined && role.allowSetSourceIdentity !== true)
    return { refusal: denied('sts:SetSourceIdentity') }
  if (
    caller.sourceIdentity !== undefined &&
    p.sourceIdentity !== undefined &&
    p.sourceIdentity !== caller.sourceIdentity
  )
    return { refusal: denied('sts:SetSourceIdentity') }
  const max = role.maxSessionDuration ?? 3600
  if ((p.durationSeconds ?? 3600) > max)
    return {
      refusal: validation(
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
      )
    }
  return sourceIdentity === undefined ? { role } : { role, sourceIdentity }
}
