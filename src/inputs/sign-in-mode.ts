/**
 * The sign-in mode: where the SSO access token comes from and what stays on the runner after the approval, as one
 * value. Only the mixes the inputs allow can be written; what each mode does is in src/core/sign-in-mode.ts.
 */

/** Where the SSO access token comes from. */
export type TokenSource =
  /** A person approves a device code. */
  | { from: 'device-flow' }
  /** reuse-session: a still-valid sign-in from this sso-session's token cache, else the device flow. */
  | { from: 'cache' }
  /** session: the sign-in an earlier job of this run sealed; `key` (session-key) is secret. */
  | { from: 'session'; sealed: string; key: string; ssoSessionGiven: boolean }

/** A sign-in this job obtains itself (a device code, or the cache when reuse-session allows it). */
export type OwnToken = Extract<TokenSource, { from: 'device-flow' | 'cache' }>

/** A sign-in an earlier job of the run sealed (the session input). */
export type SharedToken = Extract<TokenSource, { from: 'session' }>

export type SignInMode =
  /** The sign-in stays on the runner for the job: the post step signs it out (the CLI: until it expires). */
  | { kind: 'job'; token: OwnToken }
  /** keep-session: the sign-in stays on the runner after the job, for later jobs on it. */
  | { kind: 'kept'; token: OwnToken }
  /** sign-out-early: signed out as soon as the role credentials are verified; only role keys stay. */
  | { kind: 'sign-out-early'; token: { from: 'device-flow' } }
  /** share-session: sealed for the later jobs of the run (sealed with `key`); `keep`: keep-session too. */
  | { kind: 'shared'; token: OwnToken; key: string; keep: boolean }
  /** session: the sign-in an earlier job shared; never signed out here; `keep`: keep-session too. */
  | { kind: 'from-shared'; token: SharedToken; keep: boolean }
  /**
   * credential-server: the sign-in is handed (in memory only) to a loopback server that serves and refreshes the listed
   * roles for the rest of the job; nothing of the sign-in is written. The token: a device code, or a shared sign-in.
   */
  | { kind: 'served'; token: { from: 'device-flow' } | SharedToken }

/** end-session: sign the shared sign-in of `session` out and do nothing else (a command of its own, not a sign-in). */
export interface EndSession {
  kind: 'end-session'
  token: SharedToken
}
