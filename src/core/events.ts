/**
 * The lifecycle of one login request, as the device flow and the entry points report it.
 * Every notification channel listens to these events and nothing else.
 */
import type { ApprovalRecord } from './approval-record.js'
import type { Grant } from './grant.js'

/** What is being asked for: shown to approvers so they can tell a real request from a phished one. */
export interface RequestContext {
  /** owner/name, or a free-form project name outside GitHub. */
  repository?: string
  workflow?: string
  job?: string
  /** Link to the workflow run (or CI job). */
  runUrl?: string
  actor?: string
  event?: string
  ref?: string
  sha?: string
  accountId: string
  roleName: string
  startUrl: string
  /** Extra profiles requested from the same approval (name, account, role). */
  extraProfiles?: { name: string; accountId: string; roleName: string }[]
  /** keep-session: the SSO session is left signed in at the end (not revoked by the post step). */
  keepSession?: boolean
  /** reuse-session: other jobs on this runner may pick up the sign-in from the token cache while it is there. */
  reuseSession?: boolean
  /** What an approval leaves on the runner; absent: from keepSession. */
  signInMode?: Grant
  /** role-to-assume: the role the job is narrowed to after the approval, and whether a session policy narrows it further. */
  chainTo?: { roleArn: string; narrowed: boolean }
}

export interface ProfileOutcome {
  name: string
  accountId: string
  roleName: string
  /** The verified ARN, or absent with `error` (or `unverified`). */
  arn?: string
  error?: string
  /** verify-profiles: primary: written without fetching or checking its credentials. */
  unverified?: boolean
}

export type LoginEvent =
  | {
      type: 'started'
      userCode: string
      /** verificationUriComplete: the link approvers click. Not a secret. */
      verificationUri: string
      expiresAt: Date
      /** 1 for the first device authorization, 2+ when a fresh code replaced an earlier one. */
      attempt: number
      /** Why the earlier code was replaced (attempt 2+): it expired, or the client registration had to be renewed. */
      replaced?: 'expired' | 'client-renewed'
      /** The clientName the OIDC client in use was registered with: AWS's consent page shows it. */
      clientName?: string
      /**
       * required-approvals > 1: where the approvals stand, shown above the fresh link and code ("1 of 2 approvals:
       * alice (at …); waiting for another approver", or why the last approval did not count).
       */
      approvals?: string
    }
  | { type: 'waiting'; secondsLeft: number }
  | {
      type: 'approved'
      approvedBy: string
      at: Date
      accountId: string
      roleName: string
      arn: string
      /** How the SSO token was obtained: a person approved a code, or a cached session was reused. */
      via?:
        'device-flow' | 'cached-token' | 'refreshed-token' | 'shared-session'
      /** Every profile written from this approval (the primary one first), verified or with its error. */
      profiles?: ProfileOutcome[]
      /** When the SSO access token left on the runner expires (absent with sign-out-early: none is left). */
      signInExpiresAt?: Date
      /** The token left on the runner carries a refresh token (a kept session can outlive signInExpiresAt). */
      refreshable?: boolean
      /** The latest expiry of the role credentials written and exported. */
      credentialsExpireAt?: Date
      /** sign-out-early: when the SSO session was signed out. */
      signedOutAt?: Date
      /** The approval record (the job summary shows it collapsed). */
      record?: ApprovalRecord
      /** required-approvals > 1 (or a shared sign-in they approved): who approved, and whose sign-in the job has. */
      approvals?: string
    }
  | { type: 'denied'; at: Date; approvals?: string }
  | { type: 'expired'; at: Date; waitedSeconds: number; approvals?: string }
  | { type: 'cancelled'; at: Date; signal?: string; approvals?: string }
  | {
      type: 'rejected'
      at: Date
      approvedBy: string
      reason: string
      approvals?: string
    }
  | {
      type: 'failed'
      at: Date
      reason: string
      /** When the login failed because profiles failed: every profile, verified or with its error. */
      profiles?: ProfileOutcome[]
      /** required-approvals > 1: the approvals counted before it failed, all signed out. */
      approvals?: string
    }

export type FinalEvent = Extract<
  LoginEvent,
  {
    type:
      'approved' | 'denied' | 'expired' | 'cancelled' | 'rejected' | 'failed'
  }
>

/** The lines a channel uses to report that it could not deliver (never throws into the login). */
export type { Logger } from '../util/logger.js'

/** One channel. Implementations must never throw: a channel that fails warns once and goes quiet. */
/** Where a sign-in sends its events: every channel, in order, never blocking the caller (notify/queue.ts). */
export interface EventSink {
  push(event: LoginEvent): void
  /** Waits for what was pushed, at most `timeoutMs` (a default when absent). */
  drain(timeoutMs?: number): Promise<void>
}

export interface Notifier {
  readonly name: string
  onEvent(event: LoginEvent): Promise<void>
  /** What may be wrong if this channel's work is cut short now (a drain that timed out), or undefined if nothing is in flight. */
  unfinished?(): string | undefined
  /**
   * Abandon the work in flight (a drain that timed out): abort open requests and stop retrying, so nothing of this
   * channel keeps the process alive after the step has reported.
   */
  close?(): void
}
