export const id = 862;
export const ids = [862];
export const modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qx: () => (/* binding */ describeFault),
/* harmony export */   cE: () => (/* binding */ AwsClients)
/* harmony export */ });
/* unused harmony exports endpointFor, faultKind */
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5421);

/** The URL a client will talk to: the service-specific override, the global override, or AWS's regional endpoint. */
function endpointFor(service, region, env = process.env) {
    const override = env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL;
    if (override)
        return new URL(override);
    const host = {
        SSO_OIDC: `oidc.${region}`,
        SSO: `portal.sso.${region}`,
        STS: `sts.${region}`
    }[service];
    return new URL(`https://${host}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`);
}
/** An error's fields as the SDK may set them, or undefined for a value that is not an object. */
function sdkFields(error) {
    return error !== null && typeof error === 'object'
        ? error
        : undefined;
}
/** Error names the SDK's retry strategy treats as throttling or transient (@smithy/core retry: isThrottlingError, isTransientError). */
const THROTTLING = new Set([
    'Throttling',
    'ThrottlingException',
    'ThrottledException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'RequestThrottled',
    'RequestThrottledException',
    'SlowDown',
    'LimitExceededException',
    'BandwidthLimitExceeded',
    'ProvisionedThroughputExceededException',
    'PriorRequestNotComplete',
    'EC2ThrottledException',
    'TransactionInProgressException'
]);
const TRANSIENT = new Set([
    'TimeoutError',
    'RequestTimeout',
    'RequestTimeoutException'
]);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENOTFOUND',
    'EAI_AGAIN'
]);
/**
 * What kind of fault a failed attempt was, or undefined when the SDK's standard / adaptive retry strategy will not
 * retry it: a real answer (4xx, 501), a cancel, or an error it does not know (a TLS certificate error, say).
 * Mirrors @smithy/core's getRetryErrorType: only THROTTLING and TRANSIENT errors are retried.
 */
function faultKind(value, depth = 0) {
    const error = sdkFields(value);
    if (!error || error.name === 'AbortError' || isFlowSignal(error))
        return undefined;
    const status = error.$metadata?.httpStatusCode;
    if (status === 429 ||
        THROTTLING.has(error.name ?? '') ||
        error.$retryable?.throttling === true)
        return 'throttled';
    if (typeof error.code === 'string' && NETWORK_CODES.has(error.code)) {
        return error.code === 'ETIMEDOUT'
            ? 'timeout'
            : error.code === 'ECONNRESET' || error.code === 'EPIPE'
                ? 'connection reset'
                : error.code === 'ECONNREFUSED'
                    ? 'connection refused'
                    : 'network error';
    }
    if (TRANSIENT.has(error.name ?? ''))
        return 'timeout';
    if (status !== undefined && TRANSIENT_STATUS.has(status))
        return 'server error';
    if (error.$retryable !== undefined || error.$metadata?.clockSkewCorrected)
        return 'server error';
    if (error.code === 'ERR_HTTP2_STREAM_ERROR' &&
        String(error.message).includes('NGHTTP2_REFUSED_STREAM'))
        return 'network error';
    if (error.cause !== undefined && depth < 10)
        return faultKind(error.cause, depth + 1);
    return undefined;
}
/**
 * "server error (InternalServerException, HTTP 500)", "connection reset (Error, ECONNRESET)": a fault the SDK retries,
 * told by its kind, name, status and network code only (the body may echo request data); undefined for anything else.
 */
function describeFault(value) {
    const kind = faultKind(value);
    const error = sdkFields(value);
    if (!kind || !error)
        return undefined;
    const status = error?.$metadata?.httpStatusCode ?? error?.$response?.statusCode;
    const code = typeof error?.code === 'string' && error.code !== error.name
        ? `, ${error.code}`
        : '';
    return `${kind} (${error?.name ?? 'Error'}${status ? `, HTTP ${status}` : ''}${code})`;
}
/** "attempt=2; max=5" as the SDK's retry middleware stamps it on each attempt. */
function attemptOf(request) {
    const header = request
        ?.headers?.['amz-sdk-request'];
    const m = typeof header === 'string'
        ? /attempt=(\d+);\s*max=(\d+)/.exec(header)
        : null;
    return m ? { attempt: Number(m[1]), max: Number(m[2]) } : undefined;
}
/**
 * Logs each failed attempt below the SDK's retry loop: which call, what went wrong, which attempt, and whether
 * it is retried. Only the error's name, status and network code: the body may echo request data.
 */
function addRetryLog(client, service, onRetry) {
    if (!onRetry)
        return;
    client.middlewareStack.add((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            const fault = describeFault(error);
            if (fault) {
                const operation = String(context.commandName ?? 'request').replace(/Command$/, '');
                const at = attemptOf(args.request);
                const last = at !== undefined && at.attempt >= at.max;
                onRetry(`${service} ${operation}: ${fault}` +
                    (at ? ` on attempt ${at.attempt} of ${at.max}` : '') +
                    (last
                        ? '; no attempts left'
                        : '; retrying with capped exponential backoff and jitter'));
            }
            throw error;
        }
    }, {
        step: 'deserialize',
        name: 'identityCenterLoginRetryLog',
        priority: 'high'
    });
}
/** CreateToken's pending / slow_down answers are the protocol, not faults. */
function isFlowSignal(error) {
    return ['AuthorizationPendingException', 'SlowDownException'].includes(error.name ?? '');
}
class AwsClients {
    settings;
    oidc;
    polling;
    /** One connection pool for both SSO OIDC clients. */
    oidcHandler;
    sso;
    /** One connection pool for every STS client (one client per profile's credentials). */
    stsHandler;
    env;
    constructor(settings) {
        this.settings = settings;
        this.env = settings.env ?? process.env;
    }
    /**
     * The options every client shares: region, proxy-aware handler, bounded retries. The SSO portal and STS clients
     * serve up to PROFILE_CONCURRENCY profiles at once: 'adaptive' mode also slows the whole client down once the
     * service throttles, instead of every profile hammering it on its own backoff.
     */
    async options(service, region, handler, retryMode = 'standard') {
        return {
            region,
            requestHandler: await (handler ?? this.handler(service, region)),
            maxAttempts: this.settings.maxAttempts ?? 5,
            retryMode
        };
    }
    handler(service, region) {
        return (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .requestHandler */ .OX)({
            endpoint: endpointFor(service, region, this.env),
            env: this.env,
            requestTimeoutMs: this.settings.requestTimeoutMs
        });
    }
    /** SSO OIDC for RegisterClient, StartDeviceAuthorization and the refresh grant: standard retries. */
    oidcClient() {
        return (this.oidc ??= this.newOidcClient(true));
    }
    /**
     * SSO OIDC for the device-code polls (CreateToken): ONE attempt per poll. A failed poll is retried by the device
     * flow itself after a longer wait (RFC 8628 §3.5), never by the SDK within milliseconds of the interval.
     */
    pollingOidcClient() {
        return (this.polling ??= this.newOidcClient(false));
    }
    /** Both SSO OIDC clients share one connection pool; only the one the SDK retries logs its retries. */
    async newOidcClient(sdkRetries) {
        this.oidcHandler ??= this.handler('SSO_OIDC', this.settings.ssoRegion);
        const [{ SSOOIDCClient }, options] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(861), __webpack_require__.e(260)]).then(__webpack_require__.t.bind(__webpack_require__, 9260, 19)),
            this.options('SSO_OIDC', this.settings.ssoRegion, this.oidcHandler)
        ]);
        if (!sdkRetries)
            return new SSOOIDCClient({ ...options, maxAttempts: 1 });
        const client = new SSOOIDCClient(options);
        addRetryLog(client, 'SSO OIDC', this.settings.onRetry);
        return client;
    }
    ssoClient() {
        this.sso ??= (async () => {
            const [{ SSOClient }, options] = await Promise.all([
                Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(54)]).then(__webpack_require__.t.bind(__webpack_require__, 2054, 19)),
                this.options('SSO', this.settings.ssoRegion, undefined, 'adaptive')
            ]);
            const client = new SSOClient(options);
            addRetryLog(client, 'SSO', this.settings.onRetry);
            return client;
        })();
        return this.sso;
    }
    /** An STS client signing with the given role credentials (never the ambient credential chain). */
    async stsClient(credentials) {
        this.stsHandler ??= this.handler('STS', this.settings.region);
        const [{ STSClient }, options] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19)),
            this.options('STS', this.settings.region, this.stsHandler, 'adaptive')
        ]);
        const client = new STSClient({ ...options, credentials });
        addRetryLog(client, 'STS', this.settings.onRetry);
        return client;
    }
    /** Loads what comes after the approval (SSO portal and STS clients) while the approver is still clicking. */
    prepareForApproval() {
        void this.ssoClient().catch(() => undefined);
        void Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19)).catch(() => undefined);
    }
    destroy() {
        void this.oidc?.then((c) => c.destroy(), () => undefined);
        void this.polling?.then((c) => c.destroy(), () => undefined);
        void this.oidcHandler?.then((h) => h.destroy(), () => undefined);
        void this.sso?.then((c) => c.destroy(), () => undefined);
        void this.stsHandler?.then((h) => h.destroy(), () => undefined);
    }
}


/***/ }),

/***/ 1735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lE: () => (/* binding */ CredentialsError),
  dp: () => (/* binding */ approverFromArn),
  eL: () => (/* binding */ getCallerIdentity),
  DM: () => (/* binding */ getRoleCredentials),
  cA: () => (/* binding */ tokenRefused),
  bb: () => (/* binding */ verifiedRoleCredentials)
});

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
;// CONCATENATED MODULE: ./src/aws/identity.ts
/**
 * What STS says about a session is server text: it reaches the log, the job summary, the outputs and the approver
 * check. An identity is accepted only in the shape STS gives a role session (an Identity Center permission set's or a
 * chained role's): `arn:<partition>:sts::<12 digits>:assumed-role/<role name>/<session name>`, with IAM's own
 * character sets, the account in the ARN equal to `Account`, and a printable `UserId`. Anything else (a line break and
 * `::warning::…`, an empty session name) is refused, and the refusal shows what came back escaped.
 */

/** arn:<partition>:sts::<account>:assumed-role/<role name (IAM: 1-64 of [\w+=,.@-])>/<role session name (2-64)>. */
const ASSUMED_ROLE_ARN = /^arn:aws(?:-[a-z]+)*:sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/([\w+=,.@-]{2,64})$/;
const USER_ID = /^[\w+=,.@:-]{1,256}$/;
const ACCOUNT = /^\d{12}$/;
const UNSAFE = new RegExp(util_text/* CONTROL_SOURCE */.Y, 'g');
/** Server text shown in a message: JSON-quoted (line breaks and controls escaped), at most 300 characters. */
function quoteServerText(text) {
    const cut = text.length > 300 ? `${text.slice(0, 300)}…` : text;
    return JSON.stringify(cut).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** The Identity Center user (role session name) of a well-formed assumed-role ARN; '' for anything else. */
function sessionNameFromArn(arn) {
    return ASSUMED_ROLE_ARN.exec(arn)?.[3] ?? '';
}
/**
 * The reason STS's answer is not a well-formed role-session identity, or undefined when it is. The reason quotes
 * what came back, escaped.
 */
function malformedIdentity(account, arn, userId) {
    if (!ACCOUNT.test(account))
        return `an account that is not 12 digits: ${quoteServerText(account)}`;
    const m = ASSUMED_ROLE_ARN.exec(arn);
    if (!m)
        return `an ARN that is not a well-formed assumed-role ARN (arn:aws:sts::<account>:assumed-role/<role>/<session name>): ${quoteServerText(arn)}`;
    if (m[1] !== account)
        return `an ARN for account ${m[1]} with Account ${account}: ${quoteServerText(arn)}`;
    if (userId !== '' && !USER_ID.test(userId))
        return `a UserId that is not well-formed: ${quoteServerText(userId)}`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/aws/credentials.ts


class CredentialsError extends Error {
    kind;
    constructor(message, 
    /** `token`: the SSO access token itself was refused (expired or revoked), so no role can be fetched with it. */
    kind) {
        super(message);
        this.kind = kind;
        this.name = 'CredentialsError';
    }
}
/**
 * The SSO portal refused the access token itself (UnauthorizedException: expired or revoked), so no call made with it
 * can succeed: a CredentialsError of kind `token` (login.ts then asks for approval again), or undefined for any other error.
 */
function tokenRefused(call, error) {
    if (error?.name !== 'UnauthorizedException')
        return undefined;
    return new CredentialsError(`${call} failed: the SSO access token was not accepted (expired or revoked): ${(0,errors/* describeAwsError */.P)(error)}`, 'token');
}
async function getRoleCredentials(clients, accessToken, accountId, roleName, mask) {
    const { GetRoleCredentialsCommand } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(54)]).then(__webpack_require__.t.bind(__webpack_require__, 2054, 19));
    try {
        const out = await (await clients.ssoClient()).send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
        const c = out.roleCredentials;
        if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken)
            throw new CredentialsError('SSO GetRoleCredentials returned no credentials', 'service');
        mask(c.accessKeyId);
        mask(c.secretAccessKey);
        mask(c.sessionToken);
        return {
            accessKeyId: c.accessKeyId,
            secretAccessKey: c.secretAccessKey,
            sessionToken: c.sessionToken,
            expiration: new Date(Number(c.expiration))
        };
    }
    catch (error) {
        if (error instanceof CredentialsError)
            throw error;
        const refused = tokenRefused(`SSO GetRoleCredentials for ${accountId}/${roleName}`, error);
        if (refused)
            throw refused;
        const name = error?.name;
        if (name === 'ForbiddenException' ||
            name === 'ResourceNotFoundException' ||
            name === 'AccessDeniedException') {
            throw new CredentialsError(`the approver could not assume role "${roleName}" in account ${accountId}: ${(0,errors/* describeAwsError */.P)(error)}. Check that their Identity Center user is assigned that permission set on that account.`, 'access');
        }
        throw new CredentialsError(`SSO GetRoleCredentials for ${accountId}/${roleName} failed: ${(0,errors/* describeAwsError */.P)(error)}`, 'service');
    }
}
async function getCallerIdentity(clients, credentials) {
    const { GetCallerIdentityCommand } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    const sts = await clients.stsClient(credentials);
    try {
        const out = await sts.send(new GetCallerIdentityCommand({}));
        if (!out.Account || !out.Arn)
            throw new CredentialsError('STS GetCallerIdentity returned no account', 'service');
        const userId = out.UserId ?? '';
        const malformed = malformedIdentity(out.Account, out.Arn, userId);
        if (malformed)
            throw new CredentialsError(`STS GetCallerIdentity answered ${malformed}; refusing an identity that is not a role session, nothing was exported`, 'service');
        return { account: out.Account, arn: out.Arn, userId };
    }
    catch (error) {
        if (error instanceof CredentialsError)
            throw error;
        throw new CredentialsError(`STS GetCallerIdentity failed: ${(0,errors/* describeAwsError */.P)(error)}`, 'service');
    }
}
/** Fetch, then verify: credentials for a different account than requested are refused. */
async function verifiedRoleCredentials(clients, accessToken, accountId, roleName, mask) {
    const credentials = await getRoleCredentials(clients, accessToken, accountId, roleName, mask);
    const identity = await getCallerIdentity(clients, credentials);
    if (identity.account !== accountId) {
        throw new CredentialsError(`the credentials belong to account ${identity.account}, not the requested ${accountId}; nothing was exported`, 'mismatch');
    }
    return { credentials, identity };
}
/**
 * The Identity Center user who approved: the role session name of
 * arn:aws:sts::<account>:assumed-role/AWSReservedSSO_<PermissionSet>_<hex>/<user>.
 */
function approverFromArn(arn) {
    // getCallerIdentity accepts only ARNs of this shape, so a verified identity always names its approver.
    return sessionNameFromArn(arn);
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ describeAwsError)
/* harmony export */ });
/** How an AWS SDK error is told in a log line or a failure message. */
/**
 * Only the error's name, HTTP status (or network error code) and how many attempts were made:
 * SDK error objects carry request data and are never printed whole.
 */
function describeAwsError(error) {
    const e = error;
    const status = e?.$metadata?.httpStatusCode;
    const code = typeof e?.code === 'string' &&
        /^E[A-Z_]+$/.test(e.code) &&
        e.code !== e?.name
        ? e.code
        : undefined;
    const attempts = e?.$metadata?.attempts;
    return `${e?.name ?? 'Error'}${status ? ` (HTTP ${status})` : code ? ` (${code})` : ''}${attempts && attempts > 1 ? ` after ${attempts} attempts` : ''}`;
}


/***/ }),

/***/ 5421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OX: () => (/* binding */ requestHandler),
/* harmony export */   Wp: () => (/* binding */ cancelAwsRequests)
/* harmony export */ });
/* unused harmony exports proxyAgent, DEFAULT_REQUEST_TIMEOUT_MS, requestTimeoutMs */
/* harmony import */ var _util_proxy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(796);

/** An http.Agent that tunnels through `proxy`; https-proxy-agent is loaded only when a proxy is in use. */
async function proxyAgent(proxy) {
    const { HttpsProxyAgent } = await __webpack_require__.e(/* import() */ 659).then(__webpack_require__.bind(__webpack_require__, 7659));
    return new HttpsProxyAgent(proxy);
}
/** How long one AWS request may take (each retried attempt gets its own budget). */
const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
const MAX_REQUEST_TIMEOUT_MS = 300_000;
/** Connecting gets at most this long, and never more than the request budget. */
const CONNECTION_TIMEOUT_MS = 5_000;
/**
 * The per-attempt request timeout: IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS (whole milliseconds, 100 to 300000)
 * when set, else 15 s. A knob for slow proxies and for tests; an unusable value is ignored.
 */
function requestTimeoutMs(env = process.env) {
    const raw = env.IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS?.trim();
    if (!raw || !/^[0-9]+$/.test(raw))
        return DEFAULT_REQUEST_TIMEOUT_MS;
    const ms = Number(raw);
    return ms >= 100 && ms <= MAX_REQUEST_TIMEOUT_MS
        ? ms
        : DEFAULT_REQUEST_TIMEOUT_MS;
}
/**
 * Aborted by {@link cancelAwsRequests}: the AWS requests in flight at that moment fail at once with an AbortError
 * (which the SDK does not retry). Requests started afterwards get a fresh controller, so the cleanup that follows
 * a cancel (SSO Logout of a token already obtained) still goes out.
 */
let inFlight = new AbortController();
/** The step is being cancelled: end the AWS requests in flight now instead of waiting for their timeouts and retries. */
function cancelAwsRequests(reason = 'cancelled') {
    const current = inFlight;
    inFlight = new AbortController();
    current.abort(reason);
}
/**
 * NodeHttpHandler whose requests also end when {@link cancelAwsRequests} is called while they run. Defined on first
 * use: the handler package (and node:http2 with it) is not loaded before our own code starts.
 */
let cancellableHandler;
function cancellableHandlerClass() {
    cancellableHandler ??= __webpack_require__.e(/* import() */ 279).then(__webpack_require__.t.bind(__webpack_require__, 1279, 19)).then(({ NodeHttpHandler }) => class CancellableHttpHandler extends NodeHttpHandler {
        handle(request, options = {}) {
            const own = options?.abortSignal;
            const abortSignal = own
                ? AbortSignal.any([own, inFlight.signal])
                : inFlight.signal;
            return super.handle(request, { ...options, abortSignal });
        }
    });
    return cancellableHandler;
}
async function requestHandler(options) {
    const proxy = (0,_util_proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .proxyFor */ .i)(options.endpoint, options.env);
    const [Handler, agent] = await Promise.all([
        cancellableHandlerClass(),
        proxy ? proxyAgent(proxy) : undefined
    ]);
    const timeout = options.requestTimeoutMs ?? requestTimeoutMs(options.env);
    return new Handler({
        connectionTimeout: Math.min(CONNECTION_TIMEOUT_MS, timeout),
        requestTimeout: timeout,
        // Without this the handler only logs a warning and the request hangs on (the emulator's 'timeout' fault showed it).
        throwOnRequestTimeout: true,
        ...(agent ? { httpsAgent: agent, httpAgent: agent } : {})
    });
}


/***/ }),

/***/ 4299:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ signOut),
/* harmony export */   r: () => (/* binding */ logout)
/* harmony export */ });
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/** The SSO session's end: Logout revokes the access token server-side (role sessions already issued live until they expire). */


/** Returns true when the token was revoked (or was already invalid); never throws. */
async function logout(clients, accessToken, log) {
    const { LogoutCommand } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(54)]).then(__webpack_require__.t.bind(__webpack_require__, 2054, 19));
    try {
        await (await clients.ssoClient()).send(new LogoutCommand({ accessToken }));
        return true;
    }
    catch (error) {
        if (error?.name === 'UnauthorizedException')
            return true;
        log.warning(`SSO Logout failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeAwsError */ .P)(error)}; the access token stays valid until it expires`);
        return false;
    }
}
/**
 * Logout with clients of its own, closed afterwards: for a step whose only AWS call is the sign-out (post, end-session,
 * the cancel sweep). Failed attempts that the SDK retries are logged at info. Never throws.
 */
async function signOut(accessToken, settings, log) {
    const clients = new _clients_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsClients */ .cE({ ...settings, onRetry: (m) => log.info(m) });
    try {
        return await logout(clients, accessToken, log);
    }
    finally {
        clients.destroy();
    }
}


/***/ }),

/***/ 8665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   xN: () => (/* binding */ assumeRole)
/* harmony export */ });
/* unused harmony exports AssumeRoleError, trustPolicyActions, SourceIdentityRefusedError */
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1735);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);


/** STS refused the AssumeRole (trust policy, external id, duration, policy size …): the step fails naming the role and STS's answer. */
class AssumeRoleError extends _credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .CredentialsError */ .lE {
    roleArn;
    stsCode;
    constructor(roleArn, stsCode, message) {
        super(message, 'access');
        this.roleArn = roleArn;
        this.stsCode = stsCode;
        this.name = 'AssumeRoleError';
    }
}
/**
 * The Action of a trust policy statement that lets a session assume the role with role-source-identity (and with
 * session tags, which need sts:TagSession in the same statement).
 */
function trustPolicyActions(tagged) {
    const actions = ['sts:AssumeRole', 'sts:SetSourceIdentity'];
    if (tagged)
        actions.push('sts:TagSession');
    return `"Action": [${actions.map((a) => `"${a}"`).join(', ')}]`;
}
/** STS refused to set the source identity: the role's trust policy does not allow sts:SetSourceIdentity. */
class SourceIdentityRefusedError extends AssumeRoleError {
    constructor(roleArn, answered, tagged) {
        super(roleArn, 'AccessDenied', `could not assume role ${roleArn} with a source identity: the role's trust policy does not allow sts:SetSourceIdentity (STS answered ${answered}). ` +
            `Add it to the trust policy statement that lets this session assume the role: ${trustPolicyActions(tagged)}; or turn role-source-identity off. Nothing was written or exported`);
        this.name = 'SourceIdentityRefusedError';
    }
}
/** AssumeRole signed with `source` (the primary profile's role credentials, never the ambient chain). */
async function assumeRole(clients, source, input, mask) {
    const { AssumeRoleCommand } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    const sts = await clients.stsClient(source);
    try {
        const out = await sts.send(new AssumeRoleCommand({
            RoleArn: input.roleArn,
            RoleSessionName: input.sessionName,
            DurationSeconds: input.durationSeconds,
            ...(input.externalId !== undefined
                ? { ExternalId: input.externalId }
                : {}),
            ...(input.policy !== undefined ? { Policy: input.policy } : {}),
            ...(input.policyArns.length
                ? { PolicyArns: input.policyArns.map((arn) => ({ arn })) }
                : {}),
            ...(input.tags.length ? { Tags: input.tags } : {}),
            ...(input.transitiveTagKeys.length
                ? { TransitiveTagKeys: input.transitiveTagKeys }
                : {}),
            ...(input.sourceIdentity !== undefined
                ? { SourceIdentity: input.sourceIdentity }
                : {})
        }));
        const c = out.Credentials;
        if (!c?.AccessKeyId ||
            !c.SecretAccessKey ||
            !c.SessionToken ||
            !c.Expiration) {
            throw new AssumeRoleError(input.roleArn, 'NoCredentials', `STS AssumeRole for ${input.roleArn} returned no credentials`);
        }
        mask(c.AccessKeyId);
        mask(c.SecretAccessKey);
        mask(c.SessionToken);
        return {
            credentials: {
                accessKeyId: c.AccessKeyId,
                secretAccessKey: c.SecretAccessKey,
                sessionToken: c.SessionToken,
                expiration: new Date(c.Expiration)
            },
            arn: out.AssumedRoleUser?.Arn ?? '',
            ...(out.SourceIdentity !== undefined
                ? { sourceIdentity: out.SourceIdentity }
                : {})
        };
    }
    catch (error) {
        if (error instanceof AssumeRoleError)
            throw error;
        const code = String(error?.Code ??
            error?.name ??
            'Error').replace(/Exception$/, '');
        // STS's own message says why (trust policy, external id, duration, policy size); it names ARNs and limits, no secrets.
        const said = stsMessage(error);
        // STS's own error code (the SDK names some with an Exception suffix), with the status and attempts as usual.
        const answered = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeAwsError */ .P)(error).replace(/^\S+/, code);
        const status = error
            ?.$metadata?.httpStatusCode;
        if (input.sourceIdentity !== undefined &&
            code === 'AccessDenied' &&
            said.includes('sts:SetSourceIdentity'))
            throw new SourceIdentityRefusedError(input.roleArn, `${answered}: ${said}`, input.tags.length > 0);
        const what = status
            ? `STS answered ${answered}${said ? `: ${said}` : ''}`
            : `the request to STS failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeAwsError */ .P)(error)}`;
        throw new AssumeRoleError(input.roleArn, code, `could not assume role ${input.roleArn}: ${what}; nothing was written or exported`);
    }
}
/** STS's error message, on one line, printable characters only, at most 400 characters; '' when there is none. */
function stsMessage(error) {
    const message = error?.message;
    if (typeof message !== 'string' ||
        error?.$metadata === undefined)
        return '';
    const clean = message.replace(/[^\x20-\x7e]+/g, ' ').trim();
    return clean.length > 400 ? `${clean.slice(0, 400)}…` : clean;
}


/***/ }),

/***/ 6497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ DEFAULT_SSO_SESSION),
/* harmony export */   Ax: () => (/* binding */ MAX_REQUIRED_APPROVALS),
/* harmony export */   DS: () => (/* binding */ OUTPUT_FORMATS),
/* harmony export */   EM: () => (/* binding */ MAX_NAME_LENGTH),
/* harmony export */   FO: () => (/* binding */ MIN_SESSION_KEY_LENGTH),
/* harmony export */   Jt: () => (/* binding */ MAX_MIN_VALIDITY_SECONDS),
/* harmony export */   KG: () => (/* binding */ DEFAULT_PROFILE),
/* harmony export */   KJ: () => (/* binding */ DEFAULT_REUSE_SESSION),
/* harmony export */   LE: () => (/* binding */ MAX_APPROVAL_TIMEOUT_SECONDS),
/* harmony export */   O7: () => (/* binding */ MIN_REQUIRED_APPROVALS),
/* harmony export */   Ol: () => (/* binding */ DEFAULT_OUTPUT),
/* harmony export */   TI: () => (/* binding */ VERIFY_PROFILES),
/* harmony export */   W3: () => (/* binding */ DEFAULT_REGISTRATION_SCOPES),
/* harmony export */   WG: () => (/* binding */ DEFAULT_DISCOVER),
/* harmony export */   Z2: () => (/* binding */ DEFAULT_VERIFY_PROFILES),
/* harmony export */   Zm: () => (/* binding */ MAX_ROLE_DURATION_SECONDS),
/* harmony export */   Zx: () => (/* binding */ MAX_INLINE_POLICY_LENGTH),
/* harmony export */   aj: () => (/* binding */ DEFAULT_FORBID_SELF_APPROVAL),
/* harmony export */   bd: () => (/* binding */ DEFAULT_KEEP_SESSION),
/* harmony export */   ch: () => (/* binding */ DEFAULT_EXPORT_CREDENTIALS),
/* harmony export */   f2: () => (/* binding */ MAX_MANAGED_SESSION_POLICIES),
/* harmony export */   lG: () => (/* binding */ NOTIFY_CHANNELS),
/* harmony export */   m2: () => (/* binding */ MAX_URL_LENGTH),
/* harmony export */   nA: () => (/* binding */ MAX_SESSION_LENGTH),
/* harmony export */   qV: () => (/* binding */ DEFAULT_ALLOW_PARTIAL),
/* harmony export */   td: () => (/* binding */ MAX_ISSUE_NUMBER),
/* harmony export */   tj: () => (/* binding */ MIN_ROLE_DURATION_SECONDS),
/* harmony export */   vz: () => (/* binding */ MAX_ROLE_NAME_LENGTH),
/* harmony export */   w2: () => (/* binding */ DEFAULT_NOTIFY),
/* harmony export */   w6: () => (/* binding */ DEFAULT_MIN_VALIDITY_SECONDS)
/* harmony export */ });
/* unused harmony export DEFAULT_ROLE_DURATION_SECONDS */
const DEFAULT_SSO_SESSION = 'identity-center-login';
const DEFAULT_PROFILE = 'identity-center-login';
const DEFAULT_OUTPUT = 'json';
const OUTPUT_FORMATS = Object.freeze([
    'json',
    'text',
    'table',
    'yaml',
    'yaml-stream'
]);
const DEFAULT_REGISTRATION_SCOPES = Object.freeze([
    'sso:account:access'
]);
const NOTIFY_CHANNELS = Object.freeze([
    'summary',
    'comment',
    'webhook'
]);
const DEFAULT_NOTIFY = Object.freeze([
    'summary',
    'comment'
]);
const DEFAULT_EXPORT_CREDENTIALS = true;
const DEFAULT_KEEP_SESSION = false;
const DEFAULT_FORBID_SELF_APPROVAL = false;
const DEFAULT_ALLOW_PARTIAL = false;
const DEFAULT_REUSE_SESSION = false;
const DEFAULT_DISCOVER = false;
const VERIFY_PROFILES = Object.freeze([
    'all',
    'primary'
]);
const DEFAULT_VERIFY_PROFILES = 'all';
const DEFAULT_MIN_VALIDITY_SECONDS = 900;
const MAX_MIN_VALIDITY_SECONDS = 86400;
const MAX_APPROVAL_TIMEOUT_SECONDS = 86400;
/** Longest profile / sso-session name accepted. */
const MAX_NAME_LENGTH = 64;
/** Longest role / permission set name accepted (IAM role name limit). */
const MAX_ROLE_NAME_LENGTH = 64;
const MAX_URL_LENGTH = 2048;
const MAX_ISSUE_NUMBER = 2147483647;
/** Shortest session-key accepted (characters). */
const MIN_SESSION_KEY_LENGTH = 32;
/** Longest session input accepted (a sealed session is a few hundred characters). */
const MAX_SESSION_LENGTH = 16384;
const DEFAULT_ROLE_DURATION_SECONDS = 3600;
const MIN_ROLE_DURATION_SECONDS = 900;
/** STS caps role-chained sessions at one hour. */
const MAX_ROLE_DURATION_SECONDS = 3600;
const MAX_MANAGED_SESSION_POLICIES = 10;
/** STS's limit on the plaintext inline session policy. */
const MAX_INLINE_POLICY_LENGTH = 2048;
/** required-approvals: N different people. */
const MIN_REQUIRED_APPROVALS = 1;
const MAX_REQUIRED_APPROVALS = 3;


/***/ }),

/***/ 8190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AR: () => (/* binding */ TRUE_VALUES),
/* harmony export */   Ew: () => (/* binding */ NOT_NAME_CHARS),
/* harmony export */   Ip: () => (/* binding */ describeChar),
/* harmony export */   Og: () => (/* binding */ regionProblem),
/* harmony export */   Pm: () => (/* binding */ FALSE_VALUES),
/* harmony export */   Qq: () => (/* binding */ dedupe),
/* harmony export */   Rw: () => (/* binding */ controlProblem),
/* harmony export */   bH: () => (/* binding */ SCOPE_RE),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   eF: () => (/* binding */ NAME_RE),
/* harmony export */   ek: () => (/* binding */ firstBadChar),
/* harmony export */   gN: () => (/* binding */ accountIdProblem),
/* harmony export */   lW: () => (/* binding */ parseDurationSeconds),
/* harmony export */   ne: () => (/* binding */ requiredApprovalsProblem),
/* harmony export */   pg: () => (/* binding */ roleNameProblem),
/* harmony export */   rA: () => (/* binding */ startUrlProblem),
/* harmony export */   rH: () => (/* binding */ nameProblem),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   vp: () => (/* binding */ showValue)
/* harmony export */ });
/* unused harmony exports escapeChar, surroundingSpaceProblem, ACCOUNT_ID_RE, NAME_CHAR, REGION_RE, isAwsStartUrlHost */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6497);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9997);
/** The rules for input values: safe echoing, the input error, and one check per kind of value (names, regions, URLs, durations). */


// ---------------------------------------------------------------------------------------------
// Errors and safe echoing
const MAX_SHOWN = 60;
const CONTROL_RE = new RegExp(_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .CONTROL_SOURCE */ .Y);
const CONTROL_RE_G = new RegExp(_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .CONTROL_SOURCE */ .Y, 'g');
function escapeChar(c) {
    if (c === '\n')
        return '\\n';
    if (c === '\r')
        return '\\r';
    if (c === '\t')
        return '\\t';
    return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
}
function escapeText(s) {
    return s.replace(/["\\]/g, '\\$&').replace(CONTROL_RE_G, escapeChar);
}
const TOKENISH = /\b(?:gh[pousr]_[A-Za-z0-9]{16,}|github_pat_\w{16,}|(?:AKIA|ASIA)[A-Z0-9]{16}|xox[abposr]-[A-Za-z0-9-]{8,})|hooks\.slack\.com\/|discord(?:app)?\.com\/api\/webhooks|webhook\.office\.com|\.logic\.azure\.com/i;
/**
 * A value quoted for an error message: escaped, cut to 60 characters, user:password in URLs
 * masked, token-looking values not shown at all. Never call this for secret inputs.
 */
function showValue(value) {
    if (TOKENISH.test(value))
        return '(a value that looks like a token or webhook URL, not shown)';
    const masked = value.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#\s]*@/, '$1***@');
    const chars = Array.from(masked);
    if (chars.length <= MAX_SHOWN)
        return `"${escapeText(masked)}"`;
    return `"${escapeText(chars.slice(0, MAX_SHOWN).join(''))}…" (${chars.length} characters)`;
}
/** An input or option name made safe to print (names come from argv in the CLI). */
function cleanName(name) {
    const chars = Array.from(String(name));
    const cut = chars.length > MAX_SHOWN
        ? chars.slice(0, MAX_SHOWN).join('') + '…'
        : chars.join('');
    return escapeText(cut);
}
/**
 * A bad input. `input` is the input name (or, for the CLI, the option such as `--bogus`);
 * `detail` is the message without the prefix; `message` is
 * `Input "account-id": must be 12 digits, got "1234"` (or `Option "--bogus": …` for names
 * starting with `-`).
 */
class InputError extends Error {
    input;
    detail;
    constructor(input, message) {
        const name = cleanName(input);
        super(`${name.startsWith('-') ? 'Option' : 'Input'} "${name}": ${message}`);
        this.name = 'InputError';
        this.input = name;
        this.detail = message;
    }
}
// ---------------------------------------------------------------------------------------------
// Value checks. Each returns a problem (the message without the input prefix) or undefined.
function controlProblem(value, secret, allowLineBreaks = false) {
    const chars = Array.from(value);
    for (let i = 0; i < chars.length; i++) {
        const c = chars[i];
        if (!CONTROL_RE.test(c))
            continue;
        if (allowLineBreaks &&
            (c === '\n' || c === '\t' || (c === '\r' && chars[i + 1] === '\n')))
            continue;
        const what = allowLineBreaks
            ? 'control characters (other than line breaks and tabs)'
            : 'control characters or line breaks';
        const found = secret ? '' : ` (found ${escapeChar(c)} at position ${i + 1})`;
        return `must not contain ${what}${found}`;
    }
    return undefined;
}
function surroundingSpaceProblem(value) {
    return /^\s|\s$/.test(value)
        ? `must not have leading or trailing spaces, got ${showValue(value)}`
        : undefined;
}
function firstBadChar(value, allowed) {
    for (const c of value)
        if (!allowed.test(c))
            return c;
    return undefined;
}
function describeChar(c) {
    return c === ' ' ? 'a space' : `"${escapeText(c)}"`;
}
const ACCOUNT_ID_RE = /^[0-9]{12}$/;
function accountIdProblem(value) {
    if (ACCOUNT_ID_RE.test(value))
        return undefined;
    const digits = value.replace(/[^0-9]/g, '').length;
    const hint = digits === 12 ? ' (no spaces or dashes)' : '';
    return `must be 12 digits${hint}, got ${showValue(value)}`;
}
function roleNameProblem(value) {
    if (value === '')
        return 'must not be empty';
    const space = surroundingSpaceProblem(value);
    if (space)
        return space;
    const bad = firstBadChar(value, /[A-Za-z0-9_+=,.@-]/);
    if (bad !== undefined) {
        return `contains ${describeChar(bad)}, which is not allowed in a role name (letters, digits and + = , . @ _ - only), got ${showValue(value)}`;
    }
    if (value.length > _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_ROLE_NAME_LENGTH */ .vz)
        return `must be at most ${_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_ROLE_NAME_LENGTH */ .vz} characters, got ${value.length}`;
    return undefined;
}
/**
 * Profile and sso-session names: letters, digits, `.`, `_`, `-`, `@`, `+`; starts with a letter or
 * digit; 1–64 characters. Nothing that could end an INI section header (`]`), start another one
 * (`[`, line breaks), or be read as an assignment or comment (`=`, `#`, `;`), and no spaces.
 */
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/;
/** One character of a profile / sso-session name (the reader checks with it, discover builds names from it). */
const NAME_CHAR = /[A-Za-z0-9._@+-]/;
/** Runs of characters a profile / sso-session name may not hold. */
const NOT_NAME_CHARS = /[^A-Za-z0-9._@+-]+/g;
function nameProblem(value, what) {
    if (value === '')
        return 'must not be empty';
    const space = surroundingSpaceProblem(value);
    if (space)
        return space;
    const bad = firstBadChar(value, NAME_CHAR);
    if (bad !== undefined) {
        return `contains ${describeChar(bad)}, which is not allowed in ${what} (letters, digits and . _ - @ + only), got ${showValue(value)}`;
    }
    if (value.length > _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_NAME_LENGTH */ .EM)
        return `must be at most ${_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_NAME_LENGTH */ .EM} characters, got ${value.length}`;
    if (!/^[A-Za-z0-9]/.test(value))
        return `must start with a letter or digit, got ${showValue(value)}`;
    return undefined;
}
/**
 * Region names: `<area>[-<qualifier>]-<direction>-<n>`, lower case. The area is 2–4 letters
 * (us, eu, ap, cn, eusc, …), the optional qualifier 2–5 letters (gov, iso, isob, isof, isoe, de),
 * the direction one of AWS's compass words. Matches every published region (us-east-1,
 * ap-southeast-5, us-gov-west-1, cn-northwest-1, us-isob-east-1, eu-isoe-west-1, eusc-de-east-1,
 * il-central-1, mx-central-1) and future ones of the same shape, without a hard-coded list.
 */
const REGION_RE = /^[a-z]{2,4}(?:-[a-z]{2,5})?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-[0-9]{1,2}$/;
function regionProblem(value) {
    if (value === '')
        return 'must not be empty';
    const space = surroundingSpaceProblem(value);
    if (space)
        return space;
    if (REGION_RE.test(value))
        return undefined;
    const lower = value === value.toLowerCase() ? '' : ' (lower case)';
    return `must be an AWS Region name like us-east-1${lower}, got ${showValue(value)}`;
}
/** Label-boundary suffixes of AWS-owned access portal hosts (at least one label in front). */
const PORTAL_HOST_SUFFIXES = [
    '.awsapps.com', // classic portal: d-xxxxxxxxxx.awsapps.com/start, alias.awsapps.com/start, start.us-gov-home.awsapps.com
    '.awsapps.cn', // China
    '.app.aws', // dual-stack portal: ssoins-….portal.<region>.app.aws
    '.portal.amazonaws.com', // regional portal: ssoins-….<region>.portal.amazonaws.com (also GovCloud)
    '.portal.amazonaws.com.cn', // China regional portal
    '.portal.amazonaws.eu' // European Sovereign Cloud regional portal
];
/** Dual-stack portal hosts of the China and European Sovereign Cloud partitions (exact shape). */
const PORTAL_HOST_PATTERNS = [
    /^[a-z0-9-]+\.portal\.[a-z0-9-]+\.app\.amazonwebservices\.com\.cn$/,
    /^[a-z0-9-]+\.portal\.[a-z0-9-]+\.api\.amazonwebservices\.eu$/
];
/** Identity Center issuer hosts (exact); the path must be the instance id. */
const ISSUER_HOSTS = [
    'identitycenter.amazonaws.com',
    'identitycenter.amazonaws.com.cn',
    'identitycenter.amazonaws.eu'
];
const ISSUER_PATH_RE = /^\/(?:sso)?ins-[A-Za-z0-9.-]{16}\/?$/;
const DNS_LABEL_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
function isIpAddress(host) {
    return (host.startsWith('[') ||
        /^[0-9.]+$/.test(host) ||
        /^(?:\d{1,3}\.){3}\d{1,3}$/.test(host));
}
function isAwsStartUrlHost(host) {
    if (!host.split('.').every((l) => DNS_LABEL_RE.test(l)))
        return false;
    if (ISSUER_HOSTS.includes(host))
        return true;
    if (PORTAL_HOST_PATTERNS.some((re) => re.test(host)))
        return true;
    return PORTAL_HOST_SUFFIXES.some((s) => host.endsWith(s) && host.length > s.length);
}
/** Checks a (trimmed, non-empty) start URL. */
function startUrlProblem(value) {
    if (value.length > _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_URL_LENGTH */ .m2)
        return `must be at most ${_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_URL_LENGTH */ .m2} characters, got ${value.length}`;
    const odd = firstBadChar(value, /[\x21-\x7e]/);
    if (odd !== undefined)
        return `must not contain spaces or non-ASCII characters, got ${showValue(value)}`;
    if (value.includes('\\'))
        return `must not contain backslashes, got ${showValue(value)}`;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return `must be a URL like https://my-sso-portal.awsapps.com/start, got ${showValue(value)}`;
    }
    if (url.username !== '' ||
        url.password !== '' ||
        /^[a-z][a-z0-9+.-]*:\/*[^/?#]*@/i.test(value)) {
        return 'must not contain a user name or password';
    }
    if (url.protocol !== 'https:')
        return `must use https://, got ${showValue(value)}`;
    // Require the plain written form: `https://host[:443]` exactly as the URL parser reads it, so that
    // every other parser (the AWS CLI, SDKs, Python's urllib) sees the same host.
    const m = /^https:\/\/([^/?#]*)/i.exec(value);
    const authority = m ? m[1].toLowerCase() : undefined;
    if (url.port !== '')
        return `must not use a port other than 443, got ${showValue(value)}`;
    if (authority !== url.host && authority !== `${url.host}:443`) {
        return `must be written as https://HOST/…, with a plain host name, got ${showValue(value)}`;
    }
    if (value.includes('#'))
        return `must not contain a fragment (#…), got ${showValue(value)}`;
    const host = url.hostname;
    if (isIpAddress(host))
        return `must use an AWS access portal host name, not an IP address, got ${showValue(value)}`;
    if (!isAwsStartUrlHost(host)) {
        return ('must be an AWS access portal URL (host *.awsapps.com, *.awsapps.cn, *.app.aws, *.portal.amazonaws.com, ' +
            `or identitycenter.amazonaws.com/ssoins-…), got host ${showValue(host)}`);
    }
    if (ISSUER_HOSTS.includes(host) && !ISSUER_PATH_RE.test(url.pathname)) {
        return `an issuer URL must be https://${host}/ssoins-<16 characters>, got ${showValue(value)}`;
    }
    return undefined;
}
const SCOPE_RE = /^[A-Za-z0-9:_*.-]+$/;
const DURATION_RE = /^(?:([0-9]+)|(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?)$/i;
/** '900', '900s', '15m', '1h', '1h30m' → seconds; undefined when malformed. */
function parseDurationSeconds(value) {
    const m = DURATION_RE.exec(value);
    if (!m || value === '')
        return undefined;
    if (m[1] !== undefined)
        return Number(m[1]);
    return Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
}
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
function splitList(value) {
    return value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
function dedupe(items) {
    return [...new Set(items)];
}
/** A required-approvals value the approvals policy can use (1-3), or why not. */
function requiredApprovalsProblem(n) {
    return Number.isInteger(n) &&
        n >= _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_REQUIRED_APPROVALS */ .O7 &&
        n <= _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_REQUIRED_APPROVALS */ .Ax
        ? undefined
        : `must be a whole number from ${_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_REQUIRED_APPROVALS */ .O7} to ${_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_REQUIRED_APPROVALS */ .Ax}`;
}


/***/ }),

/***/ 2017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ isAlive)
/* harmony export */ });
/** Whether a process with this pid exists: signal 0 reaches it, or it exists but belongs to someone else (EPERM). */
function isAlive(pid) {
    if (pid === process.pid)
        return true;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error?.code === 'EPERM';
    }
}


/***/ }),

/***/ 796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ proxyFor)
/* harmony export */ });
/* unused harmony export bypassesProxy */
/**
 * Which proxy applies to a URL, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case; lower case wins, as in curl and
 * @actions/http-client). Shared by the AWS clients and the notification channels, so both reach the same hosts the same way.
 */
function envValue(env, name) {
    const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
    return v && v.trim() !== '' ? v.trim() : undefined;
}
function isLoopback(host) {
    const h = host.replace(/^\[|\]$/g, '').toLowerCase();
    return (h === 'localhost' ||
        h.endsWith('.localhost') ||
        h === '::1' ||
        /^127\.\d+\.\d+\.\d+$/.test(h));
}
/** True when NO_PROXY (or a loopback target) says to go direct. */
function bypassesProxy(target, env = process.env) {
    const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (isLoopback(host))
        return true;
    const noProxy = envValue(env, 'no_proxy');
    if (!noProxy)
        return false;
    const port = target.port || (target.protocol === 'https:' ? '443' : '80');
    for (const raw of noProxy.split(/[,\s]+/)) {
        let entry = raw.trim().toLowerCase();
        if (!entry)
            continue;
        if (entry === '*')
            return true;
        let entryPort;
        const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
        if (m) {
            entry = m[1];
            entryPort = m[2];
        }
        entry = entry.replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
        if (entryPort && entryPort !== port)
            continue;
        if (host === entry || host.endsWith(`.${entry}`))
            return true;
    }
    return false;
}
/**
 * The proxy URL to use for `url`, or undefined to go direct.
 * https targets use HTTPS_PROXY, http targets HTTP_PROXY (lower case wins, as in curl and
 * @actions/http-client); NO_PROXY and loopback targets bypass.
 */
function proxyFor(url, env = process.env) {
    const target = typeof url === 'string' ? new URL(url) : url;
    const proxy = envValue(env, target.protocol === 'https:' ? 'https_proxy' : 'http_proxy');
    if (!proxy)
        return undefined;
    if (bypassesProxy(target, env))
        return undefined;
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}


/***/ }),

/***/ 9997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ CONTROL_SOURCE),
/* harmony export */   y: () => (/* binding */ defuseWorkflowCommands)
/* harmony export */ });
/**
 * The one set of characters that must never reach a log line, a comment, a config file or a terminal unescaped:
 * C0 controls, DEL, C1 controls, soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width and bidi
 * marks/overrides/isolates (Trojan Source), line/paragraph separators, word joiners and invisible operators, BOM and
 * interlinear annotation characters. The input rules reject them; the message renderer strips them.
 */
const CONTROL_SOURCE = '[\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb]';
/**
 * A line that starts with `::` (after blanks) is a workflow command to the GitHub runner. Text logged with
 * core.info is written raw, so any line of it that would be read as a command is defused (`::` → `: :`):
 * server text can never become `::warning::`, `::add-mask::` or `::stop-commands::`.
 */
function defuseWorkflowCommands(text) {
    return text.replace(/^([ \t]*):(?=:)/gm, '$1: ');
}


/***/ })

};
