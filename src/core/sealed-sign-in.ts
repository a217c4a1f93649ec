/**
 * A sign-in sealed for the later jobs of one run (share-session / session / session-key).
 *
 * What is sealed: the SSO access token, the start URL, the SSO region, the sso-session name, the expiry and the login
 * job's account and role (the later jobs' defaults). Never the refresh token or the client secret: a leaked output then
 * exposes less, and jobs running side by side cannot race a rotating refresh token.
 *
 * The format, all base64url (RFC 4648 §5) except the version and the run id:
 *
 *     icl1.<run id>.<repository tag>.<salt>.<iv>.<key check>.<ciphertext + GCM tag>
 *
 * - AES-256-GCM (node:crypto), a random 96-bit IV, a random 128-bit salt per seal.
 * - The key: scrypt(session-key, salt, N=2^14, r=8, p=1) → 40 bytes: 32 for AES, 8 as a key check (so a wrong key is
 *   told apart from a tampered output; it tells an attacker nothing the GCM tag would not).
 * - Associated data: the whole clear header plus the repository and the run id in full, so a seal opens only in the
 *   run (GITHUB_RUN_ID, the same across re-runs) and repository that made it, and nothing in clear can be changed.
 * - The repository tag (8 bytes of SHA-256 of the name) and the run id are in clear only to name the refusal.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  scrypt,
  timingSafeEqual
} from 'node:crypto'
import { InputError } from '../inputs/rules.js'
import { formatDuration } from '../util/time.js'

export const SEAL_VERSION = 'icl1'
/** scrypt cost (16 MiB): 85-155 ms measured on a loaded 2-core machine; sealing pays it while the approver reads the link (prepareSealKey). */
const SCRYPT = { N: 1 << 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const SALT_BYTES = 16
const IV_BYTES = 12
const CHECK_BYTES = 8
const TAG_BYTES = 16
export const RUN_ID_RE = /^[A-Za-z0-9_-]{1,64}$/

export interface SharedSignIn {
  accessToken: string
  startUrl: string
  ssoRegion: string
  ssoSession: string
  expiresAt: Date
  /** The login job's account and role: a later job's defaults. */
  accountId: string
  roleName: string
  /** Everyone whose approval counted (required-approvals), in order; absent in a seal made before required-approvals existed. */
  approvers?: { name: string; at: Date }[]
}

/** What a sealed session is bound to. */
export interface SealBinding {
  /** owner/name (GITHUB_REPOSITORY), or the CI's project; may be ''. */
  repository: string
  /** GITHUB_RUN_ID, or the CI's pipeline id. */
  runId: string
}

export type SealRefusal =
  | 'malformed'
  | 'version'
  | 'other-run'
  | 'other-repository'
  | 'wrong-key'
  | 'tampered'
  | 'expired'

/** A sealed session refused before any request; names the input at fault and why. */
export class SealError extends InputError {
  constructor(
    readonly refusal: SealRefusal,
    input: 'session' | 'session-key',
    problem: string
  ) {
    super(input, problem)
    this.name = 'SealError'
  }
}

interface DerivedKey {
  salt: Buffer
  key: Buffer
  check: Buffer
}

function derive(sessionKey: string, salt: Buffer): Promise<DerivedKey> {
  return new Promise((resolve, reject) =>
    scrypt(sessionKey, salt, 32 + CHECK_BYTES, SCRYPT, (error, bytes) =>
      error
        ? reject(error)
        : resolve({
            salt,
            key: bytes.subarray(0, 32),
            check: bytes.subarray(32)
          })
    )
  )
}

/**
 * Starts deriving a sealing key with a fresh salt (scrypt runs on libuv's thread pool, not the event loop): call it
 * once the approval link is out, and the cost is hidden in the wait for the approver.
 */
export function prepareSealKey(sessionKey: string): Promise<DerivedKey> {
  const promise = derive(sessionKey, randomBytes(SALT_BYTES))
  promise.catch(() => undefined) // awaited (and reported) by sealSignIn
  return promise
}

const b64 = (b: Buffer) => b.toString('base64url')

function repositoryTag(repository: string): string {
  return b64(
    createHash('sha256')
      .update(`identity-center-login repository\0${repository}`)
      .digest()
      .subarray(0, 8)
  )
}

function associatedData(header: string, binding: SealBinding): Buffer {
  return Buffer.from(
    `${header}\0${binding.repository}\0${binding.runId}`,
    'utf8'
  )
}

export async function sealSignIn(
  signIn: SharedSignIn,
  sessionKey: string | Promise<DerivedKey>,
  binding: SealBinding
): Promise<string> {
  if (!RUN_ID_RE.test(binding.runId))
    throw new Error(
      `cannot seal a session: run id ${JSON.stringify(binding.runId)} is not 1-64 of letters, digits, _ and -`
    )
  const { salt, key, check } =
    typeof sessionKey === 'string'
      ? await prepareSealKey(sessionKey)
      : await sessionKey
  const iv = randomBytes(IV_BYTES)
  const header = [
    SEAL_VERSION,
    binding.runId,
    repositoryTag(binding.repository),
    b64(salt),
    b64(iv),
    b64(check)
  ].join('.')
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(associatedData(header, binding))
  const payload = JSON.stringify({
    t: signIn.accessToken,
    u: signIn.startUrl,
    r: signIn.ssoRegion,
    s: signIn.ssoSession,
    e: Math.floor(signIn.expiresAt.getTime() / 1000),
    a: signIn.accountId,
    n: signIn.roleName,
    ...(signIn.approvers
      ? {
          v: signIn.approvers.map((a) => ({ n: a.name, t: a.at.getTime() }))
        }
      : {})
  })
  const sealed = Buffer.concat([
    cipher.update(payload, 'utf8'),
    cipher.final(),
    cipher.getAuthTag()
  ])
  return `${header}.${b64(sealed)}`
}

export interface OpenOptions {
  /** Seconds that must be left; 0 accepts anything not yet expired; null skips the expiry check (end-session). */
  minValiditySeconds: number | null
  now?: number
}

/** Opens a sealed session, or throws a SealError saying exactly why not. No network. */
export async function openSeal(
  sealed: string,
  sessionKey: string,
  binding: SealBinding,
  options: OpenOptions
): Promise<SharedSignIn> {
  const refuse = (
    refusal: SealRefusal,
    problem: string,
    input: 'session' | 'session-key' = 'session'
  ): never => {
    throw new SealError(refusal, input, problem)
  }
  const text = sealed.trim()
  const parts = text.split('.')
  if (parts[0] !== SEAL_VERSION && /^icl\d+$/.test(parts[0] ?? '')) {
    refuse(
      'version',
      `was sealed by another version of identity-center-login (${parts[0]}); this one reads ${SEAL_VERSION}`
    )
  }
  const bytes = (s: string | undefined) =>
    s !== undefined && /^[A-Za-z0-9_-]+$/.test(s)
      ? Buffer.from(s, 'base64url')
      : Buffer.alloc(0)
  const [version, runId, repoTag, saltText, ivText, checkText, bodyText] = parts
  const salt = bytes(saltText)
  const iv = bytes(ivText)
  const check = bytes(checkText)
  const body = bytes(bodyText)
  if (
    parts.length !== 7 ||
    version !== SEAL_VERSION ||
    !RUN_ID_RE.test(runId) ||
    bytes(repoTag).length !== 8 ||
    salt.length !== SALT_BYTES ||
    iv.length !== IV_BYTES ||
    check.length !== CHECK_BYTES ||
    body.length <= TAG_BYTES
  ) {
    refuse(
      'malformed',
      `is not a whole sealed session (truncated or not the session output of a share-session job; ${text.length} characters)`
    )
  }
  if (runId !== binding.runId) {
    refuse(
      'other-run',
      `was made by run ${runId}, this is run ${binding.runId}: a sealed session opens only in the workflow run that made it`
    )
  }
  if (repoTag !== repositoryTag(binding.repository)) {
    refuse(
      'other-repository',
      `was made in another repository than ${binding.repository || 'this one'}: a sealed session opens only where it was made`
    )
  }
  const { key, check: expected } = await derive(sessionKey, salt)
  if (!timingSafeEqual(check, expected))
    refuse(
      'wrong-key',
      'is not the key this session was sealed with (value not shown)',
      'session-key'
    )

  const header = parts.slice(0, 6).join('.')
  let payload: Record<string, unknown>
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv)
    decipher.setAAD(associatedData(header, binding))
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES))
    const plain = Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final()
    ])
    payload = JSON.parse(plain.toString('utf8')) as Record<string, unknown>
  } catch {
    return refuse(
      'tampered',
      'fails its integrity check: it was changed after it was sealed (or cut short)'
    )
  }
  const str = (k: string) =>
    typeof payload[k] === 'string'
      ? (payload[k] as string)
      : refuse('tampered', 'holds an unreadable sign-in')
  const seconds =
    typeof payload.e === 'number' && Number.isSafeInteger(payload.e)
      ? payload.e
      : refuse('tampered', 'holds an unreadable sign-in')
  const signIn: SharedSignIn = {
    accessToken: str('t'),
    startUrl: str('u'),
    ssoRegion: str('r'),
    ssoSession: str('s'),
    expiresAt: new Date(seconds * 1000),
    accountId: str('a'),
    roleName: str('n'),
    ...(payload.v === undefined
      ? {}
      : { approvers: sealedApprovers(payload.v) })
  }
  if (options.minValiditySeconds === null) return signIn
  const now = options.now ?? Date.now()
  const left = Math.floor((signIn.expiresAt.getTime() - now) / 1000)
  if (left <= 0)
    refuse(
      'expired',
      `the shared sign-in expired at ${signIn.expiresAt.toISOString()} (${formatDuration(-left)} ago); sign in again with share-session`
    )
  if (left < options.minValiditySeconds) {
    refuse(
      'expired',
      `the shared sign-in expires at ${signIn.expiresAt.toISOString()} (in ${formatDuration(left)}), less than min-validity (${formatDuration(options.minValiditySeconds)}); sign in again with share-session or lower min-validity`
    )
  }
  return signIn
}

/** The approvers a seal carries (its `v`): each a name and a time, or the seal is unreadable. */
function sealedApprovers(v: unknown): { name: string; at: Date }[] {
  const list = Array.isArray(v) ? v : []
  const approvers = list.map((a: { n?: unknown; t?: unknown }) =>
    a && typeof a.n === 'string' && Number.isSafeInteger(a.t)
      ? { name: a.n, at: new Date(a.t as number) }
      : undefined
  )
  if (!Array.isArray(v) || !approvers.length || approvers.includes(undefined))
    throw new SealError('tampered', 'session', 'holds an unreadable sign-in')
  return approvers as { name: string; at: Date }[]
}
