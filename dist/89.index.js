export const id = 89;
export const ids = [89];
export const modules = {

/***/ 3639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ cleanupSession),
/* harmony export */   z: () => (/* binding */ sweepOrphanedTokenCache)
/* harmony export */ });
/* harmony import */ var _aws_logout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4299);
/* harmony import */ var _aws_files_session_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3858);
/* harmony import */ var _aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7215);
/* harmony import */ var _aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5262);




async function cleanupSession(input, log, env = process.env) {
    let ok = true;
    if (input.signOut === false) {
        // shared with other jobs of the run (share-session / session): the caller says so; only the files go
    }
    else if (input.accessToken) {
        const signedOut = await (0,_aws_logout_js__WEBPACK_IMPORTED_MODULE_0__/* .signOut */ .C)(input.accessToken, { ssoRegion: input.ssoRegion, region: input.region, env, maxAttempts: 3 }, log);
        if (signedOut)
            log.info('Signed out of IAM Identity Center: the access token is revoked (role sessions already issued last until they expire)');
        else
            ok = false;
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
                accessToken =
                    text === undefined
                        ? undefined
                        : JSON.parse(text)?.accessToken;
            }
            catch {
                continue; // not JSON: not what we write
            }
            if (typeof accessToken !== 'string' || !sweep.isOurs(accessToken))
                continue;
            found = true;
            if (!revoked.has(accessToken)) {
                revoked.set(accessToken, await (0,_aws_logout_js__WEBPACK_IMPORTED_MODULE_0__/* .signOut */ .C)(accessToken, {
                    ssoRegion: sweep.ssoRegion,
                    region: sweep.region,
                    env,
                    maxAttempts: 2,
                    requestTimeoutMs: sweep.requestTimeoutMs
                }, log));
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
/* harmony import */ var _core_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5978);
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
        ...(0,_core_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .requestedAccess */ .B)(request, true)
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
            return {
                number: n,
                kind: payload.issue.pull_request ? 'pull-request' : 'issue'
            };
        return { number: n };
    }
    if (env.GITHUB_EVENT_NAME === 'pull_request' ||
        env.GITHUB_EVENT_NAME === 'pull_request_target') {
        const n = payload?.pull_request?.number;
        return typeof n === 'number'
            ? { number: n, kind: 'pull-request' }
            : undefined;
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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _notify_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5014);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9556);
/** The channels a GitHub run reports to: log (always), summary, comment, webhook, per the notify input. */



const actionLogger = {
    info: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(m),
    warning: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m),
    debug: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(m),
    notice: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(m, { title: 'AWS IAM Identity Center approval requested' })
};
function githubNotifiers(request, ctx, env = process.env) {
    const target = request.notify.includes('comment')
        ? (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .commentTarget */ .l)(request, env)
        : undefined;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    let channels = request.notify;
    if (request.notify.includes('comment') && !target) {
        // The default channels include comment; a push or a manual run has nothing to comment on, which is not a problem.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('notify: no comment: this run is not for a pull request and issue-number is not set (the log and the other channels carry the link)');
        channels = request.notify.filter((c) => c !== 'comment');
    }
    return (0,_notify_index_js__WEBPACK_IMPORTED_MODULE_1__/* .createNotifiers */ .im)(channels, {
        ctx,
        logger: actionLogger,
        env,
        marker: {
            runId: env.GITHUB_RUN_ID,
            job: env.GITHUB_JOB,
            profile: request.profile
        },
        summary: {
            write: async (markdown) => void (await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z
                .addRaw(markdown, !markdown.endsWith('\n'))
                .write({ overwrite: true }))
        },
        comment: target && owner && repo
            ? {
                token: request.githubToken,
                repo: { owner, repo },
                issueNumber: target.number,
                target: target.kind
            }
            : undefined,
        webhookUrl: request.webhookUrl
    });
}


/***/ }),

/***/ 8862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lb: () => (/* binding */ saveSessionState),
/* harmony export */   T2: () => (/* binding */ clearSessionState),
/* harmony export */   oP: () => (/* binding */ loadSessionState)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
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
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
        }
    }
    const state = {
        ...(request.signOutEarly || !result.token.accessToken
            ? {}
            : { accessToken: result.token.accessToken }),
        ssoRegion: request.ssoRegion,
        region: request.region,
        keepSession: request.keepSession,
        written: result.written
    };
    if (request.sharedSession?.mode === 'use')
        state.shared = 'use';
    else if (shared)
        state.shared = 'share';
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(KEY, JSON.stringify(state));
}
/** Nothing for the post step to do (the files a failed write had started were undone). The runner keeps the last value. */
function clearSessionState() {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(KEY, '');
}
function loadSessionState() {
    const raw = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(KEY);
    if (!raw)
        return undefined;
    const state = JSON.parse(raw);
    if (state.accessToken)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(state.accessToken);
    return state;
}


/***/ }),

/***/ 89:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* reexport */ runPost)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/core/cleanup.ts
var cleanup = __webpack_require__(3639);
// EXTERNAL MODULE: ./src/github/notifiers.ts
var notifiers = __webpack_require__(1676);
// EXTERNAL MODULE: ./src/github/state.ts
var github_state = __webpack_require__(8862);
;// CONCATENATED MODULE: ./src/github/post.ts
/** The action's post step: sign out and remove what main wrote, unless keep-session is true. */




async function runPost() {
    const state = (0,github_state/* loadSessionState */.oP)();
    if (!state) {
        core/* info */.pq('The main step got no SSO token, so there is nothing to sign out of or clean up.');
        return;
    }
    if (state.keepSession) {
        const legacy = state.written.legacyTokenCache
            ? ` (and its legacy-sso-profile copy, ${state.written.legacyTokenCache.file})`
            : '';
        core/* info */.pq(`keep-session is true: the SSO session, the token cache${legacy} and the config sections stay for later jobs on this runner.`);
        return;
    }
    if (state.written.partial) {
        core/* info */.pq('The main step stopped while it was writing its files: signing out and removing whatever of them it had written.');
    }
    if (state.shared === 'share') {
        core/* info */.pq('share-session: the sign-in is shared with the later jobs of this run that hold the session-key, so this job does not sign out; end-session signs it out (or it expires). Removing only the files this job wrote.');
    }
    else if (state.shared === 'use') {
        core/* info */.pq('session: this job used the sign-in shared by an earlier job of this run, so it does not sign out; end-session does. Removing only the files this job wrote.');
    }
    const ok = await (0,cleanup/* cleanupSession */.T)({ ...state, signOut: !state.shared }, notifiers/* actionLogger */.v);
    if (!ok)
        core/* warning */.$e('Cleanup was incomplete; see the lines above.');
}

;// CONCATENATED MODULE: ./src/post.ts
/**
 * The action's post step (`runs.post` in action.yml, dist/post.js): sign out and remove what main wrote.
 * `run()` is what dist/post.js, @github/local-action (`--post src/post.ts`) and the unit tests call.
 */



/***/ })

};
