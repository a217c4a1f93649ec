/**
 * Profiles that hold role credentials themselves, for when no SSO token may stay on the runner (sign-out-early) or
 * when the session must not be re-created without its session policy (a chained role narrowed by a policy):
 *
 * - the shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`) gets `[NAME]` with
 *   `aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`;
 * - the config file gets `[profile NAME]` with `region` / `output` only: no `sso_*` keys (botocore prefers SSO settings
 *   over keys and would then need a token that is gone) and no `role_arn` / `source_profile` / `credential_process`.
 *
 * Both files are edited by the same byte-preserving, locked, atomic machinery as the config (config-file.ts): every other
 * byte stays, the file is 0600, and the edits returned undo exactly what was written.
 */
import { createHash } from 'node:crypto'
import type { RoleCredentials } from '../aws/credentials.js'
import { readIfExists } from './atomic.js'
import { parseStructure } from './ini-structure.js'
import {
  mergeConfigFile,
  revertConfigFile,
  type ConfigFileOptions,
  type RevertFileResult
} from './config-file.js'
import {
  validateName,
  validateValue,
  type SectionSpec
} from './config-render.js'
import type { SectionEdit } from './config-edit.js'

/** A profile that holds its role credentials itself. */
export interface CredentialProfile {
  /** Profile name; `default` is `[default]` in both files. */
  name: string
  credentials: RoleCredentials
  /** Default client region for the config section; omitted when empty. */
  region?: string
  /** Output format for the config section; omitted when empty. */
  output?: string
}

/** The credentials file's `[NAME]` section (no `profile ` prefix there) holding the keys. */
export function renderCredentialsSection(
  name: string,
  credentials: RoleCredentials
): SectionSpec {
  validateName('profile', name)
  const body: string[] = []
  for (const [key, value] of [
    ['aws_access_key_id', credentials.accessKeyId],
    ['aws_secret_access_key', credentials.secretAccessKey],
    ['aws_session_token', credentials.sessionToken]
  ] as const) {
    validateValue(key, value)
    body.push(`${key} = ${value}`)
  }
  return { header: `[${name}]`, body }
}

/** The config's `[profile NAME]` for a profile whose keys are in the credentials file: region and output only. */
export function renderKeysProfileSection(
  profile: Pick<CredentialProfile, 'name' | 'region' | 'output'>
): SectionSpec {
  return renderProfileSection(profile, [])
}

/** `[profile NAME]` (`[default]`) with `lines` first, then region and output when they are set; every value checked. */
export function renderProfileSection(
  profile: { name: string; region?: string; output?: string },
  lines: string[]
): SectionSpec {
  validateName('profile', profile.name)
  const body = [...lines]
  for (const [key, value] of [
    ['region', profile.region],
    ['output', profile.output]
  ] as const) {
    if (value === undefined || value === '') continue
    validateValue(key, value)
    body.push(`${key} = ${value}`)
  }
  return {
    header:
      profile.name === 'default' ? '[default]' : `[profile ${profile.name}]`,
    body
  }
}

/**
 * Lock the shared credentials file, upsert `sections` (from {@link renderCredentialsSection}) and replace it atomically
 * (0600); returns the edits for {@link revertCredentialsFile}. Same rules as mergeConfigFile: other sections, comments
 * and line endings stay byte for byte; a same-named section is replaced and restored on revert.
 */
export function mergeCredentialsFile(
  credentialsFile: string,
  sections: SectionSpec[],
  opts: ConfigFileOptions = {}
): Promise<SectionEdit[]> {
  return mergeConfigFile(credentialsFile, sections, opts)
}

/** Undo {@link mergeCredentialsFile}'s edits (only sections that still read exactly as written); deletes a file we created if it is empty again. */
export function revertCredentialsFile(
  credentialsFile: string,
  edits: SectionEdit[],
  opts: ConfigFileOptions = {}
): Promise<RevertFileResult> {
  return revertConfigFile(credentialsFile, edits, opts)
}

const SEALED = 'sha256:'

/**
 * The edits with the text we wrote (which holds the role keys) replaced by its SHA-256, so that the record of what to
 * undo (the action's GITHUB_STATE) carries no credentials. {@link unsealCredentialEdits} finds the text again.
 */
export function sealCredentialEdits(edits: SectionEdit[]): SectionEdit[] {
  return edits.map((e) =>
    e.kind === 'added' || e.kind === 'replaced'
      ? { ...e, written: sealed(e.written) }
      : e
  )
}

function sealed(text: string): string {
  return text.startsWith(SEALED)
    ? text
    : `${SEALED}${createHash('sha256').update(text).digest('hex')}`
}

/**
 * Sealed edits with their written text restored from the file: the section of the same identity whose exact text has
 * that hash. One that is not found (changed or removed since) keeps its seal, so the revert leaves it alone and says so.
 */
export async function unsealCredentialEdits(
  credentialsFile: string,
  edits: SectionEdit[]
): Promise<SectionEdit[]> {
  if (
    !edits.some(
      (e) =>
        (e.kind === 'added' || e.kind === 'replaced') &&
        e.written.startsWith(SEALED)
    )
  )
    return edits
  const text = (await readIfExists(credentialsFile)) ?? ''
  const blocks = parseStructure(text).sections.map((b) => ({
    key: b.key,
    text: text.slice(b.start, b.end)
  }))
  return edits.map((e) => {
    if (
      (e.kind !== 'added' && e.kind !== 'replaced') ||
      !e.written.startsWith(SEALED)
    )
      return e
    const found = blocks.find(
      (b) => b.key === e.key && sealed(b.text) === e.written
    )
    return found ? { ...e, written: found.text } : e
  })
}
