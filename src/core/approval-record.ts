/**
 * The approval record: who approved what, what AWS verified, and in which run, as one JSON value with a
 * versioned, stable schema (docs/approval-record.md). The same on every edge: the action's `approval-record` output
 * and job summary, the CLI's `--approval-record FILE`. It holds no secret: the builder copies named, non-secret
 * fields only (its input types have no place for a token, a key or a code), and nothing else reaches the JSON.
 */
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { writeFileAtomic } from '../aws-files/atomic.js'
import { CONTROL_SOURCE } from '../util/text.js'
import type { Grant as SignInMode } from './grant.js'

export const APPROVAL_RECORD_VERSION = 1

/** One approver: the Identity Center user name and when they approved. */
export interface ApproverInput {
  name: string
  approvedAt: Date
}

export interface ProfileAsked {
  name: string
  accountId: string
  roleName: string
}

export interface AskedInput {
  startUrl: string
  accountId: string
  roleName: string
  /** role-to-assume, when the job is narrowed to a chained role. */
  chainedRoleArn?: string
  /** Every profile written (the primary one first). */
  profiles: ProfileAsked[]
}

/** One profile whose credentials AWS confirmed (GetCallerIdentity). */
export interface VerifiedInput {
  profile: string
  arn: string
  account: string
}

export interface ModeInput {
  kind: SignInMode
  /** One sentence: what stays on the runner after the approval (see whatStays). */
  whatStays: string
}

/** The CI run; outside GitHub Actions only what the CI tells (the rest is null in the record). */
export interface RunInput {
  repository?: string
  runId?: string
  runAttempt?: number
  workflow?: string
  job?: string
  actor?: string
  triggeringActor?: string
  sha?: string
  ref?: string
  runUrl?: string
}

export interface ApprovalRecordInput {
  approvers: ApproverInput[]
  asked: AskedInput
  verified: VerifiedInput[]
  /** role-source-identity: the STS source identity on the chained session. */
  sourceIdentity?: string
  /** The earliest expiry among the credentials handed to the job. */
  credentialsExpireAt: Date
  mode: ModeInput
  run: RunInput
  /** When the record was made. */
  now: Date
}

/** The record, version 1: every key always present (null when not applicable), in this order. */
export interface ApprovalRecord {
  version: 1
  recordedAt: string
  approvers: { name: string; approvedAt: string }[]
  asked: {
    startUrl: string
    accountId: string
    roleName: string
    chainedRoleArn: string | null
    profiles: ProfileAsked[]
  }
  verified: VerifiedInput[]
  sourceIdentity: string | null
  credentialsExpireAt: string
  mode: { kind: SignInMode; whatStays: string }
  run: {
    repository: string | null
    runId: string | null
    runAttempt: number | null
    workflow: string | null
    job: string | null
    actor: string | null
    triggeringActor: string | null
    sha: string | null
    ref: string | null
    runUrl: string | null
  }
}

/** What stays on the runner after an approval, per sign-in mode: one sentence for the record. */
export const WHAT_STAYS: Readonly<Record<SignInMode, string>> = Object.freeze({
  'until-job-end':
    "The runner holds the approver's Identity Center sign-in until the job ends; the post step signs it out.",
  'until-expiry':
    "The approver's Identity Center sign-in stays in the machine's token cache until it expires or aws sso logout ends it.",
  'sign-out-early':
    'The Identity Center sign-in was signed out once the role credentials were fetched; only those role credentials stay, until they expire.',
  kept: "The approver's Identity Center sign-in stays on the runner after the job (keep-session), until it expires.",
  shared:
    "The approver's Identity Center sign-in is shared with the later jobs of this run that hold its session-key, until end-session signs it out or it expires.",
  'from-shared':
    'This job used a sign-in shared by an earlier job of this run; it stays until end-session signs it out or it expires.',
  served:
    'A credential server on the runner holds the Identity Center sign-in in its memory (nothing on disk) and serves only the listed roles until the job ends, at the latest until the Identity Center session ends; the post step stops it.',
  'served-shared':
    'A credential server on the runner holds the sign-in shared by an earlier job of this run in its memory and serves only the listed roles until the job ends, at the latest until that sign-in expires; it stops without signing out.'
})

export function modeOf(kind: SignInMode): ModeInput {
  return { kind, whatStays: WHAT_STAYS[kind] }
}

const iso = (d: Date): string => {
  if (!(d instanceof Date) || Number.isNaN(d.getTime()))
    throw new TypeError('approval record: a time is not a valid Date')
  return d.toISOString()
}
const str = (v: unknown): string => String(v ?? '')
const orNull = (v: unknown): string | null =>
  v === undefined || v === null || v === '' ? null : String(v)

/**
 * The record from plain values. Only the fields named here are copied, whatever else the objects carry, so the key
 * order is fixed and nothing unlisted (a token, a key) can reach it.
 */
export function approvalRecord(input: ApprovalRecordInput): ApprovalRecord {
  const { asked, run } = input
  const attempt = Number(run.runAttempt)
  return {
    version: APPROVAL_RECORD_VERSION,
    recordedAt: iso(input.now),
    approvers: input.approvers.map((a) => ({
      name: str(a.name),
      approvedAt: iso(a.approvedAt)
    })),
    asked: {
      startUrl: str(asked.startUrl),
      accountId: str(asked.accountId),
      roleName: str(asked.roleName),
      chainedRoleArn: orNull(asked.chainedRoleArn),
      profiles: asked.profiles.map((p) => ({
        name: str(p.name),
        accountId: str(p.accountId),
        roleName: str(p.roleName)
      }))
    },
    verified: input.verified.map((v) => ({
      profile: str(v.profile),
      arn: str(v.arn),
      account: str(v.account)
    })),
    sourceIdentity: orNull(input.sourceIdentity),
    credentialsExpireAt: iso(input.credentialsExpireAt),
    mode: { kind: input.mode.kind, whatStays: str(input.mode.whatStays) },
    run: {
      repository: orNull(run.repository),
      runId: orNull(run.runId),
      runAttempt:
        run.runAttempt === undefined || !Number.isSafeInteger(attempt)
          ? null
          : attempt,
      workflow: orNull(run.workflow),
      job: orNull(run.job),
      actor: orNull(run.actor),
      triggeringActor: orNull(run.triggeringActor),
      sha: orNull(run.sha),
      ref: orNull(run.ref),
      runUrl: orNull(run.runUrl)
    }
  }
}

/** The run block from a GitHub Actions runner's variables (none of them secret). */
export function githubRun(env: NodeJS.ProcessEnv): RunInput {
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env
  const attempt = env.GITHUB_RUN_ATTEMPT
  return {
    repository,
    runId,
    runAttempt: attempt && /^\d+$/.test(attempt) ? Number(attempt) : undefined,
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    actor: env.GITHUB_ACTOR,
    triggeringActor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    runUrl:
      repository && runId
        ? `${server}/${repository}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ''}`
        : undefined
  }
}

const UNSAFE = new RegExp(CONTROL_SOURCE, 'g')

/**
 * The record as JSON text (2-space indented, one trailing newline). Characters that could hide or disguise part of a
 * value (bidi overrides, zero-width and other invisible characters, line separators) are written as \u escapes, which
 * JSON reads back as the same string: what a reader sees is what a parser gets.
 */
export function approvalRecordJson(record: ApprovalRecord): string {
  return `${JSON.stringify(record, null, 2).replace(UNSAFE, (c) =>
    c === '\n' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )}\n`
}

/**
 * The CLI's `--approval-record FILE`: written atomically (temp file, fsync, rename), mode 0600, refusing a symlink at
 * the file; the folder must exist (its own path is resolved once, so a symlinked /tmp works).
 */
export async function writeApprovalRecord(
  file: string,
  record: ApprovalRecord
): Promise<void> {
  const dir = await realpath(path.dirname(path.resolve(file))).catch(
    (error: NodeJS.ErrnoException) => {
      throw new Error(
        `cannot write the approval record ${file}: its folder ${error.code === 'ENOENT' ? 'does not exist' : `cannot be used (${error.code ?? error.message})`}`
      )
    }
  )
  await writeFileAtomic(
    path.join(dir, path.basename(file)),
    approvalRecordJson(record),
    { root: dir, mode: 0o600 }
  )
}
