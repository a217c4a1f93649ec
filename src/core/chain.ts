/**
 * Role chaining: from the primary profile's Identity Center role credentials to the narrower role of role-to-assume
 * (STS AssumeRole, with the session policies and tags), then GetCallerIdentity proves the chained identity.
 */
import type { AwsClients } from '../aws/clients.js'
import {
  getCallerIdentity,
  CredentialsError,
  type CallerIdentity,
  type RoleCredentials
} from '../aws/credentials.js'
import { assumeRole, type SessionTag } from '../aws/sts.js'
import { SESSION_TAG_KEYS, sourceProfileName } from '../inputs/chain.js'

export { sourceProfileName }
import type { ChainSpec } from '../inputs/spec.js'

export interface ChainedRole {
  roleArn: string
  sessionName: string
  credentials: RoleCredentials
  identity: CallerIdentity
  tags: SessionTag[]
  /** role-source-identity: the SourceIdentity STS set on the session (CloudTrail's `sourceIdentity`). */
  sourceIdentity?: string
}

const TAG_VALUE_MAX = 256

/** The role session name STS accepts for an Identity Center user name: [\w+=,.@-] (others become _), 2–64 characters. */
export function sessionNameFor(userName: string): string {
  const reduced = Array.from(userName)
    .map((c) => (/^[\w+=,.@-]$/.test(c) ? c : '_'))
    .join('')
    .slice(0, 64)
  if (reduced.length >= 2) return reduced
  return reduced === '' ? 'identity-center-login' : `${reduced}_`
}

/** What the messages tell the approver about the chain: the role, and whether a session policy narrows it. */
export function chainTarget(chain: ChainSpec): {
  roleArn: string
  narrowed: boolean
} {
  return { roleArn: chain.roleArn, narrowed: hasSessionPolicy(chain) }
}

/** Whether the chained session is narrowed by a session policy (then no profile may re-assume the role without it). */
export function hasSessionPolicy(chain: ChainSpec): boolean {
  return chain.policy !== undefined || chain.policyArns.length > 0
}

/** configure-aws-credentials' sanitising: characters STS refuses in a tag value become _, cut to 256. */
export function tagValue(value: string): string {
  return Array.from(value.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '_'))
    .slice(0, TAG_VALUE_MAX)
    .join('')
}

/**
 * The session tags configure-aws-credentials sets (GitHub=Actions, Repository, Workflow, Action, Actor, Commit, Branch),
 * from the GitHub Actions environment. Outside GitHub Actions (the CLI elsewhere) there is no such context: no tags.
 * Variables that are unset are left out rather than sent empty.
 */
export function githubSessionTags(env: NodeJS.ProcessEnv): SessionTag[] {
  if (env.GITHUB_ACTIONS !== 'true') return []
  const values: Record<string, string | undefined> = {
    GitHub: 'Actions',
    Repository: env.GITHUB_REPOSITORY,
    Workflow: env.GITHUB_WORKFLOW,
    Action: env.GITHUB_ACTION,
    Actor: env.GITHUB_ACTOR,
    Commit: env.GITHUB_SHA,
    Branch: env.GITHUB_REF
  }
  return SESSION_TAG_KEYS.flatMap((Key) => {
    const v = values[Key]
    return v ? [{ Key, Value: tagValue(v) }] : []
  })
}

/**
 * AssumeRole from `source`, then verify the new session names the role's account and the role. `sourceIdentity`
 * (role-source-identity; see sourceIdentityFor): sent as STS SourceIdentity; a source identity STS answers must be it.
 */
export async function chainRole(
  clients: AwsClients,
  source: RoleCredentials,
  chain: ChainSpec,
  approver: string,
  /** The run's session tags (RunContext.sessionTags): sent unless skip-session-tagging. */
  runTags: SessionTag[],
  mask: (secret: string) => void,
  sourceIdentity?: string
): Promise<ChainedRole> {
  const sessionName = chain.sessionName ?? sessionNameFor(approver)
  const tags = chain.skipSessionTagging ? [] : runTags
  const transitiveTagKeys = chain.transitiveTagKeys.filter((k) =>
    tags.some((t) => t.Key === k)
  )
  const assumed = await assumeRole(
    clients,
    source,
    {
      roleArn: chain.roleArn,
      sessionName,
      durationSeconds: chain.durationSeconds,
      externalId: chain.externalId,
      policy: chain.policy,
      policyArns: chain.policyArns,
      tags,
      transitiveTagKeys,
      ...(sourceIdentity !== undefined ? { sourceIdentity } : {})
    },
    mask
  )
  if (
    sourceIdentity !== undefined &&
    assumed.sourceIdentity !== undefined &&
    assumed.sourceIdentity !== sourceIdentity
  ) {
    throw new CredentialsError(
      `the chained session's source identity is ${JSON.stringify(assumed.sourceIdentity)}, not ${JSON.stringify(sourceIdentity)}; nothing was exported`,
      'mismatch'
    )
  }
  const identity = await getCallerIdentity(clients, assumed.credentials)
  const [, , , , account, resource] = chain.roleArn.split(':')
  const roleName = resource.split('/').pop()
  if (
    identity.account !== account ||
    !identity.arn.includes(`:assumed-role/${roleName}/`)
  ) {
    throw new CredentialsError(
      `the chained session is ${identity.arn}, not role ${chain.roleArn}; nothing was exported`,
      'mismatch'
    )
  }
  return {
    roleArn: chain.roleArn,
    sessionName,
    credentials: assumed.credentials,
    identity,
    tags,
    ...(sourceIdentity !== undefined ? { sourceIdentity } : {})
  }
}
