import { EXIT_CODES, envVarName, parseCliArgs } from '../../src/cli/args.js'
import { cliHelp } from '../../src/cli/help.js'
import { INPUTS } from '../../src/inputs/spec.js'
import { InputError } from '../../src/inputs/rules.js'
import { readLoginRequest } from '../../src/inputs/reader.js'

const SEED_ARGS = [
  '--start-url',
  'https://my-sso-portal.awsapps.com/start',
  '--sso-region=us-east-1',
  '--account-id',
  '111122223333',
  '--role-name=DeveloperAccess',
  '--region',
  'us-west-2'
]

function errorOf(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
  deps = {}
): InputError {
  try {
    parseCliArgs(argv, env, deps)
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error(`expected an InputError for ${JSON.stringify(argv)}`)
}

describe('parseCliArgs: flags', () => {
  test('the seed example, both --flag value and --flag=value', () => {
    const args = parseCliArgs(SEED_ARGS, {})
    expect(args.help).toBe(false)
    expect(args.format).toBe('env')
    expect(args.outputFile).toBeUndefined()
    expect(args.get('start-url')).toBe(
      'https://my-sso-portal.awsapps.com/start'
    )
    expect(args.get('sso-region')).toBe('us-east-1')
    expect(args.get('role-name')).toBe('DeveloperAccess')
    expect(args.get('profile')).toBe('')
    expect(args.get('not-an-input')).toBe('')
    const request = readLoginRequest(args.get)
    expect(request).toMatchObject({
      target: { accountId: '111122223333', region: 'us-west-2' },
      profiles: { profile: 'identity-center-login' }
    })
  })

  test('every input in INPUTS is a flag', () => {
    for (const spec of INPUTS) {
      const value = spec.kind === 'boolean' ? 'true' : 'v'
      const args = parseCliArgs([`--${spec.name}=${value}`], {})
      expect(args.get(spec.name)).toBe(value)
    }
  })

  test('boolean switches', () => {
    const args = parseCliArgs(
      [
        ...SEED_ARGS,
        '--keep-session',
        '--no-export-credentials',
        '--reuse-session=false',
        '--discover=True'
      ],
      {}
    )
    expect(args.get('keep-session')).toBe('true')
    expect(args.get('export-credentials')).toBe('false')
    expect(args.get('reuse-session')).toBe('false')
    expect(args.get('discover')).toBe('True')
    const request = readLoginRequest(args.get)
    expect(request).toMatchObject({
      signIn: { mode: { kind: 'kept', token: { from: 'device-flow' } } },
      files: { exportCredentials: false },
      profiles: { discover: {} }
    })
  })

  test('a bad boolean value is reported by readLoginRequest with the input name', () => {
    const args = parseCliArgs([...SEED_ARGS, '--keep-session=yes'], {})
    expect(() => readLoginRequest(args.get)).toThrow(
      'Input "keep-session": must be true or false, got "yes"'
    )
  })

  test('values may contain = and start with a single dash', () => {
    const args = parseCliArgs(
      ['--role-name', '-odd', '--account-filter=a=b'],
      {}
    )
    expect(args.get('role-name')).toBe('-odd')
    expect(args.get('account-filter')).toBe('a=b')
  })

  test('empty inline value is kept (and overrides env)', () => {
    const args = parseCliArgs(['--profile='], {
      IDENTITY_CENTER_LOGIN_PROFILE: 'from-env'
    })
    expect(args.get('profile')).toBe('')
  })

  test('--profiles with line breaks', () => {
    const args = parseCliArgs(
      [
        ...SEED_ARGS,
        '--profiles',
        'dev 444455556666 ReadOnly\nprod 777788889999 Deploy'
      ],
      {}
    )
    expect(
      readLoginRequest(args.get).profiles.extraProfiles.map((p) => p.name)
    ).toEqual(['dev', 'prod'])
  })

  test('--profiles-file reads the file', () => {
    const paths: string[] = []
    const read = (path: string): string => {
      paths.push(path)
      return 'dev 444455556666 ReadOnly\n'
    }
    const args = parseCliArgs(
      [...SEED_ARGS, '--profiles-file', '/tmp/p.txt'],
      {},
      { readFile: read }
    )
    expect(paths).toEqual(['/tmp/p.txt'])
    expect(args.get('profiles')).toBe('dev 444455556666 ReadOnly\n')
  })

  test('--profiles-file errors name the option, not the contents', () => {
    const err = errorOf(
      ['--profiles-file', '/nope'],
      {},
      {
        readFile: () => {
          throw Object.assign(new Error('ENOENT: no such file'), {
            code: 'ENOENT'
          })
        }
      }
    )
    expect(err.input).toBe('--profiles-file')
    expect(err.message).toBe(
      'Option "--profiles-file": cannot read the file (ENOENT)'
    )
    expect(
      errorOf(
        ['--profiles', 'x', '--profiles-file', 'y'],
        {},
        { readFile: () => '' }
      ).message
    ).toContain('cannot be combined with --profiles')
  })

  test('the real file system is used by default', () => {
    const err = errorOf([
      '--profiles-file',
      '/definitely/not/here/profiles.txt'
    ])
    expect(err.message).toContain('cannot read the file (ENOENT)')
  })

  test('--format and --output-file', () => {
    const args = parseCliArgs(
      ['--format', 'json', '--output-file=out.json'],
      {}
    )
    expect(args.format).toBe('json')
    expect(args.outputFile).toBe('out.json')
    expect(parseCliArgs(['--format=dotenv'], {}).format).toBe('dotenv')
    expect(errorOf(['--format', 'xml']).message).toBe(
      'Option "--format": must be one of env, dotenv, json'
    )
  })
})

describe('parseCliArgs: environment fallback', () => {
  test('IDENTITY_CENTER_LOGIN_<NAME>', () => {
    expect(envVarName('start-url')).toBe('IDENTITY_CENTER_LOGIN_START_URL')
    expect(envVarName('forbid-self-approval')).toBe(
      'IDENTITY_CENTER_LOGIN_FORBID_SELF_APPROVAL'
    )
    const env = {
      IDENTITY_CENTER_LOGIN_START_URL:
        'https://my-sso-portal.awsapps.com/start',
      IDENTITY_CENTER_LOGIN_SSO_REGION: 'us-east-1',
      IDENTITY_CENTER_LOGIN_ACCOUNT_ID: '111122223333',
      IDENTITY_CENTER_LOGIN_ROLE_NAME: 'DeveloperAccess',
      IDENTITY_CENTER_LOGIN_GITHUB_TOKEN: 'ghp_fromenv',
      IDENTITY_CENTER_LOGIN_KEEP_SESSION: 'true',
      IDENTITY_CENTER_LOGIN_FORMAT: 'json',
      IDENTITY_CENTER_LOGIN_OUTPUT_FILE: 'creds.json'
    }
    const args = parseCliArgs(['--role-name', 'Admin'], env)
    expect(args.get('start-url')).toBe(
      'https://my-sso-portal.awsapps.com/start'
    )
    expect(args.get('role-name')).toBe('Admin') // flag wins
    expect(args.get('github-token')).toBe('ghp_fromenv')
    expect(args.format).toBe('json')
    expect(args.outputFile).toBe('creds.json')
    expect(readLoginRequest(args.get)).toMatchObject({
      target: { roleName: 'Admin' },
      signIn: { mode: { kind: 'kept' } },
      notify: { githubToken: 'ghp_fromenv' }
    })
  })

  test('--no-flag beats the environment', () => {
    const args = parseCliArgs(['--no-keep-session'], {
      IDENTITY_CENTER_LOGIN_KEEP_SESSION: 'true'
    })
    expect(args.get('keep-session')).toBe('false')
  })

  test('unrelated environment variables are ignored', () => {
    const args = parseCliArgs([], {
      START_URL: 'x',
      AWS_REGION: 'eu-west-1',
      IDENTITY_CENTER_LOGIN_BOGUS: 'x'
    })
    for (const spec of INPUTS) expect(args.get(spec.name)).toBe('')
  })
})

describe('parseCliArgs: errors', () => {
  const cases: [string, string[], string, string][] = [
    [
      'unknown flag',
      ['--bogus'],
      '--bogus',
      'Option "--bogus": unknown option (see --help)'
    ],
    [
      'unknown flag with a value',
      ['--github-tokn=ghp_secretvalue123'],
      '--github-tokn',
      'unknown option'
    ],
    ['unknown single-dash flag', ['-x'], '-x', 'Option "-x": unknown option'],
    [
      '--no- for a non-boolean',
      ['--no-start-url'],
      '--no-start-url',
      'unknown option'
    ],
    [
      '--no- with a value',
      ['--no-keep-session=true'],
      '--no-keep-session',
      'takes no value'
    ],
    [
      'missing value at the end',
      ['--start-url'],
      '--start-url',
      'Option "--start-url": needs a value'
    ],
    [
      'missing value before a flag',
      ['--account-id', '--role-name', 'x'],
      '--account-id',
      'needs a value'
    ],
    [
      'repeated flag',
      ['--profile', 'a', '--profile=b'],
      '--profile',
      'given more than once'
    ],
    [
      'repeated boolean via --no-',
      ['--keep-session', '--no-keep-session'],
      '--no-keep-session',
      'given more than once'
    ],
    [
      'positional argument',
      ['--keep-session', 'false'],
      'argument 2',
      'Input "argument 2": unexpected positional argument (value not shown)'
    ],
    [
      'arguments after --',
      ['--', 'x'],
      '--',
      'positional arguments are not accepted'
    ],
    [
      'control characters in a flag name',
      ['--a\u001b[2Jb'],
      '--a\\u001b[2Jb',
      'unknown option'
    ]
  ]
  test.each(cases)('%s', (_label, argv, input, message) => {
    const err = errorOf(argv)
    expect(err).toBeInstanceOf(InputError)
    expect(err.input).toBe(input)
    expect(err.message).toContain(message)
    expect(err.message).not.toMatch(/[\u0000-\u001f]/)
  })

  test('flag values are never echoed', () => {
    expect(errorOf(['--github-tokn=ghp_secretvalue123']).message).not.toContain(
      'ghp_secretvalue123'
    )
    expect(
      errorOf(['--start-url', 'x', 'ghp_secretvalue123']).message
    ).not.toContain('ghp_secretvalue123')
  })

  test('a lone -- is fine', () => {
    expect(parseCliArgs(['--start-url', 'x', '--'], {}).get('start-url')).toBe(
      'x'
    )
  })
})

describe('version', () => {
  test('--version and -V print the version: a CLI flag, not an input; --help wins over it, it wins over bad flags', () => {
    expect(parseCliArgs(['--version'], {})).toMatchObject({
      version: true,
      help: false
    })
    expect(parseCliArgs(['-V'], {})).toMatchObject({
      version: true,
      help: false
    })
    expect(parseCliArgs(['--bogus', '--version'], {}).version).toBe(true)
    expect(parseCliArgs(['--version', '--help'], {})).toMatchObject({
      version: false,
      help: true
    })
    expect(parseCliArgs(SEED_ARGS, {}).version).toBe(false)
    expect(INPUTS.some((i) => i.name === 'version')).toBe(false)
    expect(cliHelp()).toContain('-V, --version')
  })
})

describe('help', () => {
  test('--help and -h win over everything else', () => {
    expect(parseCliArgs(['--help'], {}).help).toBe(true)
    expect(parseCliArgs(['--bogus', '-h'], {}).help).toBe(true)
    expect(parseCliArgs(SEED_ARGS, {}).help).toBe(false)
  })

  test('help lists every input, its env variable, the options and the exit codes', () => {
    const help = cliHelp()
    for (const spec of INPUTS) {
      expect(help).toContain(`--${spec.name}`)
      expect(help).toContain(envVarName(spec.name))
    }
    expect(help).toContain('--keep-session, --no-keep-session')
    expect(help).toContain('--profiles-file PATH')
    expect(help).toContain('--format env|dotenv|json')
    expect(help).toContain('--output-file PATH')
    expect(help).toContain('-h, --help')
    expect(help).toContain('default: identity-center-login')
    expect(help).toMatch(/--github-token VALUE\n.*secret/s)
    expect(help).toContain('Exit codes:')
    for (const [code, words] of [
      [0, 'logged in'],
      [1, 'service'],
      [2, 'bad input'],
      [3, 'denied'],
      [4, 'expired'],
      [
        5,
        'approver not allowed, identity mismatch, or an account not in allowed-account-ids'
      ],
      [130, 'cancelled']
    ] as const) {
      expect(help).toMatch(new RegExp(`^  ${code} +.*${words}`, 'm'))
    }
    for (const line of help.split('\n'))
      expect(line.length).toBeLessThanOrEqual(110)
  })

  test('exit codes', () => {
    expect(EXIT_CODES).toEqual({
      ok: 0,
      failure: 1,
      badInput: 2,
      denied: 3,
      expired: 4,
      rejected: 5,
      cancelled: 130
    })
  })
})

describe('--actor', () => {
  test('unset by default; from the flag, or from IDENTITY_CENTER_LOGIN_ACTOR when the flag is absent', () => {
    expect(parseCliArgs(SEED_ARGS, {}).actor).toBeUndefined()
    expect(parseCliArgs([...SEED_ARGS, '--actor', 'alice'], {}).actor).toBe(
      'alice'
    )
    expect(
      parseCliArgs([...SEED_ARGS, '--actor=bob'], {
        IDENTITY_CENTER_LOGIN_ACTOR: 'alice'
      }).actor
    ).toBe('bob')
    expect(
      parseCliArgs(SEED_ARGS, { IDENTITY_CENTER_LOGIN_ACTOR: ' alice ' }).actor
    ).toBe('alice')
    expect(
      parseCliArgs(SEED_ARGS, { IDENTITY_CENTER_LOGIN_ACTOR: '' }).actor
    ).toBeUndefined()
  })

  test('control characters are refused, naming the flag or the variable', () => {
    expect(errorOf([...SEED_ARGS, '--actor', 'al\nice']).message).toBe(
      'Option "--actor": must not contain control characters'
    )
    expect(
      errorOf(SEED_ARGS, { IDENTITY_CENTER_LOGIN_ACTOR: 'al\u0007ice' }).message
    ).toBe(
      'Input "IDENTITY_CENTER_LOGIN_ACTOR": must not contain control characters'
    )
  })

  test('--help lists it', () => {
    expect(cliHelp()).toMatch(
      /--actor NAME\n\s+The CI user who triggered this run/
    )
  })
})

describe('--watch-pid', () => {
  test('a positive integer; anything else is an error naming the flag', () => {
    expect(parseCliArgs(['--watch-pid', '4242'], {}).watchPid).toBe(4242)
    expect(parseCliArgs([], {}).watchPid).toBeUndefined()
    expect(() => parseCliArgs(['--watch-pid', '0'], {})).toThrow(
      /--watch-pid.*must be a process id/
    )
    expect(() => parseCliArgs(['--watch-pid', 'x'], {})).toThrow(
      /must be a process id/
    )
  })
  test('the default is the parent, or through npx the process that ran npx (the launcher exits with the CLI)', async () => {
    const { defaultWatchPid } = await import('../../src/cli/run.js')
    const { spawn } = await import('node:child_process')
    // A process named npx (as npm's launcher shows in /proc/<pid>/cmdline), whose parent is this test process.
    const npx = spawn('bash', ['-c', 'exec -a npx sleep 30'], {
      stdio: 'ignore'
    })
    try {
      await new Promise((r) => setTimeout(r, 200))
      if (process.platform === 'linux')
        expect(defaultWatchPid(npx.pid)).toBe(process.pid)
      expect(defaultWatchPid(process.pid)).toBe(process.pid)
    } finally {
      npx.kill('SIGKILL')
    }
  })
})
