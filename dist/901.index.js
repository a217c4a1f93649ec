export const id = 901;
export const ids = [901];
export const modules = {

/***/ 3639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ cleanupSession),
/* harmony export */   z: () => (/* binding */ sweepOrphanedTokenCache)
/* harmony export */ });
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/* harmony import */ var _aws_logout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4299);
/* harmony import */ var _aws_files_session_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3858);
/* harmony import */ var _aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7215);
/* harmony import */ var _aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5262);





async function cleanupSession(input, log, env = process.env) {
    let ok = true;
    if (input.signOut === false) {
        // shared with other jobs of the run (share-session / session): the caller says so; only the files go
    }
    else if (input.accessToken) {
        const clients = new _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsClients */ .cE({ ssoRegion: input.ssoRegion, region: input.region, env, onRetry: (m) => log.info(m), maxAttempts: 3 });
        try {
            if (await (0,_aws_logout_js__WEBPACK_IMPORTED_MODULE_4__/* .logout */ .r)(clients, input.accessToken, log))
                log.info('Signed out of IAM Identity Center: the access token is revoked (role sessions already issued last until they expire)');
            else
                ok = false;
        }
        finally {
            clients.destroy();
        }
    }
    else {
        log.info('No SSO token to sign out: the main step signed out already (sign-out-early)');
    }
    try {
        const report = await (0,_aws_files_session_files_js__WEBPACK_IMPORTED_MODULE_1__/* .removeSessionFiles */ .Wd)(input.written);
        log.info(`Token cache: ${input.written.tokenCache ? report.tokenCache : 'none written by this run'}; registration cache: ${report.registrationCache ?? 'not written by this run'}; ${report.legacyTokenCache ? `legacy token cache (legacy-sso-profile): ${report.legacyTokenCache}; ` : ''}config: ${report.config}` +
            (report.credentials ? `; credentials: ${report.credentials}` : ''));
    }
    catch (error) {
        ok = false;
        log.warning(`Could not remove the files this run wrote: ${error.message}`);
    }
    return ok;
}
/**
 * A login that failed or was stopped after it wrote the token cache but before it handed its files to the post step
 * leaves a valid SSO token on the runner for the next job. If the sso-session's token cache holds a token this process
 * obtained, revoke it (SSO Logout) and delete that file (only if it still holds those bytes). Returns whether it did.
 * Never throws.
 */
async function sweepOrphanedTokenCache(sweep, log, env = process.env) {
    const files = [(0,_aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenCacheFile */ .g6)(sweep.ssoCacheDir, sweep.sessionName)];
    if (sweep.legacyStartUrl !== undefined)
        files.push((0,_aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .legacyTokenCacheFile */ .lS)(sweep.ssoCacheDir, sweep.legacyStartUrl));
    const revoked = new Map();
    let found = false;
    for (const file of files) {
        try {
            // One read decides: the bytes whose token is ours are the bytes removed (under the lock, only if unchanged).
            const text = await (0,_aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .readIfExists */ .OR)(file);
            let accessToken;
            try {
                accessToken = text === undefined ? undefined : JSON.parse(text)?.accessToken;
            }
            catch {
                continue; // not JSON: not what we write
            }
            if (typeof accessToken !== 'string' || !sweep.isOurs(accessToken))
                continue;
            found = true;
            if (!revoked.has(accessToken)) {
                const clients = new _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsClients */ .cE({ ssoRegion: sweep.ssoRegion, region: sweep.region, env, onRetry: (m) => log.info(m), maxAttempts: 2, requestTimeoutMs: sweep.requestTimeoutMs });
                try {
                    revoked.set(accessToken, await (0,_aws_logout_js__WEBPACK_IMPORTED_MODULE_4__/* .logout */ .r)(clients, accessToken, log));
                }
                finally {
                    clients.destroy();
                }
            }
            const outcome = await (0,_aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .removeCacheFileIfOurs */ .FH)(file, (0,_aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .contentHash */ .Ae)(text));
            log.info(`This run had already written its SSO token to ${file} when it stopped: ${revoked.get(accessToken) ? 'token revoked' : 'token NOT revoked'}, cache file ${outcome}`);
        }
        catch (error) {
            log.warning(`Could not check the token cache ${file} for a token this run left behind: ${error.message}`);
        }
    }
    return found;
}


/***/ }),

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ githubRequestContext),
/* harmony export */   l: () => (/* binding */ commentTarget)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5978);
/* harmony import */ var _inputs_chain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1312);
/** What is being asked, from the runner's GITHUB_* variables (no @actions/github needed: nothing here calls the API). */



function githubRequestContext(request, env = process.env) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const repository = env.GITHUB_REPOSITORY;
    const runUrl = repository && env.GITHUB_RUN_ID
        ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`
        : undefined;
    return {
        repository,
        workflow: env.GITHUB_WORKFLOW,
        job: env.GITHUB_JOB,
        runUrl,
        actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR,
        event: env.GITHUB_EVENT_NAME,
        ref: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || env.GITHUB_REF,
        sha: pullRequestHeadSha(env) ?? env.GITHUB_SHA,
        accountId: request.accountId,
        roleName: request.roleName,
        startUrl: request.startUrl,
        extraProfiles: request.extraProfiles.map(({ name, accountId, roleName }) => ({ name, accountId, roleName })),
        keepSession: request.keepSession,
        reuseSession: request.reuseSession,
        signInMode: (0,_core_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_2__/* .signInModeFor */ .L)(request, true),
        ...(request.chain ? { chainTo: (0,_inputs_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .chainTarget */ .rw)(request.chain) } : {})
    };
}
function eventPayload(env) {
    if (!env.GITHUB_EVENT_PATH)
        return undefined;
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
    }
    catch {
        return undefined;
    }
}
function pullRequestHeadSha(env) {
    const sha = eventPayload(env)?.pull_request?.head?.sha;
    return typeof sha === 'string' ? sha : undefined;
}
/** The pull request of a pull_request / pull_request_target event, or the issue-number input. */
function commentTarget(request, env = process.env) {
    const payload = eventPayload(env);
    if (request.issueNumber) {
        const n = request.issueNumber;
        // The event may be about that very number: then it says whether it is a pull request.
        if (payload?.pull_request?.number === n)
            return { number: n, kind: 'pull-request' };
        if (payload?.issue?.number === n)
            return { number: n, kind: payload.issue.pull_request ? 'pull-request' : 'issue' };
        return { number: n };
    }
    if (env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target') {
        const n = payload?.pull_request?.number;
        return typeof n === 'number' ? { number: n, kind: 'pull-request' } : undefined;
    }
    return undefined;
}


/***/ }),

/***/ 1676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ githubNotifiers),
/* harmony export */   v: () => (/* binding */ actionLogger)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9373);
/* harmony import */ var _notify_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3097);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9556);
/** The channels a GitHub run reports to: log (always), summary, comment, webhook, per the notify input. */



const actionLogger = {
    info: (m) => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(m),
    warning: (m) => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m),
    debug: (m) => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(m),
    notice: (m) => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(m, { title: 'AWS IAM Identity Center approval requested' })
};
function githubNotifiers(request, ctx, env = process.env) {
    const target = request.notify.includes('comment') ? (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .commentTarget */ .l)(request, env) : undefined;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    let channels = request.notify;
    if (request.notify.includes('comment') && !target) {
        // The default channels include comment; a push or a manual run has nothing to comment on, which is not a problem.
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('notify: no comment: this run is not for a pull request and issue-number is not set (the log and the other channels carry the link)');
        channels = request.notify.filter((c) => c !== 'comment');
    }
    return (0,_notify_index_js__WEBPACK_IMPORTED_MODULE_1__/* .createNotifiers */ .im)(channels, {
        ctx,
        logger: actionLogger,
        env,
        marker: { runId: env.GITHUB_RUN_ID, job: env.GITHUB_JOB, profile: request.profile },
        summary: { write: async (markdown) => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .writeSummary */ .Sy(markdown) },
        comment: target && owner && repo ? { token: request.githubToken, repo: { owner, repo }, issueNumber: target.number, target: target.kind } : undefined,
        webhookUrl: request.webhookUrl
    });
}


/***/ }),

/***/ 2901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9373);
/* harmony import */ var _core_cleanup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3639);
/* harmony import */ var _notifiers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1676);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8862);
/** The action's post step: sign out and remove what main wrote, unless keep-session is true. */




async function runPost() {
    const state = (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .loadSessionState */ .oP)();
    if (!state) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('The main step got no SSO token, so there is nothing to sign out of or clean up.');
        return;
    }
    if (state.keepSession) {
        const legacy = state.written.legacyTokenCache ? ` (and its legacy-sso-profile copy, ${state.written.legacyTokenCache.file})` : '';
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`keep-session is true: the SSO session, the token cache${legacy} and the config sections stay for later jobs on this runner.`);
        return;
    }
    if (state.written.partial) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('The main step stopped while it was writing its files: signing out and removing whatever of them it had written.');
    }
    if (state.shared === 'share') {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('share-session: the sign-in is shared with the later jobs of this run that hold the session-key, so this job does not sign out; end-session signs it out (or it expires). Removing only the files this job wrote.');
    }
    else if (state.shared === 'use') {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('session: this job used the sign-in shared by an earlier job of this run, so it does not sign out; end-session does. Removing only the files this job wrote.');
    }
    const ok = await (0,_core_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .cleanupSession */ .T)({ ...state, signOut: !state.shared }, _notifiers_js__WEBPACK_IMPORTED_MODULE_2__/* .actionLogger */ .v);
    if (!ok)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('Cleanup was incomplete; see the lines above.');
}


/***/ }),

/***/ 9373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Gu: () => (/* binding */ getState),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   Sy: () => (/* binding */ writeSummary),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   dN: () => (/* binding */ exportVariable),
/* harmony export */   lm: () => (/* binding */ notice),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput)
/* harmony export */ });
/* unused harmony exports issueCommand, error */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/**
 * The GitHub runner's protocol, as far as this action uses it: inputs, workflow commands on stdout
 * (`::add-mask::`, `::warning::`, …) and the GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files.
 *
 * Same names and formats as @actions/core (https://docs.github.com/actions/reference/workflow-commands-for-github-actions),
 * written out here because @actions/core 3 eagerly loads its OIDC client (@actions/http-client and undici, ~1 MB of the
 * bundle) on import, which this action never uses: measured, it was most of the time before the approver's link appeared.
 */



/** `INPUT_<NAME>` as the runner sets it (spaces become `_`, upper case), trimmed; '' when unset. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** `::command key=value,…::message` on stdout. */
function issueCommand(command, properties, message) {
    const props = Object.entries(properties)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(v)}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
/** Appends `key<<delimiter … delimiter` to the runner file named by `envName` (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE). */
function fileCommand(envName, key, value) {
    const file = process.env[envName];
    if (!file)
        throw new Error(`${envName} is not set: this is not a GitHub Actions runner step`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        throw new Error(`${envName} points to a missing file`);
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)()}`;
    if (key.includes(delimiter) || value.includes(delimiter))
        throw new Error('unexpected delimiter in a runner file command');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, `${key}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, { encoding: 'utf8' });
}
/** Registers a secret with the runner's log masker; every later occurrence in the log shows as ***. */
function setSecret(secret) {
    if (secret)
        issueCommand('add-mask', {}, secret);
}
function exportVariable(name, value) {
    process.env[name] = value;
    fileCommand('GITHUB_ENV', name, value);
}
function setOutput(name, value) {
    fileCommand('GITHUB_OUTPUT', name, value);
}
/** State for this action's post step (the runner hands it over as STATE_<name>). */
function saveState(name, value) {
    fileCommand('GITHUB_STATE', name, value);
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
const info = (message) => void process.stdout.write(`${message}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
const debug = (message) => issueCommand('debug', {}, message);
const warning = (message, props = {}) => issueCommand('warning', { ...props }, message);
const notice = (message, props = {}) => issueCommand('notice', { ...props }, message);
const error = (message, props = {}) => issueCommand('error', { ...props }, message);
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Replaces this step's job summary (GITHUB_STEP_SUMMARY); the runner shows it when the step ends. */
function writeSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        throw new Error('GITHUB_STEP_SUMMARY is not set: no job summary is available');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, markdown.endsWith('\n') ? markdown : `${markdown}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, { encoding: 'utf8' });
}


/***/ }),

/***/ 8862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lb: () => (/* binding */ saveSessionState),
/* harmony export */   T2: () => (/* binding */ clearSessionState),
/* harmony export */   oP: () => (/* binding */ loadSessionState)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9373);
/**
 * What main hands to post, in one place (actions/checkout's state-helper).
 * The SSO access token is kept so that post can revoke it even when another job replaced the cache file;
 * it is masked, and the runner passes state only to this action's post step. With sign-out-early there is no token
 * to keep (main signed out already): the state then holds only what to remove.
 */

const KEY = 'session';
/** `shared`: the session output was published (share-session), so post must not sign out. */
function saveSessionState(request, result, shared = false) {
    // A credentials-file section this run replaced is kept (to restore it) as it was: the user's own keys may be in it.
    for (const edit of result.written.credentialsEdits ?? []) {
        if (edit.kind !== 'replaced' && edit.kind !== 'removed')
            continue;
        for (const line of edit.original.split(/\r?\n/)) {
            const value = /^[^=:#;[]+[=:]\s*(\S.*?)\s*$/.exec(line)?.[1];
            if (value && value.length >= 8)
                _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
        }
    }
    const state = {
        ...(request.signOutEarly || !result.token.accessToken ? {} : { accessToken: result.token.accessToken }),
        ssoRegion: request.ssoRegion,
        region: request.region,
        keepSession: request.keepSession,
        written: result.written
    };
    if (request.sharedSession?.mode === 'use')
        state.shared = 'use';
    else if (shared)
        state.shared = 'share';
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(KEY, JSON.stringify(state));
}
/** Nothing for the post step to do (the files a failed write had started were undone). The runner keeps the last value. */
function clearSessionState() {
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(KEY, '');
}
function loadSessionState() {
    const raw = _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(KEY);
    if (!raw)
        return undefined;
    const state = JSON.parse(raw);
    if (state.accessToken)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(state.accessToken);
    return state;
}


/***/ })

};
