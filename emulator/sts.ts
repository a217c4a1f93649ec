/** STS: GetCallerIdentity and AssumeRole, SigV4-signed by the role sessions the portal or AssumeRole issued. */
import * as ids from './ids.js'
import { parseAuth, toSigV4Request, verifySignature } from './sigv4.js'
import {
  authorize,
  checkAssumeRoleParams,
  readAssumeRoleParams,
  roleArn,
  type AssumeRoleRecord
} from './assume-role.js'
import { STS_XMLNS, stsError, xmlEscape, type Reply } from './wire.js'
import type { IdentityCenter } from './state.js'
import type { CallRecord, RoleSessionInfo } from './types.js'

export function sts(
  ic: IdentityCenter,
  method: string,
  url: string,
  rawHeaders: string[],
  body: Buffer,
  params: Map<string, string>,
  call: CallRecord
): Reply {
  const action = params.get('Action')
  if (!action) throw stsError('MissingAction', 400, 'Missing Action')
  if (action !== 'GetCallerIdentity' && action !== 'AssumeRole') {
    throw stsError(
      'InvalidAction',
      400,
      `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`
    )
  }
  const req = toSigV4Request(method, url, rawHeaders, body)
  const parsed = parseAuth(req)
  if (!parsed.ok) {
    if (parsed.reason === 'missing')
      throw stsError(
        'MissingAuthenticationToken',
        403,
        'Request is missing Authentication Token'
      )
    throw stsError('IncompleteSignature', 400, parsed.message)
  }
  const auth = parsed.auth
  call.region = auth.region
  const session = ic.sessions.get(auth.accessKeyId)
  if (!session || auth.securityToken !== session.sessionToken) {
    throw stsError(
      'InvalidClientTokenId',
      403,
      'The security token included in the request is invalid.'
    )
  }
  call.user = session.user
  if (Date.now() >= session.expiration)
    throw stsError(
      'ExpiredToken',
      400,
      'The security token included in the request is expired'
    )
  const verdict = verifySignature(req, auth, session.secretAccessKey, {
    service: 'sts'
  })
  if (!verdict.ok) throw stsError('SignatureDoesNotMatch', 403, verdict.message)
  if (action === 'AssumeRole') return assumeRole(ic, session, params, call)
  ic.counters.callerIdentities++
  const account = ic.stsAccountOverride ?? session.accountId
  const { arn, userId } = identityOf(ic, session, account)
  const xml =
    `<GetCallerIdentityResponse xmlns="${STS_XMLNS}">\n  <GetCallerIdentityResult>\n    <Arn>${xmlEscape(arn)}</Arn>\n` +
    `    <UserId>${xmlEscape(userId)}</UserId>\n    <Account>${account}</Account>\n  </GetCallerIdentityResult>\n` +
    `  <ResponseMetadata>\n    <RequestId>${call.requestId}</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n`
  return { status: 200, headers: { 'content-type': 'text/xml' }, body: xml }
}

/** The assumed-role ARN and user id of a session: an Identity Center permission set's, or a chained IAM role's. */
function identityOf(
  ic: IdentityCenter,
  session: RoleSessionInfo,
  account = session.accountId
): { arn: string; userId: string } {
  if (session.assumedRole) {
    const { roleName, sessionName } = session.assumedRole
    return {
      arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
      userId: `${ids.roleId(account, `iam:${roleName}`)}:${sessionName}`
    }
  }
  return {
    arn: `arn:aws:sts::${account}:assumed-role/AWSReservedSSO_${session.roleName}_${ids.reservedRoleSuffix(account, session.roleName)}/${session.user}`,
    userId: `${ids.roleId(account, session.roleName)}:${session.user}`
  }
}

/** STS AssumeRole, signed by a role session (every caller here is one, so this is always role chaining). */
function assumeRole(
  ic: IdentityCenter,
  caller: RoleSessionInfo,
  params: Map<string, string>,
  call: CallRecord
): Reply {
  const p = readAssumeRoleParams(params)
  const callerArn = identityOf(ic, caller).arn
  const callerSourceIdentity = caller.assumedRole?.sourceIdentity
  const record: AssumeRoleRecord = {
    ...p,
    at: Date.now(),
    callerArn,
    callerAccessKeyId: caller.accessKeyId,
    outcome: 'ok',
    ...(callerSourceIdentity !== undefined ? { callerSourceIdentity } : {})
  }
  const refuse = (r: {
    code: string
    status: number
    message: string
  }): never => {
    record.outcome = r.code
    record.message = r.message
    ic.assumeRoleLog.push(record)
    throw stsError(r.code, r.status, r.message)
  }
  const checked = checkAssumeRoleParams(p, true)
  if (checked.refusal) refuse(checked.refusal)
  const callerRole = caller.assumedRole
    ? caller.assumedRole.roleName
    : caller.roleName
  const { role, refusal, sourceIdentity } = authorize(ic.roles, p, {
    accountId: caller.accountId,
    roleName: callerRole,
    arn: callerArn,
    sourceIdentity: callerSourceIdentity
  })
  if (refusal || !role) return refuse(refusal!)
  const now = Date.now()
  const session: RoleSessionInfo = {
    accessKeyId: ids.newAccessKeyId(),
    secretAccessKey: ids.newSecretAccessKey(),
    sessionToken: ids.newSessionToken(),
    accountId: role.accountId,
    roleName: role.roleName,
    user: caller.user,
    issuedAt: now,
    expiration:
      now + (ic.options.assumedRoleTtl ?? p.durationSeconds ?? 3600) * 1000,
    assumedRole: {
      roleArn: roleArn(role),
      roleName: role.roleName,
      sessionName: p.roleSessionName,
      sourceAccessKeyId: caller.accessKeyId,
      ...(p.policy !== undefined ? { policy: p.policy } : {}),
      policyArns: [...p.policyArns],
      tags: p.tags.map((t) => ({ ...t })),
      transitiveTagKeys: [...p.transitiveTagKeys],
      ...(sourceIdentity !== undefined ? { sourceIdentity } : {})
    }
  }
  ic.sessions.set(session.accessKeyId, session)
  ic.counters.assumedRoles++
  record.accessKeyId = session.accessKeyId
  record.expiration = session.expiration
  record.packedPolicySize = checked.packedPolicySize
  if (sourceIdentity !== undefined)
    record.sessionSourceIdentity = sourceIdentity
  ic.assumeRoleLog.push(record)
  const { arn, userId } = identityOf(ic, session)
  const expiration = new Date(session.expiration)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
  const xml =
    `<AssumeRoleResponse xmlns="${STS_XMLNS}">\n  <AssumeRoleResult>\n` +
    `    <AssumedRoleUser>\n      <Arn>${xmlEscape(arn)}</Arn>\n      <AssumedRoleId>${xmlEscape(userId)}</AssumedRoleId>\n    </AssumedRoleUser>\n` +
    `    <Credentials>\n      <AccessKeyId>${session.accessKeyId}</AccessKeyId>\n      <SecretAccessKey>${xmlEscape(session.secretAccessKey)}</SecretAccessKey>\n` +
    `      <SessionToken>${xmlEscape(session.sessionToken)}</SessionToken>\n      <Expiration>${expiration}</Expiration>\n    </Credentials>\n` +
    (p.policy !== undefined || p.policyArns.length || p.tags.length
      ? `    <PackedPolicySize>${checked.packedPolicySize}</PackedPolicySize>\n`
      : '') +
    (sourceIdentity !== undefined
      ? `    <SourceIdentity>${xmlEscape(sourceIdentity)}</SourceIdentity>\n`
      : '') +
    `  </AssumeRoleResult>\n  <ResponseMetadata>\n    <RequestId>${call.requestId}</RequestId>\n  </ResponseMetadata>\n</AssumeRoleResponse>\n`
  return { status: 200, headers: { 'content-type': 'text/xml' }, body: xml }
}
