/** The approval record: schema v1 (every key, fixed order), no place for a secret, JSON and job-summary rendering, the 0600 file. */
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { marked, type Token, type Tokens } from 'marked'
import {
  approvalRecord,
  approvalRecordJson,
  githubRun,
  modeOf,
  WHAT_STAYS,
  writeApprovalRecord,
  type ApprovalRecordInput
} from '../../src/core/approval-record.js'
import type { Grant as SignInMode } from '../../src/core/grant.js'
import { approvalRecordMarkdown } from '../../src/notify/render/approval-record.js'

const INPUT: ApprovalRecordInput = {
  approvers: [
    { name: 'alice', approvedAt: new Date('2026-12-04T10:00:00.000Z') },
    { name: 'bob', approvedAt: new Date('2026-12-04T10:01:30.000Z') }
  ],
  asked: {
    startUrl: 'https://d-1234567890.awsapps.com/start',
    accountId: '111122223333',
    roleName: 'DeveloperAccess',
    chainedRoleArn: 'arn:aws:iam::111122223333:role/deploy',
    profiles: [
      { name: 'ci', accountId: '111122223333', roleName: 'DeveloperAccess' },
      { name: 'prod-ro', accountId: '444455556666', roleName: 'ReadOnly' }
    ]
  },
  verified: [
    {
      profile: 'ci',
      arn: 'arn:aws:sts::111122223333:assumed-role/deploy/alice',
      account: '111122223333'
    }
  ],
  sourceIdentity: 'alice',
  credentialsExpireAt: new Date('2026-12-04T11:00:00.000Z'),
  mode: modeOf('until-job-end'),
  run: {
    repository: 'acme/app',
    runId: '123456789',
    runAttempt: 2,
    workflow: 'deploy',
    job: 'release',
    actor: 'octocat',
    triggeringActor: 'hubot',
    sha: '0123456789abcdef0123456789abcdef01234567',
    ref: 'refs/heads/main',
    runUrl: 'https://github.com/acme/app/actions/runs/123456789/attempts/2'
  },
  now: new Date('2026-12-04T10:02:00.000Z')
}

test('schema v1: every field, in a fixed order, dates as ISO 8601 UTC (the exact JSON text)', () => {
  expect(approvalRecordJson(approvalRecord(INPUT))).toBe(`{
  "version": 1,
  "recordedAt": "2026-12-04T10:02:00.000Z",
  "approvers": [
    {
      "name": "alice",
      "approvedAt": "2026-12-04T10:00:00.000Z"
    },
    {
      "name": "bob",
      "approvedAt": "2026-12-04T10:01:30.000Z"
    }
  ],
  "asked": {
    "startUrl": "https://d-1234567890.awsapps.com/start",
    "accountId": "111122223333",
    "roleName": "DeveloperAccess",
    "chainedRoleArn": "arn:aws:iam::111122223333:role/deploy",
    "profiles": [
      {
        "name": "ci",
        "accountId": "111122223333",
        "roleName": "DeveloperAccess"
      },
      {
        "name": "prod-ro",
        "accountId": "444455556666",
        "roleName": "ReadOnly"
      }
    ]
  },
  "verified": [
    {
      "profile": "ci",
      "arn": "arn:aws:sts::111122223333:assumed-role/deploy/alice",
      "account": "111122223333"
    }
  ],
  "sourceIdentity": "alice",
  "credentialsExpireAt": "2026-12-04T11:00:00.000Z",
  "mode": {
    "kind": "until-job-end",
    "whatStays": "The runner holds the approver's Identity Center sign-in until the job ends; the post step signs it out."
  },
  "run": {
    "repository": "acme/app",
    "runId": "123456789",
    "runAttempt": 2,
    "workflow": "deploy",
    "job": "release",
    "actor": "octocat",
    "triggeringActor": "hubot",
    "sha": "0123456789abcdef0123456789abcdef01234567",
    "ref": "refs/heads/main",
    "runUrl": "https://github.com/acme/app/actions/runs/123456789/attempts/2"
  }
}
`)
})

/** Every key path of a JSON value, in order (arrays: their first element's, as `[]`). */
function keyPaths(v: unknown, at = ''): string[] {
  if (Array.isArray(v)) return v.length ? keyPaths(v[0], `${at}[]`) : []
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [
      `${at}.${k}`,
      ...keyPaths(x, `${at}.${k}`)
    ])
  return []
}

test('the keys are the same, in the same order, whatever was given: absent values are null, never missing', () => {
  const full = approvalRecord(INPUT)
  const bare = approvalRecord({
    ...INPUT,
    asked: { ...INPUT.asked, chainedRoleArn: undefined },
    sourceIdentity: undefined,
    run: {},
    mode: modeOf('until-expiry')
  })
  expect(keyPaths(bare)).toEqual(keyPaths(full))
  expect(bare.asked.chainedRoleArn).toBeNull()
  expect(bare.sourceIdentity).toBeNull()
  expect(Object.values(bare.run)).toEqual(Array(10).fill(null))
  // Given in another order, the output order is still the schema's.
  const shuffled = approvalRecord({
    now: INPUT.now,
    run: Object.fromEntries(Object.entries(INPUT.run).reverse()),
    mode: INPUT.mode,
    credentialsExpireAt: INPUT.credentialsExpireAt,
    sourceIdentity: INPUT.sourceIdentity,
    verified: INPUT.verified,
    asked: Object.fromEntries(
      Object.entries(INPUT.asked).reverse()
    ) as ApprovalRecordInput['asked'],
    approvers: INPUT.approvers
  })
  expect(approvalRecordJson(shuffled)).toBe(
    approvalRecordJson(approvalRecord(INPUT))
  )
  // A run attempt that is not a number is null, not NaN.
  expect(
    approvalRecord({ ...INPUT, run: { runAttempt: Number('x') } }).run
      .runAttempt
  ).toBeNull()
})

test('no secret field is possible: the input types have none, and fields the objects carry besides the named ones never reach the record', () => {
  const secrets = {
    accessToken: 'aoaSECRETaccesstoken',
    refreshToken: 'aorSECRETrefresh',
    clientSecret: 'SECRETclientsecret',
    deviceCode: 'SECRETdevicecode',
    accessKeyId: 'ASIASECRETKEYID',
    secretAccessKey: 'SECRETsecretaccesskey',
    sessionToken: 'SECRETsessiontoken',
    credentials: { secretAccessKey: 'SECRETnested' }
  }
  approvalRecord({
    ...INPUT,
    // @ts-expect-error an approver has no token field
    approvers: [{ name: 'alice', approvedAt: new Date(), accessToken: 'x' }]
  })
  approvalRecord({
    ...INPUT,
    // @ts-expect-error a verified profile carries no credentials
    verified: [{ profile: 'ci', arn: 'a', account: '1', credentials: {} }]
  })
  // @ts-expect-error the record itself has no place for a token
  approvalRecord({ ...INPUT, sessionToken: 'x' })
  // At run time (objects built elsewhere and widened), the extra fields are dropped.
  const carrying = {
    ...INPUT,
    ...secrets,
    approvers: INPUT.approvers.map((a) => ({ ...a, ...secrets })),
    asked: {
      ...INPUT.asked,
      ...secrets,
      profiles: INPUT.asked.profiles.map((p) => ({ ...p, ...secrets }))
    },
    verified: INPUT.verified.map((v) => ({ ...v, ...secrets })),
    mode: { ...INPUT.mode, ...secrets },
    run: { ...INPUT.run, ...secrets }
  } as ApprovalRecordInput
  const json = approvalRecordJson(approvalRecord(carrying))
  expect(json).toBe(approvalRecordJson(approvalRecord(INPUT)))
  expect(json).not.toMatch(/SECRET|accessToken|secretAccessKey|sessionToken/)
})

test('JSON: characters that could disguise a value are \\u-escaped, and JSON.parse gives the record back exactly', () => {
  const sneaky = 'main\u202e\u2066gnp.exe\u200b\u2028x\u0007'
  const record = approvalRecord({
    ...INPUT,
    run: { ...INPUT.run, ref: sneaky, workflow: 'a"b\\c\nd' }
  })
  const json = approvalRecordJson(record)
  expect(json).toContain(
    '"ref": "main\\u202e\\u2066gnp.exe\\u200b\\u2028x\\u0007"'
  )
  expect(json).toContain('"workflow": "a\\"b\\\\c\\nd"')
  expect(json).not.toMatch(/[\u202e\u2066\u200b\u2028\u0007]/)
  expect(JSON.parse(json)).toEqual(record)
  expect(json.endsWith('}\n')).toBe(true)
})

test('mode: one sentence per sign-in mode', () => {
  const kinds: SignInMode[] = [
    'until-job-end',
    'until-expiry',
    'sign-out-early',
    'kept',
    'shared',
    'from-shared',
    'served',
    'served-shared'
  ]
  expect(Object.keys(WHAT_STAYS).sort()).toEqual([...kinds].sort())
  for (const kind of kinds) {
    const sentence = modeOf(kind).whatStays
    expect(sentence).toMatch(/^[A-Z][^.]*(\.[^.]+)*\.$/)
    expect(sentence.split(/\.\s/).length).toBe(1)
  }
  expect(new Set(Object.values(WHAT_STAYS)).size).toBe(kinds.length)
})

test('an invalid date is refused rather than written as null or "Invalid Date"', () => {
  expect(() =>
    approvalRecord({ ...INPUT, credentialsExpireAt: new Date('nope') })
  ).toThrow(TypeError)
})

test('githubRun: the run block from the runner variables', () => {
  expect(
    githubRun({
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_ATTEMPT: '3',
      GITHUB_WORKFLOW: 'deploy',
      GITHUB_JOB: 'release',
      GITHUB_ACTOR: 'octocat',
      GITHUB_TRIGGERING_ACTOR: 'hubot',
      GITHUB_SHA: 'abc',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SERVER_URL: 'https://ghe.example.com'
    })
  ).toEqual({
    repository: 'acme/app',
    runId: '42',
    runAttempt: 3,
    workflow: 'deploy',
    job: 'release',
    actor: 'octocat',
    triggeringActor: 'hubot',
    sha: 'abc',
    ref: 'refs/heads/main',
    runUrl: 'https://ghe.example.com/acme/app/actions/runs/42/attempts/3'
  })
  const bare = githubRun({ GITHUB_ACTOR: 'octocat' })
  expect(bare.triggeringActor).toBe('octocat')
  expect(bare.runUrl).toBeUndefined()
  expect(bare.runAttempt).toBeUndefined()
})

const isCode = (t: Token): t is Tokens.Code => t.type === 'code'

describe('job summary', () => {
  test('a collapsed <details> block with the JSON in a json code fence, as GitHub-flavoured Markdown parses it', () => {
    const record = approvalRecord(INPUT)
    const md = approvalRecordMarkdown(record)
    expect(
      md.startsWith(
        '<details><summary>Approval record (version 1): approved by alice, bob</summary>\n\n```json\n'
      )
    ).toBe(true)
    expect(md.endsWith('```\n\n</details>\n')).toBe(true)
    const tokens = marked.lexer(md, { gfm: true })
    const code = tokens.filter(isCode)
    expect(code).toHaveLength(1)
    expect(code[0].lang).toBe('json')
    expect(JSON.parse(code[0].text)).toEqual(record)
    expect(
      tokens.filter((t) => t.type === 'html').map((t) => t.raw.trim())
    ).toEqual([
      '<details><summary>Approval record (version 1): approved by alice, bob</summary>',
      '</details>'
    ])
  })

  test('a value cannot close the fence or the block: the fence is longer than any backtick run inside', () => {
    const hostile = '```\n</details>\n<img src=x onerror=alert(1)>\n````'
    const record = approvalRecord({
      ...INPUT,
      run: { ...INPUT.run, workflow: hostile, ref: '`````' }
    })
    const md = approvalRecordMarkdown(record)
    expect(md).toContain('\n``````json\n')
    const tokens = marked.lexer(md, { gfm: true })
    const code = tokens.filter(isCode)
    expect(code).toHaveLength(1)
    expect(JSON.parse(code[0].text)).toEqual(record)
    expect(tokens.filter((t) => t.type === 'html')).toHaveLength(2)
    const html = marked.parse(md, { gfm: true }) as string
    expect(html).not.toContain('<img')
  })

  test('approver names in the summary line: HTML entities, mentions and links broken, controls removed', () => {
    const md = approvalRecordMarkdown(
      approvalRecord({
        ...INPUT,
        approvers: [
          {
            name: '<img src=x onerror=alert(1)>@team\u202e',
            approvedAt: INPUT.now
          }
        ]
      })
    )
    const summary = md.split('\n')[0]
    expect(summary).toBe(
      '<details><summary>Approval record (version 1): approved by &lt;img src=x onerror=alert(1)&gt;@\u200dteam</summary>'
    )
  })
})

describe('--approval-record FILE', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'approval-record-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  test('written 0600 with the JSON; an existing file is replaced and tightened', async () => {
    const file = path.join(dir, 'record.json')
    writeFileSync(file, 'old', { mode: 0o644 })
    const record = approvalRecord(INPUT)
    await writeApprovalRecord(file, record)
    expect(readFileSync(file, 'utf8')).toBe(approvalRecordJson(record))
    expect(statSync(file).mode & 0o777).toBe(0o600)
    // Nothing else left in the folder (no temp file).
    expect(readdirSync(dir)).toEqual(['record.json'])
  })

  test('a symlink at the file is refused and its target left alone', async () => {
    const target = path.join(dir, 'elsewhere')
    writeFileSync(target, 'precious')
    const file = path.join(dir, 'record.json')
    symlinkSync(target, file)
    await expect(
      writeApprovalRecord(file, approvalRecord(INPUT))
    ).rejects.toThrow(/symlink/)
    expect(readFileSync(target, 'utf8')).toBe('precious')
    expect(lstatSync(file).isSymbolicLink()).toBe(true)
  })

  test('a symlinked folder in the path given is resolved once (like macOS /tmp); a missing folder is a clear error', async () => {
    mkdirSync(path.join(dir, 'real'))
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'))
    await writeApprovalRecord(
      path.join(dir, 'link', 'r.json'),
      approvalRecord(INPUT)
    )
    expect(statSync(path.join(dir, 'real', 'r.json')).mode & 0o777).toBe(0o600)
    await expect(
      writeApprovalRecord(
        path.join(dir, 'missing', 'r.json'),
        approvalRecord(INPUT)
      )
    ).rejects.toThrow(
      `cannot write the approval record ${path.join(dir, 'missing', 'r.json')}: its folder does not exist`
    )
  })
})
