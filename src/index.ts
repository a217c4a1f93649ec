/**
 * The one bundle behind every entry point. Each mode is loaded on demand, so the action's main step does not parse
 * the post step's or the CLI's code, and the three share one copy of the AWS SDK in dist/. The launchers only set
 * the mode (scripts/build.mjs writes them):
 *  - `node dist/index.js`          GitHub Action main step: src/main.ts run()
 *  - `node dist/post.js`           GitHub Action post step (`runs.post`): src/post.ts run()
 *  - `node dist/cli.js [flags]`    the CLI for other CI systems: src/cli/run.ts, which loads nothing of GitHub's
 *  - `node dist/cli.js --credential-process --server-file F --profile P`   credential_process for a profile the
 *                                  credential server serves (src/credential-server/credential-process.ts; the CLI's
 *                                  code is not loaded)
 *  - `node dist/credential-server.js`   the credential server's process, handover on stdin (src/credential-server/)
 */
declare global {
  var __IDENTITY_CENTER_LOGIN_MODE__:
    'cli' | 'post' | 'credential-server' | undefined
}

async function start(): Promise<void> {
  const mode = globalThis.__IDENTITY_CENTER_LOGIN_MODE__
  if (mode === 'credential-server') {
    const { main } = await import('./credential-server/entry.js')
    await main()
  } else if (mode === 'cli' && process.argv[2] === '--credential-process') {
    const { runCredentialProcess } =
      await import('./credential-server/credential-process.js')
    process.exitCode = await runCredentialProcess(process.argv.slice(2))
  } else if (mode === 'cli') {
    const { runCli } = await import('./cli/run.js')
    process.exitCode = await runCli(process.argv.slice(2), process.env)
  } else if (mode === 'post') {
    const { run } = await import('./post.js')
    await run()
  } else {
    const { run } = await import('./main.js')
    await run()
  }
}

start().catch((error: unknown) => {
  // Only reached by a bug: every expected failure is reported by the entry point itself.
  process.stderr.write(
    `identity-center-login: internal error: ${(error as Error)?.name ?? 'Error'}: ${(error as Error)?.message ?? ''}\n`
  )
  process.exitCode = 1
})

export {}
