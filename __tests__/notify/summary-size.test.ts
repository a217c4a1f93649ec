/**
 * The job summary is limited to 1 MiB per step: with discover over thousands of profiles (or a long profiles input)
 * it stays under the limit, lists the failed rows first and counts the rest, saying why they are not listed.
 */
import type {
  FinalEvent,
  ProfileOutcome,
  RequestContext
} from '../../src/core/events.js'
import { MAX_SUMMARY_BYTES } from '../../src/notify/render/markdown.js'
import { summaryNotifier } from '../../src/notify/summary.js'
import { T0, ctx, started } from './helpers.js'

const N = 10_000

/** 10,000 discovered profiles; every 97th failed with a long error (escaping makes it longer still). */
function discovered(
  failEvery: number,
  reason = (i: number) =>
    `AccessDenied: <the role> of p${i} [is not] assigned | ${'*'.repeat(900)}`
): ProfileOutcome[] {
  return Array.from({ length: N }, (_, i) => ({
    name: `discovered-profile-${String(i).padStart(5, '0')}-with-a-long-name`,
    accountId: String(100000000000 + i),
    roleName: `AWSReservedRole${i % 7}`,
    ...(i % failEvery === failEvery - 1
      ? { error: reason(i) }
      : { arn: `arn:aws:sts::${100000000000 + i}:assumed-role/R/alice` })
  }))
}

async function summaryOf(
  final: FinalEvent,
  context: RequestContext = ctx
): Promise<string[]> {
  const written: string[] = []
  const n = summaryNotifier(
    { write: async (m) => void written.push(m) },
    context,
    { now: () => T0 }
  )
  await n.onEvent(started())
  await n.onEvent(final)
  return written
}

const rowsOf = (body: string) =>
  body.split('\n').filter((l) => /^\| discovered-profile-\d+/.test(l))
const restOf = (body: string) =>
  /^\| and (\d+) more \((\d+) failed, (\d+) verified\), not listed: a job summary holds at most 1 MiB \| \| \| \|$/m.exec(
    body
  )

test.each([
  ['failed (discover, profiles failed)', 'failed'],
  ['approved (allow-partial)', 'approved']
] as const)(
  '%s: 10,000 profiles stay under 1 MiB, failed rows first, the rest counted',
  async (_name, type) => {
    const profiles = discovered(97)
    const failures = profiles.filter((p) => p.error).length
    const final: FinalEvent =
      type === 'failed'
        ? {
            type: 'failed',
            at: T0,
            reason: `${failures} of ${N} profiles failed`,
            profiles
          }
        : {
            type: 'approved',
            at: T0,
            approvedBy: 'alice',
            accountId: '123456789012',
            roleName: 'DeployRole',
            arn: 'arn:aws:sts::123456789012:assumed-role/R/alice',
            profiles
          }
    const [, body] = await summaryOf(final)
    expect(Buffer.byteLength(body, 'utf8') + 1).toBeLessThan(MAX_SUMMARY_BYTES)
    expect(body.startsWith('<!-- identity-center-login:')).toBe(true)
    expect(body).toContain('<sub>Updated ')

    const rows = rowsOf(body)
    expect(rows.length).toBeGreaterThan(failures)
    expect(rows.length).toBeLessThan(N)
    // every failure is listed, before any verified row, in the original order
    expect(
      rows.slice(0, failures).every((r) => r.includes('❌ AccessDenied'))
    ).toBe(true)
    expect(
      rows.slice(failures).every((r) => r.endsWith('| ✅ verified |'))
    ).toBe(true)
    expect(rows[0]).toContain('discovered-profile-00096-')
    expect(rows[1]).toContain('discovered-profile-00193-')

    const rest = restOf(body)
    expect(rest).not.toBeNull()
    expect(Number(rest![1])).toBe(N - rows.length)
    expect(Number(rest![2])).toBe(0)
    expect(Number(rest![3])).toBe(N - rows.length)
    // the budget is used, not thrown away: the summary is close to the limit
    expect(Buffer.byteLength(body, 'utf8')).toBeGreaterThan(
      MAX_SUMMARY_BYTES * 0.9
    )
  }
)

test('when the failures alone exceed 1 MiB: failed rows until the limit, then the rest counted (failed and verified)', async () => {
  const profiles = discovered(
    2,
    (i) => `AccessDenied ${i}: ${'<>'.repeat(500)}`
  )
  const [, body] = await summaryOf({
    type: 'failed',
    at: T0,
    reason: 'half of them failed',
    profiles
  })
  expect(Buffer.byteLength(body, 'utf8') + 1).toBeLessThan(MAX_SUMMARY_BYTES)
  const rows = rowsOf(body)
  expect(rows.length).toBeGreaterThan(100)
  expect(rows.every((r) => r.includes('❌ AccessDenied'))).toBe(true)
  const rest = restOf(body)!
  expect(Number(rest[1])).toBe(N - rows.length)
  expect(Number(rest[2])).toBe(N / 2 - rows.length)
  expect(Number(rest[3])).toBe(N / 2)
})

test('a profiles input of 10,000 lines: the pending and final summaries stay under 1 MiB and say the rest is not listed', async () => {
  const big: RequestContext = {
    ...ctx,
    extraProfiles: Array.from({ length: N }, (_, i) => ({
      name: `requested-${i}-${'é'.repeat(50)}`,
      accountId: String(200000000000 + i),
      roleName: 'ReadOnly'
    }))
  }
  const profiles = discovered(97)
  const [pending, final] = await summaryOf(
    { type: 'failed', at: T0, reason: 'profiles failed', profiles },
    big
  )
  for (const body of [pending, final]) {
    expect(Buffer.byteLength(body, 'utf8') + 1).toBeLessThan(MAX_SUMMARY_BYTES)
    const m =
      /<br>and (\d+) more \(not listed: a job summary holds at most 1 MiB\) \|/.exec(
        body
      )
    expect(m).not.toBeNull()
    expect(
      body.split('<br>').filter((e) => e.includes('requested-')).length +
        Number(m![1])
    ).toBe(N)
  }
  // the final summary still has its profile table, failures first
  expect(rowsOf(final)[0]).toContain('❌ AccessDenied')
  expect(restOf(final)).not.toBeNull()
})

test('a few profiles: every row, no count', async () => {
  const profiles = discovered(97).slice(0, 200)
  const [, body] = await summaryOf({
    type: 'failed',
    at: T0,
    reason: '2 of 200 profiles failed',
    profiles
  })
  expect(rowsOf(body)).toHaveLength(200)
  expect(body).not.toMatch(/and \d+ more/)
})

test('verify-profiles: primary over 20,000 profiles: under 1 MiB, "not verified" rows, the rest counted as not verified, the note kept', async () => {
  const profiles: ProfileOutcome[] = [
    {
      name: 'main',
      accountId: '123456789012',
      roleName: 'DeployRole',
      arn: 'arn:aws:sts::123456789012:assumed-role/R/alice'
    },
    ...[...discovered(N + 1), ...discovered(N + 1)].map(
      ({ arn: _arn, ...p }) => ({ ...p, unverified: true })
    )
  ]
  const final: FinalEvent = {
    type: 'approved',
    at: T0,
    approvedBy: 'alice',
    accountId: '123456789012',
    roleName: 'DeployRole',
    arn: 'arn:aws:sts::123456789012:assumed-role/R/alice',
    profiles
  }
  const [, body] = await summaryOf(final)
  expect(Buffer.byteLength(body, 'utf8') + 1).toBeLessThan(MAX_SUMMARY_BYTES)
  const rows = rowsOf(body)
  expect(rows.length).toBeGreaterThan(1000)
  expect(rows.every((r) => r.endsWith('| ➖ not verified |'))).toBe(true)
  const rest =
    /^\| and (\d+) more \(0 failed, 0 verified, (\d+) not verified\), not listed: a job summary holds at most 1 MiB \| \| \| \|$/m.exec(
      body
    )
  expect(rest).not.toBeNull()
  expect(Number(rest![1])).toBe(2 * N - rows.length)
  expect(Number(rest![2])).toBe(2 * N - rows.length)
  expect(body).toContain(
    `${2 * N} profiles were written without fetching or checking their credentials (verify-profiles: primary)`
  )
})

test('approved with 10,000 profiles and the approval record: the record block is replaced by a line naming the output, so the summary stays under 1 MiB; a few profiles keep the block', async () => {
  const { approvalRecord, modeOf } =
    await import('../../src/core/approval-record.js')
  const profiles = discovered(1_000_000)
  const recordOf = (list: ProfileOutcome[]) =>
    approvalRecord({
      approvers: [{ name: 'alice', approvedAt: T0 }],
      asked: {
        startUrl: 'https://my-sso-portal.awsapps.com/start',
        accountId: '111122223333',
        roleName: 'DeveloperAccess',
        profiles: list.map((p) => ({
          name: p.name,
          accountId: p.accountId,
          roleName: p.roleName
        }))
      },
      verified: list.map((p) => ({
        profile: p.name,
        arn: p.arn!,
        account: p.accountId
      })),
      credentialsExpireAt: T0,
      mode: modeOf('until-job-end'),
      run: { repository: 'acme/app' },
      now: T0
    })
  const approved = (list: ProfileOutcome[]): FinalEvent => ({
    type: 'approved',
    approvedBy: 'alice',
    at: T0,
    accountId: '111122223333',
    roleName: 'DeveloperAccess',
    arn: 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_DeveloperAccess_0123456789abcdef/alice',
    profiles: list,
    record: recordOf(list)
  })
  const big = (await summaryOf(approved(profiles))).at(-1)!
  expect(Buffer.byteLength(big, 'utf8')).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
  expect(big).toMatch(
    /The approval record \([\d,]+ bytes\) does not fit in the job summary beside the list above: it is the step's `approval-record` output/
  )
  expect(big).not.toContain('<details>')
  const small = (await summaryOf(approved(profiles.slice(0, 3)))).at(-1)!
  expect(small).toContain('<details>')
  expect(small).not.toMatch(/does not fit in the job summary/)
})
