/** Where the approval link goes: notify, github-token, issue-number, webhook-url. */
import type { InputSpec } from '../types.js'
import { MAX_ISSUE_NUMBER } from '../limits.js'
import { DEFAULT_NOTIFY, NOTIFY_CHANNELS } from '../limits.js'

export const NOTIFY_INPUTS = [
  {
    name: 'notify',
    group: 'notifications',
    description: `Comma-separated channels for the approval link: ${NOTIFY_CHANNELS.join(', ')}; "none" for the log only (always on).`,
    default: DEFAULT_NOTIFY.join(','),
    required: false,
    secret: false,
    kind: 'list'
  },
  {
    name: 'github-token',
    group: 'notifications',
    description:
      'Token used to post the pull request / issue comment (secret).',
    default: '',
    actionDefault: '${{ github.token }}',
    required: false,
    secret: true,
    kind: 'string'
  },
  {
    name: 'issue-number',
    group: 'notifications',
    description:
      'Issue or pull request number to comment on; defaults to the pull request of the triggering event.',
    default: '',
    required: false,
    secret: false,
    kind: 'integer',
    range: {
      min: 1,
      max: MAX_ISSUE_NUMBER,
      expects: 'a positive whole number'
    }
  },
  {
    name: 'webhook-url',
    group: 'notifications',
    description:
      'Webhook URL for the webhook channel (secret; https only, http only for localhost / 127.0.0.1).',
    default: '',
    required: false,
    secret: true,
    kind: 'string'
  }
] satisfies InputSpec[]
