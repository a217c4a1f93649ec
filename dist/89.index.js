export const id = 89;
export const ids = [89];
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
    const state = (0,github_state/* loadPostState */.CK)();
    if (!state) {
        core/* info */.pq('The main step got no SSO token, so there is nothing to sign out of or clean up.');
        return;
    }
    if (state.post === 'keep') {
        const legacy = state.written.legacyTokenCache
            ? ` (and its legacy-sso-profile copy, ${state.written.legacyTokenCache.file})`
            : '';
        core/* info */.pq(`keep-session is true: the SSO session, the token cache${legacy} and the config sections stay for later jobs on this runner.`);
        return;
    }
    if (state.written.partial) {
        core/* info */.pq('The main step stopped while it was writing its files: signing out and removing whatever of them it had written.');
    }
    // Loaded only when main started a credential server.
    const stopped = state.post === 'stop-server' && state.server
        ? await (await __webpack_require__.e(/* import() */ 936).then(__webpack_require__.bind(__webpack_require__, 936))).stopJobServer(state.server, notifiers/* actionLogger */.v)
        : true;
    const ok = (await (0,cleanup/* cleanUpSignIn */.F)({ ...state, signOut: signsOut(state.post) }, notifiers/* actionLogger */.v)) && stopped;
    if (!ok)
        core/* warning */.$e('Cleanup was incomplete; see the lines above.');
}
/** Whether post signs the sign-in out (else it says why not); the files this run wrote go either way. */
function signsOut(plan) {
    switch (plan) {
        case 'sign-out':
            return true;
        case 'leave-shared':
            core/* info */.pq('share-session: the sign-in is shared with the later jobs of this run that hold the session-key, so this job does not sign out; end-session signs it out (or it expires). Removing only the files this job wrote.');
            return false;
        case 'stop-server':
            // The server held the sign-in (nothing of it was on disk or in main's state): stopping it signed out.
            return false;
        case 'leave-from-shared':
            core/* info */.pq('session: this job used the sign-in shared by an earlier job of this run, so it does not sign out; end-session does. Removing only the files this job wrote.');
            return false;
    }
}

;// CONCATENATED MODULE: ./src/post.ts
/**
 * The action's post step (`runs.post` in action.yml, dist/post.js): sign out and remove what main wrote.
 * `run()` is what dist/post.js, @github/local-action (`--post src/post.ts`) and the unit tests call.
 */



/***/ })

};
