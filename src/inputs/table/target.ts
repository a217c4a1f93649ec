/** The sign-in target and the names written to ~/.aws/config: start-url … registration-scopes. */
import type { InputSpec } from '../types.js'
import {
  DEFAULT_OUTPUT,
  DEFAULT_PROFILE,
  DEFAULT_REGISTRATION_SCOPES,
  DEFAULT_SSO_SESSION,
  OUTPUT_FORMATS
} from '../limits.js'

export const TARGET_INPUTS = [
  {
    name: 'start-url',
    group: 'essential',
    description:
      'AWS access portal URL, e.g. https://my-sso-portal.awsapps.com/start (hosts *.awsapps.com, *.awsapps.cn, *.app.aws, ' +
      '*.portal.amazonaws.com[.cn|.eu], or an issuer URL https://identitycenter.amazonaws.com/ssoins-…). https only. Required unless session or end-session is given.',
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'sso-region',
    group: 'essential',
    description:
      'AWS Region of the IAM Identity Center instance, e.g. us-east-1. Required unless session or end-session is given.',
    default: '',
    required: false,
    secret: false,
    kind: 'string',
    keepSpaces: true
  },
  {
    name: 'account-id',
    group: 'essential',
    description:
      "AWS account id to get role credentials for (12 digits). Required unless session (then the login job's) or end-session is given.",
    default: '',
    required: false,
    secret: false,
    kind: 'string'
  },
  {
    name: 'role-name',
    group: 'essential',
    description:
      "Permission set (role) name in that account, e.g. DeveloperAccess. 1-64 of letters, digits and + = , . @ _ -. Required unless session (then the login job's) or end-session is given.",
    default: '',
    required: false,
    secret: false,
    kind: 'string',
    keepSpaces: true
  },
  {
    name: 'sso-session',
    group: 'files',
    description:
      'Name of the [sso-session NAME] section written to ~/.aws/config (letters, digits, . _ - @ +; at most 64).',
    default: DEFAULT_SSO_SESSION,
    required: false,
    secret: false,
    kind: 'string',
    keepSpaces: true
  },
  {
    name: 'profile',
    group: 'essential',
    description:
      'Name of the [profile NAME] section written to ~/.aws/config (letters, digits, . _ - @ +; at most 64; may be default).',
    default: DEFAULT_PROFILE,
    required: false,
    secret: false,
    kind: 'string',
    keepSpaces: true
  },
  {
    name: 'region',
    group: 'essential',
    description:
      'Default region of the written profile(s). Defaults to sso-region.',
    default: '',
    required: false,
    secret: false,
    kind: 'string',
    keepSpaces: true
  },
  {
    name: 'output',
    group: 'files',
    description: `AWS CLI output format of the written profile(s): ${OUTPUT_FORMATS.join(', ')}.`,
    default: DEFAULT_OUTPUT,
    required: false,
    secret: false,
    kind: 'string',
    choices: OUTPUT_FORMATS
  },
  {
    name: 'registration-scopes',
    group: 'files',
    description: 'Comma-separated OAuth scopes for the client registration.',
    default: DEFAULT_REGISTRATION_SCOPES.join(','),
    required: false,
    secret: false,
    kind: 'list'
  }
] satisfies InputSpec[]
