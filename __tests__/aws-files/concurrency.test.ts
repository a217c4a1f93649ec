import { readConfig } from './helpers/read-config.js'
/**
 * Two processes write the same token cache file and merge into the same config file 50 times each,
 * while this process polls both files without any lock: a reader never sees a torn file, and the final
 * config holds both writers' sections intact plus the user's original text.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { tokenCacheFile } from '../../src/aws-files/sso-cache-format.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..', '..')
// tsx's CLI run by this node (no .cmd shim, so it works the same on Windows)
const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const ITERATIONS = 50

function runWriter(
  id: string,
  home: string
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        tsxCli,
        path.join(here, 'helpers', 'concurrent-writer.ts'),
        id,
        home,
        String(ITERATIONS)
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, out }))
  })
}

test(`two processes x ${ITERATIONS} locked atomic writes; an unlocked reader never sees a torn file`, async () => {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'concurrency-'))
  try {
    const configFile = path.join(home, '.aws', 'config')
    const userText =
      '# my settings\n[default]\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 20\n'
    await fs.mkdir(path.dirname(configFile), { recursive: true })
    await fs.writeFile(configFile, userText)
    const tokenFile = tokenCacheFile(
      path.join(home, '.aws', 'sso', 'cache'),
      'shared-session'
    )

    let done = false
    const writers = Promise.all([
      runWriter('a', home),
      runWriter('b', home)
    ]).finally(() => (done = true))

    let tokenReads = 0
    let configReads = 0
    const problems: string[] = []
    while (!done) {
      try {
        const t = JSON.parse(await fs.readFile(tokenFile, 'utf8')) as Record<
          string,
          string
        >
        if (
          !/^[ab]-\d+-x+$/.test(t.accessToken) ||
          !t.refreshToken ||
          t.expiresAt === undefined
        )
          problems.push(`token incomplete: ${JSON.stringify(t).slice(0, 100)}`)
        tokenReads++
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
          problems.push(`token read: ${(e as Error).message}`)
      }
      const text = await fs.readFile(configFile, 'utf8')
      configReads++
      if (!text.startsWith(userText)) problems.push('user text changed')
      const v = readConfig(text)
      if (v.errorLines.length > 0 || v.duplicateSections.length > 0)
        problems.push(`config unreadable: ${JSON.stringify(text)}`)
      for (const id of ['a', 'b']) {
        const p = v.profiles[`writer-${id}`]
        if (p && Object.keys(p).length !== 5)
          problems.push(`profile writer-${id} incomplete: ${JSON.stringify(p)}`)
        const s = v.ssoSessions[`sess-${id}`]
        if (s && Object.keys(s).length !== 3)
          problems.push(`session sess-${id} incomplete`)
      }
      await new Promise((r) => setImmediate(r))
    }
    const results = await writers
    for (const r of results)
      expect(r).toEqual({
        code: 0,
        out: expect.stringMatching(/^done [ab]\n$/)
      })
    expect(problems).toEqual([])
    console.log(
      `concurrency: ${tokenReads} token reads and ${configReads} config reads during ${2 * ITERATIONS} locked writes of each, no torn file`
    )
    expect(tokenReads).toBeGreaterThan(10)

    const final = await fs.readFile(configFile, 'utf8')
    expect(final.startsWith(userText)).toBe(true)
    const v = readConfig(final)
    for (const id of ['a', 'b']) {
      expect(v.profiles[`writer-${id}`]).toEqual({
        sso_session: `sess-${id}`,
        sso_account_id: '111122223333',
        sso_role_name: `Role${ITERATIONS - 1}`,
        region: 'us-west-2',
        output: 'json'
      })
      expect(v.ssoSessions[`sess-${id}`]).toEqual({
        sso_region: 'us-east-1',
        sso_start_url: `https://${id}.awsapps.com/start`,
        sso_registration_scopes: 'sso:account:access'
      })
    }
    expect(v.profiles.default).toEqual({
      region: 'eu-west-1',
      s3: { max_concurrent_requests: '20' }
    })
    // each section exactly once, none lost: the user's, the four rewritten ones, one per iteration and writer
    const perIteration = ['a', 'b'].flatMap((id) =>
      Array.from({ length: ITERATIONS }, (_, i) => `profile writer-${id}-${i}`)
    )
    expect(Object.keys(v.raw).sort()).toEqual(
      [
        'default',
        'profile writer-a',
        'profile writer-b',
        'sso-session sess-a',
        'sso-session sess-b',
        ...perIteration
      ].sort()
    )
    expect(v.duplicateSections).toEqual([])
    const token = JSON.parse(await fs.readFile(tokenFile, 'utf8')) as Record<
      string,
      string
    >
    expect(token.accessToken).toMatch(new RegExp(`^[ab]-${ITERATIONS - 1}-`))
    // no temp or lock files left behind
    expect((await fs.readdir(path.dirname(tokenFile))).sort()).toEqual([
      path.basename(tokenFile)
    ])
    expect((await fs.readdir(path.dirname(configFile))).sort()).toEqual([
      'config',
      'sso'
    ])
  } finally {
    await fs.rm(home, { recursive: true, force: true })
  }
}, 120_000)
