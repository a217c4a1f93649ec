import {
  DEFAULT_MIN_VALIDITY_SECONDS,
  DEFAULT_NOTIFY,
  DEFAULT_PROFILE,
  DEFAULT_REGISTRATION_SCOPES,
  DEFAULT_SSO_SESSION,
  INPUTS,
  isSecretInput,
  type LoginRequest
} from '../../src/inputs/spec.js'
import {
  InputError,
  isAwsStartUrlHost,
  parseDurationSeconds,
  showValue
} from '../../src/inputs/rules.js'
import { readLoginRequest } from '../../src/inputs/reader.js'

/** The seed example. */
const SEED: Record<string, string> = {
  'start-url': 'https://my-sso-portal.awsapps.com/start',
  'sso-region': 'us-east-1',
  'account-id': '111122223333',
  'role-name': 'DeveloperAccess',
  region: 'us-west-2'
}

function getter(values: Record<string, string>): (name: string) => string {
  return (name) => values[name] ?? ''
}

function read(overrides: Record<string, string> = {}): LoginRequest {
  return readLoginRequest(getter({ ...SEED, ...overrides }))
}

function errorOf(overrides: Record<string, string>): InputError {
  try {
    read(overrides)
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error(`expected an InputError for ${JSON.stringify(overrides)}`)
}

const GH_TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'
const WEBHOOK = 'https://hooks.example.com/services/T000/B000/XXXXSECRETXXXX'

type Case = [
  label: string,
  overrides: Record<string, string>,
  input: string,
  message: string | RegExp
]

const HOSTILE: Case[] = [
  // account-id
  [
    'account id too short',
    { 'account-id': '1234' },
    'account-id',
    'Input "account-id": must be 12 digits, got "1234"'
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
    'must be 12 digits (no spaces or dashes), got "1111-2222-3333"'
  ],
  [
    'account id with inner space',
    { 'account-id': '111122 223333' },
    'account-id',
    'must be 12 digits (no spaces or dashes)'
  ],
  [
    'account id with letters',
    { 'account-id': '11112222333a' },
    'account-id',
    'must be 12 digits, got "11112222333a"'
  ],
  [
    'account id with full-width digits',
    { 'account-id': '１１１１２２２２３３３３' },
    'account-id',
    'must be 12 digits'
  ],
  [
    'account id with newline',
    { 'account-id': '111122223333\n' },
    'account-id',
    'must not contain control characters or line breaks (found \\n at position 13)'
  ],
  [
    'account id missing',
    { 'account-id': '' },
    'account-id',
    'Input "account-id": is required'
  ],
  // role-name
  [
    'role name with ]',
    { 'role-name': 'Dev]Access' },
    'role-name',
    'contains "]", which is not allowed in a role name'
  ],
  [
    'role name with [',
    { 'role-name': '[default' },
    'role-name',
    'contains "["'
  ],
  [
    'role name with newline',
    { 'role-name': 'Dev\n[profile x]' },
    'role-name',
    'must not contain control characters or line breaks (found \\n at position 4)'
  ],
  [
    'role name with space',
    { 'role-name': 'Dev Access' },
    'role-name',
    'contains a space'
  ],
  [
    'role name leading space',
    { 'role-name': ' DeveloperAccess' },
    'role-name',
    'must not have leading or trailing spaces'
  ],
  ['role name with #', { 'role-name': 'Dev#x' }, 'role-name', 'contains "#"'],
  [
    'role name too long',
    { 'role-name': 'R'.repeat(65) },
    'role-name',
    'must be at most 64 characters, got 65'
  ],
  [
    'role name missing',
    { 'role-name': '' },
    'role-name',
    'is required (for example DeveloperAccess)'
  ],
  // profile
  [
    'profile with ]',
    { profile: 'ci]\n[default' },
    'profile',
    'must not contain control characters or line breaks'
  ],
  [
    'profile with ] only',
    { profile: 'ci]x' },
    'profile',
    'contains "]", which is not allowed in a profile name'
  ],
  ['profile with [', { profile: '[ci' }, 'profile', 'contains "["'],
  ['profile with =', { profile: 'ci=1' }, 'profile', 'contains "="'],
  ['profile with ;', { profile: 'ci;x' }, 'profile', 'contains ";"'],
  ['profile with #', { profile: 'ci#x' }, 'profile', 'contains "#"'],
  [
    'profile leading space',
    { profile: ' ci' },
    'profile',
    'must not have leading or trailing spaces, got " ci"'
  ],
  [
    'profile trailing space',
    { profile: 'ci ' },
    'profile',
    'must not have leading or trailing spaces'
  ],
  [
    'profile with CR',
    { profile: 'ci\rx' },
    'profile',
    'found \\r at position 3'
  ],
  [
    'profile with NUL',
    { profile: 'ci\u0000' },
    'profile',
    'found \\u0000 at position 3'
  ],
  [
    'profile with bidi override',
    { profile: 'ci\u202eved' },
    'profile',
    'found \\u202e'
  ],
  [
    'profile with zero-width space',
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
  [
    'profile starting with -',
    { profile: '-ci' },
    'profile',
    'must start with a letter or digit'
  ],
  ['profile with slash', { profile: 'a/b' }, 'profile', 'contains "/"'],
  // sso-session
  [
    'session with ]',
    { 'sso-session': 's]' },
    'sso-session',
    'contains "]", which is not allowed in an sso-session name'
  ],
  [
    'session with newline',
    { 'sso-session': 's\nx' },
    'sso-session',
    'must not contain control characters or line breaks'
  ],
  [
    'session with tab',
    { 'sso-session': 's\tx' },
    'sso-session',
    'found \\t at position 2'
  ],
  ['session with =', { 'sso-session': 'a=b' }, 'sso-session', 'contains "="'],
  [
    'session too long',
    { 'sso-session': 's'.repeat(100) },
    'sso-session',
    'must be at most 64 characters, got 100'
  ],
  [
    'session with non-ASCII',
    { 'sso-session': 'sessión' },
    'sso-session',
    'contains "ó"'
  ],
  // start-url
  [
    'start url http',
    { 'start-url': 'http://my-sso-portal.awsapps.com/start' },
    'start-url',
    'must use https://, got "http://my-sso-portal.awsapps.com/start"'
  ],
  [
    'start url with credentials',
    { 'start-url': 'https://user:hunter2@my-sso-portal.awsapps.com/start' },
    'start-url',
    'must not contain a user name or password'
  ],
  [
    'start url with user only',
    { 'start-url': 'https://admin@my-sso-portal.awsapps.com/start' },
    'start-url',
    'must not contain a user name or password'
  ],
  [
    'start url wrong host',
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
    'start url bare awsapps.com',
    { 'start-url': 'https://awsapps.com/start' },
    'start-url',
    'must be an AWS access portal URL'
  ],
  [
    'start url trailing-dot host',
    { 'start-url': 'https://my.awsapps.com./start' },
    'start-url',
    'must be an AWS access portal URL'
  ],
  [
    'start url subdomain of issuer',
    {
      'start-url':
        'https://evil.identitycenter.amazonaws.com.evil.io/ssoins-1234567890abcdef'
    },
    'start-url',
    'must be an AWS access portal URL'
  ],
  [
    'start url IPv4',
    { 'start-url': 'https://52.94.236.248/start' },
    'start-url',
    'not an IP address'
  ],
  [
    'start url IPv6',
    { 'start-url': 'https://[2600:1f18::1]/start' },
    'start-url',
    'not an IP address'
  ],
  [
    'start url port',
    { 'start-url': 'https://my-sso-portal.awsapps.com:8443/start' },
    'start-url',
    'must not use a port other than 443'
  ],
  [
    'start url fragment',
    { 'start-url': 'https://my-sso-portal.awsapps.com/start#/' },
    'start-url',
    'must not contain a fragment'
  ],
  [
    'start url inner space',
    { 'start-url': 'https://my-sso-portal.awsapps.com/st art' },
    'start-url',
    'must not contain spaces or non-ASCII characters'
  ],
  [
    'start url tab',
    { 'start-url': 'https://my-sso-portal.aws\tapps.com/start' },
    'start-url',
    'must not contain control characters or line breaks (found \\t at position 26)'
  ],
  [
    'start url newline',
    { 'start-url': 'https://my-sso-portal.awsapps.com/start\nx' },
    'start-url',
    'found \\n'
  ],
  [
    'start url backslash trick',
    { 'start-url': 'https://my.awsapps.com\\@evil.com/' },
    'start-url',
    'must not contain backslashes'
  ],
  [
    'start url without slashes',
    { 'start-url': 'https:my-sso-portal.awsapps.com/start' },
    'start-url',
    'must be written as https://HOST/'
  ],
  [
    'start url percent-encoded host',
    { 'start-url': 'https://my%2Eawsapps.com/start' },
    'start-url',
    'must be written as https://HOST/'
  ],
  [
    'start url not a URL',
    { 'start-url': 'my-sso-portal.awsapps.com/start' },
    'start-url',
    'must be a URL like https://my-sso-portal.awsapps.com/start'
  ],
  [
    'start url javascript',
    { 'start-url': 'javascript:alert(1)' },
    'start-url',
    'must use https://'
  ],
  [
    'start url unicode host',
    { 'start-url': 'https://my.аwsapps.com/start' },
    'start-url',
    'must not contain spaces or non-ASCII characters'
  ],
  [
    'issuer url without instance',
    { 'start-url': 'https://identitycenter.amazonaws.com/' },
    'start-url',
    'an issuer URL must be https://identitycenter.amazonaws.com/ssoins-<16 characters>'
  ],
  [
    'start url too long',
    { 'start-url': 'https://my-sso-portal.awsapps.com/' + 'a'.repeat(3000) },
    'start-url',
    'must be at most 2048 characters'
  ],
  [
    'start url missing',
    { 'start-url': '   ' },
    'start-url',
    'Input "start-url": is required'
  ],
  // regions
  [
    'sso region missing',
    { 'sso-region': '' },
    'sso-region',
    'is required (for example us-east-1)'
  ],
  [
    'sso region without number',
    { 'sso-region': 'us-east' },
    'sso-region',
    'must be an AWS Region name like us-east-1, got "us-east"'
  ],
  [
    'sso region upper case',
    { 'sso-region': 'US-EAST-1' },
    'sso-region',
    'must be an AWS Region name like us-east-1 (lower case), got "US-EAST-1"'
  ],
  [
    'sso region trailing space',
    { 'sso-region': 'us-east-1 ' },
    'sso-region',
    'must not have leading or trailing spaces, got "us-east-1 "'
  ],
  [
    'sso region garbage',
    { 'sso-region': 'mars' },
    'sso-region',
    'must be an AWS Region name'
  ],
  [
    'sso region injection',
    { 'sso-region': 'us-east-1]\n[profile x' },
    'sso-region',
    'must not contain control characters'
  ],
  [
    'region bad',
    { region: 'us-east-1.evil.com' },
    'region',
    'must be an AWS Region name like us-east-1, got "us-east-1.evil.com"'
  ],
  [
    'region zone not region',
    { region: 'us-east-1a' },
    'region',
    'must be an AWS Region name'
  ],
  // output, scopes
  [
    'output unknown',
    { output: 'xml' },
    'output',
    'must be one of json, text, table, yaml, yaml-stream, got "xml"'
  ],
  ['output upper case', { output: 'JSON' }, 'output', 'must be one of'],
  [
    'scope with space',
    { 'registration-scopes': 'sso:account:access, bad scope' },
    'registration-scopes',
    'scope "bad scope" may contain only'
  ],
  [
    'scope only commas',
    { 'registration-scopes': ',,' },
    'registration-scopes',
    'must list at least one scope'
  ],
  [
    'scope with quote',
    { 'registration-scopes': 'a"b' },
    'registration-scopes',
    'scope "a\\"b" may contain only'
  ],
  // notify
  [
    'notify unknown channel',
    { notify: 'summary,slack' },
    'notify',
    'unknown channel "slack"; use summary, comment, webhook, log or none'
  ],
  [
    'notify none combined',
    { notify: 'none,summary' },
    'notify',
    '"none" cannot be combined'
  ],
  ['notify only commas', { notify: ' , ' }, 'notify', 'must list channels'],
  [
    'notify webhook without url',
    { notify: 'webhook' },
    'webhook-url',
    'is required when notify includes webhook'
  ],
  // booleans
  [
    'boolean yes',
    { 'keep-session': 'yes' },
    'keep-session',
    'Input "keep-session": must be true or false, got "yes"'
  ],
  [
    'boolean 1',
    { 'export-credentials': '1' },
    'export-credentials',
    'must be true or false, got "1"'
  ],
  [
    'boolean mixed case',
    { 'forbid-self-approval': 'tRUE' },
    'forbid-self-approval',
    'must be true or false, got "tRUE"'
  ],
  ['boolean on', { discover: 'on' }, 'discover', 'must be true or false'],
  [
    'boolean allow-partial',
    { 'allow-partial': 'maybe' },
    'allow-partial',
    'must be true or false'
  ],
  [
    'boolean reuse-session',
    { 'reuse-session': 'ja' },
    'reuse-session',
    'must be true or false'
  ],
  // numbers and durations
  [
    'issue number zero',
    { 'issue-number': '0' },
    'issue-number',
    'must be a positive whole number, got "0"'
  ],
  [
    'issue number negative',
    { 'issue-number': '-3' },
    'issue-number',
    'must be a positive whole number, got "-3"'
  ],
  [
    'issue number float',
    { 'issue-number': '1.5' },
    'issue-number',
    'must be a positive whole number'
  ],
  [
    'issue number hash',
    { 'issue-number': '#12' },
    'issue-number',
    'must be a positive whole number'
  ],
  [
    'issue number huge',
    { 'issue-number': '99999999999999999999' },
    'issue-number',
    'must be a positive whole number'
  ],
  [
    'approval timeout zero',
    { 'approval-timeout': '0' },
    'approval-timeout',
    'must be between 1 and 86400 seconds, got "0"'
  ],
  [
    'approval timeout too long',
    { 'approval-timeout': '86401' },
    'approval-timeout',
    'must be between 1 and 86400 seconds'
  ],
  [
    'approval timeout 2 days',
    { 'approval-timeout': '48h' },
    'approval-timeout',
    'got "48h" (172800 seconds)'
  ],
  [
    'approval timeout words',
    { 'approval-timeout': 'ten minutes' },
    'approval-timeout',
    'must be a number of seconds or a duration like 15m or 1h'
  ],
  [
    'min validity negative',
    { 'min-validity': '-1' },
    'min-validity',
    'must be a number of seconds or a duration'
  ],
  [
    'min validity days',
    { 'min-validity': '2d' },
    'min-validity',
    'must be a number of seconds or a duration'
  ],
  [
    'min validity too long',
    { 'min-validity': '25h' },
    'min-validity',
    'must be between 0 and 86400 seconds'
  ],
  // verify-profiles
  [
    'verify-profiles unknown',
    { 'verify-profiles': 'some' },
    'verify-profiles',
    'must be one of all, primary, got "some"'
  ],
  [
    'verify-profiles none',
    { 'verify-profiles': 'none' },
    'verify-profiles',
    'must be one of all, primary'
  ],
  [
    'verify-profiles primary with sign-out-early',
    { 'verify-profiles': 'primary', 'sign-out-early': 'true' },
    'verify-profiles',
    'primary cannot be combined with sign-out-early: true'
  ],
  // discover filters
  [
    'account filter without discover',
    { 'account-filter': '1111*' },
    'account-filter',
    'is only allowed when discover is true'
  ],
  [
    'role filter without discover',
    { 'role-filter': 'Dev*' },
    'role-filter',
    'is only allowed when discover is true'
  ],
  [
    'role filter bad char',
    { discover: 'true', 'role-filter': 'Dev]*' },
    'role-filter',
    'contains "]"'
  ],
  // allowed approvers
  [
    'approver with space',
    { 'allowed-approvers': 'alice, bob smith' },
    'allowed-approvers',
    'entry "bob smith" must not contain spaces'
  ],
  [
    'approver with newline',
    { 'allowed-approvers': 'alice\nbob' },
    'allowed-approvers',
    'must not contain control characters'
  ],
  // profiles (line numbers)
  [
    'profiles too few fields',
    { profiles: 'dev 111122223333' },
    'profiles',
    'line 1: expected "name account-id role-name [region]", got 2 fields'
  ],
  [
    'profiles too many fields',
    { profiles: '# c\n\ndev 111122223333 Dev us-east-1 extra' },
    'profiles',
    'line 3: expected "name account-id role-name [region]", got 5 fields'
  ],
  [
    'profiles bad account',
    { profiles: 'a 111122223333 Dev\nb 1234 Dev' },
    'profiles',
    'Input "profiles": line 2: account id must be 12 digits, got "1234"'
  ],
  [
    'profiles bad name',
    { profiles: 'ok 111122223333 Dev\n\n x]y 111122223333 Dev' },
    'profiles',
    'line 3: profile name contains "]"'
  ],
  [
    'profiles bad role',
    { profiles: 'a 111122223333 Dev=Ops\nb 111122223333 Dev[x' },
    'profiles',
    'line 2: role name contains "["'
  ],
  [
    'profiles bad region',
    { profiles: 'a 111122223333 Dev eu-west' },
    'profiles',
    'line 1: region must be an AWS Region name like us-east-1, got "eu-west"'
  ],
  [
    'profiles duplicate',
    { profiles: 'a 111122223333 Dev\nb 111122223333 Dev\na 444455556666 Ops' },
    'profiles',
    'line 3: profile name "a" is already used on line 1'
  ],
  [
    'profiles same as profile',
    { profile: 'ci', profiles: 'ci 111122223333 Dev' },
    'profiles',
    'line 1: profile name "ci" is already the profile input'
  ],
  [
    'profiles same as default profile',
    { profiles: `${DEFAULT_PROFILE} 111122223333 Dev` },
    'profiles',
    'is already the profile input'
  ],
  [
    'profiles control char',
    { profiles: 'a 111122223333 Dev\u0007' },
    'profiles',
    'must not contain control characters (other than line breaks and tabs) (found \\u0007 at position 19)'
  ],
  [
    'profiles lone CR',
    { profiles: 'a 111122223333 Dev\rb 111122223333 Dev' },
    'profiles',
    'found \\r'
  ],
  // secrets
  [
    'github token with newline',
    { 'github-token': 'ghp_abc\nxyz' },
    'github-token',
    'Input "github-token": must not contain control characters or line breaks'
  ],
  [
    'github token with space',
    { 'github-token': 'ghp_abc xyz' },
    'github-token',
    'must not contain spaces (value not shown)'
  ],
  [
    'webhook http',
    { 'webhook-url': 'http://hooks.example.com/secret-path' },
    'webhook-url',
    'must be an https:// URL (http:// only for localhost or 127.0.0.1) (value not shown)'
  ],
  [
    'webhook not a URL',
    { 'webhook-url': 'secret-token-not-a-url' },
    'webhook-url',
    'must be a URL (value not shown)'
  ],
  [
    'webhook with credentials',
    { 'webhook-url': 'https://u:p4ss@hooks.example.com/x' },
    'webhook-url',
    'must not contain a user name or password'
  ],
  [
    'webhook file scheme',
    { 'webhook-url': 'file:///etc/passwd' },
    'webhook-url',
    'must be an https:// URL'
  ],
  // values that look like tokens are not echoed even in non-secret inputs
  [
    'token pasted into role-name',
    { 'role-name': `${GH_TOKEN}!` },
    'role-name',
    'a value that looks like a token or webhook URL, not shown'
  ]
]

describe('readLoginRequest: hostile and malformed inputs', () => {
  test('the table is big enough', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40)
  })

  test.each(HOSTILE)('%s', (_label, overrides, input, message) => {
    const error = errorOf(overrides)
    expect(error).toBeInstanceOf(InputError)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('InputError')
    expect(error.input).toBe(input)
    expect(error.message.startsWith(`Input "${input}": `)).toBe(true)
    expect(error.message).toBe(`Input "${input}": ${error.detail}`)
    if (typeof message === 'string') expect(error.message).toContain(message)
    else expect(error.message).toMatch(message)
    // no raw control characters ever reach the message
    expect(error.message).not.toMatch(
      /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e]/
    )
    expect(error.message.length).toBeLessThan(400)
  })
})

describe('secrets are never echoed', () => {
  const secretCases: [string, Record<string, string>, string][] = [
    ['token with newline', { 'github-token': `${GH_TOKEN}\n` }, GH_TOKEN],
    [
      'token with space',
      { 'github-token': 'supersecretvalue123 x' },
      'supersecretvalue123'
    ],
    [
      'webhook over http',
      { 'webhook-url': 'http://hooks.example.com/T0/B0/SUPERSECRET' },
      'SUPERSECRET'
    ],
    [
      'webhook garbage',
      { 'webhook-url': 'SUPERSECRET-not-a-url' },
      'SUPERSECRET'
    ],
    [
      'webhook with bell',
      { 'webhook-url': 'https://hooks.example.com/SUPERSECRET\u0007' },
      'SUPERSECRET'
    ],
    [
      'webhook with credentials',
      { 'webhook-url': 'https://user:SUPERSECRET@hooks.example.com/' },
      'SUPERSECRET'
    ]
  ]
  test.each(secretCases)('%s', (_label, overrides, secret) => {
    const error = errorOf(overrides)
    expect(error.message).not.toContain(secret)
    expect(error.message).not.toContain('hooks.example.com')
  })

  test('a start-url password is not echoed', () => {
    const error = errorOf({
      'start-url': 'https://me:hunter2@evil.example/start'
    })
    expect(error.input).toBe('start-url')
    expect(error.message).not.toContain('hunter2')
  })

  test('a start-url password is masked when the URL fails for another reason first', () => {
    const error = errorOf({
      'start-url': 'https://me:hunter2@my.awsapps.com/st art'
    })
    expect(error.message).not.toContain('hunter2')
    expect(error.message).toContain('***@')
  })

  test('isSecretInput', () => {
    expect(isSecretInput('github-token')).toBe(true)
    expect(isSecretInput('webhook-url')).toBe(true)
    expect(isSecretInput('start-url')).toBe(false)
    expect(isSecretInput('nope')).toBe(false)
    expect(
      INPUTS.filter((i) => i.secret)
        .map((i) => i.name)
        .sort()
    ).toEqual(['github-token', 'session-key', 'webhook-url'])
  })
})

describe('echoed values are sanitized', () => {
  test('long values are cut', () => {
    const error = errorOf({ 'sso-region': 'x'.repeat(500) })
    expect(error.message).toContain('…" (500 characters)')
    expect(error.message.length).toBeLessThan(200)
  })

  test('quotes and backslashes are escaped', () => {
    expect(showValue('a"b\\c')).toBe('"a\\"b\\\\c"')
  })

  test('control characters become escapes', () => {
    expect(showValue('a\nb\u001b[31m')).toBe('"a\\nb\\u001b[31m"')
  })

  test('user:password in URLs is masked', () => {
    expect(showValue('https://u:p@host/x')).toBe('"https://***@host/x"')
  })

  test('the first error wins, in INPUTS order', () => {
    const error = errorOf({
      'account-id': 'x',
      'role-name': 'a]',
      profile: '['
    })
    expect(error.input).toBe('account-id')
    const later = errorOf({ notify: 'bogus', 'keep-session': 'bogus' })
    expect(later.input).toBe('keep-session')
  })

  test('the validation order follows the INPUTS table', () => {
    const bad: Record<string, string> = {
      'start-url': 'http://x',
      'sso-region': 'x',
      'account-id': 'x',
      'role-name': 'a b',
      'sso-session': '[',
      profile: '[',
      region: 'x',
      output: 'x',
      'registration-scopes': 'a b',
      profiles: 'x',
      discover: 'x',
      'account-filter': 'x',
      'role-filter': 'x',
      'allow-partial': 'x',
      'export-credentials': 'x',
      'keep-session': 'x',
      'reuse-session': 'x',
      'min-validity': 'x',
      'approval-timeout': 'x',
      'allowed-approvers': 'a b',
      'forbid-self-approval': 'x',
      'required-approvals': 'x',
      notify: 'x',
      'github-token': 'a b',
      'issue-number': 'x',
      'webhook-url': 'x',
      'sign-out-early': 'x',
      'allowed-account-ids': 'x',
      'role-to-assume': 'a b',
      'role-session-name': 'x',
      'role-duration-seconds': 'x',
      'role-external-id': 'x',
      'inline-session-policy': 'x',
      'managed-session-policies': 'x',
      'role-skip-session-tagging': 'x',
      'transitive-tag-keys': 'x',
      'role-source-identity': 'x',
      'share-session': 'x',
      session: 'x'.repeat(20000),
      'end-session': 'x',
      'session-key': 'short',
      'legacy-sso-profile': 'x',
      // scale
      'verify-profiles': 'x',
      'credential-server': 'x'
    }
    expect(Object.keys(bad)).toEqual(INPUTS.map((i) => i.name))
    const seen: string[] = []
    const values = { ...bad }
    for (;;) {
      let error: InputError | undefined
      try {
        readLoginRequest((name) => values[name] ?? '')
      } catch (e) {
        error = e as InputError
      }
      if (!error) break
      seen.push(error.input)
      // repair the reported input and go again
      values[error.input] = SEED[error.input] ?? ''
    }
    expect(seen).toEqual(INPUTS.map((i) => i.name))
  })
})

describe('legacy-sso-profile', () => {
  test('off by default: the request has no legacySsoProfile', () => {
    expect('legacySsoProfile' in read().profiles).toBe(false)
    expect(
      'legacySsoProfile' in read({ 'legacy-sso-profile': 'false' }).profiles
    ).toBe(false)
  })
  test('true turns it on', () => {
    expect(
      read({ 'legacy-sso-profile': 'true' }).profiles.legacySsoProfile
    ).toBe(true)
  })
  test('anything else is an InputError naming the input', () => {
    const error = errorOf({ 'legacy-sso-profile': 'yes please' })
    expect(error.input).toBe('legacy-sso-profile')
    expect(error.message).toContain('must be true or false')
  })
})

describe('readLoginRequest: valid inputs', () => {
  test('the seed example with all defaults', () => {
    expect(read()).toEqual({
      target: {
        startUrl: 'https://my-sso-portal.awsapps.com/start',
        ssoRegion: 'us-east-1',
        accountId: '111122223333',
        roleName: 'DeveloperAccess',
        region: 'us-west-2'
      },
      profiles: {
        ssoSession: 'identity-center-login',
        profile: 'identity-center-login',
        output: 'json',
        extraProfiles: []
      },
      signIn: {
        mode: { kind: 'job', token: { from: 'device-flow' } },
        registrationScopes: ['sso:account:access'],
        allowedApprovers: [],
        forbidSelfApproval: false,
        minValiditySeconds: 900
      },
      notify: { channels: ['summary', 'comment'], githubToken: '' },
      files: { exportCredentials: true, allowPartial: false }
    })
  })

  test('region defaults to sso-region; constants match', () => {
    const r = read({ region: '' })
    expect(r.target.region).toBe('us-east-1')
    expect(r.profiles.ssoSession).toBe(DEFAULT_SSO_SESSION)
    expect(r.profiles.profile).toBe(DEFAULT_PROFILE)
    expect(r.signIn.registrationScopes).toEqual([
      ...DEFAULT_REGISTRATION_SCOPES
    ])
    expect(r.notify.channels).toEqual([...DEFAULT_NOTIFY])
    expect(r.signIn.minValiditySeconds).toBe(DEFAULT_MIN_VALIDITY_SECONDS)
    expect(r.notify.issueNumber).toBeUndefined()
    expect(r.notify.webhookUrl).toBeUndefined()
    expect(r.signIn.approvalTimeoutSeconds).toBeUndefined()
    expect(r.profiles.discover).toBeUndefined()
  })

  test('returned arrays are fresh copies', () => {
    const a = read()
    a.signIn.registrationScopes.push('x')
    a.notify.channels.push('webhook')
    expect(read().signIn.registrationScopes).toEqual(['sso:account:access'])
    expect(read().notify.channels).toEqual(['summary', 'comment'])
  })

  test('surrounding whitespace is trimmed from the URL and account id only', () => {
    const r = read({
      'start-url': '  https://my-sso-portal.awsapps.com/start/  ',
      'account-id': ' 111122223333 '
    })
    expect(r.target.startUrl).toBe('https://my-sso-portal.awsapps.com/start/')
    expect(r.target.accountId).toBe('111122223333')
  })

  test.each([
    'https://d-1234567890.awsapps.com/start',
    'https://my-sso-portal.awsapps.com/start/',
    'https://My-SSO-Portal.AWSAPPS.com/start',
    'https://my-sso-portal.awsapps.com:443/start',
    'https://my-sso-portal.awsapps.com',
    'https://start.us-gov-home.awsapps.com/directory/d-1234567890',
    'https://d-1234567890.awsapps.cn/start',
    'https://ssoins-1234567890abcdef.portal.us-east-1.app.aws',
    'https://ssoins-111111h2222j33pp.eu-west-1.portal.amazonaws.com',
    'https://ssoins-1234567890abcdef.cn-north-1.portal.amazonaws.com.cn',
    'https://ssoins-1234567890abcdef.portal.cn-north-1.app.amazonwebservices.com.cn',
    'https://ssoins-1234567890abcdef.eusc-de-east-1.portal.amazonaws.eu',
    'https://identitycenter.amazonaws.com/ssoins-1234567890abcdef',
    'https://identitycenter.amazonaws.com.cn/ssoins-1234567890abcdef',
    'https://identitycenter.amazonaws.eu/ssoins-1234567890abcdef'
  ])('start url %s is accepted as given', (url) => {
    expect(read({ 'start-url': url }).target.startUrl).toBe(url)
  })

  test('look-alike hosts are refused by the host check', () => {
    for (const host of [
      'awsapps.com.evil.io',
      'evilawsapps.com',
      'awsapps.com',
      'app.aws',
      'x.app.aws.evil',
      'identitycenter.amazonaws.com.evil.io',
      'x.identitycenter.amazonaws.com',
      'x_y.awsapps.com',
      'x..awsapps.com'
    ]) {
      expect(isAwsStartUrlHost(host)).toBe(false)
    }
  })

  test.each([
    'us-east-1',
    'ap-southeast-5',
    'us-gov-west-1',
    'cn-north-1',
    'cn-northwest-1',
    'eusc-de-east-1',
    'us-iso-east-1',
    'us-isob-east-1',
    'eu-isoe-west-1',
    'us-isof-south-1',
    'il-central-1',
    'mx-central-1',
    'ca-west-1',
    'me-central-1',
    'af-south-1',
    'sa-east-1',
    'ap-northeast-3'
  ])('region %s is accepted', (region) => {
    const r = read({ 'sso-region': region, region })
    expect(r.target.ssoRegion).toBe(region)
    expect(r.target.region).toBe(region)
  })

  test('profile may be default; names allow . _ - @ +', () => {
    expect(read({ profile: 'default' }).profiles.profile).toBe('default')
    expect(
      read({ profile: 'dev.ci_1-a@b+c', 'sso-session': 'Org.SSO-1' })
    ).toMatchObject({
      profiles: { profile: 'dev.ci_1-a@b+c', ssoSession: 'Org.SSO-1' }
    })
    expect(read({ profile: 'p'.repeat(64) }).profiles.profile).toHaveLength(64)
  })

  test('role names allow the IAM character set', () => {
    expect(
      read({ 'role-name': 'AWSReservedSSO_Admin+=,.@-x' }).target.roleName
    ).toBe('AWSReservedSSO_Admin+=,.@-x')
    expect(read({ 'role-name': 'R'.repeat(64) }).target.roleName).toHaveLength(
      64
    )
  })

  test.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    [' true ', true]
  ] as const)('boolean %j', (value, expected) => {
    expect(read({ 'keep-session': value }).signIn.mode.kind).toBe(
      expected ? 'kept' : 'job'
    )
    expect(read({ 'export-credentials': value }).files.exportCredentials).toBe(
      expected
    )
  })

  test('notify parsing', () => {
    expect(read({ notify: '' }).notify.channels).toEqual(['summary', 'comment'])
    expect(read({ notify: 'none' }).notify.channels).toEqual([])
    expect(read({ notify: 'log' }).notify.channels).toEqual([])
    expect(read({ notify: ' log , Summary ,summary' }).notify.channels).toEqual(
      ['summary']
    )
    expect(
      read({ notify: 'comment, webhook', 'webhook-url': WEBHOOK }).notify
        .channels
    ).toEqual(['comment', 'webhook'])
  })

  test('scopes, approvers, numbers, durations', () => {
    const r = read({
      'registration-scopes': 'sso:account:access, codewhisperer:completions ,',
      'allowed-approvers': 'Alice, bob@example.com, ci-*, ?ave',
      'issue-number': '42',
      'approval-timeout': '10m',
      'min-validity': '1h',
      'github-token': ` ${GH_TOKEN} `,
      'webhook-url': WEBHOOK
    })
    expect(r.signIn.registrationScopes).toEqual([
      'sso:account:access',
      'codewhisperer:completions'
    ])
    expect(r.signIn.allowedApprovers).toEqual([
      'alice',
      'bob@example.com',
      'ci-*',
      '?ave'
    ])
    expect(r.notify.issueNumber).toBe(42)
    expect(r.signIn.approvalTimeoutSeconds).toBe(600)
    expect(r.signIn.minValiditySeconds).toBe(3600)
    expect(r.notify.githubToken).toBe(GH_TOKEN)
    expect(r.notify.webhookUrl).toBe(WEBHOOK)
  })

  test('local http webhooks are allowed for tests', () => {
    expect(
      read({ 'webhook-url': 'http://127.0.0.1:8080/hook' }).notify.webhookUrl
    ).toBe('http://127.0.0.1:8080/hook')
    expect(
      read({ 'webhook-url': 'http://localhost:9/x' }).notify.webhookUrl
    ).toBe('http://localhost:9/x')
  })

  test.each([
    ['900', 900],
    ['900s', 900],
    ['15m', 900],
    ['1h', 3600],
    ['1h30m', 5400],
    ['0', 0],
    ['2H', 7200]
  ] as const)('duration %s', (value, seconds) => {
    expect(parseDurationSeconds(value)).toBe(seconds)
    expect(read({ 'min-validity': value }).signIn.minValiditySeconds).toBe(
      seconds
    )
  })

  test('bad durations do not parse', () => {
    for (const v of ['', 'h', '1d', '1.5h', '-1', '1 h', 'm15'])
      expect(parseDurationSeconds(v)).toBeUndefined()
  })

  test('profiles lines', () => {
    const r = read({
      profile: 'ci',
      profiles: [
        '# extra profiles',
        '',
        'dev 444455556666 ReadOnly',
        '\tprod\t777788889999  Deploy eu-central-1   # trailing comment',
        'audit 111122223333 Audit\r',
        ''
      ].join('\n')
    })
    expect(r.profiles.extraProfiles).toEqual([
      {
        name: 'dev',
        accountId: '444455556666',
        roleName: 'ReadOnly',
        region: 'us-west-2'
      },
      {
        name: 'prod',
        accountId: '777788889999',
        roleName: 'Deploy',
        region: 'eu-central-1'
      },
      {
        name: 'audit',
        accountId: '111122223333',
        roleName: 'Audit',
        region: 'us-west-2'
      }
    ])
  })

  test('profiles with CRLF line endings', () => {
    const r = read({ profiles: 'a 111122223333 A\r\nb 111122223333 B\r\n' })
    expect(r.profiles.extraProfiles.map((p) => p.name)).toEqual(['a', 'b'])
  })

  test('discover with filters', () => {
    expect(read({ discover: 'true' }).profiles.discover).toEqual({})
    expect(
      read({
        discover: 'true',
        'account-filter': 'Prod *',
        'role-filter': 'Dev*'
      }).profiles.discover
    ).toEqual({ accountFilter: 'Prod *', roleFilter: 'Dev*' })
    expect(read({ discover: 'false' }).profiles.discover).toBeUndefined()
  })

  test('verify-profiles: all by default (absent from the request), primary when asked (any case)', () => {
    expect(read().profiles.verifyProfiles).toBeUndefined()
    expect(
      read({ 'verify-profiles': 'all' }).profiles.verifyProfiles
    ).toBeUndefined()
    expect(read({ 'verify-profiles': 'primary' }).profiles.verifyProfiles).toBe(
      'primary'
    )
    expect(
      read({ 'verify-profiles': ' Primary ', discover: 'true' }).profiles
        .verifyProfiles
    ).toBe('primary')
  })

  test('get may return undefined for unset inputs', () => {
    const r = readLoginRequest((name) => SEED[name] as string)
    expect(r.profiles.profile).toBe(DEFAULT_PROFILE)
  })
})

describe('INPUTS table', () => {
  test('names are unique kebab-case and every input is read', () => {
    const names = INPUTS.map((i) => i.name)
    expect(new Set(names).size).toBe(names.length)
    for (const n of names) expect(n).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
    const asked = new Set<string>()
    readLoginRequest((name) => {
      asked.add(name)
      return SEED[name] ?? ''
    })
    expect([...asked].sort()).toEqual([...names].sort())
  })

  test('no input is required by the table (the reader requires the four identifying ones unless session or end-session is given)', () => {
    expect(INPUTS.filter((i) => i.required).map((i) => i.name)).toEqual([])
  })

  test('every input has a description; boolean defaults are true/false', () => {
    for (const i of INPUTS) {
      expect(i.description.length).toBeGreaterThan(10)
      if (i.kind === 'boolean') expect(['true', 'false']).toContain(i.default)
    }
  })

  test('defaults in the table are accepted by the reader', () => {
    const defaults = Object.fromEntries(INPUTS.map((i) => [i.name, i.default]))
    const r = readLoginRequest((name) => SEED[name] ?? defaults[name] ?? '')
    expect(r).toEqual(read())
  })
})

describe('credential-server', () => {
  const KEY = 'a-session-key-of-enough-length-0123456789'
  test('off by default; true is the served mode, its token from the device flow', () => {
    expect(read().signIn.mode.kind).toBe('job')
    expect(read({ 'credential-server': 'true' }).signIn.mode).toEqual({
      kind: 'served',
      token: { from: 'device-flow' }
    })
  })
  test('with role-to-assume, profiles, discover and allowed-account-ids', () => {
    const r = read({
      'credential-server': 'true',
      'role-to-assume': 'deploy',
      profiles: 'sandbox 777788889999 ReadOnly',
      discover: 'true',
      'allowed-account-ids': '111122223333,777788889999'
    })
    expect(r.signIn.mode.kind).toBe('served')
    expect(r.chain).toBeDefined()
  })
  test('in a later job of a shared sign-in: served, the token from the session input', () => {
    const r = read({
      'credential-server': 'true',
      session: 'sealed',
      'session-key': KEY
    })
    expect(r.signIn.mode).toMatchObject({
      kind: 'served',
      token: { from: 'session', sealed: 'sealed' }
    })
  })
  test.each([
    ['sign-out-early', { 'sign-out-early': 'true' }],
    ['keep-session', { 'keep-session': 'true' }],
    ['reuse-session', { 'reuse-session': 'true' }],
    ['legacy-sso-profile', { 'legacy-sso-profile': 'true' }],
    ['share-session', { 'share-session': 'true', 'session-key': KEY }]
  ])('not with %s: an error naming both inputs', (other, inputs) => {
    const error = errorOf({ 'credential-server': 'true', ...inputs })
    expect(error.input).toBe('credential-server')
    expect(error.message).toContain(`cannot be combined with ${other}: true`)
  })
})
