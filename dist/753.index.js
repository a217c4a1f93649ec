export const id = 753;
export const ids = [753];
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

/***/ 2753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* reexport */ runMain)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/inputs/reader.ts
var reader = __webpack_require__(9066);
// EXTERNAL MODULE: ./src/core/login.ts + 5 modules
var login = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/aws-files/paths.ts
var aws_files_paths = __webpack_require__(4683);
// EXTERNAL MODULE: ./src/core/outcome.ts
var outcome = __webpack_require__(9411);
// EXTERNAL MODULE: ./src/notify/queue.ts
var queue = __webpack_require__(6118);
// EXTERNAL MODULE: ./src/core/cleanup.ts
var cleanup = __webpack_require__(3639);
// EXTERNAL MODULE: ./src/aws/http.ts
var http = __webpack_require__(5421);
// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/github/notifiers.ts
var notifiers = __webpack_require__(1676);
// EXTERNAL MODULE: ./src/github/state.ts
var state = __webpack_require__(8862);
// EXTERNAL MODULE: ./src/core/approvers.ts
var approvers = __webpack_require__(2421);
// EXTERNAL MODULE: ./src/core/shared-session.ts + 1 modules
var shared_session = __webpack_require__(3913);
// EXTERNAL MODULE: ./src/core/client-name.ts
var client_name = __webpack_require__(938);
;// CONCATENATED MODULE: ./src/github/main.ts
/** The action's main step: inputs → login → exports, with the approvers told at every step. */














/** How long a cancelled login may take to wind down before the step reports and exits anyway. */
const CANCEL_GRACE_MS = 3_000;
/** Per-attempt timeout of the Logout that revokes a token a stuck, cancelled run left in the cache. */
const CANCEL_SWEEP_MS = 2_000;
/** How long a cancelled step waits for the channels (comment, webhook) to say "cancelled". */
const CANCEL_DRAIN_MS = 3_000;
async function runMain(env = process.env) {
    let request;
    try {
        request = (0,reader/* readLoginRequest */.X)((name) => core/* getInput */.V4(name));
    }
    catch (error) {
        core/* setFailed */.C1(error.message);
        return;
    }
    if (request.githubToken)
        core/* setSecret */.Pq(request.githubToken);
    if (request.webhookUrl)
        core/* setSecret */.Pq(request.webhookUrl);
    const shared = await sharedSession(request, env);
    if (!shared)
        return;
    request = shared.request;
    const paths = (0,aws_files_paths/* awsPaths */.UW)(env);
    const context = (0,github_context/* githubRequestContext */._)(request, env);
    const events = new queue/* EventQueue */.C((0,notifiers/* githubNotifiers */.J)(request, context, env), notifiers/* actionLogger */.v);
    const controller = new AbortController();
    /** Set once the step's outcome is reported, by the login or by the cancel's hard stop, whichever comes first. */
    let finished = false;
    /** Secrets this process masked: an access token among them came from CreateToken in this run. */
    const masked = new Set();
    const cancelled = (signal) => {
        events.push({ type: 'cancelled', at: new Date(), signal });
        core/* setFailed */.C1(`the login was cancelled (${signal}) before it finished; no credentials were exported`);
    };
    /**
     * GitHub cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills it. Stop polling and abort the AWS requests
     * in flight at once; if the login still has not ended after CANCEL_GRACE_MS (a lock wait, a hung socket), report,
     * revoke a token it may have left in the cache, and exit. A second signal exits at once.
     */
    const onSignal = (signal) => {
        if (controller.signal.aborted) {
            core/* info */.pq(`Received ${signal} again: exiting now`);
            process.exit(1);
        }
        core/* info */.pq(`Received ${signal}: stopping the login`);
        controller.abort(signal);
        (0,http/* cancelAwsRequests */.Wp)(signal);
        setTimeout(() => {
            if (finished)
                return;
            finished = true;
            cancelled(signal);
            const sweep = request.reuseSession || shared.signIn
                ? Promise.resolve() // the cache may hold a session this run found, not made (or shared with it): never touch it here
                : (0,cleanup/* sweepOrphanedTokenCache */.z)({
                    ssoCacheDir: paths.ssoCacheDir,
                    sessionName: request.ssoSession,
                    ssoRegion: request.ssoRegion,
                    region: request.region,
                    isOurs: (t) => masked.has(t),
                    requestTimeoutMs: CANCEL_SWEEP_MS,
                    ...(request.legacySsoProfile
                        ? { legacyStartUrl: request.startUrl }
                        : {})
                }, notifiers/* actionLogger */.v, env);
            const bounded = Promise.race([
                sweep,
                new Promise((r) => setTimeout(r, CANCEL_SWEEP_MS + 500))
            ]);
            void Promise.all([bounded, events.drain(CANCEL_DRAIN_MS)]).finally(() => process.exit(1));
        }, CANCEL_GRACE_MS).unref();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const result = await (0,login/* login */.iD)({
            request,
            actor: context.actor,
            actors: (0,approvers/* runActors */._2)(env),
            paths,
            clientName: (0,client_name/* registeredClientName */.xA)(context.repository),
            // Each file the login is about to write is recorded for the post step before it is written: a hard stop (or a
            // kill) in the middle of the writes then still gets its config sections, token and registration caches cleaned up.
            onFilesProgress: (progress) => progress
                ? (0,state/* saveSessionState */.Lb)(request, {
                    token: { accessToken: progress.accessToken },
                    written: progress.written
                })
                : (0,state/* clearSessionState */.T2)(),
            mask: (secret) => {
                masked.add(secret);
                core/* setSecret */.Pq(secret);
            },
            emit: (event) => {
                if (event.type === 'started')
                    shared.sealer?.prepare();
                events.push(event);
            },
            log: notifiers/* actionLogger */.v,
            signal: controller.signal,
            env,
            sharedSignIn: shared.signIn
        });
        // Saved even when a cancel came in meanwhile: the post step then signs out and removes the files.
        (0,state/* saveSessionState */.Lb)(request, result);
        const sealed = shared.sealer && !controller.signal.aborted
            ? await shared.sealer.seal(request, result)
            : undefined;
        if (finished)
            return;
        finished = true;
        if (controller.signal.aborted)
            cancelled(String(controller.signal.reason));
        else {
            publish(request, result);
            if (sealed) {
                core/* setOutput */.uH('session', sealed); // not masked: GitHub drops outputs that hold a masked value; sealed, it needs no mask
                (0,state/* saveSessionState */.Lb)(request, result, true);
                notifiers/* actionLogger */.v.info((0,shared_session/* sharedNotice */.UZ)(shared.sealer.binding, result.token.expiresAt));
            }
            events.push((0,outcome/* finalEvent */.f)(request, result));
        }
    }
    catch (error) {
        if (finished)
            return;
        finished = true;
        // Whatever the login was doing when a signal came (a poll, a request the cancel aborted), the outcome is a cancel.
        if (controller.signal.aborted)
            cancelled(String(controller.signal.reason));
        else {
            events.push((0,outcome/* finalEvent */.f)(request, error));
            core/* setFailed */.C1((0,outcome/* failureMessage */.o)(error));
        }
    }
    finally {
        await events.drain(controller.signal.aborted ? CANCEL_DRAIN_MS : undefined);
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
    }
    // Returns without process.exit(): nothing keeps the event loop alive past this point (idle keep-alive sockets and
    // timers are unref'd), so the process ends by itself, and local-action can run the post step in the same process.
}
/** Outputs always; the primary profile's credentials in the job's environment when export-credentials is true. */
function publish(request, result) {
    const { credentials, identity } = (0,login/* jobSession */.kf)(result);
    if (request.exportCredentials) {
        core/* exportVariable */.dN('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
        core/* exportVariable */.dN('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
        core/* exportVariable */.dN('AWS_SESSION_TOKEN', credentials.sessionToken);
        core/* exportVariable */.dN('AWS_REGION', request.region);
        core/* exportVariable */.dN('AWS_DEFAULT_REGION', request.region);
    }
    core/* setOutput */.uH('aws-account-id', identity.account);
    core/* setOutput */.uH('arn', identity.arn);
    core/* setOutput */.uH('user-id', identity.userId);
    core/* setOutput */.uH('profile', request.profile);
    core/* setOutput */.uH('expiration', credentials.expiration.toISOString());
    core/* setOutput */.uH('approved-by', result.approvedBy);
    core/* info */.pq(`Signed in as ${identity.arn} (approved by ${result.approvedBy || 'unknown'}); profile "${request.profile}" is ready` +
        (request.exportCredentials
            ? '; AWS_* credentials exported to the rest of the job'
            : ''));
    if (result.chained)
        core/* info */.pq((0,login/* chainedProfileNote */.qc)(result.chained));
    for (const extra of result.extra) {
        if (extra.identity)
            core/* info */.pq(`Profile "${extra.profile.name}": verified ${extra.identity.arn}`);
        else if (extra.error)
            core/* warning */.$e(`Profile "${extra.profile.name}" (${extra.profile.accountId}/${extra.profile.roleName}): ${extra.error}`);
    }
}
/**
 * share-session / session / end-session before anything else: the key masked, a sealed session opened (refused
 * before any request). end-session signs out and is the whole step. undefined: the step is over.
 */
async function sharedSession(request, env) {
    if (request.sharedSession)
        core/* setSecret */.Pq(request.sharedSession.key);
    try {
        const start = await (0,shared_session/* startSharedSession */.MS)(request, {
            mask: (s) => core/* setSecret */.Pq(s),
            log: notifiers/* actionLogger */.v,
            env
        });
        if (start.kind === 'login')
            return start;
        if (!start.signedOut) {
            core/* setFailed */.C1('end-session: the sign-out could not be confirmed; the shared sign-in may stay valid until it expires');
        }
    }
    catch (error) {
        core/* setFailed */.C1((0,outcome/* failureMessage */.o)(error));
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The action's main step, as the actions/typescript-action template shapes it: `run()` is what dist/index.js,
 * @github/local-action (`local-action run . src/main.ts .env --post src/post.ts`) and the unit tests call.
 * It reports through @actions/core and returns; it never exits the process.
 */



/***/ })

};
