/**
 * Hostile and malformed inputs given to the BUNDLED action the way a runner gives them (INPUT_* variables).
 * Each one must: exit 1, fail with one `::error::Input "<name>": …` that names the input and says what is wrong,
 * send ZERO requests to the emulator, to the fake GitHub API and to the webhook receiver (every case runs with the
 * comment and webhook channels on, pointed at them), write nothing under HOME, export nothing, and echo no secret.
 * (__tests__/request.test.ts has the unit-level table; this one proves the bundle validates before any network call.)
 * The cases run in batches of BATCH concurrent processes, each against its own emulator.
 */
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { startEmulator } from '../../emulator/server.js'
import {
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
import {
  snapshotDist,
  startFakeGitHub,
  startFakeWebhook
} from './github-fake.js'

/** The bundled action, copied aside so that a concurrent `npm run build` cannot pull it away mid-test. */
let DIST: string
beforeAll(async () => {
  DIST = await snapshotDist()
})
afterAll(() => {
  if (DIST)
    rmSync(path.dirname(path.dirname(DIST)), { recursive: true, force: true })
})

const GH_TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'
const BATCH = 8

type Case = [
  label: string,
  inputs: Record<string, string>,
  input: string,
  message: string,
  secret?: string
]

const CASES: Case[] = [
  // account-id
  [
    'account id too short',
    { 'account-id': '1234' },
    'account-id',
    'must be 12 digits, got "1234"'
  ],
  [
    'account id too long',
    { 'account-id': '1111222233334' },
    'account-id',
    'must be 12 digits, got "1111222233334"'
  ],
  [
    'account id with dashes',
    { 'account-id': '1111-2222-3333' },
    'account-id',
    'must be 12 digits (no spaces or dashes)'
  ],
  [
    'account id with a letter',
    { 'account-id': '11112222333a' },
    'account-id',
    'must be 12 digits, got "11112222333a"'
  ],
  [
    'account id in full-width digits',
    { 'account-id': '１１１１２２２２３３３３' },
    'account-id',
    'must be 12 digits'
  ],
  [
    'account id with an injected section',
    { 'account-id': '111122223333\n[profile evil]' },
    'account-id',
    'must not contain control characters or line breaks (found \\n'
  ],
  ['account id empty', { 'account-id': '' }, 'account-id', 'is required'],
  // role-name
  [
    'role name with ]',
    { 'role-name': 'Dev]Access' },
    'role-name',
    'contains "]"'
  ],
  [
    'role name with [',
    { 'role-name': '[default' },
    'role-name',
    'contains "["'
  ],
  [
    'role name with an injected line',
    { 'role-name': 'Dev\n[profile evil]' },
    'role-name',
    'must not contain control characters or line breaks (found \\n at position 4)'
  ],
  [
    'role name with a space',
    { 'role-name': 'Dev Access' },
    'role-name',
    'contains a space'
  ],
  ['role name with #', { 'role-name': 'Dev#x' }, 'role-name', 'contains "#"'],
  [
    'role name too long',
    { 'role-name': 'R'.repeat(65) },
    'role-name',
    'must be at most 64 characters, got 65'
  ],
  [
    'a token pasted into role-name',
    { 'role-name': `${GH_TOKEN}!` },
    'role-name',
    'looks like a token or webhook URL, not shown',
    GH_TOKEN
  ],
  // profile
  ['profile with ]', { profile: 'ci]x' }, 'profile', 'contains "]"'],
  ['profile with [', { profile: '[ci' }, 'profile', 'contains "["'],
  ['profile with =', { profile: 'ci=1' }, 'profile', 'contains "="'],
  [
    'profile breaking out of its section',
    { profile: 'ci]\n[default' },
    'profile',
    'must not contain control characters or line breaks'
  ],
  [
    'profile with CR',
    { profile: 'ci\rx' },
    'profile',
    'found \\r at position 3'
  ],
  ['profile with a bell', { profile: 'ci\u0007' }, 'profile', 'found \\u0007'],
  [
    'profile with a bidi override',
    { profile: 'ci\u202eved' },
    'profile',
    'found \\u202e'
  ],
  [
    'profile with a zero-width space',
    { profile: 'c\u200bi' },
    'profile',
    'found \\u200b'
  ],
  [
    'profile too long',
    { profile: 'p'.repeat(65) },
    'profile',
    'must be at most 64 characters, got 65'
  ],
  ['profile with a slash', { profile: 'a/b' }, 'profile', 'contains "/"'],
  // sso-session
  [
    'sso-session with ]',
    { 'sso-session': 's]' },
    'sso-session',
    'contains "]"'
  ],
  [
    'sso-session with a tab',
    { 'sso-session': 's\tx' },
    'sso-session',
    'found \\t at position 2'
  ],
  [
    'sso-session with =',
    { 'sso-session': 'a=b' },
    'sso-session',
    'contains "="'
  ],
  [
    'sso-session too long',
    { 'sso-session': 's'.repeat(100) },
    'sso-session',
    'must be at most 64 characters, got 100'
  ],
  [
    'sso-session not ASCII',
    { 'sso-session': 'sessión' },
    'sso-session',
    'contains "ó"'
  ],
  // start-url
  [
    'start url over http',
    { 'start-url': 'http://my-sso-portal.awsapps.com/start' },
    'start-url',
    'must use https://'
  ],
  [
    'start url with credentials',
    { 'start-url': 'https://user:hunter2@my-sso-portal.awsapps.com/start' },
    'start-url',
    'must not contain a user name or password',
    'hunter2'
  ],
  [
    'start url on another host',
    { 'start-url': 'https://example.com/start' },
    'start-url',
    'must be an AWS access portal URL'
  ],
  [
    'start url look-alike suffix',
    { 'start-url': 'https://my.awsapps.com.evil.io/start' },
    'start-url',
    'got host "my.awsapps.com.evil.io"'
  ],
  [
    'start url look-alike prefix',
    { 'start-url': 'https://evilawsapps.com/start' },
    'start-url',
    'must be an AWS access portal URL'
  ],
  [
    'start url issuer look-alike',
    {
      'start-url':
        'https://evil.identitycenter.amazonaws.com.evil.io/ssoins-1234567890abcdef'
    },
    'start-url',
    'must be an AWS access portal URL'
  ],
  [
    'start url on an IP address',
    { 'start-url': 'https://52.94.236.248/start' },
    'start-url',
    'not an IP address'
  ],
  [
    'start url with a port',
    { 'start-url': 'https://my-sso-portal.awsapps.com:8443/start' },
    'start-url',
    'must not use a port other than 443'
  ],
  [
    'start url javascript:',
    { 'start-url': 'javascript:alert(1)' },
    'start-url',
    'must use https://'
  ],
  [
    'start url with a Cyrillic a',
    { 'start-url': 'https://my.аwsapps.com/start' },
    'start-url',
    'must not contain spaces or non-ASCII characters'
  ],
  [
    'start url backslash trick',
    { 'start-url': 'https://my.awsapps.com\\@evil.com/' },
    'start-url',
    'must not contain backslashes'
  ],
  [
    'issuer url without an instance',
    { 'start-url': 'https://identitycenter.amazonaws.com/' },
    'start-url',
    'an issuer URL must be https://identitycenter.amazonaws.com/ssoins-'
  ],
  // regions
  [
    'sso-region without a number',
    { 'sso-region': 'us-east' },
    'sso-region',
    'must be an AWS Region name like us-east-1, got "us-east"'
  ],
  [
    'sso-region upper case',
    { 'sso-region': 'US-EAST-1' },
    'sso-region',
    '(lower case), got "US-EAST-1"'
  ],
  [
    'sso-region with an injected section',
    { 'sso-region': 'us-east-1]\n[profile x' },
    'sso-region',
    'must not contain control characters'
  ],
  [
    'region that is a host name',
    { region: 'us-east-1.evil.com' },
    'region',
    'must be an AWS Region name like us-east-1, got "us-east-1.evil.com"'
  ],
  [
    'region that is a zone',
    { region: 'us-east-1a' },
    'region',
    'must be an AWS Region name'
  ],
  // enumerations and lists
  [
    'output unknown',
    { output: 'xml' },
    'output',
    'must be one of json, text, table, yaml, yaml-stream, got "xml"'
  ],
  [
    'scope with a space',
    { 'registration-scopes': 'sso:account:access, bad scope' },
    'registration-scopes',
    'scope "bad scope" may contain only'
  ],
  [
    'notify unknown channel',
    { notify: 'summary,slack' },
    'notify',
    'unknown channel "slack"'
  ],
  [
    'notify none combined',
    { notify: 'none,summary' },
    'notify',
    '"none" cannot be combined'
  ],
  [
    'notify webhook without a URL',
    { notify: 'webhook', 'webhook-url': '' },
    'webhook-url',
    'is required when notify includes webhook'
  ],
  [
    'allowed-approvers entry with a space',
    { 'allowed-approvers': 'alice, bob smith' },
    'allowed-approvers',
    'entry "bob smith" must not contain spaces'
  ],
  // booleans
  [
    'keep-session yes',
    { 'keep-session': 'yes' },
    'keep-session',
    'must be true or false, got "yes"'
  ],
  [
    'export-credentials 1',
    { 'export-credentials': '1' },
    'export-credentials',
    'must be true or false, got "1"'
  ],
  [
    'forbid-self-approval mixed case',
    { 'forbid-self-approval': 'tRUE' },
    'forbid-self-approval',
    'must be true or false, got "tRUE"'
  ],
  [
    'reuse-session ja',
    { 'reuse-session': 'ja' },
    'reuse-session',
    'must be true or false'
  ],
  // numbers and durations
  [
    'approval-timeout zero',
    { 'approval-timeout': '0' },
    'approval-timeout',
    'must be between 1 and 86400 seconds, got "0"'
  ],
  [
    'approval-timeout in words',
    { 'approval-timeout': 'ten minutes' },
    'approval-timeout',
    'must be a number of seconds or a duration like 15m or 1h'
  ],
  [
    'issue-number negative',
    { 'issue-number': '-3' },
    'issue-number',
    'must be a positive whole number, got "-3"'
  ],
  // secrets: never echoed
  [
    'github-token with a space',
    { 'github-token': 'ghs_SUPERSECRETvalue123 x' },
    'github-token',
    'must not contain spaces (value not shown)',
    'SUPERSECRETvalue123'
  ],
  [
    'webhook-url over http',
    {
      notify: 'webhook',
      'webhook-url': 'http://hooks.example.com/T0/B0/SUPERSECRET'
    },
    'webhook-url',
    'must be an https:// URL',
    'SUPERSECRET'
  ],
  [
    'webhook-url with credentials',
    {
      notify: 'webhook',
      'webhook-url': 'https://user:SUPERSECRET@hooks.example.com/'
    },
    'webhook-url',
    'must not contain a user name or password',
    'SUPERSECRET'
  ],
  // extra profiles
  [
    'profiles line with a bad account',
    { profiles: 'a 111122223333 Dev\nb 1234 Dev' },
    'profiles',
    'line 2: account id must be 12 digits, got "1234"'
  ],
  [
    'profiles line injecting a section',
    { profiles: 'x]y 111122223333 Dev' },
    'profiles',
    'line 1: profile name contains "]"'
  ],
  // least privilege
  [
    'sign-out-early maybe',
    { 'sign-out-early': 'maybe' },
    'sign-out-early',
    'must be true or false, got "maybe"'
  ],
  [
    'sign-out-early with keep-session',
    { 'sign-out-early': 'true', 'keep-session': 'true' },
    'sign-out-early',
    'cannot be combined with keep-session: true'
  ],
  [
    'sign-out-early with reuse-session',
    { 'sign-out-early': 'true', 'reuse-session': 'true' },
    'sign-out-early',
    'cannot be combined with reuse-session: true'
  ],
  [
    'allowed-account-ids too short',
    { 'allowed-account-ids': '111122223333,1234' },
    'allowed-account-ids',
    'each entry must be 12 digits, got "1234"'
  ],
  [
    'allowed-account-ids space-separated',
    { 'allowed-account-ids': '111122223333 444455556666' },
    'allowed-account-ids',
    'separate the account ids with commas, got "111122223333 444455556666"'
  ],
  [
    'allowed-account-ids injecting a line',
    { 'allowed-account-ids': '111122223333\n[profile evil]' },
    'allowed-account-ids',
    'must not contain control characters or line breaks'
  ],
  [
    'allowed-account-ids only commas',
    { 'allowed-account-ids': ',,' },
    'allowed-account-ids',
    'must list 12-digit account ids separated by commas'
  ],
  [
    'a token pasted into allowed-account-ids',
    { 'allowed-account-ids': GH_TOKEN },
    'allowed-account-ids',
    'looks like a token or webhook URL, not shown',
    GH_TOKEN
  ],
  // role chaining
  [
    'role-to-assume not a role ARN',
    { 'role-to-assume': 'arn:aws:iam::1234:role/x' },
    'role-to-assume',
    'must be an IAM role ARN'
  ],
  [
    'role-to-assume of another service',
    { 'role-to-assume': 'arn:aws:s3:::bucket' },
    'role-to-assume',
    'must be an IAM role ARN'
  ],
  [
    'role-to-assume with ]',
    { 'role-to-assume': 'deploy]' },
    'role-to-assume',
    'contains "]"'
  ],
  [
    'role-to-assume injecting a section',
    { 'role-to-assume': 'deploy\n[profile evil]' },
    'role-to-assume',
    'must not contain control characters or line breaks (found \\n'
  ],
  [
    'role-to-assume taking the source profile name',
    {
      'role-to-assume': 'deploy',
      profiles: 'my-dev-profile-sso 111122223333 ReadOnly'
    },
    'role-to-assume',
    'profiles already uses it'
  ],
  [
    'role-session-name without role-to-assume',
    { 'role-session-name': 'alice' },
    'role-session-name',
    'is only allowed with role-to-assume'
  ],
  [
    'role-session-name with a space',
    { 'role-to-assume': 'deploy', 'role-session-name': 'a b' },
    'role-session-name',
    'must be 2-64'
  ],
  [
    'role-session-name injecting a line',
    {
      'role-to-assume': 'deploy',
      'role-session-name': 'x\nrole_arn = arn:aws:iam::444455556666:role/deploy'
    },
    'role-session-name',
    'must not contain control characters or line breaks'
  ],
  [
    'role-session-name too long',
    { 'role-to-assume': 'deploy', 'role-session-name': 's'.repeat(65) },
    'role-session-name',
    'must be 2-64'
  ],
  [
    'role-duration-seconds over the chaining cap',
    { 'role-to-assume': 'deploy', 'role-duration-seconds': '43200' },
    'role-duration-seconds',
    'must be between 900 and 3600'
  ],
  [
    'role-duration-seconds under 900',
    { 'role-to-assume': 'deploy', 'role-duration-seconds': '60' },
    'role-duration-seconds',
    'must be between 900 and 3600'
  ],
  [
    'role-duration-seconds not a number',
    { 'role-to-assume': 'deploy', 'role-duration-seconds': '1h' },
    'role-duration-seconds',
    'must be a whole number of seconds'
  ],
  [
    'role-external-id with a space',
    { 'role-to-assume': 'deploy', 'role-external-id': 'a b' },
    'role-external-id',
    'must be 2-1224'
  ],
  [
    'role-external-id with a line break',
    { 'role-to-assume': 'deploy', 'role-external-id': 'a\nb' },
    'role-external-id',
    'must not contain control characters or line breaks'
  ],
  [
    'a token pasted into role-external-id',
    { 'role-to-assume': 'deploy', 'role-external-id': `${GH_TOKEN} x` },
    'role-external-id',
    'looks like a token or webhook URL, not shown',
    GH_TOKEN
  ],
  [
    'inline-session-policy that does not parse',
    {
      'role-to-assume': 'deploy',
      'inline-session-policy': '{"Version": "2012-10-17", "Statement": ['
    },
    'inline-session-policy',
    'it does not parse'
  ],
  [
    'inline-session-policy not a policy',
    { 'role-to-assume': 'deploy', 'inline-session-policy': '"Allow"' },
    'inline-session-policy',
    'an object with a Statement'
  ],
  [
    'inline-session-policy with a bell',
    {
      'role-to-assume': 'deploy',
      'inline-session-policy': '{"Statement":[]}\u0007'
    },
    'inline-session-policy',
    'must not contain control characters (other than line breaks and tabs)'
  ],
  [
    'inline-session-policy too long',
    {
      'role-to-assume': 'deploy',
      'inline-session-policy': JSON.stringify({ Statement: ['p'.repeat(2100)] })
    },
    'inline-session-policy',
    'must be at most 2048 characters'
  ],
  [
    'inline-session-policy without role-to-assume',
    { 'inline-session-policy': '{"Statement":[]}' },
    'inline-session-policy',
    'is only allowed with role-to-assume'
  ],
  [
    'managed-session-policies not an ARN',
    {
      'role-to-assume': 'deploy',
      'managed-session-policies': 'ReadOnlyAccess'
    },
    'managed-session-policies',
    'is not an IAM policy ARN'
  ],
  [
    'managed-session-policies over 10',
    {
      'role-to-assume': 'deploy',
      'managed-session-policies': Array.from(
        { length: 11 },
        (_, i) => `arn:aws:iam::aws:policy/P${i}`
      ).join('\n')
    },
    'managed-session-policies',
    'must list at most 10 policy ARNs'
  ],
  [
    'role-skip-session-tagging not a boolean',
    { 'role-to-assume': 'deploy', 'role-skip-session-tagging': 'yes' },
    'role-skip-session-tagging',
    'must be true or false'
  ],
  [
    'transitive-tag-keys not a tag this action sets',
    { 'role-to-assume': 'deploy', 'transitive-tag-keys': 'Team' },
    'transitive-tag-keys',
    'is not a session tag this action sets'
  ],
  [
    'transitive-tag-keys with tagging skipped',
    {
      'role-to-assume': 'deploy',
      'role-skip-session-tagging': 'true',
      'transitive-tag-keys': 'Actor'
    },
    'transitive-tag-keys',
    'is not allowed with role-skip-session-tagging'
  ]
]

interface Outcome {
  ws: Workspace
  env: NodeJS.ProcessEnv
  result: StepResult
  calls: number
  /** Requests the fake GitHub API and the webhook receiver got. */
  githubCalls: number
  webhookCalls: number
}

/** Every channel on, so that a request sent before validation would have somewhere to go (each case may override). */
const CHANNEL_INPUTS = (webhookUrl: string) => ({
  notify: 'summary,comment,webhook',
  'issue-number': '7',
  'webhook-url': webhookUrl
})

/** Every file and folder under `dir`, recursively (relative paths). */
function tree(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = e.name
    return e.isDirectory()
      ? [rel + '/', ...tree(path.join(dir, rel)).map((c) => `${rel}/${c}`)]
      : [rel]
  })
}

async function runCase([, inputs]: Case): Promise<Outcome> {
  const [emu, gh, hook] = await Promise.all([
    startEmulator({ interval: 1 }),
    startFakeGitHub(),
    startFakeWebhook('/hook/T0/B0/case')
  ])
  try {
    const ws = newWorkspace()
    const env = runnerEnv(
      ws,
      emu.url,
      { ...SEED_INPUTS, ...CHANNEL_INPUTS(hook.url), ...inputs },
      { GITHUB_API_URL: gh.url }
    )
    const result = await start(DIST, env).done
    // Give a stray request (if the action sent one) time to land before counting.
    await new Promise((r) => setTimeout(r, 50))
    return {
      ws,
      env,
      result,
      calls: emu.stats().calls,
      githubCalls: gh.calls.length,
      webhookCalls: hook.messages.length
    }
  } finally {
    await Promise.all([emu.close(), gh.close(), hook.close()])
  }
}

const outcomes = new Map<string, Outcome>()
let batches = 0

beforeAll(async () => {
  for (let i = 0; i < CASES.length; i += BATCH) {
    const batch = CASES.slice(i, i + BATCH)
    const results = await Promise.all(batch.map(runCase))
    batch.forEach((c, j) => outcomes.set(c[0], results[j]))
    batches++
  }
}, 120_000)

afterAll(() => {
  const rejected = [...outcomes.values()].filter(
    (o) => o.result.code === 1 && o.calls + o.githubCalls + o.webhookCalls === 0
  ).length
  process.stdout.write(
    `hostile inputs: ${CASES.length} cases in ${batches} batches, ${rejected} rejected before any request\n`
  )
})

test('the table has at least 30 hostile inputs, all distinct', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(30)
  expect(new Set(CASES.map((c) => c[0])).size).toBe(CASES.length)
  expect(new Set(CASES.map((c) => JSON.stringify(c[1]))).size).toBe(
    CASES.length
  )
})

// (rest parameters: a 5-parameter function would make Jest pass `done` as the optional fifth column)
test.each(CASES)('%s → rejected before any request', (...row) => {
  const [label, , input, message, secret] = row as Case
  const { ws, result, calls, githubCalls, webhookCalls } = outcomes.get(label)!
  expect(result.code).toBe(1)
  // Exactly one error line, naming the input, saying what is wrong.
  const errors = result.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
  expect(errors).toEqual([
    expect.stringMatching(new RegExp(`^::error::Input "${input}": `))
  ])
  expect(errors[0]).toContain(message)
  // No raw control or bidi characters reach the log (the runner would interpret them).
  expect(errors[0]).not.toMatch(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e]/
  )
  expect(result.stderr).toBe('')
  // Zero requests to the emulator, GitHub and the webhook; nothing written under HOME, nothing exported, no summary.
  expect({ calls, githubCalls, webhookCalls }).toEqual({
    calls: 0,
    githubCalls: 0,
    webhookCalls: 0
  })
  expect(tree(ws.home)).toEqual([])
  expect(readCommandFile(ws.files.env)).toEqual({})
  expect(readCommandFile(ws.files.output)).toEqual({})
  expect(readCommandFile(ws.files.state)).toEqual({})
  // A secret in the bad value is not echoed anywhere.
  if (secret) expect(result.stdout + result.stderr).not.toContain(secret)
})

test('the post step after an input error does nothing and says so', async () => {
  const { ws, env } = outcomes.get('start url with credentials')!
  const emu = await startEmulator()
  try {
    const post = await start(postOf(DIST), {
      ...postEnv(ws, env),
      AWS_ENDPOINT_URL_SSO: emu.url,
      AWS_ENDPOINT_URL_SSO_OIDC: emu.url,
      AWS_ENDPOINT_URL_STS: emu.url
    }).done
    expect({ code: post.code, stderr: post.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    expect(post.stdout).toMatch(/nothing to sign out of or clean up/)
    expect(emu.stats().calls).toBe(0)
    expect(tree(ws.home)).toEqual([])
  } finally {
    await emu.close()
  }
})

test('control: with the same channel inputs and valid values, the fake GitHub and the webhook receiver do get requests', async () => {
  const [emu, gh, hook] = await Promise.all([
    startEmulator({ interval: 1 }),
    startFakeGitHub(),
    startFakeWebhook('/hook/T0/B0/case')
  ])
  try {
    const ws = newWorkspace()
    const main = start(
      DIST,
      runnerEnv(
        ws,
        emu.url,
        { ...SEED_INPUTS, ...CHANNEL_INPUTS(hook.url) },
        { GITHUB_API_URL: gh.url }
      )
    )
    const auth = await emu.waitForDeviceAuthorization()
    emu.approve(auth.userCode, 'alice')
    expect((await main.done).code).toBe(0)
    expect(gh.calls.length).toBeGreaterThan(0)
    expect(hook.messages.length).toBeGreaterThan(0)
  } finally {
    await Promise.all([emu.close(), gh.close(), hook.close()])
  }
})
