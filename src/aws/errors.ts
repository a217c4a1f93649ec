/** How an AWS SDK error is told in a log line or a failure message. */

/**
 * Only the error's name, HTTP status (or network error code) and how many attempts were made:
 * SDK error objects carry request data and are never printed whole.
 */
export function describeAwsError(error: unknown): string {
  const e = error as {
    name?: string
    code?: unknown
    $metadata?: { httpStatusCode?: number; attempts?: number }
  }
  const status = e?.$metadata?.httpStatusCode
  const code =
    typeof e?.code === 'string' &&
    /^E[A-Z_]+$/.test(e.code) &&
    e.code !== e?.name
      ? e.code
      : undefined
  const attempts = e?.$metadata?.attempts
  return `${e?.name ?? 'Error'}${status ? ` (HTTP ${status})` : code ? ` (${code})` : ''}${attempts && attempts > 1 ? ` after ${attempts} attempts` : ''}`
}
