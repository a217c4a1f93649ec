/**
 * What STS says about a session is server text: it reaches the log, the job summary, the outputs and the approver
 * check. An identity is accepted only in the shape STS gives a role session (an Identity Center permission set's or a
 * chained role's): `arn:<partition>:sts::<12 digits>:assumed-role/<role name>/<session name>`, with IAM's own
 * character sets, the account in the ARN equal to `Account`, and a printable `UserId`. Anything else (a line break and
 * `::warning::…`, an empty session name) is refused, and the refusal shows what came back escaped.
 */
import { CONTROL_SOURCE } from '../util/text.js'

/** arn:<partition>:sts::<account>:assumed-role/<role name (IAM: 1-64 of [\w+=,.@-])>/<role session name (2-64)>. */
const ASSUMED_ROLE_ARN =
  /^arn:aws(?:-[a-z]+)*:sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/([\w+=,.@-]{2,64})$/
const USER_ID = /^[\w+=,.@:-]{1,256}$/
const ACCOUNT = /^\d{12}$/
const UNSAFE = new RegExp(CONTROL_SOURCE, 'g')

/** Server text shown in a message: JSON-quoted (line breaks and controls escaped), at most 300 characters. */
export function quoteServerText(text: string): string {
  const cut = text.length > 300 ? `${text.slice(0, 300)}…` : text
  return JSON.stringify(cut).replace(
    UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/** The Identity Center user (role session name) of a well-formed assumed-role ARN; '' for anything else. */
export function sessionNameFromArn(arn: string): string {
  return ASSUMED_ROLE_ARN.exec(arn)?.[3] ?? ''
}

/**
 * The reason STS's answer is not a well-formed role-session identity, or undefined when it is. The reason quotes
 * what came back, escaped.
 */
export function malformedIdentity(
  account: string,
  arn: string,
  userId: string
): string | undefined {
  if (!ACCOUNT.test(account))
    return `an account that is not 12 digits: ${quoteServerText(account)}`
  const m = ASSUMED_ROLE_ARN.exec(arn)
  if (!m)
    return `an ARN that is not a well-formed assumed-role ARN (arn:aws:sts::<account>:assumed-role/<role>/<session name>): ${quoteServerText(arn)}`
  if (m[1] !== account)
    return `an ARN for account ${m[1]} with Account ${account}: ${quoteServerText(arn)}`
  if (userId !== '' && !USER_ID.test(userId))
    return `a UserId that is not well-formed: ${quoteServerText(userId)}`
  return undefined
}
