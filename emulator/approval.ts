/** The approval pages a person signs in on: /device (the user-code link) and /platform/authorize (the request_uri link). */
import type { ServerResponse } from 'node:http'
import {
  approvalPage,
  confirmCodePage,
  enterCodePage,
  errorPage,
  resultPage
} from './pages.js'
import { sendHtml } from './routes.js'
import {
  AUTHORIZE_DECISION_PATH,
  AUTHORIZE_PATH,
  normaliseUserCode,
  type IdentityCenter
} from './state.js'
import type { DeviceStatus } from './types.js'
import { EmulatorControlError } from './wire.js'

export function devicePage(
  ic: IdentityCenter,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
  res: ServerResponse
): void {
  const defaultUser = ic.directory.user('alice')
    ? 'alice'
    : (ic.directory.users[0]?.userName ?? 'alice')
  if (method === 'GET' && path !== '/device/decision') {
    const code = query.get('user_code')
    if (!code) return sendHtml(res, 200, enterCodePage())
    const info = ic.describeCode(code)
    if (!info)
      return sendHtml(
        res,
        404,
        errorPage(
          `The code ${code} is not valid. Check the code and try again.`
        )
      )
    if (info.status !== 'pending')
      return sendHtml(
        res,
        410,
        errorPage(statusMessage(info.userCode, info.status))
      )
    return sendHtml(
      res,
      200,
      approvalPage(
        info.userCode,
        info.clientName,
        defaultUser,
        ic.directory.users.map((u) => u.userName)
      )
    )
  }
  if (method === 'POST' && path === '/device/decision') {
    const form = new URLSearchParams(body.toString('utf8'))
    const code = form.get('user_code') ?? ''
    const decision = form.get('decision') ?? 'approve'
    const user = (form.get('user') ?? '').trim() || defaultUser
    const info = ic.describeCode(code)
    if (!info)
      return sendHtml(
        res,
        404,
        errorPage(
          `The code ${code} is not valid. Check the code and try again.`
        )
      )
    try {
      if (decision === 'deny') {
        ic.deny(code)
        return sendHtml(res, 200, resultPage(false, info.userCode))
      }
      ic.approve(code, user)
      return sendHtml(res, 200, resultPage(true, info.userCode, user))
    } catch (err) {
      if (!(err instanceof EmulatorControlError)) throw err
      const now = ic.describeCode(code)
      const message =
        err.status === 409 && now
          ? statusMessage(now.userCode, now.status)
          : err.message
      return sendHtml(res, err.status === 409 ? 410 : 400, errorPage(message))
    }
  }
  res.writeHead(405, { allow: 'GET, POST' })
  res.end()
}

/**
 * Today's approval page (verificationUriComplete = /platform/authorize?request_uri=…): the link names the request but
 * not its code, so the page asks the approver to type the code the application shows, and approves only if it is
 * that request's code. Deny needs no code.
 */
export function authorizePage(
  ic: IdentityCenter,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
  res: ServerResponse
): void {
  const defaultUser = ic.directory.user('alice')
    ? 'alice'
    : (ic.directory.users[0]?.userName ?? 'alice')
  const users = ic.directory.users.map((u) => u.userName)
  const unknown =
    'This sign-in request is not valid. Start the sign-in again from the application.'
  if (method === 'GET' && path === AUTHORIZE_PATH) {
    const requestUri = query.get('request_uri') ?? ''
    const info = ic.describeRequest(requestUri)
    if (!info) return sendHtml(res, 404, errorPage(unknown))
    if (info.status !== 'pending')
      return sendHtml(res, 410, errorPage(requestStatusMessage(info.status)))
    return sendHtml(
      res,
      200,
      confirmCodePage(requestUri, info.clientName, defaultUser, users)
    )
  }
  if (method === 'POST' && path === AUTHORIZE_DECISION_PATH) {
    const form = new URLSearchParams(body.toString('utf8'))
    const requestUri = form.get('request_uri') ?? ''
    const decision = form.get('decision') ?? 'approve'
    const user = (form.get('user') ?? '').trim() || defaultUser
    const info = ic.describeRequest(requestUri)
    if (!info) return sendHtml(res, 404, errorPage(unknown))
    if (info.status !== 'pending')
      return sendHtml(res, 410, errorPage(requestStatusMessage(info.status)))
    const typed = form.get('user_code') ?? ''
    if (decision !== 'deny' && normaliseUserCode(typed) !== info.userCode) {
      const error =
        typed.trim() === ''
          ? 'Enter the code the application shows.'
          : 'That is not the code of this request. Check the code the application shows and try again.'
      return sendHtml(
        res,
        400,
        confirmCodePage(requestUri, info.clientName, user, users, error)
      )
    }
    try {
      if (decision === 'deny') {
        ic.deny(info.userCode)
        return sendHtml(res, 200, resultPage(false, info.userCode))
      }
      ic.approve(info.userCode, user)
      return sendHtml(res, 200, resultPage(true, info.userCode, user))
    } catch (err) {
      if (!(err instanceof EmulatorControlError)) throw err
      const now = ic.describeRequest(requestUri)
      const message =
        err.status === 409 && now
          ? requestStatusMessage(now.status)
          : err.message
      return sendHtml(res, err.status === 409 ? 410 : 400, errorPage(message))
    }
  }
  res.writeHead(405, { allow: 'GET, POST' })
  res.end()
}

/** Like statusMessage, without the code: the link alone must not reveal it. */
function requestStatusMessage(status: DeviceStatus): string {
  switch (status) {
    case 'expired':
      return 'This sign-in request has expired. Start the sign-in again from the application.'
    case 'denied':
      return 'This sign-in request was denied.'
    case 'approved':
    case 'consumed':
      return 'This sign-in request has already been approved.'
    default:
      return 'This sign-in request cannot be approved now.'
  }
}

function statusMessage(userCode: string, status: DeviceStatus): string {
  switch (status) {
    case 'expired':
      return `The code ${userCode} has expired. Start the sign-in again from the application.`
    case 'denied':
      return `The request for code ${userCode} was denied.`
    case 'approved':
      return `The request for code ${userCode} has already been approved.`
    default:
      return `The code ${userCode} has already been used.`
  }
}
