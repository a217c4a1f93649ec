/**
 * The sign-in mode's inputs: the rules between keep-session, reuse-session, sign-out-early, share-session, session,
 * end-session, session-key and credential-server (each error names the later input of a pair, in the order of the input table), and the
 * one SignInMode made from them.
 */
import { MAX_SESSION_LENGTH, MIN_SESSION_KEY_LENGTH } from './limits.js'
import type { SessionToken, SignInMode } from './sign-in-mode.js'
import { weakSessionKeyReason } from './session-key.js'
import { requiredApprovalsProblem, showValue } from './rules.js'

/** The reader's helpers (reader.ts): each reads one input, or throws the InputError naming it. */
export interface InputGetters {
  raw(name: string, allowLineBreaks?: boolean): string
  trimmed(name: string): string
  bool(name: string, fallback: boolean): boolean
  fail(input: string, problem: string): never
}

/** What share-session, session, end-session and session-key ask for. */
export interface Sharing {
  shareSession: boolean
  sessionKey: string
  endSession: boolean
  /** The session input, when given. */
  session?: SessionToken
}

/** sign-out-early, checked against keep-session and reuse-session. */
export function readSignOutEarly(
  { bool, fail }: InputGetters,
  flags: { keepSession: boolean; reuseSession: boolean }
): boolean {
  const signOutEarly = bool('sign-out-early', false)
  if (signOutEarly && flags.keepSession)
    fail(
      'sign-out-early',
      'cannot be combined with keep-session: true (keep-session leaves the sign-in on the runner, sign-out-early ends it at once); set one of the two'
    )
  if (signOutEarly && flags.reuseSession)
    fail(
      'sign-out-early',
      'cannot be combined with reuse-session: true (reuse-session uses and keeps a cached sign-in, sign-out-early ends it at once); set one of the two'
    )
  return signOutEarly
}

/** share-session, session, end-session, session-key, each checked against the sign-in flags read before them. */
export function readSharing(
  { raw, trimmed, bool, fail }: InputGetters,
  flags: { signOutEarly: boolean; reuseSession: boolean }
): Sharing {
  const shareSession = bool('share-session', false)
  if (shareSession && flags.signOutEarly)
    fail(
      'share-session',
      'cannot be combined with sign-out-early: a sign-in that is signed out at once cannot be shared'
    )
  const sealed = trimmed('session')
  if (sealed.length > MAX_SESSION_LENGTH)
    fail(
      'session',
      `must be at most ${MAX_SESSION_LENGTH} characters, got ${sealed.length}`
    )
  if (sealed !== '' && shareSession)
    fail(
      'session',
      'cannot be combined with share-session: a job either shares its own sign-in or uses the one shared with it'
    )
  if (sealed !== '' && flags.reuseSession)
    fail(
      'session',
      'cannot be combined with reuse-session: the sign-in comes from the session input'
    )
  if (sealed !== '' && flags.signOutEarly)
    fail(
      'session',
      'cannot be combined with sign-out-early: signing out would end the sign-in for every job of the run (end-session does that)'
    )
  const endSession = bool('end-session', false)
  if (endSession && sealed === '')
    fail(
      'end-session',
      'needs session (the session output of the share-session job) and session-key'
    )
  const sessionKey = raw('session-key')
  if (sessionKey !== '') {
    if (!shareSession && sealed === '')
      fail(
        'session-key',
        'is only used with share-session or session (value not shown)'
      )
    if (Array.from(sessionKey).length < MIN_SESSION_KEY_LENGTH) {
      fail(
        'session-key',
        `must be at least ${MIN_SESSION_KEY_LENGTH} characters, got ${Array.from(sessionKey).length} (value not shown); e.g. openssl rand -base64 32`
      )
    }
    const weak = weakSessionKeyReason(sessionKey)
    if (weak) fail('session-key', weak)
  } else if (shareSession || sealed !== '') {
    fail(
      'session-key',
      `is required with ${shareSession ? 'share-session' : 'session'} (a secret of at least ${MIN_SESSION_KEY_LENGTH} characters)`
    )
  }
  return {
    shareSession,
    sessionKey,
    endSession,
    ...(sealed === ''
      ? {}
      : {
          session: {
            from: 'session',
            sealed,
            key: sessionKey,
            ssoSessionGiven: raw('sso-session') !== ''
          }
        })
  }
}

/**
 * credential-server, checked against every input that wants the sign-in somewhere else (on disk, signed out at once,
 * or handed to later jobs): each error names both inputs.
 */
export function readCredentialServer(
  { bool, fail }: InputGetters,
  flags: {
    keepSession: boolean
    reuseSession: boolean
    signOutEarly: boolean
    legacySsoProfile: boolean
  } & Pick<Sharing, 'shareSession' | 'endSession'>
): boolean {
  const served = bool('credential-server', false)
  if (!served) return false
  const clash = (input: string, why: string): never =>
    fail(
      'credential-server',
      `cannot be combined with ${input}: true (${why}); set one of the two`
    )
  if (flags.signOutEarly)
    clash(
      'sign-out-early',
      'sign-out-early ends the sign-in at once, credential-server keeps it in memory to refresh the role credentials'
    )
  if (flags.keepSession)
    clash(
      'keep-session',
      'keep-session leaves the sign-in on the runner after the job, credential-server keeps it off the disk and stops with the job'
    )
  if (flags.reuseSession)
    clash(
      'reuse-session',
      'reuse-session uses and keeps a cached sign-in on disk, credential-server never writes one'
    )
  if (flags.legacySsoProfile)
    clash(
      'legacy-sso-profile',
      'legacy-sso-profile writes a token cache for older SDKs, credential-server writes none'
    )
  if (flags.shareSession)
    clash(
      'share-session',
      "share-session hands the sign-in to later jobs in its output, credential-server keeps it in this job's memory; use credential-server in the later jobs, with the session input"
    )
  if (flags.endSession)
    clash(
      'end-session',
      'end-session only signs a shared sign-in out, it serves nothing'
    )
  return true
}

/** The one sign-in mode the (already checked: no two of them contradict) flags ask for. */
export function signInMode(
  flags: {
    keepSession: boolean
    reuseSession: boolean
    signOutEarly: boolean
    credentialServer?: boolean
  } & Sharing
): SignInMode {
  const keep = flags.keepSession
  if (flags.credentialServer)
    return {
      kind: 'served',
      token: flags.session ?? { from: 'device-flow' }
    }
  if (flags.session) return { kind: 'from-shared', token: flags.session, keep }
  if (flags.signOutEarly)
    return { kind: 'sign-out-early', token: { from: 'device-flow' } }
  const token = flags.reuseSession
    ? { from: 'cache' as const }
    : { from: 'device-flow' as const }
  if (flags.shareSession)
    return { kind: 'shared', token, key: flags.sessionKey, keep }
  return keep ? { kind: 'kept', token } : { kind: 'job', token }
}

/** required-approvals: 1-3 (1 when not given); more than one is refused with reuse-session (a cached sign-in had one approver). */
export function readRequiredApprovals(
  { trimmed, fail }: InputGetters,
  flags: { reuseSession: boolean }
): number {
  const raw = trimmed('required-approvals')
  if (raw === '') return 1
  const n = /^[0-9]+$/.test(raw) ? Number(raw) : NaN
  const problem = requiredApprovalsProblem(n)
  if (problem) fail('required-approvals', `${problem}, got ${showValue(raw)}`)
  if (n > 1 && flags.reuseSession)
    fail(
      'required-approvals',
      `${n} cannot be combined with reuse-session: true (a cached sign-in was approved by one person); drop reuse-session`
    )
  return n
}
