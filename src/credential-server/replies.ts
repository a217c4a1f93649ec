/**
 * The credential server's answers: JSON, never cached, and errors as {"code", "message"} with the status each code
 * is answered with (measured with the consumers: see ERROR_STATUS).
 */
import type { ServerResponse } from 'node:http'

/**
 * The status each error code is answered with. Measured 2026-12-04 with a 4xx and a 5xx answer carrying this body:
 * botocore / AWS CLI v1 and Debian's AWS CLI v2 print the status and the whole body for any status ("Received non 200
 * response 403 from container metadata: {…}"); aws-sdk-go-v2 prints "<code>: <message>" (lowercase keys) for any
 * status; Go v1 says only NoCredentialProviders unless CredentialsChainVerboseErrors; the JS SDK's fromHttp puts
 * Code / Message (capitalised keys) on its error for a 4xx only, and its default chain then says only "Could not load
 * credentials from any providers". So every refusal and every end of the sign-in is a 4xx carrying both spellings;
 * an upstream fault that may pass is a 5xx (botocore, the JS SDK and Go retry whatever the status).
 */
export const ERROR_STATUS: Record<string, number> = {
  Unauthorized: 401,
  InvalidHost: 403,
  NotFound: 404,
  UnknownProfile: 404,
  MethodNotAllowed: 405,
  PayloadTooLarge: 413,
  SessionExpired: 403,
  SessionRevoked: 403,
  SignedOut: 403,
  RegistrationExpired: 403,
  AccessDenied: 403,
  UpstreamError: 502,
  UpstreamUnavailable: 503
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  close = false
): void {
  sendJsonText(res, status, JSON.stringify(body), close)
}

/** JSON already serialised (the credentials answer is built once per credentials). */
export function sendJsonText(
  res: ServerResponse,
  status: number,
  text: string,
  close = false
): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {})
  })
  res.end(text)
}

/** {"code", "message"} for botocore and the Go SDKs, "Code" / "Message" too for the JS SDK (it reads those). */
export function sendError(
  res: ServerResponse,
  code: string,
  message: string
): void {
  sendJson(
    res,
    ERROR_STATUS[code] ?? 500,
    { code, message, Code: code, Message: message },
    true
  )
}
