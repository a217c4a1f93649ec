/**
 * The step that starts the server ends normally: its process exits and its stdout / stderr close (what a runner waits
 * for) while the server runs on; and the bundle finds dist/credential-server.js beside its entry by default.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import {
  serverCredentials,
  stopCredentialServer
} from '../../src/credential-server/client.js'
import { defaultCommand } from '../../src/credential-server/spawn.js'
import {
  alive,
  handoverFor,
  PRIMARY,
  ROOT,
  serverEnv,
  signIn,
  waitFor
} from './helpers.js'

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(async () => {
  await emu.close()
})

test('the starting process exits and its output closes at once; the server keeps serving', async () => {
  const h = handoverFor(await signIn(emu))
  const t0 = Date.now()
  const { stdout, elapsed } = await new Promise<{
    stdout: string
    elapsed: number
  }>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [
        '--import',
        path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
        path.join(ROOT, '__tests__', 'credential-server', 'parent-main.ts')
      ],
      {
        env: {
          PATH: process.env.PATH,
          CREDENTIAL_SERVER_FROM_DIST: process.env.CREDENTIAL_SERVER_FROM_DIST
        },
        timeout: 30_000
      },
      (error, out) =>
        error
          ? reject(error)
          : resolve({ stdout: out, elapsed: Date.now() - t0 })
    )
    child.stdin!.end(JSON.stringify({ handover: h, env: serverEnv(emu) }))
  })
  const started = JSON.parse(stdout)
  expect(elapsed).toBeLessThan(15_000)
  expect(alive(started.pid)).toBe(true)
  const address = { port: started.port, authToken: h.authToken }
  expect((await serverCredentials(address, PRIMARY.profile)).AccountId).toBe(
    PRIMARY.accountId
  )
  const { portClosed } = await stopCredentialServer(address)
  expect(portClosed).toBe(true)
  await waitFor('the server process to end', () => !alive(started.pid), 5_000)
})

test('by default it runs credential-server.js beside the entry the step was started from, through a symlink too', () => {
  const saved = process.argv[1]
  const bin = mkdtempSync(path.join(tmpdir(), 'cs-bin-'))
  try {
    // As npm installs the CLI: node_modules/.bin/identity-center-login -> ../identity-center-login/dist/cli.js
    symlinkSync(
      path.join(ROOT, 'scripts', 'build.mjs'),
      path.join(bin, 'identity-center-login')
    )
    for (const entry of [
      path.join(ROOT, 'scripts', 'build.mjs'),
      path.join(bin, 'identity-center-login')
    ]) {
      process.argv[1] = entry
      expect(defaultCommand()).toEqual({
        file: process.execPath,
        args: [path.join(ROOT, 'scripts', 'credential-server.js')]
      })
    }
  } finally {
    process.argv[1] = saved
    rmSync(bin, { recursive: true, force: true })
  }
})
