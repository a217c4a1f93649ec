// identity-center-login's credential server (started detached by the main step, handover on stdin): the same bundle, in credential-server mode.
globalThis.__IDENTITY_CENTER_LOGIN_MODE__ = 'credential-server'
await import('./index.js')
