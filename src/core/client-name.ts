/**
 * The name the OIDC client is registered with. AWS's own consent page shows it to the approver (text an attacker cannot
 * put on that page), so it says who is asking: `identity-center-login:<repository or CI project>`.
 */

export const CLIENT_NAME_BASE = 'identity-center-login'

/**
 * The SSO OIDC model (botocore data/sso-oidc, RegisterClient.clientName: shape ClientName, a plain string) sets no
 * length or pattern; this keeps the name short enough to read on the consent page and to any sane server limit.
 */
export const MAX_CLIENT_NAME_LENGTH = 128

/**
 * `identity-center-login:owner/repo` (GitHub), `identity-center-login:group/project` (GitLab's CI_PROJECT_PATH, Jenkins'
 * JOB_NAME, …), or `identity-center-login` when there is no project. The project is reduced to letters, digits and
 * `. _ - / @ +` (anything else becomes `_`, runs collapse) and cut so the whole name fits MAX_CLIENT_NAME_LENGTH.
 */
export function registeredClientName(project: string | undefined): string {
  const cleaned = (project ?? '')
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._\-/@+]+/g, '_')
    .replace(/^[_./-]+|[_./-]+$/g, '')
  if (cleaned === '') return CLIENT_NAME_BASE
  return `${CLIENT_NAME_BASE}:${cleaned}`.slice(0, MAX_CLIENT_NAME_LENGTH)
}
