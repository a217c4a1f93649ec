/**
 * Standalone emulator: `npx tsx emulator/cli.ts [--port N] [--host H] [--interval S] [--expires-in S]
 *   [--auto-approve-as USER[,USER…]] [--auto-approve-after-ms N] [--delay-ms N] [--access-token-ttl S]
 *   [--role-credentials-ttl S] [--public-url URL] [--enforce-interval] [--no-refresh-tokens] [--portal-rate-limit N]
 *   [--max-page-size N] [--verbose]`
 * Prints one JSON line `{"url": "...", "port": N}` on stdout, then serves until SIGINT / SIGTERM.
 * Point AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_SSO_OIDC / _SSO / _STS) at the url.
 */
import { USAGE, parseArgs, type CliOptions } from './cli-options.js'
import { startEmulator } from './server.js'

async function main(): Promise<void> {
  let options: CliOptions
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (err: any) {
    process.stderr.write(`${err.message}\n`)
    process.exit(2)
  }
  const { verbose, help, ...emulatorOptions } = options
  if (help) {
    process.stdout.write(USAGE + '\n')
    return
  }
  const emulator = await startEmulator(emulatorOptions)
  if (verbose) {
    emulator.events.on('call', (c) =>
      process.stderr.write(
        `${new Date(c.at).toISOString()} ${c.operation} ${c.status}${c.error ? ' ' + c.error : ''}${c.userCode ? ' ' + c.userCode : ''}\n`
      )
    )
    emulator.events.on('started', (d) =>
      process.stderr.write(
        `device authorization ${d.userCode}: ${d.verificationUriComplete}\n`
      )
    )
    emulator.events.on('approved', (e) =>
      process.stderr.write(`approved ${e.userCode} as ${e.user}\n`)
    )
  }
  process.stdout.write(
    JSON.stringify({ url: emulator.url, port: emulator.port }) + '\n'
  )
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
