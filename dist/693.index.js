export const id = 693;
export const ids = [693];
export const modules = {

/***/ 3693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: ciActor, ciRunContext, defaultWatchPid, exitCodeFor, renderCredentials

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/inputs/rules.ts
var rules = __webpack_require__(8190);
// EXTERNAL MODULE: ./src/inputs/reader.ts + 6 modules
var reader = __webpack_require__(4811);
// EXTERNAL MODULE: ./src/inputs/spec.ts
var inputs_spec = __webpack_require__(7026);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * Command-line arguments of the plain CLI, mapped onto the same inputs as the GitHub Action.
 *
 * Every input in INPUTS is a flag of the same name: `--start-url X` or `--start-url=X`. Boolean
 * inputs are switches: `--keep-session` (true), `--no-keep-session` (false), or
 * `--keep-session=VALUE` (validated like the action input). A flag given twice, a positional
 * argument, an unknown flag or a flag without its value is an {@link InputError} naming the flag
 * (`Option "--bogus": …`); flag values are never echoed in these errors.
 *
 * Unset flags fall back to `IDENTITY_CENTER_LOGIN_<NAME>` environment variables (upper case,
 * `-` → `_`, e.g. IDENTITY_CENTER_LOGIN_START_URL); an empty variable counts as unset. Secrets
 * (github-token, webhook-url) are best passed that way, so they do not show in the process list.
 *
 * The returned `get` only maps names to raw strings: all validation happens in readLoginRequest.
 */




const OUTPUT_FILE_FORMATS = Object.freeze([
    'env',
    'dotenv',
    'json'
]);
const DEFAULT_FORMAT = 'env';
const ENV_PREFIX = 'IDENTITY_CENTER_LOGIN_';
/** Exit codes of the CLI (and the meaning of a failed action step). */
const EXIT_CODES = Object.freeze({
    ok: 0,
    failure: 1,
    badInput: 2,
    denied: 3,
    expired: 4,
    rejected: 5,
    cancelled: 130
});
/** IDENTITY_CENTER_LOGIN_START_URL for start-url. */
function envVarName(name) {
    return ENV_PREFIX + name.toUpperCase().replace(/-/g, '_');
}
/** Options of the CLI itself, beside the inputs. */
const CLI_OPTIONS = [
    {
        name: 'profiles-file',
        value: 'PATH',
        description: 'Read the profiles input from a file (instead of --profiles).'
    },
    {
        name: 'format',
        value: 'env|dotenv|json',
        description: 'How to print the credentials and outputs (default env).'
    },
    {
        name: 'output-file',
        value: 'PATH',
        description: 'Write the dotenv/json output to PATH instead of stdout.'
    },
    {
        name: 'actor',
        value: 'NAME',
        description: "The CI user who triggered this run, compared with the approver when forbid-self-approval is true (default: the CI's own variable: GITHUB_ACTOR and GITHUB_TRIGGERING_ACTOR, GITLAB_USER_LOGIN, BUILDKITE_BUILD_CREATOR_EMAIL, CIRCLE_USERNAME, BUILD_USER_ID)."
    },
    {
        name: 'approval-record',
        value: 'FILE',
        description: 'Write the approval record (JSON: who approved, what was asked and verified, the run; no secret) to FILE, mode 0600, before the credentials are printed. The folder must exist.'
    },
    {
        name: 'watch-pid',
        value: 'PID',
        description: 'With --credential-server: the server signs out and exits when this process is gone (default: the parent of identity-center-login, e.g. the shell of the CI step; through npx, the process that ran npx). In a Jenkins pipeline, where each sh step runs in a new shell, pass the pid of a process that lives as long as the job.'
    },
    {
        name: 'session-run-id',
        value: 'ID',
        description: 'With share-session / session / end-session: the pipeline run the sealed sign-in is bound to (1-64 of letters, digits, _ -). Default: GITHUB_RUN_ID, CI_PIPELINE_ID (GitLab), BUILDKITE_BUILD_ID, CIRCLE_WORKFLOW_ID; the repository bound in is GITHUB_REPOSITORY, CI_PROJECT_PATH, BUILDKITE_PIPELINE_SLUG or CIRCLE_PROJECT_REPONAME.'
    }
];
const HELP_FLAGS = new Set(['--help', '-h']);
const VERSION_FLAGS = new Set(['--version', '-V']);
/** Every flag the CLI accepts (--input, --no-boolean, the CLI's own options, help and version), for checks of examples. */
function cliFlags() {
    return new Set([
        ...INPUTS.flatMap((i) => i.kind === 'boolean' ? [`--${i.name}`, `--no-${i.name}`] : [`--${i.name}`]),
        ...CLI_OPTIONS.map((o) => `--${o.name}`),
        ...HELP_FLAGS,
        ...VERSION_FLAGS
    ]);
}
/**
 * Parses `argv` (the arguments after the script: process.argv.slice(2)) with `env` as fallback.
 * Throws InputError for unknown flags, missing values, repeats and positional arguments; a
 * `--help`/`-h` anywhere wins over those errors, then `--version`/`-V`.
 */
function parseCliArgs(argv, env, deps = {}) {
    if (argv.some((a) => HELP_FLAGS.has(a))) {
        return { get: () => '', format: DEFAULT_FORMAT, help: true, version: false };
    }
    if (argv.some((a) => VERSION_FLAGS.has(a))) {
        return { get: () => '', format: DEFAULT_FORMAT, help: false, version: true };
    }
    const inputs = new Map(inputs_spec/* INPUTS */.mc.map((i) => [i.name, i]));
    const values = flagValues(argv, inputs);
    const fromEnv = (name) => {
        const v = env[envVarName(name)];
        return typeof v === 'string' ? v : '';
    };
    const option = (name) => values.has(name) ? values.get(name) : fromEnv(name);
    // --profiles / --profiles-file
    const profilesFile = option('profiles-file');
    if (profilesFile !== '')
        values.set('profiles', profilesFromFile(profilesFile, option, values, deps));
    const formatRaw = option('format').trim() || DEFAULT_FORMAT;
    if (!OUTPUT_FILE_FORMATS.includes(formatRaw)) {
        throw new rules/* InputError */.dz('--format', `must be one of ${OUTPUT_FILE_FORMATS.join(', ')}`);
    }
    const outputFile = option('output-file');
    const actor = option('actor').trim();
    if (new RegExp(util_text/* CONTROL_SOURCE */.Y).test(actor))
        throw new rules/* InputError */.dz(values.has('actor') ? '--actor' : envVarName('actor'), 'must not contain control characters');
    const get = (name) => (inputs.has(name) ? option(name) : '');
    const result = {
        get,
        format: formatRaw,
        help: false,
        version: false
    };
    if (outputFile !== '')
        result.outputFile = outputFile;
    if (values.has('sign-out'))
        result.signOut = true;
    if (actor !== '')
        result.actor = actor;
    const watchPid = option('watch-pid').trim();
    if (watchPid !== '') {
        if (!/^[1-9]\d{0,9}$/.test(watchPid))
            throw new rules/* InputError */.dz(values.has('watch-pid') ? '--watch-pid' : envVarName('watch-pid'), 'must be a process id (a positive integer)');
        result.watchPid = Number(watchPid);
    }
    const sessionRunId = option('session-run-id').trim();
    if (sessionRunId !== '')
        result.sessionRunId = sessionRunId;
    const approvalRecord = option('approval-record');
    if (approvalRecord !== '')
        result.approvalRecord = approvalRecord;
    return result;
}
/** Each flag's value, by input or option name; `--no-NAME` and a bare boolean flag give 'false' / 'true'. */
function flagValues(argv, inputs) {
    const values = new Map();
    const given = new Set();
    const set = (flag, key, value) => {
        if (given.has(key))
            throw new rules/* InputError */.dz(flag, 'given more than once');
        given.add(key);
        values.set(key, value);
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = String(argv[i]);
        if (arg === '--') {
            if (i + 1 < argv.length)
                throw new rules/* InputError */.dz('--', 'positional arguments are not accepted; every value needs its --flag');
            break;
        }
        if (!arg.startsWith('--')) {
            if (arg.startsWith('-') && arg.length > 1)
                throw new rules/* InputError */.dz(arg, 'unknown option (see --help)');
            throw new rules/* InputError */.dz(`argument ${i + 1}`, 'unexpected positional argument (value not shown); give every value with its --flag, e.g. --keep-session=false');
        }
        const eq = arg.indexOf('=');
        const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
        const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
        const flag = `--${name}`;
        if (name === 'sign-out') {
            if (inline !== undefined)
                throw new rules/* InputError */.dz(flag, 'takes no value');
            set(flag, name, 'true');
            continue;
        }
        const spec = inputs.get(name);
        if (spec?.kind === 'boolean') {
            set(flag, name, inline ?? 'true');
            continue;
        }
        if (name.startsWith('no-') &&
            inputs.get(name.slice(3))?.kind === 'boolean') {
            if (inline !== undefined)
                throw new rules/* InputError */.dz(flag, 'takes no value; use --' + name.slice(3) + '=false or ' + flag);
            set(flag, name.slice(3), 'false');
            continue;
        }
        const isCliOption = CLI_OPTIONS.some((o) => o.name === name);
        if (!spec && !isCliOption)
            throw new rules/* InputError */.dz(flag, 'unknown option (see --help)');
        let value;
        if (inline !== undefined) {
            value = inline;
        }
        else {
            const next = argv[i + 1];
            if (next === undefined || String(next).startsWith('--'))
                throw new rules/* InputError */.dz(flag, 'needs a value');
            value = String(next);
            i++;
        }
        set(flag, name, value);
    }
    return values;
}
/** The text of --profiles-file (never with --profiles). */
function profilesFromFile(profilesFile, option, values, deps) {
    if (option('profiles') !== '') {
        throw new rules/* InputError */.dz(values.has('profiles-file')
            ? '--profiles-file'
            : envVarName('profiles-file'), 'cannot be combined with --profiles');
    }
    const read = deps.readFile ?? ((p) => (0,external_node_fs_.readFileSync)(p, 'utf8'));
    let text;
    try {
        text = read(profilesFile);
    }
    catch (e) {
        const code = e?.code;
        throw new rules/* InputError */.dz('--profiles-file', `cannot read the file${code ? ` (${code})` : ''}`);
    }
    return text;
}

;// CONCATENATED MODULE: ./src/cli/help.ts
/** The CLI's --help text: the inputs of the table (with the CLI's own wording where the action's does not fit), the CLI's options, what it prints and its exit codes. */


function wrap(text, indent, width = 100) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line !== '' && indent + line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else {
            line = line === '' ? word : `${line} ${word}`;
        }
    }
    if (line !== '')
        lines.push(line);
    return lines.map((l) => ' '.repeat(indent) + l);
}
/**
 * Where an input's description (shared with action.yml) speaks of the action (its post step, job outputs, `secrets.`,
 * GitHub's comment), the CLI's --help says this instead; `default` replaces a default the CLI does not apply.
 */
const CLI_WORDING = Object.freeze({
    notify: {
        description: 'Comma-separated channels for the approval link besides stderr (always on): webhook (with --webhook-url); "none" for stderr only. summary and comment are GitHub Actions channels: the CLI warns and skips them.',
        default: 'stderr only'
    },
    'github-token': {
        description: 'GitHub Actions only (the pull-request comment channel); the CLI never posts a comment and ignores it.'
    },
    'issue-number': {
        description: 'GitHub Actions only (the pull-request comment channel); the CLI ignores it.'
    },
    'webhook-url': {
        description: 'Webhook URL for the webhook channel (--notify webhook): a JSON {"text": …} POST when the request starts and ends (Slack, Teams, Mattermost incoming webhooks). https only, http only for localhost / 127.0.0.1.'
    },
    'export-credentials': {
        description: 'GitHub Actions only (exports to the rest of the job); the CLI always prints the credentials and the variables listed under Output in --format, to stdout or --output-file.'
    },
    'credential-server': {
        description: 'Hand the sign-in, in memory only, to a background credential server on 127.0.0.1 that serves and refreshes only the listed roles (primary, profiles, discover, role-to-assume): the output gives AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN instead of keys, the profiles ask the server (credential_process), no SSO token or registration is written. It signs out and exits when the process of --watch-pid (default: the parent) is gone. Not with --sign-out-early, --keep-session, --reuse-session, --legacy-sso-profile or --share-session.'
    },
    'keep-session': {
        description: 'GitHub Actions only (there the sign-in ends with the job unless it is set); the CLI never signs out by itself: without --sign-out-early the SSO token cache stays on this machine until the token expires or aws sso logout.'
    },
    'sign-out-early': {
        description: "Sign out of IAM Identity Center (SSO Logout) as soon as every profile's role credentials are fetched and verified: no SSO token stays on this machine; the profiles hold the role credentials (shared credentials file) until they expire. Recommended on CI machines: the CLI does not sign out when the job ends. Not with --keep-session or --reuse-session."
    },
    'share-session': {
        description: 'Share this sign-in with the later jobs of this pipeline: IDENTITY_CENTER_LOGIN_SESSION (json: "session") holds it sealed (AES-256-GCM) with session-key, bound to this project and pipeline (see --session-run-id); a later job that has both signs in with --session and needs no approval. The sign-in stays valid after this command: finish the pipeline with --end-session.'
    },
    session: {
        description: "The sealed sign-in printed by a --share-session job of this pipeline (pass it on, e.g. in a GitLab dotenv report, as IDENTITY_CENTER_LOGIN_SESSION): sign in with it instead of asking for approval. start-url and sso-region then come from it, and account-id / role-name default to the login job's."
    },
    'end-session': {
        description: 'With --session and session-key: sign the shared sign-in out (SSO Logout) and do nothing else; for the last job of the pipeline, run whatever happened before (GitLab when: always).'
    },
    'session-key': {
        description: "Secret of at least 32 characters that seals (--share-session) and opens (--session) the shared sign-in; give it from the CI's masked variables as IDENTITY_CENTER_LOGIN_SESSION_KEY."
    },
    'legacy-sso-profile': {
        description: 'Also write sso_start_url and sso_region into each profile (beside sso_session) and the SSO token a second time under the legacy cache name (sha1 of start-url), for tools built on SDKs that predate [sso-session] (AWS SDK for Go v1 before 1.44.298, aws-sdk-go-v2 config of 2022 and older, the Terraform providers built on them). The copy is not refreshed, and stays until the token expires or aws sso logout.'
    }
});
/** What the CLI prints (--format env / dotenv; json carries the same under its own keys). */
const CLI_OUTPUT_VARIABLES = [
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
];
/** The --help text, generated from INPUTS (with CLI_WORDING where the action's wording does not fit the CLI). */
function cliHelp() {
    const out = [
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
    ];
    for (const spec of inputs_spec/* INPUTS */.mc) {
        const wording = CLI_WORDING[spec.name] ?? {};
        const head = spec.kind === 'boolean'
            ? `  --${spec.name}, --no-${spec.name}`
            : `  --${spec.name} ${spec.kind === 'multiline' ? 'TEXT' : spec.kind === 'integer' ? 'N' : spec.kind === 'duration' ? 'DURATION' : 'VALUE'}`;
        const notes = [];
        if (spec.required)
            notes.push('required');
        if (spec.secret)
            notes.push('secret: prefer the environment variable');
        const def = wording.default ?? spec.default;
        if (def !== '')
            notes.push(`default: ${def}`);
        notes.push(`env: ${envVarName(spec.name)}`);
        out.push(head, ...wrap(`${wording.description ?? spec.description} [${notes.join('; ')}]`, 6), '');
    }
    out.push('Options:', '');
    for (const o of CLI_OPTIONS) {
        out.push(`  --${o.name} ${o.value}`, ...wrap(`${o.description} [env: ${envVarName(o.name)}]`, 6), '');
    }
    out.push('  --sign-out', ...wrap('Instead of logging in: sign the sso-session out (SSO Logout of its cached token) and remove its token cache, its client registration cache, the [profile NAME] that uses it and its [sso-session NAME] section (AWS_CONFIG_FILE as usual). A credential server of the sso-session (--credential-server) is asked to sign out and exit first, and its server file and credential_process profiles go. Exit 0 also when there was nothing to sign out. For the end of a CI job (GitLab after_script, Jenkins post); works where AWS CLI v1 has no aws sso logout.', 6), '');
    out.push('  -h, --help', '      Show this help.', '');
    out.push('  -V, --version', '      Print the version of identity-center-login.', '');
    out.push('Output (--format env: export lines for eval; dotenv: KEY=value lines; json: an object with the same values', 'and the extra profiles):', '');
    for (const [name, meaning] of CLI_OUTPUT_VARIABLES) {
        const [first = '', ...more] = wrap(meaning, 33);
        out.push(`  ${name.padEnd(31)}${first.trimStart()}`.trimEnd(), ...more);
    }
    out.push('');
    out.push('Exit codes:', `  ${EXIT_CODES.ok}    logged in`, `  ${EXIT_CODES.failure}    service or unexpected failure`, `  ${EXIT_CODES.badInput}    bad input (nothing was sent to AWS)`, `  ${EXIT_CODES.denied}    the request was denied`, `  ${EXIT_CODES.expired}    the code expired or approval timed out`, `  ${EXIT_CODES.rejected}    approver not allowed, identity mismatch, or an account not in allowed-account-ids`, `  ${EXIT_CODES.cancelled}  cancelled (SIGINT / SIGTERM)`, '');
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/cli/version.ts
/** The version dist/cli.js was built with; `unknown` when the sources run unbundled. */
function cliVersion() {
    const v = globalThis.__IDENTITY_CENTER_LOGIN_VERSION__;
    return typeof v === 'string' && v !== '' ? v : 'unknown';
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/aws-files/atomic.ts
var atomic = __webpack_require__(5262);
;// CONCATENATED MODULE: ./src/cli/output-file.ts
/**
 * `--output-file`: the credentials file the CLI writes for a later step (a GitLab dotenv report, a Jenkins stash).
 * Written as the files under ~/.aws are: never through a symlink, 0600 whatever was there before, atomically
 * (temp file + rename, so a reader sees the old file or the new one, never half of it).
 */



/** Refuse, before any request, an output file that is a symlink or not a regular file. */
async function checkOutputFile(file) {
    const target = external_node_path_default().resolve(file);
    const st = await (0,promises_.lstat)(target).catch((e) => {
        if (e.code === 'ENOENT')
            return undefined;
        throw e;
    });
    if (st?.isSymbolicLink())
        throw (0,atomic/* symlinkError */.OL)(target);
    if (st && !st.isFile())
        throw new Error(`not a regular file: ${target}`);
}
/** Replace `file` with `text`: 0600, no symlink followed (at the file or its folder), atomic. */
async function writeOutputFile(file, text) {
    const target = external_node_path_default().resolve(file);
    await (0,atomic/* writeFileAtomic */.Zf)(target, text, {
        mode: 0o600,
        root: external_node_path_default().dirname(target)
    });
}

// EXTERNAL MODULE: ./src/aws-files/config-render.ts
var config_render = __webpack_require__(7386);
// EXTERNAL MODULE: ./src/aws-files/paths.ts
var paths = __webpack_require__(4683);
// EXTERNAL MODULE: ./src/aws/logout.ts
var logout = __webpack_require__(4299);
// EXTERNAL MODULE: ./src/aws-files/sso-cache-format.ts
var sso_cache_format = __webpack_require__(3671);
// EXTERNAL MODULE: ./src/aws-files/sso-cache.ts
var sso_cache = __webpack_require__(7215);
// EXTERNAL MODULE: ./src/aws-files/process-profile.ts
var process_profile = __webpack_require__(6830);
// EXTERNAL MODULE: ./src/aws-files/ini-structure.ts
var ini_structure = __webpack_require__(4421);
// EXTERNAL MODULE: ./src/aws-files/config-edit.ts
var config_edit = __webpack_require__(1306);
// EXTERNAL MODULE: ./src/aws-files/lock.ts
var lock = __webpack_require__(2576);
;// CONCATENATED MODULE: ./src/aws-files/remove-sections.ts
/**
 * Remove what the CLI wrote to the config for one sso-session, for `--sign-out` (the CLI keeps no record of its edits):
 * the `[profile NAME]` whose `sso_session` is that session, and the `[sso-session NAME]` section once no profile uses
 * it. Under the config's lock, atomic; every other byte of the file stays.
 */





function withoutBlocks(text, blocks) {
    let out = text;
    for (const b of [...blocks].sort((x, y) => y.start - x.start)) {
        // The blank lines before the section go with it (the separator put in front of an appended section); at the top
        // of the file, the blank lines after it instead.
        let start = b.start;
        let end = b.end;
        const before = /(?:[ \t]*\r?\n)+$/.exec(out.slice(0, start));
        if (before) {
            const own = before.index > 0 ? /^[ \t]*\r?\n/.exec(before[0])[0].length : 0;
            start -= before[0].length - own;
        }
        if (start === 0) {
            const after = /^(?:[ \t]*\r?\n)+/.exec(out.slice(end));
            if (after)
                end += after[0].length;
        }
        out = out.slice(0, start) + out.slice(end);
    }
    return out;
}
function sessionOf(block) {
    if (!block)
        return undefined;
    const scopes = block.options
        .get('sso_registration_scopes')
        ?.split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    return {
        ssoRegion: block.options.get('sso_region')?.trim() || undefined,
        startUrl: block.options.get('sso_start_url')?.trim() || undefined,
        ...(scopes?.length ? { scopes } : {})
    };
}
async function removeConfigSections(configFile, ssoSession, profile, opts = {}) {
    const plan = (text) => {
        const structure = (0,ini_structure/* parseStructure */.Vo)(text);
        const profileBlocks = structure.sections.filter((s) => s.key === `profile:${profile}` &&
            s.options.get('sso_session') === ssoSession);
        const sessionBlocks = structure.sections.filter((s) => s.key === `sso-session:${ssoSession}`);
        const users = (0,config_edit/* profilesUsingSession */.Tw)(structure, ssoSession).filter((k) => !profileBlocks.some((b) => b.key === k));
        const blocks = [
            ...profileBlocks,
            ...(users.length === 0 ? sessionBlocks : [])
        ];
        return {
            blocks,
            session: sessionOf(sessionBlocks[sessionBlocks.length - 1]),
            removed: blocks.map((b) => `[${b.name.trim()}]`)
        };
    };
    if (opts.dryRun) {
        const text = await (0,atomic/* readIfExists */.OR)(configFile);
        if (text === undefined)
            return { removed: [] };
        const { session, removed } = plan(text);
        return { removed, ...(session ? { session } : {}) };
    }
    if ((await (0,atomic/* readIfExists */.OR)(configFile)) === undefined)
        return { removed: [] };
    return (0,lock/* withLock */.k)(configFile, async () => {
        const text = await (0,atomic/* readIfExists */.OR)(configFile);
        if (text === undefined)
            return { removed: [] };
        const { blocks, session, removed } = plan(text);
        if (blocks.length > 0) {
            const out = withoutBlocks(text, blocks);
            if (out.trim() === '')
                await (0,atomic/* removeIfExists */.GR)(configFile);
            else
                await (0,atomic/* writeFileAtomic */.Zf)(configFile, out, { mode: 0o600 });
        }
        return { removed, ...(session ? { session } : {}) };
    });
}
/**
 * credential-server: remove the `[profile NAME]` sections (NAME in `profiles`) whose credential_process asks the server
 * of `serverFile` (the CLI's `--sign-out` after a `--credential-server` sign-in); a profile of the same name that asks
 * anything else is the user's and stays. Under the config's lock, atomic.
 */
async function removeServedProfiles(configFile, serverFile, profiles) {
    if ((await (0,atomic/* readIfExists */.OR)(configFile)) === undefined)
        return [];
    return (0,lock/* withLock */.k)(configFile, async () => {
        const text = await (0,atomic/* readIfExists */.OR)(configFile);
        if (text === undefined)
            return [];
        const blocks = (0,ini_structure/* parseStructure */.Vo)(text).sections.filter((s) => profiles.some((p) => s.key === `profile:${p}`) &&
            ` ${s.options.get('credential_process') ?? ''} `.includes(` --server-file ${(0,process_profile/* pathWord */.Um)(serverFile)} `));
        if (blocks.length > 0) {
            const out = withoutBlocks(text, blocks);
            if (out.trim() === '')
                await (0,atomic/* removeIfExists */.GR)(configFile);
            else
                await (0,atomic/* writeFileAtomic */.Zf)(configFile, out, { mode: 0o600 });
        }
        return blocks.map((b) => `[${b.name.trim()}]`);
    });
}

// EXTERNAL MODULE: ./src/credential-server/job-server.ts
var job_server = __webpack_require__(658);
// EXTERNAL MODULE: ./src/credential-server/credential-process.ts
var credential_process = __webpack_require__(4586);
// EXTERNAL MODULE: ./src/core/stop-server.ts + 1 modules
var stop_server = __webpack_require__(936);
;// CONCATENATED MODULE: ./src/core/sso-session-sign-out.ts








async function readJson(file) {
    const text = await (0,atomic/* readIfExists */.OR)(file);
    if (text === undefined)
        return undefined;
    try {
        const obj = JSON.parse(text);
        return obj && typeof obj === 'object' && !Array.isArray(obj)
            ? { text, obj: obj }
            : undefined;
    }
    catch {
        return undefined;
    }
}
const str = (v) => typeof v === 'string' && v !== '' ? v : undefined;
async function signOutSsoSession(paths, request, log, env) {
    const removed = [];
    const server = await stopSsoSessionServer(paths, request.ssoSession, log);
    if (server)
        removed.push(...server.removed);
    const config = await removeConfigSections(paths.configFile, request.ssoSession, request.profile, { dryRun: true });
    const tokenFile = (0,sso_cache_format/* tokenCacheFile */.g6)(paths.ssoCacheDir, request.ssoSession);
    const cached = await readJson(tokenFile);
    const accessToken = str(cached?.obj.accessToken);
    const ssoRegion = str(cached?.obj.region) ?? config.session?.ssoRegion ?? request.ssoRegion;
    const startUrl = str(cached?.obj.startUrl) ?? config.session?.startUrl ?? request.startUrl;
    let token = 'none';
    if (accessToken) {
        if (!ssoRegion) {
            log.warning(`the token cache ${tokenFile} names no region and the config has no [sso-session ${request.ssoSession}]: pass --sso-region to sign it out`);
            return { token: 'failed', removed };
        }
        const ok = await (0,logout/* signOut */.C)(accessToken, { ssoRegion, region: ssoRegion, env, maxAttempts: 3 }, log);
        if (!ok)
            return { token: 'failed', removed }; // the cache stays, so that a retry can still sign it out
        token = 'revoked';
        log.info(`Signed out of IAM Identity Center (sso-session ${request.ssoSession}): the access token is revoked (role sessions already issued last until they expire)`);
    }
    if (cached &&
        (await (0,sso_cache/* removeCacheFileIfOurs */.FH)(tokenFile, (0,sso_cache_format/* contentHash */.Ae)(cached.text))) ===
            'deleted')
        removed.push(tokenFile);
    if (startUrl && accessToken) {
        const legacy = (0,sso_cache_format/* legacyTokenCacheFile */.lS)(paths.ssoCacheDir, startUrl);
        const same = await readJson(legacy);
        if (same &&
            str(same.obj.accessToken) === accessToken &&
            (await (0,sso_cache/* removeCacheFileIfOurs */.FH)(legacy, (0,sso_cache_format/* contentHash */.Ae)(same.text))) ===
                'deleted')
            removed.push(legacy);
    }
    if (startUrl && ssoRegion) {
        const registration = (0,sso_cache_format/* registrationCacheFile */.iw)(paths.ssoCacheDir, {
            region: ssoRegion,
            scopes: config.session?.scopes ??
                request.registrationScopes ?? ['sso:account:access'],
            sessionName: request.ssoSession,
            startUrl
        });
        const reg = await readJson(registration);
        if (reg &&
            (await (0,sso_cache/* removeCacheFileIfOurs */.FH)(registration, (0,sso_cache_format/* contentHash */.Ae)(reg.text))) ===
                'deleted')
            removed.push(registration);
    }
    const sections = await removeConfigSections(paths.configFile, request.ssoSession, request.profile);
    removed.push(...sections.removed.map((h) => `${h} in ${paths.configFile}`));
    return { token, removed, ...(server ? { server: server.outcome } : {}) };
}
/**
 * The session's credential server, when its server file is there: asked to sign out and exit (stopJobServer: report,
 * port closed, killed only if it is the listener), then the file and the credential_process profiles asking it go.
 */
async function stopSsoSessionServer(paths, ssoSession, log) {
    const file = (0,job_server/* serverFilePath */.Jj)(paths, ssoSession);
    if ((await (0,atomic/* readIfExists */.OR)(file).catch(() => undefined)) === undefined)
        return undefined;
    let server;
    try {
        server = (0,credential_process/* readServerFile */.mq)(file);
    }
    catch (error) {
        log.warning(`the credential server file ${file} could not be read (${error.message}); no server was stopped`);
        return { outcome: 'failed', removed: [] };
    }
    const ok = await (0,stop_server.stopJobServer)({
        file,
        authToken: server.authToken,
        pid: server.pid,
        port: server.port,
        primary: server.profiles[0] ?? '',
        tokenExpiresAt: 'an unknown time (the server held it)',
        refreshable: true
    }, log);
    const sections = await removeServedProfiles(paths.configFile, file, server.profiles);
    return {
        outcome: ok ? 'stopped' : 'failed',
        removed: [file, ...sections.map((h) => `${h} in ${paths.configFile}`)]
    };
}

;// CONCATENATED MODULE: ./src/cli/sign-out.ts





async function runSignOut(args, env, log) {
    const ssoSession = args.get('sso-session').trim() || inputs_spec/* DEFAULT_SSO_SESSION */.$1;
    const profile = args.get('profile').trim() || inputs_spec/* DEFAULT_PROFILE */.KG;
    try {
        (0,config_render/* validateName */.yS)('sso-session', ssoSession);
        (0,config_render/* validateName */.yS)('profile', profile);
    }
    catch (error) {
        process.stderr.write(`identity-center-login: --sign-out: ${error.message}\n`);
        return EXIT_CODES.badInput;
    }
    const scopes = args
        .get('registration-scopes')
        .split(/[\s,]+/)
        .filter((s) => s !== '');
    try {
        const result = await signOutSsoSession((0,paths/* awsPaths */.UW)(env), {
            ssoSession,
            profile,
            ...(args.get('sso-region').trim()
                ? { ssoRegion: args.get('sso-region').trim() }
                : {}),
            ...(args.get('start-url').trim()
                ? { startUrl: args.get('start-url').trim() }
                : {}),
            ...(scopes.length ? { registrationScopes: scopes } : {})
        }, log, env);
        if (result.token === 'failed') {
            process.stderr.write(`identity-center-login: could not sign out sso-session ${ssoSession}; its token cache is kept so that --sign-out can be run again\n`);
            return EXIT_CODES.failure;
        }
        if (result.token === 'none' && result.removed.length === 0) {
            log.info(`Nothing to sign out: no token cache and nothing written for sso-session ${ssoSession}`);
            return EXIT_CODES.ok;
        }
        if (result.server === 'failed') {
            for (const r of result.removed)
                log.info(`Removed ${r}`);
            process.stderr.write(`identity-center-login: the credential server of sso-session ${ssoSession} could not be stopped (see above)\n`);
            return EXIT_CODES.failure;
        }
        if (result.server === 'stopped')
            log.info(`The credential server of sso-session ${ssoSession} signed out and exited`);
        else if (result.token === 'none')
            log.info(`No SSO token was cached for sso-session ${ssoSession}`);
        for (const r of result.removed)
            log.info(`Removed ${r}`);
        return EXIT_CODES.ok;
    }
    catch (error) {
        process.stderr.write(`identity-center-login: --sign-out: ${error.message}\n`);
        return EXIT_CODES.failure;
    }
}

// EXTERNAL MODULE: ./src/core/login.ts + 10 modules
var login = __webpack_require__(8408);
// EXTERNAL MODULE: ./src/core/outcome.ts
var core_outcome = __webpack_require__(9411);
// EXTERNAL MODULE: ./src/core/device-flow.ts
var device_flow = __webpack_require__(8618);
// EXTERNAL MODULE: ./src/aws/credentials.ts + 1 modules
var credentials = __webpack_require__(1735);
// EXTERNAL MODULE: ./src/notify/index.ts + 12 modules
var notify = __webpack_require__(2563);
// EXTERNAL MODULE: ./src/notify/queue.ts
var queue = __webpack_require__(6118);
// EXTERNAL MODULE: ./src/core/approvers.ts
var approvers = __webpack_require__(2421);
// EXTERNAL MODULE: ./src/core/allowed-accounts.ts
var allowed_accounts = __webpack_require__(76);
// EXTERNAL MODULE: ./src/core/run-sign-in.ts + 2 modules
var run_sign_in = __webpack_require__(2377);
// EXTERNAL MODULE: ./src/core/run-context.ts
var run_context = __webpack_require__(4448);
// EXTERNAL MODULE: ./src/core/approval-record.ts
var approval_record = __webpack_require__(1860);
// EXTERNAL MODULE: ./src/core/login-record.ts
var login_record = __webpack_require__(622);
;// CONCATENATED MODULE: ./src/cli/ci-record-run.ts
/** The approval record's run block for the CLI: GitHub Actions' own variables there, elsewhere what the CI tells. */


/** The approval record's run block: GitHub Actions' own variables there, elsewhere what the CI tells. */
function ciRecordRun(env, run, actor) {
    if (env.GITHUB_ACTIONS === 'true')
        return { ...(0,approval_record/* githubRun */.pV)(env), ...(actor ? { actor } : {}) };
    return {
        ...(0,login_record/* recordRunOf */.c)(run),
        runId: [
            'CI_PIPELINE_ID',
            'BUILDKITE_BUILD_ID',
            'CIRCLE_WORKFLOW_ID',
            'BUILD_ID'
        ]
            .map((n) => env[n])
            .find((v) => v)
    };
}

;// CONCATENATED MODULE: ./src/cli/run.ts
/**
 * The CLI for every other CI (GitLab, Jenkins, Buildkite, CircleCI…): the same login as the action.
 * The link and code go to stderr; credentials go to stdout (or --output-file) as env, dotenv or json.
 */





















const stderrLogger = {
    info: (m) => process.stderr.write(`${m}\n`),
    warning: (m) => process.stderr.write(`warning: ${m}\n`),
    debug: (m) => {
        if (process.env.IDENTITY_CENTER_LOGIN_DEBUG)
            process.stderr.write(`debug: ${m}\n`);
    },
    notice: () => { }
};
async function runCli(argv, env) {
    const fail = (error) => {
        process.stderr.write(`identity-center-login: ${error.message}\nRun identity-center-login --help for the options.\n`);
        return error instanceof rules/* InputError */.dz
            ? EXIT_CODES.badInput
            : EXIT_CODES.failure;
    };
    let command;
    let args;
    let run;
    try {
        args = parseCliArgs(argv, env);
        if (args.help) {
            process.stdout.write(cliHelp());
            return EXIT_CODES.ok;
        }
        if (args.version) {
            process.stdout.write(`${cliVersion()}\n`);
            return EXIT_CODES.ok;
        }
        if (args.signOut)
            return await runSignOut(args, env, stderrLogger);
        if (args.outputFile)
            await checkOutputFile(args.outputFile);
        command = (0,reader/* readCommand */.U)(args.get);
        run = ciRunContext(env, {
            actor: args.actor,
            explicitRunId: args.sessionRunId
        });
        // forbid-self-approval needs someone to compare the approver with: bad input, before any network call.
        if (command.kind === 'sign-in')
            (0,approvers/* checkSelfApprovalActors */.uY)({
                forbidSelfApproval: command.request.signIn.forbidSelfApproval,
                actor: run.actor,
                actors: run.actors
            }, '; pass --actor NAME (or IDENTITY_CENTER_LOGIN_ACTOR) with the CI user who started the job');
    }
    catch (error) {
        return fail(error);
    }
    const notifyAsked = args.get('notify').trim() !== '';
    const outcome = await (0,run_sign_in/* runSignIn */.A)(command, {
        run,
        paths: (0,paths/* awsPaths */.UW)(env),
        env,
        log: stderrLogger,
        mask: () => { },
        watchPid: args.watchPid ?? defaultWatchPid(),
        // The CLI has no post step: its sign-in lasts until the token expires or `--sign-out` (unless sign-out-early).
        hasPostStep: false,
        channels: (request, ctx) => {
            // Outside GitHub there is no job summary or pull request: only the log (stderr) and the webhook apply.
            const channels = request.notify.channels.filter((c) => c === 'webhook');
            const githubOnly = request.notify.channels.filter((c) => c !== 'webhook');
            if (notifyAsked && githubOnly.length) {
                stderrLogger.warning(`--notify ${githubOnly.join(', ')}: GitHub Actions channels, not available in the CLI; approvers get the link on stderr${channels.length ? ' and the webhook' : ' (add webhook with --webhook-url to notify them elsewhere)'}`);
            }
            const notifiers = (0,notify/* createNotifiers */.im)(channels, {
                ctx,
                logger: stderrLogger,
                env,
                webhookUrl: request.notify.webhookUrl
            });
            return new queue/* EventQueue */.C(notifiers, stderrLogger);
        },
        deliver: async (request, result, sealed, record) => {
            // The record first: when it cannot be written, no credentials go out.
            if (args.approvalRecord)
                await (0,approval_record/* writeApprovalRecord */.Ye)(args.approvalRecord, record);
            const text = renderCredentials(args.format, request, result, sealed);
            if (args.outputFile)
                await writeOutputFile(args.outputFile, text);
            else
                process.stdout.write(text);
        }
    });
    switch (outcome.kind) {
        case 'refused':
            return fail(outcome.error);
        case 'ended':
            return outcome.signedOut ? EXIT_CODES.ok : EXIT_CODES.failure;
        case 'cancelled':
        case 'stopped':
            process.stderr.write(`identity-center-login: the login was cancelled (${outcome.kind === 'cancelled' ? outcome.signal : 'signal'}) before it finished\n`);
            return EXIT_CODES.cancelled;
        case 'failed':
            process.stderr.write(`identity-center-login: ${(0,core_outcome/* failureMessage */.o)(outcome.error)}\n`);
            return exitCodeFor(outcome.error);
        case 'signed-in':
            // A profile that failed without allow-partial already ended the login (ProfilesFailedError): here it is partial.
            return EXIT_CODES.ok;
    }
}
/**
 * The process whose end stops a --credential-server: the parent (the CI step's shell); when the parent is npm's
 * launcher (`npx identity-center-login …`, which exits with the CLI), its own parent (Linux: /proc).
 */
function defaultWatchPid(ppid = process.ppid) {
    if (process.platform !== 'linux')
        return ppid;
    try {
        const cmdline = (0,external_node_fs_.readFileSync)(`/proc/${ppid}/cmdline`, 'utf8');
        if (!/(^|[/\0])(npx|npm)(-cli\.js)?(\0|\s|$)/.test(cmdline))
            return ppid;
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${ppid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent > 1 ? parent : ppid;
    }
    catch {
        return ppid;
    }
}
function exitCodeFor(error) {
    if (error instanceof rules/* InputError */.dz)
        return EXIT_CODES.badInput;
    if (error instanceof device_flow/* DeviceFlowError */.Bt)
        return {
            denied: EXIT_CODES.denied,
            expired: EXIT_CODES.expired,
            cancelled: EXIT_CODES.cancelled
        }[error.outcome];
    if (error instanceof login/* ApproverRejectedError */.Ej)
        return EXIT_CODES.rejected;
    if (error instanceof credentials/* CredentialsError */.lE && error.kind === 'mismatch')
        return EXIT_CODES.rejected;
    if (error instanceof allowed_accounts/* AccountNotAllowedError */.TQ)
        return EXIT_CODES.rejected;
    return EXIT_CODES.failure;
}
/** The primary profile's credentials and the outputs, in the requested format. */
function renderCredentials(format, request, result, sealedSignIn) {
    const { credentials, identity } = (0,login/* jobRole */.CW)(result);
    const server = result.server;
    const fullUri = server
        ? `${server.url}/role/${encodeURIComponent(server.primary)}`
        : undefined;
    // credential-server: the endpoint, never keys (keys in the environment would win over it).
    const access = server
        ? {
            AWS_CONTAINER_CREDENTIALS_FULL_URI: fullUri,
            AWS_CONTAINER_AUTHORIZATION_TOKEN: server.authToken
        }
        : {
            AWS_ACCESS_KEY_ID: credentials.accessKeyId,
            AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
            AWS_SESSION_TOKEN: credentials.sessionToken
        };
    const vars = {
        ...access,
        AWS_REGION: request.target.region,
        AWS_DEFAULT_REGION: request.target.region,
        ...(server
            ? {}
            : { AWS_CREDENTIAL_EXPIRATION: credentials.expiration.toISOString() }),
        AWS_PROFILE_NAME: request.profiles.profile,
        AWS_ACCOUNT_ID: identity.account,
        AWS_APPROVED_BY: result.approvedBy,
        // share-session: the sealed sign-in, under the name --session reads from the environment (a GitLab dotenv report passes it on).
        ...(sealedSignIn ? { IDENTITY_CENTER_LOGIN_SESSION: sealedSignIn } : {})
    };
    if (format === 'json') {
        return `${JSON.stringify({
            ...(server
                ? {
                    credentialServer: {
                        fullUri,
                        authorizationToken: server.authToken,
                        pid: server.pid,
                        serverFile: server.file
                    }
                }
                : {
                    credentials: {
                        accessKeyId: credentials.accessKeyId,
                        secretAccessKey: credentials.secretAccessKey,
                        sessionToken: credentials.sessionToken,
                        expiration: credentials.expiration.toISOString()
                    }
                }),
            region: request.target.region,
            profile: request.profiles.profile,
            accountId: identity.account,
            arn: identity.arn,
            userId: identity.userId,
            approvedBy: result.approvedBy,
            ...(sealedSignIn ? { session: sealedSignIn } : {}),
            profiles: result.extra.map((p) => ({
                profile: p.profile.name,
                accountId: p.profile.accountId,
                roleName: p.profile.roleName,
                verified: !!p.identity,
                arn: p.identity?.arn,
                error: p.error
            }))
        }, null, 2)}\n`;
    }
    if (format === 'dotenv')
        return Object.entries(vars)
            .map(([k, v]) => `${k}=${v}\n`)
            .join('');
    return Object.entries(vars)
        .map(([k, v]) => `export ${k}=${shellQuote(v)}\n`)
        .join('');
}
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/**
 * The user who triggered the run, from whichever CI's variable is present. Not `USER`: on a CI agent that is the
 * service account (gitlab-runner, jenkins), and comparing approvers with it would make forbid-self-approval a no-op.
 */
function ciActor(env) {
    return [
        'GITHUB_TRIGGERING_ACTOR',
        'GITHUB_ACTOR',
        'GITLAB_USER_LOGIN',
        'BUILDKITE_BUILD_CREATOR_EMAIL',
        'CIRCLE_USERNAME',
        'BUILD_USER_ID'
    ]
        .map((n) => env[n]?.trim())
        .find((v) => v);
}
/** The run, from whichever CI's variables are present, read once; `actor`: --actor (else the CI's variable). */
function ciRunContext(env, given = {}) {
    const first = (...names) => names.map((n) => env[n]).find((v) => v);
    const run = {
        repository: first('GITHUB_REPOSITORY', 'CI_PROJECT_PATH', 'BUILDKITE_PIPELINE_SLUG', 'CIRCLE_PROJECT_REPONAME', 'JOB_NAME'),
        workflow: first('GITHUB_WORKFLOW', 'CI_PIPELINE_NAME', 'BUILDKITE_PIPELINE_NAME', 'CIRCLE_WORKFLOW_ID'),
        job: first('GITHUB_JOB', 'CI_JOB_NAME', 'BUILDKITE_LABEL', 'CIRCLE_JOB', 'STAGE_NAME'),
        runUrl: first('CI_JOB_URL', 'BUILD_URL', 'BUILDKITE_BUILD_URL', 'CIRCLE_BUILD_URL'),
        actor: given.actor ?? ciActor(env),
        event: first('GITHUB_EVENT_NAME', 'CI_PIPELINE_SOURCE', 'BUILDKITE_SOURCE'),
        ref: first('GITHUB_REF_NAME', 'CI_COMMIT_REF_NAME', 'BUILDKITE_BRANCH', 'CIRCLE_BRANCH', 'GIT_BRANCH', 'BRANCH_NAME'),
        sha: first('GITHUB_SHA', 'CI_COMMIT_SHA', 'BUILDKITE_COMMIT', 'CIRCLE_SHA1', 'GIT_COMMIT'),
        ...(0,run_context/* commonRunContext */.C6)(env, given.explicitRunId)
    };
    return { ...run, record: ciRecordRun(env, run, given.actor) };
}


/***/ }),

/***/ 936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportLines: () => (/* binding */ reportLines),
  stopJobServer: () => (/* binding */ stopJobServer)
});

// EXTERNAL MODULE: ./src/credential-server/client.ts
var client = __webpack_require__(9088);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/credential-server/listener.ts
/**
 * Which process listens on a loopback TCP port (Linux: /proc/net/tcp and /proc/<pid>/fd), so that a server that did
 * not close its port is killed only when it really is the process listening there. Elsewhere: unknown (undefined).
 */

/** The socket inodes listening on `port` (IPv4 and IPv6 tables). */
function listeningInodes(port) {
    const inodes = new Set();
    const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(table, 'utf8');
        }
        catch {
            continue;
        }
        for (const line of text.split('\n').slice(1)) {
            const f = line.trim().split(/\s+/);
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            if (f.length < 10)
                continue;
            if (f[1].split(':')[1] === hexPort && f[3] === '0A')
                inodes.add(f[9]);
        }
    }
    return inodes;
}
/** The pid of the process listening on 127.0.0.1:`port`, when it can be found (Linux, a process of this user). */
function pidListeningOn(port) {
    if (process.platform !== 'linux')
        return undefined;
    const inodes = listeningInodes(port);
    if (inodes.size === 0)
        return undefined;
    for (const entry of (0,external_node_fs_.readdirSync)('/proc')) {
        if (!/^\d+$/.test(entry))
            continue;
        let fds;
        try {
            fds = (0,external_node_fs_.readdirSync)(`/proc/${entry}/fd`);
        }
        catch {
            continue;
        }
        for (const fd of fds) {
            try {
                const m = /^socket:\[(\d+)\]$/.exec((0,external_node_fs_.readlinkSync)(`/proc/${entry}/fd/${fd}`));
                if (m && inodes.has(m[1]))
                    return Number(entry);
            }
            catch {
                // gone meanwhile
            }
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/util/process.ts
var util_process = __webpack_require__(2017);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/aws-files/atomic.ts
var atomic = __webpack_require__(5262);
;// CONCATENATED MODULE: ./src/core/stop-server.ts






/** The server's report as log lines: requests and refreshes per profile, errors, when and why the session ended. */
function reportLines(r) {
    const lines = [
        `Credential server report (pid ${r.pid}, port ${r.port}, started ${r.startedAt}):`
    ];
    for (const p of r.profiles) {
        const role = p.chainedRoleArn ?? `${p.accountId}/${p.roleName}`;
        lines.push(`  profile ${p.profile} (${role}): ${p.requests} request(s), ${p.served} served, ${p.upstreamFetches} upstream fetch(es), ${p.errors} error(s)` +
            (p.lastError
                ? `; last error at ${p.lastError.at}: ${p.lastError.code}: ${p.lastError.message}`
                : ''));
    }
    const s = r.sso;
    lines.push(`  SSO access token: ${s.refreshes} refresh(es), ${s.refreshFailures} failed; ${s.refreshable ? 'refreshable' : 'not refreshable'}; the last one expires ${s.tokenExpiresAt}` +
        (s.lastRefreshError
            ? `; last refresh error at ${s.lastRefreshError.at}: ${s.lastRefreshError.message}`
            : ''));
    const refused = Object.entries(r.refused).filter(([, n]) => n > 0);
    lines.push(`  refused requests: ${refused.length ? refused.map(([k, n]) => `${k} ${n}`).join(', ') : 'none'}`);
    if (r.signInEnded)
        lines.push(`  the sign-in ended at ${r.signInEnded.at} (${r.signInEnded.code}): ${r.signInEnded.message}`);
    if (r.stopped)
        lines.push(`  stopped at ${r.stopped.at} (${r.stopped.reason}); ${r.stopped.signedOut ? 'signed out of IAM Identity Center (SSO Logout)' : 'not signed out'}`);
    return lines;
}
/** How long the sign-in the server held stays usable by itself, for a server that could not be signed out. */
function untilWhen(record) {
    return record.refreshable
        ? `its access token stays valid until ${record.tokenExpiresAt} at the latest (unless the server refreshed it, in which case until its refreshed token expires, about as long again), or until an administrator ends the session`
        : `its access token stays valid until ${record.tokenExpiresAt}, or until an administrator ends the session`;
}
async function stopJobServer(record, log, removeRoot) {
    let ok = true;
    if (record.pid === undefined || record.port === undefined) {
        log.info('The main step stopped before the credential server was ready: no server was left running.');
    }
    else {
        const address = { port: record.port, authToken: record.authToken };
        try {
            const { report, portClosed: closed } = await (0,client/* stopCredentialServer */.nQ)(address);
            for (const line of reportLines(report))
                log.info(line);
            if (closed)
                log.info(`Port ${record.port} closed: the credential server (pid ${record.pid}) has exited.`);
            else
                ok = killIfListening(record, log) && ok;
        }
        catch (error) {
            const gone = !(0,util_process/* isAlive */._)(record.pid) || (await (0,client/* portClosed */.E8)(record.port));
            if (gone) {
                log.warning(`The credential server (pid ${record.pid}, port ${record.port}) was no longer running when the post step came (killed, or the runner ended it): its sign-in lived only in its memory, so the post step could not sign it out; ${untilWhen(record)}. Role credentials it served stay valid until they expire. Removing the files the main step wrote.`);
            }
            else {
                log.warning(`The credential server on port ${record.port} did not stop on request: ${error.message}`);
                ok = killIfListening(record, log) && ok;
            }
        }
    }
    try {
        const removed = await (0,atomic/* removeIfExists */.GR)(record.file, removeRoot ? { root: removeRoot } : {});
        log.info(removed
            ? `Server file ${record.file} removed.`
            : `Server file ${record.file}: not there (never written, or removed already).`);
        // Its folder (~/.aws/identity-center-login) goes too when nothing else is in it (another sso-session's server file).
        await (0,promises_.rmdir)(external_node_path_default().dirname(record.file)).catch(() => undefined);
    }
    catch (error) {
        ok = false;
        log.warning(`Could not remove the server file ${record.file}: ${error.message}`);
    }
    return ok;
}
/** Kill the recorded pid only if it is the process listening on the recorded port; true when the port is closed after. */
function killIfListening(record, log) {
    const listener = pidListeningOn(record.port);
    if (listener !== record.pid) {
        log.warning(`Port ${record.port} is still open, but ${listener === undefined ? 'its process could not be identified' : `pid ${listener} listens there, not the server's pid ${record.pid}`}: nothing was killed.`);
        return false;
    }
    try {
        process.kill(record.pid, 'SIGKILL');
        log.info(`Port ${record.port} stayed open: killed the credential server (pid ${record.pid}), the process listening there.`);
        return true;
    }
    catch (error) {
        log.warning(`Could not kill the credential server (pid ${record.pid}): ${error.message}`);
        return false;
    }
}


/***/ })

};
