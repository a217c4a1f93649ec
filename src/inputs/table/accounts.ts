/** More accounts and what is written: profiles, discover and its filters, allow-partial, export-credentials. */
import type { InputSpec } from '../types.js'
import {
  DEFAULT_ALLOW_PARTIAL,
  DEFAULT_DISCOVER,
  DEFAULT_EXPORT_CREDENTIALS
} from '../limits.js'

export const ACCOUNTS_INPUTS = [
  {
    name: 'profiles',
    group: 'accounts',
    description:
      'Extra profiles from the same approval, one per line: "name account-id role-name [region]". Blank lines and # comments ' +
      'are ignored; region defaults to the region input; names must be unique and differ from profile.',
    default: '',
    required: false,
    secret: false,
    kind: 'multiline'
  },
  {
    name: 'discover',
    group: 'accounts',
    description:
      'Write a profile for every account and role the approver can reach (optionally narrowed by account-filter / role-filter).',
    default: String(DEFAULT_DISCOVER),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'account-filter',
    group: 'accounts',
    description:
      'With discover: glob (* ?) on the account id or account name. Only allowed when discover is true.',
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'role-filter',
    group: 'accounts',
    description:
      'With discover: glob (* ?) on the role name. Only allowed when discover is true.',
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'allow-partial',
    group: 'accounts',
    description:
      'Succeed when the main profile works even if some extra or discovered profiles could not be set up.',
    default: String(DEFAULT_ALLOW_PARTIAL),
    required: false,
    secret: false,
    kind: 'boolean'
  },
  {
    name: 'export-credentials',
    group: 'modes',
    description:
      'Export the role credentials to the rest of the job as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, with AWS_REGION and AWS_DEFAULT_REGION set to region. When false nothing is exported (the outputs and the written profiles are still there).',
    default: String(DEFAULT_EXPORT_CREDENTIALS),
    required: false,
    secret: false,
    kind: 'boolean'
  }
] satisfies InputSpec[]
