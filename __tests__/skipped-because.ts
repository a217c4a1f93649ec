/* eslint-disable jest/no-export, jest/no-disabled-tests -- a helper for test files: it registers the skipped marker test */
/**
 * For a test file whose tests skip when a tool is missing (Chromium, Debian's AWS CLI v2, Go and its AWS SDKs,
 * python3 with awscli): says why on the console and registers a skipped test titled with the reason, which
 * scripts/jest-skip-reporter.mjs lists after jest's summary, so a skip is never silent.
 */
export const SKIPPED_BECAUSE = 'skipped because:'

export function skippedBecause(reason: string): void {
  console.warn(`${SKIPPED_BECAUSE} ${reason}`)
  test.skip(`${SKIPPED_BECAUSE} ${reason}`, () => {})
}
