// Builds dist/: the ncc bundle of src/index.ts (ESM, code-split per entry mode, not minified so it can be audited),
// and launchers into the same bundle: dist/post.js (the action's post step), dist/cli.js (the CLI; it carries
// package.json's version for --version) and dist/credential-server.js (the credential server's detached process).
import { execFileSync } from 'node:child_process'
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { sourceHash } from './source-hash.mjs'

const { version } = JSON.parse(readFileSync('package.json', 'utf8'))
rmSync('dist', { recursive: true, force: true })
execFileSync(
  'npx',
  [
    'ncc',
    'build',
    'src/index.ts',
    '-o',
    'dist',
    '--license',
    'licenses.txt',
    '--target',
    'es2022',
    '--quiet'
  ],
  { stdio: 'inherit' }
)
writeFileSync(
  'dist/post.js',
  `// identity-center-login's post step (action.yml runs.post): the same bundle as the main step, started in post mode.
globalThis.__IDENTITY_CENTER_LOGIN_MODE__ = 'post'
await import('./index.js')
`
)
writeFileSync(
  'dist/cli.js',
  `#!/usr/bin/env node
// identity-center-login for any CI: the same bundle as the GitHub Action, started in CLI mode.
globalThis.__IDENTITY_CENTER_LOGIN_MODE__ = 'cli'
globalThis.__IDENTITY_CENTER_LOGIN_VERSION__ = ${JSON.stringify(version)}
await import('./index.js')
`
)
chmodSync('dist/cli.js', 0o755)
writeFileSync(
  'dist/credential-server.js',
  `// identity-center-login's credential server (started detached by the main step, handover on stdin): the same bundle, in credential-server mode.
globalThis.__IDENTITY_CENTER_LOGIN_MODE__ = 'credential-server'
await import('./index.js')
`
)
// What this dist/ was built from: the e2e tests compare it with the sources (scripts/source-hash.mjs).
writeFileSync('dist/source-hash.txt', `${sourceHash()}\n`)
// What this dist/ bundles, package@version, as package-lock.json resolves it (scripts/bundled-packages.mjs; .ci/run checks it).
execFileSync(process.execPath, ['scripts/bundled-packages.mjs', '--write'], {
  stdio: 'inherit'
})
