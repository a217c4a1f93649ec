/**
 * The package version for `identity-center-login --version`: dist/cli.js (written by scripts/build.mjs) sets it from
 * package.json at build time, so the bundle needs no package.json beside it at run time.
 */
declare global {
  // eslint-disable-next-line no-var
  var __IDENTITY_CENTER_LOGIN_VERSION__: string | undefined
}

/** The version dist/cli.js was built with; `unknown` when the sources run unbundled. */
export function cliVersion(): string {
  const v = globalThis.__IDENTITY_CENTER_LOGIN_VERSION__
  return typeof v === 'string' && v !== '' ? v : 'unknown'
}
