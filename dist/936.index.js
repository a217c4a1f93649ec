export const id = 936;
export const ids = [936];
export const modules = {

/***/ 936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportLines: () => (/* binding */ reportLines),
  stopJobServer: () => (/* binding */ stopJobServer)
});

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
    if (r.signInEnded)
        lines.push(`  the sign-in ended at ${r.signInEnded.at} (${r.signInEnded.code}): ${r.signInEnded.message}`);
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

/***/ 9088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E8: () => (/* binding */ portClosed),
/* harmony export */   nQ: () => (/* binding */ stopCredentialServer),
/* harmony export */   wr: () => (/* binding */ serverCredentials)
/* harmony export */ });
/* unused harmony exports CredentialServerError, call, credentialServerReport */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/** Talking to a running credential server: its report, its stop (and the proof that its port closed), one profile's credentials. */


/** The server answered an error: its code and message (for a credential request, what the SDKs would show). */
class CredentialServerError extends Error {
    status;
    code;
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
        this.name = 'CredentialServerError';
    }
}
/** One request to the server; resolves with the parsed JSON of a 200 answer, rejects with CredentialServerError otherwise. */
function call(address, method, path, timeoutMs = 15_000) {
    return new Promise((resolve, reject) => {
        const req = (0,node_http__WEBPACK_IMPORTED_MODULE_0__.request)({
            host: '127.0.0.1',
            port: address.port,
            method,
            path,
            headers: { authorization: address.authToken },
            timeout: timeoutMs
        }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('error', reject);
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let body;
                try {
                    body = JSON.parse(text);
                }
                catch {
                    return reject(new CredentialServerError(res.statusCode ?? 0, 'BadAnswer', `the credential server answered HTTP ${res.statusCode} with a body that is not JSON`));
                }
                if (res.statusCode === 200)
                    return resolve(body);
                reject(new CredentialServerError(res.statusCode ?? 0, String(body?.code ?? 'Error'), String(body?.message ?? `HTTP ${res.statusCode}`)));
            });
        });
        req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.on('error', reject);
        req.end();
    });
}
function credentialServerReport(address) {
    return call(address, 'GET', '/stats');
}
function serverCredentials(address, profile) {
    return call(address, 'GET', `/role/${encodeURIComponent(profile)}`);
}
/** True once nothing accepts connections on 127.0.0.1:port. */
function portClosed(port) {
    return new Promise((resolve) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.connect)({ host: '127.0.0.1', port });
        socket.once('connect', () => {
            socket.destroy();
            resolve(false);
        });
        socket.once('error', () => resolve(true));
    });
}
/**
 * POST /stop: the server signs out (SSO Logout), answers its final report and exits; then waits (up to `timeoutMs`)
 * until its port refuses connections.
 */
async function stopCredentialServer(address, timeoutMs = 5_000) {
    const report = await call(address, 'POST', '/stop', timeoutMs * 3);
    const until = Date.now() + timeoutMs;
    for (;;) {
        if (await portClosed(address.port))
            return { report, portClosed: true };
        if (Date.now() >= until)
            return { report, portClosed: false };
        await new Promise((r) => setTimeout(r, 50));
    }
}


/***/ })

};
