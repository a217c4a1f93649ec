/** role-to-assume in the request: every channel tells the approver which role the job is narrowed to. */
import { renderMarkdown } from '../../src/notify/render/markdown.js'
import { renderText } from '../../src/notify/render/text.js'
import { T0, ctx, started } from './helpers.js'

const chained = {
  ...ctx,
  chainTo: { roleArn: 'arn:aws:iam::444455556666:role/deploy', narrowed: true }
}

test('the comment / summary names the chained role and says a session policy narrows it', () => {
  const body = renderMarkdown(chained, { started: started(), now: T0 })
  expect(body).toContain(
    "| Then chains to | `arn:aws:iam::444455556666:role/deploy` (narrowed by a session policy): the job gets that role's session |"
  )
  expect(renderMarkdown(ctx, { started: started(), now: T0 })).not.toContain(
    'Then chains to'
  )
})

test('the plain text (log, webhook) does too; without a policy it says nothing about narrowing', () => {
  expect(renderText(chained, { started: started(), now: T0 })).toContain(
    "Then chains to: arn:aws:iam::444455556666:role/deploy (narrowed by a session policy); the job gets that role's session"
  )
  const plain = renderText(
    {
      ...ctx,
      chainTo: {
        roleArn: 'arn:aws:iam::111122223333:role/deploy',
        narrowed: false
      }
    },
    { started: started(), now: T0 }
  )
  expect(plain).toContain(
    "Then chains to: arn:aws:iam::111122223333:role/deploy; the job gets that role's session"
  )
})
