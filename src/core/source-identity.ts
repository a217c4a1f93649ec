/**
 * role-source-identity: STS SourceIdentity from the approver's Identity Center user name. STS accepts 2–64 ASCII
 * characters of `[A-Za-z0-9_+=,.@-]`; a user name may hold more (spaces, accents, other scripts, up to 128 characters).
 * AWS keeps a source identity on every session chained from the one that set it, and no later session can change it,
 * so CloudTrail names the approver for everything the job does with the role.
 */
import { CredentialsError } from '../aws/credentials.js'

/** What STS accepts as SourceIdentity (and as RoleSessionName). */
export const SOURCE_IDENTITY_PATTERN = /^[\w+=,.@-]{2,64}$/
export const SOURCE_IDENTITY_MAX = 64

/** The approver's user name leaves fewer than two usable characters: the step fails (after sign-in, so it signs out). */
export class SourceIdentityError extends CredentialsError {
  constructor(readonly userName: string) {
    super(
      `role-source-identity: the approver's user name ${JSON.stringify(userName)} leaves fewer than 2 of the characters STS accepts as a source identity (A-Z a-z 0-9 _ + = , . @ -), so no source identity names them; nothing was written or exported`,
      'access'
    )
    this.name = 'SourceIdentityError'
  }
}

const ALLOWED = /^[\w+=,.@-]$/
/** Combining marks left by NFKD: `é` → `e` + U+0301. */
const COMBINING = /\p{M}/u

/**
 * The source identity for an Identity Center user name:
 * - leading and trailing white space is dropped;
 * - compatibility forms and accents are reduced to their ASCII base letter where one exists (NFKD, marks dropped:
 *   `Zoë` → `Zoe`, `ﬁ` → `fi`, full-width `Ａ` → `A`);
 * - every other character STS does not accept (white space, `/`, `:`, `!`, `ß`, letters of other scripts) becomes
 *   `_`, a run of them one `_`;
 * - the result is cut to 64 characters.
 * Throws SourceIdentityError when fewer than two of the name's own characters remain (a name in another script, a
 * one-character name): a source identity made of `_` would name nobody.
 */
export function sourceIdentityFor(userName: string): string {
  let out = ''
  let own = 0
  let replaced = false
  for (const c of Array.from(userName.trim().normalize('NFKD'))) {
    if (COMBINING.test(c)) continue
    if (ALLOWED.test(c)) {
      if (out.length === SOURCE_IDENTITY_MAX) break
      out += c
      own++
      replaced = false
    } else if (!replaced) {
      if (out.length === SOURCE_IDENTITY_MAX) break
      out += '_'
      replaced = true
    }
  }
  if (own < 2) throw new SourceIdentityError(userName)
  return out
}
