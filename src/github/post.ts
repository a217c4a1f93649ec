/** The action's post step: sign out and remove what main wrote, unless keep-session is true. */
import * as core from '@actions/core'
import { cleanUpSignIn } from '../core/cleanup.js'
import { actionLogger } from './notifiers.js'
import { loadPostState } from './state.js'
import type { PostPlan } from '../core/sign-in-mode.js'

export async function runPost(): Promise<void> {
  const state = loadPostState()
  if (!state) {
    core.info(
      'The main step got no SSO token, so there is nothing to sign out of or clean up.'
    )
    return
  }
  if (state.post === 'keep') {
    const legacy = state.written.legacyTokenCache
      ? ` (and its legacy-sso-profile copy, ${state.written.legacyTokenCache.file})`
      : ''
    core.info(
      `keep-session is true: the SSO session, the token cache${legacy} and the config sections stay for later jobs on this runner.`
    )
    return
  }
  if (state.written.partial) {
    core.info(
      'The main step stopped while it was writing its files: signing out and removing whatever of them it had written.'
    )
  }
  // Loaded only when main started a credential server.
  const stopped =
    state.post === 'stop-server' && state.server
      ? await (
          await import('../core/stop-server.js')
        ).stopJobServer(state.server, actionLogger)
      : true
  const ok =
    (await cleanUpSignIn(
      { ...state, signOut: signsOut(state.post) },
      actionLogger
    )) && stopped
  if (!ok) core.warning('Cleanup was incomplete; see the lines above.')
}

/** Whether post signs the sign-in out (else it says why not); the files this run wrote go either way. */
function signsOut(plan: Exclude<PostPlan, 'keep'>): boolean {
  switch (plan) {
    case 'sign-out':
      return true
    case 'leave-shared':
      core.info(
        'share-session: the sign-in is shared with the later jobs of this run that hold the session-key, so this job does not sign out; end-session signs it out (or it expires). Removing only the files this job wrote.'
      )
      return false
    case 'stop-server':
      // The server held the sign-in (nothing of it was on disk or in main's state): stopping it signed out.
      return false
    case 'leave-from-shared':
      core.info(
        'session: this job used the sign-in shared by an earlier job of this run, so it does not sign out; end-session does. Removing only the files this job wrote.'
      )
      return false
  }
}
