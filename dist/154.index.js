export const id = 154;
export const ids = [154];
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

/***/ 9154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMain: () => (/* binding */ runMain)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4390);
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9437);
/* harmony import */ var _aws_files_paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4683);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4671);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9556);
/* harmony import */ var _notify_queue_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6118);
/* harmony import */ var _notifiers_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6950);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8862);
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
    const context = (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .githubRequestContext */ ._)(request, env);
    const events = new _notify_queue_js__WEBPACK_IMPORTED_MODULE_8__/* .EventQueue */ .C((0,_notifiers_js__WEBPACK_IMPORTED_MODULE_6__/* .githubNotifiers */ .J)(request, context, env));
    const controller = new AbortController();
    const onSignal = (signal) => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Received ${signal}: stopping the login`);
        controller.abort(signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
        const result = await (0,_login_js__WEBPACK_IMPORTED_MODULE_2__/* .login */ .iD)({
            request,
            actor: context.actor,
            paths: (0,_aws_files_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .awsPaths */ .UW)(env),
            mask: (secret) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret),
            emit: (event) => events.push(event),
            log: _notifiers_js__WEBPACK_IMPORTED_MODULE_6__/* .actionLogger */ .v,
            signal: controller.signal,
            env
        });
        (0,_state_js__WEBPACK_IMPORTED_MODULE_7__/* .saveSessionState */ .L)(request, result);
        publish(request, result);
        events.push((0,_outcome_js__WEBPACK_IMPORTED_MODULE_4__/* .finalEvent */ .f)(request, result));
    }
    catch (error) {
        events.push((0,_outcome_js__WEBPACK_IMPORTED_MODULE_4__/* .finalEvent */ .f)(request, error));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_outcome_js__WEBPACK_IMPORTED_MODULE_4__/* .failureMessage */ .o)(error));
    }
    finally {
        await events.drain();
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        if (controller.signal.aborted)
            process.exit(1);
    }
}
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

/***/ 6950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ actionLogger),
  J: () => (/* binding */ githubNotifiers)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/notify/log.ts
var log = __webpack_require__(2027);
// EXTERNAL MODULE: ./src/notify/message.ts
var message = __webpack_require__(8478);
;// CONCATENATED MODULE: ./src/notify/summary.ts

function summaryNotifier(writer, ctx, opts = {}) {
    const now = opts.now ?? (() => new Date());
    let started;
    let finished = false;
    let warned = false;
    const write = async (markdown) => {
        try {
            await writer.write(markdown);
        }
        catch (err) {
            if (warned)
                return;
            warned = true;
            opts.logger?.warning(`Could not write the job summary (${err instanceof Error ? err.message : String(err)}); the link and the code are in the job log.`);
        }
    };
    return {
        name: 'summary',
        async onEvent(event) {
            if (finished || event.type === 'waiting')
                return;
            if (event.type === 'started') {
                started = event;
                await write((0,message/* renderMarkdown */.Gc)(ctx, { started, now: now() }, opts.marker));
                return;
            }
            finished = true;
            await write((0,message/* renderMarkdown */.Gc)(ctx, { started, final: event, now: now() }, opts.marker));
        }
    };
}

// EXTERNAL MODULE: ./src/notify/http.ts
var http = __webpack_require__(6961);
;// CONCATENATED MODULE: ./src/notify/comment.ts


const FIX = 'the token lacks `pull-requests: write` (a pull request from a fork gets a read-only token); set `permissions: pull-requests: write` or use notify: summary';
function apiMessage(res) {
    try {
        const m = JSON.parse(res.body).message;
        if (typeof m === 'string')
            return m.replace(/[\r\n]+/g, ' ').slice(0, 200);
    }
    catch {
        /* not JSON */
    }
    return '';
}
function isSecondaryRateLimit(res) {
    if (res.status === 429)
        return true;
    if (res.status !== 403)
        return false;
    return res.headers['retry-after'] !== undefined || /secondary rate limit|abuse/i.test(res.body);
}
function commentNotifier(opts, ctx, logger) {
    const env = opts.env ?? process.env;
    const now = opts.now ?? (() => new Date());
    const base = (opts.apiUrl || env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    const delays = opts.retryDelaysMs ?? [1000, 3000];
    const maxRetryAfter = opts.maxRetryAfterMs ?? 10_000;
    const owner = encodeURIComponent(opts.repo.owner);
    const repo = encodeURIComponent(opts.repo.repo);
    const where = `#${opts.issueNumber}`;
    let commentId;
    let started;
    let quiet = false; // permanent failure: stop calling the API
    let warned = false;
    let finished = false;
    let chain = Promise.resolve();
    const warnOnce = (message) => {
        if (warned)
            return;
        warned = true;
        logger.warning(message);
    };
    async function call(method, path, body) {
        for (let attempt = 0;; attempt++) {
            let res;
            let detail;
            try {
                res = await (0,http/* httpRequest */.aj)({
                    method,
                    url: `${base}${path}`,
                    headers: {
                        accept: 'application/vnd.github+json',
                        authorization: `Bearer ${opts.token}`,
                        'content-type': 'application/json',
                        'user-agent': opts.userAgent ?? 'identity-center-login',
                        'x-github-api-version': '2022-11-28'
                    },
                    body: JSON.stringify({ body }),
                    timeoutMs: opts.timeoutMs ?? 10_000,
                    env
                });
            }
            catch (err) {
                detail = err instanceof http/* NetworkError */.Dr ? err.message : 'network error';
            }
            if (res) {
                if (res.status >= 200 && res.status < 300)
                    return { ok: true, res };
                const msg = apiMessage(res);
                detail = `HTTP ${res.status}${msg ? `: ${msg}` : ''}`;
                const retryable = res.status >= 500 || isSecondaryRateLimit(res);
                // GitHub (and GHES) always send x-github-request-id; a proxy or firewall refusing does not.
                const fromGitHub = res.headers['x-github-request-id'] !== undefined;
                if (!retryable)
                    return { ok: false, permanent: true, detail, status: res.status, fromGitHub };
            }
            if (attempt >= delays.length)
                return { ok: false, permanent: false, detail: detail };
            const retryAfter = Number(res?.headers['retry-after']);
            const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, maxRetryAfter) : delays[attempt];
            logger.debug(`comment: ${detail}; retrying in ${wait} ms`);
            await (0,http/* sleep */.yy)(wait);
        }
    }
    function explain(failure, action) {
        const head = `${action} (${failure.detail})`;
        if (failure.status !== undefined && failure.status < 500 && !failure.fromGitHub) {
            return `${head}: the answer did not come from GitHub (${base}); a proxy or firewall may be blocking it (check HTTPS_PROXY / NO_PROXY). Approvers must use the link in the job log.`;
        }
        switch (failure.status) {
            case 403:
                return `${head}: ${FIX}. Approvers must use the link in the job log.`;
            case 404:
                return `${head}: the repository or ${where} was not found, or ${FIX}. Approvers must use the link in the job log.`;
            case 401:
                return `${head}: the token was not accepted; pass a valid github-token or use notify: summary. Approvers must use the link in the job log.`;
            default:
                return `${head}. Approvers must use the link in the job log.`;
        }
    }
    async function handle(event) {
        if (quiet || finished || event.type === 'waiting')
            return;
        if (event.type === 'started') {
            started = event;
            const body = (0,message/* renderMarkdown */.Gc)(ctx, { started, now: now() }, opts.marker);
            if (commentId === undefined) {
                const r = await call('POST', `/repos/${owner}/${repo}/issues/${opts.issueNumber}/comments`, body);
                if (!r.ok) {
                    quiet = true; // nothing to edit later
                    warnOnce(explain(r, `Could not post the AWS sign-in request on ${where}`));
                    return;
                }
                try {
                    const json = JSON.parse(r.res.body);
                    if (typeof json.id === 'number')
                        commentId = json.id;
                    if (typeof json.html_url === 'string')
                        logger.info(`Posted the approval request on ${where}: ${json.html_url}`);
                }
                catch {
                    /* handled below */
                }
                if (commentId === undefined) {
                    quiet = true;
                    warnOnce(`Posted the AWS sign-in request on ${where}, but GitHub's answer had no comment id; it will not be updated.`);
                }
                return;
            }
            const r = await call('PATCH', `/repos/${owner}/${repo}/issues/comments/${commentId}`, body);
            if (!r.ok) {
                if (r.permanent)
                    quiet = true;
                warnOnce(explain(r, `Could not put the new code in the comment on ${where}`));
            }
            return;
        }
        finished = true;
        if (commentId === undefined)
            return; // never posted: nothing to update
        const body = (0,message/* renderMarkdown */.Gc)(ctx, { started, final: event, now: now() }, opts.marker);
        const r = await call('PATCH', `/repos/${owner}/${repo}/issues/comments/${commentId}`, body);
        if (!r.ok) {
            quiet = true;
            warnOnce(explain(r, `Could not update the comment on ${where} with the outcome (${event.type})`).replace('Approvers must use the link in the job log.', 'The comment still shows the old request; its code is no longer valid.'));
        }
    }
    return {
        name: 'comment',
        onEvent(event) {
            // Serialized: a final edit never overtakes the POST that creates the comment.
            chain = chain.then(() => handle(event)).catch((err) => logger.debug(`comment notifier: ${String(err)}`));
            return chain;
        }
    };
}

// EXTERNAL MODULE: ./src/notify/webhook.ts
var webhook = __webpack_require__(4920);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
;// CONCATENATED MODULE: ./src/github/notifiers.ts
/** The channels a GitHub run reports to: log (always), summary, comment, webhook, per the notify input. */






const actionLogger = {
    info: (m) => core/* info */.pq(m),
    warning: (m) => core/* warning */.$e(m),
    debug: (m) => core/* debug */.Yz(m),
    notice: (m) => core/* notice */.lm(m, { title: 'AWS IAM Identity Center approval requested' })
};
function githubNotifiers(request, ctx, env = process.env) {
    const marker = { runId: env.GITHUB_RUN_ID, job: env.GITHUB_JOB, profile: request.profile };
    const notifiers = [(0,log/* logNotifier */.p)(actionLogger, ctx)];
    if (request.notify.includes('summary')) {
        notifiers.push(summaryNotifier({ write: async (markdown) => void (await core/* summary */.z.emptyBuffer().addRaw(markdown, true).write({ overwrite: true })) }, ctx, {
            logger: actionLogger,
            marker
        }));
    }
    if (request.notify.includes('comment')) {
        const issueNumber = (0,context/* commentTarget */.l)(request, env);
        const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
        if (!issueNumber) {
            core/* info */.pq('notify: comment: this run is not for a pull request and issue-number is not set; no comment will be posted');
        }
        else if (!owner || !repo || !request.githubToken) {
            core/* warning */.$e('notify: comment: GITHUB_REPOSITORY or github-token is missing; no comment will be posted');
        }
        else {
            notifiers.push(commentNotifier({ token: request.githubToken, repo: { owner, repo }, issueNumber, marker, env }, ctx, actionLogger));
        }
    }
    if (request.notify.includes('webhook')) {
        if (request.webhookUrl)
            notifiers.push((0,webhook/* webhookNotifier */.O)(request.webhookUrl, ctx, actionLogger, { env }));
        else
            core/* warning */.$e('notify: webhook is on but webhook-url is empty; no webhook will be sent');
    }
    return notifiers;
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
