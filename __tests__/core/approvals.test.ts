/** required-approvals: the collector deciding which approvals count, and the progress wording. */
import {
  INITIAL_APPROVALS,
  approvedLine,
  collectApproval,
  notCountedLine,
  progress,
  samePerson,
  type ApprovalProof,
  type ApprovalsPolicy,
  type ApprovalsState,
  type ApprovalVerdict
} from '../../src/core/approvals.js'
import { requiredApprovalsProblem } from '../../src/inputs/rules.js'

const POLICY: ApprovalsPolicy = {
  required: 2,
  accountId: '111122223333',
  roleName: 'DeveloperAccess',
  allowedApprovers: [],
  forbidSelfApproval: false
}
const at = (s: number) => new Date(Date.UTC(2026, 11, 4, 10, 0, s))
const named = (name: string, s = 0): ApprovalProof => ({
  kind: 'named',
  name,
  at: at(s)
})
const noAccess: ApprovalProof = { kind: 'no-access', at: at(0) }

/** Feed the proofs in order; the verdicts and the final state. */
function run(proofs: ApprovalProof[], policy = POLICY) {
  let state: ApprovalsState = INITIAL_APPROVALS
  const verdicts: ApprovalVerdict[] = []
  for (const p of proofs) {
    const next = collectApproval(state, p, policy)
    state = next.state
    verdicts.push(next.verdict)
  }
  return { state, verdicts }
}

test('alice then bob: two counted, the second completes the quorum', () => {
  const { state, verdicts } = run([named('alice', 1), named('bob', 2)])
  expect(verdicts).toEqual([
    { kind: 'counted', approver: { name: 'alice', at: at(1) }, done: false },
    { kind: 'counted', approver: { name: 'bob', at: at(2) }, done: true }
  ])
  expect(state.status).toBe('done')
  expect(state.approvers.map((a) => a.name)).toEqual(['alice', 'bob'])
  expect(INITIAL_APPROVALS.approvers).toEqual([])
})

test('alice twice is not enough: the second does not count, and alice then bob completes it', () => {
  const { state, verdicts } = run([
    named('alice'),
    named('ALICE'),
    named('alice@example.com'),
    named('bob')
  ])
  expect(verdicts.map((v) => v.kind)).toEqual([
    'counted',
    'duplicate',
    'duplicate',
    'counted'
  ])
  expect(verdicts[1]).toEqual({ kind: 'duplicate', name: 'ALICE' })
  expect(state).toMatchObject({ status: 'done', uncounted: 2 })
})

test('an approver who cannot use the role does not count, and is not named', () => {
  const { state, verdicts } = run([noAccess, named('alice')])
  expect(verdicts).toEqual([
    { kind: 'no-access' },
    { kind: 'counted', approver: { name: 'alice', at: at(0) }, done: false }
  ])
  expect(state).toMatchObject({ status: 'collecting', uncounted: 1 })
})

test('an approver the policy refuses ends the collection (as with one approver), whatever was counted before', () => {
  const policy = {
    ...POLICY,
    allowedApprovers: ['alice', 'bob'],
    forbidSelfApproval: true,
    actor: 'octocat'
  }
  const outsider = run([named('alice'), named('mallory')], policy)
  expect(outsider.verdicts[1]).toEqual({
    kind: 'failed',
    approvedBy: 'mallory',
    reason: '"mallory" is not in allowed-approvers (alice, bob)'
  })
  expect(outsider.state.status).toBe('failed')
  const self = run([named('octocat')], {
    ...policy,
    allowedApprovers: []
  })
  expect(self.verdicts[0]).toMatchObject({ kind: 'failed' })
  expect((self.verdicts[0] as { reason: string }).reason).toContain(
    'forbid-self-approval'
  )
  // After a failure the collector takes nothing more.
  expect(() => collectApproval(outsider.state, named('bob'), policy)).toThrow(
    'the approvals are already failed'
  )
})

test('too many approvals that did not count fail the login rather than ask forever', () => {
  const { state, verdicts } = run(
    [named('alice'), named('alice'), noAccess, named('alice'), noAccess],
    { ...POLICY, maxUncounted: 3 }
  )
  expect(verdicts.map((v) => v.kind)).toEqual([
    'counted',
    'duplicate',
    'no-access',
    'duplicate',
    'failed'
  ])
  expect(state.status).toBe('failed')
  expect((verdicts[4] as { reason: string }).reason).toBe(
    '4 approvals did not count (3 allowed): 1 of 2 approvals: alice (at 2026-12-04 10:00:00 UTC); waiting for another approver'
  )
})

test('required-approvals 1 behaves as today: the first named approver completes it', () => {
  const { state, verdicts } = run([named('alice')], { ...POLICY, required: 1 })
  expect(verdicts).toEqual([
    { kind: 'counted', approver: { name: 'alice', at: at(0) }, done: true }
  ])
  expect(state.status).toBe('done')
  expect(approvedLine(state)).toBe('Approved by alice')
})

test('three approvers', () => {
  const { state } = run(
    [named('alice', 1), named('bob', 2), named('carol', 3)],
    { ...POLICY, required: 3 }
  )
  expect(state.status).toBe('done')
  expect(approvedLine(state)).toBe(
    "Approved by alice, bob and carol; the job's credentials come from carol's sign-in, the others' sign-ins were signed out once they were proven"
  )
})

test('a done collection takes no more approvals; an out-of-range required-approvals is refused', () => {
  const { state } = run([named('alice'), named('bob')])
  expect(() => collectApproval(state, named('carol'), POLICY)).toThrow(
    'the approvals are already done'
  )
  for (const n of [0, 4, 1.5, NaN])
    expect(() =>
      collectApproval(INITIAL_APPROVALS, named('a'), { ...POLICY, required: n })
    ).toThrow('required-approvals must be a whole number from 1 to 3')
  expect(requiredApprovalsProblem(3)).toBeUndefined()
})

test('samePerson: case and the part before @', () => {
  expect(samePerson('Alice', 'alice')).toBe(true)
  expect(samePerson('alice', 'alice@corp.example')).toBe(true)
  expect(samePerson('alice@a.example', 'alice@b.example')).toBe(true)
  expect(samePerson('alice', 'alicia')).toBe(false)
  expect(samePerson('bob@corp.example', 'alice@corp.example')).toBe(false)
})

test('the wording every channel shows: progress, not counted, approved', () => {
  expect(progress(INITIAL_APPROVALS, POLICY)).toBe(
    '0 of 2 approvals; waiting for an approver'
  )
  const one = run([named('alice', 5)])
  expect(progress(one.state, POLICY)).toBe(
    '1 of 2 approvals: alice (at 2026-12-04 10:00:05 UTC); waiting for another approver'
  )
  const dup = run([named('alice', 5), named('alice', 9)])
  expect(
    notCountedLine(
      dup.verdicts[1] as { kind: 'duplicate'; name: string },
      dup.state,
      POLICY
    )
  ).toBe(
    'alice approved again, which does not count: each approval must come from a different person; that sign-in was signed out. 1 of 2 approvals: alice (at 2026-12-04 10:00:05 UTC); waiting for another approver'
  )
  const none = run([noAccess])
  expect(notCountedLine({ kind: 'no-access' }, none.state, POLICY)).toBe(
    'An approval came from someone who cannot use DeveloperAccess in account 111122223333 (AWS names no one for such a sign-in), which does not count; that sign-in was signed out. 0 of 2 approvals; waiting for an approver'
  )
  const both = run([named('alice', 5), named('bob', 7)])
  expect(progress(both.state, POLICY)).toBe(
    '2 of 2 approvals: alice (at 2026-12-04 10:00:05 UTC), bob (at 2026-12-04 10:00:07 UTC)'
  )
  expect(approvedLine(both.state)).toBe(
    "Approved by alice and bob; the job's credentials come from bob's sign-in, the others' sign-ins were signed out once they were proven"
  )
})
