export const id = 238;
export const ids = [238,586];
export const modules = {

/***/ 4683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UW: () => (/* binding */ awsPaths)
/* harmony export */ });
/* unused harmony exports expandVars, expandUser */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Where the AWS CLI v2 (botocore) and the JS SDK v3 look for the shared config file and the
 * IAM Identity Center token cache.
 *
 * - Config file: `AWS_CONFIG_FILE` (botocore runs `os.path.expandvars` then `os.path.expanduser`
 *   on it), else `~/.aws/config`.
 * - Shared credentials file: `AWS_SHARED_CREDENTIALS_FILE` (same expansion), else `~/.aws/credentials`.
 * - Token cache: `~/.aws/sso/cache`, always from the home directory: no variable moves it.
 */


/** Python's `os.path.expandvars`: `$NAME` and `${NAME}` (plus `%NAME%` on Windows); unknown variables stay as written. */
function expandVars(value, env = process.env, platform = process.platform) {
    if (!value.includes('$') && !(platform === 'win32' && value.includes('%')))
        return value;
    let out = value.replace(/\$(\w+|\{[^}]*\})/g, (whole, name) => {
        const key = name.startsWith('{') ? name.slice(1, -1) : name;
        const found = lookup(env, key, platform);
        return found === undefined ? whole : found;
    });
    if (platform === 'win32') {
        out = out.replace(/%([^%]+)%/g, (whole, name) => lookup(env, name, platform) ?? whole);
    }
    return out;
}
function lookup(env, key, platform) {
    if (platform !== 'win32')
        return env[key];
    // Windows environment variable names are case-insensitive.
    const wanted = key.toUpperCase();
    for (const [k, v] of Object.entries(env))
        if (k.toUpperCase() === wanted)
            return v;
    return undefined;
}
/**
 * Python's `os.path.expanduser` for the current user: `~` alone or `~/…` (`~\…` on Windows).
 * `~otheruser/…` is left unchanged (we cannot look other users up portably).
 */
function expandUser(value, home, platform = process.platform) {
    if (value === '~')
        return home;
    const seps = platform === 'win32' ? ['/', '\\'] : ['/'];
    if (value.startsWith('~') && seps.includes(value[1] ?? '')) {
        return pathFor(platform).join(home, value.slice(2));
    }
    return value;
}
function pathFor(platform) {
    return platform === 'win32' ? (node_path__WEBPACK_IMPORTED_MODULE_1___default().win32) : (node_path__WEBPACK_IMPORTED_MODULE_1___default().posix);
}
/**
 * The paths the AWS CLI v2 uses.
 * @param env environment (reads `AWS_CONFIG_FILE`)
 * @param home home directory (`os.homedir()`, i.e. `$HOME` / `%USERPROFILE%`)
 * @param platform only for tests: which path flavour to use
 */
function awsPaths(env = process.env, home = node_os__WEBPACK_IMPORTED_MODULE_0___default().homedir(), platform = process.platform) {
    const p = pathFor(platform);
    const awsDir = p.join(home, '.aws');
    const ssoCacheDir = p.join(awsDir, 'sso', 'cache');
    const fromEnv = (name, fallback) => {
        const raw = env[name];
        return raw === undefined || raw === ''
            ? p.join(awsDir, fallback)
            : p.resolve(expandUser(expandVars(raw, env, platform), home, platform));
    };
    return {
        configFile: fromEnv('AWS_CONFIG_FILE', 'config'),
        credentialsFile: fromEnv('AWS_SHARED_CREDENTIALS_FILE', 'credentials'),
        ssoCacheDir,
        awsDir
    };
}


/***/ }),

/***/ 6830:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KN: () => (/* binding */ renderProcessProfileSection),
/* harmony export */   Um: () => (/* binding */ pathWord)
/* harmony export */ });
/* unused harmony export commandLine */
/* harmony import */ var _config_render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7386);
/* harmony import */ var _credentials_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4408);
/**
 * A profile whose credentials come from a command (`credential_process`): the credential server's profiles. The
 * config gets `[profile NAME]` with credential_process, region and output only: no sso_* key, no secret.
 *
 * A path with a space or another character a shell reads is written in double quotes, which botocore (shlex) and the
 * shells the JS and Go SDKs run it with read back as one word; a path that holds a quote, `$`, a backquote, a
 * backslash or a line break is refused. The value never opens with a quote: the AWS SDKs for Go (v1 and v2) read such
 * a value as one quoted string and drop everything after its closing quote, so a program path that needs quotes is
 * run through `/usr/bin/env`.
 */


const UNSAFE_IN_QUOTES = /["$`\\\r\n\t]/;
/** A word every shell and shlex read as itself, without quotes. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** A path as one word of the command: bare when it is a plain word, else in double quotes. */
function pathWord(text) {
    return PLAIN_WORD.test(text) ? text : `"${text}"`;
}
/** One command line from its parts; a path is double-quoted only when it needs it, and never first. */
function commandLine(parts) {
    const words = parts.map(({ text, quote }) => {
        if (text === '' || UNSAFE_IN_QUOTES.test(text))
            throw new Error(`invalid credential_process part ${JSON.stringify(text)}: must be non-empty, without " $ \` \\ or line breaks`);
        if (quote)
            return pathWord(text);
        (0,_config_render_js__WEBPACK_IMPORTED_MODULE_1__/* .validateValue */ .q0)('credential_process', text);
        return text;
    });
    if (words[0]?.startsWith('"'))
        words.unshift('/usr/bin/env');
    return words.join(' ');
}
/** `[profile NAME]` with credential_process (+ region, output). */
function renderProcessProfileSection(profile) {
    (0,_config_render_js__WEBPACK_IMPORTED_MODULE_1__/* .validateName */ .yS)('profile', profile.name);
    return (0,_credentials_file_js__WEBPACK_IMPORTED_MODULE_0__/* .renderProfileSection */ .Rq)(profile, [
        `credential_process = ${commandLine(profile.command)}`
    ]);
}


/***/ }),

/***/ 2552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ OidcError)
/* harmony export */ });
/**
 * The SSO OIDC values and answers as the rest of the code sees them: a client registration, a device authorization, an
 * SSO token, the RFC 8628 error codes, and the API the device flow drives. Owned by this layer so that nothing in
 * src/aws or src/aws-files imports from src/core.
 */
class OidcError extends Error {
    code;
    fault;
    constructor(code, message, 
    /** For `transient`: what went wrong, for the log ("server error (InternalServerException (HTTP 500))"). */
    fault) {
        super(message);
        this.code = code;
        this.fault = fault;
        this.name = 'OidcError';
    }
}


/***/ }),

/***/ 3812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ sdkOidcApi),
/* harmony export */   YZ: () => (/* binding */ refreshSsoToken)
/* harmony export */ });
/* unused harmony exports DEVICE_CODE_GRANT, toOidcError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/* harmony import */ var _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2552);



const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const CODES = {
    AuthorizationPendingException: 'authorization_pending',
    SlowDownException: 'slow_down',
    AccessDeniedException: 'access_denied',
    ExpiredTokenException: 'expired_token',
    InvalidClientException: 'invalid_client',
    InvalidGrantException: 'invalid_grant'
};
/**
 * Rethrows SDK errors as OidcError, keeping only the error name and status: SDK errors carry the request.
 * A fault worth trying again (5xx, throttling, reset, timeout) becomes `transient`, with its kind.
 */
function toOidcError(error, operation) {
    const message = `SSO OIDC ${operation} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .P)(error)}`;
    const code = CODES[error?.name ?? ''];
    if (code)
        return new _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u(code, message);
    const fault = (0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFault */ .Qx)(error);
    return fault
        ? new _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u('transient', message, fault)
        : new _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u('other', message);
}
/**
 * `mask` is called with every secret the service returns, before the value is used for anything else.
 * `pollingClient` serves the device-code polls: it should make one attempt per call (the flow paces its own retries).
 */
function sdkOidcApi(client, mask = () => { }, pollingClient = client) {
    const sdk = Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(861), __webpack_require__.e(260)]).then(__webpack_require__.t.bind(__webpack_require__, 9260, 19));
    return {
        async registerClient(clientName, scopes) {
            const { RegisterClientCommand } = await sdk;
            try {
                const out = await (await client()).send(new RegisterClientCommand({
                    clientName,
                    clientType: 'public',
                    scopes
                }));
                if (out.clientSecret)
                    mask(out.clientSecret);
                return {
                    clientId: required(out.clientId, 'clientId'),
                    clientSecret: required(out.clientSecret, 'clientSecret'),
                    expiresAt: new Date((out.clientSecretExpiresAt ?? 0) * 1000),
                    scopes
                };
            }
            catch (error) {
                throw error instanceof _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u
                    ? error
                    : toOidcError(error, 'RegisterClient');
            }
        },
        async startDeviceAuthorization(registration, startUrl) {
            const { StartDeviceAuthorizationCommand } = await sdk;
            try {
                const out = await (await client()).send(new StartDeviceAuthorizationCommand({
                    clientId: registration.clientId,
                    clientSecret: registration.clientSecret,
                    startUrl
                }));
                if (out.deviceCode)
                    mask(out.deviceCode);
                return {
                    deviceCode: required(out.deviceCode, 'deviceCode'),
                    userCode: required(out.userCode, 'userCode'),
                    verificationUri: required(out.verificationUri, 'verificationUri'),
                    verificationUriComplete: out.verificationUriComplete ?? out.verificationUri,
                    expiresIn: out.expiresIn ?? 600,
                    interval: out.interval
                };
            }
            catch (error) {
                throw error instanceof _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u
                    ? error
                    : toOidcError(error, 'StartDeviceAuthorization');
            }
        },
        async createToken(registration, deviceCode) {
            const { CreateTokenCommand } = await sdk;
            try {
                const out = await (await pollingClient()).send(new CreateTokenCommand({
                    clientId: registration.clientId,
                    clientSecret: registration.clientSecret,
                    grantType: DEVICE_CODE_GRANT,
                    deviceCode
                }));
                return tokenFrom(out, mask);
            }
            catch (error) {
                throw error instanceof _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u
                    ? error
                    : toOidcError(error, 'CreateToken');
            }
        }
    };
}
/** CreateToken with grant type refresh_token: the service rotates the refresh token. */
async function refreshSsoToken(client, registration, refreshToken, mask) {
    const { CreateTokenCommand } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(861), __webpack_require__.e(260)]).then(__webpack_require__.t.bind(__webpack_require__, 9260, 19));
    try {
        const out = await client.send(new CreateTokenCommand({
            clientId: registration.clientId,
            clientSecret: registration.clientSecret,
            grantType: 'refresh_token',
            refreshToken
        }));
        return tokenFrom(out, mask);
    }
    catch (error) {
        throw error instanceof _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u
            ? error
            : toOidcError(error, 'CreateToken (refresh)');
    }
}
function tokenFrom(out, mask) {
    if (out.accessToken)
        mask(out.accessToken);
    if (out.refreshToken)
        mask(out.refreshToken);
    return {
        accessToken: required(out.accessToken, 'accessToken'),
        expiresAt: new Date(Date.now() + (out.expiresIn ?? 0) * 1000),
        ...(out.refreshToken ? { refreshToken: out.refreshToken } : {})
    };
}
function required(value, field) {
    if (value === undefined || value === null || value === '')
        throw new _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u('other', `SSO OIDC returned no ${field}`);
    return value;
}


/***/ }),

/***/ 76:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TQ: () => (/* binding */ AccountNotAllowedError),
/* harmony export */   YF: () => (/* binding */ accountAllowed),
/* harmony export */   qr: () => (/* binding */ assertAccountAllowed)
/* harmony export */ });
/** allowed-account-ids: the one check every verified identity of a login goes through (primary, profiles, discover, chained). */
/**
 * A verified identity is in an account the request does not allow; nothing was written or exported. `revoked`: the
 * sign-in was signed out (a device flow of this run); otherwise `notRevoked` says why it was not.
 */
class AccountNotAllowedError extends Error {
    accountId;
    what;
    allowed;
    revoked;
    notRevoked;
    constructor(accountId, 
    /** What the identity was for: `profile "x"`, `the chained role arn:…`. */
    what, allowed, revoked = true, notRevoked) {
        super(`${what} is in account ${accountId}, which is not in allowed-account-ids (${allowed.join(', ')}); ` +
            (revoked
                ? 'the SSO session was revoked and nothing was written or exported.'
                : `the sign-in was NOT signed out: ${notRevoked}; nothing was written or exported.`));
        this.accountId = accountId;
        this.what = what;
        this.allowed = allowed;
        this.revoked = revoked;
        this.notRevoked = notRevoked;
        this.name = 'AccountNotAllowedError';
    }
}
/** Whether `accountId` is allowed: always when the request sets no allowed-account-ids. */
function accountAllowed(accountId, allowed) {
    return !allowed || allowed.length === 0 || allowed.includes(accountId);
}
/**
 * Throw {@link AccountNotAllowedError} unless the verified identity's account is allowed. Call it on the account that
 * GetCallerIdentity answered (not the one asked for): it is the account the credentials really reach.
 */
function assertAccountAllowed(identity, allowed, what) {
    if (!accountAllowed(identity.account, allowed))
        throw new AccountNotAllowedError(identity.account, what, allowed ?? []);
}


/***/ }),

/***/ 8027:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ib: () => (/* binding */ approvedLine),
/* harmony export */   aH: () => (/* binding */ notCountedLine),
/* harmony export */   aY: () => (/* binding */ INITIAL_APPROVALS),
/* harmony export */   kz: () => (/* binding */ approverList),
/* harmony export */   qB: () => (/* binding */ progress),
/* harmony export */   yP: () => (/* binding */ collectApproval)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_UNCOUNTED, samePerson */
/* harmony import */ var _approvers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2421);
/* harmony import */ var _inputs_rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8190);
/**
 * required-approvals (the two-person rule): which approvals count. Pure: each approval arrives as what its
 * own sign-in proved (the user name AWS gave the role session, or that the approver cannot use the requested role),
 * and the collector answers whether it counts, does not count (the same person again, or no access to the role), ends
 * the login (an approver the policy refuses, or too many approvals that did not count), or completes the quorum.
 * The loop that runs device authorizations, proves each sign-in and signs the extra ones out is login.ts's (see
 * docs/required-approvals-design.md); this decides and words, and does nothing else.
 */


/** Approvals that did not count (duplicates, no access) after which the login fails rather than ask again. */
const DEFAULT_MAX_UNCOUNTED = 3;
const INITIAL_APPROVALS = Object.freeze({
    approvers: Object.freeze([]),
    uncounted: 0,
    status: 'collecting'
});
/**
 * Two names are the same person when they match ignoring case, or their parts before `@` do (`alice` and
 * `Alice@example.com`): the rule errs on the side of asking for another approver, as forbid-self-approval does.
 */
function samePerson(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x === y || x.split('@')[0] === y.split('@')[0];
}
/** The next state and the verdict on one approval. Throws when the collection is already over (a caller bug). */
function collectApproval(state, proof, policy) {
    if (state.status !== 'collecting')
        throw new Error(`the approvals are already ${state.status}`);
    const problem = (0,_inputs_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .requiredApprovalsProblem */ .ne)(policy.required);
    if (problem)
        throw new Error(`required-approvals ${problem}`);
    const max = policy.maxUncounted ?? DEFAULT_MAX_UNCOUNTED;
    const notCounted = (verdict) => {
        const uncounted = state.uncounted + 1;
        if (uncounted > max)
            return {
                state: { ...state, uncounted, status: 'failed' },
                verdict: {
                    kind: 'failed',
                    reason: `${uncounted} approvals did not count (${max} allowed): ${progress(state, policy)}`
                }
            };
        return { state: { ...state, uncounted }, verdict };
    };
    if (proof.kind === 'no-access')
        return notCounted({ kind: 'no-access' });
    const name = proof.name;
    // An approver the policy refuses ends the login, as with one approver (the sign-in is revoked, nothing written).
    const rejection = (0,_approvers_js__WEBPACK_IMPORTED_MODULE_0__/* .approverRejection */ .X6)(name, policy);
    if (rejection)
        return {
            state: { ...state, status: 'failed' },
            verdict: { kind: 'failed', reason: rejection, approvedBy: name }
        };
    if (state.approvers.some((a) => samePerson(a.name, name)))
        return notCounted({ kind: 'duplicate', name });
    const approver = { name, at: proof.at };
    const approvers = [...state.approvers, approver];
    const done = approvers.length >= policy.required;
    return {
        state: { ...state, approvers, status: done ? 'done' : 'collecting' },
        verdict: { kind: 'counted', approver, done }
    };
}
const utc = (d) => Number.isNaN(d.getTime())
    ? 'unknown time'
    : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
/** `alice (at 2026-12-04 10:00:00 UTC), bob (at …)`. */
function approverList(approvers) {
    return approvers.map((a) => `${a.name} (at ${utc(a.at)})`).join(', ');
}
/**
 * The progress line every channel shows: "1 of 2 approvals: alice (at …); waiting for another approver"; when done,
 * "2 of 2 approvals: alice (at …), bob (at …)". Names are as AWS gave them: channels escape them as any value.
 */
function progress(state, policy) {
    const n = state.approvers.length;
    const head = `${n} of ${policy.required} approval${policy.required === 1 ? '' : 's'}`;
    const who = n ? `: ${approverList(state.approvers)}` : '';
    if (state.status === 'done' || n >= policy.required)
        return `${head}${who}`;
    const waiting = n ? 'waiting for another approver' : 'waiting for an approver';
    return `${head}${who}; ${waiting}`;
}
/** The line for an approval that did not count, with what is still needed. */
function notCountedLine(verdict, state, policy) {
    const why = verdict.kind === 'duplicate'
        ? `${verdict.name} approved again, which does not count: each approval must come from a different person`
        : `An approval came from someone who cannot use ${policy.roleName} in account ${policy.accountId} (AWS names no one for such a sign-in), which does not count`;
    return `${why}; that sign-in was signed out. ${progress(state, policy)}`;
}
/** The final line: who approved, and whose sign-in the job's credentials come from (the one that completed the quorum). */
function approvedLine(state) {
    const names = state.approvers.map((a) => a.name);
    const last = names[names.length - 1];
    if (names.length <= 1)
        return `Approved by ${last ?? 'nobody'}`;
    return `Approved by ${names.slice(0, -1).join(', ')} and ${last}; the job's credentials come from ${last}'s sign-in, the others' sign-ins were signed out once they were proven`;
}


/***/ }),

/***/ 938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qC: () => (/* binding */ CLIENT_NAME_BASE),
/* harmony export */   xA: () => (/* binding */ registeredClientName)
/* harmony export */ });
/* unused harmony export MAX_CLIENT_NAME_LENGTH */
/**
 * The name the OIDC client is registered with. AWS's own consent page shows it to the approver (text an attacker cannot
 * put on that page), so it says who is asking: `identity-center-login:<repository or CI project>`.
 */
const CLIENT_NAME_BASE = 'identity-center-login';
/**
 * The SSO OIDC model (botocore data/sso-oidc, RegisterClient.clientName: shape ClientName, a plain string) sets no
 * length or pattern; this keeps the name short enough to read on the consent page and to any sane server limit.
 */
const MAX_CLIENT_NAME_LENGTH = 128;
/**
 * `identity-center-login:owner/repo` (GitHub), `identity-center-login:group/project` (GitLab's CI_PROJECT_PATH, Jenkins'
 * JOB_NAME, …), or `identity-center-login` when there is no project. The project is reduced to letters, digits and
 * `. _ - / @ +` (anything else becomes `_`, runs collapse) and cut so the whole name fits MAX_CLIENT_NAME_LENGTH.
 */
function registeredClientName(project) {
    const cleaned = (project ?? '')
        .normalize('NFKC')
        .replace(/[^A-Za-z0-9._\-/@+]+/g, '_')
        .replace(/^[_./-]+|[_./-]+$/g, '');
    if (cleaned === '')
        return CLIENT_NAME_BASE;
    return `${CLIENT_NAME_BASE}:${cleaned}`.slice(0, MAX_CLIENT_NAME_LENGTH);
}


/***/ }),

/***/ 8618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ DeviceFlowError),
/* harmony export */   mW: () => (/* binding */ runDeviceFlow),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   uv: () => (/* reexport safe */ _aws_oidc_types_js__WEBPACK_IMPORTED_MODULE_0__.u)
/* harmony export */ });
/* unused harmony exports DEFAULT_INTERVAL_SECONDS, SLOW_DOWN_STEP_SECONDS, POLL_BACKOFF_CAP_SECONDS, MAX_CONSECUTIVE_POLL_FAILURES, registrationUsable, pollWait */
/* harmony import */ var _util_time_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6043);
/* harmony import */ var _aws_oidc_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2552);



const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => (0,_util_time_js__WEBPACK_IMPORTED_MODULE_1__/* .sleep */ .y)(ms, signal, cancelled)
};
class DeviceFlowError extends Error {
    outcome;
    waitedSeconds;
    constructor(outcome, message, waitedSeconds = 0) {
        super(message);
        this.outcome = outcome;
        this.waitedSeconds = waitedSeconds;
        this.name = 'DeviceFlowError';
    }
}
function cancelled(signal) {
    const reason = typeof signal.reason === 'string' ? ` (${signal.reason})` : '';
    return new DeviceFlowError('cancelled', `the login was cancelled${reason} before anyone approved it`);
}
const DEFAULT_INTERVAL_SECONDS = 5;
const SLOW_DOWN_STEP_SECONDS = 5;
/** After a failed poll the wait doubles (from the interval) up to this, RFC 8628 §3.5 "reduce polling frequency". */
const POLL_BACKOFF_CAP_SECONDS = 60;
/** This many failed polls in a row end the login. */
const MAX_CONSECUTIVE_POLL_FAILURES = 5;
/** A registration is reusable while it has at least this long left. */
const REGISTRATION_MARGIN_MS = 60 * 60 * 1000;
function registrationUsable(registration, scopes, now) {
    return (!!registration &&
        registration.expiresAt.getTime() - now > REGISTRATION_MARGIN_MS &&
        scopes.every((s) => registration.scopes.includes(s)));
}
/** Register (or reuse), start a device authorization, poll until approved; start fresh codes while approval-timeout allows. */
async function runDeviceFlow(options) {
    const { api, clock = systemClock, signal, emit = () => { } } = options;
    const startedAt = clock.now();
    let registration = options.registration &&
        registrationUsable(options.registration, options.scopes, startedAt)
        ? options.registration
        : await register();
    let reRegistered = false;
    let authorizations = 0;
    let polls = 0;
    async function register() {
        const made = {
            ...(await api.registerClient(options.clientName, options.scopes)),
            clientName: options.clientName
        };
        options.onRegistered?.(made);
        return made;
    }
    /** InvalidClient means the registration expired or was revoked: register again, once. */
    async function withFreshClientOnce(call) {
        try {
            return await call();
        }
        catch (error) {
            if (!(error instanceof _aws_oidc_types_js__WEBPACK_IMPORTED_MODULE_0__/* .OidcError */ .u && error.code === 'invalid_client') ||
                reRegistered)
                throw error;
            reRegistered = true;
            registration = await register();
            return call();
        }
    }
    let replaced;
    // The pace between polls. slow_down's penalty is for this client: it stays for the rest of the flow, fresh codes included.
    let intervalMs = 0;
    let failedPolls = 0;
    let lastFault;
    for (;;) {
        throwIfCancelled(signal);
        const authorization = await withFreshClientOnce(() => api.startDeviceAuthorization(registration, options.startUrl));
        authorizations++;
        const issuedAt = clock.now();
        const codeExpiresAt = issuedAt + authorization.expiresIn * 1000;
        const overallDeadline = options.approvalTimeoutSeconds !== undefined
            ? startedAt + options.approvalTimeoutSeconds * 1000
            : codeExpiresAt;
        const stopAt = Math.min(codeExpiresAt, overallDeadline);
        emit({
            type: 'started',
            userCode: authorization.userCode,
            verificationUri: authorization.verificationUriComplete || authorization.verificationUri,
            expiresAt: new Date(codeExpiresAt),
            attempt: authorizations,
            ...(registration.clientName
                ? { clientName: registration.clientName }
                : {}),
            ...(replaced ? { replaced } : {})
        });
        const serviceIntervalMs = (authorization.interval && authorization.interval > 0
            ? authorization.interval
            : DEFAULT_INTERVAL_SECONDS) * 1000;
        intervalMs = Math.max(intervalMs, serviceIntervalMs);
        failedPolls = 0;
        let codeExpired = false;
        let restart = false;
        for (;;) {
            // Never poll faster than the interval (longer after failed polls): wait first, and stop once the code (or the overall budget) is spent.
            const waitMs = pollWait(intervalMs, failedPolls);
            if (clock.now() + waitMs > stopAt) {
                const left = stopAt - clock.now();
                if (left > 0)
                    await clock.sleep(left, signal);
                codeExpired = true;
                break;
            }
            await clock.sleep(waitMs, signal);
            polls++;
            try {
                const token = await api.createToken(registration, authorization.deviceCode);
                return { token, registration, authorizations, polls };
            }
            catch (error) {
                if (!(error instanceof _aws_oidc_types_js__WEBPACK_IMPORTED_MODULE_0__/* .OidcError */ .u))
                    throw error;
                if (error.code === 'transient') {
                    failedPolls++;
                    lastFault = error.fault ?? error.message;
                    if (failedPolls >= MAX_CONSECUTIVE_POLL_FAILURES) {
                        throw new _aws_oidc_types_js__WEBPACK_IMPORTED_MODULE_0__/* .OidcError */ .u('transient', `${error.message}; ${failedPolls} polls in a row failed, giving up`, error.fault);
                    }
                    options.onPollRetry?.(`SSO OIDC CreateToken: ${lastFault} on poll ${polls}; polling again in ${(0,_util_time_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(Math.round(pollWait(intervalMs, failedPolls) / 1000))} ` +
                        `(${failedPolls} of ${MAX_CONSECUTIVE_POLL_FAILURES} failed polls in a row allowed)`);
                    continue;
                }
                // Any answer from the service ends a run of failures.
                failedPolls = 0;
                switch (error.code) {
                    case 'authorization_pending':
                        emit({
                            type: 'waiting',
                            secondsLeft: Math.max(0, Math.round((stopAt - clock.now()) / 1000))
                        });
                        continue;
                    case 'slow_down':
                        intervalMs += SLOW_DOWN_STEP_SECONDS * 1000;
                        continue;
                    case 'access_denied':
                        throw new DeviceFlowError('denied', 'the approver denied the request', waited());
                    case 'expired_token':
                        codeExpired = true;
                        break;
                    case 'invalid_client':
                        // The registration was revoked or expired mid-flow: the device code is bound to it, so start over once.
                        if (reRegistered)
                            throw error;
                        reRegistered = true;
                        registration = await register();
                        restart = true;
                        break;
                    default:
                        throw error;
                }
            }
            if (codeExpired || restart)
                break;
        }
        if (restart) {
            replaced = 'client-renewed';
            continue;
        }
        const mayReissue = options.approvalTimeoutSeconds !== undefined;
        if (codeExpired &&
            mayReissue &&
            clock.now() + intervalMs <= overallDeadline) {
            replaced = 'expired';
            continue;
        }
        const seconds = waited();
        throw new DeviceFlowError('expired', `the code expired before anyone approved it (waited ${(0,_util_time_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(seconds)}${authorizations > 1 ? ` over ${authorizations} codes` : ''})` +
            (failedPolls
                ? `; the last ${failedPolls} poll(s) failed: ${lastFault}`
                : ''), seconds);
    }
    function waited() {
        return Math.round((clock.now() - startedAt) / 1000);
    }
}
/** The wait before the next poll: the interval, doubled per failed poll in a row, capped (never below the interval). */
function pollWait(intervalMs, failedPolls) {
    if (failedPolls <= 0)
        return intervalMs;
    return Math.max(intervalMs, Math.min(POLL_BACKOFF_CAP_SECONDS * 1000, intervalMs * 2 ** failedPolls));
}
function throwIfCancelled(signal) {
    if (signal?.aborted)
        throw cancelled(signal);
}


/***/ }),

/***/ 3166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ writeSignIn),
/* harmony export */   Q7: () => (/* binding */ tokenCacheEntry),
/* harmony export */   RV: () => (/* binding */ registrationKey),
/* harmony export */   bC: () => (/* binding */ filesPlace),
/* harmony export */   qi: () => (/* binding */ writeRoleKeys),
/* harmony export */   to: () => (/* binding */ writeJobFilesFor)
/* harmony export */ });
/* unused harmony exports filesPlan, writeCredentialProfiles */
/* harmony import */ var _aws_files_config_render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7386);
/* harmony import */ var _aws_files_process_profile_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6830);
/* harmony import */ var _aws_files_credentials_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4408);
/* harmony import */ var _aws_files_job_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6116);




/** Where the request's files go; `credentialsFile`: some profile may hold keys there (for the pre-flight check). */
function filesPlace(paths, request, credentialsFile = false) {
    return {
        paths,
        ssoSession: request.profiles.ssoSession,
        registrationKey: registrationKey(request),
        ...(request.profiles.legacySsoProfile
            ? { legacyStartUrl: request.target.startUrl }
            : {}),
        ...(credentialsFile ? { credentialsFile } : {})
    };
}
/**
 * The SSO profiles (`profiles`, `sso_session` + account + role), the `[sso-session]` section, the token cache and the
 * registration cache when `token` is given, and the profiles that hold role credentials themselves
 * (`options.credentialProfiles`). With `token` undefined nothing of the SSO sign-in is written (no token cache, no
 * registration cache, no sso-session section) and `profiles` must be empty.
 */
function filesPlan(paths, request, profiles, token, registration, options) {
    if (!token && profiles.length > 0)
        throw new Error('SSO profiles need the SSO token: pass them as credentialProfiles instead');
    const keyProfiles = options.credentialProfiles ?? [];
    const legacy = request.profiles.legacySsoProfile
        ? {
            legacy: {
                startUrl: request.target.startUrl,
                ssoRegion: request.target.ssoRegion
            }
        }
        : {};
    const configSections = [
        ...profiles.map((p) => (0,_aws_files_config_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderProfileSection */ .Rq)({
            name: p.name,
            ssoSession: request.profiles.ssoSession,
            accountId: p.accountId,
            roleName: p.roleName,
            region: p.region,
            output: request.profiles.output,
            ...legacy
        })),
        ...keyProfiles.map((p) => (0,_aws_files_credentials_file_js__WEBPACK_IMPORTED_MODULE_1__/* .renderKeysProfileSection */ .Ln)(p)),
        ...(options.roleProfiles ?? []).map((p) => (0,_aws_files_config_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderAssumeRoleProfileSection */ .z0)(p)),
        ...(options.processProfiles ?? []).map((p) => (0,_aws_files_process_profile_js__WEBPACK_IMPORTED_MODULE_0__/* .renderProcessProfileSection */ .KN)(p)),
        ...(token
            ? [
                (0,_aws_files_config_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderSsoSessionSection */ .P_)({
                    name: request.profiles.ssoSession,
                    ssoRegion: request.target.ssoRegion,
                    startUrl: request.target.startUrl,
                    registrationScopes: request.signIn.registrationScopes
                })
            ]
            : [])
    ];
    const credentialSections = keyProfiles.map((p) => (0,_aws_files_credentials_file_js__WEBPACK_IMPORTED_MODULE_1__/* .renderCredentialsSection */ .yq)(p.name, p.credentials));
    return {
        ...filesPlace(paths, request),
        configSections,
        credentialSections,
        ...(token
            ? { token: tokenCacheEntry(request, token, registration) }
            : undefined),
        ...(token && registration && options.writeRegistration
            ? {
                registration: {
                    clientId: registration.clientId,
                    clientSecret: registration.clientSecret,
                    expiresAt: registration.expiresAt,
                    scopes: registration.scopes,
                    clientName: registration.clientName
                }
            }
            : undefined),
        ...(token && options.keepOriginalTokenCache
            ? {
                keepOriginalTokenCache: {
                    mask: options.keepOriginalTokenCache.mask,
                    ourClientIds: registration?.clientId ? [registration.clientId] : []
                }
            }
            : undefined)
    };
}
/** Write the files of {@link filesPlan} together, or none of them. */
async function writeJobFilesFor(paths, request, profiles, token, registration, options = { writeRegistration: true }) {
    return (0,_aws_files_job_files_js__WEBPACK_IMPORTED_MODULE_2__/* .writeJobFiles */ .cO)(filesPlan(paths, request, profiles, token, registration, options), options.onProgress);
}
/**
 * Write profiles that hold the given role credentials themselves, and nothing of the SSO sign-in: for each profile the
 * keys go to the shared credentials file as `[NAME]` and the config gets a keys-only `[profile NAME]` (region/output,
 * no `sso_*`, no `role_arn`), so `aws --profile NAME`, botocore and the JS SDK (fromIni / the default chain) use exactly
 * those credentials until they expire and can never re-create the session another way (e.g. without its session policy).
 * Atomic, locked, 0600, every other byte of both files kept; the result goes to removeJobFiles to undo it.
 * sign-out-early writes every profile this way; a chained session with a session policy can too.
 */
function writeCredentialProfiles(paths, request, profiles, options = {}) {
    return writeJobFilesFor(paths, request, [], undefined, undefined, {
        writeRegistration: false,
        onProgress: options.onProgress,
        credentialProfiles: profiles
    });
}
/** sign-out-early: the profiles as role keys only (the credentials file and config sections without a sign-in). */
function writeRoleKeys(options, profiles) {
    const { request, paths } = options;
    return writeCredentialProfiles(paths, request, profiles.map(({ profile, credentials }) => ({
        name: profile.name,
        credentials,
        region: profile.region,
        output: request.profiles.output
    })), { onProgress: options.onFilesProgress });
}
/** The sign-in itself: the SSO profiles of the layout, the token cache, the registration, and the chained profile. */
function writeSignIn(options, obtained, layout, chained, ssoProfiles) {
    const { request, paths } = options;
    return writeJobFilesFor(paths, request, ssoProfiles, obtained.token, obtained.registration, {
        writeRegistration: obtained.registered,
        onProgress: options.onFilesProgress,
        // A token not taken from the cache file: what that file held before (a user's own sign-in) is put back by post.
        ...(obtained.via === 'device-flow' || obtained.via === 'shared-session'
            ? { keepOriginalTokenCache: { mask: options.mask } }
            : {}),
        ...(layout.roleProfile ? { roleProfiles: [layout.roleProfile] } : {}),
        ...(chained && layout.keys
            ? {
                credentialProfiles: [
                    {
                        name: request.profiles.profile,
                        credentials: chained.credentials,
                        region: request.target.region,
                        output: request.profiles.output
                    }
                ]
            }
            : {})
    });
}
/** The token cache entry of a session, in the AWS CLI v2's terms. */
function tokenCacheEntry(request, token, registration) {
    return {
        startUrl: request.target.startUrl,
        region: request.target.ssoRegion,
        accessToken: token.accessToken,
        expiresAt: token.expiresAt,
        ...(registration
            ? {
                clientId: registration.clientId,
                clientSecret: registration.clientSecret,
                registrationExpiresAt: registration.expiresAt
            }
            : {}),
        ...(token.refreshToken ? { refreshToken: token.refreshToken } : {})
    };
}
/** The client registration cache's key for the request's sso-session. */
function registrationKey(request) {
    return {
        region: request.target.ssoRegion,
        scopes: request.signIn.registrationScopes,
        sessionName: request.profiles.ssoSession,
        startUrl: request.target.startUrl
    };
}


/***/ }),

/***/ 622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ recordRunOf),
/* harmony export */   v: () => (/* binding */ loginRecord)
/* harmony export */ });
/* harmony import */ var _approval_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1860);
/* harmony import */ var _profile_layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7301);
/* harmony import */ var _sign_in_mode_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5978);



function loginRecord(request, result, run, hasPostStep, now = new Date()) {
    const job = (0,_profile_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .jobRole */ .CW)(result);
    const chained = result.chained;
    const written = result.extra.filter((p) => !p.error);
    const verified = [
        {
            profile: request.profiles.profile,
            arn: job.identity.arn,
            account: job.identity.account
        },
        // role-to-assume with a refreshable profile: the Identity Center profile it re-assumes from was written too.
        ...(chained?.sourceProfile
            ? [
                {
                    profile: chained.sourceProfile,
                    arn: result.primary.identity.arn,
                    account: result.primary.identity.account
                }
            ]
            : []),
        ...written.flatMap((p) => p.identity
            ? [
                {
                    profile: p.profile.name,
                    arn: p.identity.arn,
                    account: p.identity.account
                }
            ]
            : [])
    ];
    return (0,_approval_record_js__WEBPACK_IMPORTED_MODULE_0__/* .approvalRecord */ .DI)({
        approvers: (result.approvers ?? []).map((a) => ({
            name: a.name,
            approvedAt: a.at
        })),
        asked: {
            startUrl: request.target.startUrl,
            accountId: request.target.accountId,
            roleName: request.target.roleName,
            ...(request.chain ? { chainedRoleArn: request.chain.roleArn } : {}),
            profiles: [
                {
                    name: request.profiles.profile,
                    accountId: request.target.accountId,
                    roleName: request.target.roleName
                },
                ...written.map((p) => ({
                    name: p.profile.name,
                    accountId: p.profile.accountId,
                    roleName: p.profile.roleName
                }))
            ]
        },
        verified,
        ...(chained?.sourceIdentity !== undefined
            ? { sourceIdentity: chained.sourceIdentity }
            : {}),
        credentialsExpireAt: earliestExpiry(result),
        mode: (0,_approval_record_js__WEBPACK_IMPORTED_MODULE_0__/* .modeOf */ .VV)((0,_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_2__/* .behaviourOf */ .xu)(request.signIn.mode).grant(hasPostStep)),
        run: run.record ?? recordRunOf(run),
        now
    });
}
/** The earliest expiry among the role credentials the job gets (the job's session and every verified extra profile). */
function earliestExpiry(result) {
    const times = [
        (0,_profile_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .jobRole */ .CW)(result).credentials,
        ...(result.chained?.sourceProfile ? [result.primary.credentials] : []),
        ...result.extra.map((p) => p.credentials)
    ]
        .filter((c) => c !== undefined)
        .map((c) => c.expiration.getTime());
    return new Date(Math.min(...times));
}
/** The run block from what every edge reads (when the edge gave no record of its own). */
function recordRunOf(run) {
    return {
        repository: run.repository,
        workflow: run.workflow,
        job: run.job,
        actor: run.actor,
        sha: run.sha,
        ref: run.ref,
        runUrl: run.runUrl
    };
}


/***/ }),

/***/ 8408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ej: () => (/* reexport */ ApproverRejectedError),
  Gs: () => (/* reexport */ ProfilesFailedError),
  wD: () => (/* reexport */ SharedSignInEndedError),
  du: () => (/* reexport */ SignOutFailedError),
  k0: () => (/* reexport */ UnsafePathError),
  qc: () => (/* reexport */ profile_layout/* chainedProfileNote */.qc),
  CW: () => (/* reexport */ profile_layout/* jobRole */.CW),
  iD: () => (/* binding */ login)
});

// UNUSED EXPORTS: PROFILE_CONCURRENCY

// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/logout.ts
var logout = __webpack_require__(4299);
// EXTERNAL MODULE: ./src/aws-files/job-files.ts + 4 modules
var job_files = __webpack_require__(6116);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/aws-files/atomic.ts
var atomic = __webpack_require__(5262);
// EXTERNAL MODULE: ./src/aws-files/leftovers.ts
var leftovers = __webpack_require__(423);
;// CONCATENATED MODULE: ./src/aws-files/preflight.ts
/**
 * Before anyone is asked to approve: every path this run will write must be writable the safe way.
 * The writers check again when they write; this check makes a refusal cost nobody an approval and leave no token behind.
 */




/**
 * The first of `files` (or their folders up to the AWS folder, and ~/.aws, ~/.aws/sso, ~/.aws/sso/cache) that is a
 * symlink or not a file / folder, as the message the writers would give; undefined when all are fine or missing.
 */
function unsafeAwsPath(paths, files) {
    const folders = [
        paths.awsDir,
        external_node_path_default().dirname(paths.ssoCacheDir),
        paths.ssoCacheDir
    ];
    const configRoot = (0,atomic/* defaultRoot */.cc)(paths.configFile);
    for (let d = external_node_path_default().dirname(paths.configFile);; d = external_node_path_default().dirname(d)) {
        folders.push(d);
        if (d === configRoot || external_node_path_default().dirname(d) === d || !d.startsWith(configRoot))
            break;
    }
    const checks = [
        ...folders.map((p) => [p, 'folder']),
        ...[...files, paths.configFile].map((p) => [p, 'file'])
    ];
    for (const [p, kind] of checks) {
        let st;
        try {
            st = (0,external_node_fs_.lstatSync)(p);
        }
        catch {
            continue; // missing (created later, 0700 / 0600) or unreadable (the writer reports it)
        }
        if (st.isSymbolicLink())
            return (0,atomic/* symlinkError */.OL)(p).message;
        if (kind === 'folder' ? !st.isDirectory() : !st.isFile())
            return `not a ${kind === 'folder' ? 'directory' : 'regular file'}: ${p}`;
    }
    const problem = unsafeFolderMode(paths, folders);
    if (problem)
        return problem;
    // What an earlier writer killed mid-write left next to these files (a pid gone from this host): removed now.
    (0,leftovers/* removeLeftovers */.D)([...files, paths.configFile], {});
    return undefined;
}
const IS_WINDOWS = process.platform === 'win32';
const octal = (mode) => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
/**
 * "0600 files in 0700 folders", for the folders under ~/.aws (~/.aws itself, ~/.aws/sso, ~/.aws/sso/cache, and the
 * config file's folders when they are under ~/.aws): one this user owns is tightened to 0700; one another user owns,
 * or one that others can still write to, is refused with its path and mode. O_NOFOLLOW covers only a file's last
 * path component; a folder someone else can write to (or owns) lets them swap what is below it, so it is refused.
 */
function unsafeFolderMode(paths, folders) {
    if (IS_WINDOWS || typeof process.getuid !== 'function')
        return undefined;
    const uid = process.getuid();
    const awsDir = external_node_path_default().resolve(paths.awsDir);
    const under = (d) => {
        const rel = external_node_path_default().relative(awsDir, external_node_path_default().resolve(d));
        return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
    };
    for (const d of [...new Set(folders.filter(under))].sort()) {
        let st;
        try {
            st = (0,external_node_fs_.lstatSync)(d);
        }
        catch {
            continue; // missing: the writers create it 0700
        }
        if (!st.isDirectory())
            continue; // reported above
        if (st.uid !== uid)
            return `refusing a folder owned by another user: ${d} (owner uid ${st.uid}, mode ${octal(st.mode)}; this process runs as uid ${uid})`;
        if ((st.mode & 0o077) !== 0) {
            try {
                (0,external_node_fs_.chmodSync)(d, 0o700);
            }
            catch {
                // reported below if it stays writable by others
            }
            const now = (0,external_node_fs_.lstatSync)(d).mode;
            if ((now & 0o022) !== 0)
                return `refusing a folder that others can write to: ${d} (mode ${octal(now)}); make it 0700`;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/login-result.ts
/** sign-out-early: SSO Logout failed, so the step fails rather than claim the sign-in ended; nothing was written or exported. */
class SignOutFailedError extends Error {
    name = 'SignOutFailedError';
}
/**
 * The approval happened, but the approver is not one the request allows. `revoked`: the sign-in was signed out (a
 * device flow of this run); otherwise `notRevoked` says why it was not (see revocationNote).
 */
class ApproverRejectedError extends Error {
    approvedBy;
    reason;
    revoked;
    notRevoked;
    constructor(approvedBy, reason, revoked = true, notRevoked) {
        super(`approved by ${approvedBy || 'an unidentified user'}, which is not enough: ${reason}. ${revoked ? 'The session was revoked and nothing was exported.' : `The sign-in was NOT signed out: ${notRevoked}; nothing was written or exported.`}`);
        this.approvedBy = approvedBy;
        this.reason = reason;
        this.revoked = revoked;
        this.notRevoked = notRevoked;
        this.name = 'ApproverRejectedError';
    }
}
/** The shared sign-in (session) was refused by the service: signed out by end-session, or revoked. Never replaced by a new approval. */
class SharedSignInEndedError extends Error {
    name = 'SharedSignInEndedError';
    constructor() {
        super('IAM Identity Center refused the shared sign-in (session): it was signed out (end-session ran?) or revoked. Sign in again with share-session; nothing was written or exported.');
    }
}
/** A path this run would write is a symlink or not a regular file / folder. */
class UnsafePathError extends Error {
    name = 'UnsafePathError';
}
/** Some extra profiles could not be verified and allow-partial is false: nothing was exported or written. */
class ProfilesFailedError extends Error {
    failed;
    results;
    constructor(failed, 
    /** Every profile of the login, the primary one first, verified or with its error (for the failed event). */
    results = failed) {
        super(`${failed.length} profile(s) could not be set up and allow-partial is false; nothing was exported. ` +
            failed
                .map((p) => `${p.profile.name} (${p.profile.accountId}/${p.profile.roleName}): ${p.error}`)
                .join('; '));
        this.failed = failed;
        this.results = results;
        this.name = 'ProfilesFailedError';
    }
}

// EXTERNAL MODULE: ./src/aws/oidc.ts
var oidc = __webpack_require__(3812);
// EXTERNAL MODULE: ./src/core/device-flow.ts
var device_flow = __webpack_require__(8618);
// EXTERNAL MODULE: ./src/aws/credentials.ts + 1 modules
var credentials = __webpack_require__(1735);
// EXTERNAL MODULE: ./src/inputs/rules.ts
var rules = __webpack_require__(8190);
// EXTERNAL MODULE: ./src/core/client-name.ts
var client_name = __webpack_require__(938);
// EXTERNAL MODULE: ./src/aws-files/sso-cache.ts
var sso_cache = __webpack_require__(7215);
// EXTERNAL MODULE: ./src/core/files-plan.ts
var files_plan = __webpack_require__(3166);
;// CONCATENATED MODULE: ./src/core/reuse.ts



/** The token cache of this sso-session, if it belongs to the same start URL and region and can serve this run. */
async function reuseCachedSignIn(paths, request, clients, mask, log, now = Date.now()) {
    const { value: cached, reason } = await (0,sso_cache/* readTokenCache */.ID)(paths.ssoCacheDir, request.profiles.ssoSession);
    if (!cached) {
        log.info(`reuse-session: no usable cached token for sso-session "${request.profiles.ssoSession}" (${reason}); asking for approval`);
        return undefined;
    }
    for (const secret of [
        cached.accessToken,
        cached.refreshToken,
        cached.clientSecret
    ])
        if (secret)
            mask(secret);
    if (cached.startUrl !== request.target.startUrl ||
        (cached.region && cached.region !== request.target.ssoRegion)) {
        log.info(`reuse-session: the cached token is for another start URL or region; asking for approval`);
        return undefined;
    }
    const registration = registrationOf(cached, request);
    const secondsLeft = Math.floor((cached.expiresAt.getTime() - now) / 1000);
    if (secondsLeft >= request.signIn.minValiditySeconds) {
        log.info(`reuse-session: using the cached SSO token (valid for ${Math.floor(secondsLeft / 60)} more minutes); no approval needed`);
        return { token: tokenOf(cached), registration, via: 'cached-token' };
    }
    if (!refreshable(cached, registration, now)) {
        log.info('reuse-session: the cached token is too close to expiry and cannot be refreshed (no refresh token or an expired client registration); asking for approval');
        return undefined;
    }
    // Refresh tokens rotate: two jobs refreshing the same cache at once would leave one of them (and the file) with a
    // dead one. So: under the cache's lock, read it again, and refresh only if nobody else did meanwhile.
    try {
        const reused = await (0,sso_cache/* updateTokenCache */.Hd)(paths.ssoCacheDir, request.profiles.ssoSession, async (current) => {
            const latest = current ?? cached;
            for (const secret of [
                latest.accessToken,
                latest.refreshToken,
                latest.clientSecret
            ])
                if (secret)
                    mask(secret);
            if (latest.startUrl !== request.target.startUrl ||
                (latest.region && latest.region !== request.target.ssoRegion)) {
                log.info('reuse-session: the cached token was replaced by one for another start URL or region meanwhile; asking for approval');
                return { result: undefined };
            }
            const latestRegistration = registrationOf(latest, request);
            const left = Math.floor((latest.expiresAt.getTime() - Date.now()) / 1000);
            // It was too stale a moment ago: valid now means another job refreshed it while this one waited for the lock.
            if (left >= request.signIn.minValiditySeconds) {
                log.info(`reuse-session: another job refreshed the cached SSO token meanwhile (valid for ${Math.floor(left / 60)} more minutes); using it, no approval needed`);
                return {
                    result: {
                        token: tokenOf(latest),
                        registration: latestRegistration,
                        via: 'cached-token'
                    }
                };
            }
            if (!refreshable(latest, latestRegistration, Date.now())) {
                log.info('reuse-session: the cached token cannot be refreshed any more; asking for approval');
                return { result: undefined };
            }
            const refreshed = await (0,oidc/* refreshSsoToken */.YZ)(await clients.oidcClient(), latestRegistration, latest.refreshToken, mask);
            // Keep the old refresh token if the service did not rotate it, here and in the files this run writes later.
            const token = {
                ...refreshed,
                refreshToken: refreshed.refreshToken ?? latest.refreshToken
            };
            // The service rotates the refresh token: written back at once (still under the lock), or the cache holds a dead one.
            const result = {
                token,
                registration: latestRegistration,
                via: 'refreshed-token'
            };
            return {
                result,
                write: (0,files_plan/* tokenCacheEntry */.Q7)(request, token, latestRegistration)
            };
        });
        if (reused?.via === 'refreshed-token')
            log.info('reuse-session: refreshed the cached SSO token with its refresh token; no approval needed');
        return reused;
    }
    catch (error) {
        log.info(`reuse-session: refreshing the cached token failed (${error.message}); asking for approval`);
        return undefined;
    }
}
function refreshable(cached, registration, now) {
    return (!!cached.refreshToken &&
        !!registration &&
        registration.expiresAt.getTime() > now);
}
function registrationOf(cached, request) {
    return cached.clientId && cached.clientSecret && cached.registrationExpiresAt
        ? {
            clientId: cached.clientId,
            clientSecret: cached.clientSecret,
            expiresAt: cached.registrationExpiresAt,
            scopes: request.signIn.registrationScopes
        }
        : undefined;
}
function tokenOf(cached) {
    return {
        accessToken: cached.accessToken,
        expiresAt: cached.expiresAt,
        ...(cached.refreshToken ? { refreshToken: cached.refreshToken } : {})
    };
}
/**
 * A still-valid client registration from the CLI-format registration cache, so RegisterClient can be skipped: only one
 * registered as `clientName` (AWS's consent page shows the name it was registered with, and the messages tell the
 * approver to compare it). One cached by another tool (the AWS CLI records no name) or under another name is not used.
 */
async function cachedRegistration(paths, request, mask, clientName) {
    const { value } = await (0,sso_cache/* readRegistrationCache */._l)(paths.ssoCacheDir, (0,files_plan/* registrationKey */.RV)(request));
    if (!value)
        return undefined;
    mask(value.clientSecret);
    if (value.clientName !== clientName)
        return undefined;
    return {
        clientId: value.clientId,
        clientSecret: value.clientSecret,
        expiresAt: value.expiresAt,
        scopes: value.scopes ?? [],
        clientName: value.clientName
    };
}

// EXTERNAL MODULE: ./src/core/allowed-accounts.ts
var allowed_accounts = __webpack_require__(76);
// EXTERNAL MODULE: ./src/core/approvals.ts
var approvals = __webpack_require__(8027);
;// CONCATENATED MODULE: ./src/core/approval-loop.ts






/** The line a failure carries: "after 1 of 2 approvals (alice at …); every sign-in was signed out". */
function afterApprovals(state, policy) {
    const n = state.approvers.length;
    const counted = n ? `: ${(0,approvals/* approverList */.kz)(state.approvers)}` : '';
    return `after ${n} of ${policy.required} approvals${counted}; every sign-in this run obtained was signed out`;
}
/** The error, marked with where the approvals stood (its message says it too, for the step's failure line). */
function withApprovals(error, line) {
    if (error instanceof Error) {
        error.message = `${error.message.replace(/\.?$/, '')}; ${line}`;
        error.approvals = capitalized(line);
    }
    return error;
}
const capitalized = (s) => s.charAt(0).toUpperCase() + s.slice(1);
async function collectApprovals(options, clients, registration, approveOnce) {
    const { request, log, mask } = options;
    const clock = options.clock ?? device_flow/* systemClock */.ml;
    const policy = {
        required: request.signIn.requiredApprovals ?? 1,
        accountId: request.target.accountId,
        roleName: request.target.roleName,
        allowedApprovers: request.signIn.allowedApprovers,
        forbidSelfApproval: request.signIn.forbidSelfApproval,
        actor: options.run?.actor,
        actors: options.run?.actors
    };
    // approval-timeout is the budget for all the approvals together; without it each code gets its own lifetime.
    const deadline = request.signIn.approvalTimeoutSeconds !== undefined
        ? clock.now() + request.signIn.approvalTimeoutSeconds * 1000
        : undefined;
    let state = approvals/* INITIAL_APPROVALS */.aY;
    let line = (0,approvals/* progress */.qB)(state, policy);
    // A failure once an approval counted says so (those sign-ins were signed out as they were proven).
    const failing = (error) => state.approvers.length
        ? withApprovals(error, afterApprovals(state, policy))
        : error;
    let authorizations = 0;
    let registered = false;
    for (let first = true;; first = false) {
        let obtained;
        try {
            obtained = await approveOnce({
                registration,
                ...(deadline !== undefined
                    ? {
                        approvalTimeoutSeconds: Math.max(1, Math.ceil((deadline - clock.now()) / 1000))
                    }
                    : {}),
                approvals: line,
                first
            });
        }
        catch (error) {
            // Denied, expired, cancelled: every earlier sign-in is already signed out, this one never produced a token.
            throw failing(error);
        }
        registration = obtained.registration;
        authorizations += obtained.authorizations;
        registered ||= obtained.registered;
        const token = obtained.token.accessToken;
        const at = obtained.approvedAt ?? new Date();
        let proof;
        let proven;
        try {
            proven = await (0,credentials/* verifiedRoleCredentials */.bb)(clients, token, request.target.accountId, request.target.roleName, mask);
            (0,allowed_accounts/* assertAccountAllowed */.qr)(proven.identity, request.files.allowedAccountIds, `profile "${request.profiles.profile}" (${proven.identity.arn})`);
            proof = { kind: 'named', name: (0,credentials/* approverFromArn */.dp)(proven.identity.arn), at };
        }
        catch (error) {
            if (!(error instanceof credentials/* CredentialsError */.lE && error.kind === 'access')) {
                await (0,logout/* logout */.r)(clients, token, log);
                throw failing(error);
            }
            proof = { kind: 'no-access', at };
        }
        const next = (0,approvals/* collectApproval */.yP)(state, proof, policy);
        const verdict = next.verdict;
        if (verdict.kind === 'counted' && verdict.done) {
            state = next.state;
            log.info(`${(0,approvals/* progress */.qB)(state, policy)}; the job's credentials come from ${verdict.approver.name}'s sign-in`);
            return {
                ...obtained,
                registration,
                authorizations,
                registered,
                approvedAt: at,
                approvers: [...state.approvers],
                proven
            };
        }
        // Not the job's sign-in: ended at once (its role credentials stay in memory only, and are dropped).
        await (0,logout/* logout */.r)(clients, token, log);
        if (verdict.kind === 'failed') {
            throw failing(new ApproverRejectedError(verdict.approvedBy ?? '', verdict.reason));
        }
        state = next.state;
        line =
            verdict.kind === 'counted'
                ? `${verdict.approver.name}'s approval counted and that sign-in was signed out. ${(0,approvals/* progress */.qB)(state, policy)}`
                : (0,approvals/* notCountedLine */.aH)(verdict, state, policy);
        // The next code's `started` event carries the line to every channel (the log included).
    }
}

;// CONCATENATED MODULE: ./src/core/obtain-token.ts







/** A reusable cached session when allowed, else the device flow (with a cached registration when one is still valid). */
async function obtainToken(options, clients) {
    const { request, mask, log, paths } = options;
    switch (request.signIn.mode.token.from) {
        case 'session': {
            // Only the access token: no refresh token or client registration, so no tool on this runner can (or races to) refresh it.
            const { accessToken, expiresAt, approvers } = options.sharedSignIn;
            // required-approvals: the approvals the share-session job collected count (a seal without them had one).
            const required = request.signIn.requiredApprovals ?? 1;
            if ((approvers?.length ?? 1) < required)
                throw new rules/* InputError */.dz('required-approvals', `is ${required}, but the shared sign-in (session) was approved by ${approvers?.length ?? 1} (${approvers?.map((a) => a.name).join(', ') || 'one approver'}); sign in with share-session and required-approvals: ${required}. Nothing was written or exported`);
            return {
                token: { accessToken, expiresAt },
                via: 'shared-session',
                authorizations: 0,
                registered: false,
                ...(approvers ? { approvers } : {})
            };
        }
        case 'cache': {
            const reused = await reuseCachedSignIn(paths, request, clients, mask, log);
            if (reused)
                return { ...reused, authorizations: 0, registered: false };
            return deviceFlowToken(options, clients);
        }
        case 'device-flow':
            return deviceFlowToken(options, clients);
    }
}
/** The SSO access token itself was refused (UnauthorizedException): expired or revoked. */
function tokenRejected(error) {
    return error instanceof credentials/* CredentialsError */.lE && error.kind === 'token';
}
/**
 * A person approves a device code (with a cached registration when one is still valid); with required-approvals > 1,
 * as many different people as it asks for (approval-loop.ts), each with a code of their own.
 */
async function deviceFlowToken(options, clients) {
    const { request, mask, paths } = options;
    const registration = await cachedRegistration(paths, request, mask, options.clientName ?? client_name/* CLIENT_NAME_BASE */.qC);
    if ((request.signIn.requiredApprovals ?? 1) > 1)
        return collectApprovals(options, clients, registration, (next) => approveOnce(options, clients, next));
    return approveOnce(options, clients, {
        registration,
        approvalTimeoutSeconds: request.signIn.approvalTimeoutSeconds,
        first: true
    });
}
/** One device authorization, approved: the token and who may still need to approve (`approvals`, on the code). */
async function approveOnce(options, clients, given) {
    const { request, mask, log } = options;
    let registered = false;
    const flow = await (0,device_flow/* runDeviceFlow */.mW)({
        api: (0,oidc/* sdkOidcApi */.AA)(() => clients.oidcClient(), mask, () => clients.pollingOidcClient()),
        startUrl: request.target.startUrl,
        clientName: options.clientName ?? client_name/* CLIENT_NAME_BASE */.qC,
        scopes: request.signIn.registrationScopes,
        registration: given.registration,
        approvalTimeoutSeconds: given.approvalTimeoutSeconds,
        clock: options.clock ?? device_flow/* systemClock */.ml,
        signal: options.signal,
        emit: (event) => {
            if (event.type !== 'started')
                return options.emit(event);
            if (event.attempt === 1 && given.first)
                clients.prepareForApproval();
            options.emit(given.approvals ? { ...event, approvals: given.approvals } : event);
        },
        onRegistered: () => (registered = true),
        onPollRetry: (message) => log.warning(message)
    });
    options.onTokenIssued?.(flow.token.accessToken);
    log.info(`Approved after ${flow.polls} poll(s)${flow.authorizations > 1 ? ` and ${flow.authorizations} codes` : ''}`);
    return {
        token: flow.token,
        registration: flow.registration,
        via: 'device-flow',
        authorizations: flow.authorizations,
        registered,
        approvedAt: new Date()
    };
}

// EXTERNAL MODULE: ./src/core/approvers.ts
var approvers = __webpack_require__(2421);
// EXTERNAL MODULE: ./src/core/chain.ts
var chain = __webpack_require__(290);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/util/pool.ts
/** Runs fn over items with at most `limit` in flight, keeping the input order in the result. */
async function mapPool(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    });
    await Promise.all(workers);
    return results;
}

// EXTERNAL MODULE: ./src/inputs/spec.ts
var spec = __webpack_require__(7026);
;// CONCATENATED MODULE: ./src/core/discover.ts
/** discover: true — a profile for every account and role the approver can reach, optionally filtered by globs. */







/**
 * Accounts listed for their roles at once. One ListAccountRoles per account: 1,000 accounts at 20 ms a call are
 * 2.5 s at 8 in flight, 0.6 s at 32. A portal that throttles gets the SSO client's adaptive retry (clients.ts).
 */
const LISTING_CONCURRENCY = 32;
/** The portal's largest page (ListAccounts and ListAccountRoles take 1 to 100; its default is smaller). */
const LISTING_PAGE_SIZE = 100;
/** Profile names: at most this long (the reader's rule, inputs/rules.ts). */
const MAX_PROFILE_NAME = spec/* MAX_NAME_LENGTH */.EM;
/** A role name longer than this is shortened so that at least an account id still fits before it. */
const MAX_ROLE_PART = MAX_PROFILE_NAME - 1 - 12;
/** The characters a profile name may hold; runs of anything else become one `-`. */
function sanitize(s) {
    return s.replace(rules/* NOT_NAME_CHARS */.Ew, '-');
}
/** The account part: the sanitized name, or the account id when the name is missing or has no letter or digit. */
function accountPart(accountName, accountId) {
    const cleaned = sanitize(accountName?.trim() ?? '')
        .replace(/^[^A-Za-z0-9]+/, '')
        .replace(/[^A-Za-z0-9]+$/, '');
    return cleaned || accountId;
}
/**
 * `<account part><suffix>.<role>` within 64 characters: the ACCOUNT part is shortened, so the role name stays whole
 * (and the suffix, which keeps names unique, too).
 */
function composeName(account, suffix, roleName) {
    let role = sanitize(roleName);
    if (role.length > MAX_ROLE_PART)
        role = role.slice(0, MAX_ROLE_PART);
    const budget = MAX_PROFILE_NAME - 1 - role.length - suffix.length;
    let head = account.slice(0, Math.max(1, budget)).replace(/[^A-Za-z0-9]+$/, '');
    if (!head)
        head = account.slice(0, 1);
    return `${head}${suffix}.${role}`.slice(0, MAX_PROFILE_NAME);
}
/** A profile name from `<account name or id>.<role>`, reduced to the characters a profile name may hold, at most 64. */
function discoveredProfileName(accountName, accountId, roleName) {
    return composeName(accountPart(accountName, accountId), '', roleName);
}
/**
 * A name not in `taken` (which it is added to): `<account>.<role>`, else `<account>-<account id>.<role>`, else
 * `<account>-<account id>-2.<role>`, -3, ... Never gives up: every discovered profile gets a name.
 */
function uniqueProfileName(accountName, accountId, roleName, taken) {
    const account = accountPart(accountName, accountId);
    const candidates = function* () {
        yield composeName(account, '', roleName);
        // An account named after its id already is `<id>`: no need to say it twice.
        const withId = account === accountId ? '' : `-${accountId}`;
        if (withId)
            yield composeName(account, withId, roleName);
        for (let n = 2;; n++)
            yield composeName(account, `${withId}-${n}`, roleName);
    };
    for (const name of candidates()) {
        if (!taken.has(name)) {
            taken.add(name);
            return name;
        }
    }
    /* c8 ignore next */
    throw new Error('unreachable');
}
/** A failed listing: a refused token as credentials.ts reports it (login.ts asks for approval again), anything else plainly. */
function listingError(call, error) {
    return ((0,credentials/* tokenRefused */.cA)(call, error) ??
        new Error(`${call} failed: ${(0,errors/* describeAwsError */.P)(error)}`));
}
async function discoverProfiles(clients, accessToken, options) {
    const { ListAccountsCommand, ListAccountRolesCommand } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(54)]).then(__webpack_require__.t.bind(__webpack_require__, 2054, 19));
    const sso = await clients.ssoClient();
    const accountGlob = options.accountFilter
        ? (0,approvers/* globToRegExp */.tL)(options.accountFilter)
        : undefined;
    const roleGlob = options.roleFilter
        ? (0,approvers/* globToRegExp */.tL)(options.roleFilter)
        : undefined;
    const accounts = [];
    try {
        let nextToken;
        do {
            const page = await sso.send(new ListAccountsCommand({
                accessToken,
                nextToken,
                maxResults: LISTING_PAGE_SIZE
            }));
            for (const a of page.accountList ?? [])
                if (a.accountId)
                    accounts.push({ accountId: a.accountId, accountName: a.accountName });
            nextToken = page.nextToken;
        } while (nextToken);
    }
    catch (error) {
        throw listingError('discover: SSO ListAccounts', error);
    }
    const matching = accounts.filter((a) => !accountGlob ||
        accountGlob.test(a.accountId) ||
        (a.accountName !== undefined && accountGlob.test(a.accountName)));
    const wanted = matching.filter((a) => (0,allowed_accounts/* accountAllowed */.YF)(a.accountId, options.allowedAccountIds));
    const perAccount = await mapPool(wanted, options.concurrency ?? LISTING_CONCURRENCY, async (account) => {
        const roles = [];
        try {
            let nextToken;
            do {
                const page = await sso.send(new ListAccountRolesCommand({
                    accessToken,
                    accountId: account.accountId,
                    nextToken,
                    maxResults: LISTING_PAGE_SIZE
                }));
                for (const r of page.roleList ?? [])
                    if (r.roleName && (!roleGlob || roleGlob.test(r.roleName)))
                        roles.push(r.roleName);
                nextToken = page.nextToken;
            } while (nextToken);
        }
        catch (error) {
            const failure = listingError(`discover: SSO ListAccountRoles for ${account.accountId}`, error);
            if (failure instanceof credentials/* CredentialsError */.lE || !options.allowPartial)
                throw failure;
            return { account, roles: [], error: failure.message };
        }
        return { account, roles, error: undefined };
    });
    const taken = new Set(options.exclude.map((p) => p.name));
    const requested = new Set(options.exclude.map((p) => `${p.accountId}/${p.roleName}`));
    const profiles = [];
    const failed = [];
    for (const { account, roles, error } of perAccount) {
        if (error) {
            failed.push({
                profile: {
                    name: `${accountPart(account.accountName, account.accountId)}.*`,
                    accountId: account.accountId,
                    roleName: '*',
                    region: options.region
                },
                error
            });
            continue;
        }
        for (const roleName of roles) {
            if (requested.has(`${account.accountId}/${roleName}`))
                continue;
            profiles.push({
                name: uniqueProfileName(account.accountName, account.accountId, roleName, taken),
                accountId: account.accountId,
                roleName,
                region: options.region
            });
        }
    }
    return { profiles, failed, skippedAccounts: matching.length - wanted.length };
}

;// CONCATENATED MODULE: ./src/core/source-identity.ts
/**
 * role-source-identity: STS SourceIdentity from the approver's Identity Center user name. STS accepts 2–64 ASCII
 * characters of `[A-Za-z0-9_+=,.@-]`; a user name may hold more (spaces, accents, other scripts, up to 128 characters).
 * AWS keeps a source identity on every session chained from the one that set it, and no later session can change it,
 * so CloudTrail names the approver for everything the job does with the role.
 */

/** What STS accepts as SourceIdentity (and as RoleSessionName). */
const SOURCE_IDENTITY_PATTERN = /^[\w+=,.@-]{2,64}$/;
const SOURCE_IDENTITY_MAX = 64;
/** The approver's user name leaves fewer than two usable characters: the step fails (after sign-in, so it signs out). */
class SourceIdentityError extends credentials/* CredentialsError */.lE {
    userName;
    constructor(userName) {
        super(`role-source-identity: the approver's user name ${JSON.stringify(userName)} leaves fewer than 2 of the characters STS accepts as a source identity (A-Z a-z 0-9 _ + = , . @ -), so no source identity names them; nothing was written or exported`, 'access');
        this.userName = userName;
        this.name = 'SourceIdentityError';
    }
}
const ALLOWED = /^[\w+=,.@-]$/;
/** Combining marks left by NFKD: `é` → `e` + U+0301. */
const COMBINING = /\p{M}/u;
/**
 * The source identity for an Identity Center user name:
 * - leading and trailing white space is dropped;
 * - compatibility forms and accents are reduced to their ASCII base letter where one exists (NFKD, marks dropped:
 *   `Zoë` → `Zoe`, `ﬁ` → `fi`, full-width `Ａ` → `A`);
 * - every other character STS does not accept (white space, `/`, `:`, `!`, `ß`, letters of other scripts) becomes
 *   `_`, a run of them one `_`;
 * - the result is cut to 64 characters.
 * Throws SourceIdentityError when fewer than two of the name's own characters remain (a name in another script, a
 * one-character name): a source identity made of `_` would name nobody.
 */
function sourceIdentityFor(userName) {
    let out = '';
    let own = 0;
    let replaced = false;
    for (const c of Array.from(userName.trim().normalize('NFKD'))) {
        if (COMBINING.test(c))
            continue;
        if (ALLOWED.test(c)) {
            if (out.length === SOURCE_IDENTITY_MAX)
                break;
            out += c;
            own++;
            replaced = false;
        }
        else if (!replaced) {
            if (out.length === SOURCE_IDENTITY_MAX)
                break;
            out += '_';
            replaced = true;
        }
    }
    if (own < 2)
        throw new SourceIdentityError(userName);
    return out;
}

// EXTERNAL MODULE: ./src/core/sign-in-mode.ts
var sign_in_mode = __webpack_require__(5978);
// EXTERNAL MODULE: ./src/core/profile-layout.ts
var profile_layout = __webpack_require__(7301);
;// CONCATENATED MODULE: ./src/core/use-token.ts













/**
 * Role credentials are fetched and verified for this many profiles at once (two calls each). 2,000 profiles at 20 ms
 * a call took 13.5 s at 8 in flight; at 32 the process itself is the limit. The SSO and STS clients retry in
 * 'adaptive' mode, so a service that throttles slows the whole pool down (clients.ts).
 */
const PROFILE_CONCURRENCY = 32;
async function useToken(options, clients, obtained) {
    const { request, log } = options;
    const { token } = obtained;
    const primaryProfile = {
        name: request.profiles.profile,
        accountId: request.target.accountId,
        roleName: request.target.roleName,
        region: request.target.region
    };
    const { primary, approvedBy } = await verifyPrimary(options, clients, token, primaryProfile, obtained.proven);
    const chained = request.chain
        ? await use_token_chain(options, clients, primary, approvedBy)
        : undefined;
    const discovered = await discover(options, clients, token, primaryProfile);
    const verified = await verifyProfiles(options, clients, token, [
        ...request.profiles.extraProfiles,
        ...discovered.profiles
    ]);
    const extra = [...verified, ...discovered.failed];
    checkProfiles(request, verified, extra, {
        profile: primaryProfile,
        ...primary
    });
    // A cancel that arrived while the credentials were fetched: stop before anything is written.
    if (options.signal?.aborted)
        throw new device_flow/* DeviceFlowError */.Bt('cancelled', `the login was cancelled (${String(options.signal.reason)}) before it finished`);
    // allow-partial: only the profiles that work go into ~/.aws/config.
    const leftOut = verified.filter((p) => p.error);
    if (leftOut.length) {
        log.info(`allow-partial: ${leftOut.length} profile(s) left out of the AWS config because they could not be verified: ${leftOut.map((p) => p.profile.name).join(', ')}`);
    }
    const verifiedExtras = verified.filter((p) => !p.error);
    const holds = (0,sign_in_mode/* behaviourOf */.xu)(request.signIn.mode).holds;
    const layout = (0,profile_layout/* profileLayout */.qC)(request, primaryProfile, chained, holds);
    let signedOutAt;
    let server;
    let written;
    switch (holds) {
        case 'role-keys':
            signedOutAt = await signOutEarly(options, clients, token);
            written = await (0,files_plan/* writeRoleKeys */.qi)(options, [
                {
                    profile: primaryProfile,
                    // With role-to-assume the profile holds the chained session; the permission set's credentials are not written.
                    credentials: (chained ?? primary).credentials
                },
                ...verifiedExtras.map((p) => ({
                    profile: p.profile,
                    credentials: p.credentials
                }))
            ]);
            break;
        case 'sign-in':
            written = await (0,files_plan/* writeSignIn */.A0)(options, obtained, layout, chained, [
                ...layout.ssoProfiles,
                ...verifiedExtras.map((p) => p.profile)
            ]);
            break;
        case 'server': {
            // Loaded only in this mode: a run without credential-server never parses the server's code.
            const { serveSignIn } = await __webpack_require__.e(/* import() */ 594).then(__webpack_require__.bind(__webpack_require__, 1594));
            ({ written, server } = await serveSignIn(options, obtained, {
                primaryProfile,
                primaryCredentials: primary.credentials,
                chained,
                others: verifiedExtras
            }));
            break;
        }
    }
    return {
        ...(signedOutAt ? { signedOutAt } : {}),
        ...(server ? { server } : {}),
        primary: { profile: layout.ssoProfiles[0] ?? primaryProfile, ...primary },
        ...(chained
            ? {
                chained: {
                    ...chained,
                    profile: primaryProfile.name,
                    ...(layout.roleProfile
                        ? { sourceProfile: layout.roleProfile.sourceProfile }
                        : {})
                }
            }
            : {}),
        extra,
        approvedBy,
        approvers: obtained.approvers ?? [
            { name: approvedBy, at: obtained.approvedAt ?? new Date() }
        ],
        token,
        registration: obtained.registration,
        written,
        via: obtained.via,
        authorizations: obtained.authorizations
    };
}
/** The primary role's credentials, verified, in an allowed account, approved by someone the request allows. */
async function verifyPrimary(options, clients, token, primaryProfile, proven) {
    const { request, mask } = options;
    // required-approvals > 1: the approval loop proved this sign-in and applied the approver checks already.
    if (proven)
        return { primary: proven, approvedBy: (0,credentials/* approverFromArn */.dp)(proven.identity.arn) };
    const primary = await (0,credentials/* verifiedRoleCredentials */.bb)(clients, token.accessToken, request.target.accountId, request.target.roleName, mask);
    (0,allowed_accounts/* assertAccountAllowed */.qr)(primary.identity, request.files.allowedAccountIds, `profile "${primaryProfile.name}" (${primary.identity.arn})`);
    const approvedBy = (0,credentials/* approverFromArn */.dp)(primary.identity.arn);
    const rejection = (0,approvers/* approverRejection */.X6)(approvedBy, {
        allowedApprovers: request.signIn.allowedApprovers,
        forbidSelfApproval: request.signIn.forbidSelfApproval,
        actor: options.run?.actor,
        actors: options.run?.actors
    });
    if (rejection)
        throw new ApproverRejectedError(approvedBy, rejection);
    return { primary, approvedBy };
}
/** role-to-assume: chain from the permission set's credentials to the narrower role, before anything else is fetched. */
async function use_token_chain(options, clients, primary, approvedBy) {
    const { request, mask, log } = options;
    const chained = await (0,chain/* chainRole */.su)(clients, primary.credentials, request.chain, approvedBy, options.run?.sessionTags ?? [], mask, request.chain.sourceIdentity ? sourceIdentityFor(approvedBy) : undefined);
    (0,allowed_accounts/* assertAccountAllowed */.qr)(chained.identity, request.files.allowedAccountIds, `role-to-assume (${chained.identity.arn})`);
    log.info(`role-to-assume: chained to ${chained.identity.arn} (session name ${chained.sessionName}${chained.tags.length ? `, ${chained.tags.length} session tag(s)` : ''}${chained.sourceIdentity !== undefined ? `, source identity ${chained.sourceIdentity}` : ''})`);
    return chained;
}
/** discover: the accounts and roles the approver can reach, as profiles (none without discover). */
async function discover(options, clients, token, primaryProfile) {
    const { request, log } = options;
    if (!request.profiles.discover)
        return { profiles: [], failed: [] };
    const found = await discoverProfiles(clients, token.accessToken, {
        ...request.profiles.discover,
        region: request.target.region,
        // With role-to-assume the Identity Center role may be written as <profile>-sso: that name is taken too.
        exclude: [
            primaryProfile,
            ...(request.chain
                ? [
                    {
                        ...primaryProfile,
                        name: (0,chain/* sourceProfileName */.Kj)(primaryProfile.name)
                    }
                ]
                : []),
            ...request.profiles.extraProfiles
        ],
        allowPartial: request.files.allowPartial,
        allowedAccountIds: request.files.allowedAccountIds
    });
    log.info(`discover: ${found.profiles.length} profile(s) from the accounts and roles the approver can reach`);
    if (request.files.allowedAccountIds)
        log.info(`discover: ${found.skippedAccounts} account(s) skipped because they are not in allowed-account-ids`);
    return { profiles: found.profiles, failed: found.failed };
}
/** Each other profile's credentials, fetched and verified in a pool; verify-profiles: primary leaves them unverified. */
async function verifyProfiles(options, clients, token, profiles) {
    // verify-profiles: primary: the others are SSO profiles written as listed; each fetches its own credentials when used.
    if (options.request.profiles.verifyProfiles === 'primary')
        return profiles.map((profile) => ({ profile, unverified: true }));
    return mapPool(profiles, PROFILE_CONCURRENCY, async (profile) => {
        try {
            return {
                profile,
                ...(await (0,credentials/* verifiedRoleCredentials */.bb)(clients, token.accessToken, profile.accountId, profile.roleName, options.mask))
            };
        }
        catch (error) {
            return { profile, error: error.message };
        }
    });
}
/**
 * Every identity that verified must be in an allowed account, whatever allow-partial says: a profile that lands
 * elsewhere fails the whole login (the caller revokes the token; nothing is written or exported). A profile written
 * unverified (verify-profiles: primary) is held to the account it names: that is the account it will sign in to.
 * Then a profile that failed fails the login unless allow-partial.
 */
function checkProfiles(request, verified, extra, primary) {
    for (const p of verified) {
        if (p.identity)
            (0,allowed_accounts/* assertAccountAllowed */.qr)(p.identity, request.files.allowedAccountIds, `profile "${p.profile.name}" (${p.identity.arn})`);
        else if (p.unverified)
            (0,allowed_accounts/* assertAccountAllowed */.qr)({ account: p.profile.accountId }, request.files.allowedAccountIds, `profile "${p.profile.name}" (${p.profile.accountId}/${p.profile.roleName}, not verified)`);
    }
    const failed = extra.filter((p) => p.error);
    if (failed.length && !request.files.allowPartial)
        throw new ProfilesFailedError(failed, [primary, ...extra]);
}
/** sign-out-early: every role credential is fetched and verified: end the sign-in now. Returns when. */
async function signOutEarly(options, clients, token) {
    const { log } = options;
    if (!(await (0,logout/* logout */.r)(clients, token.accessToken, log))) {
        throw new SignOutFailedError('sign-out-early: SSO Logout failed (see the warning above), so the sign-in could not be ended; nothing was written or exported');
    }
    const signedOutAt = new Date();
    log.info(`sign-out-early: signed out of IAM Identity Center at ${signedOutAt.toISOString()}; no SSO token is kept, the profiles hold role credentials only`);
    return signedOutAt;
}

;// CONCATENATED MODULE: ./src/core/rejection.ts
/**
 * What a rejection (allowed-approvers, forbid-self-approval, allowed-account-ids) does to the sign-in, per mode, so that
 * the message says what really happened:
 * - a device flow of this run: signed out at once (SSO Logout); the approval was made for this request only;
 * - reuse-session (a token found in the cache): not signed out; it was not approved for this run but left by an
 *   earlier one (keep-session, `aws sso login`), and a job whose policy is stricter must not end it for its owner;
 * - a shared sign-in (session): not signed out; it belongs to the whole run (end-session ends it), and other jobs of
 *   the run, with their own policies, may be using it.
 */


function revocationNote(why) {
    switch (why) {
        case 'shared-session':
            return "it is the run's shared sign-in (session), which only end-session signs out";
        case 'cached-token':
        case 'refreshed-token':
            return 'it was found in the token cache (reuse-session), not approved for this run, and stays for whoever left it there';
        case 'failed-logout':
            return 'SSO Logout failed (see the warning above); the token stays valid until it expires';
        case 'device-flow':
            return 'it was approved for this run';
    }
}
/** `error` with its message matching whether the sign-in was revoked; other errors as they are. */
function withRevocation(error, revoked, note) {
    if (error instanceof ApproverRejectedError && error.revoked !== revoked)
        return new ApproverRejectedError(error.approvedBy, error.reason, revoked, note);
    if (error instanceof allowed_accounts/* AccountNotAllowedError */.TQ && error.revoked !== revoked)
        return new allowed_accounts/* AccountNotAllowedError */.TQ(error.accountId, error.what, error.allowed, revoked, note);
    return error;
}

// EXTERNAL MODULE: ./src/credential-server/job-server.ts
var job_server = __webpack_require__(658);
;// CONCATENATED MODULE: ./src/core/login.ts
/**
 * One login, from a validated request to verified credentials and the AWS files written.
 * Shared by the GitHub Action and the CLI: no @actions/* here; the edges pass in how to mask, log and notify.
 * The token comes from obtain-token.ts, the stages from it to the files are use-token.ts.
 */















async function login(options) {
    const { request, log, paths } = options;
    // Refuse unsafe paths (symlinks) before anyone is asked to approve: a refusal then costs no approval and leaves no token.
    const pathProblem = unsafeAwsPath(paths, (0,job_files/* jobFilePaths */.oA)((0,files_plan/* filesPlace */.bC)(paths, request, (0,profile_layout/* writesCredentialsFile */.Nz)(request))));
    const serverPathProblem = (0,sign_in_mode/* behaviourOf */.xu)(request.signIn.mode).holds === 'server'
        ? await (0,job_server/* unsafeServerPath */.x$)(paths, request.profiles.ssoSession)
        : undefined;
    if (pathProblem || serverPathProblem)
        throw new UnsafePathError(`${pathProblem ?? serverPathProblem}; nothing was sent or written`);
    const clients = new aws_clients/* AwsClients */.cE({
        ssoRegion: request.target.ssoRegion,
        region: request.target.region,
        env: options.env,
        onRetry: (m) => log.warning(m)
    });
    try {
        let session = await obtainToken(options, clients);
        if (session.via !== 'device-flow') {
            try {
                return await useToken(options, clients, session);
            }
            catch (error) {
                if (!tokenRejected(error))
                    throw withRevocation(error, false, revocationNote(session.via));
                // The shared sign-in belongs to the whole run: never asked for again here, never signed out here.
                if (session.via === 'shared-session')
                    throw new SharedSignInEndedError();
                // The cache said valid, the service says no (signed out elsewhere, revoked by an admin): ask a person, once.
                log.info('reuse-session: the cached SSO token was rejected by the service (revoked?); asking for approval');
                session = await deviceFlowToken(options, clients);
            }
        }
        try {
            return await useToken(options, clients, session);
        }
        catch (error) {
            // A token a person approved for this run must not outlive a failed login; a reused one belongs to the shared session.
            const revoked = await (0,logout/* logout */.r)(clients, session.token.accessToken, log);
            throw withRevocation(error, revoked, revocationNote('failed-logout'));
        }
    }
    finally {
        clients.destroy();
    }
}


/***/ }),

/***/ 9411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ finalEvent),
/* harmony export */   o: () => (/* binding */ failureMessage)
/* harmony export */ });
/* harmony import */ var _approvals_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8027);
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8408);
/* harmony import */ var _allowed_accounts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76);
/* harmony import */ var _device_flow_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8618);
/* harmony import */ var _aws_credentials_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1735);
/* harmony import */ var _inputs_rules_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8190);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9378);







function finalEvent(request, outcome, 
/** The approval record of a successful sign-in (the job summary shows it). */
record) {
    const at = new Date();
    if (outcome && typeof outcome === 'object' && 'primary' in outcome) {
        const result = outcome;
        const job = (0,_login_js__WEBPACK_IMPORTED_MODULE_1__/* .jobRole */ .CW)(result);
        const chained = result.chained;
        const profiles = [
            chained
                ? {
                    name: chained.profile,
                    accountId: chained.identity.account,
                    roleName: job.roleName,
                    arn: chained.identity.arn
                }
                : {
                    name: result.primary.profile.name,
                    accountId: result.primary.identity.account,
                    roleName: request.target.roleName,
                    arn: result.primary.identity.arn
                },
            ...(chained?.sourceProfile
                ? [
                    {
                        name: chained.sourceProfile,
                        accountId: result.primary.identity.account,
                        roleName: request.target.roleName,
                        arn: result.primary.identity.arn
                    }
                ]
                : []),
            ...result.extra.map((p) => ({
                name: p.profile.name,
                accountId: p.profile.accountId,
                roleName: p.profile.roleName,
                arn: p.identity?.arn,
                error: p.error,
                ...(p.unverified ? { unverified: true } : {})
            }))
        ];
        return {
            type: 'approved',
            at,
            approvedBy: result.approvedBy,
            accountId: job.identity.account,
            roleName: chained ? job.roleName : request.target.roleName,
            arn: job.identity.arn,
            via: result.via,
            profiles,
            ...(result.signedOutAt
                ? { signedOutAt: result.signedOutAt }
                : {
                    signInExpiresAt: result.token.expiresAt,
                    refreshable: !!result.token.refreshToken
                }),
            credentialsExpireAt: latestExpiry(result),
            ...(record ? { record } : {}),
            ...approvalsOf(result)
        };
    }
    const approvals = failedApprovals(outcome);
    if (outcome instanceof _device_flow_js__WEBPACK_IMPORTED_MODULE_3__/* .DeviceFlowError */ .Bt) {
        if (outcome.outcome === 'denied')
            return { type: 'denied', at, ...approvals };
        if (outcome.outcome === 'expired')
            return {
                type: 'expired',
                at,
                waitedSeconds: outcome.waitedSeconds,
                ...approvals
            };
        return { type: 'cancelled', at, ...approvals };
    }
    if (outcome instanceof _login_js__WEBPACK_IMPORTED_MODULE_1__/* .ApproverRejectedError */ .Ej)
        return {
            type: 'rejected',
            at,
            approvedBy: outcome.approvedBy,
            reason: outcome.reason,
            ...approvals
        };
    if (outcome instanceof _login_js__WEBPACK_IMPORTED_MODULE_1__/* .ProfilesFailedError */ .Gs) {
        const profiles = outcome.results.map((p) => ({
            name: p.profile.name,
            accountId: p.profile.accountId,
            roleName: p.profile.roleName,
            ...(p.identity ? { arn: p.identity.arn } : {}),
            ...(p.error ? { error: p.error } : {})
        }));
        return {
            type: 'failed',
            at,
            reason: failureMessage(outcome),
            profiles,
            ...approvals
        };
    }
    return { type: 'failed', at, reason: failureMessage(outcome), ...approvals };
}
/** The latest expiry among the role credentials the login hands the job. */
function latestExpiry(result) {
    // With role-to-assume the permission set's credentials reach the job only through the written source profile.
    const primary = !result.chained || result.chained.sourceProfile
        ? result.primary.credentials
        : undefined;
    const times = [
        primary,
        result.chained?.credentials,
        ...result.extra.map((p) => p.credentials)
    ]
        .filter((c) => !!c)
        .map((c) => c.expiration.getTime());
    return new Date(Math.max(...times));
}
/** A message fit for the log: our own errors as they are; anything else reduced to its name (SDK errors carry request data). */
function failureMessage(error) {
    if (error instanceof _device_flow_js__WEBPACK_IMPORTED_MODULE_3__/* .DeviceFlowError */ .Bt ||
        error instanceof _login_js__WEBPACK_IMPORTED_MODULE_1__/* .ApproverRejectedError */ .Ej ||
        error instanceof _allowed_accounts_js__WEBPACK_IMPORTED_MODULE_2__/* .AccountNotAllowedError */ .TQ ||
        error instanceof _login_js__WEBPACK_IMPORTED_MODULE_1__/* .SignOutFailedError */ .du ||
        error instanceof _login_js__WEBPACK_IMPORTED_MODULE_1__/* .ProfilesFailedError */ .Gs ||
        error instanceof _login_js__WEBPACK_IMPORTED_MODULE_1__/* .UnsafePathError */ .k0 ||
        error instanceof _login_js__WEBPACK_IMPORTED_MODULE_1__/* .SharedSignInEndedError */ .wD ||
        error instanceof _aws_credentials_js__WEBPACK_IMPORTED_MODULE_4__/* .CredentialsError */ .lE ||
        error instanceof _inputs_rules_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz ||
        error instanceof _device_flow_js__WEBPACK_IMPORTED_MODULE_3__/* .OidcError */ .uv) {
        return error.message;
    }
    // SDK errors carry the request (tokens included): only their name, status and attempts. Node's own errors (a file
    // that could not be written, say) say what went wrong and where, and carry no request data.
    if (error instanceof Error &&
        !('$metadata' in error) &&
        !('$response' in error))
        return error.message;
    return `unexpected error: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeAwsError */ .P)(error)}`;
}
/** required-approvals > 1, or a shared sign-in that several approved: who approved and whose sign-in the job has. */
function approvalsOf(result) {
    const approvers = result.approvers ?? [];
    if (approvers.length < 2)
        return {};
    const line = (0,_approvals_js__WEBPACK_IMPORTED_MODULE_0__/* .approvedLine */ .Ib)({ approvers, uncounted: 0, status: 'done' });
    return {
        approvals: result.via === 'shared-session'
            ? `${line.replace(/^Approved by/, 'Approved earlier in this run by').replace(/; the job's credentials.*$/, '')}; this job uses that shared sign-in`
            : line
    };
}
/** The approvals counted before a failure (approval-loop.ts marks the error). */
function failedApprovals(outcome) {
    const line = outcome?.approvals;
    return typeof line === 'string' ? { approvals: line } : {};
}


/***/ }),

/***/ 7301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CW: () => (/* binding */ jobRole),
/* harmony export */   Nz: () => (/* binding */ writesCredentialsFile),
/* harmony export */   qC: () => (/* binding */ profileLayout),
/* harmony export */   qc: () => (/* binding */ chainedProfileNote)
/* harmony export */ });
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(290);
/* harmony import */ var _sign_in_mode_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5978);


/** Whether a login of this request may write the credentials file (for the pre-flight check of the paths). */
function writesCredentialsFile(request) {
    if ((0,_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .behaviourOf */ .xu)(request.signIn.mode).holds === 'server')
        return false;
    return ((0,_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .profilesHoldKeys */ .yn)((0,_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .behaviourOf */ .xu)(request.signIn.mode).holds) ||
        (request.chain !== undefined &&
            ((0,_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .hasSessionPolicy */ .f4)(request.chain) ||
                request.chain.sourceIdentity === true)));
}
/**
 * Which sections carry the primary profile. No role-to-assume: the SSO profile itself. role-to-assume without a session
 * policy: the SSO profile as `<profile>-sso` and `<profile>` a refreshable role_arn + source_profile profile. With a
 * session policy: `<profile>` holds the narrowed session's keys (a role_arn profile would re-assume without the policy)
 * and no SSO profile is written for it; so with sign-out-early, which leaves no sign-in to assume from, and with
 * role-source-identity (botocore and the CLIs cannot send a SourceIdentity when a role_arn profile re-assumes).
 */
function profileLayout(request, primaryProfile, chained, holds) {
    const chain = request.chain;
    // credential-server: every profile asks the server (credential_process), the chained one included.
    if (holds === 'server')
        return { ssoProfiles: [], keys: false };
    if (!chain || !chained)
        return { ssoProfiles: [primaryProfile], keys: false };
    // sign-out-early leaves no sign-in to re-assume from: the profile holds the chained session's keys too.
    // role-source-identity: a role_arn profile cannot send a source identity, so it holds the session's keys as well.
    if ((0,_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .hasSessionPolicy */ .f4)(chain) ||
        chain.sourceIdentity ||
        (0,_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .profilesHoldKeys */ .yn)(holds))
        return { ssoProfiles: [], keys: true };
    const source = {
        ...primaryProfile,
        name: (0,_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .sourceProfileName */ .Kj)(primaryProfile.name)
    };
    return {
        ssoProfiles: [source],
        keys: false,
        roleProfile: {
            name: primaryProfile.name,
            roleArn: chain.roleArn,
            sourceProfile: source.name,
            roleSessionName: chained.sessionName,
            durationSeconds: chain.durationSeconds,
            externalId: chain.externalId,
            region: primaryProfile.region,
            output: request.profiles.output
        }
    };
}
/** What the job gets: the chained session with role-to-assume, else the primary profile's (outputs and exports). */
function jobRole(result) {
    if (result.chained)
        return {
            credentials: result.chained.credentials,
            identity: result.chained.identity,
            roleName: result.chained.roleArn.split('/').pop() ?? ''
        };
    return {
        credentials: result.primary.credentials,
        identity: result.primary.identity,
        roleName: result.primary.profile.roleName
    };
}
/** One line on what the chained profile holds, for the log. */
function chainedProfileNote(chained) {
    const until = chained.credentials.expiration.toISOString();
    return chained.sourceProfile
        ? `Profile "${chained.profile}" assumes ${chained.roleArn} from profile "${chained.sourceProfile}" (the Identity Center role) and renews itself while the sign-in lasts; the session is not narrowed by a session policy`
        : `Profile "${chained.profile}" holds the chained session of ${chained.roleArn} itself (shared credentials file) until ${until}; no profile can re-assume the role`;
}


/***/ }),

/***/ 2377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ runSignIn)
});

// EXTERNAL MODULE: ./src/core/login-record.ts
var login_record = __webpack_require__(622);
// EXTERNAL MODULE: ./src/core/login.ts + 10 modules
var login = __webpack_require__(8408);
// EXTERNAL MODULE: ./src/core/outcome.ts
var outcome = __webpack_require__(9411);
// EXTERNAL MODULE: ./src/aws/http.ts
var http = __webpack_require__(5421);
// EXTERNAL MODULE: ./src/core/cleanup.ts
var cleanup = __webpack_require__(3639);
// EXTERNAL MODULE: ./src/core/run-context.ts
var run_context = __webpack_require__(4448);
// EXTERNAL MODULE: ./src/inputs/rules.ts
var rules = __webpack_require__(8190);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/util/time.ts
var time = __webpack_require__(6043);
;// CONCATENATED MODULE: ./src/core/sealed-sign-in.ts
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



const SEAL_VERSION = 'icl1';
/** scrypt cost (16 MiB): 85-155 ms measured on a loaded 2-core machine; sealing pays it while the approver reads the link (prepareSealKey). */
const SCRYPT = { N: 1 << 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_BYTES = 8;
const TAG_BYTES = 16;
const RUN_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
/** A sealed session refused before any request; names the input at fault and why. */
class SealError extends rules/* InputError */.dz {
    refusal;
    constructor(refusal, input, problem) {
        super(input, problem);
        this.refusal = refusal;
        this.name = 'SealError';
    }
}
function derive(sessionKey, salt) {
    return new Promise((resolve, reject) => (0,external_node_crypto_.scrypt)(sessionKey, salt, 32 + CHECK_BYTES, SCRYPT, (error, bytes) => error
        ? reject(error)
        : resolve({
            salt,
            key: bytes.subarray(0, 32),
            check: bytes.subarray(32)
        })));
}
/**
 * Starts deriving a sealing key with a fresh salt (scrypt runs on libuv's thread pool, not the event loop): call it
 * once the approval link is out, and the cost is hidden in the wait for the approver.
 */
function prepareSealKey(sessionKey) {
    const promise = derive(sessionKey, (0,external_node_crypto_.randomBytes)(SALT_BYTES));
    promise.catch(() => undefined); // awaited (and reported) by sealSignIn
    return promise;
}
const b64 = (b) => b.toString('base64url');
function repositoryTag(repository) {
    return b64((0,external_node_crypto_.createHash)('sha256')
        .update(`identity-center-login repository\0${repository}`)
        .digest()
        .subarray(0, 8));
}
function associatedData(header, binding) {
    return Buffer.from(`${header}\0${binding.repository}\0${binding.runId}`, 'utf8');
}
async function sealSignIn(signIn, sessionKey, binding) {
    if (!RUN_ID_RE.test(binding.runId))
        throw new Error(`cannot seal a session: run id ${JSON.stringify(binding.runId)} is not 1-64 of letters, digits, _ and -`);
    const { salt, key, check } = typeof sessionKey === 'string'
        ? await prepareSealKey(sessionKey)
        : await sessionKey;
    const iv = (0,external_node_crypto_.randomBytes)(IV_BYTES);
    const header = [
        SEAL_VERSION,
        binding.runId,
        repositoryTag(binding.repository),
        b64(salt),
        b64(iv),
        b64(check)
    ].join('.');
    const cipher = (0,external_node_crypto_.createCipheriv)('aes-256-gcm', key, iv);
    cipher.setAAD(associatedData(header, binding));
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
    });
    const sealed = Buffer.concat([
        cipher.update(payload, 'utf8'),
        cipher.final(),
        cipher.getAuthTag()
    ]);
    return `${header}.${b64(sealed)}`;
}
/** Opens a sealed session, or throws a SealError saying exactly why not. No network. */
async function openSeal(sealed, sessionKey, binding, options) {
    const refuse = (refusal, problem, input = 'session') => {
        throw new SealError(refusal, input, problem);
    };
    const text = sealed.trim();
    const parts = text.split('.');
    if (parts[0] !== SEAL_VERSION && /^icl\d+$/.test(parts[0] ?? '')) {
        refuse('version', `was sealed by another version of identity-center-login (${parts[0]}); this one reads ${SEAL_VERSION}`);
    }
    const bytes = (s) => s !== undefined && /^[A-Za-z0-9_-]+$/.test(s)
        ? Buffer.from(s, 'base64url')
        : Buffer.alloc(0);
    const [version, runId, repoTag, saltText, ivText, checkText, bodyText] = parts;
    const salt = bytes(saltText);
    const iv = bytes(ivText);
    const check = bytes(checkText);
    const body = bytes(bodyText);
    if (parts.length !== 7 ||
        version !== SEAL_VERSION ||
        !RUN_ID_RE.test(runId) ||
        bytes(repoTag).length !== 8 ||
        salt.length !== SALT_BYTES ||
        iv.length !== IV_BYTES ||
        check.length !== CHECK_BYTES ||
        body.length <= TAG_BYTES) {
        refuse('malformed', `is not a whole sealed session (truncated or not the session output of a share-session job; ${text.length} characters)`);
    }
    if (runId !== binding.runId) {
        refuse('other-run', `was made by run ${runId}, this is run ${binding.runId}: a sealed session opens only in the workflow run that made it`);
    }
    if (repoTag !== repositoryTag(binding.repository)) {
        refuse('other-repository', `was made in another repository than ${binding.repository || 'this one'}: a sealed session opens only where it was made`);
    }
    const { key, check: expected } = await derive(sessionKey, salt);
    if (!(0,external_node_crypto_.timingSafeEqual)(check, expected))
        refuse('wrong-key', 'is not the key this session was sealed with (value not shown)', 'session-key');
    const header = parts.slice(0, 6).join('.');
    let payload;
    try {
        const decipher = (0,external_node_crypto_.createDecipheriv)('aes-256-gcm', key, iv);
        decipher.setAAD(associatedData(header, binding));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        const plain = Buffer.concat([
            decipher.update(body.subarray(0, body.length - TAG_BYTES)),
            decipher.final()
        ]);
        payload = JSON.parse(plain.toString('utf8'));
    }
    catch {
        return refuse('tampered', 'fails its integrity check: it was changed after it was sealed (or cut short)');
    }
    const str = (k) => typeof payload[k] === 'string'
        ? payload[k]
        : refuse('tampered', 'holds an unreadable sign-in');
    const seconds = typeof payload.e === 'number' && Number.isSafeInteger(payload.e)
        ? payload.e
        : refuse('tampered', 'holds an unreadable sign-in');
    const signIn = {
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
    };
    if (options.minValiditySeconds === null)
        return signIn;
    const now = options.now ?? Date.now();
    const left = Math.floor((signIn.expiresAt.getTime() - now) / 1000);
    if (left <= 0)
        refuse('expired', `the shared sign-in expired at ${signIn.expiresAt.toISOString()} (${(0,time/* formatDuration */.a)(-left)} ago); sign in again with share-session`);
    if (left < options.minValiditySeconds) {
        refuse('expired', `the shared sign-in expires at ${signIn.expiresAt.toISOString()} (in ${(0,time/* formatDuration */.a)(left)}), less than min-validity (${(0,time/* formatDuration */.a)(options.minValiditySeconds)}); sign in again with share-session or lower min-validity`);
    }
    return signIn;
}
/** The approvers a seal carries (its `v`): each a name and a time, or the seal is unreadable. */
function sealedApprovers(v) {
    const list = Array.isArray(v) ? v : [];
    const approvers = list.map((a) => a && typeof a.n === 'string' && Number.isSafeInteger(a.t)
        ? { name: a.n, at: new Date(a.t) }
        : undefined);
    if (!Array.isArray(v) || !approvers.length || approvers.includes(undefined))
        throw new SealError('tampered', 'session', 'holds an unreadable sign-in');
    return approvers;
}

// EXTERNAL MODULE: ./src/aws/logout.ts
var logout = __webpack_require__(4299);
;// CONCATENATED MODULE: ./src/core/shared-sign-in.ts




/** Where the run id comes from, in order (GitHub, GitLab, Buildkite, CircleCI); --session-run-id overrides on the CLI. */
/** What a sealed session of this run is bound to; an InputError (before any request) when there is no run to bind to. */
function sealBinding(subject, run) {
    const input = 'signIn' in subject && subject.signIn.mode.kind === 'shared'
        ? 'share-session'
        : 'session';
    const { runId, repository } = run;
    if (!runId)
        throw new rules/* InputError */.dz(input, `needs a workflow run to bind the sign-in to, and none of ${run_context/* RUN_ID_VARIABLES */.Ib.join(', ')} is set (CLI: --session-run-id)`);
    if (!RUN_ID_RE.test(runId))
        throw new rules/* InputError */.dz(input, `the run id must be 1-64 of letters, digits, _ and -, got ${JSON.stringify(runId.slice(0, 70))}`);
    return { repository, runId };
}
/**
 * session: opens the sealed sign-in (refusing it before any request: wrong key, other run or repository, tampered,
 * expired or too close to expiry) and completes the request from it: start URL, SSO region, sso-session name (unless
 * given), and the login job's account and role unless the job gives its own. A start URL or SSO region given with it
 * must be the sealed one.
 */
async function openSharedSignIn(request, binding, mask, now = Date.now()) {
    const shared = request.signIn.mode.token;
    if (shared.from !== 'session')
        throw new Error('openSharedSignIn: the request has no session input');
    const signIn = await openSeal(shared.sealed, shared.key, binding, {
        minValiditySeconds: request.signIn.minValiditySeconds,
        now
    });
    mask(signIn.accessToken);
    if (request.target.startUrl && request.target.startUrl !== signIn.startUrl) {
        throw new rules/* InputError */.dz('start-url', `is not the start URL of the shared sign-in (${signIn.startUrl}); leave it out with session`);
    }
    if (request.target.ssoRegion &&
        request.target.ssoRegion !== signIn.ssoRegion) {
        throw new rules/* InputError */.dz('sso-region', `is not the SSO region of the shared sign-in (${signIn.ssoRegion}); leave it out with session`);
    }
    const region = request.target.region || signIn.ssoRegion;
    return {
        signIn,
        request: {
            ...request,
            target: {
                startUrl: signIn.startUrl,
                ssoRegion: signIn.ssoRegion,
                region,
                accountId: request.target.accountId || signIn.accountId,
                roleName: request.target.roleName || signIn.roleName
            },
            profiles: {
                ...request.profiles,
                ssoSession: shared.ssoSessionGiven
                    ? request.profiles.ssoSession
                    : signIn.ssoSession,
                extraProfiles: request.profiles.extraProfiles.map((p) => p.region ? p : { ...p, region })
            }
        }
    };
}
/** share-session: the key derivation, started when the approval link is out so that its cost hides in the wait. */
class SignInSealer {
    sessionKey;
    binding;
    key;
    constructor(sessionKey, binding) {
        this.sessionKey = sessionKey;
        this.binding = binding;
    }
    prepare() {
        this.key ??= prepareSealKey(this.sessionKey);
    }
    /** The `session` output: this login's sign-in, sealed (no refresh token, no client secret). */
    seal(request, result) {
        this.prepare();
        const signIn = {
            accessToken: result.token.accessToken,
            startUrl: request.target.startUrl,
            ssoRegion: request.target.ssoRegion,
            ssoSession: request.profiles.ssoSession,
            expiresAt: result.token.expiresAt,
            accountId: request.target.accountId,
            roleName: request.target.roleName,
            ...(result.approvers ? { approvers: result.approvers } : {})
        };
        return sealSignIn(signIn, this.key, this.binding);
    }
}
/** The line the login job logs once the sign-in is sealed. */
function sharedNotice(binding, expiresAt) {
    return (`share-session: the sign-in is in the session output, sealed with session-key for run ${binding.runId}` +
        `${binding.repository ? ` of ${binding.repository}` : ''}; any later job of this run that holds both the output and the key ` +
        `can use it until end-session signs it out or it expires at ${expiresAt.toISOString()}`);
}
/**
 * end-session: signs the shared sign-in out (SSO Logout) and does nothing else. A sign-in that already expired needs
 * no sign-out (said so, not a failure: the end-session job runs with if: always()). Throws only for a refused seal.
 * Returns whether the sign-out was confirmed.
 */
async function endSharedSignIn(end, binding, mask, log, env) {
    const signIn = await openSeal(end.token.sealed, end.token.key, binding, {
        minValiditySeconds: null
    });
    mask(signIn.accessToken);
    if (signIn.expiresAt.getTime() <= Date.now()) {
        log.info(`end-session: the shared sign-in of run ${binding.runId} already expired at ${signIn.expiresAt.toISOString()}; nothing to sign out`);
        return true;
    }
    const signedOut = await (0,logout/* signOut */.C)(signIn.accessToken, {
        ssoRegion: signIn.ssoRegion,
        region: signIn.ssoRegion,
        env,
        maxAttempts: 3
    }, log);
    if (!signedOut)
        return false;
    log.info(`end-session: signed out the sign-in shared in run ${binding.runId} (the SSO access token is revoked): a job that uses its session output fails from now on; ` +
        'role credentials already issued to the jobs stay valid until they expire');
    return true;
}
/**
 * share-session: a sealer for the result; session: the sealed sign-in opened (refused before any request);
 * end-session: signed out, and nothing else to do. Without any of them the request goes on as it is. The session-key
 * is masked first.
 */
async function startSharing(command, options) {
    const { mask, log, env } = options;
    if (command.kind === 'end-session') {
        mask(command.token.key);
        const binding = sealBinding(command, options.sealRun);
        return {
            kind: 'ended',
            signedOut: await endSharedSignIn(command, binding, mask, log, env)
        };
    }
    const { request } = command;
    const { mode } = request.signIn;
    // The session input opens a sign-in, whatever stays on the runner; share-session seals this job's own.
    if (mode.token.from === 'session') {
        mask(mode.token.key);
        const binding = sealBinding(request, options.sealRun);
        return {
            kind: 'login',
            ...(await openSharedSignIn(request, binding, mask))
        };
    }
    if (mode.kind === 'shared') {
        mask(mode.key);
        const binding = sealBinding(request, options.sealRun);
        return {
            kind: 'login',
            request,
            sealer: new SignInSealer(mode.key, binding)
        };
    }
    return { kind: 'login', request };
}

// EXTERNAL MODULE: ./src/core/sign-in-mode.ts
var sign_in_mode = __webpack_require__(5978);
// EXTERNAL MODULE: ./src/core/client-name.ts
var client_name = __webpack_require__(938);
;// CONCATENATED MODULE: ./src/core/run-sign-in.ts









/** How long a cancelled step waits for the channels (comment, webhook) to say "cancelled". */
const CANCEL_DRAIN_MS = 3_000;
async function runSignIn(command, ports) {
    const { run, paths, env, log, hardStop } = ports;
    let start;
    try {
        start = await startSharing(command, {
            mask: (s) => ports.mask(s),
            log,
            env,
            sealRun: run.sealRun
        });
    }
    catch (error) {
        return { kind: 'refused', error };
    }
    if (start.kind === 'ended')
        return { kind: 'ended', signedOut: start.signedOut };
    const { request, signIn, sealer } = start;
    const ctx = {
        ...(0,run_context/* describedRun */.$L)(run),
        ...(0,sign_in_mode/* requestedAccess */.BO)(request, ports.hasPostStep)
    };
    const events = ports.channels(request, ctx);
    const controller = new AbortController();
    /** Set once the outcome is reported, by the login or by the hard stop, whichever comes first. */
    let finished = false;
    /** Secrets this process masked: an access token among them came from CreateToken in this run. */
    const masked = new Set();
    /** The access tokens CreateToken issued to this run: a hard stop revokes those no cache file holds. */
    const issued = new Set();
    const cancelled = (signal) => {
        events.push({ type: 'cancelled', at: new Date(), signal });
        ports.report?.cancelled(signal);
        return { kind: 'cancelled', signal };
    };
    const stopHard = (signal, stop) => {
        if (finished)
            return;
        finished = true;
        cancelled(signal);
        const bounded = Promise.race([
            sweepLeftToken(request, paths, masked, issued, stop.sweepMs, log, env),
            new Promise((r) => setTimeout(r, stop.sweepMs + 500))
        ]);
        void Promise.all([bounded, events.drain(CANCEL_DRAIN_MS)]).finally(() => process.exit(1));
    };
    const unlisten = listenForSignals(controller, log, hardStop, (signal, stop) => stopHard(signal, stop));
    try {
        const result = await (0,login/* login */.iD)({
            request,
            run,
            paths,
            clientName: (0,client_name/* registeredClientName */.xA)(run.repository),
            ...(ports.record ? { onFilesProgress: ports.record.files(request) } : {}),
            onTokenIssued: (accessToken) => issued.add(accessToken),
            mask: (secret) => {
                masked.add(secret);
                ports.mask(secret);
            },
            emit: (event) => {
                if (event.type === 'started')
                    sealer?.prepare();
                events.push(event);
            },
            log,
            signal: controller.signal,
            env,
            sharedSignIn: signIn,
            ...(ports.watchPid !== undefined ? { watchPid: ports.watchPid } : {})
        });
        // Recorded even when a cancel came in meanwhile: the post step then signs out and removes the files.
        ports.record?.result(request, result);
        const lateCancel = hardStop !== undefined && controller.signal.aborted;
        const sealed = sealer && !lateCancel ? await sealer.seal(request, result) : undefined;
        if (finished)
            return { kind: 'stopped' };
        finished = true;
        if (lateCancel)
            return cancelled(String(controller.signal.reason));
        const record = (0,login_record/* loginRecord */.v)(request, result, run, ports.hasPostStep);
        ports.publish?.(request, result, sealed, record);
        if (sealer)
            log.info(sharedNotice(sealer.binding, result.token.expiresAt) +
                (ports.hasPostStep
                    ? ''
                    : '; the sign-in stays valid after this command'));
        events.push((0,outcome/* finalEvent */.f)(request, result, record));
        if (ports.deliver) {
            await events.drain();
            try {
                await ports.deliver(request, result, sealed, record);
            }
            catch (error) {
                events.push((0,outcome/* finalEvent */.f)(request, error));
                ports.report?.failed(error);
                return { kind: 'failed', error };
            }
        }
        return { kind: 'signed-in', request, result, sealed, record };
    }
    catch (error) {
        if (finished)
            return { kind: 'stopped' };
        finished = true;
        // Whatever the login was doing when a signal came (a poll, a request the cancel aborted), the outcome is a cancel.
        if (controller.signal.aborted)
            return cancelled(String(controller.signal.reason));
        events.push((0,outcome/* finalEvent */.f)(request, error));
        ports.report?.failed(error);
        return { kind: 'failed', error };
    }
    finally {
        await events.drain(controller.signal.aborted ? CANCEL_DRAIN_MS : undefined);
        unlisten();
    }
}
/**
 * SIGINT / SIGTERM abort the login and the AWS requests in flight. With a hard stop (the action) a second signal
 * exits at once and `stopHard` runs `graceMs` after the first; without one (the CLI) each is heard once. Returns the
 * unsubscribe.
 */
function listenForSignals(controller, log, hardStop, stopHard) {
    const onSignal = (signal) => {
        if (hardStop) {
            if (controller.signal.aborted) {
                log.info(`Received ${signal} again: exiting now`);
                process.exit(1);
            }
            log.info(`Received ${signal}: stopping the login`);
        }
        controller.abort(signal);
        (0,http/* cancelAwsRequests */.Wp)(signal);
        if (hardStop)
            setTimeout(() => stopHard(signal, hardStop), hardStop.graceMs).unref();
    };
    if (hardStop) {
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
    }
    else {
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
    }
    return () => {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
    };
}
/** A token a stuck, cancelled login of this run may have left in the cache: revoked and removed (never one it found). */
function sweepLeftToken(request, paths, masked, issued, sweepMs, log, env) {
    // The cache may hold a session this run found, not made (or shared with it): never touch it here.
    if (request.signIn.mode.token.from !== 'device-flow')
        return Promise.resolve();
    return (0,cleanup/* sweepOrphanedTokenCache */.z)({
        ssoCacheDir: paths.ssoCacheDir,
        sessionName: request.profiles.ssoSession,
        ssoRegion: request.target.ssoRegion,
        region: request.target.region,
        isOurs: (t) => masked.has(t),
        requestTimeoutMs: sweepMs,
        issuedTokens: [...issued],
        ...(request.profiles.legacySsoProfile
            ? { legacyStartUrl: request.target.startUrl }
            : {})
    }, log, env);
}


/***/ }),

/***/ 9088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E8: () => (/* binding */ portClosed),
/* harmony export */   nQ: () => (/* binding */ stopCredentialServer),
/* harmony export */   wr: () => (/* binding */ serverCredentials)
/* harmony export */ });
/* unused harmony exports CredentialServerError, call, credentialServerReport */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/** Talking to a running credential server: its report, its stop (and the proof that its port closed), one profile's credentials. */


/** The server answered an error: its code and message (for a credential request, what the SDKs would show). */
class CredentialServerError extends Error {
    status;
    code;
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
        this.name = 'CredentialServerError';
    }
}
/** One request to the server; resolves with the parsed JSON of a 200 answer, rejects with CredentialServerError otherwise. */
function call(address, method, path, timeoutMs = 15_000) {
    return new Promise((resolve, reject) => {
        const req = (0,node_http__WEBPACK_IMPORTED_MODULE_0__.request)({
            host: '127.0.0.1',
            port: address.port,
            method,
            path,
            headers: { authorization: address.authToken },
            timeout: timeoutMs
        }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('error', reject);
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let body;
                try {
                    body = JSON.parse(text);
                }
                catch {
                    return reject(new CredentialServerError(res.statusCode ?? 0, 'BadAnswer', `the credential server answered HTTP ${res.statusCode} with a body that is not JSON`));
                }
                if (res.statusCode === 200)
                    return resolve(body);
                reject(new CredentialServerError(res.statusCode ?? 0, String(body?.code ?? 'Error'), String(body?.message ?? `HTTP ${res.statusCode}`)));
            });
        });
        req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end();
    });
}
function credentialServerReport(address) {
    return call(address, 'GET', '/stats');
}
function serverCredentials(address, profile) {
    return call(address, 'GET', `/role/${encodeURIComponent(profile)}`);
}
/** True once nothing accepts connections on 127.0.0.1:port. */
function portClosed(port) {
    return new Promise((resolve) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.connect)({ host: '127.0.0.1', port });
        socket.once('connect', () => {
            socket.destroy();
            resolve(false);
        });
        socket.once('error', () => resolve(true));
    });
}
/**
 * POST /stop: the server signs out (SSO Logout), answers its final report and exits; then waits (up to `timeoutMs`)
 * until its port refuses connections.
 */
async function stopCredentialServer(address, timeoutMs = 5_000) {
    const report = await call(address, 'POST', '/stop', timeoutMs * 3);
    const until = Date.now() + timeoutMs;
    for (;;) {
        if (await portClosed(address.port))
            return { report, portClosed: true };
        if (Date.now() >= until)
            return { report, portClosed: false };
        await new Promise((r) => setTimeout(r, 50));
    }
}


/***/ }),

/***/ 4586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mq: () => (/* binding */ readServerFile),
/* harmony export */   runCredentialProcess: () => (/* binding */ runCredentialProcess)
/* harmony export */ });
/* unused harmony exports writeServerFile, parseCredentialProcessArgs */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9088);
/**
 * credential_process for the profiles the server serves: `node dist/cli.js --credential-process --server-file PATH
 * --profile NAME` prints the AWS credential_process Version 1 JSON for one profile, asked of the running server. The
 * server file (0600) holds only the port, the authorization token, the pid and the profile names: no SSO secret.
 */



/** Written 0600, created exclusively (O_EXCL, O_NOFOLLOW): a file already there (or a link) is an error. */
async function writeServerFile(file, contents) {
    await writeFile(file, `${JSON.stringify(contents)}\n`, {
        mode: 0o600,
        flag: constants.O_WRONLY |
            constants.O_CREAT |
            constants.O_EXCL |
            constants.O_NOFOLLOW
    });
}
function readServerFile(file) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW);
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if ((st.mode & 0o077) !== 0)
            throw new Error(`${file} is readable by others (mode ${(st.mode & 0o777).toString(8)}); it must be 0600`);
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd, 'utf8'));
        if (!Number.isInteger(parsed?.port) ||
            typeof parsed.authToken !== 'string' ||
            !Array.isArray(parsed.profiles))
            throw new Error(`${file} is not a credential server file`);
        return parsed;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function parseCredentialProcessArgs(argv) {
    const out = {};
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined)
                throw new Error(`${a} needs a value`);
            return v;
        };
        if (a === '--credential-process')
            continue;
        else if (a === '--server-file')
            out.serverFile = value();
        else if (a === '--profile')
            out.profile = value();
        else
            throw new Error(`unknown argument ${JSON.stringify(a)}`);
    }
    if (!out.serverFile)
        throw new Error('--server-file is required');
    if (!out.profile)
        throw new Error('--profile is required');
    return out;
}
/** Prints the credential_process JSON on `out`; returns the exit code (1 with the server's message on `err`). */
async function runCredentialProcess(argv, out = (t) => void process.stdout.write(t), err = (t) => void process.stderr.write(t)) {
    try {
        const args = parseCredentialProcessArgs(argv);
        const file = readServerFile(args.serverFile);
        if (!file.profiles.includes(args.profile))
            throw new Error(`the credential server serves no profile ${JSON.stringify(args.profile)}`);
        const c = await (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .serverCredentials */ .wr)(file, args.profile);
        out(`${JSON.stringify({
            Version: 1,
            AccessKeyId: c.AccessKeyId,
            SecretAccessKey: c.SecretAccessKey,
            SessionToken: c.Token,
            Expiration: c.Expiration
        })}\n`);
        return 0;
    }
    catch (caught) {
        const error = caught;
        const reason = error?.code === 'ECONNREFUSED'
            ? 'the credential server is not running (connection refused)'
            : String(error?.message ?? caught);
        err(`identity-center-login credential_process: ${error?.code && error?.name === 'CredentialServerError' ? `${String(error.code)}: ` : ''}${reason}\n`);
        return 1;
    }
}


/***/ }),

/***/ 658:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jj: () => (/* binding */ serverFilePath),
/* harmony export */   Wb: () => (/* binding */ claimServerFile),
/* harmony export */   eZ: () => (/* binding */ writeJobServerFile),
/* harmony export */   mV: () => (/* binding */ serverProcessEnv),
/* harmony export */   x$: () => (/* binding */ unsafeServerPath)
/* harmony export */ });
/* unused harmony export serverFileDir */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5262);
/* harmony import */ var _credential_process_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4586);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2017);
/**
 * The credential server as one job uses it: where its server file lives (by sso-session, so a later `--sign-out
 * --sso-session NAME` finds it), the environment it is started with (no secret of the step's), and what main records
 * for its post step (never the SSO token: the server's pid, port, authorization token and file, and when the token
 * handed over expires).
 */





/** `~/.aws/identity-center-login`: the server files' folder (0700). */
function serverFileDir(paths) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(paths.awsDir, 'identity-center-login');
}
/** `~/.aws/identity-center-login/<sso-session>.server.json` */
function serverFilePath(paths, ssoSession) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(serverFileDir(paths), `${ssoSession}.server.json`);
}
/** The server file's folder or the file itself is a symlink or not what it should be (for the pre-flight check). */
async function unsafeServerPath(paths, ssoSession) {
    for (const [p, kind] of [
        [serverFileDir(paths), 'folder'],
        [serverFilePath(paths, ssoSession), 'file']
    ]) {
        const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(p).catch(() => undefined);
        if (!st)
            continue;
        if (st.isSymbolicLink())
            return (0,_aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .symlinkError */ .OL)(p).message;
        if (kind === 'folder' ? !st.isDirectory() : !st.isFile())
            return `not a ${kind === 'folder' ? 'directory' : 'regular file'}: ${p}`;
    }
    return undefined;
}
/**
 * Refuses to start a second server for an sso-session whose server still runs (another job on this runner); a file
 * left by a server that is gone is stale and removed.
 */
async function claimServerFile(paths, file) {
    await (0,_aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .ensureDir */ .A0)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { root: paths.awsDir, tighten: true });
    let existing;
    try {
        existing = (0,_credential_process_js__WEBPACK_IMPORTED_MODULE_3__/* .readServerFile */ .mq)(file);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return;
        await (0,_aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .removeIfExists */ .GR)(file, { root: paths.awsDir });
        return;
    }
    if ((0,_util_process_js__WEBPACK_IMPORTED_MODULE_4__/* .isAlive */ ._)(existing.pid))
        throw new Error(`a credential server for this sso-session already runs (pid ${existing.pid}, ${file}); use another sso-session or stop it first`);
    await (0,_aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .removeIfExists */ .GR)(file, { root: paths.awsDir });
}
/** The server file, 0600 in a 0700 folder, written atomically; refuses symlinks from ~/.aws down. */
async function writeJobServerFile(paths, file, contents) {
    await (0,_aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .ensureDir */ .A0)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), { root: paths.awsDir, tighten: true });
    await (0,_aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(file, `${JSON.stringify(contents)}\n`, {
        root: paths.awsDir,
        mode: 0o600
    });
}
/** Variables the server's process keeps: where AWS is and how to reach it. Nothing else of the step's (no INPUT_*, tokens, keys). */
const SERVER_ENV = /^(PATH|HOME|USERPROFILE|LANG|LC_\w+|TZ|TMPDIR|TEMP|TMP|SYSTEMROOT|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|HTTPS?_PROXY|https?_proxy|NO_PROXY|no_proxy|ALL_PROXY|all_proxy|AWS_ENDPOINT_URL(_\w+)?|AWS_CA_BUNDLE|AWS_USE_FIPS_ENDPOINT|AWS_USE_DUALSTACK_ENDPOINT|AWS_MAX_ATTEMPTS|AWS_RETRY_MODE|IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS)$/;
function serverProcessEnv(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined && SERVER_ENV.test(k))
            out[k] = v;
    return out;
}


/***/ }),

/***/ 4811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ readCommand)
});

// UNUSED EXPORTS: readLoginRequest

// EXTERNAL MODULE: ./src/inputs/table/index.ts + 8 modules
var table = __webpack_require__(2233);
// EXTERNAL MODULE: ./src/inputs/rules.ts
var rules = __webpack_require__(8190);
;// CONCATENATED MODULE: ./src/inputs/read-value.ts

/** The value `get` gave, as a string ('' when unset); control characters refused (line breaks where allowed). */
function rawValue(spec, got, allowLineBreaks = spec.kind === 'multiline') {
    const value = got === undefined || got === null ? '' : String(got);
    const problem = (0,rules/* controlProblem */.Rw)(value, spec.secret, allowLineBreaks);
    if (problem)
        throw new rules/* InputError */.dz(spec.name, problem);
    return value;
}
/** The value of a table entry's kind, from its raw value. */
function plainValue(spec, raw) {
    const fail = (problem) => {
        throw new rules/* InputError */.dz(spec.name, problem);
    };
    if (spec.kind === 'multiline')
        return spec.split ? (0,rules/* dedupe */.Qq)(splitLines(raw)) : raw;
    let v = spec.kind === 'string' && spec.keepSpaces ? raw : raw.trim();
    if (spec.anyCase)
        v = v.toLowerCase();
    if (v === '')
        v = spec.default;
    switch (spec.kind) {
        case 'string':
            if (spec.choices && !spec.choices.includes(v))
                fail(`must be one of ${spec.choices.join(', ')}, got ${(0,rules/* showValue */.vp)(v)}`);
            return v;
        case 'boolean':
            if (rules/* TRUE_VALUES */.AR.includes(v))
                return true;
            if (rules/* FALSE_VALUES */.Pm.includes(v))
                return false;
            return fail(`must be true or false, got ${(0,rules/* showValue */.vp)(v)}`);
        case 'list':
            return v === '' ? undefined : (0,rules/* splitList */.ry)(v);
        case 'integer':
            return v === '' ? undefined : integer(spec, v, fail);
        case 'duration':
            return v === '' ? undefined : duration(spec, v, fail);
    }
}
function integer(spec, v, fail) {
    const { min = 0, max = Number.MAX_SAFE_INTEGER, expects, outOfRange } = spec.range ?? {};
    const n = Number(v);
    if (!/^[0-9]+$/.test(v))
        fail(`must be ${expects}, got ${(0,rules/* showValue */.vp)(v)}`);
    if (n < min || n > max)
        fail(`must be ${outOfRange ?? expects}, got ${(0,rules/* showValue */.vp)(v)}`);
    return n;
}
function duration(spec, v, fail) {
    const { min = 0, max = Number.MAX_SAFE_INTEGER } = spec.range ?? {};
    const seconds = (0,rules/* parseDurationSeconds */.lW)(v);
    if (seconds === undefined || !Number.isSafeInteger(seconds))
        fail(`must be a number of seconds or a duration like 15m or 1h, got ${(0,rules/* showValue */.vp)(v)}`);
    if (seconds < min || seconds > max)
        fail(`must be between ${min} and ${max} seconds, got ${(0,rules/* showValue */.vp)(v)} (${seconds} seconds)`);
    return seconds;
}
/** Items one per line (commas too), trimmed, blanks dropped. */
function splitLines(value) {
    return value
        .split(/[\r\n,]+/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

// EXTERNAL MODULE: ./src/inputs/limits.ts
var limits = __webpack_require__(6497);
;// CONCATENATED MODULE: ./src/inputs/values.ts
/** Checks of input values with a shape of their own (lists, notify, webhook-url, profiles). Each throws the InputError naming its input. */


/** registration-scopes: a list of OAuth scopes. */
function parseScopes(scopes) {
    const fail = (problem) => {
        throw new rules/* InputError */.dz('registration-scopes', problem);
    };
    if (scopes.length === 0)
        fail('must list at least one scope, e.g. sso:account:access');
    for (const s of scopes) {
        if (!rules/* SCOPE_RE */.bH.test(s))
            fail(`scope ${(0,rules/* showValue */.vp)(s)} may contain only letters, digits and : _ * . -`);
    }
    return (0,rules/* dedupe */.Qq)(scopes);
}
/** allowed-approvers: user names or globs, lower-cased, de-duplicated; [] means anyone. */
function parseApprovers(items) {
    const approvers = [];
    for (const a of items) {
        const bad = (0,rules/* firstBadChar */.ek)(a, /[^\s,]/u);
        if (bad !== undefined)
            throw new rules/* InputError */.dz('allowed-approvers', `entry ${(0,rules/* showValue */.vp)(a)} must not contain spaces`);
        if (Array.from(a).length > 128)
            throw new rules/* InputError */.dz('allowed-approvers', `entry ${(0,rules/* showValue */.vp)(a)} is longer than 128 characters`);
        approvers.push(a.toLowerCase());
    }
    return (0,rules/* dedupe */.Qq)(approvers);
}
/** allowed-account-ids: 12-digit account ids separated by commas, de-duplicated; undefined when not given. */
function parseAccountIds(ids) {
    if (ids === undefined)
        return undefined;
    const fail = (problem) => {
        throw new rules/* InputError */.dz('allowed-account-ids', problem);
    };
    if (ids.length === 0)
        fail('must list 12-digit account ids separated by commas');
    for (const id of ids) {
        if (/\s/.test(id) && /^[0-9\s]+$/.test(id))
            fail(`separate the account ids with commas, got ${(0,rules/* showValue */.vp)(id)}`);
        const problem = (0,rules/* accountIdProblem */.gN)(id);
        if (problem)
            fail(`each entry ${problem}`);
    }
    return (0,rules/* dedupe */.Qq)(ids);
}
/**
 * notify: channels, case-insensitive; 'log' accepted and ignored (the log is always on); 'none' alone → [] (log only).
 */
function parseNotify(list) {
    const items = list.map((s) => s.toLowerCase());
    if (items.length === 0)
        throw new rules/* InputError */.dz('notify', `must list channels (${limits/* NOTIFY_CHANNELS */.lG.join(', ')}) or none`);
    const channels = [];
    for (const item of items) {
        if (item === 'log')
            continue;
        if (item === 'none') {
            if (items.some((i) => i !== 'none' && i !== 'log'))
                throw new rules/* InputError */.dz('notify', '"none" cannot be combined with other channels');
            continue;
        }
        if (!limits/* NOTIFY_CHANNELS */.lG.includes(item)) {
            throw new rules/* InputError */.dz('notify', `unknown channel ${(0,rules/* showValue */.vp)(item)}; use ${limits/* NOTIFY_CHANNELS */.lG.join(', ')}, log or none`);
        }
        channels.push(item);
    }
    return (0,rules/* dedupe */.Qq)(channels);
}
function webhookUrlProblem(value) {
    if (value.length > limits/* MAX_URL_LENGTH */.m2)
        return `must be at most ${limits/* MAX_URL_LENGTH */.m2} characters`;
    if (/\s/.test(value) || value.includes('\\'))
        return 'must not contain spaces or backslashes';
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return 'must be a URL';
    }
    if (url.username !== '' || url.password !== '')
        return 'must not contain a user name or password';
    if (value.includes('#'))
        return 'must not contain a fragment (#…)';
    if (url.protocol === 'https:')
        return undefined;
    if (url.protocol === 'http:' &&
        ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))
        return undefined;
    return 'must be an https:// URL (http:// only for localhost or 127.0.0.1)';
}
/**
 * profiles: one `name account-id role-name [region]` per line, fields separated by spaces or
 * tabs; blank lines and `#` comments (whole line or trailing) ignored. Errors name the line
 * (1-based, counting every line).
 */
function parseProfiles(value, mainProfile, defaultRegion) {
    const specs = [];
    const seen = new Map();
    const lines = value.split(/\r?\n/);
    lines.forEach((line, index) => {
        const n = index + 1;
        const fail = (problem) => {
            throw new rules/* InputError */.dz('profiles', `line ${n}: ${problem}`);
        };
        const hash = line.indexOf('#');
        const content = (hash >= 0 ? line.slice(0, hash) : line).trim();
        if (content === '')
            return;
        const fields = content.split(/[ \t]+/);
        if (fields.length < 3 || fields.length > 4) {
            fail(`expected "name account-id role-name [region]", got ${fields.length} field${fields.length === 1 ? '' : 's'}`);
        }
        const [name, accountId, roleName, region = defaultRegion] = fields;
        const np = (0,rules/* nameProblem */.rH)(name, 'a profile name');
        if (np)
            fail(`profile name ${np}`);
        const ap = (0,rules/* accountIdProblem */.gN)(accountId);
        if (ap)
            fail(`account id ${ap}`);
        const rp = (0,rules/* roleNameProblem */.pg)(roleName);
        if (rp)
            fail(`role name ${rp}`);
        const gp = region === '' ? undefined : (0,rules/* regionProblem */.Og)(region); // '' only with a sealed session: its region, later
        if (gp)
            fail(`region ${gp}`);
        if (name === mainProfile)
            fail(`profile name ${(0,rules/* showValue */.vp)(name)} is already the profile input; choose another name`);
        const earlier = seen.get(name);
        if (earlier !== undefined)
            fail(`profile name ${(0,rules/* showValue */.vp)(name)} is already used on line ${earlier}`);
        seen.set(name, n);
        specs.push({ name, accountId, roleName, region });
    });
    return specs;
}

// EXTERNAL MODULE: ./src/inputs/chain.ts
var chain = __webpack_require__(1312);
;// CONCATENATED MODULE: ./src/inputs/session-key.ts
/**
 * How strong a session-key is, by an honest estimate. The sealed `session` output is printed in the logs of the jobs
 * that receive it (GitHub shows step inputs), so anyone who can read the run can try keys offline: the key alone
 * protects the sign-in. The estimate: length × log2(distinct characters used), and a key that is a shorter unit
 * repeated (`abcdabcd…`, a word typed four times) counts only as that unit. A random 64-character hex key
 * (256 bits) and a 44-character base64 key (`openssl rand -base64 32`, about 200 bits) pass; `aaaa…` (0 bits) fails.
 */
/** Least estimated strength of a session-key, in bits. */
const MIN_SESSION_KEY_BITS = 128;
/** The shortest unit the key is made of by repetition (the key's length when it repeats nothing). */
function repeatedUnitLength(chars) {
    // The smallest period p with chars[i] === chars[i - p] for every i, counted only when the unit appears at
    // least twice in full (p ≤ length / 2): `abcabcab` is `abc` repeated, `abcab` is not called a repetition.
    for (let p = 1; p <= chars.length / 2; p++) {
        let periodic = true;
        for (let i = p; i < chars.length && periodic; i++)
            periodic = chars[i] === chars[i - p];
        if (periodic)
            return p;
    }
    return chars.length;
}
/** Estimated bits of a key: (length of its repeated unit) × log2(distinct characters used). */
function sessionKeyBits(key) {
    const chars = Array.from(key);
    const distinct = new Set(chars).size;
    if (distinct < 2)
        return 0;
    return repeatedUnitLength(chars) * Math.log2(distinct);
}
/**
 * Why `key` is too weak to seal a sign-in, or undefined when it is strong enough. Never contains the key itself.
 */
function weakSessionKeyReason(key) {
    const chars = Array.from(key);
    const unit = repeatedUnitLength(chars);
    const bits = sessionKeyBits(key);
    if (bits >= MIN_SESSION_KEY_BITS)
        return undefined;
    const why = unit < chars.length
        ? `it repeats a ${unit}-character pattern`
        : `${chars.length} characters using ${new Set(chars).size} distinct ones`;
    return `is too weak: about ${Math.floor(bits)} bits (${why}; length × log2 of the distinct characters used), at least ${MIN_SESSION_KEY_BITS} needed (value not shown); make one with openssl rand -base64 32 and store it as a secret`;
}

;// CONCATENATED MODULE: ./src/inputs/checks.ts





/** A check from a problem function: the problem, if any, is the input's error. */
function problemCheck(input, problem) {
    return (value) => {
        const v = value;
        const found = problem(v);
        if (found)
            throw new rules/* InputError */.dz(input, found);
        return v;
    };
}
/** A problem function that lets '' through (left out with a sealed session; the required rule decides). */
const unlessEmpty = (problem) => (value) => value === '' ? undefined : problem(value);
const CHECKS = {
    'start-url': problemCheck('start-url', unlessEmpty(rules/* startUrlProblem */.rA)),
    'sso-region': problemCheck('sso-region', unlessEmpty(rules/* regionProblem */.Og)),
    'account-id': problemCheck('account-id', unlessEmpty(rules/* accountIdProblem */.gN)),
    'role-name': problemCheck('role-name', unlessEmpty(rules/* roleNameProblem */.pg)),
    'sso-session': problemCheck('sso-session', (v) => (0,rules/* nameProblem */.rH)(v, 'an sso-session name')),
    profile: problemCheck('profile', (v) => (0,rules/* nameProblem */.rH)(v, 'a profile name')),
    region: (value, earlier) => problemCheck('region', unlessEmpty(rules/* regionProblem */.Og))(value || earlier['sso-region']),
    'registration-scopes': (value) => parseScopes(value),
    profiles: (value, earlier) => parseProfiles(value, earlier.profile, earlier.region),
    'account-filter': problemCheck('account-filter', (v) => v.length > 256
        ? `must be at most 256 characters, got ${v.length}`
        : undefined),
    'role-filter': problemCheck('role-filter', (v) => {
        if (v === '')
            return undefined;
        const bad = (0,rules/* firstBadChar */.ek)(v, /[A-Za-z0-9_+=,.@*?-]/);
        if (bad !== undefined)
            return `contains ${(0,rules/* describeChar */.Ip)(bad)}; use role name characters and the globs * ?, got ${(0,rules/* showValue */.vp)(v)}`;
        return v.length > 128
            ? `must be at most 128 characters, got ${v.length}`
            : undefined;
    }),
    'allowed-approvers': (value) => parseApprovers(value ?? []),
    notify: (value) => parseNotify(value),
    'github-token': problemCheck('github-token', (v) => /\s/.test(v) ? 'must not contain spaces (value not shown)' : undefined),
    'webhook-url': problemCheck('webhook-url', (v) => {
        const problem = v === '' ? undefined : webhookUrlProblem(v);
        return problem && `${problem} (value not shown)`;
    }),
    'allowed-account-ids': (value) => parseAccountIds(value),
    'role-to-assume': (value, earlier) => (0,chain/* roleArnOf */.z$)(value, {
        accountId: earlier['account-id'],
        region: earlier.region
    }),
    'role-session-name': problemCheck('role-session-name', chain/* sessionNameProblem */.t5),
    'role-external-id': problemCheck('role-external-id', chain/* externalIdProblem */.G3),
    'inline-session-policy': (value) => (0,chain/* inlinePolicyOf */.xX)(value),
    'managed-session-policies': (value) => (0,chain/* checkPolicyArns */.bx)(value),
    'transitive-tag-keys': (value) => (0,chain/* checkTagKeys */.lo)(value),
    session: problemCheck('session', (v) => v.length > limits/* MAX_SESSION_LENGTH */.nA
        ? `must be at most ${limits/* MAX_SESSION_LENGTH */.nA} characters, got ${v.length}`
        : undefined),
    'session-key': problemCheck('session-key', (v) => {
        if (v === '')
            return undefined;
        const length = Array.from(v).length;
        if (length < limits/* MIN_SESSION_KEY_LENGTH */.FO)
            return `must be at least ${limits/* MIN_SESSION_KEY_LENGTH */.FO} characters, got ${length} (value not shown); e.g. openssl rand -base64 32`;
        return weakSessionKeyReason(v);
    }),
    'verify-profiles': (value) => value
};

;// CONCATENATED MODULE: ./src/inputs/combinations.ts



/** A sign-in from a sealed session (session / end-session): start URL, SSO region, account and role come from it. */
function fromSealedSession({ peek }) {
    return peek('session') !== '' || rules/* TRUE_VALUES */.AR.includes(peek('end-session'));
}
function required(input, example) {
    return {
        input,
        stage: 'before',
        problem: (c) => c.value.trim() === '' && !fromSealedSession(c)
            ? `is required (for example ${example})`
            : undefined
    };
}
function onlyWithDiscover(input) {
    return {
        input,
        stage: 'before',
        problem: ({ value, earlier }) => value !== '' && !earlier.discover
            ? 'is only allowed when discover is true'
            : undefined
    };
}
/** credential-server against an input that wants the sign-in somewhere else. */
function notServedWith(other, isSet, why) {
    return {
        input: 'credential-server',
        stage: 'after',
        problem: ({ value, earlier }) => value === true && isSet(earlier)
            ? `cannot be combined with ${other}: true (${why}); set one of the two`
            : undefined
    };
}
const RULES = [
    required('start-url', 'https://my-sso-portal.awsapps.com/start'),
    required('sso-region', 'us-east-1'),
    required('account-id', '111122223333'),
    required('role-name', 'DeveloperAccess'),
    onlyWithDiscover('account-filter'),
    onlyWithDiscover('role-filter'),
    {
        input: 'required-approvals',
        stage: 'after',
        problem: ({ value, earlier }) => value > 1 && earlier['reuse-session']
            ? `${value} cannot be combined with reuse-session: true (a cached sign-in was approved by one person); drop reuse-session`
            : undefined
    },
    {
        input: 'webhook-url',
        stage: 'after',
        problem: ({ value, earlier }) => value === '' && earlier.notify.includes('webhook')
            ? 'is required when notify includes webhook'
            : undefined
    },
    {
        input: 'sign-out-early',
        stage: 'after',
        problem: ({ value, earlier }) => value && earlier['keep-session']
            ? 'cannot be combined with keep-session: true (keep-session leaves the sign-in on the runner, sign-out-early ends it at once); set one of the two'
            : undefined
    },
    {
        input: 'sign-out-early',
        stage: 'after',
        problem: ({ value, earlier }) => value && earlier['reuse-session']
            ? 'cannot be combined with reuse-session: true (reuse-session uses and keeps a cached sign-in, sign-out-early ends it at once); set one of the two'
            : undefined
    },
    {
        input: 'role-to-assume',
        stage: 'after',
        problem: ({ value, earlier }) => {
            const sourceName = (0,chain/* sourceProfileName */.Kj)(earlier.profile);
            return value !== '' &&
                earlier.profiles.some((p) => p.name === sourceName)
                ? `needs the profile name ${(0,rules/* showValue */.vp)(sourceName)} for the Identity Center source profile, but profiles already uses it`
                : undefined;
        }
    },
    {
        input: 'transitive-tag-keys',
        stage: 'before',
        problem: ({ value, earlier }) => value.length && earlier['role-skip-session-tagging']
            ? 'is not allowed with role-skip-session-tagging: true (no tags are sent)'
            : undefined
    },
    {
        input: 'share-session',
        stage: 'after',
        problem: ({ value, earlier }) => value && earlier['sign-out-early']
            ? 'cannot be combined with sign-out-early: a sign-in that is signed out at once cannot be shared'
            : undefined
    },
    {
        input: 'session',
        stage: 'after',
        problem: ({ value, earlier }) => {
            if (value === '')
                return undefined;
            if (earlier['share-session'])
                return 'cannot be combined with share-session: a job either shares its own sign-in or uses the one shared with it';
            if (earlier['reuse-session'])
                return 'cannot be combined with reuse-session: the sign-in comes from the session input';
            if (earlier['sign-out-early'])
                return 'cannot be combined with sign-out-early: signing out would end the sign-in for every job of the run (end-session does that)';
            return undefined;
        }
    },
    {
        input: 'end-session',
        stage: 'after',
        problem: ({ value, earlier }) => value && earlier.session === ''
            ? 'needs session (the session output of the share-session job) and session-key'
            : undefined
    },
    {
        input: 'session-key',
        stage: 'before',
        problem: ({ value, earlier }) => value !== '' && !earlier['share-session'] && earlier.session === ''
            ? 'is only used with share-session or session (value not shown)'
            : undefined
    },
    {
        input: 'session-key',
        stage: 'after',
        problem: ({ value, earlier }) => value === '' && (earlier['share-session'] || earlier.session !== '')
            ? `is required with ${earlier['share-session'] ? 'share-session' : 'session'} (a secret of at least ${limits/* MIN_SESSION_KEY_LENGTH */.FO} characters)`
            : undefined
    },
    {
        input: 'verify-profiles',
        stage: 'after',
        problem: ({ value, earlier }) => value === 'primary' && earlier['sign-out-early']
            ? 'primary cannot be combined with sign-out-early: true (the profiles it writes unverified fetch their credentials with the sign-in, which sign-out-early ends at once); use verify-profiles: all or drop sign-out-early'
            : undefined
    },
    notServedWith('sign-out-early', (e) => e['sign-out-early'], 'sign-out-early ends the sign-in at once, credential-server keeps it in memory to refresh the role credentials'),
    notServedWith('keep-session', (e) => e['keep-session'], 'keep-session leaves the sign-in on the runner after the job, credential-server keeps it off the disk and stops with the job'),
    notServedWith('reuse-session', (e) => e['reuse-session'], 'reuse-session uses and keeps a cached sign-in on disk, credential-server never writes one'),
    notServedWith('legacy-sso-profile', (e) => e['legacy-sso-profile'], 'legacy-sso-profile writes a token cache for older SDKs, credential-server writes none'),
    notServedWith('share-session', (e) => e['share-session'], "share-session hands the sign-in to later jobs in its output, credential-server keeps it in this job's memory; use credential-server in the later jobs, with the session input"),
    notServedWith('end-session', (e) => e['end-session'], 'end-session only signs a shared sign-in out, it serves nothing')
];
/** Inputs that mean something only with another input: unless `given` holds, each must be unset or its table default. */
const ONLY_WITH = [
    {
        inputs: chain/* CHAIN_ONLY_INPUTS */.db,
        given: (earlier) => earlier['role-to-assume'] !== '',
        problem: 'is only allowed with role-to-assume'
    }
];
/** The first problem of the rules on `input` at `stage`, or undefined. */
function combinationProblem(input, stage, context) {
    for (const rule of RULES) {
        if (rule.input !== input || rule.stage !== stage)
            continue;
        const problem = rule.problem(context);
        if (problem)
            return problem;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/inputs/build-request.ts
/** The command of checked values; `ssoSessionGiven`: the sso-session input was set (not its default). */
function buildCommand(v, ssoSessionGiven) {
    const shared = v.session === ''
        ? undefined
        : {
            from: 'session',
            sealed: v.session,
            key: v['session-key'],
            ssoSessionGiven
        };
    if (v['end-session'])
        return { kind: 'end-session', token: shared };
    const request = {
        target: {
            startUrl: v['start-url'],
            ssoRegion: v['sso-region'],
            accountId: v['account-id'],
            roleName: v['role-name'],
            region: v.region
        },
        profiles: profilesOf(v),
        signIn: signInOf(v, shared),
        notify: notifyOf(v),
        files: filesOf(v)
    };
    const chain = chainOf(v);
    if (chain)
        request.chain = chain;
    return { kind: 'sign-in', request };
}
// Each group's optional settings are present only when they differ from the default.
function profilesOf(v) {
    const profiles = {
        ssoSession: v['sso-session'],
        profile: v.profile,
        output: v.output,
        extraProfiles: v.profiles
    };
    if (v.discover) {
        const discover = {};
        if (v['account-filter'] !== '')
            discover.accountFilter = v['account-filter'];
        if (v['role-filter'] !== '')
            discover.roleFilter = v['role-filter'];
        profiles.discover = discover;
    }
    if (v['verify-profiles'] !== 'all')
        profiles.verifyProfiles = v['verify-profiles'];
    if (v['legacy-sso-profile'])
        profiles.legacySsoProfile = true;
    return profiles;
}
function signInOf(v, session) {
    const signIn = {
        mode: signInMode(v, session),
        registrationScopes: v['registration-scopes'],
        allowedApprovers: v['allowed-approvers'],
        forbidSelfApproval: v['forbid-self-approval'],
        minValiditySeconds: v['min-validity']
    };
    if (v['approval-timeout'] !== undefined)
        signIn.approvalTimeoutSeconds = v['approval-timeout'];
    if (v['required-approvals'] > 1)
        signIn.requiredApprovals = v['required-approvals'];
    return signIn;
}
function notifyOf(v) {
    const notify = {
        channels: v.notify,
        githubToken: v['github-token']
    };
    if (v['issue-number'] !== undefined)
        notify.issueNumber = v['issue-number'];
    if (v['webhook-url'] !== '')
        notify.webhookUrl = v['webhook-url'];
    return notify;
}
function filesOf(v) {
    const files = {
        exportCredentials: v['export-credentials'],
        allowPartial: v['allow-partial']
    };
    if (v['allowed-account-ids'])
        files.allowedAccountIds = v['allowed-account-ids'];
    return files;
}
function chainOf(v) {
    if (v['role-to-assume'] === '')
        return undefined;
    const chain = {
        roleArn: v['role-to-assume'],
        durationSeconds: v['role-duration-seconds'],
        policyArns: v['managed-session-policies'],
        skipSessionTagging: v['role-skip-session-tagging'],
        transitiveTagKeys: v['transitive-tag-keys']
    };
    if (v['role-session-name'])
        chain.sessionName = v['role-session-name'];
    if (v['role-external-id'])
        chain.externalId = v['role-external-id'];
    if (v['inline-session-policy'] !== undefined)
        chain.policy = v['inline-session-policy'];
    if (v['role-source-identity'])
        chain.sourceIdentity = true;
    return chain;
}
/** The one sign-in mode the (already checked: no two of them contradict) inputs ask for. */
function signInMode(v, session) {
    const keep = v['keep-session'];
    if (v['credential-server'])
        return { kind: 'served', token: session ?? { from: 'device-flow' } };
    if (session)
        return { kind: 'from-shared', token: session, keep };
    if (v['sign-out-early'])
        return { kind: 'sign-out-early', token: { from: 'device-flow' } };
    const token = v['reuse-session']
        ? { from: 'cache' }
        : { from: 'device-flow' };
    if (v['share-session'])
        return { kind: 'shared', token, key: v['session-key'], keep };
    return keep ? { kind: 'kept', token } : { kind: 'job', token };
}

;// CONCATENATED MODULE: ./src/inputs/reader.ts
/**
 * Reads and validates every input of a login request, before any network call.
 *
 * The GitHub Action passes `core.getInput`, the CLI passes the getter built by `parseCliArgs`; this
 * module imports neither @actions/* nor anything that touches the network.
 *
 * ## Errors
 *
 * A bad value throws an {@link InputError} whose message names the input and says what is wrong:
 *
 *     Input "account-id": must be 12 digits, got "1234"
 *
 * - Values of secret inputs (`github-token`, `webhook-url`) are never echoed, not even in part.
 * - Other values are echoed in double quotes with `"` and `\` escaped, control and invisible
 *   formatting characters shown as escapes (`\n`, `\u0007`, `\u202e`), cut to 60 characters
 *   (`"aaaa…" (300 characters)`), user:password in URLs masked, and values that look like tokens
 *   or webhook URLs (ghp_…, github_pat_…, AKIA…, xoxb-…, hooks.slack.com/…) replaced by a note.
 *
 * ## Order
 *
 * Inputs are checked one at a time in the order of the {@link INPUTS} table, and the FIRST problem
 * found is thrown. Within an input: control characters → the value of its kind (read-value.ts) →
 * the rules against earlier inputs that come first (combinations.ts) → its own check (checks.ts) →
 * the other rules against earlier inputs. A rule between two inputs is reported on the later one.
 *
 * ## Whitespace
 *
 * Control characters (C0, DEL, C1) and invisible formatting characters (zero-width, bidi
 * overrides, U+2028/U+2029, BOM) are rejected in every value, before any trimming; only
 * `profiles` may contain line breaks (LF or CRLF) and tabs. Surrounding spaces are then trimmed
 * from URLs, the account id, booleans, numbers, durations, enumerations and list items. Names that
 * end up in ~/.aws/config (`profile`, `sso-session`, `role-name`, `region`, `sso-region`) are NOT
 * trimmed: surrounding spaces are an error there (`core.getInput` trims anyway, so this only ever
 * bites on the CLI, where it points at a quoting mistake).
 */






/**
 * Reads every input through `get` ('' when unset), validates it, applies defaults, and returns the
 * request. Throws the first {@link InputError} found, in {@link INPUTS} order; end-session, which
 * is not a sign-in, is an {@link InputError} here (the edges read it with {@link readCommand}).
 */
function readLoginRequest(get) {
    const command = readCommand(get);
    if (command.kind === 'end-session')
        throw new InputError('end-session', 'is a command of its own, not a sign-in');
    return command.request;
}
/**
 * Reads every input through `get` ('' when unset), validates it, applies defaults, and returns
 * what is asked for. Throws the first {@link InputError} found, in {@link INPUTS} order.
 */
function readCommand(get) {
    const peek = (name) => {
        const got = get(name);
        return got === undefined || got === null ? '' : String(got).trim();
    };
    const earlier = {};
    for (const spec of table/* INPUTS */.mc) {
        const name = spec.name;
        const value = readInput(spec, get(name), earlier, peek);
        earlier[name] = value;
    }
    const ssoSessionGiven = String(get('sso-session') ?? '') !== '';
    return buildCommand(earlier, ssoSessionGiven);
}
/** One input: its raw value, its kind's value, the rules against earlier inputs and its own check. */
function readInput(spec, got, earlier, peek) {
    const name = spec.name;
    const fail = (problem) => {
        if (problem)
            throw new rules/* InputError */.dz(name, problem);
    };
    const gate = ONLY_WITH.find((g) => g.inputs.includes(name));
    if (gate && !gate.given(earlier)) {
        const text = rawValue(spec, got, true).trim();
        if (text !== '' && text !== spec.default)
            fail(gate.problem);
        return undefined;
    }
    const plain = plainValue(spec, rawValue(spec, got));
    fail(combinationProblem(name, 'before', { value: plain, earlier, peek }));
    const check = CHECKS[name];
    const value = check ? check(plain, earlier) : plain;
    fail(combinationProblem(name, 'after', {
        value: value,
        earlier,
        peek
    }));
    return value;
}


/***/ }),

/***/ 7026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* reexport safe */ _limits_js__WEBPACK_IMPORTED_MODULE_0__.$1),
/* harmony export */   EM: () => (/* reexport safe */ _limits_js__WEBPACK_IMPORTED_MODULE_0__.EM),
/* harmony export */   KG: () => (/* reexport safe */ _limits_js__WEBPACK_IMPORTED_MODULE_0__.KG),
/* harmony export */   mc: () => (/* reexport safe */ _table_index_js__WEBPACK_IMPORTED_MODULE_1__.mc)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6497);
/* harmony import */ var _table_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2233);
/**
 * What the rest of the code needs from the inputs: the request's types, the defaults and limits, and the input table
 * (src/inputs/table). Modules inside src/inputs import from those modules directly.
 */





/***/ }),

/***/ 2233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mc: () => (/* binding */ INPUTS)
});

// UNUSED EXPORTS: inputSpec, isSecretInput

// EXTERNAL MODULE: ./src/inputs/limits.ts
var limits = __webpack_require__(6497);
;// CONCATENATED MODULE: ./src/inputs/table/target.ts

const TARGET_INPUTS = [
    {
        name: 'start-url',
        group: 'essential',
        description: 'AWS access portal URL, e.g. https://my-sso-portal.awsapps.com/start (hosts *.awsapps.com, *.awsapps.cn, *.app.aws, ' +
            '*.portal.amazonaws.com[.cn|.eu], or an issuer URL https://identitycenter.amazonaws.com/ssoins-…). https only. Required unless session or end-session is given.',
        default: '',
        required: false,
        secret: false,
        kind: 'string'
    },
    {
        name: 'sso-region',
        group: 'essential',
        description: 'AWS Region of the IAM Identity Center instance, e.g. us-east-1. Required unless session or end-session is given.',
        default: '',
        required: false,
        secret: false,
        kind: 'string',
        keepSpaces: true
    },
    {
        name: 'account-id',
        group: 'essential',
        description: "AWS account id to get role credentials for (12 digits). Required unless session (then the login job's) or end-session is given.",
        default: '',
        required: false,
        secret: false,
        kind: 'string'
    },
    {
        name: 'role-name',
        group: 'essential',
        description: "Permission set (role) name in that account, e.g. DeveloperAccess. 1-64 of letters, digits and + = , . @ _ -. Required unless session (then the login job's) or end-session is given.",
        default: '',
        required: false,
        secret: false,
        kind: 'string',
        keepSpaces: true
    },
    {
        name: 'sso-session',
        group: 'files',
        description: 'Name of the [sso-session NAME] section written to ~/.aws/config (letters, digits, . _ - @ +; at most 64).',
        default: limits/* DEFAULT_SSO_SESSION */.$1,
        required: false,
        secret: false,
        kind: 'string',
        keepSpaces: true
    },
    {
        name: 'profile',
        group: 'essential',
        description: 'Name of the [profile NAME] section written to ~/.aws/config (letters, digits, . _ - @ +; at most 64; may be default).',
        default: limits/* DEFAULT_PROFILE */.KG,
        required: false,
        secret: false,
        kind: 'string',
        keepSpaces: true
    },
    {
        name: 'region',
        group: 'essential',
        description: 'Default region of the written profile(s). Defaults to sso-region.',
        default: '',
        required: false,
        secret: false,
        kind: 'string',
        keepSpaces: true
    },
    {
        name: 'output',
        group: 'files',
        description: `AWS CLI output format of the written profile(s): ${limits/* OUTPUT_FORMATS */.DS.join(', ')}.`,
        default: limits/* DEFAULT_OUTPUT */.Ol,
        required: false,
        secret: false,
        kind: 'string',
        choices: limits/* OUTPUT_FORMATS */.DS
    },
    {
        name: 'registration-scopes',
        group: 'files',
        description: 'Comma-separated OAuth scopes for the client registration.',
        default: limits/* DEFAULT_REGISTRATION_SCOPES */.W3.join(','),
        required: false,
        secret: false,
        kind: 'list'
    }
];

;// CONCATENATED MODULE: ./src/inputs/table/accounts.ts

const ACCOUNTS_INPUTS = [
    {
        name: 'profiles',
        group: 'accounts',
        description: 'Extra profiles from the same approval, one per line: "name account-id role-name [region]". Blank lines and # comments ' +
            'are ignored; region defaults to the region input; names must be unique and differ from profile.',
        default: '',
        required: false,
        secret: false,
        kind: 'multiline'
    },
    {
        name: 'discover',
        group: 'accounts',
        description: 'Write a profile for every account and role the approver can reach (optionally narrowed by account-filter / role-filter).',
        default: String(limits/* DEFAULT_DISCOVER */.WG),
        required: false,
        secret: false,
        kind: 'boolean'
    },
    {
        name: 'account-filter',
        group: 'accounts',
        description: 'With discover: glob (* ?) on the account id or account name. Only allowed when discover is true.',
        default: '',
        required: false,
        secret: false,
        kind: 'string'
    },
    {
        name: 'role-filter',
        group: 'accounts',
        description: 'With discover: glob (* ?) on the role name. Only allowed when discover is true.',
        default: '',
        required: false,
        secret: false,
        kind: 'string'
    },
    {
        name: 'allow-partial',
        group: 'accounts',
        description: 'Succeed when the main profile works even if some extra or discovered profiles could not be set up.',
        default: String(limits/* DEFAULT_ALLOW_PARTIAL */.qV),
        required: false,
        secret: false,
        kind: 'boolean'
    },
    {
        name: 'export-credentials',
        group: 'modes',
        description: 'Export the role credentials to the rest of the job as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, with AWS_REGION and AWS_DEFAULT_REGION set to region. When false nothing is exported (the outputs and the written profiles are still there).',
        default: String(limits/* DEFAULT_EXPORT_CREDENTIALS */.ch),
        required: false,
        secret: false,
        kind: 'boolean'
    }
];

;// CONCATENATED MODULE: ./src/inputs/table/sign-in.ts

const SIGN_IN_INPUTS = [
    {
        name: 'keep-session',
        group: 'modes',
        description: 'Keep the SSO session (token cache) after the job instead of logging out.',
        default: String(limits/* DEFAULT_KEEP_SESSION */.bd),
        required: false,
        secret: false,
        kind: 'boolean'
    },
    {
        name: 'reuse-session',
        group: 'modes',
        description: 'Reuse a cached SSO token for sso-session when it is valid for at least min-validity, instead of asking for approval.',
        default: String(limits/* DEFAULT_REUSE_SESSION */.KJ),
        required: false,
        secret: false,
        kind: 'boolean'
    },
    {
        name: 'min-validity',
        group: 'modes',
        description: `Minimum remaining validity of a reused token (reuse-session) or a shared sign-in (session): seconds, or a duration like 15m, 1h, 1h30m (0 to ${limits/* MAX_MIN_VALIDITY_SECONDS */.Jt}s).`,
        default: String(limits/* DEFAULT_MIN_VALIDITY_SECONDS */.w6),
        required: false,
        secret: false,
        kind: 'duration',
        range: { min: 0, max: limits/* MAX_MIN_VALIDITY_SECONDS */.Jt }
    },
    {
        name: 'approval-timeout',
        group: 'approvers',
        description: `Give up waiting for approval after this long: seconds, or a duration like 10m (1 to ${limits/* MAX_APPROVAL_TIMEOUT_SECONDS */.LE}s). Defaults to the device code lifetime.`,
        default: '',
        required: false,
        secret: false,
        kind: 'duration',
        range: { min: 1, max: limits/* MAX_APPROVAL_TIMEOUT_SECONDS */.LE }
    },
    {
        name: 'allowed-approvers',
        group: 'approvers',
        description: 'Comma-separated user names or globs (* ?) allowed to approve, case-insensitive. Empty: anyone who can approve.',
        default: '',
        required: false,
        secret: false,
        kind: 'list'
    },
    {
        name: 'forbid-self-approval',
        group: 'approvers',
        description: 'Reject an approval by the user who triggered the run. Compares names, not identities: the Identity Center user name with the CI user name (whole, and the part before @), case-insensitive.',
        default: String(limits/* DEFAULT_FORBID_SELF_APPROVAL */.aj),
        required: false,
        secret: false,
        kind: 'boolean'
    },
    {
        name: 'required-approvals',
        group: 'approvers',
        description: "How many different Identity Center users must approve (1-3). Each approves a code of their own and must be able to use account-id / role-name (proven with their own sign-in, which is signed out at once); allowed-approvers and forbid-self-approval apply to each. An approval by someone who already approved, or who cannot use the role, does not count. The job's credentials come from the last approver's sign-in. Not with reuse-session.",
        default: '1',
        required: false,
        secret: false,
        kind: 'integer',
        range: {
            min: limits/* MIN_REQUIRED_APPROVALS */.O7,
            max: limits/* MAX_REQUIRED_APPROVALS */.Ax,
            expects: `a whole number from ${limits/* MIN_REQUIRED_APPROVALS */.O7} to ${limits/* MAX_REQUIRED_APPROVALS */.Ax}`
        }
    }
];

;// CONCATENATED MODULE: ./src/inputs/table/notify.ts


const NOTIFY_INPUTS = [
    {
        name: 'notify',
        group: 'notifications',
        description: `Comma-separated channels for the approval link: ${limits/* NOTIFY_CHANNELS */.lG.join(', ')}; "none" for the log only (always on).`,
        default: limits/* DEFAULT_NOTIFY */.w2.join(','),
        required: false,
        secret: false,
        kind: 'list'
    },
    {
        name: 'github-token',
        group: 'notifications',
        description: 'Token used to post the pull request / issue comment (secret).',
        default: '',
        actionDefault: '${{ github.token }}',
        required: false,
        secret: true,
        kind: 'string'
    },
    {
        name: 'issue-number',
        group: 'notifications',
        description: 'Issue or pull request number to comment on; defaults to the pull request of the triggering event.',
        default: '',
        required: false,
        secret: false,
        kind: 'integer',
        range: {
            min: 1,
            max: limits/* MAX_ISSUE_NUMBER */.td,
            expects: 'a positive whole number'
        }
    },
    {
        name: 'webhook-url',
        group: 'notifications',
        description: 'Webhook URL for the webhook channel (secret; https only, http only for localhost / 127.0.0.1).',
        default: '',
        required: false,
        secret: true,
        kind: 'string'
    }
];

;// CONCATENATED MODULE: ./src/inputs/table/least-privilege.ts
const LEAST_PRIVILEGE_INPUTS = [
    {
        name: 'sign-out-early',
        group: 'modes',
        description: "Sign out of IAM Identity Center (SSO Logout) as soon as every profile's role credentials are fetched and verified: no SSO token stays on the runner; the profiles hold the role credentials (shared credentials file) until they expire. Not with keep-session or reuse-session.",
        default: 'false',
        required: false,
        secret: false,
        kind: 'boolean'
    },
    {
        name: 'allowed-account-ids',
        group: 'approvers',
        description: 'Comma-separated 12-digit AWS account ids; every verified identity (primary, profiles, discover) must be in one of them, else the step fails and nothing is written or exported; discover skips other accounts. Empty: any account.',
        default: '',
        required: false,
        secret: false,
        kind: 'list'
    }
];

;// CONCATENATED MODULE: ./src/inputs/table/chain.ts

const CHAIN_INPUTS = [
    {
        name: 'role-to-assume',
        group: 'chaining',
        description: 'Chain to this IAM role after the approval (STS AssumeRole signed with the role-name credentials): a role ARN, or a role name meaning that role in account-id. ' +
            'The outputs, the exported AWS_* and the profile are then the chained role\'s; the Identity Center role is written as the profile "<profile>-sso" (without a session policy).',
        default: '',
        required: false,
        secret: false,
        kind: 'string'
    },
    {
        name: 'role-session-name',
        group: 'chaining',
        description: "With role-to-assume: the role session name (2-64 of letters, digits and + = , . @ _ -). Defaults to the approver's Identity Center user name, reduced to those characters, so CloudTrail shows who approved.",
        default: '',
        required: false,
        secret: false,
        kind: 'string'
    },
    {
        name: 'role-duration-seconds',
        group: 'chaining',
        description: "With role-to-assume: the chained session's lifetime, 900-3600 seconds (STS caps a role chained from role credentials at one hour).",
        default: '3600',
        required: false,
        secret: false,
        kind: 'integer',
        range: {
            min: limits/* MIN_ROLE_DURATION_SECONDS */.tj,
            max: limits/* MAX_ROLE_DURATION_SECONDS */.Zm,
            expects: 'a whole number of seconds',
            outOfRange: `between ${limits/* MIN_ROLE_DURATION_SECONDS */.tj} and ${limits/* MAX_ROLE_DURATION_SECONDS */.Zm} (STS caps a role chained from Identity Center role credentials at one hour)`
        }
    },
    {
        name: 'role-external-id',
        group: 'chaining',
        description: "With role-to-assume: the external id the role's trust policy asks for.",
        default: '',
        required: false,
        secret: false,
        kind: 'string'
    },
    {
        name: 'inline-session-policy',
        group: 'chaining',
        description: 'With role-to-assume: a JSON IAM policy that narrows the chained session (it must parse; at most 2048 characters without spaces). With a session policy the profile holds the narrowed session itself, never a role_arn that could re-assume the role without it.',
        default: '',
        required: false,
        secret: false,
        kind: 'multiline'
    },
    {
        name: 'managed-session-policies',
        group: 'chaining',
        description: 'With role-to-assume: managed policy ARNs that narrow the chained session, one per line (at most 10). Treated like inline-session-policy for the profile.',
        default: '',
        required: false,
        secret: false,
        kind: 'multiline',
        split: true
    },
    {
        name: 'role-skip-session-tagging',
        group: 'chaining',
        description: 'With role-to-assume: send no session tags. Otherwise the session is tagged like configure-aws-credentials does (GitHub=Actions, Repository, Workflow, Action, Actor, Commit, Branch; the CLI tags only when it runs in GitHub Actions).',
        default: 'false',
        required: false,
        secret: false,
        kind: 'boolean'
    },
    {
        name: 'transitive-tag-keys',
        group: 'chaining',
        description: 'With role-to-assume: session tag keys (of those above) that pass on to roles chained from this session, one per line.',
        default: '',
        required: false,
        secret: false,
        kind: 'multiline',
        split: true
    },
    {
        name: 'role-source-identity',
        group: 'chaining',
        description: "With role-to-assume: set STS SourceIdentity to the approver's Identity Center user name (reduced to STS's characters, 2-64 of letters, digits and + = , . @ _ -), so CloudTrail names the approver in this session and every session chained from it. The role's trust policy must allow sts:SetSourceIdentity. The profile then holds the chained session itself (a role_arn profile cannot send a source identity).",
        default: 'false',
        required: false,
        secret: false,
        kind: 'boolean'
    }
];

;// CONCATENATED MODULE: ./src/inputs/table/shared.ts

const SHARED_INPUTS = [
    {
        name: 'share-session',
        group: 'shared',
        description: 'Share this sign-in with the later jobs of this workflow run: the output session holds it sealed (AES-256-GCM) with session-key, ' +
            'bound to this repository and run; no later job that has both needs a new approval. The post step then does not sign out.',
        default: 'false',
        required: false,
        secret: false,
        kind: 'boolean'
    },
    {
        name: 'session',
        group: 'shared',
        description: 'The session output of a share-session job of this run (needs.<job>.outputs.session): sign in with it instead of asking for approval. ' +
            "start-url and sso-region then come from it, and account-id / role-name default to the login job's.",
        default: '',
        required: false,
        secret: false,
        kind: 'string'
    },
    {
        name: 'end-session',
        group: 'shared',
        description: 'With session and session-key: sign the shared sign-in out (SSO Logout) and do nothing else; for the last job of the run (if: always()).',
        default: 'false',
        required: false,
        secret: false,
        kind: 'boolean'
    },
    {
        name: 'session-key',
        group: 'approvers',
        description: `Secret of at least ${limits/* MIN_SESSION_KEY_LENGTH */.FO} characters and 128 bits (openssl rand -base64 32; a weak or repeated key is refused) that seals (share-session) and opens (session) the shared sign-in; pass it from a secret (e.g. secrets.ICL_SESSION_KEY).`,
        default: '',
        required: false,
        secret: true,
        kind: 'string',
        keepSpaces: true
    }
];

;// CONCATENATED MODULE: ./src/inputs/table/more.ts


const MORE_INPUTS = [
    {
        name: 'legacy-sso-profile',
        group: 'files',
        description: 'Also write sso_start_url and sso_region into each profile (beside sso_session) and the SSO token a second time under the legacy cache name (sha1 of start-url), for tools built on SDKs that predate [sso-session] (AWS SDK for Go v1 before 1.44.298, aws-sdk-go-v2 config of 2022 and older, the Terraform providers built on them). The post step removes that copy too. The copy is not refreshed: such tools can use it until the token expires.',
        default: 'false',
        required: false,
        secret: false,
        kind: 'boolean'
    },
    {
        name: 'verify-profiles',
        group: 'accounts',
        description: 'Which profiles get their credentials fetched and checked (GetRoleCredentials, then STS GetCallerIdentity) before the step succeeds: all (every listed and discovered profile) or primary (only account-id/role-name; the others are written from the listings, unverified, and each fetches its own credentials when a step uses it — faster for discover over many accounts).',
        default: limits/* DEFAULT_VERIFY_PROFILES */.Z2,
        required: false,
        secret: false,
        kind: 'string',
        choices: limits/* VERIFY_PROFILES */.TI,
        anyCase: true
    },
    {
        name: 'credential-server',
        group: 'modes',
        description: 'Hand the sign-in, in memory only, to a background credential server on 127.0.0.1 that serves and refreshes only the listed roles (primary, profiles, discover, role-to-assume) for the rest of the job: the job gets AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN instead of keys, the profiles ask the server (credential_process), no SSO token or registration is written. The post step stops it (it signs out). Not with sign-out-early, keep-session, reuse-session, legacy-sso-profile or share-session.',
        default: 'false',
        required: false,
        secret: false,
        kind: 'boolean'
    }
];

;// CONCATENATED MODULE: ./src/inputs/table/index.ts








const INPUTS = Object.freeze([
    ...TARGET_INPUTS,
    ...ACCOUNTS_INPUTS,
    ...SIGN_IN_INPUTS,
    ...NOTIFY_INPUTS,
    ...LEAST_PRIVILEGE_INPUTS,
    ...CHAIN_INPUTS,
    ...SHARED_INPUTS,
    ...MORE_INPUTS
]);
const BY_NAME = new Map(INPUTS.map((i) => [i.name, i]));
function isSecretInput(name) {
    return BY_NAME.get(name)?.secret === true;
}
function inputSpec(name) {
    return BY_NAME.get(name);
}


/***/ }),

/***/ 6118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ EventQueue)
/* harmony export */ });
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2563);

class EventQueue {
    notifiers;
    logger;
    tails;
    pending;
    constructor(notifiers, logger) {
        this.notifiers = notifiers;
        this.logger = logger;
        this.tails = notifiers.map(() => Promise.resolve());
        this.pending = notifiers.map(() => 0);
    }
    push(event) {
        this.notifiers.forEach((n, i) => {
            this.pending[i]++;
            this.tails[i] = this.tails[i]
                .then(() => (0,_index_js__WEBPACK_IMPORTED_MODULE_0__/* .broadcast */ .mq)([n], event, this.logger))
                .finally(() => void this.pending[i]--);
        });
    }
    /**
     * Waits for queued deliveries, at most `timeoutMs` (a hung API must not keep a cancelled job alive).
     * If time runs out, warns naming each channel that did not finish and what that may leave behind:
     * a final comment edit is never lost silently.
     */
    async drain(timeoutMs = 8_000) {
        let timer;
        const all = Promise.all(this.tails).then(() => true);
        const done = await Promise.race([
            all,
            new Promise((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))
        ]);
        clearTimeout(timer);
        if (done)
            return;
        // Abandoned: their open requests and retry timers must not keep the step's process alive.
        for (const [i, n] of this.notifiers.entries()) {
            if (this.pending[i] === 0)
                continue;
            try {
                n.close?.();
            }
            catch {
                /* a channel that fails to close is abandoned anyway */
            }
        }
        const late = this.notifiers
            .map((n, i) => {
            if (this.pending[i] === 0)
                return undefined;
            let note;
            try {
                note = n.unfinished?.();
            }
            catch {
                note = undefined;
            }
            return note ? `${n.name} (${note})` : n.name;
        })
            .filter((s) => s !== undefined);
        if (late.length === 0)
            return;
        try {
            this.logger?.warning(`Notifications did not finish within ${(timeoutMs / 1000).toFixed(1)} s and were abandoned: ${late.join('; ')}.`);
        }
        catch {
            /* a logger that throws must not break the exit */
        }
    }
}


/***/ })

};
