export const id = 753;
export const ids = [753];
export const modules = {

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ commentTarget),
/* harmony export */   o: () => (/* binding */ githubRunContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_run_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4448);
/* harmony import */ var _core_approval_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1860);
/** The run, from the runner's GITHUB_* variables, read once (no @actions/github needed: nothing here calls the API). */



function githubRunContext(env = process.env) {
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
        record: (0,_core_approval_record_js__WEBPACK_IMPORTED_MODULE_2__/* .githubRun */ .pV)(env),
        ...(0,_core_run_context_js__WEBPACK_IMPORTED_MODULE_1__/* .commonRunContext */ .C6)(env)
    };
}
function eventPayload(env) {
    if (!env.GITHUB_EVENT_PATH)
        return undefined;
    try {
        const payload = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        return payload !== null && typeof payload === 'object'
            ? payload
            : undefined;
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
    if (request.notify.issueNumber) {
        const n = request.notify.issueNumber;
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
/* harmony import */ var _notify_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2563);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9556);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9997);
/** The channels a GitHub run reports to: log (always), summary, comment, webhook, per the notify input. */




const actionLogger = {
    info: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .defuseWorkflowCommands */ .y)(m)),
    warning: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(m),
    debug: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(m),
    notice: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(m, { title: 'AWS IAM Identity Center approval requested' })
};
function githubNotifiers(request, ctx, env = process.env) {
    const target = request.notify.channels.includes('comment')
        ? (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .commentTarget */ .l)(request, env)
        : undefined;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    let channels = request.notify.channels;
    if (request.notify.channels.includes('comment') && !target) {
        // The default channels include comment; a push or a manual run has nothing to comment on, which is not a problem.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('notify: no comment: this run is not for a pull request and issue-number is not set (the log and the other channels carry the link)');
        channels = request.notify.channels.filter((c) => c !== 'comment');
    }
    return (0,_notify_index_js__WEBPACK_IMPORTED_MODULE_1__/* .createNotifiers */ .im)(channels, {
        ctx,
        logger: actionLogger,
        env,
        marker: {
            runId: env.GITHUB_RUN_ID,
            job: env.GITHUB_JOB,
            profile: request.profiles.profile
        },
        summary: {
            write: async (markdown) => void (await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z
                .addRaw(markdown, !markdown.endsWith('\n'))
                .write({ overwrite: true }))
        },
        comment: target && owner && repo
            ? {
                token: request.notify.githubToken,
                repo: { owner, repo },
                issueNumber: target.number,
                target: target.kind
            }
            : undefined,
        webhookUrl: request.notify.webhookUrl
    });
}


/***/ }),

/***/ 8862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CK: () => (/* binding */ loadPostState),
/* harmony export */   Li: () => (/* binding */ savePostState),
/* harmony export */   t0: () => (/* binding */ clearPostState)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _core_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5978);
/**
 * What main hands to post, in one place (actions/checkout's state-helper).
 * The SSO access token is kept so that post can revoke it even when another job replaced the cache file;
 * it is masked, and the runner passes state only to this action's post step. With sign-out-early there is no token
 * to keep (main signed out already): the state then holds only what to remove.
 */


/** Only the record's own fields (a ServedServer carries its url too). */
function serverRecord(s) {
    return {
        file: s.file,
        authToken: s.authToken,
        tokenExpiresAt: s.tokenExpiresAt,
        refreshable: s.refreshable,
        primary: s.primary,
        ...(s.pid !== undefined ? { pid: s.pid } : {}),
        ...(s.port !== undefined ? { port: s.port } : {})
    };
}
const KEY = 'session';
/** `published`: the session output was published (share-session), so post must not sign out. */
function savePostState(request, result, published = false) {
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
    const behaviour = (0,_core_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .behaviourOf */ .xu)(request.signIn.mode);
    const state = {
        ...((0,_core_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .tokenStays */ .m)(behaviour.holds) && result.token.accessToken
            ? { accessToken: result.token.accessToken }
            : {}),
        ssoRegion: request.target.ssoRegion,
        region: request.target.region,
        written: result.written,
        post: behaviour.post(published),
        ...(result.server ? { server: serverRecord(result.server) } : {})
    };
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(KEY, JSON.stringify(state));
}
/** Nothing for the post step to do (the files a failed write had started were undone). The runner keeps the last value. */
function clearPostState() {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(KEY, '');
}
function loadPostState() {
    const raw = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(KEY);
    if (!raw)
        return undefined;
    const state = JSON.parse(raw);
    if (state.accessToken)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(state.accessToken);
    if (state.server)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(state.server.authToken);
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
// EXTERNAL MODULE: ./src/inputs/reader.ts + 6 modules
var reader = __webpack_require__(4811);
// EXTERNAL MODULE: ./src/core/login.ts + 10 modules
var login = __webpack_require__(8408);
// EXTERNAL MODULE: ./src/aws-files/paths.ts
var paths = __webpack_require__(4683);
// EXTERNAL MODULE: ./src/core/outcome.ts
var core_outcome = __webpack_require__(9411);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/github/notifiers.ts
var notifiers = __webpack_require__(1676);
// EXTERNAL MODULE: ./src/github/state.ts
var state = __webpack_require__(8862);
// EXTERNAL MODULE: ./src/core/run-sign-in.ts + 2 modules
var run_sign_in = __webpack_require__(2377);
// EXTERNAL MODULE: ./src/notify/queue.ts
var queue = __webpack_require__(6118);
// EXTERNAL MODULE: ./src/core/approval-record.ts
var approval_record = __webpack_require__(1860);
;// CONCATENATED MODULE: ./src/github/main.ts
/** The action's main step: inputs → one sign-in (core/run-sign-in.ts) → exports, with the approvers told at every step. */











/** How long a cancelled login may take to wind down before the step reports and exits anyway. */
const CANCEL_GRACE_MS = 3_000;
/** Per-attempt timeout of the Logout that revokes a token a stuck, cancelled run left in the cache. */
const CANCEL_SWEEP_MS = 2_000;
async function runMain(env = process.env) {
    let command;
    try {
        command = (0,reader/* readCommand */.U)((name) => core/* getInput */.V4(name));
    }
    catch (error) {
        core/* setFailed */.C1(error.message);
        return;
    }
    if (command.kind === 'sign-in') {
        if (command.request.notify.githubToken)
            core/* setSecret */.Pq(command.request.notify.githubToken);
        if (command.request.notify.webhookUrl)
            core/* setSecret */.Pq(command.request.notify.webhookUrl);
    }
    const outcome = await (0,run_sign_in/* runSignIn */.A)(command, {
        run: (0,context/* githubRunContext */.o)(env),
        paths: (0,paths/* awsPaths */.UW)(env),
        env,
        log: notifiers/* actionLogger */.v,
        mask: (secret) => core/* setSecret */.Pq(secret),
        hasPostStep: true,
        channels: (request, ctx) => new queue/* EventQueue */.C((0,notifiers/* githubNotifiers */.J)(request, ctx, env), notifiers/* actionLogger */.v),
        // Each file the login is about to write is recorded for the post step before it is written: a hard stop (or a
        // kill) in the middle of the writes then still gets its config sections, token and registration caches cleaned up.
        record: {
            files: (request) => (progress) => progress
                ? (0,state/* savePostState */.Li)(request, {
                    token: { accessToken: progress.accessToken },
                    written: progress.written,
                    server: progress.server
                })
                : (0,state/* clearPostState */.t0)(),
            result: (request, result) => (0,state/* savePostState */.Li)(request, result)
        },
        publish: (request, result, sealed, record) => {
            publish(request, result, env);
            // Not masked, and it must hold no masked value (GitHub drops such an output): names, ARNs, accounts, times only.
            core/* setOutput */.uH('approval-record', (0,approval_record/* approvalRecordJson */.PF)(record));
            if (sealed) {
                core/* setOutput */.uH('session', sealed); // not masked: GitHub drops outputs that hold a masked value; sealed, it needs no mask
                (0,state/* savePostState */.Li)(request, result, true);
            }
        },
        report: {
            cancelled: (signal) => core/* setFailed */.C1(`the login was cancelled (${signal}) before it finished; no credentials were exported`),
            failed: (error) => core/* setFailed */.C1((0,core_outcome/* failureMessage */.o)(error))
        },
        hardStop: { graceMs: CANCEL_GRACE_MS, sweepMs: CANCEL_SWEEP_MS }
    });
    if (outcome.kind === 'refused')
        core/* setFailed */.C1((0,core_outcome/* failureMessage */.o)(outcome.error));
    if (outcome.kind === 'ended' && !outcome.signedOut)
        core/* setFailed */.C1('end-session: the sign-out could not be confirmed; the shared sign-in may stay valid until it expires');
    // Returns without process.exit(): nothing keeps the event loop alive past this point (idle keep-alive sockets and
    // timers are unref'd), so the process ends by itself, and local-action can run the post step in the same process.
}
/**
 * credential-server: the job gets the server's endpoint for the primary role, never keys (keys in the environment
 * would win over the endpoint in every SDK's default chain: a step that already has them is warned).
 */
function exportServer(request, server, env) {
    core/* setSecret */.Pq(server.authToken);
    core/* exportVariable */.dN('AWS_CONTAINER_CREDENTIALS_FULL_URI', `${server.url}/role/${encodeURIComponent(server.primary)}`);
    core/* exportVariable */.dN('AWS_CONTAINER_AUTHORIZATION_TOKEN', server.authToken);
    core/* exportVariable */.dN('AWS_REGION', request.target.region);
    core/* exportVariable */.dN('AWS_DEFAULT_REGION', request.target.region);
    if (env.AWS_ACCESS_KEY_ID)
        core/* warning */.$e('AWS_ACCESS_KEY_ID is already set in this job: keys in the environment win over the credential server in every AWS SDK and CLI, so tools will use those keys, not the server. Remove them from the job (or unset them in the steps that should use the server).');
}
/** Outputs always; the primary profile's credentials in the job's environment when export-credentials is true. */
function publish(request, result, env) {
    const { credentials, identity } = (0,login/* jobRole */.CW)(result);
    if (result.server) {
        if (request.files.exportCredentials)
            exportServer(request, result.server, env);
    }
    else if (request.files.exportCredentials) {
        core/* exportVariable */.dN('AWS_ACCESS_KEY_ID', credentials.accessKeyId);
        core/* exportVariable */.dN('AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey);
        core/* exportVariable */.dN('AWS_SESSION_TOKEN', credentials.sessionToken);
        core/* exportVariable */.dN('AWS_REGION', request.target.region);
        core/* exportVariable */.dN('AWS_DEFAULT_REGION', request.target.region);
    }
    core/* setOutput */.uH('aws-account-id', identity.account);
    core/* setOutput */.uH('arn', identity.arn);
    core/* setOutput */.uH('user-id', identity.userId);
    core/* setOutput */.uH('profile', request.profiles.profile);
    core/* setOutput */.uH('expiration', credentials.expiration.toISOString());
    core/* setOutput */.uH('approved-by', result.approvedBy);
    core/* info */.pq(`Signed in as ${identity.arn} (approved by ${result.approvedBy || 'unknown'}); profile "${request.profiles.profile}" is ready` +
        (request.files.exportCredentials
            ? result.server
                ? '; the credential server endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI, AWS_CONTAINER_AUTHORIZATION_TOKEN) exported to the rest of the job'
                : '; AWS_* credentials exported to the rest of the job'
            : ''));
    if (result.chained && !result.server)
        core/* info */.pq((0,login/* chainedProfileNote */.qc)(result.chained));
    for (const extra of result.extra) {
        if (extra.identity)
            core/* info */.pq(`Profile "${extra.profile.name}": verified ${extra.identity.arn}`);
        else if (extra.error)
            core/* warning */.$e(`Profile "${extra.profile.name}" (${extra.profile.accountId}/${extra.profile.roleName}): ${extra.error}`);
    }
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The action's main step, as the actions/typescript-action template shapes it: `run()` is what dist/index.js,
 * @github/local-action (`local-action run . src/main.ts .env --post src/post.ts`) and the unit tests call.
 * It reports through @actions/core and returns; it never exits the process.
 */



/***/ })

};
