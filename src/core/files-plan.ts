/**
 * What a login writes in ~/.aws, from the request: the sections, the token and registration caches and where they go,
 * as the plain FilesPlan that aws-files/job-files.ts writes. The one place that reads the request for the files.
 */
import type { LoginRequest, ProfileSpec } from '../inputs/spec.js'
import type { ClientRegistration, SsoToken } from '../aws/oidc-types.js'
import type { RoleCredentials } from '../aws/credentials.js'
import type { AwsPaths } from '../aws-files/paths.js'
import {
  renderAssumeRoleProfileSection,
  renderProfileSection,
  renderSsoSessionSection,
  type AssumeRoleProfileSpec
} from '../aws-files/config-render.js'
import {
  renderProcessProfileSection,
  type ProcessProfileSpec
} from '../aws-files/process-profile.js'
import {
  renderCredentialsSection,
  renderKeysProfileSection,
  type CredentialProfile
} from '../aws-files/credentials-file.js'
import type {
  RegistrationKey,
  TokenInput
} from '../aws-files/sso-cache-format.js'
import {
  writeJobFiles,
  type FilesPlace,
  type FilesPlan,
  type JobFilesListener,
  type WrittenFiles
} from '../aws-files/job-files.js'
import type { ChainedRole } from './chain.js'
import type { ProfileLayout } from './profile-layout.js'
import type { LoginOptions, ObtainedToken } from './login-result.js'

/** The parts of a request that say what to write: where, which sso-session and profiles. */
export type FilesRequest = Pick<LoginRequest, 'target' | 'profiles' | 'signIn'>

export interface JobFilesOptions {
  /** Write the client registration cache (a registration made in this run). */
  writeRegistration: boolean
  /** Hears what is about to be put on disk, as each file goes (see JobFilesListener). */
  onProgress?: JobFilesListener
  /**
   * Profiles that hold role credentials themselves (static keys in the shared credentials file, a keys-only
   * `[profile NAME]` in the config; see credentials-file.ts), written with the other files and undone with them.
   * For sign-out-early (every profile, no token) and for a chained session narrowed by a session policy.
   */
  credentialProfiles?: CredentialProfile[]
  /** role-to-assume without a session policy: role_arn + source_profile profiles (see renderAssumeRoleProfileSection). */
  roleProfiles?: AssumeRoleProfileSpec[]
  /**
   * The token did not come from this sso-session's cache file (a new sign-in, not reuse-session): a token cache that
   * file held before is recorded (its secrets given to `mask`) and put back by removeJobFiles, byte for byte.
   */
  keepOriginalTokenCache?: { mask: (secret: string) => void }
  /** credential-server: profiles that ask the server (credential_process; see process-profile.ts), undone with the rest. */
  processProfiles?: ProcessProfileSpec[]
}

/** Where the request's files go; `credentialsFile`: some profile may hold keys there (for the pre-flight check). */
export function filesPlace(
  paths: AwsPaths,
  request: FilesRequest,
  credentialsFile = false
): FilesPlace {
  return {
    paths,
    ssoSession: request.profiles.ssoSession,
    registrationKey: registrationKey(request),
    ...(request.profiles.legacySsoProfile
      ? { legacyStartUrl: request.target.startUrl }
      : {}),
    ...(credentialsFile ? { credentialsFile } : {})
  }
}

/**
 * The SSO profiles (`profiles`, `sso_session` + account + role), the `[sso-session]` section, the token cache and the
 * registration cache when `token` is given, and the profiles that hold role credentials themselves
 * (`options.credentialProfiles`). With `token` undefined nothing of the SSO sign-in is written (no token cache, no
 * registration cache, no sso-session section) and `profiles` must be empty.
 */
export function filesPlan(
  paths: AwsPaths,
  request: FilesRequest,
  profiles: ProfileSpec[],
  token: SsoToken | undefined,
  registration: ClientRegistration | undefined,
  options: JobFilesOptions
): FilesPlan {
  if (!token && profiles.length > 0)
    throw new Error(
      'SSO profiles need the SSO token: pass them as credentialProfiles instead'
    )
  const keyProfiles = options.credentialProfiles ?? []
  const legacy = request.profiles.legacySsoProfile
    ? {
        legacy: {
          startUrl: request.target.startUrl,
          ssoRegion: request.target.ssoRegion
        }
      }
    : {}
  const configSections = [
    ...profiles.map((p) =>
      renderProfileSection({
        name: p.name,
        ssoSession: request.profiles.ssoSession,
        accountId: p.accountId,
        roleName: p.roleName,
        region: p.region,
        output: request.profiles.output,
        ...legacy
      })
    ),
    ...keyProfiles.map((p) => renderKeysProfileSection(p)),
    ...(options.roleProfiles ?? []).map((p) =>
      renderAssumeRoleProfileSection(p)
    ),
    ...(options.processProfiles ?? []).map((p) =>
      renderProcessProfileSection(p)
    ),
    ...(token
      ? [
          renderSsoSessionSection({
            name: request.profiles.ssoSession,
            ssoRegion: request.target.ssoRegion,
            startUrl: request.target.startUrl,
            registrationScopes: request.signIn.registrationScopes
          })
        ]
      : [])
  ]
  const credentialSections = keyProfiles.map((p) =>
    renderCredentialsSection(p.name, p.credentials)
  )
  return {
    ...filesPlace(paths, request),
    configSections,
    credentialSections,
    ...(token
      ? { token: tokenCacheEntry(request, token, registration) }
      : undefined),
    ...(token && registration && options.writeRegistration
      ? {
          registration: {
            clientId: registration.clientId,
            clientSecret: registration.clientSecret,
            expiresAt: registration.expiresAt,
            scopes: registration.scopes,
            clientName: registration.clientName
          }
        }
      : undefined),
    ...(token && options.keepOriginalTokenCache
      ? {
          keepOriginalTokenCache: {
            mask: options.keepOriginalTokenCache.mask,
            ourClientIds: registration?.clientId ? [registration.clientId] : []
          }
        }
      : undefined)
  }
}

/** Write the files of {@link filesPlan} together, or none of them. */
export async function writeJobFilesFor(
  paths: AwsPaths,
  request: FilesRequest,
  profiles: ProfileSpec[],
  token: SsoToken | undefined,
  registration: ClientRegistration | undefined,
  options: JobFilesOptions = { writeRegistration: true }
): Promise<WrittenFiles> {
  return writeJobFiles(
    filesPlan(paths, request, profiles, token, registration, options),
    options.onProgress
  )
}

/**
 * Write profiles that hold the given role credentials themselves, and nothing of the SSO sign-in: for each profile the
 * keys go to the shared credentials file as `[NAME]` and the config gets a keys-only `[profile NAME]` (region/output,
 * no `sso_*`, no `role_arn`), so `aws --profile NAME`, botocore and the JS SDK (fromIni / the default chain) use exactly
 * those credentials until they expire and can never re-create the session another way (e.g. without its session policy).
 * Atomic, locked, 0600, every other byte of both files kept; the result goes to removeJobFiles to undo it.
 * sign-out-early writes every profile this way; a chained session with a session policy can too.
 */
export function writeCredentialProfiles(
  paths: AwsPaths,
  request: FilesRequest,
  profiles: CredentialProfile[],
  options: Pick<JobFilesOptions, 'onProgress'> = {}
): Promise<WrittenFiles> {
  return writeJobFilesFor(paths, request, [], undefined, undefined, {
    writeRegistration: false,
    onProgress: options.onProgress,
    credentialProfiles: profiles
  })
}

/** sign-out-early: the profiles as role keys only (the credentials file and config sections without a sign-in). */
export function writeRoleKeys(
  options: LoginOptions,
  profiles: { profile: ProfileSpec; credentials: RoleCredentials }[]
): Promise<WrittenFiles> {
  const { request, paths } = options
  return writeCredentialProfiles(
    paths,
    request,
    profiles.map(({ profile, credentials }) => ({
      name: profile.name,
      credentials,
      region: profile.region,
      output: request.profiles.output
    })),
    { onProgress: options.onFilesProgress }
  )
}

/** The sign-in itself: the SSO profiles of the layout, the token cache, the registration, and the chained profile. */
export function writeSignIn(
  options: LoginOptions,
  obtained: ObtainedToken,
  layout: ProfileLayout,
  chained: ChainedRole | undefined,
  ssoProfiles: ProfileSpec[]
): Promise<WrittenFiles> {
  const { request, paths } = options
  return writeJobFilesFor(
    paths,
    request,
    ssoProfiles,
    obtained.token,
    obtained.registration,
    {
      writeRegistration: obtained.registered,
      onProgress: options.onFilesProgress,
      // A token not taken from the cache file: what that file held before (a user's own sign-in) is put back by post.
      ...(obtained.via === 'device-flow' || obtained.via === 'shared-session'
        ? { keepOriginalTokenCache: { mask: options.mask } }
        : {}),
      ...(layout.roleProfile ? { roleProfiles: [layout.roleProfile] } : {}),
      ...(chained && layout.keys
        ? {
            credentialProfiles: [
              {
                name: request.profiles.profile,
                credentials: chained.credentials,
                region: request.target.region,
                output: request.profiles.output
              }
            ]
          }
        : {})
    }
  )
}

/** The token cache entry of a session, in the AWS CLI v2's terms. */
export function tokenCacheEntry(
  request: FilesRequest,
  token: SsoToken,
  registration: ClientRegistration | undefined
): TokenInput {
  return {
    startUrl: request.target.startUrl,
    region: request.target.ssoRegion,
    accessToken: token.accessToken,
    expiresAt: token.expiresAt,
    ...(registration
      ? {
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          registrationExpiresAt: registration.expiresAt
        }
      : {}),
    ...(token.refreshToken ? { refreshToken: token.refreshToken } : {})
  }
}

/** The client registration cache's key for the request's sso-session. */
export function registrationKey(request: FilesRequest): RegistrationKey {
  return {
    region: request.target.ssoRegion,
    scopes: request.signIn.registrationScopes,
    sessionName: request.profiles.ssoSession,
    startUrl: request.target.startUrl
  }
}
