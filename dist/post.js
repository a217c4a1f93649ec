// identity-center-login's post step (action.yml runs.post): the same bundle as the main step, started in post mode.
globalThis.__IDENTITY_CENTER_LOGIN_MODE__ = 'post'
await import('./index.js')
