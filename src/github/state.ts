/**
 * What main hands to post, in one place (actions/checkout's state-helper).
 * The SSO access token is kept so that post can revoke it even when another job replaced the cache file;
 * it is masked, and the runner passes state only to this action's post step.
 */
import * as core from '@actions/core'
import type { LoginRequest } from '../inputs/spec.js'
import type { LoginResult } from '../core/login.js'
import type { WrittenFiles } from '../aws-files/session-files.js'

export interface SessionState {
  accessToken: string
  ssoRegion: string
  region: string
  keepSession: boolean
  written: WrittenFiles
}

const KEY = 'session'

export function saveSessionState(request: LoginRequest, result: Pick<LoginResult, 'written'> & { token: { accessToken: string } }): void {
  const state: SessionState = {
    accessToken: result.token.accessToken,
    ssoRegion: request.ssoRegion,
    region: request.region,
    keepSession: request.keepSession,
    written: result.written
  }
  core.saveState(KEY, JSON.stringify(state))
}

/** Nothing for the post step to do (the files a failed write had started were undone). The runner keeps the last value. */
export function clearSessionState(): void {
  core.saveState(KEY, '')
}

export function loadSessionState(): SessionState | undefined {
  const raw = core.getState(KEY)
  if (!raw) return undefined
  const state = JSON.parse(raw) as SessionState
  if (state.accessToken) core.setSecret(state.accessToken)
  return state
}
