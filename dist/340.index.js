export const id = 340;
export const ids = [340];
export const modules = {

/***/ 6963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DM: () => (/* binding */ getRoleCredentials),
/* harmony export */   bb: () => (/* binding */ verifiedRoleCredentials),
/* harmony export */   cA: () => (/* binding */ tokenRefused),
/* harmony export */   dp: () => (/* binding */ approverFromArn),
/* harmony export */   eL: () => (/* binding */ getCallerIdentity),
/* harmony export */   lE: () => (/* binding */ CredentialsError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);

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
    return new CredentialsError(`${call} failed: the SSO access token was not accepted (expired or revoked): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeAwsError */ .P)(error)}`, 'token');
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
            throw new CredentialsError(`the approver could not assume role "${roleName}" in account ${accountId}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeAwsError */ .P)(error)}. Check that their Identity Center user is assigned that permission set on that account.`, 'access');
        }
        throw new CredentialsError(`SSO GetRoleCredentials for ${accountId}/${roleName} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeAwsError */ .P)(error)}`, 'service');
    }
}
async function getCallerIdentity(clients, credentials) {
    const { GetCallerIdentityCommand } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(222), __webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    const sts = await clients.stsClient(credentials);
    try {
        const out = await sts.send(new GetCallerIdentityCommand({}));
        if (!out.Account || !out.Arn)
            throw new CredentialsError('STS GetCallerIdentity returned no account', 'service');
        return { account: out.Account, arn: out.Arn, userId: out.UserId ?? '' };
    }
    catch (error) {
        if (error instanceof CredentialsError)
            throw error;
        throw new CredentialsError(`STS GetCallerIdentity failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeAwsError */ .P)(error)}`, 'service');
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
    const match = /^arn:aws[\w-]*:sts::\d{12}:assumed-role\/[^/]+\/(.+)$/.exec(arn);
    return match ? match[1] : '';
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
/* harmony import */ var _core_device_flow_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8618);



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
        return new _core_device_flow_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .uv(code, message);
    const fault = (0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .describeFault */ .Qx)(error);
    return fault
        ? new _core_device_flow_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .uv('transient', message, fault)
        : new _core_device_flow_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .uv('other', message);
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
                throw error instanceof _core_device_flow_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .uv
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
                throw error instanceof _core_device_flow_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .uv
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
                throw error instanceof _core_device_flow_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .uv
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
        throw error instanceof _core_device_flow_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .uv
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
        throw new _core_device_flow_js__WEBPACK_IMPORTED_MODULE_1__/* .OidcError */ .uv('other', `SSO OIDC returned no ${field}`);
    return value;
}


/***/ }),

/***/ 8665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   xN: () => (/* binding */ assumeRole)
/* harmony export */ });
/* unused harmony exports AssumeRoleError, trustPolicyActions, SourceIdentityRefusedError */
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6963);
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

/***/ 8618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ DeviceFlowError),
/* harmony export */   mW: () => (/* binding */ runDeviceFlow),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   uv: () => (/* binding */ OidcError)
/* harmony export */ });
/* unused harmony exports DEFAULT_INTERVAL_SECONDS, SLOW_DOWN_STEP_SECONDS, POLL_BACKOFF_CAP_SECONDS, MAX_CONSECUTIVE_POLL_FAILURES, registrationUsable, pollWait */
/* harmony import */ var _util_time_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6043);

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
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => (0,_util_time_js__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .y)(ms, signal, cancelled)
};
class DeviceFlowError extends Error {
    outcome;
    waitedSeconds;
    constructor(outcome, message, waitedSeconds = 0) {
        super(message);
        this.outcome = outcome;
        this.waitedSeconds = waitedSeconds;
        this.name = 'DeviceFlowError';
    }
}
function cancelled(signal) {
    const reason = typeof signal.reason === 'string' ? ` (${signal.reason})` : '';
    return new DeviceFlowError('cancelled', `the login was cancelled${reason} before anyone approved it`);
}
const DEFAULT_INTERVAL_SECONDS = 5;
const SLOW_DOWN_STEP_SECONDS = 5;
/** After a failed poll the wait doubles (from the interval) up to this, RFC 8628 §3.5 "reduce polling frequency". */
const POLL_BACKOFF_CAP_SECONDS = 60;
/** This many failed polls in a row end the login. */
const MAX_CONSECUTIVE_POLL_FAILURES = 5;
/** A registration is reusable while it has at least this long left. */
const REGISTRATION_MARGIN_MS = 60 * 60 * 1000;
function registrationUsable(registration, scopes, now) {
    return (!!registration &&
        registration.expiresAt.getTime() - now > REGISTRATION_MARGIN_MS &&
        scopes.every((s) => registration.scopes.includes(s)));
}
/** Register (or reuse), start a device authorization, poll until approved; start fresh codes while approval-timeout allows. */
async function runDeviceFlow(options) {
    const { api, clock = systemClock, signal, emit = () => { } } = options;
    const startedAt = clock.now();
    let registration = options.registration &&
        registrationUsable(options.registration, options.scopes, startedAt)
        ? options.registration
        : await register();
    let reRegistered = false;
    let authorizations = 0;
    let polls = 0;
    async function register() {
        const made = {
            ...(await api.registerClient(options.clientName, options.scopes)),
            clientName: options.clientName
        };
        options.onRegistered?.(made);
        return made;
    }
    /** InvalidClient means the registration expired or was revoked: register again, once. */
    async function withFreshClientOnce(call) {
        try {
            return await call();
        }
        catch (error) {
            if (!(error instanceof OidcError && error.code === 'invalid_client') ||
                reRegistered)
                throw error;
            reRegistered = true;
            registration = await register();
            return call();
        }
    }
    let replaced;
    // The pace between polls. slow_down's penalty is for this client: it stays for the rest of the flow, fresh codes included.
    let intervalMs = 0;
    let failedPolls = 0;
    let lastFault;
    for (;;) {
        throwIfCancelled(signal);
        const authorization = await withFreshClientOnce(() => api.startDeviceAuthorization(registration, options.startUrl));
        authorizations++;
        const issuedAt = clock.now();
        const codeExpiresAt = issuedAt + authorization.expiresIn * 1000;
        const overallDeadline = options.approvalTimeoutSeconds !== undefined
            ? startedAt + options.approvalTimeoutSeconds * 1000
            : codeExpiresAt;
        const stopAt = Math.min(codeExpiresAt, overallDeadline);
        emit({
            type: 'started',
            userCode: authorization.userCode,
            verificationUri: authorization.verificationUriComplete || authorization.verificationUri,
            expiresAt: new Date(codeExpiresAt),
            attempt: authorizations,
            ...(registration.clientName
                ? { clientName: registration.clientName }
                : {}),
            ...(replaced ? { replaced } : {})
        });
        const serviceIntervalMs = (authorization.interval && authorization.interval > 0
            ? authorization.interval
            : DEFAULT_INTERVAL_SECONDS) * 1000;
        intervalMs = Math.max(intervalMs, serviceIntervalMs);
        failedPolls = 0;
        let codeExpired = false;
        let restart = false;
        for (;;) {
            // Never poll faster than the interval (longer after failed polls): wait first, and stop once the code (or the overall budget) is spent.
            const waitMs = pollWait(intervalMs, failedPolls);
            if (clock.now() + waitMs > stopAt) {
                const left = stopAt - clock.now();
                if (left > 0)
                    await clock.sleep(left, signal);
                codeExpired = true;
                break;
            }
            await clock.sleep(waitMs, signal);
            polls++;
            try {
                const token = await api.createToken(registration, authorization.deviceCode);
                return { token, registration, authorizations, polls };
            }
            catch (error) {
                if (!(error instanceof OidcError))
                    throw error;
                if (error.code === 'transient') {
                    failedPolls++;
                    lastFault = error.fault ?? error.message;
                    if (failedPolls >= MAX_CONSECUTIVE_POLL_FAILURES) {
                        throw new OidcError('transient', `${error.message}; ${failedPolls} polls in a row failed, giving up`, error.fault);
                    }
                    options.onPollRetry?.(`SSO OIDC CreateToken: ${lastFault} on poll ${polls}; polling again in ${(0,_util_time_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(Math.round(pollWait(intervalMs, failedPolls) / 1000))} ` +
                        `(${failedPolls} of ${MAX_CONSECUTIVE_POLL_FAILURES} failed polls in a row allowed)`);
                    continue;
                }
                // Any answer from the service ends a run of failures.
                failedPolls = 0;
                switch (error.code) {
                    case 'authorization_pending':
                        emit({
                            type: 'waiting',
                            secondsLeft: Math.max(0, Math.round((stopAt - clock.now()) / 1000))
                        });
                        continue;
                    case 'slow_down':
                        intervalMs += SLOW_DOWN_STEP_SECONDS * 1000;
                        continue;
                    case 'access_denied':
                        throw new DeviceFlowError('denied', 'the approver denied the request', waited());
                    case 'expired_token':
                        codeExpired = true;
                        break;
                    case 'invalid_client':
                        // The registration was revoked or expired mid-flow: the device code is bound to it, so start over once.
                        if (reRegistered)
                            throw error;
                        reRegistered = true;
                        registration = await register();
                        restart = true;
                        break;
                    default:
                        throw error;
                }
            }
            if (codeExpired || restart)
                break;
        }
        if (restart) {
            replaced = 'client-renewed';
            continue;
        }
        const mayReissue = options.approvalTimeoutSeconds !== undefined;
        if (codeExpired &&
            mayReissue &&
            clock.now() + intervalMs <= overallDeadline) {
            replaced = 'expired';
            continue;
        }
        const seconds = waited();
        throw new DeviceFlowError('expired', `the code expired before anyone approved it (waited ${(0,_util_time_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(seconds)}${authorizations > 1 ? ` over ${authorizations} codes` : ''})` +
            (failedPolls
                ? `; the last ${failedPolls} poll(s) failed: ${lastFault}`
                : ''), seconds);
    }
    function waited() {
        return Math.round((clock.now() - startedAt) / 1000);
    }
}
/** The wait before the next poll: the interval, doubled per failed poll in a row, capped (never below the interval). */
function pollWait(intervalMs, failedPolls) {
    if (failedPolls <= 0)
        return intervalMs;
    return Math.max(intervalMs, Math.min(POLL_BACKOFF_CAP_SECONDS * 1000, intervalMs * 2 ** failedPolls));
}
function throwIfCancelled(signal) {
    if (signal?.aborted)
        throw cancelled(signal);
}


/***/ })

};
