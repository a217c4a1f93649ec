#!/usr/bin/env node
// identity-center-login for any CI: the same bundle as the GitHub Action, started in CLI mode.
globalThis.__IDENTITY_CENTER_LOGIN_CLI__ = true
globalThis.__IDENTITY_CENTER_LOGIN_VERSION__ = "1.0.0"
await import('./index.js')
