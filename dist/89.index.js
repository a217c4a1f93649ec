export const id = 89;
export const ids = [89];
export const modules = {

/***/ 936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H: () => (/* binding */ stopJobServer)
});

// UNUSED EXPORTS: reportLines

// EXTERNAL MODULE: ./src/credential-server/client.ts
var client = __webpack_require__(9088);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/credential-server/listener.ts
/**
 * Which process listens on a loopback TCP port (Linux: /proc/net/tcp and /proc/<pid>/fd), so that a server that did
 * not close its port is killed only when it really is the process listening there. Elsewhere: unknown (undefined).
 */

/** The socket inodes listening on `port` (IPv4 and IPv6 tables). */
function listeningInodes(port) {
    const inodes = new Set();
    const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(table, 'utf8');
        }
        catch {
            continue;
        }
        for (const line of text.split('\n').slice(1)) {
            const f = line.trim().split(/\s+/);
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            if (f.length < 10)
                continue;
            if (f[1].split(':')[1] === hexPort && f[3] === '0A')
                inodes.add(f[9]);
        }
    }
    return inodes;
}
/** The pid of the process listening on 127.0.0.1:`port`, when it can be found (Linux, a process of this user). */
function pidListeningOn(port) {
    if (process.platform !== 'linux')
        return undefined;
    const inodes = listeningInodes(port);
    if (inodes.size === 0)
        return undefined;
    for (const entry of (0,external_node_fs_.readdirSync)('/proc')) {
        if (!/^\d+$/.test(entry))
            continue;
        let fds;
        try {
            fds = (0,external_node_fs_.readdirSync)(`/proc/${entry}/fd`);
        }
        catch {
            continue;
        }
        for (const fd of fds) {
            try {
                const m = /^socket:\[(\d+)\]$/.exec((0,external_node_fs_.readlinkSync)(`/proc/${entry}/fd/${fd}`));
                if (m && inodes.has(m[1]))
                    return Number(entry);
            }
            catch {
                // gone meanwhile
            }
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/util/process.ts
var util_process = __webpack_require__(2017);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/aws-files/atomic.ts
var atomic = __webpack_require__(5262);
;// CONCATENATED MODULE: ./src/core/stop-server.ts






/** The server's report as log lines: requests and refreshes per profile, errors, when and why the session ended. */
function reportLines(r) {
    const lines = [
        `Credential server report (pid ${r.pid}, port ${r.port}, started ${r.startedAt}):`
    ];
    for (const p of r.profiles) {
        const role = p.chainedRoleArn ?? `${p.accountId}/${p.roleName}`;
        lines.push(`  profile ${p.profile} (${role}): ${p.requests} request(s), ${p.served} served, ${p.upstreamFetches} upstream fetch(es), ${p.errors} error(s)` +
            (p.lastError
                ? `; last error at ${p.lastError.at}: ${p.lastError.code}: ${p.lastError.message}`
                : ''));
    }
    const s = r.sso;
    lines.push(`  SSO access token: ${s.refreshes} refresh(es), ${s.refreshFailures} failed; ${s.refreshable ? 'refreshable' : 'not refreshable'}; the last one expires ${s.tokenExpiresAt}` +
        (s.lastRefreshError
            ? `; last refresh error at ${s.lastRefreshError.at}: ${s.lastRefreshError.message}`
            : ''));
    const refused = Object.entries(r.refused).filter(([, n]) => n > 0);
    lines.push(`  refused requests: ${refused.length ? refused.map(([k, n]) => `${k} ${n}`).join(', ') : 'none'}`);
    if (r.sessionEnded)
        lines.push(`  the sign-in ended at ${r.sessionEnded.at} (${r.sessionEnded.code}): ${r.sessionEnded.message}`);
    if (r.stopped)
        lines.push(`  stopped at ${r.stopped.at} (${r.stopped.reason}); ${r.stopped.signedOut ? 'signed out of IAM Identity Center (SSO Logout)' : 'not signed out'}`);
    return lines;
}
/** How long the sign-in the server held stays usable by itself, for a server that could not be signed out. */
function untilWhen(record) {
    return record.refreshable
        ? `its access token stays valid until ${record.tokenExpiresAt} at the latest (unless the server refreshed it, in which case until its refreshed token expires, about as long again), or until an administrator ends the session`
        : `its access token stays valid until ${record.tokenExpiresAt}, or until an administrator ends the session`;
}
async function stopJobServer(record, log, removeRoot) {
    let ok = true;
    if (record.pid === undefined || record.port === undefined) {
        log.info('The main step stopped before the credential server was ready: no server was left running.');
    }
    else {
        const address = { port: record.port, authToken: record.authToken };
        try {
            const { report, portClosed: closed } = await (0,client/* stopCredentialServer */.nQ)(address);
            for (const line of reportLines(report))
                log.info(line);
            if (closed)
                log.info(`Port ${record.port} closed: the credential server (pid ${record.pid}) has exited.`);
            else
                ok = killIfListening(record, log) && ok;
        }
        catch (error) {
            const gone = !(0,util_process/* isAlive */._)(record.pid) || (await (0,client/* portClosed */.E8)(record.port));
            if (gone) {
                log.warning(`The credential server (pid ${record.pid}, port ${record.port}) was no longer running when the post step came (killed, or the runner ended it): its sign-in lived only in its memory, so the post step could not sign it out; ${untilWhen(record)}. Role credentials it served stay valid until they expire. Removing the files the main step wrote.`);
            }
            else {
                log.warning(`The credential server on port ${record.port} did not stop on request: ${error.message}`);
                ok = killIfListening(record, log) && ok;
            }
        }
    }
    try {
        const removed = await (0,atomic/* removeIfExists */.GR)(record.file, removeRoot ? { root: removeRoot } : {});
        log.info(removed
            ? `Server file ${record.file} removed.`
            : `Server file ${record.file}: not there (never written, or removed already).`);
        // Its folder (~/.aws/identity-center-login) goes too when nothing else is in it (another sso-session's server file).
        await (0,promises_.rmdir)(external_node_path_default().dirname(record.file)).catch(() => undefined);
    }
    catch (error) {
        ok = false;
        log.warning(`Could not remove the server file ${record.file}: ${error.message}`);
    }
    return ok;
}
/** Kill the recorded pid only if it is the process listening on the recorded port; true when the port is closed after. */
function killIfListening(record, log) {
    const listener = pidListeningOn(record.port);
    if (listener !== record.pid) {
        log.warning(`Port ${record.port} is still open, but ${listener === undefined ? 'its process could not be identified' : `pid ${listener} listens there, not the server's pid ${record.pid}`}: nothing was killed.`);
        return false;
    }
    try {
        process.kill(record.pid, 'SIGKILL');
        log.info(`Port ${record.port} stayed open: killed the credential server (pid ${record.pid}), the process listening there.`);
        return true;
    }
    catch (error) {
        log.warning(`Could not kill the credential server (pid ${record.pid}): ${error.message}`);
        return false;
    }
}


/***/ }),

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
        ...(0,_core_run_context_js__WEBPACK_IMPORTED_MODULE_1__/* .commonRunContext */ .C)(env)
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
/* harmony import */ var _notify_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3108);
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
function saveSessionState(request, result, published = false) {
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
    const behaviour = (0,_core_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .behaviourOf */ .xu)(request.mode);
    const state = {
        ...((0,_core_sign_in_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .tokenStays */ .m)(behaviour.holds) && result.token.accessToken
            ? { accessToken: result.token.accessToken }
            : {}),
        ssoRegion: request.ssoRegion,
        region: request.region,
        written: result.written,
        post: behaviour.post(published),
        ...(result.server ? { server: serverRecord(result.server) } : {})
    };
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
// EXTERNAL MODULE: ./src/core/stop-server.ts + 1 modules
var stop_server = __webpack_require__(936);
;// CONCATENATED MODULE: ./src/github/post.ts
/** The action's post step: sign out and remove what main wrote, unless keep-session is true. */





async function runPost() {
    const state = (0,github_state/* loadSessionState */.oP)();
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
    const stopped = state.post === 'stop-server' && state.server
        ? await (0,stop_server/* stopJobServer */.H)(state.server, notifiers/* actionLogger */.v)
        : true;
    const ok = (await (0,cleanup/* cleanupSession */.T)({ ...state, signOut: signsOut(state.post) }, notifiers/* actionLogger */.v)) && stopped;
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
