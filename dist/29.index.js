export const id = 29;
export const ids = [29];
export const modules = {

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

/***/ 8029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPost: () => (/* binding */ runPost)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/sso-session.ts
var sso_session = __webpack_require__(2765);
// EXTERNAL MODULE: ./src/session-files.ts + 2 modules
var session_files = __webpack_require__(2276);
;// CONCATENATED MODULE: ./src/cleanup.ts



async function cleanupSession(input, log, env = process.env) {
    const clients = new aws_clients/* AwsClients */.cE({ ssoRegion: input.ssoRegion, region: input.region, env, onRetry: (m) => log.info(m), maxAttempts: 3 });
    let ok = true;
    try {
        if (await (0,sso_session/* logout */.r)(clients, input.accessToken, log))
            log.info('Signed out of IAM Identity Center: the access token is revoked (role sessions already issued last until they expire)');
        else
            ok = false;
    }
    finally {
        clients.destroy();
    }
    try {
        const report = await (0,session_files/* removeSessionFiles */.Wd)(input.written);
        log.info(`Token cache: ${report.tokenCache}; registration cache: ${report.registrationCache ?? 'not written by this run'}; config: ${report.config}`);
    }
    catch (error) {
        ok = false;
        log.warning(`Could not remove the files this run wrote: ${error.message}`);
    }
    return ok;
}

// EXTERNAL MODULE: ./src/github/notifiers.ts
var notifiers = __webpack_require__(1676);
// EXTERNAL MODULE: ./src/github/state.ts
var github_state = __webpack_require__(8862);
;// CONCATENATED MODULE: ./src/github/post.ts
/** The action's post step: sign out and remove what main wrote, unless keep-session is true. */




async function runPost() {
    const state = (0,github_state/* loadSessionState */.o)();
    if (!state) {
        core/* info */.pq('The main step got no SSO token, so there is nothing to sign out of or clean up.');
        return;
    }
    if (state.keepSession) {
        core/* info */.pq('keep-session is true: the SSO session, the token cache and the config sections stay for later jobs on this runner.');
        return;
    }
    const ok = await cleanupSession(state, notifiers/* actionLogger */.v);
    if (!ok)
        core/* warning */.$e('Cleanup was incomplete; see the lines above.');
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
