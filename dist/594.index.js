export const id = 594;
export const ids = [594];
export const modules = {

/***/ 1594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  serveSignIn: () => (/* binding */ serveSignIn)
});

// UNUSED EXPORTS: servedRoles

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/aws-files/job-files.ts + 4 modules
var job_files = __webpack_require__(6116);
// EXTERNAL MODULE: ./src/core/files-plan.ts
var files_plan = __webpack_require__(3166);
// EXTERNAL MODULE: ./src/aws-files/atomic.ts
var atomic = __webpack_require__(5262);
// EXTERNAL MODULE: ./src/credential-server/handover.ts
var handover = __webpack_require__(8204);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/credential-server/spawn.ts
/**
 * Starting the credential server from the step that signed in: a detached process in its own session that does not
 * inherit stdout / stderr (a runner waits for those to close), the handover written to its stdin and closed, one ready
 * line read from fd 3, then every handle unref()ed so the step exits normally while the server runs on.
 */



class CredentialServerStartError extends Error {
    constructor(message) {
        super(`the credential server did not start: ${message}`);
        this.name = 'CredentialServerStartError';
    }
}
/** dist/credential-server.js beside the bundle's entry (dist/index.js, dist/post.js, dist/cli.js all live in dist/). */
function defaultCommand() {
    // realpath: the CLI may be started through a symlink (node_modules/.bin/identity-center-login).
    const dir = external_node_path_default().dirname((0,external_node_fs_.realpathSync)(external_node_path_default().resolve(process.argv[1] ?? '.')));
    return {
        file: process.execPath,
        args: [external_node_path_default().join(dir, 'credential-server.js')]
    };
}
async function startCredentialServer(handover, options = {}) {
    const { file, args } = options.command ?? defaultCommand();
    const timeoutMs = options.timeoutMs ?? 10_000;
    options.signal?.throwIfAborted();
    const child = (0,external_node_child_process_.spawn)(file, args, {
        detached: true,
        stdio: ['pipe', 'ignore', 'ignore', 'pipe'],
        env: options.env ?? process.env,
        cwd: '/',
        windowsHide: true
    });
    try {
        const ready = readyLine(child, timeoutMs, options.signal);
        child.stdin.on('error', () => undefined);
        child.stdin.end(JSON.stringify(handover));
        const { port, pid } = await ready;
        child.unref();
        child.stdio[3].destroy();
        return { pid, port, url: `http://127.0.0.1:${port}` };
    }
    catch (error) {
        kill(child);
        throw error;
    }
}
function kill(child) {
    if (child.exitCode !== null || child.signalCode !== null)
        return;
    try {
        // Its own process group (detached): take anything it started with it.
        process.kill(-child.pid, 'SIGKILL');
    }
    catch {
        child.kill('SIGKILL');
    }
    child.unref();
}
function readyLine(child, timeoutMs, signal) {
    return new Promise((resolve, reject) => {
        const pipe = child.stdio[3];
        let text = '';
        let settled = false;
        const done = (error, value) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            child.off('exit', onExit);
            child.off('error', onError);
            if (error)
                reject(error);
            else
                resolve(value);
        };
        const onAbort = () => done(new CredentialServerStartError('the start was cancelled'));
        const onExit = (code, sig) => done(new CredentialServerStartError(parsedError(text) ??
            `its process exited (${sig ?? `code ${code}`}) before it was ready`));
        const onError = (error) => done(new CredentialServerStartError(`spawning it failed: ${error.message}`));
        const timer = setTimeout(() => done(new CredentialServerStartError(`no ready line within ${timeoutMs} ms`)), timeoutMs);
        signal?.addEventListener('abort', onAbort, { once: true });
        child.once('exit', onExit);
        child.once('error', onError);
        pipe.on('data', (chunk) => {
            text += chunk.toString('utf8');
            if (text.length > 4096)
                return done(new CredentialServerStartError('its ready line is malformed'));
            const nl = text.indexOf('\n');
            if (nl < 0)
                return;
            const line = text.slice(0, nl);
            try {
                const parsed = JSON.parse(line);
                if (typeof parsed.error === 'string')
                    return done(new CredentialServerStartError(parsed.error));
                if (Number.isInteger(parsed.port) &&
                    parsed.port > 0 &&
                    parsed.pid === child.pid)
                    return done(undefined, { port: parsed.port, pid: parsed.pid });
            }
            catch {
                // fall through
            }
            done(new CredentialServerStartError('its ready line is malformed'));
        });
        pipe.on('error', () => undefined);
    });
}
function parsedError(text) {
    try {
        const e = JSON.parse(text.split('\n')[0]).error;
        return typeof e === 'string' ? e : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/credential-server/job-server.ts
var job_server = __webpack_require__(658);
;// CONCATENATED MODULE: ./src/core/serve-sign-in.ts
/**
 * credential-server's write stage: every check passed; the sign-in is handed (over a pipe, in memory only) to a
 * detached loopback server that serves the listed roles, and the config gets one credential_process profile per role,
 * asking it. Nothing of the sign-in is written: no token cache, no registration cache, no [sso-session] section.
 * What post needs is recorded before each step (the server file and the authorization token before the server starts,
 * its pid and port once it is ready), and a failure or a cancel on the way undoes everything and leaves nothing running.
 */








/** The roles the server answers for: the primary (the chained role with role-to-assume), then each other profile. */
function servedRoles(options, p) {
    const { request } = options;
    const primary = {
        profile: p.primaryProfile.name,
        accountId: p.primaryProfile.accountId,
        roleName: p.primaryProfile.roleName,
        ...(request.chain && p.chained
            ? {
                chain: {
                    spec: request.chain,
                    sessionName: p.chained.sessionName,
                    tags: p.chained.tags,
                    ...(p.chained.sourceIdentity !== undefined
                        ? { sourceIdentity: p.chained.sourceIdentity }
                        : {})
                }
            }
            : {})
    };
    return [
        primary,
        ...p.others.map(({ profile }) => ({
            profile: profile.name,
            accountId: profile.accountId,
            roleName: profile.roleName
        }))
    ];
}
function handed(c) {
    return {
        accessKeyId: c.accessKeyId,
        secretAccessKey: c.secretAccessKey,
        sessionToken: c.sessionToken,
        expiration: c.expiration.toISOString()
    };
}
/** `node <dist>/cli.js --credential-process --server-file F --profile NAME`: dist/cli.js beside the running bundle. */
function processCommand(file, profile) {
    const dir = external_node_path_default().dirname((0,external_node_fs_.realpathSync)(external_node_path_default().resolve(process.argv[1] ?? '.')));
    return [
        { text: process.execPath, quote: true },
        { text: external_node_path_default().join(dir, 'cli.js'), quote: true },
        { text: '--credential-process' },
        { text: '--server-file' },
        { text: file, quote: true },
        { text: '--profile' },
        { text: profile }
    ];
}
async function serveSignIn(options, obtained, profiles) {
    const { request, paths, log } = options;
    const authToken = (0,handover/* newAuthToken */.q8)();
    options.mask(authToken);
    const roles = servedRoles(options, profiles);
    const file = (0,job_server/* serverFilePath */.Jj)(paths, request.profiles.ssoSession);
    await (0,job_server/* claimServerFile */.Wb)(paths, file);
    const record = {
        file,
        authToken,
        tokenExpiresAt: obtained.token.expiresAt.toISOString(),
        refreshable: !!(obtained.token.refreshToken && obtained.registration),
        primary: profiles.primaryProfile.name
    };
    let written = {
        configFile: paths.configFile,
        configEdits: [],
        ssoCacheDir: paths.ssoCacheDir,
        sessionName: request.profiles.ssoSession,
        partial: true
    };
    const report = () => options.onFilesProgress?.({
        written: { ...written },
        server: { ...record }
    });
    report();
    let pid;
    try {
        const done = await (0,files_plan/* writeJobFilesFor */.to)(paths, request, [], undefined, undefined, {
            writeRegistration: false,
            onProgress: (p) => {
                if (p)
                    written = { ...p.written, partial: true };
                report();
            },
            processProfiles: roles.map((r, i) => ({
                name: r.profile,
                command: processCommand(file, r.profile),
                region: i === 0
                    ? profiles.primaryProfile.region
                    : profiles.others[i - 1].profile.region,
                output: request.profiles.output
            }))
        });
        // Still partial for post until the server runs and its file is written.
        written = { ...done, partial: true };
        report();
        const handover = handoverOf(options, obtained, profiles, {
            roles,
            primary: record.primary,
            authToken
        });
        const started = await startCredentialServer(handover, {
            env: (0,job_server/* serverProcessEnv */.mV)(options.env ?? process.env),
            ...(options.signal ? { signal: options.signal } : {})
        });
        pid = started.pid;
        record.pid = started.pid;
        record.port = started.port;
        report();
        await (0,job_server/* writeJobServerFile */.eZ)(paths, file, {
            port: started.port,
            authToken,
            pid: started.pid,
            profiles: roles.map((r) => r.profile)
        });
        written = done;
        report();
        log.info(`credential-server: serving ${roles.length} profile(s) (${roles.map((r) => r.profile).join(', ')}) from ${started.url} (pid ${started.pid}); the sign-in is in its memory only, nothing of it is on disk`);
        return {
            written,
            server: {
                ...record,
                pid: started.pid,
                port: started.port,
                url: started.url
            }
        };
    }
    catch (error) {
        // Nothing left running, nothing left on disk: the caller signs the token out (the server never used it).
        if (pid !== undefined)
            try {
                process.kill(-pid, 'SIGKILL');
            }
            catch {
                // gone
            }
        await (0,atomic/* removeIfExists */.GR)(file, { root: paths.awsDir }).catch(() => undefined);
        await (0,job_files/* removeJobFiles */.H0)(written).catch(() => undefined);
        options.onFilesProgress?.(undefined);
        throw error;
    }
}
/** What the server is handed over its pipe: the sign-in, the roles it serves and their first credentials. */
function handoverOf(options, obtained, profiles, serve) {
    const { request } = options;
    const { token, registration } = obtained;
    const initialCredentials = {
        [profiles.primaryProfile.name]: handed((profiles.chained ?? { credentials: profiles.primaryCredentials })
            .credentials)
    };
    for (const o of profiles.others)
        if (o.credentials)
            initialCredentials[o.profile.name] = handed(o.credentials);
    return {
        version: handover/* HANDOVER_VERSION */.L1,
        ssoRegion: request.target.ssoRegion,
        region: request.target.region,
        token: {
            accessToken: token.accessToken,
            expiresAt: token.expiresAt.toISOString(),
            ...(token.refreshToken ? { refreshToken: token.refreshToken } : {})
        },
        ...(registration
            ? {
                registration: {
                    clientId: registration.clientId,
                    clientSecret: registration.clientSecret,
                    expiresAt: registration.expiresAt.toISOString(),
                    scopes: registration.scopes
                }
            }
            : {}),
        ...(request.signIn.mode.token.from === 'session'
            ? { keepSignIn: true }
            : {}),
        ...serve,
        watchPid: options.watchPid ?? process.ppid,
        initialCredentials
    };
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
