export const id = 586;
export const ids = [586];
export const modules = {

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


/***/ }),

/***/ 4586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mq: () => (/* binding */ readServerFile),
/* harmony export */   runCredentialProcess: () => (/* binding */ runCredentialProcess)
/* harmony export */ });
/* unused harmony exports writeServerFile, parseCredentialProcessArgs */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9088);
/**
 * credential_process for the profiles the server serves: `node dist/cli.js --credential-process --server-file PATH
 * --profile NAME` prints the AWS credential_process Version 1 JSON for one profile, asked of the running server. The
 * server file (0600) holds only the port, the authorization token, the pid and the profile names: no SSO secret.
 */



/** Written 0600, created exclusively (O_EXCL, O_NOFOLLOW): a file already there (or a link) is an error. */
async function writeServerFile(file, contents) {
    await writeFile(file, `${JSON.stringify(contents)}\n`, {
        mode: 0o600,
        flag: constants.O_WRONLY |
            constants.O_CREAT |
            constants.O_EXCL |
            constants.O_NOFOLLOW
    });
}
function readServerFile(file) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW);
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if ((st.mode & 0o077) !== 0)
            throw new Error(`${file} is readable by others (mode ${(st.mode & 0o777).toString(8)}); it must be 0600`);
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd, 'utf8'));
        if (!Number.isInteger(parsed?.port) ||
            typeof parsed.authToken !== 'string' ||
            !Array.isArray(parsed.profiles))
            throw new Error(`${file} is not a credential server file`);
        return parsed;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function parseCredentialProcessArgs(argv) {
    const out = {};
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined)
                throw new Error(`${a} needs a value`);
            return v;
        };
        if (a === '--credential-process')
            continue;
        else if (a === '--server-file')
            out.serverFile = value();
        else if (a === '--profile')
            out.profile = value();
        else
            throw new Error(`unknown argument ${JSON.stringify(a)}`);
    }
    if (!out.serverFile)
        throw new Error('--server-file is required');
    if (!out.profile)
        throw new Error('--profile is required');
    return out;
}
/** Prints the credential_process JSON on `out`; returns the exit code (1 with the server's message on `err`). */
async function runCredentialProcess(argv, out = (t) => void process.stdout.write(t), err = (t) => void process.stderr.write(t)) {
    try {
        const args = parseCredentialProcessArgs(argv);
        const file = readServerFile(args.serverFile);
        if (!file.profiles.includes(args.profile))
            throw new Error(`the credential server serves no profile ${JSON.stringify(args.profile)}`);
        const c = await (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .serverCredentials */ .wr)(file, args.profile);
        out(`${JSON.stringify({
            Version: 1,
            AccessKeyId: c.AccessKeyId,
            SecretAccessKey: c.SecretAccessKey,
            SessionToken: c.Token,
            Expiration: c.Expiration
        })}\n`);
        return 0;
    }
    catch (caught) {
        const error = caught;
        const reason = error?.code === 'ECONNREFUSED'
            ? 'the credential server is not running (connection refused)'
            : String(error?.message ?? caught);
        err(`identity-center-login credential_process: ${error?.code && error?.name === 'CredentialServerError' ? `${String(error.code)}: ` : ''}${reason}\n`);
        return 1;
    }
}


/***/ })

};
