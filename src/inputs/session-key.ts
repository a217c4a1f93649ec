/**
 * How strong a session-key is, by an honest estimate. The sealed `session` output is printed in the logs of the jobs
 * that receive it (GitHub shows step inputs), so anyone who can read the run can try keys offline: the key alone
 * protects the sign-in. The estimate: length × log2(distinct characters used), and a key that is a shorter unit
 * repeated (`abcdabcd…`, a word typed four times) counts only as that unit. A random 64-character hex key
 * (256 bits) and a 44-character base64 key (`openssl rand -base64 32`, about 200 bits) pass; `aaaa…` (0 bits) fails.
 */

/** Least estimated strength of a session-key, in bits. */
export const MIN_SESSION_KEY_BITS = 128

/** The shortest unit the key is made of by repetition (the key's length when it repeats nothing). */
export function repeatedUnitLength(chars: readonly string[]): number {
  // The smallest period p with chars[i] === chars[i - p] for every i, counted only when the unit appears at
  // least twice in full (p ≤ length / 2): `abcabcab` is `abc` repeated, `abcab` is not called a repetition.
  for (let p = 1; p <= chars.length / 2; p++) {
    let periodic = true
    for (let i = p; i < chars.length && periodic; i++)
      periodic = chars[i] === chars[i - p]
    if (periodic) return p
  }
  return chars.length
}

/** Estimated bits of a key: (length of its repeated unit) × log2(distinct characters used). */
export function sessionKeyBits(key: string): number {
  const chars = Array.from(key)
  const distinct = new Set(chars).size
  if (distinct < 2) return 0
  return repeatedUnitLength(chars) * Math.log2(distinct)
}

/**
 * Why `key` is too weak to seal a sign-in, or undefined when it is strong enough. Never contains the key itself.
 */
export function weakSessionKeyReason(key: string): string | undefined {
  const chars = Array.from(key)
  const unit = repeatedUnitLength(chars)
  const bits = sessionKeyBits(key)
  if (bits >= MIN_SESSION_KEY_BITS) return undefined
  const why =
    unit < chars.length
      ? `it repeats a ${unit}-character pattern`
      : `${chars.length} characters using ${new Set(chars).size} distinct ones`
  return `is too weak: about ${Math.floor(bits)} bits (${why}; length × log2 of the distinct characters used), at least ${MIN_SESSION_KEY_BITS} needed (value not shown); make one with openssl rand -base64 32 and store it as a secret`
}
