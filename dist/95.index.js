export const id = 95;
export const ids = [95];
export const modules = {

/***/ 2552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ OidcError)
/* harmony export */ });
/**
 * The SSO OIDC values and answers as the rest of the code sees them: a client registration, a device authorization, an
 * SSO token, the RFC 8628 error codes, and the API the device flow drives. Owned by this layer so that nothing in
 * src/aws or src/aws-files imports from src/core.
 */
class OidcError extends Error {
    code;
    fault;
    constructor(code, message, 
    /** For `transient`: what went wrong, for the log ("server error (InternalServerException (HTTP 500))"). */
    fault) {
        super(message);
        this.code = code;
        this.fault = fault;
        this.name = 'OidcError';
    }
}


/***/ }),

/***/ 3812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ sdkOidcApi),
/* harmony export */   YZ: () => (/* binding */ refreshSsoToken)
/* harmony export */ });
/* unused harmony exports DEVICE_CODE_GRANT, toOidcError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/* harmony import */ var _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2552);



const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const CODES = {
    AuthorizationPendingException: 'authorization_pending',
    SlowDownException: 'slow_down',
    AccessDeniedException: 'access_denied',
    ExpiredTokenException: 'expired_token',
    InvalidClientException: 'invalid_client',
    InvalidGrantException: 'invalid_grant'
};
/**
 * Rethrows SDK errors as OidcError, keeping only the error name and status: SDK errors carry the request.
 * A fault worth trying again (5xx, throttling, reset, timeout) becomes `transient`, with its kind.
 */
function toOidcError(error, operation) {
    const message = `SSO OIDC ${operation} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .P)(error)}`;
    const code = CODES[error?.name ?? ''];
    if (code)
        return new _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u(code, message);
    const fault = (0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFault */ .Qx)(error);
    return fault
        ? new _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u('transient', message, fault)
        : new _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u('other', message);
}
/**
 * `mask` is called with every secret the service returns, before the value is used for anything else.
 * `pollingClient` serves the device-code polls: it should make one attempt per call (the flow paces its own retries).
 */
function sdkOidcApi(client, mask = () => { }, pollingClient = client) {
    const sdk = Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(861), __webpack_require__.e(260)]).then(__webpack_require__.t.bind(__webpack_require__, 9260, 19));
    return {
        async registerClient(clientName, scopes) {
            const { RegisterClientCommand } = await sdk;
            try {
                const out = await (await client()).send(new RegisterClientCommand({
                    clientName,
                    clientType: 'public',
                    scopes
                }));
                if (out.clientSecret)
                    mask(out.clientSecret);
                return {
                    clientId: required(out.clientId, 'clientId'),
                    clientSecret: required(out.clientSecret, 'clientSecret'),
                    expiresAt: new Date((out.clientSecretExpiresAt ?? 0) * 1000),
                    scopes
                };
            }
            catch (error) {
                throw error instanceof _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u
                    ? error
                    : toOidcError(error, 'RegisterClient');
            }
        },
        async startDeviceAuthorization(registration, startUrl) {
            const { StartDeviceAuthorizationCommand } = await sdk;
            try {
                const out = await (await client()).send(new StartDeviceAuthorizationCommand({
                    clientId: registration.clientId,
                    clientSecret: registration.clientSecret,
                    startUrl
                }));
                if (out.deviceCode)
                    mask(out.deviceCode);
                return {
                    deviceCode: required(out.deviceCode, 'deviceCode'),
                    userCode: required(out.userCode, 'userCode'),
                    verificationUri: required(out.verificationUri, 'verificationUri'),
                    verificationUriComplete: out.verificationUriComplete ?? out.verificationUri,
                    expiresIn: out.expiresIn ?? 600,
                    interval: out.interval
                };
            }
            catch (error) {
                throw error instanceof _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u
                    ? error
                    : toOidcError(error, 'StartDeviceAuthorization');
            }
        },
        async createToken(registration, deviceCode) {
            const { CreateTokenCommand } = await sdk;
            try {
                const out = await (await pollingClient()).send(new CreateTokenCommand({
                    clientId: registration.clientId,
                    clientSecret: registration.clientSecret,
                    grantType: DEVICE_CODE_GRANT,
                    deviceCode
                }));
                return tokenFrom(out, mask);
            }
            catch (error) {
                throw error instanceof _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u
                    ? error
                    : toOidcError(error, 'CreateToken');
            }
        }
    };
}
/** CreateToken with grant type refresh_token: the service rotates the refresh token. */
async function refreshSsoToken(client, registration, refreshToken, mask) {
    const { CreateTokenCommand } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(861), __webpack_require__.e(260)]).then(__webpack_require__.t.bind(__webpack_require__, 9260, 19));
    try {
        const out = await client.send(new CreateTokenCommand({
            clientId: registration.clientId,
            clientSecret: registration.clientSecret,
            grantType: 'refresh_token',
            refreshToken
        }));
        return tokenFrom(out, mask);
    }
    catch (error) {
        throw error instanceof _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u
            ? error
            : toOidcError(error, 'CreateToken (refresh)');
    }
}
function tokenFrom(out, mask) {
    if (out.accessToken)
        mask(out.accessToken);
    if (out.refreshToken)
        mask(out.refreshToken);
    return {
        accessToken: required(out.accessToken, 'accessToken'),
        expiresAt: new Date(Date.now() + (out.expiresIn ?? 0) * 1000),
        ...(out.refreshToken ? { refreshToken: out.refreshToken } : {})
    };
}
function required(value, field) {
    if (value === undefined || value === null || value === '')
        throw new _oidc_types_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .u('other', `SSO OIDC returned no ${field}`);
    return value;
}


/***/ }),

/***/ 5095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: WATCH_INTERVAL_MS

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/credential-server/handover.ts
var credential_server_handover = __webpack_require__(8204);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/credential-server/replies.ts
/**
 * The status each error code is answered with. Measured 2026-12-04 with a 4xx and a 5xx answer carrying this body:
 * botocore / AWS CLI v1 and Debian's AWS CLI v2 print the status and the whole body for any status ("Received non 200
 * response 403 from container metadata: {…}"); aws-sdk-go-v2 prints "<code>: <message>" (lowercase keys) for any
 * status; Go v1 says only NoCredentialProviders unless CredentialsChainVerboseErrors; the JS SDK's fromHttp puts
 * Code / Message (capitalised keys) on its error for a 4xx only, and its default chain then says only "Could not load
 * credentials from any providers". So every refusal and every end of the sign-in is a 4xx carrying both spellings;
 * an upstream fault that may pass is a 5xx (botocore, the JS SDK and Go retry whatever the status).
 */
const ERROR_STATUS = {
    Unauthorized: 401,
    InvalidHost: 403,
    NotFound: 404,
    UnknownProfile: 404,
    MethodNotAllowed: 405,
    PayloadTooLarge: 413,
    SessionExpired: 403,
    SessionRevoked: 403,
    SignedOut: 403,
    RegistrationExpired: 403,
    AccessDenied: 403,
    UpstreamError: 502,
    UpstreamUnavailable: 503
};
function sendJson(res, status, body, close = false) {
    sendJsonText(res, status, JSON.stringify(body), close);
}
/** JSON already serialised (the credentials answer is built once per credentials). */
function sendJsonText(res, status, text, close = false) {
    res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        'cache-control': 'no-store',
        ...(close ? { connection: 'close' } : {})
    });
    res.end(text);
}
/** {"code", "message"} for botocore and the Go SDKs, "Code" / "Message" too for the JS SDK (it reads those). */
function sendError(res, code, message) {
    sendJson(res, ERROR_STATUS[code] ?? 500, { code, message, Code: code, Message: message }, true);
}

;// CONCATENATED MODULE: ./src/credential-server/report.ts
/**
 * What the credential server did, kept in memory (the server has no stdout or stderr): requests served, upstream
 * fetches and errors per profile, SSO token refreshes, refused requests, and when and why the session ended.
 * Never a secret: only counts, times, codes and the server's own messages.
 */
function emptyRefusals() {
    return { unauthorized: 0, badHost: 0, notFound: 0, badMethod: 0, tooLarge: 0 };
}
const iso = (ms = Date.now()) => new Date(ms).toISOString();

;// CONCATENATED MODULE: ./src/credential-server/http.ts
/**
 * The credential server's HTTP surface, on 127.0.0.1 only. Every request must carry Host `127.0.0.1:<port>` and the
 * authorization token (compared in constant time) before any route is looked at. Routes:
 *   GET  /role/<profile>   container-credentials JSON for a served profile
 *   GET  /stats            the report (report.ts)
 *   POST /stop             sign out, answer the report, close, exit
 * The path is matched raw, without decoding: a profile name is letters, digits and . _ - @ + only, so no encoding,
 * `..`, slash or query can name anything else. Errors are JSON {"code", "message"} (replies.ts: ERROR_STATUS).
 */




/** The largest request body read (none of the routes takes one). */
const MAX_BODY_BYTES = 4096;
const HEADERS_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;
const PROFILE_PATH = /^\/role\/([A-Za-z0-9][A-Za-z0-9._@+-]{0,63})$/;
/** Constant-time on equal lengths (the token's length is no secret: 43 characters of base64url). */
function tokenMatches(given, expected) {
    if (given === undefined)
        return false;
    const a = Buffer.from(given, 'utf8');
    return a.length === expected.length && (0,external_node_crypto_.timingSafeEqual)(a, expected);
}
function createCredentialHttpServer(authToken, routes, onStopped) {
    const expected = Buffer.from(authToken, 'utf8');
    const refused = emptyRefusals();
    let host = '';
    let stopping = false;
    const server = (0,external_node_http_.createServer)({
        headersTimeout: HEADERS_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        maxHeaderSize: 8192,
        keepAliveTimeout: 5_000
    }, (req, res) => {
        void handle(req, res).catch((error) => {
            if (!res.headersSent)
                sendError(res, 'UpstreamError', String(error?.message ?? error));
        });
    });
    server.maxRequestsPerSocket = 1000;
    server.on('clientError', (_error, socket) => {
        if (socket.writable)
            socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
        else
            socket.destroy();
    });
    async function handle(req, res) {
        if (req.headers.host !== host) {
            refused.badHost++;
            return sendError(res, 'InvalidHost', 'the Host header must be this server\u2019s 127.0.0.1:<port>');
        }
        if (!tokenMatches(req.headers.authorization, expected)) {
            refused.unauthorized++;
            return sendError(res, 'Unauthorized', 'missing or wrong authorization token');
        }
        const length = Number(req.headers['content-length'] ?? 0);
        if (length > MAX_BODY_BYTES) {
            refused.tooLarge++;
            return sendError(res, 'PayloadTooLarge', `request bodies are limited to ${MAX_BODY_BYTES} bytes`);
        }
        // A request without a body (every route's) is complete once its headers are read: nothing to wait for.
        if (!req.complete && !(await drainBody(req, res, refused)))
            return;
        const url = req.url ?? '';
        const match = PROFILE_PATH.exec(url);
        if (match) {
            if (req.method !== 'GET')
                return methodNotAllowed(res, refused);
            if (!routes.has(match[1])) {
                refused.notFound++;
                return sendError(res, 'UnknownProfile', 'this server serves no such profile');
            }
            if (stopping)
                return sendError(res, 'SignedOut', 'the server is stopping; it signed out');
            const held = routes.held(match[1]);
            if (held)
                return sendCredentials(res, held.credentials, held.accountId);
            return serveCredentials(res, routes, match[1]);
        }
        if (url === '/stats') {
            if (req.method !== 'GET')
                return methodNotAllowed(res, refused);
            return sendJson(res, 200, routes.report());
        }
        if (url === '/stop') {
            if (req.method !== 'POST')
                return methodNotAllowed(res, refused);
            stopping = true;
            const report = await routes.stop();
            res.on('finish', onStopped);
            return sendJson(res, 200, report, true);
        }
        refused.notFound++;
        sendError(res, 'NotFound', 'no such route');
    }
    return {
        server,
        refused,
        listen: () => new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(0, '127.0.0.1', () => {
                const port = server.address().port;
                host = `127.0.0.1:${port}`;
                server.off('error', reject);
                resolve(port);
            });
        })
    };
}
function methodNotAllowed(res, refused) {
    refused.badMethod++;
    sendError(res, 'MethodNotAllowed', 'method not allowed on this route');
}
/** Reads (and drops) the body, answering 413 once it passes the limit; false when the request was answered. */
function drainBody(req, res, refused) {
    return new Promise((resolve) => {
        let size = 0;
        let done = false;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES && !done) {
                done = true;
                refused.tooLarge++;
                sendError(res, 'PayloadTooLarge', `request bodies are limited to ${MAX_BODY_BYTES} bytes`);
                req.pause();
                resolve(false);
            }
        });
        req.on('end', () => {
            if (!done) {
                done = true;
                resolve(true);
            }
        });
        req.on('error', () => {
            if (!done) {
                done = true;
                resolve(false);
            }
        });
    });
}
/** The JSON answer of each credentials object, built once: requests served from memory only write it. */
const answers = new WeakMap();
/** The container-credentials JSON, serialised once per credentials (shared by the profiles of one permission set, all of one account). */
function sendCredentials(res, c, accountId) {
    let body = answers.get(c);
    if (body === undefined) {
        body = JSON.stringify({
            AccessKeyId: c.accessKeyId,
            SecretAccessKey: c.secretAccessKey,
            Token: c.sessionToken,
            Expiration: c.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z'),
            AccountId: accountId
        });
        answers.set(c, body);
    }
    sendJsonText(res, 200, body);
}
async function serveCredentials(res, routes, profile) {
    try {
        const { credentials, accountId } = await routes.credentials(profile);
        sendCredentials(res, credentials, accountId);
    }
    catch (caught) {
        // What the session and the role cache throw: SignInEndedError (`end`), TransientTokenError, CredentialsError (`kind`).
        const error = caught;
        const code = error?.end?.code ??
            (error?.name === 'TransientTokenError'
                ? 'UpstreamUnavailable'
                : error?.kind === 'access'
                    ? 'AccessDenied'
                    : 'UpstreamError');
        sendError(res, code, String(error?.message ?? caught));
    }
}

// EXTERNAL MODULE: ./src/aws/credentials.ts + 1 modules
var credentials = __webpack_require__(1735);
// EXTERNAL MODULE: ./src/aws/sts.ts
var sts = __webpack_require__(8665);
;// CONCATENATED MODULE: ./src/credential-server/freshness.ts
/** When held credentials (or an access token) are due for a refresh: at 20 minutes left, or at half their lifetime when that is shorter. */
const REFRESH_MARGIN_MS = 20 * 60 * 1000;
/**
 * True while `expiresAt` is further away than min(20 min, half the lifetime since `obtainedAt`): botocore starts
 * refreshing at 15 minutes left, so real credentials are handed out with more than that whenever their lifetime allows,
 * and short-lived ones (tests) are not fetched again on every request.
 */
function isFresh(obtainedAt, expiresAt, now = Date.now()) {
    const margin = Math.min(REFRESH_MARGIN_MS, Math.max(0, expiresAt - obtainedAt) / 2);
    return expiresAt - now > margin;
}

// EXTERNAL MODULE: ./src/aws/oidc.ts
var oidc = __webpack_require__(3812);
// EXTERNAL MODULE: ./src/aws/logout.ts
var logout = __webpack_require__(4299);
;// CONCATENATED MODULE: ./src/credential-server/session.ts




/** The sign-in can no longer give credentials: answered to every credential request from then on. */
class SignInEndedError extends Error {
    end;
    constructor(end) {
        super(end.message);
        this.end = end;
        this.name = 'SignInEndedError';
    }
}
/** A refresh that failed for a reason that may pass (throttling, 5xx, network) while the token in hand has expired. */
class TransientTokenError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TransientTokenError';
    }
}
const noMask = () => { };
const silent = { info: noMask, warning: noMask, debug: noMask };
class SsoSession {
    clients;
    token;
    obtainedAt = Date.now();
    registration;
    refreshing;
    ended;
    signedOut;
    keepSignIn;
    stats;
    constructor(handover, clients) {
        this.clients = clients;
        this.keepSignIn = handover.keepSignIn === true;
        this.token = {
            accessToken: handover.token.accessToken,
            expiresAt: new Date(handover.token.expiresAt),
            ...(handover.token.refreshToken
                ? { refreshToken: handover.token.refreshToken }
                : {})
        };
        const r = handover.registration;
        if (r)
            this.registration = {
                clientId: r.clientId,
                clientSecret: r.clientSecret,
                expiresAt: new Date(r.expiresAt),
                scopes: r.scopes ?? []
            };
        this.stats = {
            tokenExpiresAt: iso(this.token.expiresAt.getTime()),
            refreshable: this.refreshable(),
            refreshes: 0,
            refreshFailures: 0
        };
    }
    get signInEnded() {
        return this.ended;
    }
    refreshable() {
        return Boolean(this.token.refreshToken &&
            this.registration &&
            this.registration.expiresAt.getTime() > Date.now());
    }
    /** Records the end (the first reason wins) and returns the error to answer with. */
    end(code, message) {
        this.ended ??= { at: iso(), code, message };
        return new SignInEndedError(this.ended);
    }
    /** A usable access token: the one in hand while fresh, else a refreshed one. */
    async accessToken() {
        if (this.ended)
            throw new SignInEndedError(this.ended);
        const now = Date.now();
        const expiresAt = this.token.expiresAt.getTime();
        if (isFresh(this.obtainedAt, expiresAt, now))
            return this.token.accessToken;
        if (!this.refreshable()) {
            if (expiresAt > now)
                return this.token.accessToken;
            throw this.expiredUnrefreshable();
        }
        return this.refresh();
    }
    /**
     * The portal refused `used` (UnauthorizedException): refresh once if it is still the token in hand, else the token
     * already replaced it. A refusal of a token that cannot be refreshed ends the session.
     */
    async refused(used) {
        if (this.ended)
            throw new SignInEndedError(this.ended);
        if (used !== this.token.accessToken)
            return this.token.accessToken;
        if (!this.refreshable())
            throw this.end('SessionRevoked', `the SSO access token was refused by the SSO portal (signed out, revoked, or the Identity Center session ended) at ${iso()}, and it cannot be refreshed${this.noRefreshWhy()}`);
        return this.refresh();
    }
    /** One refresh at a time: concurrent callers share it. */
    refresh() {
        this.refreshing ??= this.doRefresh().finally(() => {
            this.refreshing = undefined;
        });
        return this.refreshing;
    }
    async doRefresh() {
        const before = this.token.accessToken;
        try {
            const next = await (0,oidc/* refreshSsoToken */.YZ)(await this.clients.oidcClient(), this.registration, this.token.refreshToken, noMask);
            if (this.token.accessToken !== before)
                return this.token.accessToken;
            this.token = next;
            this.obtainedAt = Date.now();
            this.stats.refreshes++;
            this.stats.tokenExpiresAt = iso(next.expiresAt.getTime());
            this.stats.refreshable = this.refreshable();
            return next.accessToken;
        }
        catch (caught) {
            const error = caught;
            this.stats.refreshFailures++;
            const message = String(error?.message ?? caught);
            this.stats.lastRefreshError = { at: iso(), message };
            const code = error?.code;
            if (code === 'invalid_grant' || code === 'access_denied')
                throw this.end('SessionRevoked', `the SSO access token could not be refreshed at ${iso()}: the refresh token was refused (signed out, revoked, or the Identity Center session ended): ${message}`);
            if (code === 'invalid_client')
                throw this.end('RegistrationExpired', `the SSO access token could not be refreshed at ${iso()}: the client registration was refused: ${message}`);
            // Throttling, a 5xx, a network fault: the token in hand serves while it lasts, and the next request tries again.
            if (this.token.expiresAt.getTime() > Date.now())
                return this.token.accessToken;
            throw new TransientTokenError(`the SSO access token expired at ${iso(this.token.expiresAt.getTime())} and refreshing it failed: ${message}; the next request tries again`);
        }
    }
    expiredUnrefreshable() {
        return this.end('SessionExpired', `the SSO access token expired at ${iso(this.token.expiresAt.getTime())} and cannot be refreshed${this.noRefreshWhy()}`);
    }
    noRefreshWhy() {
        if (!this.token.refreshToken)
            return ' (the sign-in came with no refresh token)';
        if (!this.registration)
            return ' (no client registration was handed over)';
        if (this.registration.expiresAt.getTime() <= Date.now())
            return ` (the client registration expired at ${iso(this.registration.expiresAt.getTime())})`;
        return '';
    }
    /** SSO Logout of the token in hand, once; then every credential request is answered SignedOut. */
    signOut() {
        this.signedOut ??= (async () => {
            const pending = this.refreshing?.catch(() => undefined);
            if (pending)
                await pending;
            if (this.keepSignIn) {
                this.end('SignedOut', `the server stopped at ${iso()} without signing out: the shared sign-in belongs to the run (end-session signs it out)`);
                return false;
            }
            // An expired access token cannot be signed out, but its refresh token still signs in: refresh it first, so that
            // Logout ends the portal session (and the refresh token with it).
            if (!this.ended)
                await this.accessToken().catch(() => undefined);
            // Logout even after another end (an expired registration leaves the token valid); a dead token answers Unauthorized = true.
            const ok = this.ended?.code === 'SignedOut'
                ? true
                : await (0,logout/* logout */.r)(this.clients, this.token.accessToken, silent);
            this.end('SignedOut', `the server signed out (SSO Logout) at ${iso()}`);
            return ok;
        })();
        return this.signedOut;
    }
}

;// CONCATENATED MODULE: ./src/credential-server/roles.ts





const roles_noMask = () => { };
const fromHanded = (c) => ({
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    sessionToken: c.sessionToken,
    expiration: new Date(c.expiration)
});
class RoleCache {
    session;
    clients;
    roles = new Map();
    /** Keyed by `account/permission set` (shared by every profile of it and by chains from it) or `chain:<profile>`. */
    held = new Map();
    stats = new Map();
    constructor(handover, session, clients) {
        this.session = session;
        this.clients = clients;
        const now = Date.now();
        for (const role of handover.roles) {
            this.roles.set(role.profile, role);
            this.stats.set(role.profile, {
                profile: role.profile,
                accountId: role.accountId,
                roleName: role.roleName,
                ...(role.chain ? { chainedRoleArn: role.chain.spec.roleArn } : {}),
                requests: 0,
                served: 0,
                upstreamFetches: 0,
                errors: 0
            });
            const given = handover.initialCredentials?.[role.profile];
            if (given)
                this.held.set(this.keyOf(role), {
                    credentials: fromHanded(given),
                    obtainedAt: now
                });
        }
    }
    has(profile) {
        return this.roles.has(profile);
    }
    keyOf(role) {
        return role.chain
            ? `chain:${role.profile}`
            : `${role.accountId}/${role.roleName}`;
    }
    /** Credentials for a served profile (the caller checked `has`); counts the request, its outcome and any fetch. */
    /**
     * The fresh credentials held for a served profile, counted as a request served; undefined when they must be fetched
     * (or the sign-in ended): then ask `credentials`. The path of nearly every request, without a promise.
     */
    freshHeld(profile) {
        if (this.session.signInEnded)
            return undefined;
        const held = this.held.get(this.keyOf(this.roles.get(profile)));
        const c = held?.credentials;
        if (!c || !isFresh(held.obtainedAt, c.expiration.getTime()))
            return undefined;
        const stats = this.stats.get(profile);
        stats.requests++;
        stats.served++;
        stats.credentialsExpireAt = iso(c.expiration.getTime());
        return c;
    }
    async credentials(profile) {
        const role = this.roles.get(profile);
        const stats = this.stats.get(profile);
        stats.requests++;
        try {
            // Once the sign-in has ended, nothing more is handed out, not even credentials still held.
            const ended = this.session.signInEnded;
            if (ended)
                throw new SignInEndedError(ended);
            const c = await this.get(this.keyOf(role), () => this.fetch(role, stats));
            stats.served++;
            stats.credentialsExpireAt = iso(c.expiration.getTime());
            return c;
        }
        catch (caught) {
            const error = caught;
            stats.errors++;
            stats.lastError = {
                at: iso(),
                code: String(error?.end?.code ?? error?.name ?? 'Error'),
                message: String(error?.message ?? caught)
            };
            throw caught;
        }
    }
    get(key, fetch) {
        let held = this.held.get(key);
        if (!held)
            this.held.set(key, (held = { obtainedAt: 0 }));
        const c = held.credentials;
        if (c && isFresh(held.obtainedAt, c.expiration.getTime()))
            return Promise.resolve(c);
        const h = held;
        h.inflight ??= fetch()
            .then((fresh) => {
            h.credentials = fresh;
            h.obtainedAt = Date.now();
            return fresh;
        })
            .finally(() => {
            h.inflight = undefined;
        });
        return h.inflight;
    }
    async fetch(role, stats) {
        stats.upstreamFetches++;
        if (!role.chain)
            return this.portal(role.accountId, role.roleName);
        const chain = role.chain;
        // The source permission set's credentials: shared with a profile of the same permission set, fetched if due.
        const source = await this.get(`${role.accountId}/${role.roleName}`, () => this.portal(role.accountId, role.roleName));
        const tags = chain.tags;
        const assumed = await (0,sts/* assumeRole */.xN)(this.clients, source, {
            roleArn: chain.spec.roleArn,
            sessionName: chain.sessionName,
            durationSeconds: chain.spec.durationSeconds,
            externalId: chain.spec.externalId,
            policy: chain.spec.policy,
            policyArns: chain.spec.policyArns,
            tags,
            transitiveTagKeys: chain.spec.transitiveTagKeys.filter((k) => tags.some((t) => t.Key === k)),
            ...(chain.sourceIdentity !== undefined
                ? { sourceIdentity: chain.sourceIdentity }
                : {})
        }, roles_noMask);
        return assumed.credentials;
    }
    /** GetRoleCredentials with the access token in hand; when the portal refuses the token, once more after a refresh. */
    async portal(accountId, roleName) {
        const token = await this.session.accessToken();
        try {
            return await (0,credentials/* getRoleCredentials */.DM)(this.clients, token, accountId, roleName, roles_noMask);
        }
        catch (error) {
            if (!(error instanceof credentials/* CredentialsError */.lE) || error.kind !== 'token')
                throw error;
            const next = await this.session.refused(token);
            try {
                return await (0,credentials/* getRoleCredentials */.DM)(this.clients, next, accountId, roleName, roles_noMask);
            }
            catch (again) {
                if (again instanceof credentials/* CredentialsError */.lE && again.kind === 'token')
                    throw this.session.end('SessionRevoked', `the SSO portal refused the refreshed access token too at ${iso()} (signed out, revoked, or the Identity Center session ended)`);
                throw again;
            }
        }
    }
    report() {
        return [...this.stats.values()].map((s) => ({ ...s }));
    }
}

;// CONCATENATED MODULE: ./src/credential-server/service.ts
/**
 * One credential server, in process: the sign-in (session.ts), the role credentials (roles.ts), the HTTP surface
 * (http.ts) and the report, put together. `stop(reason)` signs out once (SSO Logout), closes the listener and resolves
 * with the final report; the process entry (entry.ts) decides when to exit.
 */





async function runCredentialServer(handover, env = process.env) {
    const clients = new aws_clients/* AwsClients */.cE({
        ssoRegion: handover.ssoRegion,
        region: handover.region,
        env,
        ...(handover.http?.maxAttempts !== undefined
            ? { maxAttempts: handover.http.maxAttempts }
            : {}),
        ...(handover.http?.requestTimeoutMs !== undefined
            ? { requestTimeoutMs: handover.http.requestTimeoutMs }
            : {})
    });
    const session = new SsoSession(handover, clients);
    const roles = new RoleCache(handover, session, clients);
    const accountOf = new Map(handover.roles.map((r) => [r.profile, r.accountId]));
    const startedAt = iso();
    let port = 0;
    let http = undefined;
    let stopped;
    let resolveClosed = () => { };
    const closed = new Promise((resolve) => (resolveClosed = resolve));
    const report = () => ({
        version: 1,
        pid: process.pid,
        port,
        startedAt,
        primary: handover.primary,
        profiles: roles.report(),
        sso: { ...session.stats },
        refused: { ...http.refused },
        ...(session.signInEnded ? { signInEnded: { ...session.signInEnded } } : {}),
        ...(finalStop ? { stopped: { ...finalStop } } : {})
    });
    let finalStop;
    const stop = (reason) => (stopped ??= (async () => {
        const signedOut = await session.signOut();
        finalStop = { at: iso(), reason, signedOut };
        clients.destroy();
        return report();
    })());
    http = createCredentialHttpServer(handover.authToken, {
        has: (profile) => roles.has(profile),
        held: (profile) => {
            const credentials = roles.freshHeld(profile);
            return (credentials && { credentials, accountId: accountOf.get(profile) });
        },
        credentials: async (profile) => ({
            credentials: await roles.credentials(profile),
            accountId: accountOf.get(profile)
        }),
        report,
        stop: () => stop('stop request')
    }, () => close());
    const close = () => {
        http.server.close(() => resolveClosed());
        http.server.closeAllConnections();
    };
    port = await http.listen();
    return {
        port,
        report,
        closed,
        stop: async (reason) => {
            const r = await stop(reason);
            close();
            return r;
        }
    };
}

// EXTERNAL MODULE: ./src/util/process.ts
var util_process = __webpack_require__(2017);
;// CONCATENATED MODULE: ./src/credential-server/entry.ts
/**
 * The credential server's process (dist/credential-server.js, started by spawn.ts): reads the handover from stdin,
 * listens on 127.0.0.1, writes ONE ready line `{"port", "pid"}` to fd 3, and serves until POST /stop, SIGTERM / SIGINT
 * or the watched process's end, signing out (SSO Logout) before it exits. It has no stdout or stderr: what it did is
 * in its report (GET /stats, POST /stop).
 */




/** How often the watched process is looked for. */
const WATCH_INTERVAL_MS = 2_000;
async function readStdin() {
    const chunks = [];
    let size = 0;
    for await (const chunk of process.stdin) {
        size += chunk.length;
        if (size > credential_server_handover/* MAX_HANDOVER_BYTES */.jL)
            throw new Error('handover too large');
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function writeReady(line) {
    return new Promise((resolve, reject) => {
        const out = (0,external_node_fs_.createWriteStream)('', { fd: 3 });
        out.on('error', reject);
        out.end(`${line}\n`, () => resolve());
    });
}
async function main() {
    let server;
    let handover;
    try {
        handover = (0,credential_server_handover/* parseHandover */.dl)(await readStdin());
        server = await runCredentialServer(handover);
    }
    catch (caught) {
        const error = caught;
        // The only channel back: the parent reads this instead of a ready line (the message never holds a handed value).
        await writeReady(JSON.stringify({ error: String(error?.message ?? caught) })).catch(() => undefined);
        process.exit(1);
    }
    const exit = () => {
        clearInterval(watch);
        // Let the stop answer leave, then go: nothing else should keep the process.
        setTimeout(() => process.exit(0), 50).unref();
    };
    const stopAndExit = (reason) => void server.stop(reason).then(exit, exit);
    const watch = setInterval(() => {
        if (!(0,util_process/* isAlive */._)(handover.watchPid))
            stopAndExit('watched process gone');
    }, WATCH_INTERVAL_MS);
    process.on('SIGTERM', () => stopAndExit('signal'));
    process.on('SIGINT', () => stopAndExit('signal'));
    process.on('SIGHUP', () => { }); // the session leader's terminal going away is not an end
    void server.closed.then(exit);
    await writeReady(JSON.stringify({ port: server.port, pid: process.pid }));
}


/***/ }),

/***/ 8204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L1: () => (/* binding */ HANDOVER_VERSION),
/* harmony export */   dl: () => (/* binding */ parseHandover),
/* harmony export */   jL: () => (/* binding */ MAX_HANDOVER_BYTES),
/* harmony export */   q8: () => (/* binding */ newAuthToken)
/* harmony export */ });
/* unused harmony export HandoverError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _inputs_rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8190);
/**
 * The handover: everything the credential server needs, passed from the step that signed in to the server's process
 * over a pipe (its stdin), never through argv, the environment or a file. A typed, versioned JSON object; parsed and
 * checked field by field on the server's side, and every problem is told without a value (the object holds secrets).
 */


const HANDOVER_VERSION = 1;
/** 256 random bits, base64url (43 characters): the value of AWS_CONTAINER_AUTHORIZATION_TOKEN. */
function newAuthToken() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(32).toString('base64url');
}
/** The largest handover the server reads (a few hundred profiles with chains fit many times over). */
const MAX_HANDOVER_BYTES = 4 * 1024 * 1024;
class HandoverError extends Error {
    constructor(message) {
        super(`credential server handover: ${message}`);
        this.name = 'HandoverError';
    }
}
const REGION_RE = /^[a-z]{2,4}(-[a-z]{2,5})?-[a-z]+-\d{1,2}$/;
const ACCOUNT_RE = /^\d{12}$/;
const ROLE_NAME_RE = /^[\w+=,.@-]{1,128}$/;
const AUTH_TOKEN_RE = /^[A-Za-z0-9_-]{43,}$/;
const SOURCE_IDENTITY_RE = /^[\w+=,.@-]{2,64}$/;
/* eslint-disable @typescript-eslint/no-explicit-any -- a parsed JSON value, checked field by field before it is typed */
/** Parse and check a handover; throws HandoverError naming the field (never its value). */
function parseHandover(text) {
    let h;
    try {
        h = JSON.parse(text);
    }
    catch {
        throw new HandoverError('not JSON');
    }
    const fail = (field, problem = 'is missing or malformed') => {
        throw new HandoverError(`${field} ${problem}`);
    };
    const str = (v, field) => typeof v === 'string' && v !== '' ? v : fail(field);
    const date = (v, field) => Number.isFinite(Date.parse(str(v, field))) ? v : fail(field);
    if (!h || typeof h !== 'object')
        fail('the handover', 'is not an object');
    if (h.version !== HANDOVER_VERSION)
        fail('version', `is not ${HANDOVER_VERSION}`);
    if (!REGION_RE.test(str(h.ssoRegion, 'ssoRegion')))
        fail('ssoRegion');
    if (!REGION_RE.test(str(h.region, 'region')))
        fail('region');
    str(h.token?.accessToken, 'token.accessToken');
    date(h.token?.expiresAt, 'token.expiresAt');
    if (h.token.refreshToken !== undefined)
        str(h.token.refreshToken, 'token.refreshToken');
    if (h.registration !== undefined) {
        str(h.registration?.clientId, 'registration.clientId');
        str(h.registration.clientSecret, 'registration.clientSecret');
        date(h.registration.expiresAt, 'registration.expiresAt');
    }
    if (!Array.isArray(h.roles) || h.roles.length === 0)
        fail('roles');
    const profiles = new Set();
    h.roles.forEach((r, i) => {
        const at = `roles[${i}]`;
        if (!_inputs_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .NAME_RE */ .eF.test(str(r?.profile, `${at}.profile`)))
            fail(`${at}.profile`, 'is not a profile name');
        if (profiles.has(r.profile))
            fail(`${at}.profile`, 'is listed twice');
        profiles.add(r.profile);
        if (!ACCOUNT_RE.test(str(r.accountId, `${at}.accountId`)))
            fail(`${at}.accountId`);
        if (!ROLE_NAME_RE.test(str(r.roleName, `${at}.roleName`)))
            fail(`${at}.roleName`);
        if (r.chain !== undefined) {
            str(r.chain?.spec?.roleArn, `${at}.chain.spec.roleArn`);
            if (!Number.isInteger(r.chain.spec.durationSeconds))
                fail(`${at}.chain.spec.durationSeconds`);
            if (!Array.isArray(r.chain.spec.policyArns))
                fail(`${at}.chain.spec.policyArns`);
            if (!Array.isArray(r.chain.spec.transitiveTagKeys))
                fail(`${at}.chain.spec.transitiveTagKeys`);
            str(r.chain.sessionName, `${at}.chain.sessionName`);
            if (!Array.isArray(r.chain.tags) ||
                !r.chain.tags.every((t) => typeof t?.Key === 'string' && typeof t?.Value === 'string'))
                fail(`${at}.chain.tags`);
            if (r.chain.sourceIdentity !== undefined &&
                !SOURCE_IDENTITY_RE.test(String(r.chain.sourceIdentity)))
                fail(`${at}.chain.sourceIdentity`);
        }
    });
    if (!profiles.has(str(h.primary, 'primary')))
        fail('primary', 'is not one of the roles');
    if (!AUTH_TOKEN_RE.test(str(h.authToken, 'authToken')))
        fail('authToken', 'is not at least 256 bits of base64url');
    if (!Number.isInteger(h.watchPid) || h.watchPid < 1)
        fail('watchPid');
    if (h.keepSignIn !== undefined && h.keepSignIn !== true)
        fail('keepSignIn');
    for (const [profile, c] of Object.entries(h.initialCredentials ?? {})) {
        if (!profiles.has(profile))
            fail('initialCredentials', 'names a profile that is not served');
        for (const k of ['accessKeyId', 'secretAccessKey', 'sessionToken'])
            str(c?.[k], `initialCredentials.${profile}.${k}`);
        date(c.expiration, `initialCredentials.${profile}.expiration`);
    }
    return h;
}
/* eslint-enable @typescript-eslint/no-explicit-any */


/***/ })

};
