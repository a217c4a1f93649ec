/** Command-line flags of the standalone emulator (emulator/cli.ts). */
import type { EmulatorOptions } from './types.js'

export const USAGE = `usage: emulator/cli.ts [--port N] [--host H] [--interval S] [--expires-in S] [--auto-approve-as USER[,USER…]]
                       [--auto-approve-after-ms N] [--delay-ms N] [--access-token-ttl S] [--role-credentials-ttl S]
                       [--public-url URL] [--user-code-link] [--enforce-interval] [--no-refresh-tokens] [--portal-rate-limit N]
                       [--max-page-size N] [--verbose]
  --user-code-link: answer verificationUriComplete as before September 2026 (<url>/device?user_code=CODE) instead of
                    today's <url>/platform/authorize?request_uri=… (which does not carry the code)`

export type CliOptions = EmulatorOptions & { verbose?: boolean; help?: boolean }

export function parseArgs(argv: string[]): CliOptions {
  const out: CliOptions = {}
  const num = (flag: string, value: string | undefined): number => {
    const n = Number(value)
    if (value === undefined || value === '' || !Number.isFinite(n) || n < 0)
      throw new Error(`${flag} needs a non-negative number`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined]
    const value = (): string | undefined => inline ?? argv[++i]
    switch (flag) {
      case '--port':
        out.port = num(flag, value())
        break
      case '--host':
        out.host = value()
        break
      case '--interval':
        out.interval = num(flag, value())
        break
      case '--expires-in':
        out.expiresIn = num(flag, value())
        break
      case '--auto-approve-as': {
        // alice,bob: the device authorizations in turn
        const raw = value()
        const users = raw?.split(',').map((u) => u.trim())
        out.autoApproveAs = users && users.length > 1 ? users : raw
        break
      }
      case '--auto-approve-after-ms':
        out.autoApproveAfterMs = num(flag, value())
        break
      case '--delay-ms':
        out.delayMs = num(flag, value())
        break
      case '--access-token-ttl':
        out.accessTokenTtl = num(flag, value())
        break
      case '--role-credentials-ttl':
        out.roleCredentialsTtl = num(flag, value())
        break
      case '--assumed-role-ttl':
        out.assumedRoleTtl = num(flag, value())
        break
      case '--portal-rate-limit':
        out.portalRateLimit = num(flag, value())
        break
      case '--max-page-size':
        out.maxPageSize = num(flag, value())
        break
      case '--public-url':
        out.publicUrl = value()
        break
      case '--user-code-link':
        out.userCodeLink = true
        break
      case '--enforce-interval':
        out.enforceInterval = true
        break
      case '--no-refresh-tokens':
        out.issueRefreshTokens = false
        break
      case '--verbose':
      case '-v':
        out.verbose = true
        break
      case '--help':
      case '-h':
        out.help = true
        break
      default:
        throw new Error(`unknown argument ${arg}\n${USAGE}`)
    }
  }
  return out
}
