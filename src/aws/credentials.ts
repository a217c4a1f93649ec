/** Role credentials from the SSO portal, and the identity check that proves they are what was asked for. */
import type { AwsClients } from './clients.js'
import { describeAwsError } from './errors.js'
import { malformedIdentity, sessionNameFromArn } from './identity.js'

export interface RoleCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  expiration: Date
}

export interface CallerIdentity {
  account: string
  arn: string
  userId: string
}

export class CredentialsError extends Error {
  constructor(
    message: string,
    /** `token`: the SSO access token itself was refused (expired or revoked), so no role can be fetched with it. */
    readonly kind: 'access' | 'mismatch' | 'service' | 'token'
  ) {
    super(message)
    this.name = 'CredentialsError'
  }
}

/**
 * The SSO portal refused the access token itself (UnauthorizedException: expired or revoked), so no call made with it
 * can succeed: a CredentialsError of kind `token` (login.ts then asks for approval again), or undefined for any other error.
 */
export function tokenRefused(
  call: string,
  error: unknown
): CredentialsError | undefined {
  if ((error as { name?: string })?.name !== 'UnauthorizedException')
    return undefined
  return new CredentialsError(
    `${call} failed: the SSO access token was not accepted (expired or revoked): ${describeAwsError(error)}`,
    'token'
  )
}

export async function getRoleCredentials(
  clients: AwsClients,
  accessToken: string,
  accountId: string,
  roleName: string,
  mask: (secret: string) => void
): Promise<RoleCredentials> {
  const { GetRoleCredentialsCommand } = await import('@aws-sdk/client-sso')
  try {
    const out = await (
      await clients.ssoClient()
    ).send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }))
    const c = out.roleCredentials
    if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken)
      throw new CredentialsError(
        'SSO GetRoleCredentials returned no credentials',
        'service'
      )
    mask(c.accessKeyId)
    mask(c.secretAccessKey)
    mask(c.sessionToken)
    return {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
      expiration: new Date(Number(c.expiration))
    }
  } catch (error) {
    if (error instanceof CredentialsError) throw error
    const refused = tokenRefused(
      `SSO GetRoleCredentials for ${accountId}/${roleName}`,
      error
    )
    if (refused) throw refused
    const name = (error as { name?: string })?.name
    if (
      name === 'ForbiddenException' ||
      name === 'ResourceNotFoundException' ||
      name === 'AccessDeniedException'
    ) {
      throw new CredentialsError(
        `the approver could not assume role "${roleName}" in account ${accountId}: ${describeAwsError(error)}. Check that their Identity Center user is assigned that permission set on that account.`,
        'access'
      )
    }
    throw new CredentialsError(
      `SSO GetRoleCredentials for ${accountId}/${roleName} failed: ${describeAwsError(error)}`,
      'service'
    )
  }
}

export async function getCallerIdentity(
  clients: AwsClients,
  credentials: RoleCredentials
): Promise<CallerIdentity> {
  const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts')
  const sts = await clients.stsClient(credentials)
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}))
    if (!out.Account || !out.Arn)
      throw new CredentialsError(
        'STS GetCallerIdentity returned no account',
        'service'
      )
    const userId = out.UserId ?? ''
    const malformed = malformedIdentity(out.Account, out.Arn, userId)
    if (malformed)
      throw new CredentialsError(
        `STS GetCallerIdentity answered ${malformed}; refusing an identity that is not a role session, nothing was exported`,
        'service'
      )
    return { account: out.Account, arn: out.Arn, userId }
  } catch (error) {
    if (error instanceof CredentialsError) throw error
    throw new CredentialsError(
      `STS GetCallerIdentity failed: ${describeAwsError(error)}`,
      'service'
    )
  }
}

/** Fetch, then verify: credentials for a different account than requested are refused. */
export async function verifiedRoleCredentials(
  clients: AwsClients,
  accessToken: string,
  accountId: string,
  roleName: string,
  mask: (secret: string) => void
): Promise<{ credentials: RoleCredentials; identity: CallerIdentity }> {
  const credentials = await getRoleCredentials(
    clients,
    accessToken,
    accountId,
    roleName,
    mask
  )
  const identity = await getCallerIdentity(clients, credentials)
  if (identity.account !== accountId) {
    throw new CredentialsError(
      `the credentials belong to account ${identity.account}, not the requested ${accountId}; nothing was exported`,
      'mismatch'
    )
  }
  return { credentials, identity }
}

/**
 * The Identity Center user who approved: the role session name of
 * arn:aws:sts::<account>:assumed-role/AWSReservedSSO_<PermissionSet>_<hex>/<user>.
 */
export function approverFromArn(arn: string): string {
  // getCallerIdentity accepts only ARNs of this shape, so a verified identity always names its approver.
  return sessionNameFromArn(arn)
}
