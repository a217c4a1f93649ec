/**
 * The one bundle behind every entry point. Each mode is loaded on demand, so the action's main step
 * does not parse the post step's or the CLI's code, and the three share one copy of the AWS SDK in dist/.
 *  - `node dist/index.js`          GitHub Action main step, or its post step once main has saved state (actions/checkout's pattern)
 *  - `node dist/cli.js [flags]`    the CLI for other CI systems (dist/cli.js sets the flag below and imports this file)
 */
declare global {
  // eslint-disable-next-line no-var
  var __IDENTITY_CENTER_LOGIN_CLI__: boolean | undefined
}

async function run(): Promise<void> {
  if (globalThis.__IDENTITY_CENTER_LOGIN_CLI__) {
    const { runCli } = await import('./cli/run.js')
    process.exitCode = await runCli(process.argv.slice(2), process.env)
  } else if (process.env.STATE_isPost === 'true') {
    const { runPost } = await import('./github/post.js')
    await runPost()
  } else {
    const { runMain } = await import('./github/main.js')
    await runMain()
  }
}

run().catch((error: unknown) => {
  // Only reached by a bug: every expected failure is reported by the entry point itself.
  process.stderr.write(`identity-center-login: internal error: ${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? ''}\n`)
  process.exitCode = 1
})

export {}
