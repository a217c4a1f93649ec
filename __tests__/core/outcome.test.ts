import { finalEvent, failureMessage } from '../../src/core/outcome.js'
import {
  ProfilesFailedError,
  type ProfileResult
} from '../../src/core/login.js'
import type { LoginRequest } from '../../src/inputs/spec.js'

const spec = (name: string, accountId: string, roleName: string) => ({
  name,
  accountId,
  roleName,
  region: 'us-east-1'
})
const identity = (accountId: string, role: string) => ({
  account: accountId,
  arn: `arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_${role}_0123456789abcdef/alice`,
  userId: 'AROA:alice'
})
const credentials = {
  accessKeyId: 'AKIA',
  secretAccessKey: 'secret',
  sessionToken: 'token',
  expiration: new Date(0)
}

test('a login failed because of profiles carries every profile, verified or with its error, on the failed event', () => {
  const results: ProfileResult[] = [
    {
      profile: spec('main', '111122223333', 'Dev'),
      credentials,
      identity: identity('111122223333', 'Dev')
    },
    {
      profile: spec('ok', '444455556666', 'ReadOnly'),
      credentials,
      identity: identity('444455556666', 'ReadOnly')
    },
    {
      profile: spec('nope', '999999999999', 'ReadOnly'),
      error:
        'the approver could not assume role "ReadOnly" in account 999999999999'
    }
  ]
  const error = new ProfilesFailedError([results[2]], results)
  const event = finalEvent({} as LoginRequest, error)
  expect(event).toEqual({
    type: 'failed',
    at: expect.any(Date),
    reason: failureMessage(error),
    profiles: [
      {
        name: 'main',
        accountId: '111122223333',
        roleName: 'Dev',
        arn: identity('111122223333', 'Dev').arn
      },
      {
        name: 'ok',
        accountId: '444455556666',
        roleName: 'ReadOnly',
        arn: identity('444455556666', 'ReadOnly').arn
      },
      {
        name: 'nope',
        accountId: '999999999999',
        roleName: 'ReadOnly',
        error:
          'the approver could not assume role "ReadOnly" in account 999999999999'
      }
    ]
  })
  // Nothing secret on the event.
  expect(JSON.stringify(event)).not.toMatch(/secret|AKIA/)
})

test('any other failure has no profiles', () => {
  expect(finalEvent({} as LoginRequest, new Error('disk full'))).toEqual({
    type: 'failed',
    at: expect.any(Date),
    reason: 'disk full'
  })
})
