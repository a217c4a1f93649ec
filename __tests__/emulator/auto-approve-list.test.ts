/** autoApproveAs with a list (required-approvals runs): the device authorizations are approved by each user in turn. */
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc'
import {
  RegisterClientCommand,
  StartDeviceAuthorizationCommand
} from '@aws-sdk/client-sso-oidc'
import { parseArgs } from '../../emulator/cli-options.js'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { START_URL, oidcClient } from './helpers.js'

let emu: Emulator
let oidc: SSOOIDCClient
beforeAll(async () => {
  emu = await startEmulator({
    autoApproveAs: ['alice', 'bob'],
    autoApproveAfterMs: 10
  })
  oidc = oidcClient(emu.url)
})
afterAll(async () => {
  oidc.destroy()
  await emu.close()
})

/** Start one device authorization and wait for its automatic approval; who approved it. */
async function approvedBy(): Promise<string> {
  const reg = await oidc.send(
    new RegisterClientCommand({ clientName: 'x', clientType: 'public' })
  )
  const approved = new Promise<{ userCode: string; user: string }>((r) =>
    emu.events.once('approved', r)
  )
  const start = await oidc.send(
    new StartDeviceAuthorizationCommand({
      clientId: reg.clientId,
      clientSecret: reg.clientSecret,
      startUrl: START_URL
    })
  )
  const event = await approved
  expect(event.userCode).toBe(start.userCode)
  return event.user
}

test('alice, then bob, then alice again; reset starts over', async () => {
  expect([await approvedBy(), await approvedBy(), await approvedBy()]).toEqual([
    'alice',
    'bob',
    'alice'
  ])
  emu.reset()
  expect(await approvedBy()).toBe('alice')
})

test('an unknown user in the list is refused at start; the CLI reads a comma-separated list', async () => {
  await expect(
    startEmulator({ autoApproveAs: ['alice', 'nobody'] })
  ).rejects.toThrow('autoApproveAs: unknown user nobody')
  expect(parseArgs(['--auto-approve-as', 'alice,bob']).autoApproveAs).toEqual([
    'alice',
    'bob'
  ])
  expect(parseArgs(['--auto-approve-as', 'carol']).autoApproveAs).toBe('carol')
})
