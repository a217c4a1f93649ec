/**
 * What main hands to post, in one place (actions/checkout's state-helper).
 * The SSO access token is kept so that post can revoke it even when another job replaced the cache file;
 * it is masked, and the runner passes state only to this action's post step. With sign-out-early there is no token
 * to keep (main signed out already): the state then holds only what to remove.
 */
import * as core from '@actions/core'
import type { LoginRequest } from '../inputs/spec.js'
import type { LoginResult } from '../core/login.js'
import type { WrittenFiles } from '../aws-files/job-files.js'
import { behaviourOf, tokenStays, type PostPlan } from '../core/sign-in-mode.js'
import type { ServedRecord } from '../credential-server/job-server.js'

/** Only the record's own fields (a ServedServer carries its url too). */
function serverRecord(s: ServedRecord): ServedRecord {
  return {
    file: s.file,
    authToken: s.authToken,
    tokenExpiresAt: s.tokenExpiresAt,
    refreshable: s.refreshable,
    primary: s.primary,
    ...(s.pid !== undefined ? { pid: s.pid } : {}),
    ...(s.port !== undefined ? { port: s.port } : {})
  }
}

export interface PostState {
  /** Absent with sign-out-early: main signed out, and no token is written anywhere. */
  accessToken?: string
  ssoRegion: string
  region: string
  written: WrittenFiles
  /** What post does with the sign-in (keep it, sign it out, leave it to the run that shares it, stop the server). */
  post: PostPlan
  /** credential-server: the server to stop and its file (its authorization token is masked); never the SSO token. */
  server?: ServedRecord
}

const KEY = 'session'

/** `published`: the session output was published (share-session), so post must not sign out. */
export function savePostState(
  request: LoginRequest,
  result: Pick<LoginResult, 'written'> & {
    token: { accessToken?: string }
    server?: ServedRecord
  },
  published = false
): void {
  // A credentials-file section this run replaced is kept (to restore it) as it was: the user's own keys may be in it.
  for (const edit of result.written.credentialsEdits ?? []) {
    if (edit.kind !== 'replaced' && edit.kind !== 'removed') continue
    for (const line of edit.original.split(/\r?\n/)) {
      const value = /^[^=:#;[]+[=:]\s*(\S.*?)\s*$/.exec(line)?.[1]
      if (value && value.length >= 8) core.setSecret(value)
    }
  }
  const behaviour = behaviourOf(request.signIn.mode)
  const state: PostState = {
    ...(tokenStays(behaviour.holds) && result.token.accessToken
      ? { accessToken: result.token.accessToken }
      : {}),
    ssoRegion: request.target.ssoRegion,
    region: request.target.region,
    written: result.written,
    post: behaviour.post(published),
    ...(result.server ? { server: serverRecord(result.server) } : {})
  }
  core.saveState(KEY, JSON.stringify(state))
}

/** Nothing for the post step to do (the files a failed write had started were undone). The runner keeps the last value. */
export function clearPostState(): void {
  core.saveState(KEY, '')
}

export function loadPostState(): PostState | undefined {
  const raw = core.getState(KEY)
  if (!raw) return undefined
  const state = JSON.parse(raw) as PostState
  if (state.accessToken) core.setSecret(state.accessToken)
  if (state.server) core.setSecret(state.server.authToken)
  return state
}
