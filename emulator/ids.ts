/** Random identifiers shaped like the real service's (opaque, long, unguessable). */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto'

/** Letters a human will not confuse (no vowels, no I/O/U/Y, no digits). */
export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ'

function pick(alphabet: string, n: number): string {
  let out = ''
  for (let i = 0; i < n; i++) out += alphabet[randomInt(alphabet.length)]
  return out
}

export function newUserCode(): string {
  return `${pick(USER_CODE_ALPHABET, 4)}-${pick(USER_CODE_ALPHABET, 4)}`
}

/** The opaque request_uri of today's approval link (RFC 9126 style): names the request, not its user code. */
export const newRequestUri = (): string =>
  'urn:ietf:params:oauth:request_uri:' + randomBytes(24).toString('base64url')
export const newDeviceCode = (): string => randomBytes(64).toString('base64url')
export const newClientId = (): string => randomBytes(16).toString('base64url')
export const newClientSecret = (): string =>
  randomBytes(96).toString('base64url')
export const newAccessToken = (): string =>
  'aoa' + randomBytes(120).toString('base64url')
export const newRefreshToken = (): string =>
  'aor' + randomBytes(120).toString('base64url')
export const newAccessKeyId = (): string =>
  'ASIA' + pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)
export const newSecretAccessKey = (): string =>
  randomBytes(30).toString('base64') // 40 chars
export const newSessionToken = (): string =>
  'IQoJb3JpZ2luX2VjE' + randomBytes(300).toString('base64')
export const newRequestId = (): string => randomUUID()

/** Stable 16 hex digits for the AWSReservedSSO_<role>_<hex> role name of an account/permission set. */
export function reservedRoleSuffix(
  accountId: string,
  roleName: string
): string {
  return createHash('sha256')
    .update(`${accountId}/${roleName}`)
    .digest('hex')
    .slice(0, 16)
}

/** Stable role id (AROA + 17 chars) for the role of an account/permission set. */
export function roleId(accountId: string, roleName: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const digest = createHash('sha256')
    .update(`role:${accountId}/${roleName}`)
    .digest()
  let out = 'AROA'
  for (let i = 0; i < 17; i++) out += alphabet[digest[i] % alphabet.length]
  return out
}
