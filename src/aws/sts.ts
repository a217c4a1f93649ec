/** STS AssumeRole: chain from role credentials to a narrower role (session policies, tags), masked before use. */
import type { AwsClients } from './clients.js'
import type { RoleCredentials } from './credentials.js'
import { CredentialsError } from './credentials.js'
import { describeAwsError } from './errors.js'

export interface SessionTag {
  Key: string
  Value: string
}

export interface AssumeRoleInput {
  roleArn: string
  sessionName: string
  durationSeconds: number
  externalId?: string
  /** Minified inline session policy JSON. */
  policy?: string
  policyArns: string[]
  tags: SessionTag[]
  transitiveTagKeys: string[]
  /** STS SourceIdentity (role-source-identity): already reduced to STS's characters (see core/source-identity.ts). */
  sourceIdentity?: string
}

export interface AssumedRole {
  credentials: RoleCredentials
  /** The assumed-role ARN STS reports for the new session. */
  arn: string
  /** The source identity STS reports for the new session, if any. */
  sourceIdentity?: string
}

/** STS refused the AssumeRole (trust policy, external id, duration, policy size …): the step fails naming the role and STS's answer. */
export class AssumeRoleError extends CredentialsError {
  constructor(
    readonly roleArn: string,
    readonly stsCode: string,
    message: string
  ) {
    super(message, 'access')
    this.name = 'AssumeRoleError'
  }
}

/**
 * The Action of a trust policy statement that lets a session assume the role with role-source-identity (and with
 * session tags, which need sts:TagSession in the same statement).
 */
export function trustPolicyActions(tagged: boolean): string {
  const actions = ['sts:AssumeRole', 'sts:SetSourceIdentity']
  if (tagged) actions.push('sts:TagSession')
  return `"Action": [${actions.map((a) => `"${a}"`).join(', ')}]`
}

/** STS refused to set the source identity: the role's trust policy does not allow sts:SetSourceIdentity. */
export class SourceIdentityRefusedError extends AssumeRoleError {
  constructor(roleArn: string, answered: string, tagged: boolean) {
    super(
      roleArn,
      'AccessDenied',
      `could not assume role ${roleArn} with a source identity: the role's trust policy does not allow sts:SetSourceIdentity (STS answered ${answered}). ` +
        `Add it to the trust policy statement that lets this session assume the role: ${trustPolicyActions(tagged)}; or turn role-source-identity off. Nothing was written or exported`
    )
    this.name = 'SourceIdentityRefusedError'
  }
}

/** AssumeRole signed with `source` (the primary profile's role credentials, never the ambient chain). */
export async function assumeRole(
  clients: AwsClients,
  source: RoleCredentials,
  input: AssumeRoleInput,
  mask: (secret: string) => void
): Promise<AssumedRole> {
  const { AssumeRoleCommand } = await import('@aws-sdk/client-sts')
  const sts = await clients.stsClient(source)
  try {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: input.roleArn,
        RoleSessionName: input.sessionName,
        DurationSeconds: input.durationSeconds,
        ...(input.externalId !== undefined
          ? { ExternalId: input.externalId }
          : {}),
        ...(input.policy !== undefined ? { Policy: input.policy } : {}),
        ...(input.policyArns.length
          ? { PolicyArns: input.policyArns.map((arn) => ({ arn })) }
          : {}),
        ...(input.tags.length ? { Tags: input.tags } : {}),
        ...(input.transitiveTagKeys.length
          ? { TransitiveTagKeys: input.transitiveTagKeys }
          : {}),
        ...(input.sourceIdentity !== undefined
          ? { SourceIdentity: input.sourceIdentity }
          : {})
      })
    )
    const c = out.Credentials
    if (
      !c?.AccessKeyId ||
      !c.SecretAccessKey ||
      !c.SessionToken ||
      !c.Expiration
    ) {
      throw new AssumeRoleError(
        input.roleArn,
        'NoCredentials',
        `STS AssumeRole for ${input.roleArn} returned no credentials`
      )
    }
    mask(c.AccessKeyId)
    mask(c.SecretAccessKey)
    mask(c.SessionToken)
    return {
      credentials: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: new Date(c.Expiration)
      },
      arn: out.AssumedRoleUser?.Arn ?? '',
      ...(out.SourceIdentity !== undefined
        ? { sourceIdentity: out.SourceIdentity }
        : {})
    }
  } catch (error) {
    if (error instanceof AssumeRoleError) throw error
    const code = String(
      (error as { Code?: string; name?: string })?.Code ??
        (error as { name?: string })?.name ??
        'Error'
    ).replace(/Exception$/, '')
    // STS's own message says why (trust policy, external id, duration, policy size); it names ARNs and limits, no secrets.
    const said = stsMessage(error)
    // STS's own error code (the SDK names some with an Exception suffix), with the status and attempts as usual.
    const answered = describeAwsError(error).replace(/^\S+/, code)
    const status = (error as { $metadata?: { httpStatusCode?: number } })
      ?.$metadata?.httpStatusCode
    if (
      input.sourceIdentity !== undefined &&
      code === 'AccessDenied' &&
      said.includes('sts:SetSourceIdentity')
    )
      throw new SourceIdentityRefusedError(
        input.roleArn,
        `${answered}: ${said}`,
        input.tags.length > 0
      )
    const what = status
      ? `STS answered ${answered}${said ? `: ${said}` : ''}`
      : `the request to STS failed: ${describeAwsError(error)}`
    throw new AssumeRoleError(
      input.roleArn,
      code,
      `could not assume role ${input.roleArn}: ${what}; nothing was written or exported`
    )
  }
}

/** STS's error message, on one line, printable characters only, at most 400 characters; '' when there is none. */
function stsMessage(error: unknown): string {
  const message = (error as { message?: unknown })?.message
  if (
    typeof message !== 'string' ||
    (error as { $metadata?: unknown })?.$metadata === undefined
  )
    return ''
  const clean = message.replace(/[^\x20-\x7e]+/g, ' ').trim()
  return clean.length > 400 ? `${clean.slice(0, 400)}…` : clean
}
