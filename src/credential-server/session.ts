/**
 * The sign-in the server holds: the SSO access token, its refresh token and the client registration, in memory only.
 * Refreshes the token before it is due (freshness.ts), once more when the portal refuses it, and records for good when
 * it cannot be refreshed any more (no refresh token and expired, signed out, revoked, the Identity Center session ended).
 */
import type { AwsClients } from '../aws/clients.js'
import { refreshSsoToken } from '../aws/oidc.js'
import { logout } from '../aws/logout.js'
import type { ClientRegistration, SsoToken } from '../aws/oidc-types.js'
import type { Handover } from './handover.js'
import { isFresh } from './freshness.js'
import { iso, type ServerReport, type SignInEnd } from './report.js'

/** The sign-in can no longer give credentials: answered to every credential request from then on. */
export class SignInEndedError extends Error {
  constructor(readonly end: SignInEnd) {
    super(end.message)
    this.name = 'SignInEndedError'
  }
}

/** A refresh that failed for a reason that may pass (throttling, 5xx, network) while the token in hand has expired. */
export class TransientTokenError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TransientTokenError'
  }
}

const noMask = (): void => {}
const silent = { info: noMask, warning: noMask, debug: noMask }

export class SsoSession {
  private token: SsoToken
  private obtainedAt = Date.now()
  private readonly registration?: ClientRegistration
  private refreshing?: Promise<string>
  private ended?: SignInEnd
  private signedOut?: Promise<boolean>
  private readonly keepSignIn: boolean
  readonly stats: ServerReport['sso']

  constructor(
    handover: Pick<Handover, 'token' | 'registration' | 'keepSignIn'>,
    private readonly clients: AwsClients
  ) {
    this.keepSignIn = handover.keepSignIn === true
    this.token = {
      accessToken: handover.token.accessToken,
      expiresAt: new Date(handover.token.expiresAt),
      ...(handover.token.refreshToken
        ? { refreshToken: handover.token.refreshToken }
        : {})
    }
    const r = handover.registration
    if (r)
      this.registration = {
        clientId: r.clientId,
        clientSecret: r.clientSecret,
        expiresAt: new Date(r.expiresAt),
        scopes: r.scopes ?? []
      }
    this.stats = {
      tokenExpiresAt: iso(this.token.expiresAt.getTime()),
      refreshable: this.refreshable(),
      refreshes: 0,
      refreshFailures: 0
    }
  }

  get signInEnded(): SignInEnd | undefined {
    return this.ended
  }

  private refreshable(): boolean {
    return Boolean(
      this.token.refreshToken &&
      this.registration &&
      this.registration.expiresAt.getTime() > Date.now()
    )
  }

  /** Records the end (the first reason wins) and returns the error to answer with. */
  end(code: SignInEnd['code'], message: string): SignInEndedError {
    this.ended ??= { at: iso(), code, message }
    return new SignInEndedError(this.ended)
  }

  /** A usable access token: the one in hand while fresh, else a refreshed one. */
  async accessToken(): Promise<string> {
    if (this.ended) throw new SignInEndedError(this.ended)
    const now = Date.now()
    const expiresAt = this.token.expiresAt.getTime()
    if (isFresh(this.obtainedAt, expiresAt, now)) return this.token.accessToken
    if (!this.refreshable()) {
      if (expiresAt > now) return this.token.accessToken
      throw this.expiredUnrefreshable()
    }
    return this.refresh()
  }

  /**
   * The portal refused `used` (UnauthorizedException): refresh once if it is still the token in hand, else the token
   * already replaced it. A refusal of a token that cannot be refreshed ends the session.
   */
  async refused(used: string): Promise<string> {
    if (this.ended) throw new SignInEndedError(this.ended)
    if (used !== this.token.accessToken) return this.token.accessToken
    if (!this.refreshable())
      throw this.end(
        'SessionRevoked',
        `the SSO access token was refused by the SSO portal (signed out, revoked, or the Identity Center session ended) at ${iso()}, and it cannot be refreshed${this.noRefreshWhy()}`
      )
    return this.refresh()
  }

  /** One refresh at a time: concurrent callers share it. */
  private refresh(): Promise<string> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined
    })
    return this.refreshing
  }

  private async doRefresh(): Promise<string> {
    const before = this.token.accessToken
    try {
      const next = await refreshSsoToken(
        await this.clients.oidcClient(),
        this.registration!,
        this.token.refreshToken!,
        noMask
      )
      if (this.token.accessToken !== before) return this.token.accessToken
      this.token = next
      this.obtainedAt = Date.now()
      this.stats.refreshes++
      this.stats.tokenExpiresAt = iso(next.expiresAt.getTime())
      this.stats.refreshable = this.refreshable()
      return next.accessToken
    } catch (caught) {
      const error = caught as { code?: unknown; message?: unknown } | undefined
      this.stats.refreshFailures++
      const message = String(error?.message ?? caught)
      this.stats.lastRefreshError = { at: iso(), message }
      const code = error?.code
      if (code === 'invalid_grant' || code === 'access_denied')
        throw this.end(
          'SessionRevoked',
          `the SSO access token could not be refreshed at ${iso()}: the refresh token was refused (signed out, revoked, or the Identity Center session ended): ${message}`
        )
      if (code === 'invalid_client')
        throw this.end(
          'RegistrationExpired',
          `the SSO access token could not be refreshed at ${iso()}: the client registration was refused: ${message}`
        )
      // Throttling, a 5xx, a network fault: the token in hand serves while it lasts, and the next request tries again.
      if (this.token.expiresAt.getTime() > Date.now())
        return this.token.accessToken
      throw new TransientTokenError(
        `the SSO access token expired at ${iso(this.token.expiresAt.getTime())} and refreshing it failed: ${message}; the next request tries again`
      )
    }
  }

  private expiredUnrefreshable(): SignInEndedError {
    return this.end(
      'SessionExpired',
      `the SSO access token expired at ${iso(this.token.expiresAt.getTime())} and cannot be refreshed${this.noRefreshWhy()}`
    )
  }

  private noRefreshWhy(): string {
    if (!this.token.refreshToken)
      return ' (the sign-in came with no refresh token)'
    if (!this.registration) return ' (no client registration was handed over)'
    if (this.registration.expiresAt.getTime() <= Date.now())
      return ` (the client registration expired at ${iso(this.registration.expiresAt.getTime())})`
    return ''
  }

  /** SSO Logout of the token in hand, once; then every credential request is answered SignedOut. */
  signOut(): Promise<boolean> {
    this.signedOut ??= (async () => {
      const pending = this.refreshing?.catch(() => undefined)
      if (pending) await pending
      if (this.keepSignIn) {
        this.end(
          'SignedOut',
          `the server stopped at ${iso()} without signing out: the shared sign-in belongs to the run (end-session signs it out)`
        )
        return false
      }
      // An expired access token cannot be signed out, but its refresh token still signs in: refresh it first, so that
      // Logout ends the portal session (and the refresh token with it).
      if (!this.ended) await this.accessToken().catch(() => undefined)
      // Logout even after another end (an expired registration leaves the token valid); a dead token answers Unauthorized = true.
      const ok =
        this.ended?.code === 'SignedOut'
          ? true
          : await logout(this.clients, this.token.accessToken, silent)
      this.end('SignedOut', `the server signed out (SSO Logout) at ${iso()}`)
      return ok
    })()
    return this.signedOut
  }
}
