/** The CLI's --help text: the inputs of the table (with the CLI's own wording where the action's does not fit), the CLI's options, what it prints and its exit codes. */
import { INPUTS } from '../inputs/spec.js'
import { CLI_OPTIONS, EXIT_CODES, envVarName } from './args.js'

function wrap(text: string, indent: number, width = 100): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent + line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines.map((l) => ' '.repeat(indent) + l)
}

/**
 * Where an input's description (shared with action.yml) speaks of the action (its post step, job outputs, `secrets.`,
 * GitHub's comment), the CLI's --help says this instead; `default` replaces a default the CLI does not apply.
 */
export const CLI_WORDING: Readonly<
  Record<string, { description?: string; default?: string }>
> = Object.freeze({
  notify: {
    description:
      'Comma-separated channels for the approval link besides stderr (always on): webhook (with --webhook-url); "none" for stderr only. summary and comment are GitHub Actions channels: the CLI warns and skips them.',
    default: 'stderr only'
  },
  'github-token': {
    description:
      'GitHub Actions only (the pull-request comment channel); the CLI never posts a comment and ignores it.'
  },
  'issue-number': {
    description:
      'GitHub Actions only (the pull-request comment channel); the CLI ignores it.'
  },
  'webhook-url': {
    description:
      'Webhook URL for the webhook channel (--notify webhook): a JSON {"text": …} POST when the request starts and ends (Slack, Teams, Mattermost incoming webhooks). https only, http only for localhost / 127.0.0.1.'
  },
  'export-credentials': {
    description:
      'GitHub Actions only (exports to the rest of the job); the CLI always prints the credentials and the variables listed under Output in --format, to stdout or --output-file.'
  },
  'credential-server': {
    description:
      'Hand the sign-in, in memory only, to a background credential server on 127.0.0.1 that serves and refreshes only the listed roles (primary, profiles, discover, role-to-assume): the output gives AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN instead of keys, the profiles ask the server (credential_process), no SSO token or registration is written. It signs out and exits when the process of --watch-pid (default: the parent) is gone. Not with --sign-out-early, --keep-session, --reuse-session, --legacy-sso-profile or --share-session.'
  },
  'keep-session': {
    description:
      'GitHub Actions only (there the sign-in ends with the job unless it is set); the CLI never signs out by itself: without --sign-out-early the SSO token cache stays on this machine until the token expires or aws sso logout.'
  },
  'sign-out-early': {
    description:
      "Sign out of IAM Identity Center (SSO Logout) as soon as every profile's role credentials are fetched and verified: no SSO token stays on this machine; the profiles hold the role credentials (shared credentials file) until they expire. Recommended on CI machines: the CLI does not sign out when the job ends. Not with --keep-session or --reuse-session."
  },
  'share-session': {
    description:
      'Share this sign-in with the later jobs of this pipeline: IDENTITY_CENTER_LOGIN_SESSION (json: "session") holds it sealed (AES-256-GCM) with session-key, bound to this project and pipeline (see --session-run-id); a later job that has both signs in with --session and needs no approval. The sign-in stays valid after this command: finish the pipeline with --end-session.'
  },
  session: {
    description:
      "The sealed sign-in printed by a --share-session job of this pipeline (pass it on, e.g. in a GitLab dotenv report, as IDENTITY_CENTER_LOGIN_SESSION): sign in with it instead of asking for approval. start-url and sso-region then come from it, and account-id / role-name default to the login job's."
  },
  'end-session': {
    description:
      'With --session and session-key: sign the shared sign-in out (SSO Logout) and do nothing else; for the last job of the pipeline, run whatever happened before (GitLab when: always).'
  },
  'session-key': {
    description:
      "Secret of at least 32 characters that seals (--share-session) and opens (--session) the shared sign-in; give it from the CI's masked variables as IDENTITY_CENTER_LOGIN_SESSION_KEY."
  },
  'legacy-sso-profile': {
    description:
      'Also write sso_start_url and sso_region into each profile (beside sso_session) and the SSO token a second time under the legacy cache name (sha1 of start-url), for tools built on SDKs that predate [sso-session] (AWS SDK for Go v1 before 1.44.298, aws-sdk-go-v2 config of 2022 and older, the Terraform providers built on them). The copy is not refreshed, and stays until the token expires or aws sso logout.'
  }
})

/** What the CLI prints (--format env / dotenv; json carries the same under its own keys). */
export const CLI_OUTPUT_VARIABLES: readonly (readonly [string, string])[] = [
  [
    'AWS_ACCESS_KEY_ID',
    'the role credentials (with role-to-assume, the chained session)'
  ],
  ['AWS_SECRET_ACCESS_KEY', ''],
  ['AWS_SESSION_TOKEN', ''],
  [
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'with --credential-server, instead of the three above: the endpoint of the primary role (every AWS SDK and CLI reads it)'
  ],
  [
    'AWS_CONTAINER_AUTHORIZATION_TOKEN',
    'with --credential-server: the secret the endpoint asks for'
  ],
  ['AWS_REGION', 'the region input (default: sso-region)'],
  ['AWS_DEFAULT_REGION', 'the same, for older tools'],
  ['AWS_CREDENTIAL_EXPIRATION', 'when the role credentials expire (ISO 8601)'],
  [
    'AWS_PROFILE_NAME',
    'the primary profile written to the AWS config (not AWS_PROFILE, which would switch tools to it)'
  ],
  ['AWS_ACCOUNT_ID', 'the verified account'],
  ['AWS_APPROVED_BY', "the approver's Identity Center user name"],
  [
    'IDENTITY_CENTER_LOGIN_SESSION',
    'with --share-session: the sealed sign-in that --session reads'
  ]
]

/** The --help text, generated from INPUTS (with CLI_WORDING where the action's wording does not fit the CLI). */
export function cliHelp(): string {
  const out: string[] = [
    'Usage: identity-center-login --start-url URL --sso-region REGION --account-id ID --role-name NAME [options]',
    '       identity-center-login --session SEALED [--account-id ID --role-name NAME] [options]  (shared sign-in)',
    '       identity-center-login --session SEALED --end-session',
    '       identity-center-login --sign-out [--sso-session NAME] [--profile NAME]',
    '',
    'Sign in to AWS IAM Identity Center with the device flow: the link and code to approve are printed on',
    'stderr (and sent to --notify webhook); after a person approves, the role credentials are verified,',
    '~/.aws/config ([profile NAME], [sso-session NAME]) and the SSO token cache are written, and the',
    'credentials are printed on stdout (or --output-file) in --format.',
    '',
    'The CLI does not sign out when your job ends: without --sign-out-early the SSO token cache (the',
    "approver's sign-in, for every account and role they can reach) stays on this machine until the token",
    'expires or aws sso logout. On a CI machine use --sign-out-early.',
    '',
    'Inputs (each also read from the environment variable shown when the flag is not given):',
    ''
  ]
  for (const spec of INPUTS) {
    const wording = CLI_WORDING[spec.name] ?? {}
    const head =
      spec.kind === 'boolean'
        ? `  --${spec.name}, --no-${spec.name}`
        : `  --${spec.name} ${spec.kind === 'multiline' ? 'TEXT' : spec.kind === 'integer' ? 'N' : spec.kind === 'duration' ? 'DURATION' : 'VALUE'}`
    const notes: string[] = []
    if (spec.required) notes.push('required')
    if (spec.secret) notes.push('secret: prefer the environment variable')
    const def = wording.default ?? spec.default
    if (def !== '') notes.push(`default: ${def}`)
    notes.push(`env: ${envVarName(spec.name)}`)
    out.push(
      head,
      ...wrap(
        `${wording.description ?? spec.description} [${notes.join('; ')}]`,
        6
      ),
      ''
    )
  }
  out.push('Options:', '')
  for (const o of CLI_OPTIONS) {
    out.push(
      `  --${o.name} ${o.value}`,
      ...wrap(`${o.description} [env: ${envVarName(o.name)}]`, 6),
      ''
    )
  }
  out.push(
    '  --sign-out',
    ...wrap(
      'Instead of logging in: sign the sso-session out (SSO Logout of its cached token) and remove its token cache, its client registration cache, the [profile NAME] that uses it and its [sso-session NAME] section (AWS_CONFIG_FILE as usual). A credential server of the sso-session (--credential-server) is asked to sign out and exit first, and its server file and credential_process profiles go. Exit 0 also when there was nothing to sign out. For the end of a CI job (GitLab after_script, Jenkins post); works where AWS CLI v1 has no aws sso logout.',
      6
    ),
    ''
  )
  out.push('  -h, --help', '      Show this help.', '')
  out.push(
    '  -V, --version',
    '      Print the version of identity-center-login.',
    ''
  )
  out.push(
    'Output (--format env: export lines for eval; dotenv: KEY=value lines; json: an object with the same values',
    'and the extra profiles):',
    ''
  )
  for (const [name, meaning] of CLI_OUTPUT_VARIABLES) {
    const [first = '', ...more] = wrap(meaning, 33)
    out.push(`  ${name.padEnd(31)}${first.trimStart()}`.trimEnd(), ...more)
  }
  out.push('')
  out.push(
    'Exit codes:',
    `  ${EXIT_CODES.ok}    logged in`,
    `  ${EXIT_CODES.failure}    service or unexpected failure`,
    `  ${EXIT_CODES.badInput}    bad input (nothing was sent to AWS)`,
    `  ${EXIT_CODES.denied}    the request was denied`,
    `  ${EXIT_CODES.expired}    the code expired or approval timed out`,
    `  ${EXIT_CODES.rejected}    approver not allowed, identity mismatch, or an account not in allowed-account-ids`,
    `  ${EXIT_CODES.cancelled}  cancelled (SIGINT / SIGTERM)`,
    ''
  )
  return out.join('\n')
}
