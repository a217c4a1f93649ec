/**
 * --help speaks of the CLI: no action-only words, the channels that work outside GitHub as the default, and every
 * variable the CLI prints documented.
 */
import {
  CLI_OUTPUT_VARIABLES,
  CLI_WORDING,
  cliHelp
} from '../../src/cli/help.js'
import { renderCredentials } from '../../src/cli/run.js'
import { INPUTS, type LoginRequest } from '../../src/inputs/spec.js'
import type { LoginResult } from '../../src/core/login.js'
import {
  ACTION_ONLY_WORDS,
  actionWordsIn
} from '../../scripts/check-cli-help.js'

const help = cliHelp()

test('--help carries none of the action-only words', () => {
  expect(actionWordsIn(help)).toEqual([])
  expect(actionWordsIn('the post step then does not sign out')).toEqual([
    'post step'
  ])
  expect(ACTION_ONLY_WORDS).toContain('if: always()')
})

test('every CLI wording is for a real input', () => {
  const names = new Set(INPUTS.map((i) => i.name))
  for (const name of Object.keys(CLI_WORDING)) expect(names).toContain(name)
})

test('the default notification channel is the one that works outside GitHub', () => {
  const flat = help.replace(/\s+/g, ' ')
  expect(flat).toMatch(/--notify VALUE .*\[default: stderr only;/)
  expect(flat).not.toMatch(/default: summary,comment/)
})

test('every variable the CLI prints is documented, and only those', () => {
  const request = {
    target: { region: 'us-west-2' },
    profiles: { profile: 'p' }
  } as unknown as LoginRequest
  const result = {
    primary: {
      credentials: {
        accessKeyId: 'AKIA',
        secretAccessKey: 's',
        sessionToken: 't',
        expiration: new Date('2030-01-01T00:00:00Z')
      },
      identity: { account: '111122223333', arn: 'arn', userId: 'u' },
      profile: { roleName: 'DeveloperAccess' }
    },
    approvedBy: 'alice',
    extra: []
  } as unknown as LoginResult
  const names = (text: string) =>
    text
      .trim()
      .split('\n')
      .map((l) => l.slice(0, l.indexOf('=')))
  // --credential-server prints the endpoint and its token instead of the keys.
  const served = {
    ...result,
    server: {
      url: 'http://127.0.0.1:1',
      primary: 'p',
      authToken: 'x'.repeat(43),
      pid: 1,
      port: 1,
      file: '/f',
      tokenExpiresAt: '2030-01-01T00:00:00Z',
      refreshable: true
    }
  } as unknown as LoginResult
  const printed = [
    ...new Set([
      ...names(renderCredentials('dotenv', request, result, 'sealed')),
      ...names(renderCredentials('dotenv', request, served, 'sealed'))
    ])
  ]
  expect(
    names(renderCredentials('dotenv', request, served)).filter((n) =>
      /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)$/.test(n)
    )
  ).toEqual([])
  expect(printed.sort()).toEqual(
    CLI_OUTPUT_VARIABLES.map(([name]) => name).sort()
  )
  for (const name of printed) expect(help).toContain(`  ${name}`)
})
