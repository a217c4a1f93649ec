/**
 * The sections we write to the AWS shared config file (`~/.aws/config`) as text: `[profile …]` and `[sso-session …]`
 * as `aws configure sso` writes them, and assume-role profiles; with the checks that every name and value reads back
 * as written in botocore and the JS SDK.
 */
import { pyStrip } from './ini-structure.js'

export interface ProfileSectionSpec {
  /** Profile name; `default` is written as `[default]`. */
  name: string
  ssoSession: string
  accountId: string
  roleName: string
  /** Default client region; omitted when empty, like `aws configure sso`. */
  region?: string
  /** Output format; omitted when empty. */
  output?: string
  /**
   * legacy-sso-profile: the session's start URL and region repeated in the profile (same values as the sso-session,
   * which botocore and the JS SDK check), for SDKs that predate `[sso-session]`. Absent: the profile `aws configure sso` writes.
   */
  legacy?: { startUrl: string; ssoRegion: string }
}

export interface SsoSessionSpec {
  name: string
  ssoRegion: string
  startUrl: string
  /** Written comma-joined; the line is omitted when empty. */
  registrationScopes: string[]
}

/** One section to write: the header line (`[profile x]`, brackets optional) and its body lines. */
export interface SectionSpec {
  header: string
  body: string[]
}

export type Eol = '\n' | '\r\n'

const NAME_RE = /^[\w\-@+.%:/]+$/

/** Refuse a profile / session name that botocore or the JS SDK would read back differently. */
export function validateName(what: string, name: string): void {
  // Both the JS SDK (`[\w-@+.%:/]+` after the prefix) and botocore (shlex) read such names back as-is.
  if (!NAME_RE.test(name))
    throw new Error(
      `invalid ${what} name ${JSON.stringify(name)}: use letters, digits and - _ @ + . % : /`
    )
}

/** Refuse a value that would not read back as one word (empty, spaces, line breaks, a leading comment character). */
export function validateValue(key: string, value: string): void {
  if (!/^\S+$/.test(value) || /^[#;]/.test(value)) {
    throw new Error(
      `invalid value for ${key}: ${JSON.stringify(value)} (must be non-empty, without spaces or line breaks)`
    )
  }
}

/** The section `aws configure sso` writes for a profile. */
export function renderProfileSection(profile: ProfileSectionSpec): SectionSpec {
  validateName('profile', profile.name)
  validateName('sso-session', profile.ssoSession)
  const body: string[] = []
  const add = (k: string, v: string | undefined, optional = false) => {
    if (optional && (v === undefined || v === '')) return
    validateValue(k, v ?? '')
    body.push(`${k} = ${v}`)
  }
  add('sso_session', profile.ssoSession)
  if (profile.legacy) {
    add('sso_start_url', profile.legacy.startUrl)
    add('sso_region', profile.legacy.ssoRegion)
  }
  add('sso_account_id', profile.accountId)
  add('sso_role_name', profile.roleName)
  add('region', profile.region, true)
  add('output', profile.output, true)
  return {
    header:
      profile.name === 'default' ? '[default]' : `[profile ${profile.name}]`,
    body
  }
}

/** A profile that assumes a role from another profile's credentials (botocore / the JS SDK refresh it themselves). */
export interface AssumeRoleProfileSpec {
  name: string
  roleArn: string
  sourceProfile: string
  roleSessionName: string
  durationSeconds: number
  externalId?: string
  region?: string
  output?: string
}

/** `[profile NAME]` with role_arn + source_profile (+ role_session_name, duration_seconds, external_id): no session policy can be written here. */
export function renderAssumeRoleProfileSection(
  profile: AssumeRoleProfileSpec
): SectionSpec {
  validateName('profile', profile.name)
  validateName('profile', profile.sourceProfile)
  const body: string[] = []
  const add = (k: string, v: string | undefined) => {
    if (v === undefined || v === '') return
    validateValue(k, v)
    body.push(`${k} = ${v}`)
  }
  add('role_arn', profile.roleArn)
  add('source_profile', profile.sourceProfile)
  add('role_session_name', profile.roleSessionName)
  add('duration_seconds', String(profile.durationSeconds))
  add('external_id', profile.externalId)
  add('region', profile.region)
  add('output', profile.output)
  return {
    header:
      profile.name === 'default' ? '[default]' : `[profile ${profile.name}]`,
    body
  }
}

/** The `[sso-session NAME]` section `aws configure sso` writes. */
export function renderSsoSessionSection(session: SsoSessionSpec): SectionSpec {
  validateName('sso-session', session.name)
  validateValue('sso_region', session.ssoRegion)
  validateValue('sso_start_url', session.startUrl)
  const body = [
    `sso_region = ${session.ssoRegion}`,
    `sso_start_url = ${session.startUrl}`
  ]
  if (session.registrationScopes.length > 0) {
    for (const s of session.registrationScopes)
      validateValue('sso_registration_scopes', s.replace(/,/g, ' '))
    body.push(
      `sso_registration_scopes = ${session.registrationScopes.join(',')}`
    )
  }
  return { header: `[sso-session ${session.name}]`, body }
}

/** The section as text with the given line ending (every line ended). */
export function sectionText(section: SectionSpec, eol: Eol = '\n'): string {
  return [normalizeHeader(section.header), ...section.body]
    .map((l) => l + eol)
    .join('')
}

/** `header` with its brackets, added when missing. */
export function normalizeHeader(header: string): string {
  const h = pyStrip(header)
  return h.startsWith('[') ? h : `[${h}]`
}
