/**
 * Nothing secret leaks, in any scenario, from the BUNDLED action (main and post step):
 * approved + post, denied, expired, re-issued code, fault-retried run, persistent fault, InvalidClient,
 * no access, cancel (mid-poll and after approval), rejected approver; role-to-assume (with a session policy, with
 * AssumeRole faults retried, refused by STS), whose chained credentials come from STS AssumeRole's XML answer.
 *
 * The secrets a run obtained are taken from the wire: a recording tap sits between the action and the emulator and
 * keeps every response body (client secret, device codes, SSO access and refresh tokens, role credentials), and they
 * are cross-checked against the emulator's own records (roleSessions(), tokens(), waitForDeviceAuthorization()).
 * The github-token input and the webhook URL are secrets too.
 *
 * The haystack: stdout without the `::add-mask::` commands (the runner consumes them), stderr, of main and post;
 * the job summary; the outputs file; every version of every PR comment (fake GitHub API); every webhook body.
 * GITHUB_STATE (main's and post's) may hold the SSO access token (post signs out with it) and nothing else secret;
 * with sign-out-early not even that, and no file under HOME holds an SSO token, refresh token or client secret.
 * Each secret is looked for raw, base64-encoded and URL-encoded. Every secret the run obtained must also have
 * been masked before the step printed anything that follows its use.
 */
import { createServer, request as httpRequest, type Server } from 'node:http'
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'
import {
  startEmulator,
  type DeviceAuthorizationInfo,
  type Emulator,
  type EmulatorOptions
} from '../../emulator/server.js'
import {
  newWorkspace,
  postEnv,
  readCommandFile,
  runnerEnv,
  SEED_INPUTS,
  start,
  type Running,
  type StepResult,
  type Workspace,
  postOf
} from './runner.js'
import {
  snapshotDist,
  startFakeGitHub,
  startFakeWebhook,
  type FakeGitHub,
  type FakeWebhook
} from './github-fake.js'
import { forms, leakHits } from './leak-scan.js'

let DIST: string
beforeAll(async () => {
  DIST = await snapshotDist()
})
afterAll(() => {
  if (DIST)
    rmSync(path.dirname(path.dirname(DIST)), { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const WEBHOOK_SECRET_PATH = '/hook/T0SECRET/B0SECRET/whsecXyZ0123456789'

// ---------------------------------------------------------------------------------------------
// The tap: a transparent HTTP forwarder that records every AWS response body

interface Tap {
  url: string
  responses: { path: string; status: number; body: string }[]
  close(): Promise<void>
}

async function startTap(target: string): Promise<Tap> {
  const responses: Tap['responses'] = []
  const upstream = new URL(target)
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      // Headers unchanged (the STS signature covers Host); one upstream connection per request, so a fault hits only it.
      const up = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent: false
        },
        (ur) => {
          const body: Buffer[] = []
          ur.on('data', (c: Buffer) => body.push(c))
          ur.on('end', () => {
            const text = Buffer.concat(body)
            responses.push({
              path: req.url ?? '',
              status: ur.statusCode ?? 0,
              body: text.toString('utf8')
            })
            res.writeHead(ur.statusCode ?? 502, ur.headers)
            res.end(text)
          })
          ur.on('error', () => res.destroy())
        }
      )
      // A reset or dropped upstream connection is passed on as one.
      up.on('error', () => res.destroy())
      res.on('close', () => {
        if (!res.writableFinished) up.destroy()
      })
      up.end(Buffer.concat(chunks))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    url: `http://127.0.0.1:${port}`,
    responses,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

type SecretKind =
  | 'client secret'
  | 'device code'
  | 'access token'
  | 'refresh token'
  | 'access key id'
  | 'secret access key'
  | 'session token'
  | 'chained access key id'
  | 'chained secret access key'
  | 'chained session token'

/** The text of one XML element of an STS answer. */
const xmlText = (body: string, tag: string) =>
  new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(body)?.[1]

/** The secrets in the AWS answers the action received. */
function secretsOnTheWire(tap: Tap): Map<string, SecretKind> {
  const found = new Map<string, SecretKind>()
  for (const r of tap.responses) {
    if (r.body.includes('<AssumeRoleResponse')) {
      // role-to-assume: STS AssumeRole's XML carries the chained session's credentials.
      for (const [tag, kind] of [
        ['AccessKeyId', 'chained access key id'],
        ['SecretAccessKey', 'chained secret access key'],
        ['SessionToken', 'chained session token']
      ] as const) {
        const value = xmlText(r.body, tag)
        if (value)
          found.set(value.replace(/&#43;/g, '+').replace(/&amp;/g, '&'), kind)
      }
      continue
    }
    let j: any
    try {
      j = JSON.parse(r.body)
    } catch {
      continue // GetCallerIdentity's XML carries no secret
    }
    if (!j || typeof j !== 'object') continue
    if (j.clientSecret) found.set(j.clientSecret, 'client secret')
    if (j.deviceCode) found.set(j.deviceCode, 'device code')
    if (j.accessToken) found.set(j.accessToken, 'access token')
    if (j.refreshToken) found.set(j.refreshToken, 'refresh token')
    const c = j.roleCredentials
    if (c?.accessKeyId) found.set(c.accessKeyId, 'access key id')
    if (c?.secretAccessKey) found.set(c.secretAccessKey, 'secret access key')
    if (c?.sessionToken) found.set(c.sessionToken, 'session token')
  }
  return found
}

// ---------------------------------------------------------------------------------------------
// Scenarios

interface Ctx {
  emu: Emulator
  main: Running
  ws: Workspace
  /** Device authorizations handed out by the emulator in this run (their device codes are secrets). */
  seen: { deviceCode: string; userCode: string }[]
  next(): Promise<DeviceAuthorizationInfo>
}

interface Scenario {
  name: string
  emulator?: EmulatorOptions
  inputs?: Record<string, string>
  env?: Record<string, string>
  expectCode: number
  drive(ctx: Ctx): Promise<void>
}

const approveFirst = async (
  { emu, next }: Ctx,
  user = 'alice'
): Promise<void> => void emu.approve((await next()).userCode, user)

const SCENARIOS: Scenario[] = [
  { name: 'approved, then post', expectCode: 0, drive: (c) => approveFirst(c) },
  {
    name: 'denied',
    expectCode: 1,
    drive: async (c) => void c.emu.deny((await c.next()).userCode)
  },
  {
    name: 'expired',
    expectCode: 1,
    drive: async (c) => {
      const { userCode } = await c.next()
      await sleep(1200)
      c.emu.expire(userCode)
    }
  },
  {
    name: 're-issued code after expiry (approval-timeout), approved',
    emulator: { expiresIn: 3 },
    inputs: { 'approval-timeout': '30' },
    expectCode: 0,
    drive: async (c) => {
      await c.next()
      await approveFirst(c)
    }
  },
  {
    name: 'faults on every call, retried, approved, then post',
    env: { IDENTITY_CENTER_LOGIN_HTTP_TIMEOUT_MS: '1000' },
    expectCode: 0,
    drive: async (c) => {
      for (const [operation, kind] of [
        ['RegisterClient', 'throttle'],
        ['StartDeviceAuthorization', 'reset'],
        ['CreateToken', '5xx'],
        ['GetRoleCredentials', 'timeout'],
        ['GetCallerIdentity', '5xx'],
        ['Logout', 'reset']
      ] as const) {
        c.emu.injectFault({ operation, kind, count: 2, timeoutMs: 1300 })
      }
      await approveFirst(c)
    }
  },
  {
    name: 'persistent GetCallerIdentity fault after the token (error message path)',
    expectCode: 1,
    drive: async (c) => {
      c.emu.injectFault({
        operation: 'GetCallerIdentity',
        kind: '5xx',
        count: 100
      })
      await approveFirst(c)
    }
  },
  {
    name: 'InvalidClient mid-poll, registered again, approved',
    expectCode: 0,
    drive: async (c) => {
      const first = await c.next()
      c.emu.revokeClient(first.clientId)
      await approveFirst(c)
    }
  },
  {
    name: 'required-approvals: 2 (alice, alice again, bob) with role-source-identity, then post',
    inputs: {
      'required-approvals': '2',
      'role-to-assume': 'deploy',
      'role-source-identity': 'true'
    },
    expectCode: 0,
    drive: async (c) => {
      await approveFirst(c, 'alice')
      await approveFirst(c, 'alice')
      await approveFirst(c, 'bob')
    }
  },
  {
    name: 'required-approvals: 2, alice then a denial (her sign-in signed out)',
    inputs: { 'required-approvals': '2' },
    expectCode: 1,
    drive: async (c) => {
      await approveFirst(c, 'alice')
      c.emu.deny((await c.next()).userCode)
    }
  },
  {
    name: 'no access to the role (carol)',
    expectCode: 1,
    drive: (c) => approveFirst(c, 'carol')
  },
  {
    name: 'cancelled mid-poll (SIGINT)',
    expectCode: 1,
    drive: async (c) => {
      await c.next()
      await sleep(1500)
      c.main.child.kill('SIGINT')
    }
  },
  {
    name: 'cancelled after approval while GetRoleCredentials hangs (SIGTERM)',
    expectCode: 1,
    drive: async (c) => {
      c.emu.injectFault({
        operation: 'GetRoleCredentials',
        kind: 'timeout',
        count: 100,
        timeoutMs: 30_000
      })
      await approveFirst(c)
      while (c.emu.stats().byOperation.GetRoleCredentials === undefined)
        await sleep(20)
      await sleep(200)
      c.main.child.kill('SIGTERM')
    }
  },
  {
    name: 'cancelled during a lock wait after the token cache was written (hard stop, orphan sweep)',
    expectCode: 1,
    drive: async (c) => {
      mkdirSync(path.join(c.ws.home, '.aws'), { recursive: true, mode: 0o700 })
      writeFileSync(
        path.join(c.ws.home, '.aws', 'config.lock'),
        JSON.stringify({
          pid: process.pid,
          host: hostname(),
          time: new Date().toISOString(),
          token: 'x'
        })
      )
      await approveFirst(c)
      while (
        !c.emu.calls().some((call) => call.operation === 'GetCallerIdentity')
      )
        await sleep(20)
      await sleep(500)
      c.main.child.kill('SIGINT')
    }
  },
  {
    name: 'symlink planted mid-run (write refused, orphan sweep)',
    expectCode: 1,
    drive: async (c) => {
      const { userCode } = await c.next()
      mkdirSync(path.join(c.ws.home, '.aws'), { recursive: true, mode: 0o700 })
      writeFileSync(path.join(c.ws.dir, 'elsewhere'), '')
      symlinkSync(
        path.join(c.ws.dir, 'elsewhere'),
        path.join(c.ws.home, '.aws', 'config')
      )
      c.emu.approve(userCode, 'alice')
    }
  },
  {
    name: 'sign-out-early, then post',
    inputs: {
      'sign-out-early': 'true',
      profiles: 'audit 444455556666 ReadOnly'
    },
    expectCode: 0,
    drive: (c) => approveFirst(c)
  },
  {
    name: 'account not allowed (allowed-account-ids), sign-out-early',
    inputs: { 'allowed-account-ids': '777788889999', 'sign-out-early': 'true' },
    expectCode: 1,
    drive: (c) => approveFirst(c)
  },
  {
    name: 'discover within allowed-account-ids, then post',
    inputs: {
      discover: 'true',
      'role-filter': 'ReadOnly',
      'allowed-account-ids': '111122223333,777788889999'
    },
    expectCode: 0,
    drive: (c) => approveFirst(c)
  },
  {
    name: 'share-session: approved, sealed session output, post without sign-out',
    inputs: {
      'share-session': 'true',
      'session-key': 'leak-test-session-key-0123456789abcdef'
    },
    expectCode: 0,
    drive: (c) => approveFirst(c)
  },
  {
    name: 'rejected approver (allowed-approvers)',
    inputs: { 'allowed-approvers': 'bob' },
    expectCode: 1,
    drive: (c) => approveFirst(c)
  },
  {
    name: 'role-to-assume narrowed by a session policy, approved, then post',
    inputs: {
      'role-to-assume': 'arn:aws:iam::444455556666:role/deploy',
      'role-external-id': 'prod-deploy-7f3a',
      'inline-session-policy':
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::prod/*"}]}'
    },
    expectCode: 0,
    drive: (c) => approveFirst(c)
  },
  {
    name: 'role-to-assume, AssumeRole retried after faults, then post',
    inputs: { 'role-to-assume': 'deploy' },
    expectCode: 0,
    drive: async (c) => {
      c.emu.injectFault({ operation: 'AssumeRole', kind: '5xx', count: 2 })
      await approveFirst(c)
    }
  },
  {
    name: 'role-to-assume refused by STS (AccessDenied)',
    inputs: { 'role-to-assume': 'arn:aws:iam::444455556666:role/deploy' },
    expectCode: 1,
    drive: (c) => approveFirst(c)
  },
  {
    name: 'rejected approver (forbid-self-approval)',
    inputs: { 'forbid-self-approval': 'true' },
    env: { GITHUB_ACTOR: 'alice' },
    expectCode: 1,
    drive: (c) => approveFirst(c)
  }
]

// ---------------------------------------------------------------------------------------------
// The check

/** Every file under `dir` with its text, by relative path. */
function filesIn(dir: string, rel = ''): [string, string][] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap(
    (e): [string, string][] => {
      const p = rel ? `${rel}/${e.name}` : e.name
      return e.isDirectory()
        ? filesIn(dir, p)
        : [[p, readFileSync(path.join(dir, p), 'utf8')]]
    }
  )
}

const totals = {
  scenarios: 0,
  secretsChecked: 0,
  secretsObtained: 0,
  leaked: 0,
  haystackBytes: 0
}
afterAll(() => {
  process.stdout.write(
    `leaks: ${totals.scenarios} scenarios, ${totals.secretsChecked} secrets checked (${totals.secretsObtained} obtained from AWS), ` +
      `${totals.haystackBytes} bytes searched, ${totals.leaked} leaked\n`
  )
})

const withoutMaskCommands = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')

/**
 * The lines that follow the use of the n-th secret of a kind (its mask must come earlier): the n-th posted code for a
 * device code and a client registration, the n-th token / credentials line for the others; and any error line.
 */
const USED_BY: Record<SecretKind, RegExp> = {
  'client secret': /sign-in needs approval|a NEW code was issued/,
  'device code': /sign-in needs approval|a NEW code was issued/,
  'access token': /^Approved after/,
  'refresh token': /^Approved after/,
  'access key id': /^Signed in as/,
  'secret access key': /^Signed in as/,
  'session token': /^Signed in as/,
  'chained access key id': /^role-to-assume: chained to|^Signed in as/,
  'chained secret access key': /^role-to-assume: chained to|^Signed in as/,
  'chained session token': /^role-to-assume: chained to|^Signed in as/
}

test.concurrent.each(SCENARIOS.map((s) => [s.name, s] as const))(
  '%s: nothing secret leaks, every secret obtained was masked first',
  async (_name, scenario) => {
    const emu = await startEmulator({ interval: 1, ...scenario.emulator })
    const tap = await startTap(emu.url)
    const gh: FakeGitHub = await startFakeGitHub()
    const hook: FakeWebhook = await startFakeWebhook(WEBHOOK_SECRET_PATH)
    try {
      const ws = newWorkspace()
      const webhookUrl = hook.url
      const env = runnerEnv(
        ws,
        tap.url,
        {
          ...SEED_INPUTS,
          notify: 'summary,comment,webhook',
          'issue-number': '7',
          'webhook-url': webhookUrl,
          ...scenario.inputs
        },
        { GITHUB_API_URL: gh.url, ...scenario.env }
      )
      const main = start(DIST, env)
      const seen: Ctx['seen'] = []
      const next = async () => {
        const auth = await emu.waitForDeviceAuthorization(20_000)
        seen.push({ deviceCode: auth.deviceCode, userCode: auth.userCode })
        return auth
      }
      await scenario.drive({ emu, main, ws, seen, next })
      const result: StepResult = await main.done
      expect(result.code).toBe(scenario.expectCode)
      const homeAfterMain = filesIn(ws.home)
      const post: StepResult = await start(postOf(DIST), postEnv(ws, env)).done
      expect(post.code).toBe(0)

      // What the run obtained, from the wire, cross-checked against the emulator's own records.
      const obtained = secretsOnTheWire(tap)
      for (const { deviceCode } of seen)
        expect(obtained.get(deviceCode)).toBe('device code')
      for (const t of emu.tokens()) {
        expect(obtained.get(t.accessToken)).toBe('access token')
        if (t.refreshToken)
          expect(obtained.get(t.refreshToken)).toBe('refresh token')
      }
      for (const s of emu.roleSessions()) {
        const chained = s.assumedRole ? 'chained ' : ''
        expect(obtained.get(s.accessKeyId)).toBe(`${chained}access key id`)
        expect(obtained.get(s.secretAccessKey)).toBe(
          `${chained}secret access key`
        )
        expect(obtained.get(s.sessionToken)).toBe(`${chained}session token`)
      }
      const chaining = scenario.inputs?.['role-to-assume'] !== undefined
      if (
        chaining &&
        emu.assumeRoleRequests().some((r) => r.outcome === 'ok')
      ) {
        expect(
          [...obtained.values()].filter((k) => k.startsWith('chained ')).sort()
        ).toEqual([
          'chained access key id',
          'chained secret access key',
          'chained session token'
        ])
      }
      expect(
        [...obtained.values()].filter((k) => k === 'client secret').length
      ).toBe(emu.clients().length)

      const secrets = new Map<string, string>(
        [...obtained].map(([v, k]) => [v, k as string])
      )
      secrets.set(SEED_INPUTS['github-token'], 'github-token input')
      secrets.set(webhookUrl, 'webhook-url input')
      secrets.set(WEBHOOK_SECRET_PATH, 'webhook-url input (path)')
      if (scenario.inputs?.['session-key'])
        secrets.set(scenario.inputs['session-key'], 'session-key input')

      // Everything the action printed, summarized, output, commented and posted.
      const haystack: [where: string, text: string][] = [
        ['main stdout', withoutMaskCommands(result.stdout)],
        ['main stderr', result.stderr],
        ['post stdout', withoutMaskCommands(post.stdout)],
        ['post stderr', post.stderr],
        ['job summary', readFileSync(ws.files.summary, 'utf8')],
        ['outputs', readFileSync(ws.files.output, 'utf8')],
        // share-session: the sealed output's parts, decoded (nothing secret may be there in clear).
        [
          'outputs, base64url parts decoded',
          readFileSync(ws.files.output, 'utf8')
            .split(/[.\n]/)
            .map((p) => Buffer.from(p, 'base64url').toString('latin1'))
            .join('\n')
        ],
        ...gh.comments.flatMap((c) =>
          c.versions.map((v, i): [string, string] => [
            `comment ${c.id} v${i + 1}`,
            v.body
          ])
        ),
        ...hook.messages.map((m, i): [string, string] => [
          `webhook body ${i + 1}`,
          JSON.stringify(m.payload)
        ])
      ]
      // The channels did speak (so the check is not vacuous): a comment and webhook messages whenever a code was posted.
      if (seen.length) {
        expect(gh.comments.length).toBe(1)
        expect(hook.messages.length).toBeGreaterThanOrEqual(2)
      }

      const find = (places: [string, string][]) => leakHits(secrets, places)
      // Control: the detector does find these very secrets where they belong (the mask commands; the credentials
      // exported to the job through GITHUB_ENV by design), so a clean result below is not vacuous.
      expect(
        find([['main stdout with mask commands', result.stdout]]).length
      ).toBeGreaterThanOrEqual(obtained.size)
      if (scenario.expectCode === 0) {
        // With role-to-assume the job gets the chained session only, never the permission set's credentials.
        const prefix = chaining ? 'chained ' : ''
        expect(
          find([['GITHUB_ENV', readFileSync(ws.files.env, 'utf8')]]).sort()
        ).toEqual(
          [
            `${prefix}access key id in GITHUB_ENV`,
            `${prefix}secret access key in GITHUB_ENV`,
            `${prefix}session token in GITHUB_ENV`
          ].sort()
        )
      }
      if (scenario.expectCode === 0) {
        // The approval record is in the haystack (the outputs file and the job summary), so the scan covers it; and it
        // holds no value the step masked, which GitHub would answer by dropping the whole output.
        const record = JSON.parse(
          readCommandFile(ws.files.output)['approval-record']
        )
        expect(record.version).toBe(1)
        expect(readFileSync(ws.files.summary, 'utf8')).toContain(
          '<summary>Approval record (version 1)'
        )
        const masked = result.stdout
          .split('\n')
          .filter((l) => l.startsWith('::add-mask::'))
          .map((l) => l.slice('::add-mask::'.length))
          .filter((v) => v !== '')
        const recordText = readCommandFile(ws.files.output)['approval-record']
        expect(masked.filter((v) => recordText.includes(v))).toEqual([])
      }
      // GITHUB_STATE goes only to this action's post step, and legitimately holds the SSO access token for its Logout
      // (masked): nothing else secret may be there, not the role keys, the refresh token, the client secret, a device code.
      const stateFiles: [string, string][] = [
        ['GITHUB_STATE (main)', readFileSync(ws.files.state, 'utf8')],
        [
          'GITHUB_STATE (post)',
          readFileSync(path.join(ws.dir, 'state-post'), 'utf8')
        ]
      ]
      const inState = find(stateFiles)
      // sign-out-early: main signed out, so not even the access token may be there.
      const signOutEarly = scenario.inputs?.['sign-out-early'] === 'true'
      expect(
        inState.filter(
          (hit) =>
            signOutEarly ||
            !hit.startsWith('access token in GITHUB_STATE (main)')
        )
      ).toEqual([])
      if (scenario.expectCode === 0 && !signOutEarly)
        expect(inState).toContain('access token in GITHUB_STATE (main)')
      // sign-out-early: no SSO token, refresh token or client secret in any file under HOME after main (the role keys are
      // the point of the profiles); checked on a copy of HOME taken when main ended (post removes the files).
      if (signOutEarly) {
        const ssoSecrets = [...secrets].filter(([, k]) =>
          [
            'access token',
            'refresh token',
            'client secret',
            'device code'
          ].includes(k)
        )
        const hits = homeAfterMain.flatMap(([where, text]) =>
          ssoSecrets
            .filter(([v]) => forms(v).some((f) => text.includes(f)))
            .map(([, k]) => `${k} in ${where}`)
        )
        expect(hits).toEqual([])
        if (scenario.expectCode === 0)
          expect(homeAfterMain.map(([where]) => where).sort()).toEqual([
            '.aws/config',
            '.aws/credentials'
          ])
      }
      const leaks = find(haystack)
      totals.scenarios++
      totals.secretsChecked += secrets.size
      totals.secretsObtained += obtained.size
      totals.leaked += leaks.length
      totals.haystackBytes += haystack.reduce((n, [, t]) => n + t.length, 0)
      expect(leaks).toEqual([])

      // Every secret the run obtained was masked, before the step printed what follows its use, and before any error.
      const lines = result.stdout.split('\n')
      const firstError = lines.findIndex((l) => l.startsWith('::error::'))
      const ordinal = new Map<SecretKind, number>()
      for (const [secret, kind] of obtained) {
        const n = ordinal.get(kind) ?? 0
        ordinal.set(kind, n + 1)
        const maskAt = lines.indexOf(`::add-mask::${secret}`)
        expect({ kind, n, masked: maskAt >= 0 }).toEqual({
          kind,
          n,
          masked: true
        })
        const usedAt =
          lines
            .map((l, i) => (USED_BY[kind].test(l) ? i : -1))
            .filter((i) => i >= 0)[n] ?? -1
        if (usedAt >= 0)
          expect({ kind, n, maskedBeforeUse: maskAt < usedAt }).toEqual({
            kind,
            n,
            maskedBeforeUse: true
          })
        if (firstError >= 0)
          expect({ kind, n, maskedBeforeError: maskAt < firstError }).toEqual({
            kind,
            n,
            maskedBeforeError: true
          })
      }
      // The github token and the webhook URL are masked at the start of every run that got past the inputs.
      expect(lines).toContain(`::add-mask::${SEED_INPUTS['github-token']}`)
      expect(lines).toContain(`::add-mask::${webhookUrl}`)
    } finally {
      await Promise.all([emu.close(), tap.close(), gh.close(), hook.close()])
    }
  },
  60_000
)
