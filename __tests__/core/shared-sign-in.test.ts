import { readCommand, readLoginRequest } from '../../src/inputs/reader.js'
import { InputError } from '../../src/inputs/rules.js'
import { openSharedSignIn, sealBinding } from '../../src/core/shared-sign-in.js'
import { sealRunOf } from '../../src/core/run-context.js'
import { sealSignIn, type SharedSignIn } from '../../src/core/sealed-sign-in.js'

const KEY = 'kx3Qv9-b8Zr2mT5wLp7YcN4dHs6Jf1Ug0'
const SEED: Record<string, string> = {
  'start-url': 'https://my-sso-portal.awsapps.com/start',
  'sso-region': 'us-east-1',
  'account-id': '111122223333',
  'role-name': 'DeveloperAccess'
}
const read = (values: Record<string, string>) =>
  readLoginRequest((name) => values[name] ?? '')
const problem = (values: Record<string, string>): string => {
  try {
    read(values)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('expected an InputError')
}
const SIGN_IN: SharedSignIn = {
  accessToken: 'the-access-token',
  startUrl: 'https://my-sso-portal.awsapps.com/start',
  ssoRegion: 'eu-central-1',
  ssoSession: 'login-job-session',
  expiresAt: new Date(Date.now() + 3600_000),
  accountId: '111122223333',
  roleName: 'DeveloperAccess'
}
const BINDING = { repository: 'acme/deploy', runId: '77' }

describe('inputs', () => {
  test('start-url, sso-region, account-id and role-name are required, unless session or end-session is given', () => {
    for (const name of Object.keys(SEED))
      expect(problem({ ...SEED, [name]: '' })).toMatch(
        new RegExp(`^Input "${name}": is required`)
      )
    const r = read({ session: 'icl1.x', 'session-key': KEY })
    expect(r).toMatchObject({
      target: {
        startUrl: '',
        ssoRegion: '',
        accountId: '',
        roleName: '',
        region: ''
      },
      signIn: {
        mode: {
          kind: 'from-shared',
          token: {
            from: 'session',
            key: KEY,
            sealed: 'icl1.x',
            ssoSessionGiven: false
          },
          keep: false
        }
      }
    })
    expect(
      readCommand(
        (name) =>
          ({ session: 'icl1.x', 'session-key': KEY, 'end-session': 'true' })[
            name
          ] ?? ''
      ).kind
    ).toBe('end-session')
    // Given values are still checked.
    expect(
      problem({ session: 'icl1.x', 'session-key': KEY, 'account-id': '12' })
    ).toMatch(/^Input "account-id": must be 12 digits/)
  })

  test('share-session needs a key of at least 32 characters, never shown', () => {
    expect(
      read({ ...SEED, 'share-session': 'true', 'session-key': KEY }).signIn.mode
    ).toEqual({
      kind: 'shared',
      token: { from: 'device-flow' },
      key: KEY,
      keep: false
    })
    expect(problem({ ...SEED, 'share-session': 'true' })).toMatch(
      /^Input "session-key": is required with share-session/
    )
    const short = problem({
      ...SEED,
      'share-session': 'true',
      'session-key': 'secret-but-31-characters-long!!'
    })
    expect(short).toBe(
      'Input "session-key": must be at least 32 characters, got 31 (value not shown); e.g. openssl rand -base64 32'
    )
    expect(problem({ ...SEED, 'session-key': KEY })).toMatch(
      /^Input "session-key": is only used with share-session or session/
    )
  })

  test('contradictions are input errors', () => {
    expect(
      problem({
        ...SEED,
        'share-session': 'true',
        session: 'icl1.x',
        'session-key': KEY
      })
    ).toMatch(/^Input "session": cannot be combined with share-session/)
    expect(problem({ ...SEED, 'end-session': 'true' })).toMatch(
      /^Input "end-session": needs session/
    )
    expect(
      problem({
        ...SEED,
        session: 'icl1.x',
        'session-key': KEY,
        'reuse-session': 'true'
      })
    ).toMatch(/^Input "session": cannot be combined with reuse-session/)
    expect(
      problem({
        ...SEED,
        'share-session': 'true',
        'session-key': KEY,
        'sign-out-early': 'true'
      })
    ).toMatch(/^Input "share-session": cannot be combined with sign-out-early/)
    expect(
      problem({
        session: 'icl1.x',
        'session-key': KEY,
        'sign-out-early': 'true'
      })
    ).toMatch(/^Input "session": cannot be combined with sign-out-early/)
    expect(problem({ session: 'x'.repeat(20000), 'session-key': KEY })).toMatch(
      /^Input "session": must be at most 16384 characters/
    )
  })
})

describe('sealBinding', () => {
  const request = read({ ...SEED, 'share-session': 'true', 'session-key': KEY })
  test('GitHub first, then GitLab, Buildkite, CircleCI; an explicit run id wins', () => {
    expect(
      sealBinding(
        request,
        sealRunOf({
          GITHUB_RUN_ID: '1',
          GITHUB_REPOSITORY: 'a/b',
          CI_PIPELINE_ID: '2'
        })
      )
    ).toEqual({ runId: '1', repository: 'a/b' })
    expect(
      sealBinding(
        request,
        sealRunOf({ CI_PIPELINE_ID: '2', CI_PROJECT_PATH: 'g/p' })
      )
    ).toEqual({ runId: '2', repository: 'g/p' })
    expect(
      sealBinding(request, sealRunOf({ CI_PIPELINE_ID: '2' }, 'mine'))
    ).toEqual({
      runId: 'mine',
      repository: ''
    })
  })
  test('no run to bind to, or a run id that cannot be bound: input errors before any request', () => {
    expect(() => sealBinding(request, sealRunOf({}))).toThrow(
      /^Input "share-session": needs a workflow run to bind the sign-in to.*--session-run-id/
    )
    expect(() => sealBinding(request, sealRunOf({}, 'a b'))).toThrow(
      /run id must be 1-64/
    )
  })
})

describe('openSharedSignIn completes the request from the sealed sign-in', () => {
  test('start URL, SSO region, region, sso-session, and the login job account and role as defaults', async () => {
    const sealed = await sealSignIn(SIGN_IN, KEY, BINDING)
    const masked: string[] = []
    const { request, signIn } = await openSharedSignIn(
      read({
        session: sealed,
        'session-key': KEY,
        profiles: 'other 444455556666 ReadOnly'
      }),
      BINDING,
      (s) => masked.push(s)
    )
    expect(masked).toEqual(['the-access-token'])
    expect(signIn.accessToken).toBe('the-access-token')
    expect(request).toMatchObject({
      target: {
        startUrl: SIGN_IN.startUrl,
        ssoRegion: 'eu-central-1',
        region: 'eu-central-1',
        accountId: '111122223333',
        roleName: 'DeveloperAccess'
      },
      profiles: {
        ssoSession: 'login-job-session',
        extraProfiles: [
          {
            name: 'other',
            accountId: '444455556666',
            roleName: 'ReadOnly',
            region: 'eu-central-1'
          }
        ]
      }
    })
    const own = await openSharedSignIn(
      read({
        session: sealed,
        'session-key': KEY,
        'account-id': '444455556666',
        'role-name': 'ReadOnly',
        region: 'us-west-2',
        'sso-session': 'mine'
      }),
      BINDING,
      () => {}
    )
    expect(own.request).toMatchObject({
      target: {
        accountId: '444455556666',
        roleName: 'ReadOnly',
        region: 'us-west-2'
      },
      profiles: { ssoSession: 'mine' }
    })
  })

  test('a start URL or SSO region that is not the sealed one is refused', async () => {
    const sealed = await sealSignIn(SIGN_IN, KEY, BINDING)
    await expect(
      openSharedSignIn(
        read({
          session: sealed,
          'session-key': KEY,
          'sso-region': 'us-east-1'
        }),
        BINDING,
        () => {}
      )
    ).rejects.toThrow(
      /^Input "sso-region": is not the SSO region of the shared sign-in \(eu-central-1\)/
    )
  })
})
