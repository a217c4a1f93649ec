/** Role chaining (configure-aws-credentials' names): role-to-assume and the inputs that mean something only with it. */
import type { InputSpec } from '../types.js'
import {
  MIN_ROLE_DURATION_SECONDS,
  MAX_ROLE_DURATION_SECONDS
} from '../limits.js'

export const CHAIN_INPUTS = [
  {
    name: 'role-to-assume',
    group: 'chaining',
    description:
      'Chain to this IAM role after the approval (STS AssumeRole signed with the role-name credentials): a role ARN, or a role name meaning that role in account-id. ' +
      'The outputs, the exported AWS_* and the profile are then the chained role\'s; the Identity Center role is written as the profile "<profile>-sso" (without a session policy).',
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'role-session-name',
    group: 'chaining',
    description:
      "With role-to-assume: the role session name (2-64 of letters, digits and + = , . @ _ -). Defaults to the approver's Identity Center user name, reduced to those characters, so CloudTrail shows who approved.",
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'role-duration-seconds',
    group: 'chaining',
    description:
      "With role-to-assume: the chained session's lifetime, 900-3600 seconds (STS caps a role chained from role credentials at one hour).",
    default: '3600',
    required: false,
    secret: false,
    kind: 'integer',
    range: {
      min: MIN_ROLE_DURATION_SECONDS,
      max: MAX_ROLE_DURATION_SECONDS,
      expects: 'a whole number of seconds',
      outOfRange: `between ${MIN_ROLE_DURATION_SECONDS} and ${MAX_ROLE_DURATION_SECONDS} (STS caps a role chained from Identity Center role credentials at one hour)`
    }
  },
  {
    name: 'role-external-id',
    group: 'chaining',
    description:
      "With role-to-assume: the external id the role's trust policy asks for.",
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'inline-session-policy',
    group: 'chaining',
    description:
      'With role-to-assume: a JSON IAM policy that narrows the chained session (it must parse; at most 2048 characters without spaces). With a session policy the profile holds the narrowed session itself, never a role_arn that could re-assume the role without it.',
    default: '',
    required: false,
    secret: false,
    kind: 'multiline'
  },
  {
    name: 'managed-session-policies',
    group: 'chaining',
    description:
      'With role-to-assume: managed policy ARNs that narrow the chained session, one per line (at most 10). Treated like inline-session-policy for the profile.',
    default: '',
    required: false,
    secret: false,
    kind: 'multiline',
    split: true
  },
  {
    name: 'role-skip-session-tagging',
    group: 'chaining',
    description:
      'With role-to-assume: send no session tags. Otherwise the session is tagged like configure-aws-credentials does (GitHub=Actions, Repository, Workflow, Action, Actor, Commit, Branch; the CLI tags only when it runs in GitHub Actions).',
    default: 'false',
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'transitive-tag-keys',
    group: 'chaining',
    description:
      'With role-to-assume: session tag keys (of those above) that pass on to roles chained from this session, one per line.',
    default: '',
    required: false,
    secret: false,
    kind: 'multiline',
    split: true
  },
  {
    name: 'role-source-identity',
    group: 'chaining',
    description:
      "With role-to-assume: set STS SourceIdentity to the approver's Identity Center user name (reduced to STS's characters, 2-64 of letters, digits and + = , . @ _ -), so CloudTrail names the approver in this session and every session chained from it. The role's trust policy must allow sts:SetSourceIdentity. The profile then holds the chained session itself (a role_arn profile cannot send a source identity).",
    default: 'false',
    required: false,
    secret: false,
    kind: 'boolean'
  }
] satisfies InputSpec[]
