/**
 * The role credentials the server hands out, per profile: served from memory while fresh (freshness.ts), else fetched
 * once however many requests wait (single flight). A permission set's credentials come from GetRoleCredentials with the
 * sign-in's access token (refreshed once when the portal refuses it); a chained role's from AssumeRole signed by its
 * source permission set's credentials, with the same chain, session name, tags and source identity every time.
 */
import type { AwsClients } from '../aws/clients.js'
import {
  CredentialsError,
  getRoleCredentials,
  type RoleCredentials
} from '../aws/credentials.js'
import { assumeRole } from '../aws/sts.js'
import type { HandedCredentials, Handover, ServedRole } from './handover.js'
import { isFresh } from './freshness.js'
import { iso, type ProfileReport } from './report.js'
import { SignInEndedError, type SsoSession } from './session.js'

interface Held {
  credentials?: RoleCredentials
  obtainedAt: number
  inflight?: Promise<RoleCredentials>
}

const noMask = (): void => {}

const fromHanded = (c: HandedCredentials): RoleCredentials => ({
  accessKeyId: c.accessKeyId,
  secretAccessKey: c.secretAccessKey,
  sessionToken: c.sessionToken,
  expiration: new Date(c.expiration)
})

export class RoleCache {
  private readonly roles = new Map<string, ServedRole>()
  /** Keyed by `account/permission set` (shared by every profile of it and by chains from it) or `chain:<profile>`. */
  private readonly held = new Map<string, Held>()
  readonly stats = new Map<string, ProfileReport>()

  constructor(
    handover: Pick<Handover, 'roles' | 'initialCredentials'>,
    private readonly session: SsoSession,
    private readonly clients: AwsClients
  ) {
    const now = Date.now()
    for (const role of handover.roles) {
      this.roles.set(role.profile, role)
      this.stats.set(role.profile, {
        profile: role.profile,
        accountId: role.accountId,
        roleName: role.roleName,
        ...(role.chain ? { chainedRoleArn: role.chain.spec.roleArn } : {}),
        requests: 0,
        served: 0,
        upstreamFetches: 0,
        errors: 0
      })
      const given = handover.initialCredentials?.[role.profile]
      if (given)
        this.held.set(this.keyOf(role), {
          credentials: fromHanded(given),
          obtainedAt: now
        })
    }
  }

  has(profile: string): boolean {
    return this.roles.has(profile)
  }

  private keyOf(role: ServedRole): string {
    return role.chain
      ? `chain:${role.profile}`
      : `${role.accountId}/${role.roleName}`
  }

  /** Credentials for a served profile (the caller checked `has`); counts the request, its outcome and any fetch. */
  /**
   * The fresh credentials held for a served profile, counted as a request served; undefined when they must be fetched
   * (or the sign-in ended): then ask `credentials`. The path of nearly every request, without a promise.
   */
  freshHeld(profile: string): RoleCredentials | undefined {
    if (this.session.signInEnded) return undefined
    const held = this.held.get(this.keyOf(this.roles.get(profile)!))
    const c = held?.credentials
    if (!c || !isFresh(held.obtainedAt, c.expiration.getTime()))
      return undefined
    const stats = this.stats.get(profile)!
    stats.requests++
    stats.served++
    stats.credentialsExpireAt = iso(c.expiration.getTime())
    return c
  }

  async credentials(profile: string): Promise<RoleCredentials> {
    const role = this.roles.get(profile)!
    const stats = this.stats.get(profile)!
    stats.requests++
    try {
      // Once the sign-in has ended, nothing more is handed out, not even credentials still held.
      const ended = this.session.signInEnded
      if (ended) throw new SignInEndedError(ended)
      const c = await this.get(this.keyOf(role), () => this.fetch(role, stats))
      stats.served++
      stats.credentialsExpireAt = iso(c.expiration.getTime())
      return c
    } catch (caught) {
      const error = caught as
        | { end?: { code?: string }; name?: unknown; message?: unknown }
        | undefined
      stats.errors++
      stats.lastError = {
        at: iso(),
        code: String(error?.end?.code ?? error?.name ?? 'Error'),
        message: String(error?.message ?? caught)
      }
      throw caught
    }
  }

  private get(
    key: string,
    fetch: () => Promise<RoleCredentials>
  ): Promise<RoleCredentials> {
    let held = this.held.get(key)
    if (!held) this.held.set(key, (held = { obtainedAt: 0 }))
    const c = held.credentials
    if (c && isFresh(held.obtainedAt, c.expiration.getTime()))
      return Promise.resolve(c)
    const h = held
    h.inflight ??= fetch()
      .then((fresh) => {
        h.credentials = fresh
        h.obtainedAt = Date.now()
        return fresh
      })
      .finally(() => {
        h.inflight = undefined
      })
    return h.inflight
  }

  private async fetch(
    role: ServedRole,
    stats: ProfileReport
  ): Promise<RoleCredentials> {
    stats.upstreamFetches++
    if (!role.chain) return this.portal(role.accountId, role.roleName)
    const chain = role.chain
    // The source permission set's credentials: shared with a profile of the same permission set, fetched if due.
    const source = await this.get(`${role.accountId}/${role.roleName}`, () =>
      this.portal(role.accountId, role.roleName)
    )
    const tags = chain.tags
    const assumed = await assumeRole(
      this.clients,
      source,
      {
        roleArn: chain.spec.roleArn,
        sessionName: chain.sessionName,
        durationSeconds: chain.spec.durationSeconds,
        externalId: chain.spec.externalId,
        policy: chain.spec.policy,
        policyArns: chain.spec.policyArns,
        tags,
        transitiveTagKeys: chain.spec.transitiveTagKeys.filter((k) =>
          tags.some((t) => t.Key === k)
        ),
        ...(chain.sourceIdentity !== undefined
          ? { sourceIdentity: chain.sourceIdentity }
          : {})
      },
      noMask
    )
    return assumed.credentials
  }

  /** GetRoleCredentials with the access token in hand; when the portal refuses the token, once more after a refresh. */
  private async portal(
    accountId: string,
    roleName: string
  ): Promise<RoleCredentials> {
    const token = await this.session.accessToken()
    try {
      return await getRoleCredentials(
        this.clients,
        token,
        accountId,
        roleName,
        noMask
      )
    } catch (error) {
      if (!(error instanceof CredentialsError) || error.kind !== 'token')
        throw error
      const next = await this.session.refused(token)
      try {
        return await getRoleCredentials(
          this.clients,
          next,
          accountId,
          roleName,
          noMask
        )
      } catch (again) {
        if (again instanceof CredentialsError && again.kind === 'token')
          throw this.session.end(
            'SessionRevoked',
            `the SSO portal refused the refreshed access token too at ${iso()} (signed out, revoked, or the Identity Center session ended)`
          )
        throw again
      }
    }
  }

  report(): ProfileReport[] {
    return [...this.stats.values()].map((s) => ({ ...s }))
  }
}
