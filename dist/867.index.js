export const id = 867;
export const ids = [867];
export const modules = {

/***/ 5262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ ensureDir),
/* harmony export */   GR: () => (/* binding */ removeIfExists),
/* harmony export */   N0: () => (/* binding */ O_NOFOLLOW),
/* harmony export */   OL: () => (/* binding */ symlinkError),
/* harmony export */   OR: () => (/* binding */ readIfExists),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic),
/* harmony export */   cc: () => (/* binding */ defaultRoot),
/* harmony export */   tm: () => (/* binding */ errCode)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_time_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6043);
/**
 * Careful file primitives for files that hold credentials on a shared machine:
 * atomic replace (temp file + fsync + rename), 0600 files in 0700 folders, no writing or
 * reading through symlinks. The lock that goes with them is in lock.ts.
 */





/** 0 where the OS has no O_NOFOLLOW (Windows). */
const O_NOFOLLOW = node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW ?? 0;
const IS_WINDOWS = process.platform === 'win32';
function errCode(e) {
    return e?.code;
}
function symlinkError(p) {
    return new Error(`refusing to write through a symlink: ${p}`);
}
/** The folder chain root for a path: the nearest enclosing `.aws` folder, else the path's folder. */
function defaultRoot(file) {
    const abs = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(file);
    const parts = abs.split((node_path__WEBPACK_IMPORTED_MODULE_3___default().sep));
    for (let i = parts.length - 2; i >= 0; i--) {
        if (parts[i] === '.aws')
            return parts.slice(0, i + 1).join((node_path__WEBPACK_IMPORTED_MODULE_3___default().sep)) || (node_path__WEBPACK_IMPORTED_MODULE_3___default().sep);
    }
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(abs);
}
/** Folders from `root` down to `dir` (inclusive). If `dir` is not inside `root`, just `[dir]`. */
function chain(dir, root) {
    const absDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(dir);
    const absRoot = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(root);
    const rel = node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(absRoot, absDir);
    if (rel === '')
        return [absDir];
    if (rel.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_3___default().isAbsolute(rel))
        return [absDir];
    const out = [absRoot];
    let cur = absRoot;
    for (const part of rel.split((node_path__WEBPACK_IMPORTED_MODULE_3___default().sep))) {
        cur = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(cur, part);
        out.push(cur);
    }
    return out;
}
async function lstatOrUndefined(p) {
    try {
        return await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().lstat(p);
    }
    catch (e) {
        if (errCode(e) === 'ENOENT')
            return undefined;
        throw e;
    }
}
/**
 * Throw if any existing folder from `root` down to `dir` is a symlink or not a folder.
 * Returns the folders that are missing (top-down).
 */
async function checkChain(dir, root) {
    const missing = [];
    for (const d of chain(dir, root)) {
        if (missing.length > 0) {
            missing.push(d);
            continue;
        }
        const st = await lstatOrUndefined(d);
        if (!st) {
            missing.push(d);
            continue;
        }
        if (st.isSymbolicLink())
            throw symlinkError(d);
        if (!st.isDirectory())
            throw new Error(`not a directory: ${d}`);
    }
    return missing;
}
function ownedByUs(st) {
    return typeof process.getuid !== 'function' || st.uid === process.getuid();
}
/**
 * Create `dir` (and missing parents) with mode 0700, refusing symlinks from `root` down.
 * Folders we create are chmod-ed explicitly (umask-proof). With `tighten`, an existing `dir`
 * that we own and that is looser than `mode` is tightened.
 */
async function ensureDir(dir, opts = {}) {
    const mode = opts.mode ?? 0o700;
    const root = opts.root ?? defaultRoot(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'x'));
    const missing = await checkChain(dir, root);
    if (missing.length > 0) {
        // Anything above the root that is missing too (rare): create it the ordinary way.
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().mkdir(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(missing[0]), { recursive: true, mode });
        for (const d of missing) {
            try {
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().mkdir(d, { mode });
            }
            catch (e) {
                if (errCode(e) !== 'EEXIST')
                    throw e;
                // Someone else created it meanwhile: it must still not be a symlink.
                const st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().lstat(d);
                if (st.isSymbolicLink())
                    throw symlinkError(d);
                if (!st.isDirectory())
                    throw new Error(`not a directory: ${d}`);
                continue;
            }
            if (!IS_WINDOWS)
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().chmod(d, mode);
        }
    }
    else if (opts.tighten && !IS_WINDOWS) {
        const st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().lstat(dir);
        if ((st.mode & 0o777 & ~mode) !== 0 && ownedByUs(st))
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().chmod(dir, st.mode & 0o777 & mode);
    }
}
/** Throw if `file` itself is a symlink or not a regular file. Returns its stat, or undefined if missing. */
async function checkTarget(file) {
    const st = await lstatOrUndefined(file);
    if (st?.isSymbolicLink())
        throw symlinkError(file);
    if (st && !st.isFile())
        throw new Error(`not a regular file: ${file}`);
    return st;
}
/**
 * Replace `file` atomically with `data`: temp file in the same folder (O_CREAT|O_EXCL|O_NOFOLLOW, 0600),
 * fsync, rename over the target, fsync the folder. Missing folders are created 0700. Refuses a symlink at
 * the target or in its folder chain. The result has permission `mode` (default 0600), or the existing
 * file's bits where those are tighter; so a 0644 file is tightened to 0600.
 */
async function writeFileAtomic(file, data, opts = {}) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(file);
    const dir = node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target);
    const root = opts.root ?? defaultRoot(target);
    await ensureDir(dir, { root });
    const existing = await checkTarget(target);
    const wanted = opts.mode ?? 0o600;
    const mode = existing ? existing.mode & 0o777 & wanted : wanted;
    const tmp = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, `.${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(target)}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    const fh = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().open(tmp, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_EXCL | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY | O_NOFOLLOW, 0o600);
    let renamed = false;
    try {
        try {
            await fh.writeFile(data);
            if (!IS_WINDOWS)
                await fh.chmod(mode);
            await fh.sync();
        }
        finally {
            await fh.close();
        }
        // The target may have been swapped for a symlink since we looked: rename replaces the link
        // itself (never its target), but we still refuse rather than silently replacing it.
        await checkTarget(target);
        await renameWithRetry(tmp, target);
        renamed = true;
    }
    finally {
        if (!renamed)
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().rm(tmp, { force: true }).catch(() => undefined);
    }
    await fsyncDir(dir);
    if (!IS_WINDOWS) {
        // Files we own end up no looser than wanted (the rename already gave us a fresh 0600 inode).
        const st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().lstat(target);
        if (!st.isSymbolicLink() && ownedByUs(st) && (st.mode & 0o777) !== mode)
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().chmod(target, mode);
    }
}
async function renameWithRetry(from, to) {
    // On Windows a rename over a file that another process has open fails transiently.
    for (let attempt = 0;; attempt++) {
        try {
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().rename(from, to);
            return;
        }
        catch (e) {
            const code = errCode(e);
            if (!IS_WINDOWS ||
                attempt >= 20 ||
                !['EPERM', 'EACCES', 'EBUSY'].includes(code ?? ''))
                throw e;
            await (0,_util_time_js__WEBPACK_IMPORTED_MODULE_4__/* .sleep */ .y)(10 + attempt * 10);
        }
    }
}
async function fsyncDir(dir) {
    if (IS_WINDOWS)
        return;
    try {
        const fh = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().open(dir, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY);
        try {
            await fh.sync();
        }
        finally {
            await fh.close();
        }
    }
    catch {
        // Not every file system lets a folder be fsync-ed; the rename is still atomic.
    }
}
/**
 * Read `file` as UTF-8, or undefined if it does not exist. Refuses a symlink at the file or in its
 * folder chain, and opens with O_NOFOLLOW. Throws on bytes that are not valid UTF-8 (so a caller
 * never writes back a mangled file).
 */
async function readIfExists(file, opts = {}) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(file);
    const root = opts.root ?? defaultRoot(target);
    const missing = await checkChain(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), root);
    if (missing.length > 0)
        return undefined;
    if (!(await checkTarget(target)))
        return undefined;
    let fh;
    try {
        fh = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().open(target, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | O_NOFOLLOW);
    }
    catch (e) {
        if (errCode(e) === 'ENOENT')
            return undefined;
        if (errCode(e) === 'ELOOP')
            throw symlinkError(target);
        throw e;
    }
    try {
        const buf = await fh.readFile();
        try {
            return new TextDecoder('utf-8', { fatal: true }).decode(buf);
        }
        catch {
            throw new Error(`not valid UTF-8: ${target}`);
        }
    }
    finally {
        await fh.close();
    }
}
/**
 * Delete `file` if it exists; returns whether it did. A symlink at `file` is removed itself (its target
 * is never touched); a symlink among the folders above it is refused.
 */
async function removeIfExists(file, opts = {}) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(file);
    const root = opts.root ?? defaultRoot(target);
    const missing = await checkChain(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), root);
    if (missing.length > 0)
        return false;
    try {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().unlink(target);
        return true;
    }
    catch (e) {
        if (errCode(e) === 'ENOENT')
            return false;
        throw e;
    }
}


/***/ }),

/***/ 1306:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aj: () => (/* binding */ SSO_SESSION_PREFIX),
/* harmony export */   F$: () => (/* binding */ changedKeys),
/* harmony export */   Ky: () => (/* binding */ checkUpsert),
/* harmony export */   PJ: () => (/* binding */ beginUpsert),
/* harmony export */   SK: () => (/* binding */ CONTEXT),
/* harmony export */   Tw: () => (/* binding */ profilesUsingSession),
/* harmony export */   dK: () => (/* binding */ blockText),
/* harmony export */   eD: () => (/* binding */ detectEol),
/* harmony export */   fs: () => (/* binding */ lastLineIsBlank),
/* harmony export */   il: () => (/* binding */ editOneByOne)
/* harmony export */ });
/* unused harmony export upsertSectionsOneByOne */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _ini_structure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4421);
/* harmony import */ var _config_render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7386);
/**
 * Byte-preserving edits of the AWS config file's text: the record of each edit (what undoing it needs), applying the
 * sections one after the other, and the check that an edit changes nothing else. Comments, blank lines, other
 * sections, nested `s3 =` blocks and the file's line endings stay as they are; a user's file is never re-serialised.
 * The planned edit ({@link upsertSections}) is in config-plan.ts, the undo in config-undo.ts; no file access here.
 */



/** How much text around a removed section its record keeps, to find the spot again. */
const CONTEXT = 64;
/** The line ending the text already uses (its first one), else `fallback`. */
function detectEol(text, fallback = '\n') {
    const nl = text.indexOf('\n');
    if (nl === -1)
        return fallback;
    return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}
function prepare(section) {
    const header = (0,_config_render_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeHeader */ .jZ)(section.header);
    const name = (0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .headerName */ .Bv)(header);
    if (name === undefined || header.includes('\n') || header.includes('\r'))
        throw new Error(`invalid section header ${JSON.stringify(section.header)}`);
    for (const line of section.body) {
        if (/[\r\n]/.test(line))
            throw new Error(`section ${header}: a body line contains a line break`);
    }
    return { header, key: (0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .sectionKey */ .FR)(name) };
}
/** The text of section block `b`. */
function blockText(text, b) {
    return text.slice(b.start, b.end);
}
/** The text's last line (its line ending aside) holds only whitespace. */
function lastLineIsBlank(text) {
    const withoutEol = text.endsWith('\n')
        ? text.slice(0, text.endsWith('\r\n') ? -2 : -1)
        : text;
    const lastNl = withoutEol.lastIndexOf('\n');
    return (0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .pyStrip */ .m0)(withoutEol.slice(lastNl + 1)) === '';
}
/** Option names whose value differs between the two sections, or that only one has; sorted. */
function changedKeys(before, after) {
    const keys = new Set([...before.keys(), ...after.keys()]);
    return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}
const SSO_SESSION_PREFIX = 'sso-session:';
/** Keys of the profile sections whose `sso_session` is `name`. */
function profilesUsingSession(text, name) {
    return (typeof text === 'string' ? (0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStructure */ .Vo)(text) : text).sections
        .filter((s) => s.key.startsWith('profile:') && s.options.get('sso_session') === name)
        .map((s) => s.key);
}
function othersView(structure, ours) {
    return structure.sections
        .filter((s) => !ours.has(s.key))
        .map((s) => [s.name, [...s.options]]);
}
/**
 * {@link upsertSections} the plain way: each section applied to the text the previous ones left, parsing it again
 * each time (quadratic in the number of sections). The reference the planned edit is tested against, and the way
 * for files with indented section headers.
 */
function upsertSectionsOneByOne(text, sections, opts = {}) {
    return editOneByOne(text, sections, beginUpsert(text, sections, opts));
}
/** What both ways of editing need, and the refusals that come before any edit. */
function beginUpsert(text, sections, opts) {
    const eol = detectEol(text, opts.defaultEol ?? '\n');
    const prepared = sections.map(prepare);
    const ours = new Set();
    for (const p of prepared) {
        if (ours.has(p.key))
            throw new Error(`section ${p.header} is listed twice`);
        ours.add(p.key);
    }
    // A section we would replace must not hide an indented header line (a continuation for botocore, a section of its
    // own for the JS SDK): replacing the block would delete what another reader sees as a separate section.
    const structure = (0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStructure */ .Vo)(text);
    for (const block of structure.sections.filter((b) => ours.has(b.key))) {
        for (let i = block.headerLine + 1; i <= block.lastLine; i++) {
            const name = structure.kinds[i] === 'continuation'
                ? (0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .headerName */ .Bv)((0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .pyStrip */ .m0)(structure.lines[i].content))
                : undefined;
            if (name !== undefined) {
                throw new Error(`refusing to edit the AWS config file: line ${i + 1} is an indented [${name}] that botocore reads as part of a value and other readers as a section (unusual indentation?)`);
            }
        }
    }
    const usedBefore = (key) => key.startsWith(SSO_SESSION_PREFIX)
        ? {
            usedBy: profilesUsingSession(structure, key.slice(SSO_SESSION_PREFIX.length))
        }
        : {};
    return { eol, prepared, ours, structure, usedBefore };
}
/** Each section applied to the text the previous ones left, then checked ({@link checkUpsert}). */
function editOneByOne(text, sections, { eol, prepared, ours, structure, usedBefore }) {
    const edits = [];
    let out = text;
    sections.forEach((section, group) => {
        const { header, key } = prepared[group];
        const written = [header, ...section.body].map((l) => l + eol).join('');
        const matches = (0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStructure */ .Vo)(out).sections.filter((s) => s.key === key);
        if (matches.length === 0) {
            let separator = '';
            let addedNewline = false;
            if (out !== '') {
                const blank = lastLineIsBlank(out);
                if (!out.endsWith('\n')) {
                    separator += eol;
                    addedNewline = true;
                }
                if (!blank)
                    separator += eol;
            }
            out = out + separator + written;
            edits.push({
                kind: 'added',
                group,
                header,
                key,
                written,
                separator,
                addedNewline,
                ...usedBefore(key)
            });
            return;
        }
        // Later duplicates first (so earlier offsets stay valid), then the first one is replaced.
        for (const dup of matches.slice(1).reverse()) {
            edits.push({
                kind: 'removed',
                group,
                header,
                key,
                original: blockText(out, dup),
                offset: dup.start,
                before: out.slice(Math.max(0, dup.start - CONTEXT), dup.start),
                after: out.slice(dup.end, dup.end + CONTEXT)
            });
            out = out.slice(0, dup.start) + out.slice(dup.end);
        }
        const first = matches[0];
        const original = blockText(out, first);
        const mine = (0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStructure */ .Vo)(written).sections[0];
        edits.push({
            kind: 'replaced',
            group,
            header,
            key,
            written,
            original,
            changedKeys: changedKeys(first.options, mine?.options ?? new Map())
        });
        out = out.slice(0, first.start) + written + out.slice(first.end);
    });
    checkUpsert(structure, out, edits, ours);
    return { text: out, edits };
}
/**
 * The safety net of {@link upsertSections}: the edit must not change how botocore reads anything else, and ours must
 * read back whole. Throws (with the reason) when it fails.
 */
function checkUpsert(inputStructure, out, edits, ours) {
    const outStructure = (0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStructure */ .Vo)(out);
    if (!(0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(othersView(inputStructure, ours), othersView(outStructure, ours))) {
        throw new Error('refusing to edit the AWS config file: the change would alter how other sections are read (unusual indentation?)');
    }
    // An indented `[profile x]` line after an option is a continuation for botocore, but a header for the JS SDK: if it
    // names one of our sections and lines follow it, the JS SDK would read them into ours. Leave such a file alone.
    const headerAt = (i) => (0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .headerName */ .Bv)((0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .pyStrip */ .m0)(outStructure.lines[i].content));
    for (const [i, kind] of outStructure.kinds.entries()) {
        if (kind !== 'continuation')
            continue;
        const name = headerAt(i);
        if (name === undefined || !ours.has((0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_2__/* .sectionKey */ .FR)(name)))
            continue;
        let j = i + 1;
        while (j < outStructure.lines.length &&
            outStructure.kinds[j] !== 'header' &&
            headerAt(j) === undefined &&
            (outStructure.kinds[j] === 'blank' || outStructure.kinds[j] === 'comment'))
            j++;
        const followed = j < outStructure.lines.length &&
            outStructure.kinds[j] !== 'header' &&
            headerAt(j) === undefined;
        if (followed) {
            throw new Error(`refusing to edit the AWS config file: line ${i + 1} is an indented [${name}] that botocore reads as part of a value and other readers as a section (unusual indentation?)`);
        }
    }
    const byKey = new Map();
    for (const s of outStructure.sections) {
        const list = byKey.get(s.key);
        if (list)
            list.push(s);
        else
            byKey.set(s.key, [s]);
    }
    for (const edit of edits) {
        if (edit.kind !== 'added' && edit.kind !== 'replaced')
            continue;
        const found = byKey.get(edit.key) ?? [];
        if (found.length !== 1 || blockText(out, found[0]) !== edit.written) {
            throw new Error(`refusing to edit the AWS config file: section ${edit.header} would not read back as written`);
        }
    }
}


/***/ }),

/***/ 9786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ mergeConfigFile),
  p: () => (/* binding */ revertConfigFile)
});

// EXTERNAL MODULE: ./src/aws-files/atomic.ts
var atomic = __webpack_require__(5262);
// EXTERNAL MODULE: ./src/aws-files/lock.ts
var lock = __webpack_require__(2576);
// EXTERNAL MODULE: ./src/aws-files/ini-structure.ts
var ini_structure = __webpack_require__(4421);
// EXTERNAL MODULE: ./src/aws-files/config-edit.ts
var config_edit = __webpack_require__(1306);
;// CONCATENATED MODULE: ./src/aws-files/config-plan.ts


/**
 * Replace each section (matched the way botocore matches: `[profile  x ]`, `[profile "x"]`, and `[default]`
 * for `default`) or append it after one blank line. Other bytes stay as they are; new lines use the file's
 * line ending. Returns the new text and the edits needed to undo it ({@link revertSections}).
 * Throws (changing nothing) if an edit would change how botocore reads any other section.
 *
 * The edits are the ones of applying the sections one after the other, each to the text the previous ones left.
 * For a file whose section headers all start their line (what every AWS tool writes) that is planned on one parse
 * of the file ({@link planUpsert}): thousands of sections cost one parse, not one each.
 */
function upsertSections(text, sections, opts = {}) {
    const start = (0,config_edit/* beginUpsert */.PJ)(text, sections, opts);
    if (headersStartLines(start.structure)) {
        const planned = planUpsert(text, sections, start);
        try {
            (0,config_edit/* checkUpsert */.Ky)(start.structure, planned.text, planned.edits, start.ours);
            return planned;
        }
        catch {
            // Not expected (the plan is exact for such files); the one-by-one edit decides, and says why it refuses.
        }
    }
    return (0,config_edit/* editOneByOne */.il)(text, sections, start);
}
/**
 * Every section header starts its line. A header line at column 0 is always a header (never a continuation), and
 * the parse after it does not depend on what came before: editing one section then cannot change how any other
 * section of the file parses, so all edits can be planned on the one parse of the file.
 */
function headersStartLines(structure) {
    return structure.sections.every((b) => structure.lines[b.headerLine].content.startsWith('['));
}
/**
 * The edits {@link upsertSections} makes one section after the other, planned on one parse of `text`: the file's
 * blocks with the replacements and removals so far (by block), plus what was appended. The text as it is at some
 * step is built only where an edit needs it (a removal records the text around it; the first append looks at how
 * the text ends), and once at the end.
 */
function planUpsert(text, sections, { eol, prepared, structure, usedBefore }) {
    let base = text;
    const blocks = structure.sections.map((b) => ({
        start: b.start,
        end: b.end,
        options: b.options
    }));
    const byKey = new Map();
    structure.sections.forEach((b, i) => {
        const list = byKey.get(b.key);
        if (list)
            list.push(i);
        else
            byKey.set(b.key, [i]);
    });
    /** Block index → what stands there now ('' once removed). */
    const patched = new Map();
    const appended = [];
    /** The text as it is now, and where block `track` starts in it. */
    const current = (track = -1) => {
        const parts = [];
        let pos = 0;
        let length = 0;
        let at = -1;
        blocks.forEach((b, i) => {
            if (i === track)
                at = length + (b.start - pos);
            const replacement = patched.get(i);
            if (replacement === undefined)
                return;
            parts.push(base.slice(pos, b.start), replacement);
            length += b.start - pos + replacement.length;
            pos = b.end;
        });
        parts.push(base.slice(pos), ...appended);
        return { text: parts.join(''), at };
    };
    const edits = [];
    sections.forEach((section, group) => {
        const { header, key } = prepared[group];
        const written = [header, ...section.body].map((l) => l + eol).join('');
        const matches = byKey.get(key) ?? [];
        if (matches.length === 0) {
            let separator = '';
            let addedNewline = false;
            if (appended.length > 0) {
                separator = eol; // what was appended ends with an option line and its line ending
            }
            else {
                const now = current().text;
                if (now !== '') {
                    const blank = (0,config_edit/* lastLineIsBlank */.fs)(now);
                    if (!now.endsWith('\n')) {
                        separator += eol;
                        addedNewline = true;
                        // That line ending now ends the file's last line, and with it the block that line belongs to.
                        const last = blocks.length - 1;
                        if (last >= 0 &&
                            blocks[last].end === base.length &&
                            !patched.has(last))
                            blocks[last].end += eol.length;
                        base += eol;
                    }
                    if (!blank)
                        separator += eol;
                }
            }
            appended.push(separator.slice(addedNewline ? eol.length : 0) + written);
            edits.push({
                kind: 'added',
                group,
                header,
                key,
                written,
                separator,
                addedNewline,
                ...usedBefore(key)
            });
            return;
        }
        for (const dup of matches.slice(1).reverse()) {
            const { text: now, at } = current(dup);
            const length = blocks[dup].end - blocks[dup].start;
            edits.push({
                kind: 'removed',
                group,
                header,
                key,
                original: base.slice(blocks[dup].start, blocks[dup].end),
                offset: at,
                before: now.slice(Math.max(0, at - config_edit/* CONTEXT */.SK), at),
                after: now.slice(at + length, at + length + config_edit/* CONTEXT */.SK)
            });
            patched.set(dup, '');
        }
        const first = blocks[matches[0]];
        const mine = (0,ini_structure/* parseStructure */.Vo)(written).sections[0];
        edits.push({
            kind: 'replaced',
            group,
            header,
            key,
            written,
            original: base.slice(first.start, first.end),
            changedKeys: (0,config_edit/* changedKeys */.F$)(first.options, mine?.options ?? new Map())
        });
        patched.set(matches[0], written);
    });
    return { text: current().text, edits };
}

;// CONCATENATED MODULE: ./src/aws-files/config-undo.ts
/**
 * Undoing config edits on the text: sections we added are removed, those we replaced or removed are put back, only
 * where ours still reads exactly as written; an `[sso-session]` section another job's profile still uses is kept.
 */


/** `written` is one section of identity `key`: its header at the start, no other line that starts with `[`. */
function isOneBlock(written, key) {
    const firstEol = written.indexOf('\n');
    const name = written.startsWith('[')
        ? (0,ini_structure/* headerName */.Bv)((0,ini_structure/* pyStrip */.m0)(written.slice(0, firstEol === -1 ? written.length : firstEol)))
        : undefined;
    return (name !== undefined && (0,ini_structure/* sectionKey */.FR)(name) === key && !written.includes('\n['));
}
function undoOne(text, edit) {
    if (edit.kind === 'created-file')
        return { text };
    // The common case, without parsing the file (a post step undoes thousands of sections newest first): a section we
    // added is still the file's last block exactly as written, our separator before it. Its header starts a line, so it
    // is a header whatever precedes it, and no other header follows it in what we wrote.
    if (edit.kind === 'added' &&
        text.endsWith(edit.separator + edit.written) &&
        isOneBlock(edit.written, edit.key)) {
        const at = text.length - edit.written.length;
        if (at === 0 || text[at - 1] === '\n')
            return { text: text.slice(0, at - edit.separator.length) };
    }
    if (edit.kind === 'removed') {
        const fits = (at) => at >= 0 &&
            at <= text.length &&
            text.slice(at - edit.before.length, at) === edit.before &&
            text.slice(at, at + edit.after.length) === edit.after;
        let at = fits(edit.offset) ? edit.offset : -1;
        if (at === -1) {
            const needle = edit.before + edit.after;
            const first = text.indexOf(needle);
            if (first !== -1 && text.indexOf(needle, first + 1) === -1)
                at = first + edit.before.length;
        }
        if (at === -1)
            return {
                conflict: 'cannot find where the duplicate section was: the text around it changed'
            };
        const pre = text.slice(0, at);
        const needsEol = pre !== '' && !pre.endsWith('\n');
        return {
            text: pre + (needsEol ? (0,config_edit/* detectEol */.eD)(text) : '') + edit.original + text.slice(at)
        };
    }
    const blocks = (0,ini_structure/* parseStructure */.Vo)(text).sections.filter((s) => s.key === edit.key && (0,config_edit/* blockText */.dK)(text, s) === edit.written);
    if (blocks.length === 0) {
        const present = (0,ini_structure/* parseStructure */.Vo)(text).sections.some((s) => s.key === edit.key);
        return {
            conflict: present
                ? `section ${edit.header} was changed since we wrote it`
                : `section ${edit.header} was removed since we wrote it`
        };
    }
    if (edit.kind === 'replaced') {
        const b = blocks[0];
        const rest = text.slice(b.end);
        const fix = rest !== '' && !edit.original.endsWith('\n')
            ? (0,config_edit/* detectEol */.eD)(edit.written)
            : '';
        return { text: text.slice(0, b.start) + edit.original + fix + rest };
    }
    // added
    const b = blocks[blocks.length - 1];
    const before = text.slice(0, b.start);
    const rest = text.slice(b.end);
    const blankPart = edit.separator.slice(edit.addedNewline ? (edit.separator.startsWith('\r\n') ? 2 : 1) : 0);
    if (rest === '' && before.endsWith(edit.separator)) {
        return { text: before.slice(0, before.length - edit.separator.length) };
    }
    // Something follows (or the text before changed): drop our blank line if it is still there, keep the rest.
    if (blankPart !== '' &&
        before.endsWith(blankPart) &&
        (0,config_edit/* lastLineIsBlank */.fs)(before) &&
        before.length > blankPart.length) {
        return { text: before.slice(0, before.length - blankPart.length) + rest };
    }
    return { text: before + rest };
}
function revertOnce(text, edits, keep) {
    let out = text;
    const conflicts = [];
    const skipGroups = new Set();
    const undone = new Set();
    for (const edit of [...edits].reverse()) {
        if (edit.kind === 'created-file' || keep.has(edit))
            continue;
        if (skipGroups.has(edit.group)) {
            conflicts.push({
                edit,
                reason: `not restored because section ${edit.header} was changed since we wrote it`
            });
            continue;
        }
        const r = undoOne(out, edit);
        if ('conflict' in r) {
            conflicts.push({ edit, reason: r.conflict });
            skipGroups.add(edit.group);
            continue;
        }
        out = r.text;
        undone.add(edit);
    }
    return { text: out, conflicts, reverted: undone.size, undone };
}
/** Added `[sso-session …]` sections that a profile which came after us still uses, in the text as reverted. */
function sectionsStillUsed(reverted, undone) {
    const kept = [];
    for (const edit of undone) {
        if (edit.kind !== 'added' || !edit.key.startsWith(config_edit/* SSO_SESSION_PREFIX */.Aj))
            continue;
        const name = edit.key.slice(config_edit/* SSO_SESSION_PREFIX */.Aj.length);
        const before = new Set(edit.usedBy ?? []);
        const users = (0,config_edit/* profilesUsingSession */.Tw)(reverted, name).filter((k) => !before.has(k));
        if (users.length === 0)
            continue;
        const names = users
            .map((k) => `[${k.replace(/^profile:/, 'profile ')}]`)
            .join(', ');
        kept.push({
            edit,
            usedBy: users,
            reason: `${edit.header} kept: ${names} still has sso_session = ${name} (another job's profile, or one changed since this run wrote it)`
        });
    }
    return kept;
}
/**
 * Undo `edits` (newest first): remove sections we added, restore those we replaced or removed, but only
 * where our section still reads exactly as we wrote it; anything changed since is left alone and reported.
 * An `[sso-session NAME]` section we added stays when a profile that was not there before us (another job's)
 * still has `sso_session = NAME`; it is reported in `kept`.
 * For any text T: `revertSectionsDetailed(upsertSections(T, S).text, edits).text === T`.
 */
function revertSectionsDetailed(text, edits) {
    const first = revertOnce(text, edits, new Set());
    const kept = sectionsStillUsed(first.text, first.undone);
    if (kept.length === 0)
        return {
            text: first.text,
            conflicts: first.conflicts,
            kept,
            reverted: first.reverted
        };
    const second = revertOnce(text, edits, new Set(kept.map((k) => k.edit)));
    // The line ending we added to end an unterminated last line stays in front of a kept section (a section follows it):
    // it becomes part of that section's separator, so that whoever removes the section later restores the text exactly.
    const terminator = edits.find((e) => e.kind === 'added' && e.addedNewline && second.undone.has(e));
    for (const k of kept) {
        if (!terminator || k.edit.addedNewline)
            continue;
        const nl = terminator.separator.startsWith('\r\n') ? '\r\n' : '\n';
        const block = (0,ini_structure/* parseStructure */.Vo)(second.text).sections.find((b) => b.key === k.edit.key && (0,config_edit/* blockText */.dK)(second.text, b) === k.edit.written);
        if (block &&
            second.text.slice(0, block.start).endsWith(nl + k.edit.separator)) {
            k.edit = {
                ...k.edit,
                separator: nl + k.edit.separator,
                addedNewline: true
            };
        }
    }
    return {
        text: second.text,
        conflicts: second.conflicts,
        kept,
        reverted: second.reverted
    };
}
/** {@link revertSectionsDetailed}, returning only the text. */
function revertSections(text, edits) {
    return revertSectionsDetailed(text, edits).text;
}

;// CONCATENATED MODULE: ./src/aws-files/config-file.ts
/**
 * The config file itself: lock it, read it, edit or undo its sections (config-plan.ts, config-undo.ts) and replace it
 * atomically.
 */




const platformEol = process.platform === 'win32' ? '\r\n' : '\n';
/**
 * Lock the config file, read it, upsert `sections`, and replace it atomically (0600 when we create it;
 * an existing file keeps its permission bits where tighter than 0600, a looser one is tightened).
 * Returns the edits to hand to {@link revertConfigFile}.
 */
async function mergeConfigFile(configFile, sections, opts = {}) {
    return (0,lock/* withLock */.k)(configFile, async () => {
        const current = await (0,atomic/* readIfExists */.OR)(configFile, { root: opts.root });
        const { text, edits } = upsertSections(current ?? '', sections, {
            defaultEol: opts.defaultEol ?? platformEol
        });
        const all = current === undefined
            ? [
                {
                    kind: 'created-file',
                    group: -1,
                    file: configFile
                },
                ...edits
            ]
            : edits;
        opts.onBeforeWrite?.(all);
        if (current === undefined || text !== current)
            await (0,atomic/* writeFileAtomic */.Zf)(configFile, text, {
                root: opts.root,
                mode: 0o600
            });
        return all;
    }, { timeoutMs: opts.lockTimeoutMs });
}
/** Lock the config file and undo `edits` (see {@link revertSectionsDetailed}); deletes a file we created if nothing else is left in it. */
async function revertConfigFile(configFile, edits, opts = {}) {
    return (0,lock/* withLock */.k)(configFile, async () => {
        const current = await (0,atomic/* readIfExists */.OR)(configFile, { root: opts.root });
        if (current === undefined) {
            const conflicts = edits
                .filter((e) => e.kind !== 'created-file')
                .map((edit) => ({ edit, reason: `${configFile} no longer exists` }));
            return { conflicts, kept: [], reverted: 0, deletedFile: false };
        }
        // Only this run's own record (its edits, from its post state) says what to undo: nothing read beside the config.
        const own = revertSectionsDetailed(current, edits);
        const created = edits.some((e) => e.kind === 'created-file');
        const result = {
            conflicts: own.conflicts,
            kept: own.kept,
            reverted: own.reverted
        };
        if (created && own.conflicts.length === 0 && own.text === '') {
            await (0,atomic/* removeIfExists */.GR)(configFile, { root: opts.root });
            return { ...result, deletedFile: true };
        }
        if (own.text !== current)
            await (0,atomic/* writeFileAtomic */.Zf)(configFile, own.text, {
                root: opts.root,
                mode: 0o600
            });
        return { ...result, deletedFile: false };
    }, { timeoutMs: opts.lockTimeoutMs });
}


/***/ }),

/***/ 7386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P_: () => (/* binding */ renderSsoSessionSection),
/* harmony export */   Rq: () => (/* binding */ renderProfileSection),
/* harmony export */   jZ: () => (/* binding */ normalizeHeader),
/* harmony export */   q0: () => (/* binding */ validateValue),
/* harmony export */   yS: () => (/* binding */ validateName),
/* harmony export */   z0: () => (/* binding */ renderAssumeRoleProfileSection)
/* harmony export */ });
/* unused harmony export sectionText */
/* harmony import */ var _ini_structure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4421);
/**
 * The sections we write to the AWS shared config file (`~/.aws/config`) as text: `[profile …]` and `[sso-session …]`
 * as `aws configure sso` writes them, and assume-role profiles; with the checks that every name and value reads back
 * as written in botocore and the JS SDK.
 */

const NAME_RE = /^[\w\-@+.%:/]+$/;
/** Refuse a profile / session name that botocore or the JS SDK would read back differently. */
function validateName(what, name) {
    // Both the JS SDK (`[\w-@+.%:/]+` after the prefix) and botocore (shlex) read such names back as-is.
    if (!NAME_RE.test(name))
        throw new Error(`invalid ${what} name ${JSON.stringify(name)}: use letters, digits and - _ @ + . % : /`);
}
/** Refuse a value that would not read back as one word (empty, spaces, line breaks, a leading comment character). */
function validateValue(key, value) {
    if (!/^\S+$/.test(value) || /^[#;]/.test(value)) {
        throw new Error(`invalid value for ${key}: ${JSON.stringify(value)} (must be non-empty, without spaces or line breaks)`);
    }
}
/** The section `aws configure sso` writes for a profile. */
function renderProfileSection(profile) {
    validateName('profile', profile.name);
    validateName('sso-session', profile.ssoSession);
    const body = [];
    const add = (k, v, optional = false) => {
        if (optional && (v === undefined || v === ''))
            return;
        validateValue(k, v ?? '');
        body.push(`${k} = ${v}`);
    };
    add('sso_session', profile.ssoSession);
    if (profile.legacy) {
        add('sso_start_url', profile.legacy.startUrl);
        add('sso_region', profile.legacy.ssoRegion);
    }
    add('sso_account_id', profile.accountId);
    add('sso_role_name', profile.roleName);
    add('region', profile.region, true);
    add('output', profile.output, true);
    return {
        header: profile.name === 'default' ? '[default]' : `[profile ${profile.name}]`,
        body
    };
}
/** `[profile NAME]` with role_arn + source_profile (+ role_session_name, duration_seconds, external_id): no session policy can be written here. */
function renderAssumeRoleProfileSection(profile) {
    validateName('profile', profile.name);
    validateName('profile', profile.sourceProfile);
    const body = [];
    const add = (k, v) => {
        if (v === undefined || v === '')
            return;
        validateValue(k, v);
        body.push(`${k} = ${v}`);
    };
    add('role_arn', profile.roleArn);
    add('source_profile', profile.sourceProfile);
    add('role_session_name', profile.roleSessionName);
    add('duration_seconds', String(profile.durationSeconds));
    add('external_id', profile.externalId);
    add('region', profile.region);
    add('output', profile.output);
    return {
        header: profile.name === 'default' ? '[default]' : `[profile ${profile.name}]`,
        body
    };
}
/** The `[sso-session NAME]` section `aws configure sso` writes. */
function renderSsoSessionSection(session) {
    validateName('sso-session', session.name);
    validateValue('sso_region', session.ssoRegion);
    validateValue('sso_start_url', session.startUrl);
    const body = [
        `sso_region = ${session.ssoRegion}`,
        `sso_start_url = ${session.startUrl}`
    ];
    if (session.registrationScopes.length > 0) {
        for (const s of session.registrationScopes)
            validateValue('sso_registration_scopes', s.replace(/,/g, ' '));
        body.push(`sso_registration_scopes = ${session.registrationScopes.join(',')}`);
    }
    return { header: `[sso-session ${session.name}]`, body };
}
/** The section as text with the given line ending (every line ended). */
function sectionText(section, eol = '\n') {
    return [normalizeHeader(section.header), ...section.body]
        .map((l) => l + eol)
        .join('');
}
/** `header` with its brackets, added when missing. */
function normalizeHeader(header) {
    const h = (0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_0__/* .pyStrip */ .m0)(header);
    return h.startsWith('[') ? h : `[${h}]`;
}


/***/ }),

/***/ 4408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hu: () => (/* binding */ unsealCredentialEdits),
/* harmony export */   Ln: () => (/* binding */ renderKeysProfileSection),
/* harmony export */   Rq: () => (/* binding */ renderProfileSection),
/* harmony export */   V6: () => (/* binding */ mergeCredentialsFile),
/* harmony export */   mF: () => (/* binding */ sealCredentialEdits),
/* harmony export */   nJ: () => (/* binding */ revertCredentialsFile),
/* harmony export */   yq: () => (/* binding */ renderCredentialsSection)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5262);
/* harmony import */ var _ini_structure_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4421);
/* harmony import */ var _config_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9786);
/* harmony import */ var _config_render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7386);
/**
 * Profiles that hold role credentials themselves, for when no SSO token may stay on the runner (sign-out-early) or
 * when the session must not be re-created without its session policy (a chained role narrowed by a policy):
 *
 * - the shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`) gets `[NAME]` with
 *   `aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`;
 * - the config file gets `[profile NAME]` with `region` / `output` only: no `sso_*` keys (botocore prefers SSO settings
 *   over keys and would then need a token that is gone) and no `role_arn` / `source_profile` / `credential_process`.
 *
 * Both files are edited by the same byte-preserving, locked, atomic machinery as the config (config-file.ts): every other
 * byte stays, the file is 0600, and the edits returned undo exactly what was written.
 */





/** The credentials file's `[NAME]` section (no `profile ` prefix there) holding the keys. */
function renderCredentialsSection(name, credentials) {
    (0,_config_render_js__WEBPACK_IMPORTED_MODULE_3__/* .validateName */ .yS)('profile', name);
    const body = [];
    for (const [key, value] of [
        ['aws_access_key_id', credentials.accessKeyId],
        ['aws_secret_access_key', credentials.secretAccessKey],
        ['aws_session_token', credentials.sessionToken]
    ]) {
        (0,_config_render_js__WEBPACK_IMPORTED_MODULE_3__/* .validateValue */ .q0)(key, value);
        body.push(`${key} = ${value}`);
    }
    return { header: `[${name}]`, body };
}
/** The config's `[profile NAME]` for a profile whose keys are in the credentials file: region and output only. */
function renderKeysProfileSection(profile) {
    return renderProfileSection(profile, []);
}
/** `[profile NAME]` (`[default]`) with `lines` first, then region and output when they are set; every value checked. */
function renderProfileSection(profile, lines) {
    (0,_config_render_js__WEBPACK_IMPORTED_MODULE_3__/* .validateName */ .yS)('profile', profile.name);
    const body = [...lines];
    for (const [key, value] of [
        ['region', profile.region],
        ['output', profile.output]
    ]) {
        if (value === undefined || value === '')
            continue;
        (0,_config_render_js__WEBPACK_IMPORTED_MODULE_3__/* .validateValue */ .q0)(key, value);
        body.push(`${key} = ${value}`);
    }
    return {
        header: profile.name === 'default' ? '[default]' : `[profile ${profile.name}]`,
        body
    };
}
/**
 * Lock the shared credentials file, upsert `sections` (from {@link renderCredentialsSection}) and replace it atomically
 * (0600); returns the edits for {@link revertCredentialsFile}. Same rules as mergeConfigFile: other sections, comments
 * and line endings stay byte for byte; a same-named section is replaced and restored on revert.
 */
function mergeCredentialsFile(credentialsFile, sections, opts = {}) {
    return (0,_config_file_js__WEBPACK_IMPORTED_MODULE_2__/* .mergeConfigFile */ .h)(credentialsFile, sections, opts);
}
/** Undo {@link mergeCredentialsFile}'s edits (only sections that still read exactly as written); deletes a file we created if it is empty again. */
function revertCredentialsFile(credentialsFile, edits, opts = {}) {
    return (0,_config_file_js__WEBPACK_IMPORTED_MODULE_2__/* .revertConfigFile */ .p)(credentialsFile, edits, opts);
}
const SEALED = 'sha256:';
/**
 * The edits with the text we wrote (which holds the role keys) replaced by its SHA-256, so that the record of what to
 * undo (the action's GITHUB_STATE) carries no credentials. {@link unsealCredentialEdits} finds the text again.
 */
function sealCredentialEdits(edits) {
    return edits.map((e) => e.kind === 'added' || e.kind === 'replaced'
        ? { ...e, written: sealed(e.written) }
        : e);
}
function sealed(text) {
    return text.startsWith(SEALED)
        ? text
        : `${SEALED}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex')}`;
}
/**
 * Sealed edits with their written text restored from the file: the section of the same identity whose exact text has
 * that hash. One that is not found (changed or removed since) keeps its seal, so the revert leaves it alone and says so.
 */
async function unsealCredentialEdits(credentialsFile, edits) {
    if (!edits.some((e) => (e.kind === 'added' || e.kind === 'replaced') &&
        e.written.startsWith(SEALED)))
        return edits;
    const text = (await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_1__/* .readIfExists */ .OR)(credentialsFile)) ?? '';
    const blocks = (0,_ini_structure_js__WEBPACK_IMPORTED_MODULE_4__/* .parseStructure */ .Vo)(text).sections.map((b) => ({
        key: b.key,
        text: text.slice(b.start, b.end)
    }));
    return edits.map((e) => {
        if ((e.kind !== 'added' && e.kind !== 'replaced') ||
            !e.written.startsWith(SEALED))
            return e;
        const found = blocks.find((b) => b.key === e.key && sealed(b.text) === e.written);
        return found ? { ...e, written: found.text } : e;
    });
}


/***/ }),

/***/ 4421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bv: () => (/* binding */ headerName),
/* harmony export */   FR: () => (/* binding */ sectionKey),
/* harmony export */   Vo: () => (/* binding */ parseStructure),
/* harmony export */   m0: () => (/* binding */ pyStrip)
/* harmony export */ });
/* unused harmony exports splitLines, shlexSplit, parseNested */
/**
 * A read-only model of an AWS shared config file as botocore sees it: Python's
 * `configparser.RawConfigParser` line rules (section headers, `=`/`:` options, indented continuation
 * lines, full-line `#`/`;` comments) plus botocore's `raw_config_parse` (nested `s3 =` blocks) and
 * `build_profile_map` (which header is which profile / sso-session).
 *
 * It records where every section sits in the text so that the config edit (config-edit.ts, config-plan.ts) can
 * replace whole sections while leaving every other byte alone. Nothing here writes.
 */
/** Python's `str.strip()` whitespace set (which, unlike JS `trim()`, does not include U+FEFF). */
const PY_WS = ' \t\n\r\v\f\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
function pyStrip(s) {
    let a = 0;
    let b = s.length;
    while (a < b && PY_WS.includes(s[a]))
        a++;
    while (b > a && PY_WS.includes(s[b - 1]))
        b--;
    return s.slice(a, b);
}
function pyRstrip(s) {
    let b = s.length;
    while (b > 0 && PY_WS.includes(s[b - 1]))
        b--;
    return s.slice(0, b);
}
/** Split text into lines, keeping exact offsets and line endings. A lone `\r` stays part of the content. */
function splitLines(text) {
    const lines = [];
    let pos = 0;
    while (pos < text.length) {
        const nl = text.indexOf('\n', pos);
        if (nl === -1) {
            lines.push({
                start: pos,
                contentEnd: text.length,
                end: text.length,
                content: text.slice(pos),
                eol: ''
            });
            break;
        }
        const crlf = nl > pos && text[nl - 1] === '\r';
        const contentEnd = crlf ? nl - 1 : nl;
        lines.push({
            start: pos,
            contentEnd,
            end: nl + 1,
            content: text.slice(pos, contentEnd),
            eol: crlf ? '\r\n' : '\n'
        });
        pos = nl + 1;
    }
    return lines;
}
/** POSIX `shlex.split` (no comments), as botocore uses on section names. Throws on an unclosed quote. */
function shlexSplit(s) {
    const out = [];
    let cur = '';
    let inWord = false;
    let i = 0;
    const ws = ' \t\r\n';
    while (i < s.length) {
        const c = s[i];
        if (ws.includes(c)) {
            if (inWord)
                out.push(cur);
            cur = '';
            inWord = false;
            i++;
        }
        else if (c === "'") {
            inWord = true;
            const close = s.indexOf("'", i + 1);
            if (close === -1)
                throw new Error('No closing quotation');
            cur += s.slice(i + 1, close);
            i = close + 1;
        }
        else if (c === '"') {
            inWord = true;
            i++;
            for (;;) {
                if (i >= s.length)
                    throw new Error('No closing quotation');
                const d = s[i];
                if (d === '"') {
                    i++;
                    break;
                }
                if (d === '\\' &&
                    i + 1 < s.length &&
                    (s[i + 1] === '"' || s[i + 1] === '\\')) {
                    cur += s[i + 1];
                    i += 2;
                    continue;
                }
                if (d === '\\' && i + 1 >= s.length)
                    throw new Error('No escaped character');
                cur += d;
                i++;
            }
        }
        else if (c === '\\') {
            inWord = true;
            if (i + 1 >= s.length)
                throw new Error('No escaped character');
            cur += s[i + 1];
            i += 2;
        }
        else {
            inWord = true;
            cur += c;
            i++;
        }
    }
    if (inWord)
        out.push(cur);
    return out;
}
/**
 * botocore's identity of a section (`build_profile_map`):
 * `profile:<name>` for `[profile <name>]` (any whitespace or shell quoting) and for `[default]`,
 * `sso-session:<name>`, `services:<name>`; `invalid:<raw>` for a prefixed name botocore ignores;
 * `section:<raw>` for anything else.
 */
function sectionKey(name) {
    for (const prefix of ['profile', 'sso-session', 'services']) {
        if (name.startsWith(prefix)) {
            let parts;
            try {
                parts = shlexSplit(name);
            }
            catch {
                return `invalid:${name}`;
            }
            return parts.length === 2 ? `${prefix}:${parts[1]}` : `invalid:${name}`;
        }
    }
    if (name === 'default')
        return 'profile:default';
    return `section:${name}`;
}
/** configparser's SECTCRE `\[(?P<header>.+)\]` applied with `match` to the stripped line. */
function headerName(stripped) {
    if (!stripped.startsWith('['))
        return undefined;
    const close = stripped.lastIndexOf(']');
    if (close < 2)
        return undefined;
    const name = stripped.slice(1, close);
    return name.includes('\n') ? undefined : name;
}
/** configparser's OPTCRE: `(?P<option>.*?)\s*(?P<vi>[=:])\s*(?P<value>.*)$`. */
function matchOption(value) {
    const i = value.search(/[=:]/);
    if (i === -1)
        return undefined;
    return {
        option: pyRstrip(value.slice(0, i)),
        value: pyStrip(value.slice(i + 1))
    };
}
/** Parse text the way botocore's configparser does, keeping positions. Never throws. */
function parseStructure(text) {
    const lines = splitLines(text);
    const kinds = [];
    const sections = [];
    const errors = [];
    let cur;
    let optname;
    let indentLevel = 0;
    const finish = () => {
        if (!cur)
            return;
        for (const [k, v] of cur.values)
            cur.block.options.set(k, v === null ? '' : pyRstrip(v.join('\n')));
    };
    lines.forEach((line, i) => {
        const stripped = pyStrip(line.content);
        if (stripped.startsWith('#') || stripped.startsWith(';')) {
            kinds.push('comment');
            return;
        }
        if (stripped === '') {
            kinds.push('blank');
            // empty_lines_in_values: a blank line joins the current multi-line value.
            if (cur && optname)
                cur.values.get(optname)?.push('');
            return;
        }
        const firstNonSpace = line.content.search(/\S/);
        const indent = firstNonSpace === -1 ? 0 : firstNonSpace;
        if (cur && optname && indent > indentLevel) {
            kinds.push('continuation');
            cur.values.get(optname)?.push(stripped);
            if (cur)
                cur.block.lastLine = i;
            return;
        }
        indentLevel = indent;
        const name = headerName(stripped);
        if (name !== undefined) {
            finish();
            const block = {
                name,
                key: sectionKey(name),
                headerLine: i,
                lastLine: i,
                start: line.start,
                end: line.end,
                options: new Map()
            };
            sections.push(block);
            cur = { block, values: new Map() };
            optname = undefined;
            kinds.push('header');
            return;
        }
        if (!cur) {
            kinds.push('error');
            errors.push(i);
            return;
        }
        cur.block.lastLine = i;
        const opt = matchOption(stripped);
        if (!opt) {
            kinds.push('error');
            errors.push(i);
            return;
        }
        kinds.push('option');
        optname = opt.option.toLowerCase();
        if (!optname) {
            errors.push(i);
            return;
        }
        cur.values.set(optname, [opt.value]);
    });
    finish();
    for (const s of sections)
        s.end = lines[s.lastLine].end;
    return { lines, kinds, sections, errors };
}
/** botocore's `_parse_nested` for a value that starts with a newline (`s3 =` followed by indented keys). */
function parseNested(value) {
    const out = {};
    for (const raw of value.split('\n')) {
        const line = pyStrip(raw);
        if (!line)
            continue;
        const eq = line.indexOf('=');
        if (eq === -1)
            return undefined;
        out[pyStrip(line.slice(0, eq))] = pyStrip(line.slice(eq + 1));
    }
    return out;
}


/***/ }),

/***/ 6116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oA: () => (/* binding */ jobFilePaths),
  H0: () => (/* binding */ removeJobFiles),
  cO: () => (/* binding */ writeJobFiles)
});

// UNUSED EXPORTS: writtenTargets

// EXTERNAL MODULE: ./src/aws-files/leftovers.ts
var aws_files_leftovers = __webpack_require__(423);
;// CONCATENATED MODULE: ./src/aws-files/artifacts.ts
/**
 * Write `artifacts` side by side (each file has its own lock), then keep them all or undo them all. `report` hears the
 * record (partial) before any write and each time an artifact's record grows; after a failed write it hears what is
 * left to undo, or undefined when nothing is. Throws the first failure in list order.
 */
async function writeArtifacts(base, artifacts, report) {
    for (const artifact of artifacts)
        await artifact.prepare?.();
    const record = (partial) => Object.assign({ ...base }, ...artifacts.map((a) => a.record()), partial ? { partial: true } : {}, { writerPid: process.pid });
    const progress = () => report?.(record(true));
    progress();
    const results = await Promise.allSettled(artifacts.map((a) => a.write(progress)));
    const failed = results.find((r) => r.status === 'rejected');
    if (!failed)
        return record(false);
    const left = await Promise.all(artifacts.map((a) => a.undo()));
    if (left.some(Boolean))
        progress();
    else
        report?.(undefined);
    throw failed.reason;
}

// EXTERNAL MODULE: ./src/aws-files/sso-cache-format.ts
var sso_cache_format = __webpack_require__(3671);
// EXTERNAL MODULE: ./src/aws-files/sso-cache.ts
var sso_cache = __webpack_require__(7215);
// EXTERNAL MODULE: ./src/aws-files/atomic.ts
var atomic = __webpack_require__(5262);
;// CONCATENATED MODULE: ./src/aws-files/cache-originals.ts
/**
 * A token cache file that held something else before this run overwrote it (a user's own `aws sso login` for the same
 * sso-session): recorded with what this run wrote, and put back byte for byte when the run's files are undone.
 */



/** Restore (when the record holds what was there before) or delete a cache file this run wrote, only if still ours. */
function undoCacheFile(entry) {
    return (0,sso_cache/* removeCacheFileIfOurs */.FH)(entry.file, entry.contentHash, entry.original);
}
const withOriginal = (entry) => entry?.original !== undefined ? { original: entry.original } : {};
/**
 * What a cache file holds before this run writes `entry` there, when it holds something else (its secrets masked
 * first); undefined when missing, unreadable, already this run's bytes, or another run's of this action: a token of
 * a client registration of this action (`ourClientIds`; the action never uses the AWS CLI's registration, so a
 * user's own `aws sso login` token has another client). That run's post signs its token out: nothing to put back.
 */
async function originalCacheText(entry, mask, ourClientIds) {
    let text;
    try {
        text = await (0,atomic/* readIfExists */.OR)(entry.file);
    }
    catch {
        return undefined; // a symlink or not UTF-8: the writer refuses or replaces it; nothing of a user's to put back
    }
    if (text === undefined || (0,sso_cache_format/* contentHash */.Ae)(text) === entry.contentHash)
        return undefined;
    try {
        const obj = JSON.parse(text);
        for (const key of ['accessToken', 'refreshToken', 'clientSecret'])
            if (typeof obj?.[key] === 'string' && obj[key])
                mask(obj[key]);
        if (typeof obj?.clientId === 'string' &&
            ourClientIds.includes(obj.clientId))
            return undefined;
    }
    catch {
        // not JSON: put back as it was all the same
    }
    return text;
}
/**
 * The client id in a registration cache file when this action wrote it (only ours record `clientName`, and with our
 * name); undefined otherwise (missing, unreadable, the AWS CLI's own).
 */
async function actionClientIn(file) {
    try {
        const text = await (0,atomic/* readIfExists */.OR)(file);
        if (text === undefined)
            return undefined;
        const obj = JSON.parse(text);
        return typeof obj.clientName === 'string' &&
            obj.clientName.startsWith(ACTION_CLIENT_NAME) &&
            typeof obj.clientId === 'string'
            ? obj.clientId
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** The start of every client name this action registers (core/client-name.ts CLIENT_NAME_BASE). */
const ACTION_CLIENT_NAME = 'identity-center-login';

;// CONCATENATED MODULE: ./src/aws-files/artifact-caches.ts



/** A cache file recorded (under `field`) before it is written, by the bytes it will hold. */
function cacheFile(field, planned, write, original) {
    let entry = planned;
    return {
        record: () => ({ [field]: entry }),
        prepare: async () => {
            const text = await original?.(planned);
            if (text !== undefined)
                planned.original = text;
        },
        write: async () => {
            entry = { ...(await write()), ...withOriginal(planned) };
        },
        // Tried for a write that failed too: guarded by the exact bytes, it can only remove what this run wrote.
        undo: async () => {
            await undoCacheFile(entry ?? planned).then(() => (entry = undefined), () => undefined);
            return entry !== undefined;
        }
    };
}
/** What was in the token cache files before this run, to put back; undefined when this run's token is from there. */
function originalOf(plan) {
    const keep = plan.keepOriginalTokenCache;
    return keep
        ? async (entry) => originalCacheText(entry, keep.mask, await ourClients(plan))
        : undefined;
}
const clientsOfPlan = new WeakMap();
/**
 * Clients of this action: this run's, and the one in the registration cache when this action registered it (another
 * job of ours that signed in on this runner a moment earlier); a token of either is not a user's to put back. Read once
 * per plan, for both token cache files.
 */
function ourClients(plan) {
    let ids = clientsOfPlan.get(plan);
    if (!ids) {
        ids = actionClientIn((0,sso_cache_format/* registrationCacheFile */.iw)(plan.paths.ssoCacheDir, plan.registrationKey)).then((id) => [
            ...(plan.keepOriginalTokenCache?.ourClientIds ?? []),
            ...(id ? [id] : [])
        ]);
        clientsOfPlan.set(plan, ids);
    }
    return ids;
}
const tokenCacheKind = {
    artifact: (plan) => {
        const { token, paths, ssoSession } = plan;
        if (!token)
            return undefined;
        const file = (0,sso_cache_format/* tokenCacheFile */.g6)(paths.ssoCacheDir, ssoSession);
        return cacheFile('tokenCache', { file, contentHash: (0,sso_cache_format/* contentHash */.Ae)((0,sso_cache_format/* tokenCacheJson */.AQ)(token)) }, () => (0,sso_cache/* writeTokenCache */.X$)(paths.ssoCacheDir, ssoSession, token), originalOf(plan));
    },
    paths: (place) => [(0,sso_cache_format/* tokenCacheFile */.g6)(place.paths.ssoCacheDir, place.ssoSession)],
    targets: (written) => [
        (0,sso_cache_format/* tokenCacheFile */.g6)(written.ssoCacheDir, written.sessionName),
        ...(written.tokenCache ? [written.tokenCache.file] : [])
    ],
    remove: async (written) => ({
        tokenCache: written.tokenCache
            ? await undoCacheFile(written.tokenCache)
            : 'missing'
    })
};
const registrationCacheKind = {
    artifact: ({ registration, paths, registrationKey }) => registration &&
        cacheFile('registrationCache', {
            file: (0,sso_cache_format/* registrationCacheFile */.iw)(paths.ssoCacheDir, registrationKey),
            contentHash: (0,sso_cache_format/* contentHash */.Ae)((0,sso_cache_format/* registrationCacheJson */.Q$)(registration))
        }, () => (0,sso_cache/* writeRegistrationCache */.bX)(paths.ssoCacheDir, registrationKey, registration)),
    paths: (place) => [
        (0,sso_cache_format/* registrationCacheFile */.iw)(place.paths.ssoCacheDir, place.registrationKey)
    ],
    targets: (written) => written.registrationCache ? [written.registrationCache.file] : [],
    remove: async (written) => ({
        registrationCache: written.registrationCache
            ? await (0,sso_cache/* removeRegistrationCacheIfOurs */.I4)(written.registrationCache.file, written.registrationCache.contentHash)
            : undefined
    })
};
const legacyTokenCacheKind = {
    artifact: (plan) => {
        const { token, paths, legacyStartUrl } = plan;
        if (!token || legacyStartUrl === undefined)
            return undefined;
        return cacheFile('legacyTokenCache', {
            file: (0,sso_cache_format/* legacyTokenCacheFile */.lS)(paths.ssoCacheDir, legacyStartUrl),
            contentHash: (0,sso_cache_format/* contentHash */.Ae)((0,sso_cache_format/* tokenCacheJson */.AQ)(token))
        }, () => (0,sso_cache/* writeLegacyTokenCache */.eh)(paths.ssoCacheDir, legacyStartUrl, token), originalOf(plan));
    },
    paths: ({ paths, legacyStartUrl }) => legacyStartUrl === undefined
        ? []
        : [(0,sso_cache_format/* legacyTokenCacheFile */.lS)(paths.ssoCacheDir, legacyStartUrl)],
    targets: (written) => written.legacyTokenCache ? [written.legacyTokenCache.file] : [],
    remove: async (written) => ({
        legacyTokenCache: written.legacyTokenCache
            ? await undoCacheFile(written.legacyTokenCache)
            : undefined
    })
};

// EXTERNAL MODULE: ./src/aws-files/config-file.ts + 2 modules
var config_file = __webpack_require__(9786);
// EXTERNAL MODULE: ./src/aws-files/credentials-file.ts
var credentials_file = __webpack_require__(4408);
;// CONCATENATED MODULE: ./src/aws-files/artifact-sections.ts


/** Sections merged into `file`, recorded (as `toRecord` says) just before the file is replaced, under its lock. */
function sections(file, specs, io, toRecord) {
    let recorded = [];
    let done;
    return {
        record: () => toRecord(recorded),
        write: async (changed) => {
            done = await io.merge(file, specs, {
                onBeforeWrite: (edits) => {
                    recorded = edits;
                    changed();
                }
            });
            recorded = done;
        },
        undo: async () => {
            if (!done)
                recorded = [];
            else
                await io.revert(file, done).then(() => (recorded = []), () => undefined);
            return recorded.length > 0;
        }
    };
}
const configFileKind = {
    artifact: (plan) => sections(plan.paths.configFile, plan.configSections, { merge: config_file/* mergeConfigFile */.h, revert: config_file/* revertConfigFile */.p }, (edits) => ({ configFile: plan.paths.configFile, configEdits: edits })),
    paths: (place) => [place.paths.configFile],
    targets: (written) => [written.configFile],
    remove: async (written) => {
        // Nothing written to the config (a step stopped before it got the lock): do not wait for a lock another job may hold.
        if (written.configEdits.length === 0)
            return { config: `nothing written to ${written.configFile} by this run` };
        const file = written.configFile;
        const reverted = await (0,config_file/* revertConfigFile */.p)(file, written.configEdits);
        return {
            config: revertedText(file, reverted) +
                (reverted.kept.length
                    ? `; ${reverted.kept.map((k) => k.reason).join('; ')} (it stays in the config: no secret in it)`
                    : '')
        };
    }
};
const credentialsFileKind = {
    artifact: ({ paths, credentialSections }) => credentialSections.length
        ? sections(paths.credentialsFile, credentialSections, { merge: credentials_file/* mergeCredentialsFile */.V6, revert: credentials_file/* revertCredentialsFile */.nJ }, (edits) => ({
            credentialsFile: paths.credentialsFile,
            credentialsEdits: (0,credentials_file/* sealCredentialEdits */.mF)(edits)
        }))
        : undefined,
    paths: (place) => place.credentialsFile ? [place.paths.credentialsFile] : [],
    targets: (written) => written.credentialsFile ? [written.credentialsFile] : [],
    remove: async ({ credentialsFile: file, credentialsEdits: edits = [] }) => {
        if (!file)
            return {};
        if (edits.length === 0)
            return { credentials: `nothing written to ${file} by this run` };
        const reverted = await (0,credentials_file/* revertCredentialsFile */.nJ)(file, await (0,credentials_file/* unsealCredentialEdits */.Hu)(file, edits));
        return { credentials: revertedText(file, reverted) };
    }
};
/** What a revert did to `file`, for the post step's log. */
function revertedText(file, reverted) {
    return ((reverted.deletedFile
        ? `${file} removed (this run created it)`
        : `${reverted.reverted} section(s) removed or restored in ${file}`) +
        (reverted.conflicts.length
            ? `; left alone because they changed since: ${reverted.conflicts.map((c) => c.reason).join('; ')}`
            : ''));
}

;// CONCATENATED MODULE: ./src/aws-files/job-files.ts
/**
 * Everything one job's login leaves in ~/.aws, written together and undone together: the config sections, the token
 * cache and the client registration cache (and with legacy-sso-profile, the token cache again under its legacy name),
 * and profiles holding role credentials themselves (the shared credentials file, see credentials-file.ts). Each kind of
 * file is one FileKind (artifacts.ts) in FILE_KINDS; what to write is a FilesPlan, built by the caller.
 */




/**
 * Every kind of file a job writes. The order is the order of the pre-flight paths, of the writes' start, of the first
 * failure reported, and of the post step's removal (the files holding secrets first, the config last).
 */
const FILE_KINDS = [
    tokenCacheKind,
    registrationCacheKind,
    legacyTokenCacheKind,
    credentialsFileKind,
    configFileKind
];
/** Write one job's files together, or none of them (the others undone when one fails). */
function writeJobFiles(plan, onProgress) {
    return writeArtifacts({ ssoCacheDir: plan.paths.ssoCacheDir, sessionName: plan.ssoSession }, FILE_KINDS.flatMap((kind) => kind.artifact(plan) ?? []), (written) => onProgress?.(written && {
        written,
        ...(plan.token ? { accessToken: plan.token.accessToken } : {})
    }));
}
/** The paths a job's files may take, for the pre-flight check. */
function jobFilePaths(place) {
    return FILE_KINDS.flatMap((kind) => kind.paths(place));
}
/** Every file a job's record says it writes (or may have started to write), for the leftovers next to them. */
function writtenTargets(written) {
    return FILE_KINDS.flatMap((kind) => kind.targets(written));
}
/** Undo exactly what writeJobFiles did; files another job replaced since are left alone. */
async function removeJobFiles(written) {
    // First what a writer killed mid-write left (temp files holding the token, its locks), so no lock of it is waited for.
    const leftovers = written.writerPid !== undefined
        ? (0,aws_files_leftovers/* removeLeftovers */.D)(writtenTargets(written), { pid: written.writerPid })
        : [];
    const report = {};
    for (const kind of FILE_KINDS)
        Object.assign(report, await kind.remove(written));
    return { ...report, leftovers };
}


/***/ }),

/***/ 423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ removeLeftovers)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2017);
/**
 * What a writer killed mid-write (SIGKILL: the runner's hard stop of a cancelled step) leaves next to the files it was
 * writing: its temp files (`.<name>.<pid>.<12 hex>.tmp`, see writeFileAtomic; they hold the access token, the refresh
 * token, the client secret) and its lock files (`<file>.lock`, `<file>.lock.break`, holding its pid and host).
 * The post step removes the ones of the writer its record names (`writerPid`); the next run's pre-flight removes the
 * ones whose writer is gone (a pid that no longer runs on this host, and a temp file older than a minute, so that a
 * writer on another host sharing the folder is never cut off mid-write).
 */




const O_NOFOLLOW = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0;
const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/;
function lockHolder(file) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | O_NOFOLLOW);
    }
    catch {
        return undefined;
    }
    try {
        const info = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(fd, 'utf8'));
        return typeof info?.pid === 'number' && typeof info.host === 'string'
            ? { pid: info.pid, host: info.host }
            : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * Remove the temp and lock files that `rule` names next to each of `targets` (the files a run writes). Returns the
 * paths removed. Never follows a symlink (unlink removes a link itself); never throws.
 */
function removeLeftovers(targets, rule) {
    const removed = [];
    const ours = (pid) => rule.pid !== undefined
        ? pid === rule.pid && pid !== process.pid
        : !(0,_util_process_js__WEBPACK_IMPORTED_MODULE_3__/* .isAlive */ ._)(pid);
    const unlink = (p) => {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)(p);
            removed.push(p);
        }
        catch {
            // gone already, or not ours to remove
        }
    };
    const byDir = new Map();
    for (const t of targets) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(t);
        const names = byDir.get(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(abs)) ?? new Set();
        names.add(node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(abs));
        byDir.set(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(abs), names);
    }
    for (const [dir, names] of byDir) {
        let entries;
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
        }
        catch {
            continue;
        }
        for (const entry of entries) {
            const m = TEMP.exec(entry);
            if (!m || !names.has(m[1]) || !ours(Number(m[2])))
                continue;
            const p = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, entry);
            if (rule.pid === undefined) {
                try {
                    if (Date.now() - (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(p).mtimeMs < (rule.minAgeMs ?? 60_000))
                        continue;
                }
                catch {
                    continue;
                }
            }
            unlink(p);
        }
        for (const name of names)
            for (const lock of [`${name}.lock`, `${name}.lock.break`]) {
                const p = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, lock);
                const holder = lockHolder(p);
                if (holder && holder.host === node_os__WEBPACK_IMPORTED_MODULE_1___default().hostname() && ours(holder.pid))
                    unlink(p);
            }
    }
    return removed;
}


/***/ }),

/***/ 2576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ withLock)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _util_time_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6043);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2017);
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5262);
/**
 * A simple cross-process lock file beside the file it guards (`<file>.lock`, created with O_EXCL), with stale locks
 * broken safely.
 */








async function readLock(lockFile) {
    let st;
    try {
        st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().lstat(lockFile);
    }
    catch (e) {
        if ((0,_atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .errCode */ .tm)(e) === 'ENOENT')
            return undefined;
        throw e;
    }
    if (st.isSymbolicLink())
        throw (0,_atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .symlinkError */ .OL)(lockFile);
    let info;
    try {
        const fh = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().open(lockFile, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | _atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .O_NOFOLLOW */ .N0);
        try {
            const parsed = JSON.parse(await fh.readFile('utf8'));
            if (typeof parsed?.pid === 'number' && typeof parsed.token === 'string')
                info = parsed;
        }
        finally {
            await fh.close();
        }
    }
    catch (e) {
        if ((0,_atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .errCode */ .tm)(e) === 'ENOENT')
            return undefined;
        // Half-written or foreign content: judge by age only.
    }
    return { info, mtimeMs: st.mtimeMs };
}
function isStale(lock, staleMs) {
    if (Date.now() - lock.mtimeMs > staleMs)
        return true;
    const info = lock.info;
    return (info !== undefined &&
        info.host === node_os__WEBPACK_IMPORTED_MODULE_3___default().hostname() &&
        info.pid !== process.pid &&
        !(0,_util_process_js__WEBPACK_IMPORTED_MODULE_6__/* .isAlive */ ._)(info.pid));
}
async function tryCreate(lockFile, content) {
    let fh;
    try {
        fh = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().open(lockFile, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_EXCL | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY | _atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .O_NOFOLLOW */ .N0, 0o600);
    }
    catch (e) {
        if ((0,_atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .errCode */ .tm)(e) === 'EEXIST')
            return false;
        throw e;
    }
    try {
        await fh.writeFile(content);
    }
    finally {
        await fh.close();
    }
    return true;
}
/**
 * Break a stale lock without ever deleting a fresh one: the check and the unlink happen while holding
 * `<lock>.break` (itself created with O_EXCL), and only if the lock still is the one we judged stale.
 */
async function breakStale(lockFile, seen, staleMs) {
    const breaker = `${lockFile}.break`;
    const me = JSON.stringify({
        pid: process.pid,
        host: node_os__WEBPACK_IMPORTED_MODULE_3___default().hostname(),
        time: new Date().toISOString(),
        token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex')
    });
    if (!(await tryCreate(breaker, me))) {
        // Someone else is breaking it; a breaker left by a crashed process is removed once it is old.
        const other = await readLock(breaker);
        if (other && isStale(other, Math.min(staleMs, 5000)))
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().rm(breaker, { force: true });
        return false;
    }
    try {
        const now = await readLock(lockFile);
        if (!now)
            return true;
        const same = seen.info && now.info
            ? now.info.token === seen.info.token
            : now.mtimeMs === seen.mtimeMs;
        if (same && isStale(now, staleMs))
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().rm(lockFile, { force: true });
        return true;
    }
    finally {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().rm(breaker, { force: true });
    }
}
/**
 * Run `fn` while holding `<file>.lock` (created with O_EXCL, holding pid, host, time and a random token).
 * Retries with a small backoff; breaks a lock older than `staleMs` or whose process is gone; always
 * releases (only its own lock) in `finally`. Throws after `timeoutMs`, naming the lock and its holder.
 */
async function withLock(file, fn, opts = {}) {
    const timeoutMs = opts.timeoutMs ?? 10_000;
    const staleMs = opts.staleMs ?? 30_000;
    const lockFile = `${node_path__WEBPACK_IMPORTED_MODULE_4___default().resolve(file)}.lock`;
    await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .ensureDir */ .A0)(node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(lockFile), { root: (0,_atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .defaultRoot */ .cc)(lockFile) });
    const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12).toString('hex');
    const deadline = Date.now() + timeoutMs;
    let delay = 5;
    for (;;) {
        const content = JSON.stringify({
            pid: process.pid,
            host: node_os__WEBPACK_IMPORTED_MODULE_3___default().hostname(),
            time: new Date().toISOString(),
            token
        });
        if (await tryCreate(lockFile, content))
            break;
        const current = await readLock(lockFile);
        if (current &&
            isStale(current, staleMs) &&
            (await breakStale(lockFile, current, staleMs)))
            continue;
        if (Date.now() >= deadline) {
            const who = current?.info
                ? ` (held by pid ${current.info.pid} on ${current.info.host} since ${current.info.time})`
                : '';
            throw new Error(`timed out after ${timeoutMs} ms waiting for lock ${lockFile}${who}`);
        }
        await (0,_util_time_js__WEBPACK_IMPORTED_MODULE_7__/* .sleep */ .y)(delay + Math.floor(Math.random() * delay));
        delay = Math.min(delay * 2, 100);
    }
    try {
        return await fn();
    }
    finally {
        const now = await readLock(lockFile).catch(() => undefined);
        if (now?.info?.token === token)
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().rm(lockFile, { force: true });
    }
}


/***/ }),

/***/ 3671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $C: () => (/* binding */ parseCacheTime),
/* harmony export */   AQ: () => (/* binding */ tokenCacheJson),
/* harmony export */   Ae: () => (/* binding */ contentHash),
/* harmony export */   Q$: () => (/* binding */ registrationCacheJson),
/* harmony export */   g6: () => (/* binding */ tokenCacheFile),
/* harmony export */   iw: () => (/* binding */ registrationCacheFile),
/* harmony export */   lS: () => (/* binding */ legacyTokenCacheFile)
/* harmony export */ });
/* unused harmony exports pythonJsonDumps, sha1Hex, formatCacheTime, registrationCacheKeyJson */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The names and contents of the IAM Identity Center caches in `~/.aws/sso/cache`, byte for byte as the AWS CLI v2
 * writes them (Python `json.dumps` with its default separators, timestamps `2026-01-01T12:00:00Z`), so the CLI,
 * botocore and the JS SDK all read and refresh them. sso-cache.ts reads, writes and removes the files.
 *
 * - token: `sha1(<sso-session name>).json`
 * - token for a profile without an sso-session (SDKs that predate it): `sha1(<start URL>).json`, same contents
 * - client registration: `sha1(json.dumps({"region", "scopes", "session_name", "startUrl", "tool": "botocore"}, sort_keys=True)).json`
 */


function pyString(s) {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        const ch = s[i];
        if (ch === '"')
            out += '\\"';
        else if (ch === '\\')
            out += '\\\\';
        else if (ch === '\n')
            out += '\\n';
        else if (ch === '\r')
            out += '\\r';
        else if (ch === '\t')
            out += '\\t';
        else if (ch === '\b')
            out += '\\b';
        else if (ch === '\f')
            out += '\\f';
        // ensure_ascii: everything outside printable ASCII as \uXXXX (UTF-16 units, so astral chars become surrogate pairs)
        else if (c < 0x20 || c > 0x7e)
            out += '\\u' + c.toString(16).padStart(4, '0');
        else
            out += ch;
    }
    return out + '"';
}
function codePointCompare(a, b) {
    const A = Array.from(a);
    const B = Array.from(b);
    for (let i = 0; i < Math.min(A.length, B.length); i++) {
        const d = (A[i].codePointAt(0) ?? 0) - (B[i].codePointAt(0) ?? 0);
        if (d !== 0)
            return d;
    }
    return A.length - B.length;
}
/**
 * Python's `json.dumps(value, sort_keys=…)` with default settings: separators `", "` and `": "`,
 * `ensure_ascii=True`. Keys whose value is `undefined` are skipped. Numbers must be integers.
 */
function pythonJsonDumps(value, opts = {}) {
    if (value === null || value === undefined)
        return 'null';
    if (value === true)
        return 'true';
    if (value === false)
        return 'false';
    if (typeof value === 'number') {
        if (!Number.isSafeInteger(value))
            throw new Error(`pythonJsonDumps: only integers are supported, got ${value}`);
        return String(value);
    }
    if (typeof value === 'string')
        return pyString(value);
    if (Array.isArray(value))
        return '[' + value.map((v) => pythonJsonDumps(v, opts)).join(', ') + ']';
    let keys = Object.keys(value).filter((k) => value[k] !== undefined);
    if (opts.sortKeys)
        keys = keys.sort(codePointCompare);
    return ('{' +
        keys
            .map((k) => `${pyString(k)}: ${pythonJsonDumps(value[k], opts)}`)
            .join(', ') +
        '}');
}
function sha1Hex(s) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(s, 'utf8').digest('hex');
}
/** The content hash recorded for a cache file we wrote, and compared before removing it. */
function contentHash(s) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(s, 'utf8').digest('hex');
}
/** `2026-01-01T12:00:00Z`: UTC, seconds precision (truncated, like Python's strftime). */
function formatCacheTime(date) {
    if (Number.isNaN(date.getTime()))
        throw new Error('formatCacheTime: invalid date');
    const iso = date.toISOString();
    if (!/^\d{4}-/.test(iso))
        throw new Error(`formatCacheTime: year out of range: ${iso}`);
    return iso.replace(/\.\d{3}Z$/, 'Z');
}
/**
 * Parse a cache timestamp: `2026-01-01T12:00:00Z` (CLI), `2026-01-01T12:00:00.000Z` (JS SDK) or with a
 * numeric offset. A zone is required (botocore compares it with an aware "now").
 */
function parseCacheTime(value) {
    if (typeof value !== 'string')
        return undefined;
    const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2}|UTC)$/i.exec(value.trim());
    if (!m)
        return undefined;
    const zone = m[8].toUpperCase();
    const norm = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ? m[7].slice(0, 4) : ''}${zone === 'Z' || zone === 'UTC' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
    const d = new Date(norm);
    return Number.isNaN(d.getTime()) ? undefined : d;
}
/** Token cache file name: `sha1(sessionName).json`. */
function tokenCacheFile(cacheDir, sessionName) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cacheDir, `${sha1Hex(sessionName)}.json`);
}
/** The legacy token cache file name, `sha1(startUrl).json`: what SDKs without sso-session read (never refreshed). */
function legacyTokenCacheFile(cacheDir, startUrl) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cacheDir, `${sha1Hex(startUrl)}.json`);
}
/** The exact string the CLI hashes for the client registration cache name. */
function registrationCacheKeyJson(key) {
    return pythonJsonDumps({
        region: key.region,
        scopes: key.scopes ?? null,
        session_name: key.sessionName ?? null,
        startUrl: key.startUrl,
        tool: 'botocore'
    }, { sortKeys: true });
}
/** Client registration cache file: `sha1(json.dumps({...}, sort_keys=True)).json`. */
function registrationCacheFile(cacheDir, key) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cacheDir, `${sha1Hex(registrationCacheKeyJson(key))}.json`);
}
/** The token file's text exactly as the CLI writes it (key order and all). */
function tokenCacheJson(token) {
    return pythonJsonDumps({
        startUrl: token.startUrl,
        region: token.region,
        accessToken: token.accessToken,
        expiresAt: formatCacheTime(token.expiresAt),
        clientId: token.clientId || undefined,
        clientSecret: token.clientSecret || undefined,
        registrationExpiresAt: token.registrationExpiresAt
            ? formatCacheTime(token.registrationExpiresAt)
            : undefined,
        refreshToken: token.refreshToken || undefined
    });
}
function registrationCacheJson(reg) {
    return pythonJsonDumps({
        clientId: reg.clientId,
        clientSecret: reg.clientSecret,
        expiresAt: formatCacheTime(reg.expiresAt),
        scopes: reg.scopes && reg.scopes.length > 0 ? reg.scopes : undefined,
        clientName: reg.clientName || undefined
    });
}


/***/ }),

/***/ 7215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FH: () => (/* binding */ removeCacheFileIfOurs),
/* harmony export */   Hd: () => (/* binding */ updateTokenCache),
/* harmony export */   I4: () => (/* binding */ removeRegistrationCacheIfOurs),
/* harmony export */   ID: () => (/* binding */ readTokenCache),
/* harmony export */   X$: () => (/* binding */ writeTokenCache),
/* harmony export */   _l: () => (/* binding */ readRegistrationCache),
/* harmony export */   bX: () => (/* binding */ writeRegistrationCache),
/* harmony export */   eh: () => (/* binding */ writeLegacyTokenCache)
/* harmony export */ });
/* unused harmony export removeTokenCacheIfOurs */
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5262);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2576);
/* harmony import */ var _sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3671);
/**
 * Reading, writing and removing the IAM Identity Center cache files in `~/.aws/sso/cache` (their names and contents
 * are in sso-cache-format.ts): written atomically under a lock, 0600 in a 0700 folder; removed only while they still
 * hold what this run wrote.
 */



async function writeCacheFile(cacheDir, file, content) {
    await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_0__/* .ensureDir */ .A0)(cacheDir, { tighten: true });
    await (0,_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .withLock */ .k)(file, () => (0,_atomic_js__WEBPACK_IMPORTED_MODULE_0__/* .writeFileAtomic */ .Zf)(file, content, { mode: 0o600 }));
    return { file, contentHash: (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .contentHash */ .Ae)(content) };
}
/** Write the token cache for an sso-session (atomic, locked, 0600, folder 0700). */
async function writeTokenCache(cacheDir, sessionName, token) {
    return writeCacheFile(cacheDir, (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenCacheFile */ .g6)(cacheDir, sessionName), (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenCacheJson */ .AQ)(token));
}
/** Write the token a second time under the legacy name, sha1(start URL) (atomic, locked, 0600, folder 0700). */
async function writeLegacyTokenCache(cacheDir, startUrl, token) {
    return writeCacheFile(cacheDir, (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .legacyTokenCacheFile */ .lS)(cacheDir, startUrl), (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenCacheJson */ .AQ)(token));
}
/**
 * Read-modify-write of an sso-session's token cache, under the same lock as writeTokenCache: `update` sees the file as it
 * is now (undefined: missing or unusable) and says what to write, if anything, and what to return. Two jobs refreshing
 * one session then never both start from the same stale entry.
 */
async function updateTokenCache(cacheDir, sessionName, update) {
    await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_0__/* .ensureDir */ .A0)(cacheDir, { tighten: true });
    const file = (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenCacheFile */ .g6)(cacheDir, sessionName);
    return (0,_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .withLock */ .k)(file, async () => {
        const { value } = await readTokenCache(cacheDir, sessionName);
        const { result, write } = await update(value);
        if (write)
            await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_0__/* .writeFileAtomic */ .Zf)(file, (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenCacheJson */ .AQ)(write), { mode: 0o600 });
        return result;
    });
}
async function readJsonObject(file) {
    let text;
    try {
        text = await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_0__/* .readIfExists */ .OR)(file);
    }
    catch (e) {
        return { reason: e.message };
    }
    if (text === undefined)
        return { reason: 'missing' };
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (e) {
        return { reason: `not valid JSON: ${e.message}` };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        return { reason: 'not a JSON object' };
    return { obj: parsed };
}
const optString = (v) => typeof v === 'string' ? v : undefined;
/** Read an sso-session's cached token; undefined with a reason if missing, corrupt or unusable. */
async function readTokenCache(cacheDir, sessionName) {
    const file = (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenCacheFile */ .g6)(cacheDir, sessionName);
    const { obj, reason } = await readJsonObject(file);
    if (!obj)
        return { file, value: undefined, reason };
    if (typeof obj.accessToken !== 'string' || obj.accessToken === '')
        return { file, value: undefined, reason: 'no accessToken' };
    const expiresAt = (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCacheTime */ .$C)(obj.expiresAt);
    if (!expiresAt)
        return {
            file,
            value: undefined,
            reason: `expiresAt is not a timestamp with a zone: ${JSON.stringify(obj.expiresAt)}`
        };
    return {
        file,
        value: {
            startUrl: optString(obj.startUrl),
            region: optString(obj.region),
            accessToken: obj.accessToken,
            expiresAt,
            clientId: optString(obj.clientId),
            clientSecret: optString(obj.clientSecret),
            registrationExpiresAt: (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCacheTime */ .$C)(obj.registrationExpiresAt),
            refreshToken: optString(obj.refreshToken),
            raw: obj
        }
    };
}
/** Write the device-flow client registration cache (atomic, locked, 0600). */
async function writeRegistrationCache(cacheDir, key, reg) {
    return writeCacheFile(cacheDir, (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .registrationCacheFile */ .iw)(cacheDir, key), (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .registrationCacheJson */ .Q$)(reg));
}
/** Read a client registration; undefined with a reason if missing, corrupt or incomplete. */
async function readRegistrationCache(cacheDir, key) {
    const file = (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .registrationCacheFile */ .iw)(cacheDir, key);
    const { obj, reason } = await readJsonObject(file);
    if (!obj)
        return { file, value: undefined, reason };
    const expiresAt = (0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCacheTime */ .$C)(obj.expiresAt);
    if (typeof obj.clientId !== 'string' || typeof obj.clientSecret !== 'string')
        return { file, value: undefined, reason: 'no clientId/clientSecret' };
    if (!expiresAt)
        return {
            file,
            value: undefined,
            reason: `expiresAt is not a timestamp with a zone: ${JSON.stringify(obj.expiresAt)}`
        };
    const scopes = Array.isArray(obj.scopes) && obj.scopes.every((s) => typeof s === 'string')
        ? obj.scopes
        : undefined;
    const clientName = typeof obj.clientName === 'string' ? obj.clientName : undefined;
    return {
        file,
        value: {
            clientId: obj.clientId,
            clientSecret: obj.clientSecret,
            expiresAt,
            scopes,
            ...(clientName !== undefined ? { clientName } : {}),
            raw: obj
        }
    };
}
/**
 * Delete `file` (under its lock) only if it still holds exactly the bytes whose sha256 is `expectedHash`; with
 * `original`, put those bytes back instead (what the file held before this run overwrote it).
 */
async function removeCacheFileIfOurs(file, expectedHash, original) {
    if ((await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_0__/* .readIfExists */ .OR)(file)) === undefined)
        return 'missing';
    return (0,_lock_js__WEBPACK_IMPORTED_MODULE_1__/* .withLock */ .k)(file, async () => {
        const text = await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_0__/* .readIfExists */ .OR)(file);
        if (text === undefined)
            return 'missing';
        if ((0,_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .contentHash */ .Ae)(text) !== expectedHash)
            return 'replaced-by-someone-else';
        if (original === undefined) {
            await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_0__/* .removeIfExists */ .GR)(file);
            return 'deleted';
        }
        await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_0__/* .writeFileAtomic */ .Zf)(file, original, { mode: 0o600 });
        return 'restored to what it held before this run';
    });
}
/** Delete the sso-session's token file if it still is the one this run wrote (`contentHash` from {@link writeTokenCache}). */
async function removeTokenCacheIfOurs(cacheDir, sessionName, contentHash) {
    return removeCacheFileIfOurs(tokenCacheFile(cacheDir, sessionName), contentHash);
}
/** Delete a client registration file (path from {@link writeRegistrationCache}) if it still holds what this run wrote. */
async function removeRegistrationCacheIfOurs(file, contentHash) {
    return removeCacheFileIfOurs(file, contentHash);
}


/***/ }),

/***/ 1860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DI: () => (/* binding */ approvalRecord),
/* harmony export */   PF: () => (/* binding */ approvalRecordJson),
/* harmony export */   VV: () => (/* binding */ modeOf),
/* harmony export */   Ye: () => (/* binding */ writeApprovalRecord),
/* harmony export */   pV: () => (/* binding */ githubRun)
/* harmony export */ });
/* unused harmony exports APPROVAL_RECORD_VERSION, WHAT_STAYS */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5262);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9997);
/**
 * The approval record: who approved what, what AWS verified, and in which run, as one JSON value with a
 * versioned, stable schema (docs/approval-record.md). The same on every edge: the action's `approval-record` output
 * and job summary, the CLI's `--approval-record FILE`. It holds no secret: the builder copies named, non-secret
 * fields only (its input types have no place for a token, a key or a code), and nothing else reaches the JSON.
 */




const APPROVAL_RECORD_VERSION = 1;
/** What stays on the runner after an approval, per sign-in mode: one sentence for the record. */
const WHAT_STAYS = Object.freeze({
    'until-job-end': "The runner holds the approver's Identity Center sign-in until the job ends; the post step signs it out.",
    'until-expiry': "The approver's Identity Center sign-in stays in the machine's token cache until it expires or aws sso logout ends it.",
    'sign-out-early': 'The Identity Center sign-in was signed out once the role credentials were fetched; only those role credentials stay, until they expire.',
    kept: "The approver's Identity Center sign-in stays on the runner after the job (keep-session), until it expires.",
    shared: "The approver's Identity Center sign-in is shared with the later jobs of this run that hold its session-key, until end-session signs it out or it expires.",
    'from-shared': 'This job used a sign-in shared by an earlier job of this run; it stays until end-session signs it out or it expires.',
    served: 'A credential server on the runner holds the Identity Center sign-in in its memory (nothing on disk) and serves only the listed roles until the job ends, at the latest until the Identity Center session ends; the post step stops it.',
    'served-shared': 'A credential server on the runner holds the sign-in shared by an earlier job of this run in its memory and serves only the listed roles until the job ends, at the latest until that sign-in expires; it stops without signing out.'
});
function modeOf(kind) {
    return { kind, whatStays: WHAT_STAYS[kind] };
}
const iso = (d) => {
    if (!(d instanceof Date) || Number.isNaN(d.getTime()))
        throw new TypeError('approval record: a time is not a valid Date');
    return d.toISOString();
};
const str = (v) => String(v ?? '');
const orNull = (v) => v === undefined || v === null || v === '' ? null : String(v);
/**
 * The record from plain values. Only the fields named here are copied, whatever else the objects carry, so the key
 * order is fixed and nothing unlisted (a token, a key) can reach it.
 */
function approvalRecord(input) {
    const { asked, run } = input;
    const attempt = Number(run.runAttempt);
    return {
        version: APPROVAL_RECORD_VERSION,
        recordedAt: iso(input.now),
        approvers: input.approvers.map((a) => ({
            name: str(a.name),
            approvedAt: iso(a.approvedAt)
        })),
        asked: {
            startUrl: str(asked.startUrl),
            accountId: str(asked.accountId),
            roleName: str(asked.roleName),
            chainedRoleArn: orNull(asked.chainedRoleArn),
            profiles: asked.profiles.map((p) => ({
                name: str(p.name),
                accountId: str(p.accountId),
                roleName: str(p.roleName)
            }))
        },
        verified: input.verified.map((v) => ({
            profile: str(v.profile),
            arn: str(v.arn),
            account: str(v.account)
        })),
        sourceIdentity: orNull(input.sourceIdentity),
        credentialsExpireAt: iso(input.credentialsExpireAt),
        mode: { kind: input.mode.kind, whatStays: str(input.mode.whatStays) },
        run: {
            repository: orNull(run.repository),
            runId: orNull(run.runId),
            runAttempt: run.runAttempt === undefined || !Number.isSafeInteger(attempt)
                ? null
                : attempt,
            workflow: orNull(run.workflow),
            job: orNull(run.job),
            actor: orNull(run.actor),
            triggeringActor: orNull(run.triggeringActor),
            sha: orNull(run.sha),
            ref: orNull(run.ref),
            runUrl: orNull(run.runUrl)
        }
    };
}
/** The run block from a GitHub Actions runner's variables (none of them secret). */
function githubRun(env) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
    const attempt = env.GITHUB_RUN_ATTEMPT;
    return {
        repository,
        runId,
        runAttempt: attempt && /^\d+$/.test(attempt) ? Number(attempt) : undefined,
        workflow: env.GITHUB_WORKFLOW,
        job: env.GITHUB_JOB,
        actor: env.GITHUB_ACTOR,
        triggeringActor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR,
        sha: env.GITHUB_SHA,
        ref: env.GITHUB_REF,
        runUrl: repository && runId
            ? `${server}/${repository}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ''}`
            : undefined
    };
}
const UNSAFE = new RegExp(_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .CONTROL_SOURCE */ .Y, 'g');
/**
 * The record as JSON text (2-space indented, one trailing newline). Characters that could hide or disguise part of a
 * value (bidi overrides, zero-width and other invisible characters, line separators) are written as \u escapes, which
 * JSON reads back as the same string: what a reader sees is what a parser gets.
 */
function approvalRecordJson(record) {
    return `${JSON.stringify(record, null, 2).replace(UNSAFE, (c) => c === '\n' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
/**
 * The CLI's `--approval-record FILE`: written atomically (temp file, fsync, rename), mode 0600, refusing a symlink at
 * the file; the folder must exist (its own path is resolved once, so a symlinked /tmp works).
 */
async function writeApprovalRecord(file, record) {
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(file))).catch((error) => {
        throw new Error(`cannot write the approval record ${file}: its folder ${error.code === 'ENOENT' ? 'does not exist' : `cannot be used (${error.code ?? error.message})`}`);
    });
    await (0,_aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(file)), approvalRecordJson(record), { root: dir, mode: 0o600 });
}


/***/ }),

/***/ 2421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X6: () => (/* binding */ approverRejection),
/* harmony export */   _2: () => (/* binding */ runActors),
/* harmony export */   tL: () => (/* binding */ globToRegExp),
/* harmony export */   uY: () => (/* binding */ checkSelfApprovalActors)
/* harmony export */ });
/* harmony import */ var _inputs_rules_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8190);
/** Who may approve: the Identity Center user name from the verified ARN, checked against the request's policy. */

function globToRegExp(glob) {
    const body = glob
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${body}$`, 'i');
}
/** The part of an e-mail user name before `@`, lower-cased; a plain user name as is. */
function localPart(name) {
    return name.toLowerCase().split('@')[0];
}
/** The GitHub users a run acts for: the triggering actor of a re-run and the actor of the original run (distinct, non-empty). */
function runActors(env) {
    return distinctActors([env.GITHUB_TRIGGERING_ACTOR, env.GITHUB_ACTOR]);
}
function distinctActors(names) {
    const out = [];
    for (const raw of names) {
        const name = raw?.trim();
        if (name && !out.some((n) => n.toLowerCase() === name.toLowerCase()))
            out.push(name);
    }
    return out;
}
function policyActors(policy) {
    return distinctActors([policy.actor, ...(policy.actors ?? [])]);
}
/**
 * Bad input, before any network call: forbid-self-approval is true but no user is known to compare the approver with
 * (e.g. the CLI outside a CI that names its user, without --actor). Without this the check could never refuse anyone.
 */
function checkSelfApprovalActors(policy, hint = '') {
    if (policy.forbidSelfApproval &&
        policyActors({ allowedApprovers: [], ...policy }).length === 0) {
        throw new _inputs_rules_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('forbid-self-approval', `is true but no user who triggered this run is known to compare the approver with${hint}`);
    }
}
/** Why this approver is not enough, or undefined when the approval stands. */
function approverRejection(approvedBy, policy) {
    if (!approvedBy)
        return policy.allowedApprovers.length || policy.forbidSelfApproval
            ? 'the approver could not be identified from the role session'
            : undefined;
    if (policy.allowedApprovers.length &&
        !policy.allowedApprovers.some((g) => globToRegExp(g).test(approvedBy))) {
        return `"${approvedBy}" is not in allowed-approvers (${policy.allowedApprovers.join(', ')})`;
    }
    if (policy.forbidSelfApproval) {
        const actors = policyActors(policy);
        // Fail closed: a caller that skipped checkSelfApprovalActors must not turn the check into a no-op.
        if (actors.length === 0)
            return 'forbid-self-approval is true but no user who triggered this run is known to compare the approver with';
        for (const actor of actors) {
            const a = actor.toLowerCase();
            if (approvedBy.toLowerCase() === a ||
                localPart(approvedBy) === localPart(a)) {
                return `"${approvedBy}" triggered this run (as ${actor}) and forbid-self-approval is true: someone else must approve`;
            }
        }
    }
    return undefined;
}


/***/ }),

/***/ 290:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kj: () => (/* reexport safe */ _inputs_chain_js__WEBPACK_IMPORTED_MODULE_2__.Kj),
/* harmony export */   Xk: () => (/* binding */ githubSessionTags),
/* harmony export */   f4: () => (/* binding */ hasSessionPolicy),
/* harmony export */   rw: () => (/* binding */ chainTarget),
/* harmony export */   su: () => (/* binding */ chainRole)
/* harmony export */ });
/* unused harmony exports sessionNameFor, tagValue */
/* harmony import */ var _aws_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1735);
/* harmony import */ var _aws_sts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8665);
/* harmony import */ var _inputs_chain_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1312);




const TAG_VALUE_MAX = 256;
/** The role session name STS accepts for an Identity Center user name: [\w+=,.@-] (others become _), 2–64 characters. */
function sessionNameFor(userName) {
    const reduced = Array.from(userName)
        .map((c) => (/^[\w+=,.@-]$/.test(c) ? c : '_'))
        .join('')
        .slice(0, 64);
    if (reduced.length >= 2)
        return reduced;
    return reduced === '' ? 'identity-center-login' : `${reduced}_`;
}
/** What the messages tell the approver about the chain: the role, and whether a session policy narrows it. */
function chainTarget(chain) {
    return { roleArn: chain.roleArn, narrowed: hasSessionPolicy(chain) };
}
/** Whether the chained session is narrowed by a session policy (then no profile may re-assume the role without it). */
function hasSessionPolicy(chain) {
    return chain.policy !== undefined || chain.policyArns.length > 0;
}
/** configure-aws-credentials' sanitising: characters STS refuses in a tag value become _, cut to 256. */
function tagValue(value) {
    return Array.from(value.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '_'))
        .slice(0, TAG_VALUE_MAX)
        .join('');
}
/**
 * The session tags configure-aws-credentials sets (GitHub=Actions, Repository, Workflow, Action, Actor, Commit, Branch),
 * from the GitHub Actions environment. Outside GitHub Actions (the CLI elsewhere) there is no such context: no tags.
 * Variables that are unset are left out rather than sent empty.
 */
function githubSessionTags(env) {
    if (env.GITHUB_ACTIONS !== 'true')
        return [];
    const values = {
        GitHub: 'Actions',
        Repository: env.GITHUB_REPOSITORY,
        Workflow: env.GITHUB_WORKFLOW,
        Action: env.GITHUB_ACTION,
        Actor: env.GITHUB_ACTOR,
        Commit: env.GITHUB_SHA,
        Branch: env.GITHUB_REF
    };
    return _inputs_chain_js__WEBPACK_IMPORTED_MODULE_2__/* .SESSION_TAG_KEYS */ .DN.flatMap((Key) => {
        const v = values[Key];
        return v ? [{ Key, Value: tagValue(v) }] : [];
    });
}
/**
 * AssumeRole from `source`, then verify the new session names the role's account and the role. `sourceIdentity`
 * (role-source-identity; see sourceIdentityFor): sent as STS SourceIdentity; a source identity STS answers must be it.
 */
async function chainRole(clients, source, chain, approver, 
/** The run's session tags (RunContext.sessionTags): sent unless skip-session-tagging. */
runTags, mask, sourceIdentity) {
    const sessionName = chain.sessionName ?? sessionNameFor(approver);
    const tags = chain.skipSessionTagging ? [] : runTags;
    const transitiveTagKeys = chain.transitiveTagKeys.filter((k) => tags.some((t) => t.Key === k));
    const assumed = await (0,_aws_sts_js__WEBPACK_IMPORTED_MODULE_1__/* .assumeRole */ .xN)(clients, source, {
        roleArn: chain.roleArn,
        sessionName,
        durationSeconds: chain.durationSeconds,
        externalId: chain.externalId,
        policy: chain.policy,
        policyArns: chain.policyArns,
        tags,
        transitiveTagKeys,
        ...(sourceIdentity !== undefined ? { sourceIdentity } : {})
    }, mask);
    if (sourceIdentity !== undefined &&
        assumed.sourceIdentity !== undefined &&
        assumed.sourceIdentity !== sourceIdentity) {
        throw new _aws_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .CredentialsError */ .lE(`the chained session's source identity is ${JSON.stringify(assumed.sourceIdentity)}, not ${JSON.stringify(sourceIdentity)}; nothing was exported`, 'mismatch');
    }
    const identity = await (0,_aws_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .getCallerIdentity */ .eL)(clients, assumed.credentials);
    const [, , , , account, resource] = chain.roleArn.split(':');
    const roleName = resource.split('/').pop();
    if (identity.account !== account ||
        !identity.arn.includes(`:assumed-role/${roleName}/`)) {
        throw new _aws_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .CredentialsError */ .lE(`the chained session is ${identity.arn}, not role ${chain.roleArn}; nothing was exported`, 'mismatch');
    }
    return {
        roleArn: chain.roleArn,
        sessionName,
        credentials: assumed.credentials,
        identity,
        tags,
        ...(sourceIdentity !== undefined ? { sourceIdentity } : {})
    };
}


/***/ }),

/***/ 3639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ cleanUpSignIn),
/* harmony export */   z: () => (/* binding */ sweepOrphanedTokenCache)
/* harmony export */ });
/* harmony import */ var _aws_logout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4299);
/* harmony import */ var _aws_files_job_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6116);
/* harmony import */ var _aws_files_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3671);
/* harmony import */ var _aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7215);
/* harmony import */ var _aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5262);





async function cleanUpSignIn(input, log, env = process.env) {
    let ok = true;
    if (input.signOut === false) {
        // shared with other jobs of the run (share-session / session): the caller says so; only the files go
    }
    else if (input.accessToken) {
        const signedOut = await (0,_aws_logout_js__WEBPACK_IMPORTED_MODULE_0__/* .signOut */ .C)(input.accessToken, { ssoRegion: input.ssoRegion, region: input.region, env, maxAttempts: 3 }, log);
        if (signedOut)
            log.info('Signed out of IAM Identity Center: the access token is revoked (role sessions already issued last until they expire)');
        else
            ok = false;
    }
    else {
        log.info('No SSO token to sign out: the main step signed out already (sign-out-early)');
    }
    try {
        const report = await (0,_aws_files_job_files_js__WEBPACK_IMPORTED_MODULE_1__/* .removeJobFiles */ .H0)(input.written);
        log.info(`Token cache: ${input.written.tokenCache ? report.tokenCache : 'none written by this run'}; registration cache: ${report.registrationCache ?? 'not written by this run'}; ${report.legacyTokenCache ? `legacy token cache (legacy-sso-profile): ${report.legacyTokenCache}; ` : ''}config: ${report.config}` +
            (report.credentials ? `; credentials: ${report.credentials}` : ''));
    }
    catch (error) {
        ok = false;
        log.warning(`Could not remove the files this run wrote: ${error.message}`);
    }
    return ok;
}
/**
 * A login that failed or was stopped after it wrote the token cache but before it handed its files to the post step
 * leaves a valid SSO token on the runner for the next job. If the sso-session's token cache holds a token this process
 * obtained, revoke it (SSO Logout) and delete that file (only if it still holds those bytes); then revoke every token
 * of `issuedTokens` that no cache held. Returns whether a cache file held one of this run's tokens. Never throws.
 */
async function sweepOrphanedTokenCache(sweep, log, env = process.env) {
    const files = [(0,_aws_files_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .tokenCacheFile */ .g6)(sweep.ssoCacheDir, sweep.sessionName)];
    if (sweep.legacyStartUrl !== undefined)
        files.push((0,_aws_files_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .legacyTokenCacheFile */ .lS)(sweep.ssoCacheDir, sweep.legacyStartUrl));
    /** Each token signed out once: whether SSO Logout revoked it. */
    const revoked = new Map();
    const revoke = async (accessToken) => {
        if (!revoked.has(accessToken)) {
            const settings = {
                ssoRegion: sweep.ssoRegion,
                region: sweep.region,
                env,
                maxAttempts: 2,
                requestTimeoutMs: sweep.requestTimeoutMs
            };
            revoked.set(accessToken, await (0,_aws_logout_js__WEBPACK_IMPORTED_MODULE_0__/* .signOut */ .C)(accessToken, settings, log));
        }
        return revoked.get(accessToken);
    };
    let found = false;
    for (const file of files) {
        try {
            // One read decides: the bytes whose token is ours are the bytes removed (under the lock, only if unchanged).
            const text = await (0,_aws_files_atomic_js__WEBPACK_IMPORTED_MODULE_4__/* .readIfExists */ .OR)(file);
            let accessToken;
            try {
                accessToken =
                    text === undefined
                        ? undefined
                        : JSON.parse(text)?.accessToken;
            }
            catch {
                continue; // not JSON: not what we write
            }
            if (typeof accessToken !== 'string' || !sweep.isOurs(accessToken))
                continue;
            found = true;
            const ok = await revoke(accessToken);
            const outcome = await (0,_aws_files_sso_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .removeCacheFileIfOurs */ .FH)(file, (0,_aws_files_sso_cache_format_js__WEBPACK_IMPORTED_MODULE_2__/* .contentHash */ .Ae)(text));
            log.info(`This run had already written its SSO token to ${file} when it stopped: ${ok ? 'token revoked' : 'token NOT revoked'}, cache file ${outcome}`);
        }
        catch (error) {
            log.warning(`Could not check the token cache ${file} for a token this run left behind: ${error.message}`);
        }
    }
    for (const accessToken of sweep.issuedTokens ?? []) {
        if (revoked.has(accessToken))
            continue;
        const ok = await revoke(accessToken);
        log.info(`This run's sign-in was not in a token cache when it stopped: ${ok ? 'token revoked' : 'token NOT revoked; it stays valid until it expires'}`);
    }
    return found;
}


/***/ }),

/***/ 4448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $L: () => (/* binding */ describedRun),
/* harmony export */   C6: () => (/* binding */ commonRunContext),
/* harmony export */   Ib: () => (/* binding */ RUN_ID_VARIABLES)
/* harmony export */ });
/* unused harmony exports REPOSITORY_VARIABLES, sealRunOf */
/* harmony import */ var _approvers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2421);
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(290);


const RUN_ID_VARIABLES = [
    'GITHUB_RUN_ID',
    'CI_PIPELINE_ID',
    'BUILDKITE_BUILD_ID',
    'CIRCLE_WORKFLOW_ID'
];
const REPOSITORY_VARIABLES = [
    'GITHUB_REPOSITORY',
    'CI_PROJECT_PATH',
    'BUILDKITE_PIPELINE_SLUG',
    'CIRCLE_PROJECT_REPONAME'
];
/** Reads the run to bind to: `explicitRunId` (the CLI's --session-run-id) or the first run id variable set. */
function sealRunOf(env, explicitRunId) {
    const runId = explicitRunId ?? RUN_ID_VARIABLES.map((n) => env[n]?.trim()).find((v) => v);
    const repository = REPOSITORY_VARIABLES.map((n) => env[n]?.trim()).find((v) => v) ?? '';
    return runId === undefined ? { repository } : { runId, repository };
}
/** The part of the run's context both edges read the same way; `explicitRunId`: the CLI's --session-run-id. */
function commonRunContext(env, explicitRunId) {
    return {
        actors: (0,_approvers_js__WEBPACK_IMPORTED_MODULE_0__/* .runActors */ ._2)(env),
        sealRun: sealRunOf(env, explicitRunId),
        sessionTags: (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .githubSessionTags */ .Xk)(env)
    };
}
/** What the messages say about the run (approvers see it next to the request). */
function describedRun(run) {
    return {
        repository: run.repository,
        workflow: run.workflow,
        job: run.job,
        runUrl: run.runUrl,
        actor: run.actor,
        event: run.event,
        ref: run.ref,
        sha: run.sha
    };
}


/***/ }),

/***/ 5978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ requestedAccess),
/* harmony export */   m: () => (/* binding */ tokenStays),
/* harmony export */   xu: () => (/* binding */ behaviourOf),
/* harmony export */   yn: () => (/* binding */ profilesHoldKeys)
/* harmony export */ });
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(290);

/** Whether the SSO token stays on the runner once the files are written (so main hands it to post to sign out with). */
function tokenStays(holds) {
    switch (holds) {
        case 'sign-in':
            return true;
        case 'role-keys':
        case 'server':
            return false;
    }
}
/** Whether the profiles hold role keys (the credentials file) instead of fetching credentials with the sign-in. */
function profilesHoldKeys(holds) {
    switch (holds) {
        case 'sign-in':
            return false;
        case 'role-keys':
            return true;
        case 'server':
            return false;
    }
}
/** The one dispatch on the sign-in mode. */
function behaviourOf(mode) {
    switch (mode.kind) {
        case 'job':
            return {
                grant: (hasPostStep) => hasPostStep ? 'until-job-end' : 'until-expiry',
                holds: 'sign-in',
                post: () => 'sign-out',
                keep: false
            };
        case 'kept':
            return {
                grant: () => 'kept',
                holds: 'sign-in',
                post: () => 'keep',
                keep: true
            };
        case 'sign-out-early':
            return {
                grant: () => 'sign-out-early',
                holds: 'role-keys',
                post: () => 'sign-out', // nothing left to sign out: only the files go
                keep: false
            };
        case 'shared':
            return {
                grant: () => 'shared',
                holds: 'sign-in',
                // Until the session output is published the sign-in is this job's alone: post signs it out.
                post: (published) => mode.keep ? 'keep' : published ? 'leave-shared' : 'sign-out',
                keep: mode.keep
            };
        case 'from-shared':
            return {
                grant: () => 'from-shared',
                holds: 'sign-in',
                post: () => (mode.keep ? 'keep' : 'leave-from-shared'),
                keep: mode.keep
            };
        case 'served':
            return {
                grant: () => mode.token.from === 'session' ? 'served-shared' : 'served',
                holds: 'server',
                post: () => 'stop-server',
                keep: false
            };
    }
}
/** The part of what approvers are shown that comes from the request itself, the same on both edges. */
function requestedAccess(request, hasPostStep) {
    const behaviour = behaviourOf(request.signIn.mode);
    return {
        accountId: request.target.accountId,
        roleName: request.target.roleName,
        startUrl: request.target.startUrl,
        extraProfiles: request.profiles.extraProfiles.map(({ name, accountId, roleName }) => ({ name, accountId, roleName })),
        keepSession: behaviour.keep,
        reuseSession: request.signIn.mode.token.from === 'cache',
        signInMode: behaviour.grant(hasPostStep),
        ...(request.chain ? { chainTo: (0,_chain_js__WEBPACK_IMPORTED_MODULE_0__/* .chainTarget */ .rw)(request.chain) } : {})
    };
}


/***/ }),

/***/ 1312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DN: () => (/* binding */ SESSION_TAG_KEYS),
/* harmony export */   G3: () => (/* binding */ externalIdProblem),
/* harmony export */   Kj: () => (/* binding */ sourceProfileName),
/* harmony export */   bx: () => (/* binding */ checkPolicyArns),
/* harmony export */   db: () => (/* binding */ CHAIN_ONLY_INPUTS),
/* harmony export */   lo: () => (/* binding */ checkTagKeys),
/* harmony export */   t5: () => (/* binding */ sessionNameProblem),
/* harmony export */   xX: () => (/* binding */ inlinePolicyOf),
/* harmony export */   z$: () => (/* binding */ roleArnOf)
/* harmony export */ });
/* unused harmony exports SESSION_NAME_RE, partitionOf */
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6497);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8190);
/**
 * The role-chaining inputs' values (configure-aws-credentials' names): role-to-assume, role-session-name,
 * role-external-id, inline-session-policy, managed-session-policies, transitive-tag-keys. Each check throws the
 * InputError naming its input; the rules between them and other inputs are in combinations.ts.
 */


/** The session tag keys written unless role-skip-session-tagging (configure-aws-credentials' set). */
const SESSION_TAG_KEYS = Object.freeze([
    'GitHub',
    'Repository',
    'Workflow',
    'Action',
    'Actor',
    'Commit',
    'Branch'
]);
/** The inputs that mean something only with role-to-assume. */
const CHAIN_ONLY_INPUTS = Object.freeze([
    'role-session-name',
    'role-duration-seconds',
    'role-external-id',
    'inline-session-policy',
    'managed-session-policies',
    'role-skip-session-tagging',
    'transitive-tag-keys',
    'role-source-identity'
]);
const ROLE_ARN_RE = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc):iam::([0-9]{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const ROLE_PATH_NAME_RE = /^(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const POLICY_ARN_RE = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc):iam::([0-9]{12}|aws):policy\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/;
const SESSION_NAME_RE = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID_RE = /^[\w+=,.@:/-]{2,1224}$/;
/** The AWS partition of a region: aws-cn for cn-*, aws-us-gov for us-gov-*, aws otherwise. */
function partitionOf(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    if (region.startsWith('eusc-'))
        return 'aws-eusc';
    return 'aws';
}
/** A chained profile's Identity Center source profile (the role_arn profile's source_profile). */
function sourceProfileName(profile) {
    return `${profile}-sso`;
}
function fail(input, problem) {
    throw new _rules_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, problem);
}
/** role-to-assume: an ARN, or a role name (with an optional path) in account-id, made into the ARN; '' when not given. */
function roleArnOf(value, context) {
    if (value === '')
        return '';
    if (value.startsWith('arn:')) {
        if (!ROLE_ARN_RE.test(value))
            fail('role-to-assume', `must be an IAM role ARN like arn:aws:iam::111122223333:role/deploy, or a role name, got ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .showValue */ .vp)(value)}`);
        return value;
    }
    if (!ROLE_PATH_NAME_RE.test(value)) {
        const bad = (0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .firstBadChar */ .ek)(value, /[\w+=,.@/-]/);
        const why = bad !== undefined ? `contains ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .describeChar */ .Ip)(bad)}; ` : '';
        fail('role-to-assume', `${why}must be an IAM role ARN or a role name (letters, digits and + = , . @ _ -, at most 64, optionally after a path/), got ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .showValue */ .vp)(value)}`);
    }
    return `arn:${partitionOf(context.region)}:iam::${context.accountId}:role/${value}`;
}
function sessionNameProblem(value) {
    return value !== '' && !SESSION_NAME_RE.test(value)
        ? `must be 2-64 of letters, digits and + = , . @ _ -, got ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .showValue */ .vp)(value)}`
        : undefined;
}
function externalIdProblem(value) {
    return value !== '' && !EXTERNAL_ID_RE.test(value)
        ? `must be 2-1224 of letters, digits and + = , . @ : / _ -, got ${(0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .showValue */ .vp)(value)}`
        : undefined;
}
/** inline-session-policy: JSON that parses to an object with a Statement, minified; undefined when not given. */
function inlinePolicyOf(text) {
    const value = text.trim();
    if (value === '')
        return undefined;
    let doc;
    try {
        doc = JSON.parse(value);
    }
    catch (error) {
        return fail('inline-session-policy', `must be a JSON policy document; it does not parse: ${error.message.slice(0, 120)}`);
    }
    if (!doc ||
        typeof doc !== 'object' ||
        Array.isArray(doc) ||
        !('Statement' in doc))
        fail('inline-session-policy', 'must be a JSON policy document: an object with a Statement');
    const policy = JSON.stringify(doc);
    if (policy.length > _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_INLINE_POLICY_LENGTH */ .Zx)
        fail('inline-session-policy', `must be at most ${_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_INLINE_POLICY_LENGTH */ .Zx} characters without spaces (STS's limit), got ${policy.length}`);
    return policy;
}
/** managed-session-policies: IAM policy ARNs, at most STS's limit. */
function checkPolicyArns(arns) {
    for (const arn of arns) {
        if (!POLICY_ARN_RE.test(arn))
            fail('managed-session-policies', `${(0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .showValue */ .vp)(arn)} is not an IAM policy ARN like arn:aws:iam::aws:policy/ReadOnlyAccess`);
    }
    if (arns.length > _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_MANAGED_SESSION_POLICIES */ .f2)
        fail('managed-session-policies', `must list at most ${_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_MANAGED_SESSION_POLICIES */ .f2} policy ARNs (STS's limit), got ${arns.length}`);
    return arns;
}
/** transitive-tag-keys: keys of the tags this action sends. */
function checkTagKeys(keys) {
    for (const key of keys) {
        if (!SESSION_TAG_KEYS.includes(key))
            fail('transitive-tag-keys', `${(0,_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .showValue */ .vp)(key)} is not a session tag this action sets; use ${SESSION_TAG_KEYS.join(', ')}`);
    }
    return keys;
}


/***/ }),

/***/ 2563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mq: () => (/* binding */ broadcast),
  im: () => (/* binding */ createNotifiers)
});

// UNUSED EXPORTS: CHANNELS

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/util/proxy.ts
var util_proxy = __webpack_require__(796);
;// CONCATENATED MODULE: ./src/notify/http.ts
/**
 * A tiny HTTP client for the notification channels: node:http(s), a hard timeout, a capped body,
 * and the usual proxy variables (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, either case).
 *
 * fetch (undici) in Node 20 ignores proxy variables, so this uses node:https, with
 * `https-proxy-agent` (loaded only when a proxy applies) for https targets and
 * plain absolute-form requests through the proxy for http targets.
 */



/** A request that got no HTTP answer: refused, reset, DNS, TLS, proxy or timeout. */
class NetworkError extends Error {
    /** e.g. ECONNREFUSED, ETIMEDOUT, ENOTFOUND; never contains the URL. */
    code;
    constructor(code) {
        super(`network error (${code})`);
        this.name = 'NetworkError';
        this.code = code;
    }
}
const MAX_BODY_BYTES = 1024 * 1024;
function errorCode(err) {
    const code = err?.code;
    return typeof code === 'string' && /^[A-Z0-9_]+$/.test(code)
        ? code
        : 'EREQUEST';
}
/** One HTTP request. Resolves with any HTTP status; rejects only with NetworkError. */
async function httpRequest(req) {
    const target = new URL(req.url);
    const headers = {
        connection: 'close',
        ...(req.headers ?? {})
    };
    if (req.body !== undefined)
        headers['content-length'] = String(Buffer.byteLength(req.body));
    const proxy = (0,util_proxy/* proxyFor */.i)(target, req.env ?? process.env);
    let options;
    let transport = target.protocol === 'https:' ? external_node_https_ : external_node_http_;
    if (!proxy) {
        options = { method: req.method, headers, agent: false };
    }
    else if (target.protocol === 'https:') {
        const { HttpsProxyAgent } = await __webpack_require__.e(/* import() */ 659).then(__webpack_require__.bind(__webpack_require__, 7659));
        options = { method: req.method, headers, agent: new HttpsProxyAgent(proxy) };
    }
    else {
        // Plain http through an http proxy: absolute-form request line.
        const p = new URL(proxy);
        transport = p.protocol === 'https:' ? external_node_https_ : external_node_http_;
        const proxyHeaders = {
            ...headers,
            host: target.host
        };
        if (p.username || p.password) {
            const creds = `${decodeURIComponent(p.username)}:${decodeURIComponent(p.password)}`;
            proxyHeaders['proxy-authorization'] =
                `Basic ${Buffer.from(creds).toString('base64')}`;
        }
        options = {
            method: req.method,
            hostname: p.hostname.replace(/^\[|\]$/g, ''),
            port: p.port || (p.protocol === 'https:' ? 443 : 80),
            path: target.href,
            headers: proxyHeaders,
            agent: false
        };
    }
    return new Promise((resolve, reject) => {
        let settled = false;
        const done = (fn) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            req.signal?.removeEventListener('abort', abort);
            fn();
        };
        const request = proxy && target.protocol !== 'https:'
            ? transport.request(options)
            : transport.request(target, options);
        const timer = setTimeout(() => {
            request.destroy();
            done(() => reject(new NetworkError('ETIMEDOUT')));
        }, req.timeoutMs ?? 10_000);
        request.on('error', (err) => done(() => reject(new NetworkError(errorCode(err)))));
        const abort = () => {
            request.destroy();
            done(() => reject(new NetworkError('ABORT_ERR')));
        };
        if (req.signal?.aborted)
            abort();
        else
            req.signal?.addEventListener('abort', abort, { once: true });
        request.on('response', (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                if (size < MAX_BODY_BYTES)
                    chunks.push(chunk);
                size += chunk.length;
            });
            res.on('error', (err) => done(() => reject(new NetworkError(errorCode(err)))));
            res.on('end', () => done(() => resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks)
                    .subarray(0, MAX_BODY_BYTES)
                    .toString('utf8')
            })));
        });
        request.end(req.body);
    });
}
/**
 * A `fetch` for Octokit made of httpRequest: the same proxy handling (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, a private CA
 * from NODE_EXTRA_CA_CERTS) as the webhook and the AWS calls, instead of a second HTTP stack (undici) per run.
 */
function nodeFetch(env) {
    return async (input, init = {}) => {
        const headers = {};
        new Headers(init.headers).forEach((value, name) => (headers[name] = value));
        const res = await httpRequest({
            method: (init.method ?? 'GET').toUpperCase(),
            url: String(input),
            headers,
            body: typeof init.body === 'string' ? init.body : undefined,
            timeoutMs: 60_000,
            env,
            signal: init.signal ?? undefined
        });
        const out = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined)
                out.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const empty = res.status === 204 || res.status === 205 || res.status === 304;
        return new Response(empty ? null : res.body, {
            status: res.status,
            headers: out
        });
    };
}

// EXTERNAL MODULE: ./src/util/time.ts
var time = __webpack_require__(6043);
;// CONCATENATED MODULE: ./src/notify/github-rest.ts


/** Only the error code of a network failure: Node's messages carry the host and port. */
function networkCode(err) {
    let e = err;
    for (let i = 0; i < 4 && e; i++) {
        if (typeof e.code === 'string' && /^[A-Z0-9_]+$/.test(e.code))
            return e.code;
        e = e.cause;
    }
    return 'EREQUEST';
}
function apiMessage(data) {
    let d = data;
    if (typeof d === 'string') {
        try {
            d = JSON.parse(d);
        }
        catch {
            return '';
        }
    }
    const m = d?.message;
    return typeof m === 'string' ? m.replace(/[\r\n]+/g, ' ').slice(0, 200) : '';
}
function header(headers, name) {
    const v = headers?.[name];
    return v === undefined || v === null ? undefined : String(v);
}
const formatSeconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
function restCaller(opts) {
    const { env, base, attempts, retryBase, retryCap, maxRetryAfter } = opts;
    const { timeoutMs, random, logger } = opts;
    const { owner, repo } = opts.repo;
    const closing = opts.closing;
    let octokit;
    const client = () => {
        octokit ??= Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413)).then(({ getOctokit }) => {
            const silent = () => undefined;
            return getOctokit(opts.token, {
                baseUrl: base,
                userAgent: opts.userAgent ?? 'identity-center-login',
                log: { debug: silent, info: silent, warn: silent, error: silent },
                request: { fetch: nodeFetch(env) }
            });
        });
        return octokit;
    };
    /** One REST call with bounded, jittered retries, all of it inside `deadline` (a Date.now() value). */
    return async function call(what, route, params, deadline, beforeRetry, maxAttempts = attempts) {
        let gh;
        try {
            gh = await client();
        }
        catch (err) {
            return {
                ok: false,
                permanent: true,
                detail: `could not load @actions/github: ${err instanceof Error ? err.name : 'error'}`
            };
        }
        let last;
        for (let attempt = 1;; attempt++) {
            if (closing.aborted)
                return {
                    ok: false,
                    permanent: true,
                    detail: 'abandoned when the step ended'
                };
            if (attempt > 1 && beforeRetry) {
                const found = await beforeRetry().catch(() => undefined);
                if (found !== undefined)
                    return { ok: true, data: found };
                if (last && deadline - Date.now() < 250)
                    return {
                        ok: false,
                        ...last,
                        detail: `${last.detail}; gave up before the deadline`
                    };
            }
            const left = deadline - Date.now();
            const controller = new AbortController();
            const onClose = () => controller.abort();
            closing.addEventListener('abort', onClose, { once: true });
            let timedOut = false;
            const limit = Math.max(1, Math.min(timeoutMs, left));
            const timer = setTimeout(() => {
                timedOut = true;
                controller.abort();
            }, limit);
            let failure;
            let retryAfterMs;
            try {
                const res = await gh.request(route, {
                    owner,
                    repo,
                    ...params,
                    headers: {
                        accept: 'application/vnd.github+json',
                        'x-github-api-version': '2022-11-28'
                    },
                    request: { signal: controller.signal }
                });
                return { ok: true, data: res.data };
            }
            catch (err) {
                const response = err
                    ?.response;
                if (timedOut)
                    failure = {
                        permanent: false,
                        detail: `timed out after ${formatSeconds(limit)}`
                    };
                else if (!response || typeof response.status !== 'number')
                    failure = {
                        permanent: false,
                        detail: `network error (${networkCode(err)})`
                    };
                else {
                    const status = response.status;
                    const msg = apiMessage(response.data);
                    const retryAfter = Number(header(response.headers, 'retry-after'));
                    const secondaryLimit = status === 429 ||
                        (status === 403 &&
                            (header(response.headers, 'retry-after') !== undefined ||
                                /secondary rate limit|abuse/i.test(msg)));
                    // GitHub (and GHES) always send x-github-request-id; a proxy or firewall refusing does not.
                    const fromGitHub = header(response.headers, 'x-github-request-id') !== undefined;
                    failure = {
                        permanent: !(status >= 500 || secondaryLimit),
                        detail: `HTTP ${status}${msg ? `: ${msg}` : ''}`,
                        status,
                        fromGitHub
                    };
                    if (Number.isFinite(retryAfter) && retryAfter > 0)
                        retryAfterMs = Math.min(retryAfter * 1000, maxRetryAfter);
                }
            }
            finally {
                clearTimeout(timer);
                closing.removeEventListener('abort', onClose);
            }
            if (failure.permanent)
                return { ok: false, ...failure };
            last = failure;
            // Capped exponential backoff with jitter (half fixed, half random), never past the deadline.
            const backoff = Math.min(retryCap, retryBase * 2 ** (attempt - 1));
            const wait = Math.round(retryAfterMs ?? backoff / 2 + random() * (backoff / 2));
            const remaining = deadline - Date.now();
            if (attempt >= maxAttempts) {
                if (maxAttempts > 1)
                    logger.info(`GitHub ${what}: ${failure.detail} on attempt ${attempt} of ${maxAttempts}; no attempts left`);
                return { ok: false, ...failure };
            }
            if (remaining - wait < 250) {
                logger.info(`GitHub ${what}: ${failure.detail} on attempt ${attempt} of ${maxAttempts}; no time left to retry (${formatSeconds(Math.max(0, remaining))} before the deadline)`);
                return {
                    ok: false,
                    ...failure,
                    detail: `${failure.detail}; gave up before the deadline`
                };
            }
            logger.info(`GitHub ${what}: ${failure.detail} on attempt ${attempt} of ${maxAttempts}; retrying in ${formatSeconds(wait)}`);
            await (0,time/* sleep */.y)(wait, closing).catch(() => undefined);
        }
    };
}

// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
;// CONCATENATED MODULE: ./src/notify/render/types.ts
/** Per-value limits (characters, before escaping). */
const LIMIT = { short: 200, url: 500, reason: 1000, arn: 2048 };
const MAX_EXTRA_PROFILES = 20;

;// CONCATENATED MODULE: ./src/notify/render/escaping.ts
/**
 * Escaping: every value from the event or the context is untrusted (branch names, workflow names and actors are
 * chosen by whoever pushes) and goes through one of these before it is rendered.
 */


const ZWJ = '\u200d';
/**
 * Control characters, line/paragraph separators, bidi overrides and isolates (Trojan Source), and invisible
 * characters (zero-width space/joiners, LRM/RLM, word joiner, invisible operators, BOM) that could hide
 * or disguise part of a value.
 */
const UNSAFE_CHARS = new RegExp(util_text/* CONTROL_SOURCE */.Y, 'g');
function truncate(s, max) {
    const chars = Array.from(s);
    return chars.length <= max
        ? s
        : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}
/** One line of plain text: no control characters or newlines, at most `max` characters. */
function cleanText(value, max = LIMIT.short) {
    const s = String(value ?? '')
        .replace(/\r\n?|\n|\t/g, ' ')
        .replace(UNSAFE_CHARS, '');
    return truncate(s, max);
}
/** Break autolinks, @mentions, #references and GH-123 references with a zero-width joiner (invisible when rendered). */
function breakLinks(s) {
    return s
        .replace(/@/g, `@${ZWJ}`)
        .replace(/#/g, `#${ZWJ}`)
        .replace(/:\/\//g, `:${ZWJ}//`)
        .replace(/\b(www)\./gi, `$1${ZWJ}.`)
        .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`);
}
/**
 * Chat clients (Slack, Teams) also link bare domain names: `login.evil.com/approve` would become a link to a
 * page the attacker chose. Every dot between two labels of a domain-like word gets a zero-width joiner.
 */
function breakDomains(s) {
    return s.replace(/\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z][a-z0-9-]*[a-z0-9]\b/gi, (word) => word.replace(/\.(?=[a-z0-9])/gi, `.${ZWJ}`));
}
/**
 * Escape a value for GitHub-flavoured Markdown, inline or inside a table cell: no HTML, links,
 * images, emphasis, math, mentions, issue references or autolinks survive, and `|` / newlines
 * cannot break a table row.
 */
function escapeMarkdown(value, max = LIMIT.short) {
    const s = cleanText(value, max).replace(/[\\`*_{}[\]()<>#!|~$&]/g, '\\$&');
    return breakLinks(s);
}
/** A code span (no mentions, links or HTML inside); safe inside a table cell too. */
function codeSpan(value, max = LIMIT.short) {
    const s = cleanText(value, max)
        .replace(/`/g, 'ˋ')
        .replace(/\|/g, '\\|')
        .trim();
    return s === '' ? '' : `\`${s}\``;
}
/**
 * Escape a value for a chat webhook (Slack mrkdwn, Teams markdown): entity-escape `& < >`
 * (Slack's own rule, which also stops `<!channel>`), and break links, mentions and `[x](y)`.
 */
function escapeChat(value, max = LIMIT.short) {
    const s = cleanText(value, max)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
    return breakDomains(breakLinks(s)).replace(/\]\(/g, `]${ZWJ}(`);
}
/** An http(s) URL safe for a Markdown link destination, or undefined. */
function safeUrl(value) {
    if (!value)
        return undefined;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return undefined;
    const href = url.href.replace(/[()<>\s"'`\\[\]|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return href.length > 2000 ? undefined : href;
}

;// CONCATENATED MODULE: ./src/notify/render/wording.ts



/**
 * What approving hands the runner, per sign-in mode: the one place this is worded, for the request (no `final`) and for
 * the final messages (with `final`). `esc` escapes values for the channel, `b` makes a phrase stand out.
 */
function approvalGrants(ctx, final, _esc = cleanText, b = (s) => `**${s}**`) {
    const mode = signInModeOf(ctx);
    if (final?.type === 'failed' && mode === 'from-shared') {
        return 'The job got no credentials: nothing was written or exported; the shared sign-in was not signed out (end-session does that), and role credentials already issued for the profiles that verified stay valid until they expire, but were not handed to the job.';
    }
    if (final?.type === 'failed') {
        // A login that fails signs out the token it got (a reused cached session stays as it was) and writes nothing.
        return `The job got no credentials: nothing was written or exported, and ${mode === 'kept' || ctx.reuseSession ? 'a sign-in this run obtained was' : 'your sign-in was'} signed out; role credentials already issued for the profiles that verified stay valid until they expire, but were not handed to the job.`;
    }
    const approved = final?.type === 'approved' ? final : undefined;
    const tokenUntil = approved?.signInExpiresAt
        ? ` (at the latest until ${formatUtc(approved.signInExpiresAt)})`
        : '';
    const credsUntil = approved?.credentialsExpireAt
        ? `until ${formatUtc(approved.credentialsExpireAt)}`
        : 'until they expire';
    const everything = 'for every AWS account and role you can reach, not only the one requested';
    const issued = `role credentials already issued stay valid ${credsUntil}`;
    switch (mode) {
        case 'sign-out-early':
            if (final) {
                const at = approved?.signedOutAt
                    ? ` at ${formatUtc(approved.signedOutAt)}`
                    : '';
                return `Your Identity Center sign-in was used only to fetch the credentials for the listed role(s) and was signed out${at}; no SSO token is left on the runner. The job keeps those role credentials ${credsUntil}.`;
            }
            return `Approving lets this job use your Identity Center sign-in ${b('only to fetch the credentials for the listed role(s)')}; it is signed out at once after that, and the job keeps those role credentials until they expire.`;
        case 'kept': {
            const until = approved?.signInExpiresAt
                ? `until ${formatUtc(approved.signInExpiresAt)}${approved.refreshable ? ' (longer if refreshed with its refresh token, up to the Identity Center session limit)' : ''}`
                : 'until it expires';
            if (final)
                return `Your Identity Center sign-in stays on this runner after the job (keep-session): ${until}, this job and ${b('later jobs on this runner')} can use it ${everything}; ${issued}.`;
            return `Approving leaves ${b('your Identity Center sign-in on this runner after the job')} (keep-session): until it expires, this job and later jobs on this runner can use it ${everything}; ${issued}.`;
        }
        case 'until-expiry': {
            const until = approved?.signInExpiresAt
                ? `until ${formatUtc(approved.signInExpiresAt)}`
                : 'until it expires';
            if (final)
                return `Your Identity Center sign-in is left in this machine's token cache (~/.aws/sso/cache) ${until} or until someone runs identity-center-login --sign-out: any process running as this user can use it ${everything}; ${issued}.`;
            return `Approving leaves ${b("your Identity Center sign-in in this machine's token cache")} until it expires (there is no post step to sign it out; run identity-center-login --sign-out when done): any process running as this user can use it ${everything}; ${issued}.`;
        }
        case 'shared': {
            if (final)
                return `Your Identity Center sign-in is shared with the later jobs of this run that hold its session-key, until end-session signs it out or it expires${tokenUntil}: any of them can use it ${everything}; this job's post step does not sign it out. ${capitalize(issued)}.`;
            return `Approving hands ${b('your Identity Center sign-in to this job and the later jobs of this run')}: it is shared with the later jobs of this run that hold its session-key, until end-session signs it out or it expires; any of them can use it ${everything}. ${capitalize(issued)}.`;
        }
        case 'from-shared':
            return `This job uses a sign-in shared by an earlier job of this run: the sign-in is shared with the jobs of this run that hold its session-key, until end-session signs it out or it expires${tokenUntil}; any of them can use it ${everything}. This job's post step removes its files and does not sign it out. ${capitalize(issued)}.`;
        case 'served': {
            const ends = approved
                ? approved.refreshable
                    ? "when the Identity Center session ends (an administrator's session limit, default 8 h)"
                    : approved.signInExpiresAt
                        ? `when that sign-in expires at ${formatUtc(approved.signInExpiresAt)} (it has no refresh token)`
                        : 'when that sign-in expires'
                : "when the Identity Center session ends (an administrator's session limit, default 8 h)";
            const what = `${b('only the listed role(s)')}: a credential server on the runner keeps your Identity Center sign-in in its memory (no sign-in on disk) and refreshes their credentials until the job ends, at the latest ${ends}`;
            if (final)
                return `This job gets ${what}; when the job ends the server signs out and stops.`;
            return `Approving hands this job ${what}; when the job ends the server signs out and stops.`;
        }
        case 'served-shared': {
            const until = approved?.signInExpiresAt
                ? `when that sign-in expires at ${formatUtc(approved.signInExpiresAt)} (it has no refresh token)`
                : 'when that sign-in expires (it has no refresh token)';
            return `This job gets ${b('only the listed role(s)')}: a credential server on the runner keeps the sign-in shared by an earlier job of this run in its memory (no sign-in on disk) and refreshes their credentials until the job ends, at the latest ${until}; when the job ends the server stops without signing out (the sign-in belongs to the run: end-session signs it out).`;
        }
        case 'until-job-end': {
            const shared = ctx.reuseSession
                ? ' Until then, other jobs on this runner that set reuse-session can use it too.'
                : '';
            if (final)
                return `Until the job ends${tokenUntil}, this runner holds your Identity Center sign-in: any step of this job can use it ${everything}; the post step signs it out. ${capitalize(issued)}.${shared}`;
            return `Approving hands this runner ${b('your Identity Center sign-in until the job ends')}: any step of this job can use it ${everything}; the post step signs it out. ${capitalize(issued)}.${shared}`;
        }
    }
}
/** The mode from the context; older callers only said keepSession. */
function signInModeOf(ctx) {
    return ctx.signInMode ?? (ctx.keepSession ? 'kept' : 'until-job-end');
}
/** What to compare on AWS's own page: the code and the name the client was registered with (which no one else can put there). */
function compareOnAwsPage(started, esc, b) {
    const code = b(esc(started.userCode, 32));
    return started.clientName
        ? `On the AWS page, check that the code is ${code} and that the application asking is ${b(esc(started.clientName, 128))}; if either differs, do not approve.`
        : `On the AWS page, check that the code is ${code}; if it differs, do not approve.`;
}
/** Whether a final state has a live sign-in (or, with sign-out-early, role credentials) the grant line is about. */
function grantApplies(final) {
    return (final.type === 'approved' ||
        (final.type === 'failed' && !!final.profiles?.some((p) => !p.error)));
}
function formatUtc(d) {
    return Number.isNaN(d.getTime())
        ? 'unknown time'
        : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
function minutesLeft(expiresAt, now) {
    const ms = expiresAt.getTime() - now.getTime();
    if (!(ms > 0))
        return 'already expired';
    if (ms < 60_000)
        return 'less than a minute left';
    const m = Math.floor(ms / 60_000);
    return `${m} minute${m === 1 ? '' : 's'} left`;
}
function shortSha(sha) {
    return sha ? cleanText(sha, 40).slice(0, 7) : undefined;
}
function statusOf(state) {
    return state.final?.type ?? 'pending';
}
const TITLES = {
    pending: {
        icon: '🔐',
        title: 'AWS sign-in: approval needed',
        plain: 'AWS sign-in approval needed'
    },
    approved: {
        icon: '✅',
        title: 'AWS sign-in approved',
        plain: 'AWS sign-in approved'
    },
    denied: {
        icon: '⛔',
        title: 'AWS sign-in denied',
        plain: 'AWS sign-in denied'
    },
    expired: {
        icon: '⌛',
        title: 'AWS sign-in request expired',
        plain: 'AWS sign-in request expired'
    },
    cancelled: {
        icon: '🚫',
        title: 'AWS sign-in request cancelled',
        plain: 'AWS sign-in request cancelled'
    },
    rejected: {
        icon: '⛔',
        title: 'AWS sign-in rejected: approver not allowed',
        plain: 'AWS sign-in rejected (approver not allowed)'
    },
    failed: {
        icon: '❌',
        title: 'AWS sign-in failed',
        plain: 'AWS sign-in failed'
    }
};
/** Why an earlier code was replaced by the one in `started`. */
function replacedWhy(started) {
    return started.replaced === 'client-renewed'
        ? 'the previous code was withdrawn (the client registration had to be renewed)'
        : 'the previous code expired';
}
const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
/** A reason as the end of a sentence: one final period, not two (reasons often end with their own). */
function endSentence(s) {
    const t = s.trimEnd();
    return /[.!?…]$/.test(t) ? t : `${t}.`;
}
/** The one-line outcome, escaped with `esc`; `b` makes a value stand out. */
function outcomeSentence(final, esc, b) {
    switch (final.type) {
        case 'approved':
            if (final.via === 'shared-session') {
                return `No approval was needed: this job uses the sign-in of ${b(esc(final.approvedBy))} shared by an earlier job of this run. Verified at ${formatUtc(final.at)}: account ${b(esc(final.accountId, 40))}, role ${b(esc(final.roleName))}.`;
            }
            if (final.via && final.via !== 'device-flow') {
                return `No approval was needed: reuse-session found a ${final.via === 'refreshed-token' ? 'refreshable' : 'valid'} cached Identity Center session of ${b(esc(final.approvedBy))}. Verified at ${formatUtc(final.at)}: account ${b(esc(final.accountId, 40))}, role ${b(esc(final.roleName))}.`;
            }
            return `Approved by ${b(esc(final.approvedBy))} at ${formatUtc(final.at)}. Verified: account ${b(esc(final.accountId, 40))}, role ${b(esc(final.roleName))}.`;
        case 'denied':
            return `The request was denied at ${formatUtc(final.at)}. The job gets no AWS credentials.`;
        case 'expired':
            return `No one approved within ${(0,time/* formatDuration */.a)(final.waitedSeconds)}; the request expired at ${formatUtc(final.at)}. The job gets no AWS credentials.`;
        case 'cancelled':
            return `The job was cancelled at ${formatUtc(final.at)}${final.signal ? ` (${esc(final.signal, 20)})` : ''} before the sign-in finished. The job gets no AWS credentials.`;
        case 'rejected':
            return `${b(esc(final.approvedBy))} approved at ${formatUtc(final.at)}, but that is not enough: ${endSentence(esc(final.reason, LIMIT.reason))} The job does not use this sign-in; someone allowed to approve must approve a new request (re-run the job).`;
        case 'failed':
            return `The sign-in failed at ${formatUtc(final.at)}: ${endSentence(esc(final.reason, LIMIT.reason))}`;
    }
}
/** verify-profiles: primary: what the profiles written without a check are, in one sentence; undefined when there are none. */
function unverifiedNote(profiles) {
    const n = profiles.filter((p) => p.unverified).length;
    if (n === 0)
        return undefined;
    return (`${n} profile${n === 1 ? ' was' : 's were'} written without fetching or checking ${n === 1 ? 'its' : 'their'} credentials (verify-profiles: primary): ` +
        `each is an SSO profile of this sign-in that fetches its own role credentials when a step uses it, and fails then if the approver cannot use that role.`);
}
/** One line for a final event (log). */
function outcomeLine(final) {
    return `${TITLES[final.type].plain}. ${outcomeSentence(final, cleanText, (s) => s)}`;
}

;// CONCATENATED MODULE: ./src/notify/render/markdown.ts



/** GitHub's limit for an issue comment body, in characters. */
const MAX_COMMENT_CHARS = 65536;
/** GitHub's limit for one step's job summary, in bytes (UTF-8): 1 MiB. */
const MAX_SUMMARY_BYTES = 1024 * 1024;
/** Room kept under MAX_SUMMARY_BYTES for the rows that close a cut list and for the writer's final newline. */
const SUMMARY_MARGIN_BYTES = 4096;
/** The run id, from the run URL (…/actions/runs/<id>) when not given. */
function runIdOf(ctx) {
    return ctx.runUrl ? /\/runs\/(\d+)/.exec(ctx.runUrl)?.[1] : undefined;
}
function markerPart(v, fallback) {
    const s = (v ?? '')
        .replace(/[^A-Za-z0-9._/+=-]/g, '_')
        .replace(/-{2,}/g, '-')
        .slice(0, 100);
    return s === '' ? fallback : s;
}
/** `<!-- identity-center-login:<run-id>:<job>:<profile> -->`: how the comment is found again. */
function commentMarker(ctx, key = {}) {
    const runId = markerPart(key.runId ?? runIdOf(ctx), 'local');
    const job = markerPart(key.job ?? ctx.job, 'job');
    const profile = markerPart(key.profile, 'default');
    return `<!-- identity-center-login:${runId}:${job}:${profile} -->`;
}
const UNLIMITED = Number.POSITIVE_INFINITY;
/** Why a list stops before its end when the byte budget, not the count, cut it. */
const SUMMARY_CUT = 'not listed: a job summary holds at most 1 MiB';
const bytes = (s) => Buffer.byteLength(s, 'utf8');
function facts(ctx, state, limits) {
    const rows = [];
    const add = (label, value) => {
        if (value)
            rows.push([label, value]);
    };
    const runUrl = safeUrl(ctx.runUrl);
    add('Repository', ctx.repository ? escapeMarkdown(ctx.repository) : undefined);
    add('Workflow', ctx.workflow ? escapeMarkdown(ctx.workflow) : undefined);
    add('Job', ctx.job ? escapeMarkdown(ctx.job) : undefined);
    add('Run', runUrl
        ? `[Open the workflow run](${runUrl})`
        : ctx.runUrl
            ? escapeMarkdown(ctx.runUrl, LIMIT.url)
            : undefined);
    add('Triggered by', ctx.actor ? escapeMarkdown(ctx.actor) : undefined);
    add('Event', ctx.event ? escapeMarkdown(ctx.event) : undefined);
    add('Ref', ctx.ref ? escapeMarkdown(ctx.ref) : undefined);
    add('Commit', ctx.sha ? codeSpan(shortSha(ctx.sha)) : undefined);
    add('AWS account', codeSpan(ctx.accountId, 40) || '(none)');
    add('Role', codeSpan(ctx.roleName) || '(none)');
    if (ctx.chainTo)
        add('Then chains to', `${codeSpan(ctx.chainTo.roleArn, LIMIT.arn)}${ctx.chainTo.narrowed ? ' (narrowed by a session policy)' : ''}: the job gets that role's session`);
    const extra = ctx.extraProfiles ?? [];
    if (extra.length > 0) {
        const shown = [];
        let used = 0;
        for (const p of extra.slice(0, limits.rows)) {
            const entry = `${escapeMarkdown(p.name, 64)}: ${codeSpan(p.accountId, 40)} ${codeSpan(p.roleName, 64)}`;
            used += bytes(entry) + 4;
            if (used > limits.extraBytes)
                break;
            shown.push(entry);
        }
        if (extra.length > shown.length) {
            const cutBySize = shown.length < Math.min(extra.length, limits.rows);
            shown.push(`and ${extra.length - shown.length} more${cutBySize ? ` (${SUMMARY_CUT})` : ''}`);
        }
        add('Also requested', shown.join('<br>'));
    }
    add('Identity Center', codeSpan(ctx.startUrl, LIMIT.url));
    const { started, final } = state;
    if (started) {
        add('User code', final
            ? `~~${escapeMarkdown(started.userCode, 32)}~~ (no longer valid)`
            : `**${codeSpan(started.userCode, 32)}**`);
        add('Code expires', final
            ? `${formatUtc(started.expiresAt)}`
            : `${formatUtc(started.expiresAt)} (${minutesLeft(started.expiresAt, state.now)} when posted)`);
        if (started.attempt > 1)
            add('Attempt', `${started.attempt} (${replacedWhy(started)}: a fresh code replaced it)`);
    }
    if (final?.type === 'approved') {
        add('Approved by', escapeMarkdown(final.approvedBy));
        add('Approved at', formatUtc(final.at));
        add('Session', codeSpan(final.arn, LIMIT.arn));
    }
    if (final?.type === 'rejected')
        add('Approved by (not allowed)', escapeMarkdown(final.approvedBy));
    return rows;
}
function renderMarkdownWith(ctx, state, marker, limits) {
    const status = statusOf(state);
    const { started, final } = state;
    const t = TITLES[status];
    const out = [
        commentMarker(ctx, marker),
        `## ${t.icon} ${t.title}`,
        ''
    ];
    const who = ctx.actor ? `**${escapeMarkdown(ctx.actor)}**'s ` : 'A ';
    const where = [
        ctx.job ? `job **${escapeMarkdown(ctx.job)}**` : 'job',
        ctx.workflow ? `in workflow **${escapeMarkdown(ctx.workflow)}**` : '',
        ctx.repository ? `of **${escapeMarkdown(ctx.repository)}**` : ''
    ]
        .filter(Boolean)
        .join(' ');
    const what = `role ${codeSpan(ctx.roleName) || '(none)'} in AWS account ${codeSpan(ctx.accountId, 40) || '(none)'}`;
    if (!final) {
        out.push(`${who}${where} asks for ${what}.`, '');
        const link = safeUrl(started?.verificationUri);
        if (started && link) {
            if (started.attempt > 1)
                out.push(`🔁 ${capitalize(replacedWhy(started))}: this is a **new code** (attempt ${started.attempt}).`, '');
            if (started.approvals)
                out.push(`👥 ${escapeMarkdown(started.approvals, LIMIT.reason)}`, '');
            out.push(`### [➡️ Approve in AWS IAM Identity Center](${link})`, '');
            out.push(`${compareOnAwsPage(started, (v, max) => codeSpan(v, max), (x) => `**${x}**`)} ` +
                `The code expires at **${formatUtc(started.expiresAt)}** (${minutesLeft(started.expiresAt, state.now)} when posted).`, '');
        }
        else if (started) {
            out.push(`The approval link is not a valid https URL, so it is not shown here; use the job log.`, '');
        }
        out.push(approvalGrants(ctx, undefined, escapeMarkdown), '');
    }
    else {
        out.push(`${who}${where} asked for ${what}.`, '');
        out.push(outcomeSentence(final, escapeMarkdown, (s) => `**${s}**`), '');
        if (final.approvals)
            out.push(`👥 ${escapeMarkdown(final.approvals, LIMIT.reason)}`, '');
        if (grantApplies(final))
            out.push(approvalGrants(ctx, final, escapeMarkdown), '');
        if (started)
            out.push(`The approval link was removed; the code ~~${escapeMarkdown(started.userCode, 32)}~~ is no longer valid.`, '');
    }
    out.push('| Request | Details |', '|---|---|');
    for (const [label, value] of facts(ctx, state, limits))
        out.push(`| ${label} | ${value} |`);
    out.push('');
    const profiles = tableProfiles(final);
    if (profiles)
        out.push(...profileTable(profiles, limits), '');
    const unverified = final?.type === 'approved' && final.profiles
        ? unverifiedNote(final.profiles)
        : undefined;
    if (unverified)
        out.push(unverified, '');
    if (!final)
        out.push('<sub>Did not expect this request? Do not approve it.</sub>');
    else
        out.push(`<sub>Updated ${formatUtc(state.now)}.</sub>`);
    return out.join('\n');
}
/**
 * The profiles of the final state's table, failures first (what the reader is looking for), each group in its
 * original order; undefined when there is no table.
 */
function tableProfiles(final) {
    if (!final ||
        (final.type !== 'approved' && final.type !== 'failed') ||
        !final.profiles)
        return undefined;
    if (final.type === 'approved'
        ? final.profiles.length <= 1
        : final.profiles.length === 0)
        return undefined;
    return [
        ...final.profiles.filter((p) => p.error),
        ...final.profiles.filter((p) => !p.error)
    ];
}
/**
 * One row per profile written from the approval: verified, not verified (verify-profiles: primary), or the error. At most `limits.rows` rows (at least one)
 * within `limits.tableBytes`; the rest is one closing row that counts them (failed and verified when the size cut it).
 */
function profileTable(profiles, limits) {
    const rows = ['| Profile | Account | Role | Result |', '|---|---|---|---|'];
    let used = 0;
    let shown = 0;
    for (const p of profiles.slice(0, Math.max(1, limits.rows))) {
        const result = p.error
            ? `❌ ${escapeMarkdown(p.error, LIMIT.reason)}`
            : p.unverified
                ? '➖ not verified'
                : '✅ verified';
        const row = `| ${escapeMarkdown(p.name, 64)} | ${codeSpan(p.accountId, 40)} | ${codeSpan(p.roleName, 64)} | ${result} |`;
        used += bytes(row) + 1;
        if (shown > 0 && used > limits.tableBytes)
            break;
        rows.push(row);
        shown++;
    }
    const rest = profiles.slice(shown);
    if (rest.length > 0) {
        if (shown < Math.min(profiles.length, Math.max(1, limits.rows))) {
            const failed = rest.filter((p) => p.error).length;
            const unverified = rest.filter((p) => p.unverified).length;
            const counts = `${failed} failed, ${rest.length - failed - unverified} verified${unverified ? `, ${unverified} not verified` : ''}`;
            rows.push(`| and ${rest.length} more (${counts}), ${SUMMARY_CUT} | | | |`);
        }
        else {
            rows.push(`| and ${rest.length} more | | | |`);
        }
    }
    return rows;
}
/**
 * The job summary body, under MAX_SUMMARY_BYTES however many profiles: the facts without any list give the fixed part
 * (bounded by the per-value limits); "Also requested" may take half of the room left when a profile table follows
 * (all of it otherwise), the table whatever remains.
 */
function renderSummary(ctx, state, marker) {
    const all = renderMarkdownWith(ctx, state, marker, {
        rows: UNLIMITED,
        extraBytes: UNLIMITED,
        tableBytes: UNLIMITED
    });
    if (bytes(all) <= MAX_SUMMARY_BYTES - SUMMARY_MARGIN_BYTES)
        return all;
    const fixed = bytes(renderMarkdownWith(ctx, state, marker, {
        rows: UNLIMITED,
        extraBytes: 0,
        tableBytes: 0
    }));
    const room = Math.max(0, MAX_SUMMARY_BYTES - SUMMARY_MARGIN_BYTES - fixed);
    const extraBytes = tableProfiles(state.final) ? Math.floor(room / 2) : room;
    const withExtra = bytes(renderMarkdownWith(ctx, state, marker, {
        rows: UNLIMITED,
        extraBytes,
        tableBytes: 0
    }));
    const tableBytes = Math.max(0, MAX_SUMMARY_BYTES - SUMMARY_MARGIN_BYTES - withExtra);
    return renderMarkdownWith(ctx, state, marker, {
        rows: UNLIMITED,
        extraBytes,
        tableBytes
    });
}
/**
 * The comment / job summary body. Every value is escaped; in a final state there is no
 * approval link and the user code is struck through. Always under GitHub's comment limit.
 */
function renderMarkdown(ctx, state, marker = {}, opts = {}) {
    // The job summary lists profiles up to 1 MiB; a comment shows the first 20 and "and N more".
    if (opts.summary)
        return renderSummary(ctx, state, marker);
    let body = renderMarkdownWith(ctx, state, marker, {
        rows: MAX_EXTRA_PROFILES,
        extraBytes: UNLIMITED,
        tableBytes: UNLIMITED
    });
    if (body.length > MAX_COMMENT_CHARS)
        body = renderMarkdownWith(ctx, state, marker, {
            rows: 0,
            extraBytes: UNLIMITED,
            tableBytes: UNLIMITED
        });
    if (body.length > MAX_COMMENT_CHARS) {
        // Cannot happen with the per-value limits; a last resort that keeps the marker and closes cleanly.
        body = `${Array.from(body)
            .slice(0, MAX_COMMENT_CHARS - 100)
            .join('')}\n\n_(truncated)_`;
    }
    return body;
}

;// CONCATENATED MODULE: ./src/notify/comment.ts


const DEFAULT_DEADLINES = { started: 10_000, final: 7_000, cancelled: 2_500 };
function commentNotifier(opts, ctx, logger) {
    const env = opts.env ?? process.env;
    const now = opts.now ?? (() => new Date());
    const base = (opts.apiUrl ||
        env.GITHUB_API_URL ||
        'https://api.github.com').replace(/\/+$/, '');
    const timeoutMs = opts.timeoutMs ?? 6000;
    const deadlines = { ...DEFAULT_DEADLINES, ...(opts.deadlineMs ?? {}) };
    const issue_number = opts.issueNumber;
    const where = `#${opts.issueNumber}`;
    const marker = commentMarker(ctx, opts.marker);
    /** What a 403/404 most likely means, naming the permission this kind of target needs. */
    const fix = opts.target === 'pull-request'
        ? 'the token lacks `pull-requests: write` (a pull request from a fork gets a read-only token); set `permissions: pull-requests: write` or use notify: summary'
        : opts.target === 'issue'
            ? 'the token lacks `issues: write`; set `permissions: issues: write` or use notify: summary'
            : 'the token lacks `pull-requests: write` (for a pull request; one from a fork gets a read-only token) or `issues: write` (for an issue); set that permission or use notify: summary';
    let commentId;
    let started;
    let quiet = false; // permanent failure: stop calling the API
    let warnedTransient = false; // a failure while the request is open (post, new code); the final edit always warns
    let finished = false;
    let pending = 0;
    let chain = Promise.resolve();
    /** Aborted by close(): the request in flight and any retry wait end, and no new attempt starts. */
    const closing = new AbortController();
    const call = restCaller({
        token: opts.token,
        base,
        userAgent: opts.userAgent,
        env,
        repo: opts.repo,
        attempts: Math.max(1, opts.attempts ?? 3),
        retryBase: opts.retryBaseMs ?? 1000,
        retryCap: opts.retryCapMs ?? 4000,
        maxRetryAfter: opts.maxRetryAfterMs ?? 10_000,
        timeoutMs,
        random: opts.random ?? Math.random,
        logger,
        closing: closing.signal
    });
    function explain(failure, action, tail = 'Approvers must use the link in the job log.') {
        const head = `${action} (${failure.detail})`;
        if (failure.status !== undefined &&
            failure.status < 500 &&
            !failure.fromGitHub) {
            return `${head}: the answer did not come from GitHub (${base}); a proxy or firewall may be blocking it (check HTTPS_PROXY / NO_PROXY). ${tail}`;
        }
        switch (failure.status) {
            case 403:
                return `${head}: ${fix}. ${tail}`;
            case 404:
                return `${head}: the repository or ${where} was not found, or ${fix}. ${tail}`;
            case 401:
                return `${head}: the token was not accepted; pass a valid github-token or use notify: summary. ${tail}`;
            default:
                return `${head}. ${tail}`;
        }
    }
    /** After a POST that may have reached GitHub (timeout, 5xx): the comment it created, if any. */
    function findPosted(body, since, userCode, deadline) {
        return async () => {
            const r = await call('list comments', 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
                issue_number,
                since: new Date(since.getTime() - 60_000).toISOString(),
                per_page: 100
            }, Math.min(deadline, Date.now() + Math.min(timeoutMs, 3000)), undefined, 1);
            if (!r.ok || !Array.isArray(r.data))
                return undefined;
            const mine = r.data.filter((c) => typeof c.id === 'number' &&
                typeof c.body === 'string' &&
                (c.body === body ||
                    (c.body.startsWith(marker) && c.body.includes(userCode))));
            const last = mine[mine.length - 1];
            if (!last)
                return undefined;
            logger.info(`GitHub create comment: the earlier attempt did create the comment on ${where}; using it rather than posting a duplicate`);
            return {
                id: last.id,
                html_url: typeof last.html_url === 'string' ? last.html_url : undefined
            };
        };
    }
    async function post(event) {
        const body = renderMarkdown(ctx, { started: event, now: now() }, opts.marker);
        const deadline = Date.now() + deadlines.started;
        const since = new Date();
        const r = await call('create comment', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { issue_number, body }, deadline, findPosted(body, since, event.userCode, deadline));
        if (!r.ok) {
            quiet = true; // nothing to edit later
            warnedTransient = true;
            logger.warning(explain(r, `Could not post the AWS sign-in request on ${where}`));
            return;
        }
        if (typeof r.data?.id === 'number')
            commentId = r.data.id;
        if (typeof r.data?.html_url === 'string')
            logger.info(`Posted the approval request on ${where}: ${r.data.html_url}`);
        if (commentId === undefined) {
            quiet = true;
            warnedTransient = true;
            logger.warning(`Posted the AWS sign-in request on ${where}, but GitHub's answer had no comment id; it will not be updated.`);
        }
    }
    async function edit(body, deadline) {
        return call('update comment', 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { comment_id: commentId, body }, deadline);
    }
    async function handle(event) {
        if (quiet || finished || event.type === 'waiting')
            return;
        if (event.type === 'started') {
            started = event;
            if (commentId === undefined)
                return post(event);
            const r = await edit(renderMarkdown(ctx, { started, now: now() }, opts.marker), Date.now() + deadlines.started);
            if (!r.ok) {
                if (r.permanent)
                    quiet = true;
                if (!warnedTransient) {
                    warnedTransient = true;
                    logger.warning(explain(r, `Could not put the new code in the comment on ${where}`));
                }
            }
            return;
        }
        finished = true;
        if (commentId === undefined)
            return; // never posted: nothing to update
        await final(event);
    }
    async function final(event) {
        const body = renderMarkdown(ctx, { started, final: event, now: now() }, opts.marker);
        const r = await edit(body, Date.now() +
            (event.type === 'cancelled' ? deadlines.cancelled : deadlines.final));
        if (!r.ok) {
            quiet = true;
            logger.warning(explain(r, `Could not update the comment on ${where} with the outcome (${event.type})`, 'The comment still shows the old request; its code is no longer valid.'));
        }
    }
    return {
        name: 'comment',
        onEvent(event) {
            // Serialized: a final edit never overtakes the POST that creates the comment.
            pending++;
            chain = chain
                .then(() => handle(event))
                .catch((err) => logger.debug(`comment notifier: ${err instanceof Error ? err.name : 'error'}`))
                .finally(() => void pending--);
            return chain;
        },
        unfinished() {
            if (pending === 0)
                return undefined;
            return commentId === undefined
                ? `the comment on ${where} may not have been posted, or may still show the old request`
                : `the comment on ${where} may still show the old request`;
        },
        close() {
            closing.abort();
        }
    };
}

;// CONCATENATED MODULE: ./src/notify/log.ts




function logNotifier(logger, ctx, opts = {}) {
    const now = opts.now ?? (() => new Date());
    const every = opts.progressEveryMs ?? 30_000;
    let lastProgress;
    let started;
    let finished = false;
    const describe = () => {
        const parts = [
            ctx.repository && cleanText(ctx.repository),
            ctx.workflow && `workflow "${cleanText(ctx.workflow)}"`,
            ctx.job && `job "${cleanText(ctx.job)}"`,
            ctx.event && `event ${cleanText(ctx.event)}`,
            ctx.ref && `ref ${cleanText(ctx.ref)}`,
            ctx.sha && `commit ${shortSha(ctx.sha)}`,
            ctx.actor && `triggered by ${cleanText(ctx.actor)}`
        ].filter(Boolean);
        return parts.join(', ');
    };
    return {
        name: 'log',
        async onEvent(event) {
            try {
                switch (event.type) {
                    case 'started': {
                        started = event;
                        lastProgress = now().getTime();
                        const link = safeUrl(event.verificationUri) ??
                            cleanText(event.verificationUri, 500);
                        const secondsLeft = (event.expiresAt.getTime() - now().getTime()) / 1000;
                        const extra = (ctx.extraProfiles ?? []).map((p) => `${cleanText(p.name, 64)} (${cleanText(p.accountId, 40)} ${cleanText(p.roleName, 64)})`);
                        logger.info(event.attempt > 1
                            ? `${replacedWhy(event).replace(/^t/, 'T')}; a NEW code was issued (attempt ${event.attempt}). Approve again with the new code:`
                            : 'AWS IAM Identity Center sign-in needs approval.');
                        if (event.approvals)
                            logger.info(`  ${cleanText(event.approvals, LIMIT.reason)}`);
                        const what = describe();
                        if (what)
                            logger.info(`  Request: ${what}`);
                        const run = safeUrl(ctx.runUrl);
                        if (run)
                            logger.info(`  Run: ${run}`);
                        logger.info(`  Asks for: account ${cleanText(ctx.accountId, 40)}, role ${cleanText(ctx.roleName)}${extra.length ? `; also ${extra.join(', ')}` : ''}`);
                        logger.info(`  Identity Center: ${cleanText(ctx.startUrl, 500)}`);
                        logger.info(`  Open this link to approve: ${link}`);
                        logger.info('  User code:');
                        logger.info(`      ${cleanText(event.userCode, 32)}`);
                        logger.info(`  ${compareOnAwsPage(event, cleanText, (x) => x)}`);
                        logger.info(`  The code expires at ${formatUtc(event.expiresAt)} (in ${(0,time/* formatDuration */.a)(secondsLeft)}).`);
                        logger.info(`  ${approvalGrants(ctx, undefined, cleanText, (x) => x)}`);
                        logger.notice?.(`Approve the AWS sign-in: ${link} (code ${cleanText(event.userCode, 32)}, expires ${formatUtc(event.expiresAt)})`);
                        return;
                    }
                    case 'waiting': {
                        const t = now().getTime();
                        if (lastProgress === undefined) {
                            lastProgress = t;
                            return;
                        }
                        if (t - lastProgress < every)
                            return;
                        lastProgress = t;
                        const code = started
                            ? ` (code ${cleanText(started.userCode, 32)})`
                            : '';
                        logger.info(`Still waiting for approval${code}: ${(0,time/* formatDuration */.a)(event.secondsLeft)} left.`);
                        return;
                    }
                    default: {
                        if (finished)
                            return;
                        finished = true;
                        const code = started
                            ? ` The code ${cleanText(started.userCode, 32)} is no longer valid.`
                            : '';
                        const arn = event.type === 'approved'
                            ? ` Session: ${cleanText(event.arn, 2048)}.`
                            : '';
                        logger.info(`${outcomeLine(event)}${arn}${code}`);
                        if (event.approvals)
                            logger.info(cleanText(event.approvals, LIMIT.reason));
                        if (grantApplies(event))
                            logger.info(approvalGrants(ctx, event, cleanText, (x) => x));
                        const unverified = event.type === 'approved' && event.profiles
                            ? unverifiedNote(event.profiles)
                            : undefined;
                        if (unverified)
                            logger.info(unverified);
                        return;
                    }
                }
            }
            catch (err) {
                // A logger that throws must not break the login.
                try {
                    logger.debug(`log notifier: ${String(err)}`);
                }
                catch {
                    /* ignore */
                }
            }
        }
    };
}

// EXTERNAL MODULE: ./src/core/approval-record.ts
var approval_record = __webpack_require__(1860);
;// CONCATENATED MODULE: ./src/notify/render/approval-record.ts
/** The approval record in the job summary: a collapsed block with the JSON in a code fence. */



/**
 * `<details>` with a one-line `<summary>` (the approvers, HTML-entity-escaped with their links and mentions broken,
 * as escapeChat does) and the JSON in a fence longer than any run of backticks inside it, so no value can close it.
 */
function approvalRecordMarkdown(record) {
    const json = (0,approval_record/* approvalRecordJson */.PF)(record);
    const longest = Math.max(0, ...Array.from(json.matchAll(/`+/g), (m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    const names = record.approvers.map((a) => escapeChat(a.name, LIMIT.short));
    const by = names.length ? `: approved by ${names.join(', ')}` : '';
    return (`<details><summary>Approval record (version ${record.version})${by}</summary>\n\n` +
        `${fence}json\n${json}${fence}\n\n</details>\n`);
}

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
                await write(renderMarkdown(ctx, { started, now: now() }, opts.marker, {
                    summary: true
                }));
                return;
            }
            finished = true;
            const markdown = renderMarkdown(ctx, { started, final: event, now: now() }, opts.marker, { summary: true });
            // The approval record, collapsed, under the outcome; when both would pass GitHub's 1 MiB limit for a step's
            // summary (thousands of profiles), a line saying where the record is instead.
            let record = event.type === 'approved' && event.record
                ? `\n${approvalRecordMarkdown(event.record)}`
                : '';
            if (record &&
                Buffer.byteLength(markdown + record, 'utf8') > MAX_SUMMARY_BYTES - 1024)
                record = `\n_The approval record (${Buffer.byteLength(record, 'utf8').toLocaleString('en-US')} bytes) does not fit in the job summary beside the list above: it is the step's \`approval-record\` output._\n`;
            await write(markdown + record);
        }
    };
}

;// CONCATENATED MODULE: ./src/notify/render/text.ts



/** Multi-line plain text for logs and chat webhooks. Final states carry no link and no live code. */
function renderText(ctx, state, opts = {}) {
    const esc = opts.chat ? escapeChat : cleanText;
    const status = statusOf(state);
    const { started, final } = state;
    const lines = [];
    const where = [
        ctx.repository && esc(ctx.repository),
        ctx.workflow && `workflow "${esc(ctx.workflow)}"`,
        ctx.job && `job "${esc(ctx.job)}"`
    ]
        .filter(Boolean)
        .join(', ');
    lines.push(`${TITLES[status].icon} ${TITLES[status].plain}${where ? ` for ${where}` : ''}`);
    if (!final && started) {
        const link = safeUrl(started.verificationUri);
        if (started.attempt > 1)
            lines.push(`${capitalize(replacedWhy(started))}: this is a NEW code (attempt ${started.attempt}).`);
        if (started.approvals)
            lines.push(esc(started.approvals, LIMIT.reason));
        lines.push(`Approve: ${link ?? '(the link is not a valid URL; see the job log)'}`);
        lines.push(`User code: ${esc(started.userCode, 32)}`);
        lines.push(compareOnAwsPage(started, esc, (x) => x));
        lines.push(`Expires: ${formatUtc(started.expiresAt)} (${minutesLeft(started.expiresAt, state.now)})`);
    }
    if (final) {
        lines.push(outcomeSentence(final, esc, (s) => s));
        if (final.approvals)
            lines.push(esc(final.approvals, LIMIT.reason));
        if (final.type === 'approved')
            lines.push(`Session: ${esc(final.arn, LIMIT.arn)}`);
        if (started)
            lines.push(`The code ${esc(started.userCode, 32)} is no longer valid.`);
    }
    const runUrl = safeUrl(ctx.runUrl);
    if (runUrl)
        lines.push(`Run: ${runUrl}`);
    const trigger = [
        ctx.event && esc(ctx.event),
        ctx.ref && `on ${esc(ctx.ref)}`,
        ctx.sha && `@ ${esc(shortSha(ctx.sha))}`
    ]
        .filter(Boolean)
        .join(' ');
    if (ctx.actor || trigger)
        lines.push(`Triggered by: ${ctx.actor ? esc(ctx.actor) : 'unknown'}${trigger ? ` (${trigger})` : ''}`);
    lines.push(`Requested: account ${esc(ctx.accountId, 40)}, role ${esc(ctx.roleName)}`);
    if (ctx.chainTo)
        lines.push(`Then chains to: ${esc(ctx.chainTo.roleArn, LIMIT.arn)}${ctx.chainTo.narrowed ? ' (narrowed by a session policy)' : ''}; the job gets that role's session`);
    const extra = ctx.extraProfiles ?? [];
    if (extra.length > 0) {
        const shown = extra
            .slice(0, MAX_EXTRA_PROFILES)
            .map((p) => `${esc(p.name, 64)} (${esc(p.accountId, 40)} ${esc(p.roleName, 64)})`);
        if (extra.length > shown.length)
            shown.push(`and ${extra.length - shown.length} more`);
        lines.push(`Also requested: ${shown.join(', ')}`);
    }
    lines.push(`Identity Center: ${safeUrl(ctx.startUrl) ?? esc(ctx.startUrl, LIMIT.url)}`);
    if (!final)
        lines.push(approvalGrants(ctx, undefined, esc, (x) => x));
    else if (grantApplies(final))
        lines.push(approvalGrants(ctx, final, esc, (x) => x));
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/notify/webhook.ts


function webhookNotifier(url, ctx, logger, opts = {}) {
    const now = opts.now ?? (() => new Date());
    let started;
    let finished = false;
    let warned = false;
    let chain = Promise.resolve();
    /** One warning: a webhook that failed at the start is known to be broken; the outcome failing alone is reported too. */
    const warnOnce = (why, isFinal = false) => {
        if (warned)
            return;
        warned = true;
        const hint = /^HTTP (4\d\d)/.test(why)
            ? 'check the webhook-url secret (the receiver must accept a JSON POST of {"text": "..."}, as Slack and Teams incoming webhooks do)'
            : 'check the webhook-url secret and that the receiver is reachable from the runner (HTTPS_PROXY / NO_PROXY)';
        logger.warning(`Could not notify the webhook${isFinal ? ' of the outcome' : ''} (${why}): ${hint}. ${isFinal ? 'The outcome is in the job log.' : 'The link and the code are in the job log.'}`);
    };
    /** Aborted by close(): a POST still open when the step ends is abandoned instead of keeping the process alive. */
    const closing = new AbortController();
    async function send(text, isFinal = false, timeoutMs = opts.timeoutMs ?? 5000) {
        let target;
        try {
            target = new URL(url);
            if (target.protocol !== 'https:' && target.protocol !== 'http:')
                throw new Error('scheme');
        }
        catch {
            warnOnce('its URL is not a valid http(s) URL', isFinal);
            return;
        }
        try {
            const res = await httpRequest({
                method: 'POST',
                url: target.href,
                headers: {
                    'content-type': 'application/json',
                    'user-agent': 'identity-center-login'
                },
                body: JSON.stringify({ text }),
                timeoutMs,
                env: opts.env,
                signal: closing.signal
            });
            if (res.status < 200 || res.status >= 300)
                warnOnce(`HTTP ${res.status}`, isFinal);
        }
        catch (err) {
            // Only the error code: a Node error message could contain the host.
            warnOnce(err instanceof NetworkError ? err.message : 'network error', isFinal);
        }
    }
    async function handle(event) {
        if (finished || event.type === 'waiting')
            return;
        if (event.type === 'started') {
            started = event;
            await send(renderText(ctx, { started, now: now() }, { chat: true }));
            return;
        }
        finished = true;
        if (!started)
            return; // nobody was asked: nothing to close
        // A cancelled step has about 3 s left to drain: stay inside it.
        const timeout = event.type === 'cancelled'
            ? Math.min(opts.timeoutMs ?? 5000, 2500)
            : opts.timeoutMs;
        await send(renderText(ctx, { started, final: event, now: now() }, { chat: true }), true, timeout);
    }
    return {
        name: 'webhook',
        onEvent(event) {
            chain = chain
                .then(() => handle(event))
                .catch((err) => logger.debug(`webhook notifier: ${err instanceof Error ? err.name : 'error'}`));
            return chain;
        },
        close() {
            closing.abort();
        }
    };
}

;// CONCATENATED MODULE: ./src/notify/index.ts




const CHANNELS = ['log', 'summary', 'comment', 'webhook'];
const FACTORIES = {
    log: (d) => logNotifier(d.logger, d.ctx, { now: d.now }),
    summary: (d) => d.summary
        ? summaryNotifier(d.summary, d.ctx, {
            logger: d.logger,
            now: d.now,
            marker: d.marker
        })
        : 'no job summary is available here',
    comment: (d) => {
        if (!d.comment)
            return 'this run has no pull request or issue to comment on';
        if (!d.comment.token)
            return 'no GitHub token was given';
        return commentNotifier({ ...d.comment, now: d.now, marker: d.marker, env: d.env }, d.ctx, d.logger);
    },
    webhook: (d) => d.webhookUrl
        ? webhookNotifier(d.webhookUrl, d.ctx, d.logger, {
            now: d.now,
            env: d.env
        })
        : 'no webhook URL was given'
};
/**
 * Build the chosen channels (e.g. the parsed `notify` input). The log channel is always on (the
 * place of last resort for the link), first, whether listed or not. A channel whose dependency is
 * missing is skipped with one warning (never an error: the login does not depend on notifications).
 */
function createNotifiers(channels, deps) {
    const out = [];
    const seen = new Set();
    for (const raw of ['log', ...channels]) {
        const name = raw.trim().toLowerCase();
        if (!name || seen.has(name))
            continue;
        seen.add(name);
        const factory = FACTORIES[name];
        if (!factory) {
            deps.logger.warning(`Unknown notify channel "${name.slice(0, 40)}" ignored (known: ${CHANNELS.join(', ')}).`);
            continue;
        }
        const made = factory(deps);
        if (typeof made === 'string')
            deps.logger.warning(`notify: ${name} skipped: ${made}.`);
        else
            out.push(made);
    }
    return out;
}
/** Deliver one event to every channel concurrently. Never throws; resolves when all are done. */
async function broadcast(notifiers, event, logger) {
    await Promise.all(notifiers.map(async (n) => {
        try {
            await n.onEvent(event);
        }
        catch (err) {
            try {
                logger?.debug(`notify: ${n.name} failed on ${event.type}: ${err instanceof Error ? err.name : 'error'}`);
            }
            catch {
                /* ignore */
            }
        }
    }));
}


/***/ }),

/***/ 6043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration),
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/** Waiting and saying how long, in one place for every module. */
/** Resolves after `ms`. With a signal, rejects with `onAbort(signal)` (default: the signal's reason) as soon as it aborts. */
function sleep(ms, signal, onAbort = (s) => s.reason) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(onAbort(signal));
        const aborted = () => {
            clearTimeout(timer);
            reject(onAbort(signal));
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', aborted);
            resolve();
        }, ms);
        signal?.addEventListener('abort', aborted, { once: true });
    });
}
/** "9 min 5 s", "45 s", "2 h 3 min". */
function formatDuration(totalSeconds) {
    const s = Math.max(0, Math.round(totalSeconds));
    if (s < 60)
        return `${s} s`;
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    if (h > 0)
        return m > 0 ? `${h} h ${m} min` : `${h} h`;
    return sec > 0 ? `${m} min ${sec} s` : `${m} min`;
}


/***/ })

};
