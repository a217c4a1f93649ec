/** When held credentials (or an access token) are due for a refresh: at 20 minutes left, or at half their lifetime when that is shorter. */

export const REFRESH_MARGIN_MS = 20 * 60 * 1000

/**
 * True while `expiresAt` is further away than min(20 min, half the lifetime since `obtainedAt`): botocore starts
 * refreshing at 15 minutes left, so real credentials are handed out with more than that whenever their lifetime allows,
 * and short-lived ones (tests) are not fetched again on every request.
 */
export function isFresh(
  obtainedAt: number,
  expiresAt: number,
  now: number = Date.now()
): boolean {
  const margin = Math.min(
    REFRESH_MARGIN_MS,
    Math.max(0, expiresAt - obtainedAt) / 2
  )
  return expiresAt - now > margin
}
