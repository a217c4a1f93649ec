/** The role-chaining inputs: read, defaulted, and every bad value refused as an InputError naming the input. */
import { InputError } from '../../src/inputs/rules.js'
import { readLoginRequest } from '../../src/inputs/reader.js'
import { parseCliArgs } from '../../src/cli/args.js'
import { partitionOf } from '../../src/inputs/chain.js'
import {
  githubSessionTags,
  sessionNameFor,
  tagValue
} from '../../src/core/chain.js'

const SEED: Record<string, string> = {
  'start-url': 'https://my-sso-portal.awsapps.com/start',
  'sso-region': 'us-east-1',
  'account-id': '111122223333',
  'role-name': 'DeveloperAccess'
}
const read = (overrides: Record<string, string> = {}) =>
  readLoginRequest((n) => ({ ...SEED, ...overrides })[n] ?? '')
function errorOf(overrides: Record<string, string>): InputError {
  try {
    read(overrides)
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error(`expected an InputError for ${JSON.stringify(overrides)}`)
}
const ROLE = { 'role-to-assume': 'deploy' }

describe('role-to-assume', () => {
  test('absent: no chain; the action.yml defaults of the other inputs alone are not an error', () => {
    expect(read().chain).toBeUndefined()
    expect(
      read({
        'role-duration-seconds': '3600',
        'role-skip-session-tagging': 'false'
      }).chain
    ).toBeUndefined()
  })

  test('a role name means that role in account-id, in the partition of region; defaults', () => {
    expect(read(ROLE).chain).toEqual({
      roleArn: 'arn:aws:iam::111122223333:role/deploy',
      durationSeconds: 3600,
      policyArns: [],
      skipSessionTagging: false,
      transitiveTagKeys: []
    })
    expect(read({ ...ROLE, region: 'cn-north-1' }).chain!.roleArn).toBe(
      'arn:aws-cn:iam::111122223333:role/deploy'
    )
    expect(read({ 'role-to-assume': 'ci/deploy' }).chain!.roleArn).toBe(
      'arn:aws:iam::111122223333:role/ci/deploy'
    )
    expect(
      read({ 'role-to-assume': 'arn:aws:iam::444455556666:role/path/x' }).chain!
        .roleArn
    ).toBe('arn:aws:iam::444455556666:role/path/x')
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov')
  })

  test('every value', () => {
    const chain = read({
      ...ROLE,
      'role-session-name': 'deploy@ci',
      'role-duration-seconds': '900',
      'role-external-id': 'ext:id/1',
      'inline-session-policy':
        '{\n  "Version": "2012-10-17",\n  "Statement": []\n}',
      'managed-session-policies':
        'arn:aws:iam::aws:policy/ReadOnlyAccess\n\narn:aws:iam::111122223333:policy/x\narn:aws:iam::aws:policy/ReadOnlyAccess',
      'role-skip-session-tagging': 'false',
      'transitive-tag-keys': 'Repository\nActor'
    }).chain
    expect(chain).toEqual({
      roleArn: 'arn:aws:iam::111122223333:role/deploy',
      sessionName: 'deploy@ci',
      durationSeconds: 900,
      externalId: 'ext:id/1',
      policy: '{"Version":"2012-10-17","Statement":[]}',
      policyArns: [
        'arn:aws:iam::aws:policy/ReadOnlyAccess',
        'arn:aws:iam::111122223333:policy/x'
      ],
      skipSessionTagging: false,
      transitiveTagKeys: ['Repository', 'Actor']
    })
  })

  test.each([
    [
      { 'role-to-assume': 'arn:aws:iam::1234:role/x' },
      'role-to-assume',
      /must be an IAM role ARN/
    ],
    [
      { 'role-to-assume': 'arn:aws:s3:::bucket' },
      'role-to-assume',
      /must be an IAM role ARN/
    ],
    [{ 'role-to-assume': 'de ploy' }, 'role-to-assume', /contains a space/],
    [{ 'role-to-assume': 'deploy]' }, 'role-to-assume', /contains "\]"/],
    [{ 'role-to-assume': 'r'.repeat(65) }, 'role-to-assume', /at most 64/],
    [
      { ...ROLE, profiles: 'identity-center-login-sso 111122223333 ReadOnly' },
      'role-to-assume',
      /profile name "identity-center-login-sso"/
    ],
    [
      { 'role-session-name': 'alice' },
      'role-session-name',
      /only allowed with role-to-assume/
    ],
    [
      { 'inline-session-policy': '{}' },
      'inline-session-policy',
      /only allowed with role-to-assume/
    ],
    [
      { 'role-duration-seconds': '900' },
      'role-duration-seconds',
      /only allowed with role-to-assume/
    ],
    [{ ...ROLE, 'role-session-name': 'a' }, 'role-session-name', /2-64/],
    [
      { ...ROLE, 'role-session-name': 'has space' },
      'role-session-name',
      /2-64/
    ],
    [
      { ...ROLE, 'role-session-name': 'x'.repeat(65) },
      'role-session-name',
      /2-64/
    ],
    [
      { ...ROLE, 'role-duration-seconds': '899' },
      'role-duration-seconds',
      /between 900 and 3600.*one hour/
    ],
    [
      { ...ROLE, 'role-duration-seconds': '3601' },
      'role-duration-seconds',
      /between 900 and 3600/
    ],
    [
      { ...ROLE, 'role-duration-seconds': '1h' },
      'role-duration-seconds',
      /whole number of seconds/
    ],
    [{ ...ROLE, 'role-external-id': 'a b' }, 'role-external-id', /2-1224/],
    [
      { ...ROLE, 'inline-session-policy': '{"Version": "2012-10-17",' },
      'inline-session-policy',
      /does not parse/
    ],
    [
      { ...ROLE, 'inline-session-policy': '[1]' },
      'inline-session-policy',
      /an object with a Statement/
    ],
    [
      {
        ...ROLE,
        'inline-session-policy': JSON.stringify({
          Statement: ['x'.repeat(2100)]
        })
      },
      'inline-session-policy',
      /at most 2048/
    ],
    [
      { ...ROLE, 'managed-session-policies': 'ReadOnlyAccess' },
      'managed-session-policies',
      /not an IAM policy ARN/
    ],
    [
      {
        ...ROLE,
        'managed-session-policies': Array.from(
          { length: 11 },
          (_, i) => `arn:aws:iam::aws:policy/P${i}`
        ).join('\n')
      },
      'managed-session-policies',
      /at most 10/
    ],
    [
      { ...ROLE, 'role-skip-session-tagging': 'yes' },
      'role-skip-session-tagging',
      /true or false/
    ],
    [
      { ...ROLE, 'transitive-tag-keys': 'Team' },
      'transitive-tag-keys',
      /not a session tag this action sets/
    ],
    [
      {
        ...ROLE,
        'role-skip-session-tagging': 'true',
        'transitive-tag-keys': 'Actor'
      },
      'transitive-tag-keys',
      /role-skip-session-tagging/
    ]
  ])('%j → %s', (overrides, input, message) => {
    const error = errorOf(overrides as Record<string, string>)
    expect(error.input).toBe(input)
    expect(error.message).toMatch(new RegExp(`^Input "${input}": `))
    expect(error.detail).toMatch(message)
  })

  test('the CLI gets the same inputs as flags', () => {
    const args = parseCliArgs(
      [
        '--start-url',
        SEED['start-url'],
        '--sso-region',
        'us-east-1',
        '--account-id',
        '111122223333',
        '--role-name',
        'Dev',
        '--role-to-assume',
        'deploy',
        '--role-duration-seconds',
        '1200',
        '--role-skip-session-tagging'
      ],
      {}
    )
    const request = readLoginRequest(args.get)
    expect(request.chain).toMatchObject({
      roleArn: 'arn:aws:iam::111122223333:role/deploy',
      durationSeconds: 1200,
      skipSessionTagging: true
    })
  })
})

describe('session name and tags', () => {
  test("the approver's user name reduced to STS's characters and 2-64 length", () => {
    expect(sessionNameFor('alice@example.com')).toBe('alice@example.com')
    expect(sessionNameFor('Zoë Ångström')).toBe('Zo___ngstr_m')
    expect(sessionNameFor('x'.repeat(80))).toBe('x'.repeat(64))
    expect(sessionNameFor('a')).toBe('a_')
    expect(sessionNameFor('')).toBe('identity-center-login')
  })

  test('tags as configure-aws-credentials sets them; values sanitised and cut to 256; none outside GitHub Actions', () => {
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/deploy',
      GITHUB_WORKFLOW: 'Deploy <prod> & "more"',
      GITHUB_ACTION: '__run_2',
      GITHUB_ACTOR: 'octo[bot]',
      GITHUB_SHA: 'abc',
      GITHUB_REF: 'refs/heads/main'
    }
    expect(githubSessionTags(env)).toEqual([
      { Key: 'GitHub', Value: 'Actions' },
      { Key: 'Repository', Value: 'acme/deploy' },
      { Key: 'Workflow', Value: 'Deploy _prod_ _ _more_' },
      { Key: 'Action', Value: '__run_2' },
      { Key: 'Actor', Value: 'octo_bot_' },
      { Key: 'Commit', Value: 'abc' },
      { Key: 'Branch', Value: 'refs/heads/main' }
    ])
    expect(tagValue('w'.repeat(300))).toHaveLength(256)
    expect(githubSessionTags({ GITHUB_REPOSITORY: 'acme/deploy' })).toEqual([])
  })
})

describe('role-source-identity', () => {
  test('off by default; true with role-to-assume sets ChainSpec.sourceIdentity', () => {
    expect(read(ROLE).chain!.sourceIdentity).toBeUndefined()
    expect(read({ ...ROLE, 'role-source-identity': 'false' }).chain).toEqual(
      read(ROLE).chain
    )
    expect(
      read({ ...ROLE, 'role-source-identity': 'true' }).chain!.sourceIdentity
    ).toBe(true)
  })
  test('needs role-to-assume; must be a boolean; the action.yml default alone is not an error', () => {
    expect(read({ 'role-source-identity': 'false' }).chain).toBeUndefined()
    const e = errorOf({ 'role-source-identity': 'true' })
    expect(e.input).toBe('role-source-identity')
    expect(e.message).toMatch(/only allowed with role-to-assume/)
    expect(errorOf({ ...ROLE, 'role-source-identity': 'yes' }).message).toMatch(
      /must be true or false/
    )
  })
  test('the CLI flag --role-source-identity', () => {
    const args = parseCliArgs(
      [
        '--start-url',
        SEED['start-url'],
        '--sso-region',
        'us-east-1',
        '--account-id',
        '111122223333',
        '--role-name',
        'DeveloperAccess',
        '--role-to-assume',
        'deploy',
        '--role-source-identity'
      ],
      {}
    )
    expect(readLoginRequest(args.get).chain!.sourceIdentity).toBe(true)
  })
})
