import {
  approverRejection,
  checkSelfApprovalActors,
  globToRegExp,
  runActors
} from '../../src/core/approvers.js'
import { InputError } from '../../src/inputs/rules.js'

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
])(
  'approver %s allowed=%j self=%s actor=%s',
  (approvedBy, allowed, self, actor, expected) => {
    const result = approverRejection(approvedBy, {
      allowedApprovers: allowed,
      forbidSelfApproval: self,
      actor
    })
    if (expected) expect(result).toMatch(expected)
    else expect(result).toBeUndefined()
  }
)

test('globs escape regex characters', () => {
  expect(globToRegExp('a.b').test('axb')).toBe(false)
  expect(globToRegExp('a?c').test('abc')).toBe(true)
})

describe('forbid-self-approval with more than one actor (a re-run)', () => {
  // Bob re-runs Alice's run: GITHUB_ACTOR is alice (whose privileges the re-run uses), GITHUB_TRIGGERING_ACTOR is bob.
  const rerun = { GITHUB_ACTOR: 'alice', GITHUB_TRIGGERING_ACTOR: 'bob' }

  test('runActors lists the triggering actor and the original actor, once each', () => {
    expect(runActors(rerun)).toEqual(['bob', 'alice'])
    expect(
      runActors({ GITHUB_ACTOR: 'alice', GITHUB_TRIGGERING_ACTOR: 'Alice' })
    ).toEqual(['Alice'])
    expect(runActors({ GITHUB_ACTOR: 'alice' })).toEqual(['alice'])
    expect(
      runActors({ GITHUB_ACTOR: ' ', GITHUB_TRIGGERING_ACTOR: '' })
    ).toEqual([])
  })

  test.each([
    [
      'alice',
      /"alice" triggered this run \(as alice\) and forbid-self-approval is true/
    ],
    [
      'bob',
      /"bob" triggered this run \(as bob\) and forbid-self-approval is true/
    ],
    [
      'ALICE@example.com',
      /"ALICE@example.com" triggered this run \(as alice\)/
    ],
    ['carol', undefined]
  ])('approved by %s', (approvedBy, expected) => {
    const policy = {
      allowedApprovers: [],
      forbidSelfApproval: true,
      actor: 'bob',
      actors: runActors(rerun)
    }
    const result = approverRejection(approvedBy, policy)
    if (expected) expect(result).toMatch(expected)
    else expect(result).toBeUndefined()
  })

  test('actors alone (no single actor) are compared too', () => {
    expect(
      approverRejection('alice', {
        allowedApprovers: [],
        forbidSelfApproval: true,
        actors: ['bob', 'alice']
      })
    ).toMatch(/forbid-self-approval/)
  })

  test('no actor known: the check fails closed instead of passing everyone', () => {
    expect(
      approverRejection('alice', {
        allowedApprovers: [],
        forbidSelfApproval: true
      })
    ).toMatch(/no user who triggered this run is known/)
    expect(
      approverRejection('alice', {
        allowedApprovers: [],
        forbidSelfApproval: true,
        actor: '',
        actors: [' ']
      })
    ).toMatch(/no user who triggered/)
    expect(
      approverRejection('alice', {
        allowedApprovers: [],
        forbidSelfApproval: false
      })
    ).toBeUndefined()
  })
})

describe('checkSelfApprovalActors: bad input before any network call', () => {
  test('forbid-self-approval true and no actor: an InputError naming the input', () => {
    let error: unknown
    try {
      checkSelfApprovalActors(
        { forbidSelfApproval: true, actors: [] },
        '; pass --actor NAME'
      )
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('forbid-self-approval')
    expect((error as Error).message).toBe(
      'Input "forbid-self-approval": is true but no user who triggered this run is known to compare the approver with; pass --actor NAME'
    )
  })

  test.each([
    [{ forbidSelfApproval: false }],
    [{ forbidSelfApproval: true, actor: 'bob' }],
    [{ forbidSelfApproval: true, actors: ['alice'] }]
  ])('%j passes', (policy) => {
    expect(() => checkSelfApprovalActors(policy)).not.toThrow()
  })
})
