export const id = 963;
export const ids = [963];
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

/***/ 76:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TQ: () => (/* binding */ AccountNotAllowedError),
/* harmony export */   YF: () => (/* binding */ accountAllowed),
/* harmony export */   qr: () => (/* binding */ assertAccountAllowed)
/* harmony export */ });
/** allowed-account-ids: the one check every verified identity of a login goes through (primary, profiles, discover, chained). */
/** A verified identity is in an account the request does not allow; the token was revoked and nothing was written or exported. */
class AccountNotAllowedError extends Error {
    accountId;
    what;
    allowed;
    constructor(accountId, 
    /** What the identity was for: `profile "x"`, `the chained role arn:…`. */
    what, allowed) {
        super(`${what} is in account ${accountId}, which is not in allowed-account-ids (${allowed.join(', ')}); ` +
            'the SSO session was revoked and nothing was written or exported.');
        this.accountId = accountId;
        this.what = what;
        this.allowed = allowed;
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

/***/ 2421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X6: () => (/* binding */ approverRejection),
/* harmony export */   _2: () => (/* binding */ runActors),
/* harmony export */   tL: () => (/* binding */ globToRegExp),
/* harmony export */   uY: () => (/* binding */ checkSelfApprovalActors)
/* harmony export */ });
/* harmony import */ var _inputs_rules_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8190);
/** Who may approve: the Identity Center user name from the verified ARN, checked against the request's policy. */

function globToRegExp(glob) {
    const body = glob
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${body}$`, 'i');
}
/** The part of an e-mail user name before `@`, lower-cased; a plain user name as is. */
function localPart(name) {
    return name.toLowerCase().split('@')[0];
}
/** The GitHub users a run acts for: the triggering actor of a re-run and the actor of the original run (distinct, non-empty). */
function runActors(env) {
    return distinctActors([env.GITHUB_TRIGGERING_ACTOR, env.GITHUB_ACTOR]);
}
function distinctActors(names) {
    const out = [];
    for (const raw of names) {
        const name = raw?.trim();
        if (name && !out.some((n) => n.toLowerCase() === name.toLowerCase()))
            out.push(name);
    }
    return out;
}
function policyActors(policy) {
    return distinctActors([policy.actor, ...(policy.actors ?? [])]);
}
/**
 * Bad input, before any network call: forbid-self-approval is true but no user is known to compare the approver with
 * (e.g. the CLI outside a CI that names its user, without --actor). Without this the check could never refuse anyone.
 */
function checkSelfApprovalActors(policy, hint = '') {
    if (policy.forbidSelfApproval &&
        policyActors({ allowedApprovers: [], ...policy }).length === 0) {
        throw new _inputs_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('forbid-self-approval', `is true but no user who triggered this run is known to compare the approver with${hint}`);
    }
}
/** Why this approver is not enough, or undefined when the approval stands. */
function approverRejection(approvedBy, policy) {
    if (!approvedBy)
        return policy.allowedApprovers.length || policy.forbidSelfApproval
            ? 'the approver could not be identified from the role session'
            : undefined;
    if (policy.allowedApprovers.length &&
        !policy.allowedApprovers.some((g) => globToRegExp(g).test(approvedBy))) {
        return `"${approvedBy}" is not in allowed-approvers (${policy.allowedApprovers.join(', ')})`;
    }
    if (policy.forbidSelfApproval) {
        const actors = policyActors(policy);
        // Fail closed: a caller that skipped checkSelfApprovalActors must not turn the check into a no-op.
        if (actors.length === 0)
            return 'forbid-self-approval is true but no user who triggered this run is known to compare the approver with';
        for (const actor of actors) {
            const a = actor.toLowerCase();
            if (approvedBy.toLowerCase() === a ||
                localPart(approvedBy) === localPart(a)) {
                return `"${approvedBy}" triggered this run (as ${actor}) and forbid-self-approval is true: someone else must approve`;
            }
        }
    }
    return undefined;
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

/***/ 4031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ej: () => (/* binding */ ApproverRejectedError),
  Gs: () => (/* binding */ ProfilesFailedError),
  wD: () => (/* binding */ SharedSignInEndedError),
  du: () => (/* binding */ SignOutFailedError),
  k0: () => (/* binding */ UnsafePathError),
  qc: () => (/* binding */ chainedProfileNote),
  kf: () => (/* binding */ jobSession),
  iD: () => (/* binding */ login)
});

// UNUSED EXPORTS: PROFILE_CONCURRENCY

// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/oidc.ts
var oidc = __webpack_require__(3812);
// EXTERNAL MODULE: ./src/core/device-flow.ts
var device_flow = __webpack_require__(8618);
// EXTERNAL MODULE: ./src/aws/credentials.ts
var credentials = __webpack_require__(6963);
// EXTERNAL MODULE: ./src/core/approvers.ts
var approvers = __webpack_require__(2421);
// EXTERNAL MODULE: ./src/aws/logout.ts
var logout = __webpack_require__(4299);
// EXTERNAL MODULE: ./src/aws-files/session-files.ts + 3 modules
var session_files = __webpack_require__(3858);
// EXTERNAL MODULE: ./src/core/allowed-accounts.ts
var allowed_accounts = __webpack_require__(76);
// EXTERNAL MODULE: ./src/aws/sts.ts
var sts = __webpack_require__(8665);
// EXTERNAL MODULE: ./src/inputs/chain.ts
var inputs_chain = __webpack_require__(1312);
;// CONCATENATED MODULE: ./src/core/chain.ts



const TAG_VALUE_MAX = 256;
/** configure-aws-credentials' sanitising: characters STS refuses in a tag value become _, cut to 256. */
function tagValue(value) {
    return Array.from(value.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '_'))
        .slice(0, TAG_VALUE_MAX)
        .join('');
}
/**
 * The session tags configure-aws-credentials sets (GitHub=Actions, Repository, Workflow, Action, Actor, Commit, Branch),
 * from the GitHub Actions environment. Outside GitHub Actions (the CLI elsewhere) there is no such context: no tags.
 * Variables that are unset are left out rather than sent empty.
 */
function githubSessionTags(env) {
    if (env.GITHUB_ACTIONS !== 'true')
        return [];
    const values = {
        GitHub: 'Actions',
        Repository: env.GITHUB_REPOSITORY,
        Workflow: env.GITHUB_WORKFLOW,
        Action: env.GITHUB_ACTION,
        Actor: env.GITHUB_ACTOR,
        Commit: env.GITHUB_SHA,
        Branch: env.GITHUB_REF
    };
    return inputs_chain/* SESSION_TAG_KEYS */.DN.flatMap((Key) => {
        const v = values[Key];
        return v ? [{ Key, Value: tagValue(v) }] : [];
    });
}
/**
 * AssumeRole from `source`, then verify the new session names the role's account and the role. `sourceIdentity`
 * (role-source-identity; see sourceIdentityFor): sent as STS SourceIdentity; a source identity STS answers must be it.
 */
async function chainRole(clients, source, chain, approver, env, mask, sourceIdentity) {
    const sessionName = chain.sessionName ?? (0,inputs_chain/* sessionNameFor */.Vl)(approver);
    const tags = chain.skipSessionTagging ? [] : githubSessionTags(env);
    const transitiveTagKeys = chain.transitiveTagKeys.filter((k) => tags.some((t) => t.Key === k));
    const assumed = await (0,sts/* assumeRole */.xN)(clients, source, {
        roleArn: chain.roleArn,
        sessionName,
        durationSeconds: chain.durationSeconds,
        externalId: chain.externalId,
        policy: chain.policy,
        policyArns: chain.policyArns,
        tags,
        transitiveTagKeys,
        ...(sourceIdentity !== undefined ? { sourceIdentity } : {})
    }, mask);
    if (sourceIdentity !== undefined &&
        assumed.sourceIdentity !== undefined &&
        assumed.sourceIdentity !== sourceIdentity) {
        throw new credentials/* CredentialsError */.lE(`the chained session's source identity is ${JSON.stringify(assumed.sourceIdentity)}, not ${JSON.stringify(sourceIdentity)}; nothing was exported`, 'mismatch');
    }
    const identity = await (0,credentials/* getCallerIdentity */.eL)(clients, assumed.credentials);
    const [, , , , account, resource] = chain.roleArn.split(':');
    const roleName = resource.split('/').pop();
    if (identity.account !== account ||
        !identity.arn.includes(`:assumed-role/${roleName}/`)) {
        throw new credentials/* CredentialsError */.lE(`the chained session is ${identity.arn}, not role ${chain.roleArn}; nothing was exported`, 'mismatch');
    }
    return {
        roleArn: chain.roleArn,
        sessionName,
        credentials: assumed.credentials,
        identity,
        tags,
        ...(sourceIdentity !== undefined ? { sourceIdentity } : {})
    };
}

// EXTERNAL MODULE: ./src/core/client-name.ts
var client_name = __webpack_require__(938);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/aws-files/atomic.ts
var atomic = __webpack_require__(5262);
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
    return undefined;
}

// EXTERNAL MODULE: ./src/aws-files/sso-cache.ts
var sso_cache = __webpack_require__(7215);
;// CONCATENATED MODULE: ./src/core/reuse.ts



/** The token cache of this sso-session, if it belongs to the same start URL and region and can serve this run. */
async function reuseCachedSession(paths, request, clients, mask, log, now = Date.now()) {
    const { value: cached, reason } = await (0,sso_cache/* readTokenCache */.ID)(paths.ssoCacheDir, request.ssoSession);
    if (!cached) {
        log.info(`reuse-session: no usable cached token for sso-session "${request.ssoSession}" (${reason}); asking for approval`);
        return undefined;
    }
    for (const secret of [
        cached.accessToken,
        cached.refreshToken,
        cached.clientSecret
    ])
        if (secret)
            mask(secret);
    if (cached.startUrl !== request.startUrl ||
        (cached.region && cached.region !== request.ssoRegion)) {
        log.info(`reuse-session: the cached token is for another start URL or region; asking for approval`);
        return undefined;
    }
    const registration = registrationOf(cached, request);
    const secondsLeft = Math.floor((cached.expiresAt.getTime() - now) / 1000);
    if (secondsLeft >= request.minValiditySeconds) {
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
        const reused = await (0,sso_cache/* updateTokenCache */.Hd)(paths.ssoCacheDir, request.ssoSession, async (current) => {
            const latest = current ?? cached;
            for (const secret of [
                latest.accessToken,
                latest.refreshToken,
                latest.clientSecret
            ])
                if (secret)
                    mask(secret);
            if (latest.startUrl !== request.startUrl ||
                (latest.region && latest.region !== request.ssoRegion)) {
                log.info('reuse-session: the cached token was replaced by one for another start URL or region meanwhile; asking for approval');
                return { result: undefined };
            }
            const latestRegistration = registrationOf(latest, request);
            const left = Math.floor((latest.expiresAt.getTime() - Date.now()) / 1000);
            // It was too stale a moment ago: valid now means another job refreshed it while this one waited for the lock.
            if (left >= request.minValiditySeconds) {
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
                write: (0,session_files/* tokenCacheEntry */.Q7)(request, token, latestRegistration)
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
            scopes: request.registrationScopes
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
    const { value } = await (0,sso_cache/* readRegistrationCache */._l)(paths.ssoCacheDir, (0,session_files/* registrationKey */.RV)(request));
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

// EXTERNAL MODULE: ./src/inputs/rules.ts
var rules = __webpack_require__(8190);
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

;// CONCATENATED MODULE: ./src/core/login.ts















/** sign-out-early: SSO Logout failed, so the step fails rather than claim the sign-in ended; nothing was written or exported. */
class SignOutFailedError extends Error {
    name = 'SignOutFailedError';
}
/** The approval happened, but the approver is not one the request allows; the token was revoked. */
class ApproverRejectedError extends Error {
    approvedBy;
    reason;
    constructor(approvedBy, reason) {
        super(`approved by ${approvedBy || 'an unidentified user'}, which is not enough: ${reason}. The session was revoked and nothing was exported.`);
        this.approvedBy = approvedBy;
        this.reason = reason;
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
/**
 * Role credentials are fetched and verified for this many profiles at once (two calls each). 2,000 profiles at 20 ms
 * a call took 13.5 s at 8 in flight; at 32 the process itself is the limit. The SSO and STS clients retry in
 * 'adaptive' mode, so a service that throttles slows the whole pool down (clients.ts).
 */
const PROFILE_CONCURRENCY = 32;
async function login(options) {
    const { request, log, paths } = options;
    // Refuse unsafe paths (symlinks) before anyone is asked to approve: a refusal then costs no approval and leaves no token.
    const pathProblem = unsafeAwsPath(paths, (0,session_files/* sessionFilePaths */.RL)(paths, request));
    if (pathProblem)
        throw new UnsafePathError(`${pathProblem}; nothing was sent or written`);
    const clients = new aws_clients/* AwsClients */.cE({
        ssoRegion: request.ssoRegion,
        region: request.region,
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
                    throw error;
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
            await (0,logout/* logout */.r)(clients, session.token.accessToken, log);
            throw error;
        }
    }
    finally {
        clients.destroy();
    }
}
/** From an SSO token to verified profiles and the files written; throws (and writes nothing) when any step fails. */
async function useToken(options, clients, session) {
    const { request, mask, log, paths } = options;
    const { token, registration } = session;
    const primaryProfile = {
        name: request.profile,
        accountId: request.accountId,
        roleName: request.roleName,
        region: request.region
    };
    const primary = await (0,credentials/* verifiedRoleCredentials */.bb)(clients, token.accessToken, request.accountId, request.roleName, mask);
    (0,allowed_accounts/* assertAccountAllowed */.qr)(primary.identity, request.allowedAccountIds, `profile "${primaryProfile.name}" (${primary.identity.arn})`);
    const approvedBy = (0,credentials/* approverFromArn */.dp)(primary.identity.arn);
    const rejection = (0,approvers/* approverRejection */.X6)(approvedBy, {
        allowedApprovers: request.allowedApprovers,
        forbidSelfApproval: request.forbidSelfApproval,
        actor: options.actor,
        actors: options.actors
    });
    if (rejection)
        throw new ApproverRejectedError(approvedBy, rejection);
    // role-to-assume: chain from the permission set's credentials to the narrower role, before anything else is fetched.
    let chained;
    if (request.chain) {
        chained = await chainRole(clients, primary.credentials, request.chain, approvedBy, options.env ?? process.env, mask);
        (0,allowed_accounts/* assertAccountAllowed */.qr)(chained.identity, request.allowedAccountIds, `role-to-assume (${chained.identity.arn})`);
        log.info(`role-to-assume: chained to ${chained.identity.arn} (session name ${chained.sessionName}${chained.tags.length ? `, ${chained.tags.length} session tag(s)` : ''})`);
    }
    const extraProfiles = [...request.extraProfiles];
    const discoveryFailures = [];
    if (request.discover) {
        const found = await discoverProfiles(clients, token.accessToken, {
            ...request.discover,
            region: request.region,
            // With role-to-assume the Identity Center role may be written as <profile>-sso: that name is taken too.
            exclude: [
                primaryProfile,
                ...(request.chain
                    ? [
                        {
                            ...primaryProfile,
                            name: (0,inputs_chain/* sourceProfileName */.Kj)(primaryProfile.name)
                        }
                    ]
                    : []),
                ...extraProfiles
            ],
            allowPartial: request.allowPartial,
            allowedAccountIds: request.allowedAccountIds
        });
        log.info(`discover: ${found.profiles.length} profile(s) from the accounts and roles the approver can reach`);
        if (request.allowedAccountIds)
            log.info(`discover: ${found.skippedAccounts} account(s) skipped because they are not in allowed-account-ids`);
        extraProfiles.push(...found.profiles);
        discoveryFailures.push(...found.failed);
    }
    // verify-profiles: primary: the others are SSO profiles written as listed; each fetches its own credentials when used.
    const verified = request.verifyProfiles === 'primary'
        ? extraProfiles.map((profile) => ({
            profile,
            unverified: true
        }))
        : await mapPool(extraProfiles, PROFILE_CONCURRENCY, async (profile) => {
            try {
                return {
                    profile,
                    ...(await (0,credentials/* verifiedRoleCredentials */.bb)(clients, token.accessToken, profile.accountId, profile.roleName, mask))
                };
            }
            catch (error) {
                return { profile, error: error.message };
            }
        });
    // Every identity that verified must be in an allowed account, whatever allow-partial says: a profile that lands
    // elsewhere fails the whole login (the caller revokes the token; nothing is written or exported). A profile written
    // unverified (verify-profiles: primary) is held to the account it names: that is the account it will sign in to.
    for (const p of verified) {
        if (p.identity)
            (0,allowed_accounts/* assertAccountAllowed */.qr)(p.identity, request.allowedAccountIds, `profile "${p.profile.name}" (${p.identity.arn})`);
        else if (p.unverified)
            (0,allowed_accounts/* assertAccountAllowed */.qr)({ account: p.profile.accountId }, request.allowedAccountIds, `profile "${p.profile.name}" (${p.profile.accountId}/${p.profile.roleName}, not verified)`);
    }
    const extra = [...verified, ...discoveryFailures];
    const failed = extra.filter((p) => p.error);
    if (failed.length && !request.allowPartial) {
        throw new ProfilesFailedError(failed, [
            { profile: primaryProfile, ...primary },
            ...extra
        ]);
    }
    // A cancel that arrived while the credentials were fetched: stop before anything is written.
    if (options.signal?.aborted)
        throw new device_flow/* DeviceFlowError */.Bt('cancelled', `the login was cancelled (${String(options.signal.reason)}) before it finished`);
    // allow-partial: only the profiles that work go into ~/.aws/config.
    const leftOut = verified.filter((p) => p.error);
    if (leftOut.length) {
        log.info(`allow-partial: ${leftOut.length} profile(s) left out of the AWS config because they could not be verified: ${leftOut.map((p) => p.profile.name).join(', ')}`);
    }
    const verifiedExtras = verified.filter((p) => !p.error);
    const layout = chainedProfiles(request, primaryProfile, chained);
    let signedOutAt;
    let written;
    if (request.signOutEarly) {
        // Every role credential is fetched and verified: end the sign-in now, then write only the role credentials.
        if (!(await (0,logout/* logout */.r)(clients, token.accessToken, log))) {
            throw new SignOutFailedError('sign-out-early: SSO Logout failed (see the warning above), so the sign-in could not be ended; nothing was written or exported');
        }
        signedOutAt = new Date();
        log.info(`sign-out-early: signed out of IAM Identity Center at ${signedOutAt.toISOString()}; no SSO token is kept, the profiles hold role credentials only`);
        // With role-to-assume the profile holds the chained session; the permission set's credentials are not written.
        const primaryKeys = {
            name: primaryProfile.name,
            credentials: (chained ?? primary).credentials,
            region: primaryProfile.region,
            output: request.output
        };
        written = await (0,session_files/* writeCredentialProfiles */.D4)(paths, request, [
            primaryKeys,
            ...verifiedExtras.map((p) => ({
                name: p.profile.name,
                credentials: p.credentials,
                region: p.profile.region,
                output: request.output
            }))
        ], { onProgress: options.onFilesProgress });
    }
    else {
        written = await (0,session_files/* writeSessionFiles */.$G)(paths, request, [...layout.ssoProfiles, ...verifiedExtras.map((p) => p.profile)], token, registration, {
            writeRegistration: session.registered,
            onProgress: options.onFilesProgress,
            ...(layout.roleProfile ? { roleProfiles: [layout.roleProfile] } : {}),
            ...(chained && layout.keys
                ? {
                    credentialProfiles: [
                        {
                            name: primaryProfile.name,
                            credentials: chained.credentials,
                            region: primaryProfile.region,
                            output: request.output
                        }
                    ]
                }
                : {})
        });
    }
    return {
        ...(signedOutAt ? { signedOutAt } : {}),
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
        token,
        registration,
        written,
        via: session.via,
        authorizations: session.authorizations
    };
}
/** A reusable cached session when allowed, else the device flow (with a cached registration when one is still valid). */
async function obtainToken(options, clients) {
    const { request, mask, log, paths } = options;
    if (options.sharedSignIn) {
        // Only the access token: no refresh token or client registration, so no tool on this runner can (or races to) refresh it.
        const { accessToken, expiresAt } = options.sharedSignIn;
        return {
            token: { accessToken, expiresAt },
            via: 'shared-session',
            authorizations: 0,
            registered: false
        };
    }
    if (request.reuseSession) {
        const reused = await reuseCachedSession(paths, request, clients, mask, log);
        if (reused)
            return { ...reused, authorizations: 0, registered: false };
    }
    return deviceFlowToken(options, clients);
}
/** The SSO access token itself was refused (UnauthorizedException): expired or revoked. */
function tokenRejected(error) {
    return error instanceof credentials/* CredentialsError */.lE && error.kind === 'token';
}
/** A person approves a device code (with a cached registration when one is still valid). */
async function deviceFlowToken(options, clients) {
    const { request, mask, log, paths } = options;
    let registered = false;
    const flow = await (0,device_flow/* runDeviceFlow */.mW)({
        api: (0,oidc/* sdkOidcApi */.AA)(() => clients.oidcClient(), mask, () => clients.pollingOidcClient()),
        startUrl: request.startUrl,
        clientName: options.clientName ?? client_name/* CLIENT_NAME_BASE */.qC,
        scopes: request.registrationScopes,
        registration: await cachedRegistration(paths, request, mask, options.clientName ?? client_name/* CLIENT_NAME_BASE */.qC),
        approvalTimeoutSeconds: request.approvalTimeoutSeconds,
        clock: options.clock ?? device_flow/* systemClock */.ml,
        signal: options.signal,
        emit: (event) => {
            if (event.type === 'started' && event.attempt === 1)
                clients.prepareForApproval();
            options.emit(event);
        },
        onRegistered: () => (registered = true),
        onPollRetry: (message) => log.warning(message)
    });
    log.info(`Approved after ${flow.polls} poll(s)${flow.authorizations > 1 ? ` and ${flow.authorizations} codes` : ''}`);
    return {
        token: flow.token,
        registration: flow.registration,
        via: 'device-flow',
        authorizations: flow.authorizations,
        registered
    };
}
/**
 * Which sections carry the primary profile. No role-to-assume: the SSO profile itself. role-to-assume without a session
 * policy: the SSO profile as `<profile>-sso` and `<profile>` a refreshable role_arn + source_profile profile. With a
 * session policy: `<profile>` holds the narrowed session's keys (a role_arn profile would re-assume without the policy)
 * and no SSO profile is written for it; so with sign-out-early, which leaves no sign-in to assume from.
 */
function chainedProfiles(request, primaryProfile, chained) {
    const chain = request.chain;
    if (!chain || !chained)
        return { ssoProfiles: [primaryProfile], keys: false };
    // sign-out-early leaves no sign-in to re-assume from: the profile holds the chained session's keys too.
    if ((0,inputs_chain/* hasSessionPolicy */.f4)(chain) || request.signOutEarly)
        return { ssoProfiles: [], keys: true };
    const source = {
        ...primaryProfile,
        name: (0,inputs_chain/* sourceProfileName */.Kj)(primaryProfile.name)
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
            output: request.output
        }
    };
}
/** What the job gets: the chained session with role-to-assume, else the primary profile's (outputs and exports). */
function jobSession(result) {
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

/***/ 9411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ finalEvent),
/* harmony export */   o: () => (/* binding */ failureMessage)
/* harmony export */ });
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4031);
/* harmony import */ var _allowed_accounts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76);
/* harmony import */ var _device_flow_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8618);
/* harmony import */ var _aws_credentials_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6963);
/* harmony import */ var _inputs_rules_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8190);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9378);






function finalEvent(request, outcome) {
    const at = new Date();
    if (outcome && typeof outcome === 'object' && 'primary' in outcome) {
        const result = outcome;
        const job = (0,_login_js__WEBPACK_IMPORTED_MODULE_0__/* .jobSession */ .kf)(result);
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
                    roleName: request.roleName,
                    arn: result.primary.identity.arn
                },
            ...(chained?.sourceProfile
                ? [
                    {
                        name: chained.sourceProfile,
                        accountId: result.primary.identity.account,
                        roleName: request.roleName,
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
            roleName: chained ? job.roleName : request.roleName,
            arn: job.identity.arn,
            via: result.via,
            profiles,
            ...(result.signedOutAt
                ? { signedOutAt: result.signedOutAt }
                : {
                    sessionExpiresAt: result.token.expiresAt,
                    refreshable: !!result.token.refreshToken
                }),
            credentialsExpireAt: latestExpiry(result)
        };
    }
    if (outcome instanceof _device_flow_js__WEBPACK_IMPORTED_MODULE_2__/* .DeviceFlowError */ .Bt) {
        if (outcome.outcome === 'denied')
            return { type: 'denied', at };
        if (outcome.outcome === 'expired')
            return { type: 'expired', at, waitedSeconds: outcome.waitedSeconds };
        return { type: 'cancelled', at };
    }
    if (outcome instanceof _login_js__WEBPACK_IMPORTED_MODULE_0__/* .ApproverRejectedError */ .Ej)
        return {
            type: 'rejected',
            at,
            approvedBy: outcome.approvedBy,
            reason: outcome.reason
        };
    if (outcome instanceof _login_js__WEBPACK_IMPORTED_MODULE_0__/* .ProfilesFailedError */ .Gs) {
        const profiles = outcome.results.map((p) => ({
            name: p.profile.name,
            accountId: p.profile.accountId,
            roleName: p.profile.roleName,
            ...(p.identity ? { arn: p.identity.arn } : {}),
            ...(p.error ? { error: p.error } : {})
        }));
        return { type: 'failed', at, reason: failureMessage(outcome), profiles };
    }
    return { type: 'failed', at, reason: failureMessage(outcome) };
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
    if (error instanceof _device_flow_js__WEBPACK_IMPORTED_MODULE_2__/* .DeviceFlowError */ .Bt ||
        error instanceof _login_js__WEBPACK_IMPORTED_MODULE_0__/* .ApproverRejectedError */ .Ej ||
        error instanceof _allowed_accounts_js__WEBPACK_IMPORTED_MODULE_1__/* .AccountNotAllowedError */ .TQ ||
        error instanceof _login_js__WEBPACK_IMPORTED_MODULE_0__/* .SignOutFailedError */ .du ||
        error instanceof _login_js__WEBPACK_IMPORTED_MODULE_0__/* .ProfilesFailedError */ .Gs ||
        error instanceof _login_js__WEBPACK_IMPORTED_MODULE_0__/* .UnsafePathError */ .k0 ||
        error instanceof _login_js__WEBPACK_IMPORTED_MODULE_0__/* .SharedSignInEndedError */ .wD ||
        error instanceof _aws_credentials_js__WEBPACK_IMPORTED_MODULE_3__/* .CredentialsError */ .lE ||
        error instanceof _inputs_rules_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz ||
        error instanceof _device_flow_js__WEBPACK_IMPORTED_MODULE_2__/* .OidcError */ .uv) {
        return error.message;
    }
    // SDK errors carry the request (tokens included): only their name, status and attempts. Node's own errors (a file
    // that could not be written, say) say what went wrong and where, and carry no request data.
    if (error instanceof Error &&
        !('$metadata' in error) &&
        !('$response' in error))
        return error.message;
    return `unexpected error: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .describeAwsError */ .P)(error)}`;
}


/***/ }),

/***/ 3913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UZ: () => (/* binding */ sharedNotice),
  MS: () => (/* binding */ startSharedSession)
});

// UNUSED EXPORTS: REPOSITORY_VARIABLES, RUN_ID_VARIABLES, SessionSealer, endSharedSession, openSharedSession, sessionBinding

// EXTERNAL MODULE: ./src/inputs/rules.ts
var rules = __webpack_require__(8190);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/util/time.ts
var time = __webpack_require__(6043);
;// CONCATENATED MODULE: ./src/core/sealed-session.ts
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
class SealedSessionError extends rules/* InputError */.dz {
    refusal;
    constructor(refusal, input, problem) {
        super(input, problem);
        this.refusal = refusal;
        this.name = 'SealedSessionError';
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
    promise.catch(() => undefined); // awaited (and reported) by sealSession
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
async function sealSession(signIn, sessionKey, binding) {
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
        n: signIn.roleName
    });
    const sealed = Buffer.concat([
        cipher.update(payload, 'utf8'),
        cipher.final(),
        cipher.getAuthTag()
    ]);
    return `${header}.${b64(sealed)}`;
}
/** Opens a sealed session, or throws a SealedSessionError saying exactly why not. No network. */
async function openSession(sealed, sessionKey, binding, options) {
    const refuse = (refusal, problem, input = 'session') => {
        throw new SealedSessionError(refusal, input, problem);
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
        roleName: str('n')
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

// EXTERNAL MODULE: ./src/aws/logout.ts
var logout = __webpack_require__(4299);
;// CONCATENATED MODULE: ./src/core/shared-session.ts



/** Where the run id comes from, in order (GitHub, GitLab, Buildkite, CircleCI); --session-run-id overrides on the CLI. */
const RUN_ID_VARIABLES = [
    'GITHUB_RUN_ID',
    'CI_PIPELINE_ID',
    'BUILDKITE_BUILD_ID',
    'CIRCLE_WORKFLOW_ID'
];
const REPOSITORY_VARIABLES = [
    'GITHUB_REPOSITORY',
    'CI_PROJECT_PATH',
    'BUILDKITE_PIPELINE_SLUG',
    'CIRCLE_PROJECT_REPONAME'
];
/** What a sealed session of this run is bound to; an InputError (before any request) when there is no run to bind to. */
function sessionBinding(request, env, explicitRunId) {
    const input = request.sharedSession?.mode === 'share' ? 'share-session' : 'session';
    const runId = explicitRunId ?? RUN_ID_VARIABLES.map((n) => env[n]?.trim()).find((v) => v);
    if (!runId)
        throw new rules/* InputError */.dz(input, `needs a workflow run to bind the sign-in to, and none of ${RUN_ID_VARIABLES.join(', ')} is set (CLI: --session-run-id)`);
    if (!RUN_ID_RE.test(runId))
        throw new rules/* InputError */.dz(input, `the run id must be 1-64 of letters, digits, _ and -, got ${JSON.stringify(runId.slice(0, 70))}`);
    const repository = REPOSITORY_VARIABLES.map((n) => env[n]?.trim()).find((v) => v) ?? '';
    return { repository, runId };
}
/**
 * session: opens the sealed sign-in (refusing it before any request: wrong key, other run or repository, tampered,
 * expired or too close to expiry) and completes the request from it: start URL, SSO region, sso-session name (unless
 * given), and the login job's account and role unless the job gives its own. A start URL or SSO region given with it
 * must be the sealed one.
 */
async function openSharedSession(request, binding, mask, now = Date.now()) {
    const shared = request.sharedSession;
    const signIn = await openSession(shared.sealed, shared.key, binding, {
        minValiditySeconds: request.minValiditySeconds,
        now
    });
    mask(signIn.accessToken);
    if (request.startUrl && request.startUrl !== signIn.startUrl) {
        throw new rules/* InputError */.dz('start-url', `is not the start URL of the shared sign-in (${signIn.startUrl}); leave it out with session`);
    }
    if (request.ssoRegion && request.ssoRegion !== signIn.ssoRegion) {
        throw new rules/* InputError */.dz('sso-region', `is not the SSO region of the shared sign-in (${signIn.ssoRegion}); leave it out with session`);
    }
    const region = request.region || signIn.ssoRegion;
    return {
        signIn,
        request: {
            ...request,
            startUrl: signIn.startUrl,
            ssoRegion: signIn.ssoRegion,
            region,
            accountId: request.accountId || signIn.accountId,
            roleName: request.roleName || signIn.roleName,
            ssoSession: shared.ssoSessionGiven
                ? request.ssoSession
                : signIn.ssoSession,
            extraProfiles: request.extraProfiles.map((p) => p.region ? p : { ...p, region })
        }
    };
}
/** share-session: the key derivation, started when the approval link is out so that its cost hides in the wait. */
class SessionSealer {
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
            startUrl: request.startUrl,
            ssoRegion: request.ssoRegion,
            ssoSession: request.ssoSession,
            expiresAt: result.token.expiresAt,
            accountId: request.accountId,
            roleName: request.roleName
        };
        return sealSession(signIn, this.key, this.binding);
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
async function endSharedSession(request, binding, mask, log, env) {
    const shared = request.sharedSession;
    const signIn = await openSession(shared.sealed, shared.key, binding, {
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
 * end-session: signed out, and nothing else to do. Without any of them the request goes on as it is.
 */
async function startSharedSession(request, options) {
    const shared = request.sharedSession;
    if (!shared)
        return { kind: 'login', request };
    const { mask, log, env } = options;
    const binding = sessionBinding(request, env, options.explicitRunId);
    if (shared.mode === 'share')
        return {
            kind: 'login',
            request,
            sealer: new SessionSealer(shared.key, binding)
        };
    if (shared.mode === 'use')
        return {
            kind: 'login',
            ...(await openSharedSession(request, binding, mask))
        };
    return {
        kind: 'ended',
        signedOut: await endSharedSession(request, binding, mask, log, env)
    };
}


/***/ }),

/***/ 9066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ readLoginRequest)
/* harmony export */ });
/* harmony import */ var _spec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7026);
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1312);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8190);
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
 * found is thrown. Within an input the checks run: control characters → required/empty →
 * shape-specific checks. Cross-input checks are reported on the later input of the pair
 * (`profiles` against `profile`, `account-filter`/`role-filter` against `discover`, `webhook-url`
 * against `notify`).
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



// scale (issue 13)

// ---------------------------------------------------------------------------------------------
// The reader
/**
 * Reads every input through `get` ('' when unset), validates it, applies defaults, and returns the
 * request. Throws the first {@link InputError} found, in {@link INPUTS} order.
 */
function readLoginRequest(get) {
    const fail = (input, problem) => {
        throw new _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, problem);
    };
    /** Raw value with control characters rejected (line breaks allowed only when asked). */
    const raw = (name, allowLineBreaks = false) => {
        const got = get(name);
        const value = got === undefined || got === null ? '' : String(got);
        const problem = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .controlProblem */ .Rw)(value, (0,_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .isSecretInput */ .pX)(name), allowLineBreaks);
        if (problem)
            fail(name, problem);
        return value;
    };
    const trimmed = (name) => raw(name).trim();
    // With a sealed session (session / end-session) the start URL, SSO region, account and role come from it (shared-session.ts).
    const fromSeal = String(get('session') ?? '').trim() !== '' ||
        _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .TRUE_VALUES */ .AR.includes(String(get('end-session') ?? '').trim());
    const required = (name, value, example) => {
        if (value.trim() === '' && !fromSeal)
            fail(name, `is required (for example ${example})`);
        return value;
    };
    /** The problem with a value, unless it was left out with a sealed session. */
    const problemOf = (value, check) => (value === '' ? undefined : check(value));
    const bool = (name, fallback) => {
        const v = trimmed(name);
        if (v === '')
            return fallback;
        if (_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .TRUE_VALUES */ .AR.includes(v))
            return true;
        if (_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .FALSE_VALUES */ .Pm.includes(v))
            return false;
        return fail(name, `must be true or false, got ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(v)}`);
    };
    const duration = (name, min, max) => {
        const v = trimmed(name);
        if (v === '')
            return undefined;
        const seconds = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDurationSeconds */ .lW)(v);
        if (seconds === undefined || !Number.isSafeInteger(seconds)) {
            return fail(name, `must be a number of seconds or a duration like 15m or 1h, got ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(v)}`);
        }
        if (seconds < min || seconds > max) {
            return fail(name, `must be between ${min} and ${max} seconds, got ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(v)} (${seconds} seconds)`);
        }
        return seconds;
    };
    // start-url
    const startUrl = required('start-url', trimmed('start-url'), 'https://my-sso-portal.awsapps.com/start');
    const urlProblem = problemOf(startUrl, _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .startUrlProblem */ .rA);
    if (urlProblem)
        fail('start-url', urlProblem);
    // sso-region
    const ssoRegion = required('sso-region', raw('sso-region'), 'us-east-1');
    const ssoRegionProblem = problemOf(ssoRegion, _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .regionProblem */ .Og);
    if (ssoRegionProblem)
        fail('sso-region', ssoRegionProblem);
    // account-id
    const accountId = required('account-id', trimmed('account-id'), '111122223333');
    const accountProblem = problemOf(accountId, _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .accountIdProblem */ .gN);
    if (accountProblem)
        fail('account-id', accountProblem);
    // role-name
    const roleName = required('role-name', raw('role-name'), 'DeveloperAccess');
    const roleProblem = problemOf(roleName, _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .roleNameProblem */ .pg);
    if (roleProblem)
        fail('role-name', roleProblem);
    // sso-session, profile
    const ssoSession = raw('sso-session') || _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_SSO_SESSION */ .$1;
    const sessionProblem = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .nameProblem */ .rH)(ssoSession, 'an sso-session name');
    if (sessionProblem)
        fail('sso-session', sessionProblem);
    const profile = raw('profile') || _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_PROFILE */ .KG;
    const profileProblem = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .nameProblem */ .rH)(profile, 'a profile name');
    if (profileProblem)
        fail('profile', profileProblem);
    // region
    const region = raw('region') || ssoRegion;
    const regProblem = problemOf(region, _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .regionProblem */ .Og);
    if (regProblem)
        fail('region', regProblem);
    // output
    const output = trimmed('output') || _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_OUTPUT */ .Ol;
    if (!_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .OUTPUT_FORMATS */ .DS.includes(output))
        fail('output', `must be one of ${_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .OUTPUT_FORMATS */ .DS.join(', ')}, got ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(output)}`);
    // registration-scopes
    const scopesRaw = trimmed('registration-scopes');
    let registrationScopes = [..._spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_REGISTRATION_SCOPES */ .W3];
    if (scopesRaw !== '') {
        const scopes = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .splitList */ .ry)(scopesRaw);
        if (scopes.length === 0)
            fail('registration-scopes', 'must list at least one scope, e.g. sso:account:access');
        for (const s of scopes) {
            if (!_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .SCOPE_RE */ .bH.test(s))
                fail('registration-scopes', `scope ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(s)} may contain only letters, digits and : _ * . -`);
        }
        registrationScopes = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .dedupe */ .Qq)(scopes);
    }
    // profiles
    const extraProfiles = parseProfiles(raw('profiles', true), profile, region);
    // discover, account-filter, role-filter
    const discoverOn = bool('discover', _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_DISCOVER */ .WG);
    const accountFilter = trimmed('account-filter');
    const roleFilter = trimmed('role-filter');
    if (accountFilter !== '') {
        if (!discoverOn)
            fail('account-filter', 'is only allowed when discover is true');
        if (accountFilter.length > 256)
            fail('account-filter', `must be at most 256 characters, got ${accountFilter.length}`);
    }
    if (roleFilter !== '') {
        if (!discoverOn)
            fail('role-filter', 'is only allowed when discover is true');
        const bad = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .firstBadChar */ .ek)(roleFilter, /[A-Za-z0-9_+=,.@*?-]/);
        if (bad !== undefined) {
            fail('role-filter', `contains ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .describeChar */ .Ip)(bad)}; use role name characters and the globs * ?, got ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(roleFilter)}`);
        }
        if (roleFilter.length > 128)
            fail('role-filter', `must be at most 128 characters, got ${roleFilter.length}`);
    }
    // booleans
    const allowPartial = bool('allow-partial', _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_ALLOW_PARTIAL */ .qV);
    const exportCredentials = bool('export-credentials', _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_EXPORT_CREDENTIALS */ .ch);
    const keepSession = bool('keep-session', _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_KEEP_SESSION */ .bd);
    const reuseSession = bool('reuse-session', _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_REUSE_SESSION */ .KJ);
    // durations
    const minValiditySeconds = duration('min-validity', 0, _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_MIN_VALIDITY_SECONDS */ .Jt) ??
        _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_MIN_VALIDITY_SECONDS */ .w6;
    const approvalTimeoutSeconds = duration('approval-timeout', 1, _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_APPROVAL_TIMEOUT_SECONDS */ .LE);
    // allowed-approvers
    const allowedApprovers = [];
    for (const a of (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .splitList */ .ry)(trimmed('allowed-approvers'))) {
        const bad = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .firstBadChar */ .ek)(a, /[^\s,]/u);
        if (bad !== undefined)
            fail('allowed-approvers', `entry ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(a)} must not contain spaces`);
        if (Array.from(a).length > 128)
            fail('allowed-approvers', `entry ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(a)} is longer than 128 characters`);
        allowedApprovers.push(a.toLowerCase());
    }
    const forbidSelfApproval = bool('forbid-self-approval', _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_FORBID_SELF_APPROVAL */ .aj);
    // notify
    const notify = parseNotify(trimmed('notify'));
    // github-token (secret: never echoed)
    const githubToken = trimmed('github-token');
    if (/\s/.test(githubToken))
        fail('github-token', 'must not contain spaces (value not shown)');
    // issue-number
    const issueRaw = trimmed('issue-number');
    let issueNumber;
    if (issueRaw !== '') {
        if (!/^[0-9]+$/.test(issueRaw) ||
            Number(issueRaw) < 1 ||
            Number(issueRaw) > _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_ISSUE_NUMBER */ .td) {
            fail('issue-number', `must be a positive whole number, got ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(issueRaw)}`);
        }
        issueNumber = Number(issueRaw);
    }
    // webhook-url (secret: never echoed)
    const webhookRaw = trimmed('webhook-url');
    let webhookUrl;
    if (webhookRaw !== '') {
        const problem = webhookUrlProblem(webhookRaw);
        if (problem)
            fail('webhook-url', `${problem} (value not shown)`);
        webhookUrl = webhookRaw;
    }
    else if (notify.includes('webhook')) {
        fail('webhook-url', 'is required when notify includes webhook');
    }
    const request = {
        startUrl,
        ssoRegion,
        accountId,
        roleName,
        ssoSession,
        profile,
        region,
        output,
        registrationScopes,
        notify,
        githubToken,
        exportCredentials,
        keepSession,
        allowedApprovers: (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .dedupe */ .Qq)(allowedApprovers),
        forbidSelfApproval,
        extraProfiles,
        allowPartial,
        reuseSession,
        minValiditySeconds
    };
    if (issueNumber !== undefined)
        request.issueNumber = issueNumber;
    if (webhookUrl !== undefined)
        request.webhookUrl = webhookUrl;
    if (approvalTimeoutSeconds !== undefined)
        request.approvalTimeoutSeconds = approvalTimeoutSeconds;
    if (discoverOn) {
        request.discover = {};
        if (accountFilter !== '')
            request.discover.accountFilter = accountFilter;
        if (roleFilter !== '')
            request.discover.roleFilter = roleFilter;
    }
    // Each feature reads and checks its inputs in its own block (cross-input checks against earlier inputs here):
    // --- least privilege (issue 10): sign-out-early, allowed-account-ids, the client name
    const signOutEarly = bool('sign-out-early', false);
    if (signOutEarly && keepSession)
        fail('sign-out-early', 'cannot be combined with keep-session: true (keep-session leaves the sign-in on the runner, sign-out-early ends it at once); set one of the two');
    if (signOutEarly && reuseSession)
        fail('sign-out-early', 'cannot be combined with reuse-session: true (reuse-session uses and keeps a cached sign-in, sign-out-early ends it at once); set one of the two');
    if (signOutEarly)
        request.signOutEarly = true;
    const allowedAccountsRaw = trimmed('allowed-account-ids');
    if (allowedAccountsRaw !== '') {
        const ids = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .splitList */ .ry)(allowedAccountsRaw);
        if (ids.length === 0)
            fail('allowed-account-ids', 'must list 12-digit account ids separated by commas');
        for (const id of ids) {
            if (/\s/.test(id) && /^[0-9\s]+$/.test(id))
                fail('allowed-account-ids', `separate the account ids with commas, got ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(id)}`);
            const problem = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .accountIdProblem */ .gN)(id);
            if (problem)
                fail('allowed-account-ids', `each entry ${problem}`);
        }
        request.allowedAccountIds = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .dedupe */ .Qq)(ids);
    }
    // --- role chaining (issue 10): role-to-assume, role-session-name, role-duration-seconds, …
    const chain = (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .readChainInputs */ .Xq)((name, lines) => raw(name, lines), {
        accountId,
        region,
        profile,
        extraProfileNames: extraProfiles.map((p) => p.name)
    });
    if (chain)
        request.chain = chain;
    // --- shared sign-in (issue 14): share-session, session, session-key, end-session
    const shareSession = bool('share-session', false);
    if (shareSession && request.signOutEarly)
        fail('share-session', 'cannot be combined with sign-out-early: a sign-in that is signed out at once cannot be shared');
    const sealed = trimmed('session');
    if (sealed.length > _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SESSION_LENGTH */ .nA)
        fail('session', `must be at most ${_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SESSION_LENGTH */ .nA} characters, got ${sealed.length}`);
    if (sealed !== '' && shareSession)
        fail('session', 'cannot be combined with share-session: a job either shares its own sign-in or uses the one shared with it');
    if (sealed !== '' && reuseSession)
        fail('session', 'cannot be combined with reuse-session: the sign-in comes from the session input');
    if (sealed !== '' && request.signOutEarly)
        fail('session', 'cannot be combined with sign-out-early: signing out would end the sign-in for every job of the run (end-session does that)');
    const endSession = bool('end-session', false);
    if (endSession && sealed === '')
        fail('end-session', 'needs session (the session output of the share-session job) and session-key');
    const sessionKey = raw('session-key');
    if (sessionKey !== '') {
        if (!shareSession && sealed === '')
            fail('session-key', 'is only used with share-session or session (value not shown)');
        if (Array.from(sessionKey).length < _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_SESSION_KEY_LENGTH */ .FO) {
            fail('session-key', `must be at least ${_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_SESSION_KEY_LENGTH */ .FO} characters, got ${Array.from(sessionKey).length} (value not shown); e.g. openssl rand -base64 33`);
        }
    }
    else if (shareSession || sealed !== '') {
        fail('session-key', `is required with ${shareSession ? 'share-session' : 'session'} (a secret of at least ${_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_SESSION_KEY_LENGTH */ .FO} characters)`);
    }
    if (shareSession)
        request.sharedSession = { mode: 'share', key: sessionKey };
    else if (sealed !== '')
        request.sharedSession = {
            mode: endSession ? 'end' : 'use',
            key: sessionKey,
            sealed,
            ssoSessionGiven: raw('sso-session') !== ''
        };
    // --- older SDKs (issue 12): legacy-sso-profile
    if (bool('legacy-sso-profile', false))
        request.legacySsoProfile = true;
    // --- scale (issue 13): verify-profiles
    const verifyProfiles = trimmed('verify-profiles').toLowerCase() || _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_VERIFY_PROFILES */ .Z2;
    if (!_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .VERIFY_PROFILES */ .TI.includes(verifyProfiles))
        fail('verify-profiles', `must be one of ${_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .VERIFY_PROFILES */ .TI.join(', ')}, got ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(verifyProfiles)}`);
    if (verifyProfiles === 'primary' && signOutEarly) {
        fail('verify-profiles', 'primary cannot be combined with sign-out-early: true (the profiles it writes unverified fetch their credentials with the sign-in, which sign-out-early ends at once); use verify-profiles: all or drop sign-out-early');
    }
    if (verifyProfiles !== _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_VERIFY_PROFILES */ .Z2)
        request.verifyProfiles = verifyProfiles;
    // --- end of the feature blocks
    return request;
}
/**
 * notify: '' → the defaults; comma-separated channels, case-insensitive, whitespace tolerated;
 * 'log' accepted and ignored (the log is always on); 'none' alone → [] (log only).
 */
function parseNotify(value) {
    if (value === '')
        return [..._spec_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_NOTIFY */ .w2];
    const items = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .splitList */ .ry)(value).map((s) => s.toLowerCase());
    if (items.length === 0)
        throw new _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('notify', `must list channels (${_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .NOTIFY_CHANNELS */ .lG.join(', ')}) or none`);
    const channels = [];
    for (const item of items) {
        if (item === 'log')
            continue;
        if (item === 'none') {
            if (items.some((i) => i !== 'none' && i !== 'log'))
                throw new _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('notify', '"none" cannot be combined with other channels');
            continue;
        }
        if (!_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .NOTIFY_CHANNELS */ .lG.includes(item)) {
            throw new _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('notify', `unknown channel ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(item)}; use ${_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .NOTIFY_CHANNELS */ .lG.join(', ')}, log or none`);
        }
        channels.push(item);
    }
    return (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .dedupe */ .Qq)(channels);
}
function webhookUrlProblem(value) {
    if (value.length > _spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_URL_LENGTH */ .m2)
        return `must be at most ${_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_URL_LENGTH */ .m2} characters`;
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
            throw new _rules_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('profiles', `line ${n}: ${problem}`);
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
        const np = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .nameProblem */ .rH)(name, 'a profile name');
        if (np)
            fail(`profile name ${np}`);
        const ap = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .accountIdProblem */ .gN)(accountId);
        if (ap)
            fail(`account id ${ap}`);
        const rp = (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .roleNameProblem */ .pg)(roleName);
        if (rp)
            fail(`role name ${rp}`);
        const gp = region === '' ? undefined : (0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .regionProblem */ .Og)(region); // '' only with a sealed session: its region, later
        if (gp)
            fail(`region ${gp}`);
        if (name === mainProfile)
            fail(`profile name ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(name)} is already the profile input; choose another name`);
        const earlier = seen.get(name);
        if (earlier !== undefined)
            fail(`profile name ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_2__/* .showValue */ .vp)(name)} is already used on line ${earlier}`);
        seen.set(name, n);
        specs.push({ name, accountId, roleName, region });
    });
    return specs;
}


/***/ }),

/***/ 6118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ EventQueue)
/* harmony export */ });
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5014);

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
