/**
 * Files on a shared self-hosted runner, with the BUNDLED action (main + post) against the emulator:
 *  - a later job replaced the token cache file before this job's post step → that file is kept;
 *  - keep-session: true → the post step removes nothing (byte for byte, modes included) and does not sign out;
 *  - a user's own ~/.aws/config (comments, [default], nested s3 block, CRLF, no final newline, a section of the
 *    same name as ours) survives main + post byte for byte;
 *  - two jobs at once with the same sso-session on one HOME → both succeed, and a reader polling the files the
 *    whole time never sees a half-written one; no temp or lock file is left;
 *  - a symlinked ~/.aws/config (or ~/.aws) → the action refuses to write through it, with a clear error.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  consumerEnv,
  newWorkspace,
  postEnv,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start,
  type StepResult,
  type Workspace,
  postOf
} from './runner.js'
import { snapshotDist } from './github-fake.js'

let DIST: string
let emu: Emulator
beforeAll(async () => {
  DIST = await snapshotDist()
  emu = await startEmulator({ interval: 1 })
})
afterAll(async () => {
  await emu?.close()
  if (DIST)
    rmSync(path.dirname(path.dirname(DIST)), { recursive: true, force: true })
})

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const mode = (p: string) => statSync(p).mode & 0o777
const configOf = (home: string) => path.join(home, '.aws', 'config')
const cacheDirOf = (home: string) => path.join(home, '.aws', 'sso', 'cache')
const tokenCacheOf = (home: string, session = SEED_INPUTS['sso-session']) =>
  path.join(cacheDirOf(home), `${sha1(session)}.json`)

/** Every file under `dir` → its bytes and mode (folders → their mode). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      const rel = path.relative(dir, p)
      if (e.isDirectory()) {
        out[rel + '/'] = mode(p).toString(8)
        walk(p)
      } else
        out[rel] =
          `${mode(p).toString(8)} ${readFileSync(p).toString('base64')}`
    }
  }
  if (existsSync(dir)) walk(dir)
  return out
}

/** Main with an approval by alice; the user code is returned so tokens can be found in the emulator. */
async function approvedMain(
  ws: Workspace,
  inputs: Record<string, string> = {},
  extra: Record<string, string> = {}
) {
  const env = runnerEnv(ws, emu.url, { ...SEED_INPUTS, ...inputs }, extra)
  const main = start(DIST, env)
  const auth = await emu.waitForDeviceAuthorization()
  emu.approve(auth.userCode, 'alice')
  const result = await main.done
  return { env, result, auth }
}

/** {@link approvedMain} with an explicit environment (another job on the same HOME). */
async function approvedMainIn(
  ws: Workspace,
  inputs: Record<string, string>,
  extra: Record<string, string>
) {
  return approvedMain(ws, inputs, extra)
}

const tokenOf = (userCode: string) =>
  emu.tokens().find((t) => t.userCode === userCode)!

describe('the post step on a shared runner', () => {
  test('a later job replaced the token cache file: post keeps that file, still signs out and removes the rest', async () => {
    const ws = newWorkspace()
    const { env, result, auth } = await approvedMain(ws)
    expect(result.code).toBe(0)
    const cacheFile = tokenCacheOf(ws.home)
    const ours = readFileSync(cacheFile, 'utf8')

    // The next job on this runner logged in with the same sso-session (aws sso login writes the same file).
    const later = JSON.stringify({
      startUrl: SEED_INPUTS['start-url'],
      region: 'us-east-1',
      accessToken: 'aoaLATERJOBTOKEN',
      expiresAt: '2099-01-01T00:00:00Z'
    })
    writeFileSync(cacheFile, later, { mode: 0o600 })
    expect(later).not.toBe(ours)

    const post = await start(postOf(DIST), postEnv(ws, env)).done
    expect({ code: post.code, stderr: post.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    expect(readFileSync(cacheFile, 'utf8')).toBe(later)
    expect(post.stdout).toMatch(/Token cache: replaced-by-someone-else/)
    // Our own token is still revoked (post keeps it in state), our registration cache and config sections are gone.
    expect(tokenOf(auth.userCode).revoked).toBe(true)
    expect(readdirSync(cacheDirOf(ws.home))).toEqual([path.basename(cacheFile)])
    expect(existsSync(configOf(ws.home))).toBe(false)
  })

  test('keep-session: true → post removes nothing (bytes and modes) and does not sign out', async () => {
    const ws = newWorkspace()
    const { env, result, auth } = await approvedMain(ws, {
      'keep-session': 'true'
    })
    expect(result.code).toBe(0)
    const before = snapshot(ws.home)
    expect(Object.keys(before).sort()).toEqual(
      [
        '.aws/',
        '.aws/config',
        '.aws/sso/',
        '.aws/sso/cache/',
        expect.stringMatching(/^\.aws\/sso\/cache\/[0-9a-f]{40}\.json$/),
        expect.stringMatching(/^\.aws\/sso\/cache\/[0-9a-f]{40}\.json$/)
      ].sort()
    )
    const logouts = emu.calls().filter((c) => c.operation === 'Logout').length

    const post = await start(postOf(DIST), postEnv(ws, env)).done
    expect({ code: post.code, stderr: post.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    expect(post.stdout).toMatch(/keep-session is true/)
    expect(snapshot(ws.home)).toEqual(before)
    expect(emu.calls().filter((c) => c.operation === 'Logout').length).toBe(
      logouts
    )
    expect(tokenOf(auth.userCode).revoked).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------

const USER_CONFIG_LF = [
  '# my AWS config: hand-edited, keep my comments',
  '[default]',
  'region = eu-central-1',
  'output = text',
  '',
  '; a semicolon comment',
  '[profile data]',
  'region = eu-west-1',
  's3 =',
  '    max_concurrent_requests = 20',
  '    addressing_style = path',
  'role_arn = arn:aws:iam::123456789012:role/data',
  'source_profile = default',
  '',
  '',
  '[sso-session corp]',
  'sso_start_url = https://corp.awsapps.com/start',
  'sso_region = eu-west-1',
  '[profile   spaced  ]',
  'region=us-east-2   ',
  '# trailing comment without a final newline'
].join('\n')

const SAME_NAMES = [
  '[profile my-dev-profile]',
  '# the user had their own profile of the same name',
  'sso_session = my-sso',
  'sso_account_id = 999999999999',
  'sso_role_name = Old',
  '',
  '[sso-session my-sso]',
  'sso_start_url = https://old.awsapps.com/start',
  'sso_region = eu-west-1',
  '',
  '[default]',
  'region = us-east-1',
  ''
].join('\n')

describe("a user's own ~/.aws/config survives main + post byte for byte", () => {
  test.each([
    [
      'LF, comments, [default], nested s3 block, no final newline',
      USER_CONFIG_LF
    ],
    [
      'the same file with CRLF line endings',
      USER_CONFIG_LF.replace(/\n/g, '\r\n')
    ],
    [
      'CRLF with a final newline',
      USER_CONFIG_LF.replace(/\n/g, '\r\n') + '\r\n'
    ],
    ['sections of the same names as ours (replaced, then restored)', SAME_NAMES]
  ])('%s', async (_label, original) => {
    const ws = newWorkspace()
    mkdirSync(path.join(ws.home, '.aws'), { mode: 0o700 })
    const file = configOf(ws.home)
    writeFileSync(file, original, { mode: 0o644 })
    chmodSync(file, 0o644)

    const { env, result } = await approvedMain(ws)
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    const merged = readFileSync(file, 'utf8')
    // Ours is in, the user's other sections are untouched, in the file's own line ending, and the looser mode was tightened.
    expect(merged).toMatch(
      /\[profile my-dev-profile\]\r?\nsso_session = my-sso\r?\nsso_account_id = 111122223333\r?\n/
    )
    expect(merged).toMatch(
      /\[sso-session my-sso\]\r?\nsso_region = us-east-1\r?\nsso_start_url = https:\/\/my-sso-portal\.awsapps\.com\/start\r?\n/
    )
    if (original.includes('\r\n'))
      expect(merged.replace(/\r\n/g, '')).not.toContain('\n')
    for (const block of original
      .split(/\r?\n\r?\n/)
      .filter((b) => !/my-dev-profile|my-sso/.test(b)))
      expect(merged).toContain(block.trim())
    if (process.platform !== 'win32') expect(mode(file)).toBe(0o600) // Windows has no POSIX modes

    const post = await start(postOf(DIST), postEnv(ws, env)).done
    expect({ code: post.code, stderr: post.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    expect(readFileSync(file).equals(Buffer.from(original, 'utf8'))).toBe(true)
    expect(readdirSync(cacheDirOf(ws.home))).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------

describe('two jobs at once on one runner, same sso-session, one HOME', () => {
  test('both succeed; a reader polling all the while never sees a half-written file; nothing temporary is left', async () => {
    const a = newWorkspace()
    const b = newWorkspace()
    const home = a.home
    const shared = { HOME: home, USERPROFILE: home }
    const envA = runnerEnv(
      a,
      emu.url,
      { ...SEED_INPUTS, profile: 'job-a' },
      { ...shared, GITHUB_JOB: 'job-a' }
    )
    const envB = runnerEnv(
      b,
      emu.url,
      { ...SEED_INPUTS, profile: 'job-b' },
      { ...shared, GITHUB_JOB: 'job-b' }
    )

    // The reader: every JSON file in the cache must parse, the config must never lose a section it had.
    let reading = true
    const seen = { reads: 0, jsonReads: 0, torn: [] as string[] }
    const reader = (async () => {
      while (reading) {
        const dir = cacheDirOf(home)
        const files = existsSync(dir)
          ? readdirSync(dir).filter((f) => f.endsWith('.json'))
          : []
        for (const f of files) {
          let text: string
          try {
            text = readFileSync(path.join(dir, f), 'utf8')
          } catch {
            continue // removed between listing and reading
          }
          seen.jsonReads++
          try {
            const j = JSON.parse(text)
            if (typeof j !== 'object' || j === null)
              seen.torn.push(`${f}: not an object`)
          } catch {
            seen.torn.push(`${f}: ${JSON.stringify(text.slice(0, 80))}`)
          }
        }
        try {
          const config = readFileSync(configOf(home), 'utf8')
          // A whole file: every [section] header line is complete, and the file ends at a line end.
          if (config !== '' && !config.endsWith('\n'))
            seen.torn.push(
              `config ends mid-line: ${JSON.stringify(config.slice(-40))}`
            )
        } catch {
          /* not there yet */
        }
        seen.reads++
        await sleep(2)
      }
    })()

    const mainA = start(DIST, envA)
    const mainB = start(DIST, envB)
    const first = await emu.waitForDeviceAuthorization()
    const second = await emu.waitForDeviceAuthorization()
    // Approve both at the same moment, so that their writes overlap.
    emu.approve(first.userCode, 'alice')
    emu.approve(second.userCode, 'bob')
    const [ra, rb]: StepResult[] = await Promise.all([mainA.done, mainB.done])
    expect({ code: ra.code, stderr: ra.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    expect({ code: rb.code, stderr: rb.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    expect(readCommandFile(a.files.output).profile).toBe('job-a')
    expect(readCommandFile(b.files.output).profile).toBe('job-b')

    // Both profiles, one sso-session section, and one token cache holding one of the two tokens, whole.
    const config = readFileSync(configOf(home), 'utf8')
    expect(config).toContain('[profile job-a]')
    expect(config).toContain('[profile job-b]')
    expect(config.match(/^\[sso-session my-sso\]$/gm)).toHaveLength(1)
    const cached = JSON.parse(readFileSync(tokenCacheOf(home), 'utf8'))
    expect([
      tokenOf(first.userCode).accessToken,
      tokenOf(second.userCode).accessToken
    ]).toContain(cached.accessToken)

    // Both post steps at once.
    const [pa, pb] = await Promise.all([
      start(postOf(DIST), postEnv(a, envA)).done,
      start(postOf(DIST), postEnv(b, envB)).done
    ])
    reading = false
    await reader
    expect({ code: pa.code, stderr: pa.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    expect({ code: pb.code, stderr: pb.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    expect(tokenOf(first.userCode).revoked).toBe(true)
    expect(tokenOf(second.userCode).revoked).toBe(true)

    expect(seen.torn).toEqual([])
    expect(seen.reads).toBeGreaterThan(50)
    expect(seen.jsonReads).toBeGreaterThan(10)
    // No temp file, no lock file, no token left behind.
    const left = Object.keys(snapshot(home))
    expect(left.filter((f) => /\.(tmp|lock|break)$|\.tmp-|~$/.test(f))).toEqual(
      []
    )
    expect(readdirSync(cacheDirOf(home))).toEqual([])
    const after = existsSync(configOf(home))
      ? readFileSync(configOf(home), 'utf8')
      : ''
    expect(after).not.toMatch(/\[profile job-[ab]\]/)
  }, 60_000)
})

// ---------------------------------------------------------------------------------------------

describe('job A signs out while job B, with the same sso-session, is still running', () => {
  const run = promisify(execFile)
  const USER_CONFIG =
    '# mine\n[default]\nregion = eu-west-1\n\n[profile keep-me]\nregion = eu-north-1'

  test.each([
    ['no config file before', undefined],
    ["a user's own config before", USER_CONFIG]
  ])(
    '%s: A keeps the [sso-session] B uses, B still works with botocore, then B cleans up its own (the kept section stays)',
    async (_label, original) => {
      const a = newWorkspace()
      const b = newWorkspace()
      const home = a.home
      const shared = { HOME: home, USERPROFILE: home }
      const file = configOf(home)
      if (original !== undefined) {
        mkdirSync(path.dirname(file), { mode: 0o700 })
        writeFileSync(file, original, { mode: 0o600 })
      }
      // A runs its main step, then B (same sso-session, its own profile) runs its main step: both are signed in.
      const mainA = await approvedMainIn(
        a,
        { profile: 'job-a' },
        { ...shared, GITHUB_JOB: 'job-a' }
      )
      expect({ code: mainA.result.code, stderr: mainA.result.stderr }).toEqual({
        code: 0,
        stderr: ''
      })
      const mainB = await approvedMainIn(
        b,
        { profile: 'job-b' },
        { ...shared, GITHUB_JOB: 'job-b' }
      )
      expect({ code: mainB.result.code, stderr: mainB.result.stderr }).toEqual({
        code: 0,
        stderr: ''
      })
      const both = readFileSync(file, 'utf8')
      expect(both.match(/^\[sso-session my-sso\]$/gm)).toHaveLength(1)
      expect(both).toContain('[profile job-a]')
      expect(both).toContain('[profile job-b]')

      // A's post step while B has not finished: A's profile goes, the [sso-session] B's profile uses stays (and the log says why).
      const postA = await start(postOf(DIST), postEnv(a, mainA.env)).done
      expect({ code: postA.code, stderr: postA.stderr }).toEqual({
        code: 0,
        stderr: ''
      })
      expect(postA.stdout).toMatch(
        /\[sso-session my-sso\] kept: \[profile job-b\] still has sso_session = my-sso \(another job's profile, or one changed since this run wrote it\)/
      )
      expect(tokenOf(mainA.auth.userCode).revoked).toBe(true)
      expect(tokenOf(mainB.auth.userCode).revoked).toBe(false)
      const between = readFileSync(file, 'utf8')
      expect(between).not.toContain('[profile job-a]')
      expect(between).toContain('[profile job-b]\nsso_session = my-sso\n')
      expect(between).toContain(
        '[sso-session my-sso]\nsso_region = us-east-1\nsso_start_url = https://my-sso-portal.awsapps.com/start\n'
      )

      // B's profile still works, from the files alone, with botocore.
      const { stdout } = await run(
        'python3',
        [
          '-m',
          'awscli',
          'sts',
          'get-caller-identity',
          '--profile',
          'job-b',
          '--output',
          'json'
        ],
        {
          env: consumerEnv(a, emu.url)
        }
      )
      expect(JSON.parse(stdout).Account).toBe('111122223333')
      expect(JSON.parse(stdout).Arn).toMatch(/\/alice$/)

      // B's post step removes its profile and the caches; the [sso-session] A kept stays (no hand-over file: one
      // beside the config could be planted to make a post step delete a user's own section). It holds no secret.
      const postB = await start(postOf(DIST), postEnv(b, mainB.env)).done
      expect({ code: postB.code, stderr: postB.stderr }).toEqual({
        code: 0,
        stderr: ''
      })
      expect(tokenOf(mainB.auth.userCode).revoked).toBe(true)
      // A's token cache (the same client as B's) is not B's to put back: A signed it out
      expect(readdirSync(cacheDirOf(home))).toEqual([])
      const final = readFileSync(file, 'utf8')
      expect(final).not.toMatch(/\[profile job-[ab]\]/)
      expect(final).toContain(
        '[sso-session my-sso]\nsso_region = us-east-1\nsso_start_url = https://my-sso-portal.awsapps.com/start\n'
      )
      if (original !== undefined)
        expect(final.startsWith(original.trimEnd())).toBe(true)
      const left = Object.keys(snapshot(home)).filter((f) => !f.endsWith('/'))
      expect(left).toEqual(['.aws/config'])
    },
    60_000
  )
})

// ---------------------------------------------------------------------------------------------

describe('symlinks', () => {
  /** Main when no approval should ever be asked for: it must fail before any request. */
  async function refusedMain(ws: Workspace) {
    const callsBefore = emu.stats().calls
    const env = runnerEnv(ws, emu.url, SEED_INPUTS)
    const result = await start(DIST, env).done
    return { env, result, calls: emu.stats().calls - callsBefore }
  }

  test('a symlinked ~/.aws/config: refused before any request, with a clear error; the target is untouched', async () => {
    const ws = newWorkspace()
    const target = path.join(ws.dir, 'elsewhere', 'config')
    mkdirSync(path.dirname(target))
    writeFileSync(target, '[default]\nregion = eu-west-1\n')
    mkdirSync(path.join(ws.home, '.aws'), { mode: 0o700 })
    symlinkSync(target, configOf(ws.home))

    const { env, result, calls } = await refusedMain(ws)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      `::error::refusing to write through a symlink: ${configOf(ws.home)}; nothing was sent or written`
    )
    expect(calls).toBe(0)
    expect(readFileSync(target, 'utf8')).toBe('[default]\nregion = eu-west-1\n')
    expect(lstatSync(configOf(ws.home)).isSymbolicLink()).toBe(true)
    expect(Object.keys(snapshot(ws.home))).toEqual(['.aws/', '.aws/config'])
    expect(readCommandFile(ws.files.env)).toEqual({})
    expect(readCommandFile(ws.files.output)).toEqual({})
    const post = await start(postOf(DIST), postEnv(ws, env)).done
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/nothing to sign out of or clean up/)
  })

  test.each([
    [
      'the ~/.aws folder',
      (home: string, real: string) => symlinkSync(real, path.join(home, '.aws'))
    ],
    [
      'the ~/.aws/sso/cache folder',
      (home: string, real: string) => {
        mkdirSync(path.join(home, '.aws', 'sso'), {
          recursive: true,
          mode: 0o700
        })
        symlinkSync(real, cacheDirOf(home))
      }
    ],
    [
      'the token cache file',
      (home: string, real: string) => {
        mkdirSync(cacheDirOf(home), { recursive: true, mode: 0o700 })
        symlinkSync(path.join(real, 'stolen.json'), tokenCacheOf(home))
      }
    ]
  ])(
    'a symlink at %s: refused before any request as well',
    async (_label, plant) => {
      const ws = newWorkspace()
      const real = path.join(ws.dir, 'real')
      mkdirSync(real, { mode: 0o700 })
      plant(ws.home, real)
      const { result, calls } = await refusedMain(ws)
      expect(result.code).toBe(1)
      expect(result.stdout).toMatch(
        /^::error::refusing to write through a symlink: .*; nothing was sent or written$/m
      )
      expect(calls).toBe(0)
      expect(readdirSync(real)).toEqual([])
      expect(readCommandFile(ws.files.env)).toEqual({})
    }
  )

  /**
   * A symlink planted while the job waits for approval (after the pre-flight check): the writer refuses it, nothing is
   * exported, and the token cache written just before the config file does not outlive the step: main sees that the
   * file holds a token this run obtained, revokes it and removes the file. (login() itself leaves both behind when
   * writeJobFiles fails; see the note in the report on src/login.ts.)
   */
  async function symlinkMidRun() {
    const ws = newWorkspace()
    const target = path.join(ws.dir, 'elsewhere-config')
    writeFileSync(target, '[default]\n')
    const env = runnerEnv(ws, emu.url, SEED_INPUTS)
    const main = start(DIST, env)
    const auth = await emu.waitForDeviceAuthorization()
    mkdirSync(path.join(ws.home, '.aws'), { recursive: true, mode: 0o700 })
    symlinkSync(target, configOf(ws.home))
    emu.approve(auth.userCode, 'alice')
    const result = await main.done
    return { ws, env, result, auth, target }
  }

  test('a symlink planted mid-run: the writer refuses it, the target is untouched, nothing is exported', async () => {
    const { ws, result, target } = await symlinkMidRun()
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      `::error::refusing to write through a symlink: ${configOf(ws.home)}`
    )
    expect(readFileSync(target, 'utf8')).toBe('[default]\n')
    expect(readCommandFile(ws.files.env)).toEqual({})
    expect(readCommandFile(ws.files.output)).toEqual({})
  })

  test('a symlink planted mid-run leaves no token behind: revoked, its cache file removed, post has nothing to do', async () => {
    const { ws, env, result, auth } = await symlinkMidRun()
    expect(result.code).toBe(1)
    expect(tokenOf(auth.userCode).revoked).toBe(true)
    expect(existsSync(tokenCacheOf(ws.home))).toBe(false)
    // The login undoes its own writes when one of them fails: no token or registration cache is left either
    const cacheDir = path.dirname(tokenCacheOf(ws.home))
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([])
    const post = await start(postOf(DIST), postEnv(ws, env)).done
    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(/nothing to sign out of or clean up/)
  })
})
