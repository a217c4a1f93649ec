/**
 * What an approval leaves on the runner, as the messages word it (notify/render/wording.ts approvalGrants; the
 * sign-in mode's `grant` in core/sign-in-mode.ts picks it):
 * - `until-job-end`: the token cache holds the sign-in until the post step signs it out (the action's default);
 * - `until-expiry`: the token cache holds it until it expires or `identity-center-login --sign-out` (the CLI: no post step);
 * - `sign-out-early`: used only to fetch the role credentials, then signed out at once;
 * - `kept`: keep-session, left for later jobs on this runner until it expires;
 * - `shared`: share-session, sealed for the later jobs of this run that hold the session-key, until end-session or expiry;
 * - `from-shared`: session, this job uses a sign-in shared by an earlier job of the run and does not sign it out;
 * - `served`: credential-server, a loopback server holds the sign-in in memory and serves only the listed roles;
 * - `served-shared`: the same in a later job of a shared sign-in (session): served until that token expires, not signed out.
 */
export type Grant =
  | 'until-job-end'
  | 'until-expiry'
  | 'sign-out-early'
  | 'kept'
  | 'shared'
  | 'from-shared'
  | 'served'
  | 'served-shared'
