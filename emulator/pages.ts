/**
 * The approval pages a human (or headless Chromium) sees: at verificationUri (/device: enter the code), at today's
 * verificationUriComplete (/platform/authorize?request_uri=…: confirm the code by typing it) and at the pre-2026-09
 * one (/device?user_code=…: the code shown, to compare).
 */

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[
        c
      ] as string
  )
}

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - IAM Identity Center emulator</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #16191f; }
  h1 { font-size: 1.4rem; }
  .code { font: 600 2rem ui-monospace, monospace; letter-spacing: .15em; padding: .5rem 1rem; background: #f2f3f3; display: inline-block; border-radius: 4px; }
  label { display: block; margin: 1rem 0 .25rem; }
  input[type=text] { font-size: 1rem; padding: .4rem; width: 100%; box-sizing: border-box; }
  .buttons { margin-top: 1.25rem; display: flex; gap: .75rem; }
  button { font-size: 1rem; padding: .5rem 1.25rem; border-radius: 4px; border: 1px solid #545b64; cursor: pointer; }
  #approve { background: #ec7211; color: #fff; border-color: #ec7211; }
  .note { color: #545b64; font-size: .9rem; }
  .error { color: #d13212; }
</style>
</head>
<body>
<p class="note">AWS IAM Identity Center &mdash; local emulator</p>
${body}
</body>
</html>
`
}

export function enterCodePage(): string {
  return layout(
    'Authorize request',
    `<h1>Authorize request</h1>
<form method="get" action="/device">
  <label for="user_code">Code shown by the application</label>
  <input type="text" id="user_code" name="user_code" autocomplete="off" placeholder="ABCD-EFGH" required>
  <div class="buttons"><button type="submit" id="next">Next</button></div>
</form>`
  )
}

export function approvalPage(
  userCode: string,
  clientName: string,
  defaultUser: string,
  users: string[]
): string {
  const options = users
    .map((u) => `<option value="${escapeHtml(u)}"></option>`)
    .join('')
  return layout(
    'Authorize request',
    `<h1>Authorize request</h1>
<p><strong id="client-name">${escapeHtml(clientName)}</strong> asks for access to your AWS accounts. Confirm the code matches the one it shows:</p>
<p class="code" id="user-code">${escapeHtml(userCode)}</p>
<form method="post" action="/device/decision" id="decision-form">
  <input type="hidden" name="user_code" value="${escapeHtml(userCode)}">
  <label for="user">Signed in as</label>
  <input type="text" id="user" name="user" value="${escapeHtml(defaultUser)}" list="known-users" autocomplete="off">
  <datalist id="known-users">${options}</datalist>
  <div class="buttons">
    <button type="submit" id="approve" name="decision" value="approve">Allow access</button>
    <button type="submit" id="deny" name="decision" value="deny">Deny access</button>
  </div>
</form>`
  )
}

/**
 * Today's page at verificationUriComplete (/platform/authorize?request_uri=…): the link does not carry the code, so the
 * approver types the code the application shows; it must be this request's code.
 */
export function confirmCodePage(
  requestUri: string,
  clientName: string,
  defaultUser: string,
  users: string[],
  error?: string
): string {
  const options = users
    .map((u) => `<option value="${escapeHtml(u)}"></option>`)
    .join('')
  return layout(
    'Authorize request',
    `<h1>Authorize request</h1>
<p><strong id="client-name">${escapeHtml(clientName)}</strong> asks for access to your AWS accounts. To confirm that this is the request you expect, enter the code the application shows.</p>
${error ? `<p class="error" id="code-error">${escapeHtml(error)}</p>\n` : ''}<form method="post" action="/platform/authorize/decision" id="decision-form">
  <input type="hidden" name="request_uri" value="${escapeHtml(requestUri)}">
  <label for="user_code">Code shown by the application</label>
  <input type="text" id="user_code" name="user_code" autocomplete="off" placeholder="ABCD-EFGH">
  <label for="user">Signed in as</label>
  <input type="text" id="user" name="user" value="${escapeHtml(defaultUser)}" list="known-users" autocomplete="off">
  <datalist id="known-users">${options}</datalist>
  <div class="buttons">
    <button type="submit" id="approve" name="decision" value="approve">Confirm and allow access</button>
    <button type="submit" id="deny" name="decision" value="deny">Deny access</button>
  </div>
</form>`
  )
}

export function resultPage(
  approved: boolean,
  userCode: string,
  user?: string
): string {
  const text = approved ? 'Request approved' : 'Request denied'
  const detail = approved
    ? `Signed in as <strong>${escapeHtml(user ?? '')}</strong>. You can close this window and return to the application.`
    : 'The application will not get access. You can close this window.'
  return layout(
    text,
    `<h1 id="result">${text}</h1>\n<p>Code <span class="code-inline">${escapeHtml(userCode)}</span>. ${detail}</p>`
  )
}

export function errorPage(message: string): string {
  return layout(
    'Error',
    `<h1 class="error" id="error">Cannot complete the request</h1>\n<p id="error-message">${escapeHtml(message)}</p>\n<p><a href="/device">Enter another code</a></p>`
  )
}
