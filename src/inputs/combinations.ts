/**
 * Every rule between inputs, in one place. Each rule is reported on the later input of a pair (in table order), with
 * the values of the inputs before it. `before` rules run before the input's own check (checks.ts), `after` rules after
 * it; the rules of one input run in the order listed here. ONLY_WITH names the inputs that mean something only with
 * another: without it they are read as text and must be left unset.
 */
import type { PlainValue } from './read-value.js'
import type { EarlierValues, InputName } from './input-values.js'
import { MIN_SESSION_KEY_LENGTH } from './limits.js'
import { TRUE_VALUES, showValue } from './rules.js'
import { CHAIN_ONLY_INPUTS, sourceProfileName } from './chain.js'

export interface RuleContext {
  /** The value of the input the rule is on (before its check: as its kind read it; after: as its check returned it). */
  value: PlainValue
  earlier: EarlierValues
  /** A later input's raw value, trimmed ('' when unset). */
  peek: (name: InputName) => string
}

export interface Rule {
  input: InputName
  stage: 'before' | 'after'
  /** The problem (the message after the input name), or undefined. */
  problem: (context: RuleContext) => string | undefined
}

/** A sign-in from a sealed session (session / end-session): start URL, SSO region, account and role come from it. */
function fromSealedSession({ peek }: RuleContext): boolean {
  return peek('session') !== '' || TRUE_VALUES.includes(peek('end-session'))
}

function required(input: InputName, example: string): Rule {
  return {
    input,
    stage: 'before',
    problem: (c) =>
      (c.value as string).trim() === '' && !fromSealedSession(c)
        ? `is required (for example ${example})`
        : undefined
  }
}

function onlyWithDiscover(input: InputName): Rule {
  return {
    input,
    stage: 'before',
    problem: ({ value, earlier }) =>
      value !== '' && !earlier.discover
        ? 'is only allowed when discover is true'
        : undefined
  }
}

/** credential-server against an input that wants the sign-in somewhere else. */
function notServedWith(
  other: InputName,
  isSet: (earlier: EarlierValues) => boolean | undefined,
  why: string
): Rule {
  return {
    input: 'credential-server',
    stage: 'after',
    problem: ({ value, earlier }) =>
      value === true && isSet(earlier)
        ? `cannot be combined with ${other}: true (${why}); set one of the two`
        : undefined
  }
}

export const RULES: readonly Rule[] = [
  required('start-url', 'https://my-sso-portal.awsapps.com/start'),
  required('sso-region', 'us-east-1'),
  required('account-id', '111122223333'),
  required('role-name', 'DeveloperAccess'),
  onlyWithDiscover('account-filter'),
  onlyWithDiscover('role-filter'),
  {
    input: 'required-approvals',
    stage: 'after',
    problem: ({ value, earlier }) =>
      (value as number) > 1 && earlier['reuse-session']
        ? `${value as number} cannot be combined with reuse-session: true (a cached sign-in was approved by one person); drop reuse-session`
        : undefined
  },
  {
    input: 'webhook-url',
    stage: 'after',
    problem: ({ value, earlier }) =>
      value === '' && earlier.notify!.includes('webhook')
        ? 'is required when notify includes webhook'
        : undefined
  },
  {
    input: 'sign-out-early',
    stage: 'after',
    problem: ({ value, earlier }) =>
      value && earlier['keep-session']
        ? 'cannot be combined with keep-session: true (keep-session leaves the sign-in on the runner, sign-out-early ends it at once); set one of the two'
        : undefined
  },
  {
    input: 'sign-out-early',
    stage: 'after',
    problem: ({ value, earlier }) =>
      value && earlier['reuse-session']
        ? 'cannot be combined with reuse-session: true (reuse-session uses and keeps a cached sign-in, sign-out-early ends it at once); set one of the two'
        : undefined
  },
  {
    input: 'role-to-assume',
    stage: 'after',
    problem: ({ value, earlier }) => {
      const sourceName = sourceProfileName(earlier.profile!)
      return value !== '' &&
        earlier.profiles!.some((p) => p.name === sourceName)
        ? `needs the profile name ${showValue(sourceName)} for the Identity Center source profile, but profiles already uses it`
        : undefined
    }
  },
  {
    input: 'transitive-tag-keys',
    stage: 'before',
    problem: ({ value, earlier }) =>
      (value as string[]).length && earlier['role-skip-session-tagging']
        ? 'is not allowed with role-skip-session-tagging: true (no tags are sent)'
        : undefined
  },
  {
    input: 'share-session',
    stage: 'after',
    problem: ({ value, earlier }) =>
      value && earlier['sign-out-early']
        ? 'cannot be combined with sign-out-early: a sign-in that is signed out at once cannot be shared'
        : undefined
  },
  {
    input: 'session',
    stage: 'after',
    problem: ({ value, earlier }) => {
      if (value === '') return undefined
      if (earlier['share-session'])
        return 'cannot be combined with share-session: a job either shares its own sign-in or uses the one shared with it'
      if (earlier['reuse-session'])
        return 'cannot be combined with reuse-session: the sign-in comes from the session input'
      if (earlier['sign-out-early'])
        return 'cannot be combined with sign-out-early: signing out would end the sign-in for every job of the run (end-session does that)'
      return undefined
    }
  },
  {
    input: 'end-session',
    stage: 'after',
    problem: ({ value, earlier }) =>
      value && earlier.session === ''
        ? 'needs session (the session output of the share-session job) and session-key'
        : undefined
  },
  {
    input: 'session-key',
    stage: 'before',
    problem: ({ value, earlier }) =>
      value !== '' && !earlier['share-session'] && earlier.session === ''
        ? 'is only used with share-session or session (value not shown)'
        : undefined
  },
  {
    input: 'session-key',
    stage: 'after',
    problem: ({ value, earlier }) =>
      value === '' && (earlier['share-session'] || earlier.session !== '')
        ? `is required with ${earlier['share-session'] ? 'share-session' : 'session'} (a secret of at least ${MIN_SESSION_KEY_LENGTH} characters)`
        : undefined
  },
  {
    input: 'verify-profiles',
    stage: 'after',
    problem: ({ value, earlier }) =>
      value === 'primary' && earlier['sign-out-early']
        ? 'primary cannot be combined with sign-out-early: true (the profiles it writes unverified fetch their credentials with the sign-in, which sign-out-early ends at once); use verify-profiles: all or drop sign-out-early'
        : undefined
  },
  notServedWith(
    'sign-out-early',
    (e) => e['sign-out-early'],
    'sign-out-early ends the sign-in at once, credential-server keeps it in memory to refresh the role credentials'
  ),
  notServedWith(
    'keep-session',
    (e) => e['keep-session'],
    'keep-session leaves the sign-in on the runner after the job, credential-server keeps it off the disk and stops with the job'
  ),
  notServedWith(
    'reuse-session',
    (e) => e['reuse-session'],
    'reuse-session uses and keeps a cached sign-in on disk, credential-server never writes one'
  ),
  notServedWith(
    'legacy-sso-profile',
    (e) => e['legacy-sso-profile'],
    'legacy-sso-profile writes a token cache for older SDKs, credential-server writes none'
  ),
  notServedWith(
    'share-session',
    (e) => e['share-session'],
    "share-session hands the sign-in to later jobs in its output, credential-server keeps it in this job's memory; use credential-server in the later jobs, with the session input"
  ),
  notServedWith(
    'end-session',
    (e) => e['end-session'],
    'end-session only signs a shared sign-in out, it serves nothing'
  )
]

/** Inputs that mean something only with another input: unless `given` holds, each must be unset or its table default. */
export const ONLY_WITH: readonly {
  inputs: readonly string[]
  given: (earlier: EarlierValues) => boolean
  problem: string
}[] = [
  {
    inputs: CHAIN_ONLY_INPUTS,
    given: (earlier) => earlier['role-to-assume'] !== '',
    problem: 'is only allowed with role-to-assume'
  }
]

/** The first problem of the rules on `input` at `stage`, or undefined. */
export function combinationProblem(
  input: InputName,
  stage: Rule['stage'],
  context: RuleContext
): string | undefined {
  for (const rule of RULES) {
    if (rule.input !== input || rule.stage !== stage) continue
    const problem = rule.problem(context)
    if (problem) return problem
  }
  return undefined
}
