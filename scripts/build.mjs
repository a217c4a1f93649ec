// Builds dist/: the ncc bundle of src/index.ts (ESM, code-split per entry mode, not minified so it can be audited)
// and dist/cli.js, the CLI's launcher into the same bundle (it carries package.json's version for --version).
import { execFileSync } from 'node:child_process'
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

const { version } = JSON.parse(readFileSync('package.json', 'utf8'))
rmSync('dist', { recursive: true, force: true })
execFileSync('npx', ['ncc', 'build', 'src/index.ts', '-o', 'dist', '--license', 'licenses.txt', '--target', 'es2022', '--quiet'], { stdio: 'inherit' })
writeFileSync(
  'dist/cli.js',
  `#!/usr/bin/env node
// identity-center-login for any CI: the same bundle as the GitHub Action, started in CLI mode.
globalThis.__IDENTITY_CENTER_LOGIN_CLI__ = true
globalThis.__IDENTITY_CENTER_LOGIN_VERSION__ = ${JSON.stringify(version)}
await import('./index.js')
`
)
chmodSync('dist/cli.js', 0o755)
