/** STS identities are server text: only a well-formed role-session ARN passes, and info lines never carry a command. */
import { approverFromArn } from '../../src/aws/credentials.js'
import { malformedIdentity, quoteServerText } from '../../src/aws/identity.js'
import { defuseWorkflowCommands } from '../../src/util/text.js'

const ACCOUNT = '111122223333'
const arn = (
  session: string,
  partition = 'aws',
  role = 'AWSReservedSSO_Dev_0123456789abcdef'
) => `arn:${partition}:sts::${ACCOUNT}:assumed-role/${role}/${session}`

test.each([
  [arn('alice')],
  [arn('jane.doe+ops@example.com')],
  [arn('a=b,c-d_e', 'aws-us-gov')],
  [arn('bob', 'aws-cn', 'DeployRole')],
  [arn('x'.repeat(64), 'aws-iso-b')]
])('well-formed %s passes and names its approver', (good) => {
  expect(
    malformedIdentity(ACCOUNT, good, `AROAEXAMPLE:${approverFromArn(good)}`)
  ).toBeUndefined()
  expect(approverFromArn(good)).not.toBe('')
  expect(good.endsWith(`/${approverFromArn(good)}`)).toBe(true)
})

test.each([
  ['a line break and a command', arn('alice\n::warning::pwned')],
  ['a carriage return', arn('alice\r::error::x')],
  ['a space', arn('alice smith')],
  ['an empty session name', arn('')],
  ['an extra path segment', arn('alice/extra')],
  ['another account in the ARN', arn('alice').replace(ACCOUNT, '999988887777')],
  ['an IAM user', `arn:aws:iam::${ACCOUNT}:user/alice`],
  ['a bidi override', arn('alice\u202e')],
  ['not an ARN', 'hello']
])('refused: %s', (_name, bad) => {
  const reason = malformedIdentity(ACCOUNT, bad, 'AROAEXAMPLE:alice')
  expect(reason).toBeDefined()
  expect(reason).not.toMatch(/[\r\n\u202e]/)
  // (an ARN for another account is well-formed by itself: refused only against Account)
  if (!bad.includes('999988887777')) expect(approverFromArn(bad)).toBe('')
})

test('Account and UserId are checked too; quoting escapes controls and cuts long text', () => {
  expect(malformedIdentity('1111', arn('alice'), '')).toMatch(/not 12 digits/)
  expect(malformedIdentity(ACCOUNT, arn('alice'), 'AROA\n::x')).toMatch(
    /UserId/
  )
  expect(quoteServerText('a\nb\u2028c')).toBe('"a\\nb\\u2028c"')
  expect(quoteServerText('y'.repeat(500))).toHaveLength(303)
})

test('info lines that the runner would read as workflow commands are defused', () => {
  expect(
    defuseWorkflowCommands('ok\n::warning::x\n  ::add-mask::y\nfine :: here')
  ).toBe('ok\n: :warning::x\n  : :add-mask::y\nfine :: here')
  expect(defuseWorkflowCommands('::stop-commands::tok')).toBe(
    ': :stop-commands::tok'
  )
})
