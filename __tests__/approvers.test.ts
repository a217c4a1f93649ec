import { approverRejection, globToRegExp } from '../src/approvers.js'

test.each([
  ['alice', [], false, 'bob', undefined],
  ['alice', ['alice'], false, 'bob', undefined],
  ['Alice', ['alice'], false, 'bob', undefined],
  ['mallory', ['alice', 'bob'], false, 'bob', /not in allowed-approvers/],
  ['ops-jane', ['ops-*'], false, 'bob', undefined],
  ['ops', ['ops-*'], false, 'bob', /not in allowed-approvers/],
  ['bob', [], true, 'bob', /forbid-self-approval/],
  ['BOB@example.com', [], true, 'bob', /forbid-self-approval/],
  ['bob.smith@example.com', [], true, 'bob', undefined],
  ['alice', [], true, 'bob', undefined],
  ['', ['alice'], false, 'bob', /could not be identified/]
])('approver %s allowed=%j self=%s actor=%s', (approvedBy, allowed, self, actor, expected) => {
  const result = approverRejection(approvedBy, { allowedApprovers: allowed, forbidSelfApproval: self, actor })
  if (expected) expect(result).toMatch(expected)
  else expect(result).toBeUndefined()
})

test('globs escape regex characters', () => {
  expect(globToRegExp('a.b').test('axb')).toBe(false)
  expect(globToRegExp('a?c').test('abc')).toBe(true)
})
