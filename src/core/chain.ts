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
import {
  sessionNameFor,
  SESSION_TAG_KEYS,
  type ChainSpec
} from '../inputs/chain.js'

export interface ChainedSession {
  roleArn: string
  sessionName: string
  credentials: RoleCredentials
  identity: CallerIdentity
  tags: SessionTag[]
}

const TAG_VALUE_MAX = 256

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

/** AssumeRole from `source`, then verify the new session names the role's account and the role. */
export async function chainRole(
  clients: AwsClients,
  source: RoleCredentials,
  chain: ChainSpec,
  approver: string,
  /** The run's session tags (RunContext.sessionTags): sent unless skip-session-tagging. */
  runTags: SessionTag[],
  mask: (secret: string) => void
): Promise<ChainedSession> {
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
      transitiveTagKeys
    },
    mask
  )
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
    tags
  }
}
