/**
 * Standalone emulator: `npx tsx emulator/cli.ts [--port N] [--host H] [--interval S] [--expires-in S]
 *   [--auto-approve-as USER] [--auto-approve-after-ms N] [--delay-ms N] [--access-token-ttl S]
 *   [--enforce-interval] [--no-refresh-tokens]`
 * Prints one JSON line `{"url": "...", "port": N}` on stdout, then serves until SIGINT / SIGTERM.
 * Point AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_SSO_OIDC / _SSO / _STS) at the url.
 */
import { startEmulator } from './server.js'
import type { EmulatorOptions } from './types.js'

const USAGE = `usage: emulator/cli.ts [--port N] [--host H] [--interval S] [--expires-in S] [--auto-approve-as USER]
                       [--auto-approve-after-ms N] [--delay-ms N] [--access-token-ttl S] [--role-credentials-ttl S]
                       [--enforce-interval] [--no-refresh-tokens] [--verbose]`

export function parseArgs(argv: string[]): EmulatorOptions & { verbose?: boolean } {
  const out: EmulatorOptions & { verbose?: boolean } = {}
  const num = (flag: string, value: string | undefined): number => {
    const n = Number(value)
    if (value === undefined || value === '' || !Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
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
      case '--auto-approve-as':
        out.autoApproveAs = value()
        break
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
      case '--public-url':
        out.publicUrl = value()
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
        process.stdout.write(USAGE + '\n')
        process.exit(0)
      // eslint-disable-next-line no-fallthrough
      default:
        throw new Error(`unknown argument ${arg}\n${USAGE}`)
    }
  }
  return out
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseArgs>
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (err: any) {
    process.stderr.write(`${err.message}\n`)
    process.exit(2)
  }
  const { verbose, ...emulatorOptions } = options
  const emulator = await startEmulator(emulatorOptions)
  if (verbose) {
    emulator.events.on('call', (c) => process.stderr.write(`${new Date(c.at).toISOString()} ${c.operation} ${c.status}${c.error ? ' ' + c.error : ''}${c.userCode ? ' ' + c.userCode : ''}\n`))
    emulator.events.on('started', (d) => process.stderr.write(`device authorization ${d.userCode}: ${d.verificationUriComplete}\n`))
    emulator.events.on('approved', (e) => process.stderr.write(`approved ${e.userCode} as ${e.user}\n`))
  }
  process.stdout.write(JSON.stringify({ url: emulator.url, port: emulator.port }) + '\n')
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  process.stderr.write(`emulator failed to start: ${err?.stack ?? err}\n`)
  process.exit(1)
})
