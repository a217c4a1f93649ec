export const id = 154;
export const ids = [154];
export const modules = {

/***/ 2691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ cleanupSession),
/* harmony export */   z: () => (/* binding */ sweepOrphanedTokenCache)
/* harmony export */ });
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/* harmony import */ var _sso_session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2765);
/* harmony import */ var _session_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2276);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7215);
/* harmony import */ var _aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5262);






async function cleanupSession(input, log, env = process.env) {
    const clients = new _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsClients */ .cE({ ssoRegion: input.ssoRegion, region: input.region, env, onRetry: (m) => log.info(m), maxAttempts: 3 });
    let ok = true;
    try {
        if (await (0,_sso_session_js__WEBPACK_IMPORTED_MODULE_1__/* .logout */ .r)(clients, input.accessToken, log))
            log.info('Signed out of IAM Identity Center: the access token is revoked (role sessions already issued last until they expire)');
        else
            ok = false;
    }
    finally {
        clients.destroy();
    }
    try {
        const report = await (0,_session_files_js__WEBPACK_IMPORTED_MODULE_2__/* .removeSessionFiles */ .Wd)(input.written);
        log.info(`Token cache: ${report.tokenCache}; registration cache: ${report.registrationCache ?? 'not written by this run'}; config: ${report.config}`);
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
    try {
        const file = (0,_aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .tokenCacheFile */ .g6)(sweep.ssoCacheDir, sweep.sessionName);
        // One read decides: the bytes whose token is ours are the bytes removed (under the lock, only if unchanged).
        const text = await (0,_aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .readIfExists */ .OR)(file);
        let accessToken;
        try {
            accessToken = text === undefined ? undefined : JSON.parse(text)?.accessToken;
        }
        catch {
            return false; // not JSON: not what we write
        }
        if (typeof accessToken !== 'string' || !sweep.isOurs(accessToken))
            return false;
        const clients = new _aws_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsClients */ .cE({ ssoRegion: sweep.ssoRegion, region: sweep.region, env, onRetry: (m) => log.info(m), maxAttempts: 2, requestTimeoutMs: sweep.requestTimeoutMs });
        let revoked;
        try {
            revoked = await (0,_sso_session_js__WEBPACK_IMPORTED_MODULE_1__/* .logout */ .r)(clients, accessToken, log);
        }
        finally {
            clients.destroy();
        }
        const outcome = await (0,_aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_4__/* .removeCacheFileIfOurs */ .FH)(file, (0,node_crypto__WEBPACK_IMPORTED_MODULE_3__.createHash)('sha256').update(text, 'utf8').digest('hex'));
        log.info(`This run had already written its SSO token to ${file} when it stopped: ${revoked ? 'token revoked' : 'token NOT revoked'}, cache file ${outcome}`);
        return true;
    }
    catch (error) {
        log.warning(`Could not check the token cache for a token this run left behind: ${error.message}`);
        return false;
    }
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
        extraProfiles: request.extraProfiles.map(({ name, accountId, roleName }) => ({ name, accountId, roleName }))
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
    if (request.issueNumber)
        return request.issueNumber;
    if (env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target') {
        const n = eventPayload(env)?.pull_request?.number;
        return typeof n === 'number' ? n : undefined;
    }
    return undefined;
}


/***/ }),

/***/ 9154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMain: () => (/* binding */ runMain)
/* harmony export */ });
/* unused harmony export unsafeAwsPath */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4390);
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(215);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _aws_files_paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4683);
/* harmony import */ var _aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5262);
/* harmony import */ var _aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7215);
/* harmony import */ var _session_files_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2276);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4671);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9556);
/* harmony import */ var _notify_queue_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6118);
/* harmony import */ var _notifiers_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1676);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(8862);
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(2691);
/* harmony import */ var _aws_http_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(5421);
/** The action's main step: inputs → login → exports, with the approvers told at every step. */
















async function runMain(env = process.env) {
    // Marks the post step (same bundle, actions/checkout's pattern) before anything can fail.
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ('isPost', 'true');
    let request;
    try {
        request = (0,_request_js__WEBPACK_IMPORTED_MODULE_1__/* .readLoginRequest */ .XY)((name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name));
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(error.message);
        return;
    }
    if (request.githubToken)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(request.githubToken);
    if (request.webhookUrl)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(request.webhookUrl);
    // The files this run will write must be writable the safe way: refuse symlinks before anyone is asked to approve.
    const paths = (0,_aws_files_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .awsPaths */ .UW)(env);
    const pathProblem = unsafeAwsPath(paths, request);
    if (pathProblem) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`${pathProblem}; nothing was sent or written`);
        return;
    }
    const context = (0,_context_js__WEBPACK_IMPORTED_MODULE_10__/* .githubRequestContext */ ._)(request, env);
    const events = new _notify_queue_js__WEBPACK_IMPORTED_MODULE_11__/* .EventQueue */ .C((0,_notifiers_js__WEBPACK_IMPORTED_MODULE_12__/* .githubNotifiers */ .J)(request, context, env), _notifiers_js__WEBPACK_IMPORTED_MODULE_12__/* .actionLogger */ .v);
    const controller = new AbortController();
    let finished = false;
    let hardStop;
    /** Secrets this process masked. Without reuse-session every access token among them came from CreateToken in this run. */
    const masked = new Set();
    /** A token cache this run wrote before it failed or was stopped holds a live token: revoke it and remove the file. */
    const sweep = (requestTimeoutMs) => request.reuseSession
        ? Promise.resolve() // the cache may hold a session this run found, not made: never touch it here
        : (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_14__/* .sweepOrphanedTokenCache */ .z)({
            ssoCacheDir: paths.ssoCacheDir,
            sessionName: request.ssoSession,
            ssoRegion: request.ssoRegion,
            region: request.region,
            isOurs: (token) => masked.has(token),
            requestTimeoutMs
        }, _notifiers_js__WEBPACK_IMPORTED_MODULE_12__/* .actionLogger */ .v, env);
    const cancelledMessage = (signal) => `the login was cancelled (${signal}) before it finished; no credentials were exported`;
    /**
     * GitHub cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills it. Stop polling and abort the AWS requests in flight
     * at once; if the login still has not ended after CANCEL_GRACE_MS (a lock wait, a hung socket), report and exit anyway.
     * A second signal exits at once.
     */
    const onSignal = (signal) => {
        if (controller.signal.aborted) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Received ${signal} again: exiting now`);
            process.exit(1);
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Received ${signal}: stopping the login`);
        controller.abort(signal);
        (0,_aws_http_js__WEBPACK_IMPORTED_MODULE_15__/* .cancelAwsRequests */ .Wp)(signal);
        hardStop = setTimeout(() => {
            if (finished)
                return;
            finished = true;
            events.push({ type: 'cancelled', at: new Date(), signal });
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(cancelledMessage(signal));
            const swept = Promise.race([sweep(CANCEL_SWEEP_MS), new Promise((r) => setTimeout(r, CANCEL_SWEEP_MS + 500))]);
            void Promise.all([swept, events.drain(CANCEL_DRAIN_MS)]).finally(() => process.exit(1));
        }, CANCEL_GRACE_MS);
        hardStop.unref();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const result = await (0,_login_js__WEBPACK_IMPORTED_MODULE_2__/* .login */ .iD)({
            request,
            actor: context.actor,
            paths,
            mask: (secret) => {
                masked.add(secret);
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
            },
            emit: (event) => events.push(event),
            log: _notifiers_js__WEBPACK_IMPORTED_MODULE_12__/* .actionLogger */ .v,
            signal: controller.signal,
            env
        });
        // Saved even when a cancel came in meanwhile: the post step then signs out and removes the files.
        (0,_state_js__WEBPACK_IMPORTED_MODULE_13__/* .saveSessionState */ .L)(request, result);
        if (finished)
            return;
        finished = true;
        if (controller.signal.aborted) {
            const signal = String(controller.signal.reason);
            events.push({ type: 'cancelled', at: new Date(), signal });
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`${cancelledMessage(signal)}; the post step signs out and removes the files it wrote`);
            return;
        }
        publish(request, result);
        events.push((0,_outcome_js__WEBPACK_IMPORTED_MODULE_9__/* .finalEvent */ .f)(request, result));
    }
    catch (error) {
        if (finished)
            return;
        finished = true;
        if (controller.signal.aborted) {
            // Whatever the login was doing when the signal came (a poll, a request the cancel aborted), the outcome is a cancel.
            const signal = String(controller.signal.reason);
            events.push({ type: 'cancelled', at: new Date(), signal });
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(cancelledMessage(signal));
            await sweep(CANCEL_SWEEP_MS);
        }
        else {
            events.push((0,_outcome_js__WEBPACK_IMPORTED_MODULE_9__/* .finalEvent */ .f)(request, error));
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_outcome_js__WEBPACK_IMPORTED_MODULE_9__/* .failureMessage */ .o)(error));
            await sweep();
        }
    }
    finally {
        if (controller.signal.aborted) {
            await events.drain(CANCEL_DRAIN_MS);
            process.exit(1);
        }
        await events.drain();
        clearTimeout(hardStop);
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
    }
}
/**
 * The first path this run would write through a symlink (or onto something that is not a file / folder), as the
 * message the writers in aws-files would give: ~/.aws, ~/.aws/sso, ~/.aws/sso/cache, the token and registration
 * cache files, the config file and its folders up to ~/.aws. Checked before any network call, so a refusal costs
 * nobody an approval and leaves no token behind. (The writers check again when they write.)
 */
function unsafeAwsPath(paths, request) {
    const folders = [paths.awsDir, node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(paths.ssoCacheDir), paths.ssoCacheDir];
    const configRoot = (0,_aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_6__/* .defaultRoot */ .cc)(paths.configFile);
    for (let d = node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(paths.configFile);; d = node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(d)) {
        folders.push(d);
        if (d === configRoot || node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(d) === d || !d.startsWith(configRoot))
            break;
    }
    const files = [(0,_aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .tokenCacheFile */ .g6)(paths.ssoCacheDir, request.ssoSession), (0,_aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .registrationCacheFile */ .iw)(paths.ssoCacheDir, (0,_session_files_js__WEBPACK_IMPORTED_MODULE_8__/* .registrationKey */ .RV)(request)), paths.configFile];
    for (const [p, kind] of [...folders.map((d) => [d, 'folder']), ...files.map((f) => [f, 'file'])]) {
        let st;
        try {
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_3__.lstatSync)(p);
        }
        catch {
            continue; // missing (created later, 0700 / 0600) or unreadable (the writer reports it)
        }
        if (st.isSymbolicLink())
            return (0,_aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_6__/* .symlinkError */ .OL)(p).message;
        if (kind === 'folder' ? !st.isDirectory() : !st.isFile())
            return `not a ${kind === 'folder' ? 'directory' : 'regular file'}: ${p}`;
    }
    return undefined;
}
/** How long a cancelled login may take to wind down before the step reports and exits anyway. */
const CANCEL_GRACE_MS = 3_000;
/** Per-attempt timeout of the Logout that revokes a token a cancelled run left in the cache. */
const CANCEL_SWEEP_MS = 2_000;
/** How long a cancelled step waits for the channels (comment, webhook) to say "cancelled". */
const CANCEL_DRAIN_MS = 3_000;
/** Outputs always; the primary profile's credentials in the job's environment when export-credentials is true. */
function publish(request, result) {
    const { credentials, identity } = result.primary;
    if (request.exportCredentials) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .exportVariable */ .dN('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .exportVariable */ .dN('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .exportVariable */ .dN('AWS_SESSION_TOKEN', credentials.sessionToken);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .exportVariable */ .dN('AWS_REGION', request.region);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .exportVariable */ .dN('AWS_DEFAULT_REGION', request.region);
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('aws-account-id', identity.account);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('arn', identity.arn);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('user-id', identity.userId);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('profile', request.profile);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('expiration', credentials.expiration.toISOString());
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('approved-by', result.approvedBy);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Signed in as ${identity.arn} (approved by ${result.approvedBy || 'unknown'}); profile "${request.profile}" is ready` +
        (request.exportCredentials ? '; AWS_* credentials exported to the rest of the job' : ''));
    for (const extra of result.extra) {
        if (extra.identity)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Profile "${extra.profile.name}": verified ${extra.identity.arn}`);
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Profile "${extra.profile.name}" (${extra.profile.accountId}/${extra.profile.roleName}): ${extra.error}`);
    }
}


/***/ }),

/***/ 1676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ githubNotifiers),
/* harmony export */   v: () => (/* binding */ actionLogger)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _notify_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2032);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9556);
/** The channels a GitHub run reports to: log (always), summary, comment, webhook, per the notify input. */



const actionLogger = {
    info: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(m),
    warning: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m),
    debug: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(m),
    notice: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(m, { title: 'AWS IAM Identity Center approval requested' })
};
function githubNotifiers(request, ctx, env = process.env) {
    const issueNumber = request.notify.includes('comment') ? (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .commentTarget */ .l)(request, env) : undefined;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    return (0,_notify_index_js__WEBPACK_IMPORTED_MODULE_1__/* .createNotifiers */ .im)(request.notify, {
        ctx,
        logger: actionLogger,
        env,
        marker: { runId: env.GITHUB_RUN_ID, job: env.GITHUB_JOB, profile: request.profile },
        summary: { write: async (markdown) => void (await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.emptyBuffer().addRaw(markdown, true).write({ overwrite: true })) },
        comment: issueNumber && owner && repo ? { token: request.githubToken, repo: { owner, repo }, issueNumber } : undefined,
        webhookUrl: request.webhookUrl
    });
}


/***/ }),

/***/ 8862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ saveSessionState),
/* harmony export */   o: () => (/* binding */ loadSessionState)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/**
 * What main hands to post, in one place (actions/checkout's state-helper).
 * The SSO access token is kept so that post can revoke it even when another job replaced the cache file;
 * it is masked, and the runner passes state only to this action's post step.
 */

const KEY = 'session';
function saveSessionState(request, result) {
    const state = {
        accessToken: result.token.accessToken,
        ssoRegion: request.ssoRegion,
        region: request.region,
        keepSession: request.keepSession,
        written: result.written
    };
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(KEY, JSON.stringify(state));
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


/***/ })

};
