/** The standalone runner: flags, the one JSON line on stdout, the control API from another process, clean exit on SIGTERM. */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { parseArgs } from '../../emulator/cli-options.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

describe('emulator CLI', () => {
  test('parseArgs', () => {
    expect(
      parseArgs([
        '--port',
        '4000',
        '--interval=2',
        '--expires-in',
        '30',
        '--auto-approve-as',
        'bob',
        '--delay-ms',
        '5',
        '--enforce-interval',
        '--no-refresh-tokens',
        '--user-code-link'
      ])
    ).toEqual({
      port: 4000,
      interval: 2,
      expiresIn: 30,
      autoApproveAs: 'bob',
      delayMs: 5,
      enforceInterval: true,
      issueRefreshTokens: false,
      userCodeLink: true
    })
    expect(() => parseArgs(['--port', 'x'])).toThrow(/--port/)
    expect(() => parseArgs(['--nope'])).toThrow(/unknown argument/)
  })

  test('prints {"url"} and serves until SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'emulator', 'cli.ts'),
        '--port',
        '0',
        '--interval',
        '3',
        '--auto-approve-as',
        'carol'
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }
      }
    )
    try {
      const lines = createInterface({ input: child.stdout! })
      const [first] = (await once(lines, 'line')) as [string]
      const { url } = JSON.parse(first)
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

      const reg = (await (
        await fetch(url + '/client/register', {
          method: 'POST',
          body: JSON.stringify({ clientName: 'cli', clientType: 'public' })
        })
      ).json()) as any
      const start = (await (
        await fetch(url + '/device_authorization', {
          method: 'POST',
          body: JSON.stringify({
            clientId: reg.clientId,
            clientSecret: reg.clientSecret,
            startUrl: 'https://x'
          })
        })
      ).json()) as any
      expect(start.interval).toBe(3)
      const last = (await (await fetch(url + '/_control/last')).json()) as any
      expect(last.userCode).toBe(start.userCode)
      // --auto-approve-as carol (after 0 ms)
      for (let i = 0; i < 50 && last.status !== 'approved'; i++) {
        Object.assign(last, await (await fetch(url + '/_control/last')).json())
        if (last.status !== 'approved')
          await new Promise((r) => setTimeout(r, 10))
      }
      expect(last).toMatchObject({ status: 'approved', approvedBy: 'carol' })
    } finally {
      child.kill('SIGTERM')
    }
    const [code] = await once(child, 'exit')
    expect(code).toBe(0)
  })
})
