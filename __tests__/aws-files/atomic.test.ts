import { spawnSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  defaultRoot,
  ensureDir,
  readIfExists,
  removeIfExists,
  writeFileAtomic
} from '../../src/aws-files/atomic.js'
import { withLock } from '../../src/aws-files/lock.js'

const posix = process.platform !== 'win32'
const itPosix = posix ? test : test.skip

let tmp: string
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'atomic-'))
})
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true })
})

const mode = async (p: string) => (await fs.stat(p)).mode & 0o777

describe('writeFileAtomic', () => {
  test('creates missing folders and writes the content', async () => {
    const file = path.join(tmp, 'home', '.aws', 'sso', 'cache', 'a.json')
    await writeFileAtomic(file, '{"a": 1}')
    expect(await fs.readFile(file, 'utf8')).toBe('{"a": 1}')
    // no temp files left behind
    expect(await fs.readdir(path.dirname(file))).toEqual(['a.json'])
  })

  itPosix(
    'files are 0600 and folders we create are 0700, whatever the umask',
    async () => {
      const old = process.umask(0o000)
      try {
        const file = path.join(tmp, 'home', '.aws', 'sso', 'cache', 'a.json')
        await writeFileAtomic(file, 'x')
        expect(await mode(file)).toBe(0o600)
        expect(await mode(path.join(tmp, 'home', '.aws'))).toBe(0o700)
        expect(await mode(path.join(tmp, 'home', '.aws', 'sso'))).toBe(0o700)
        expect(await mode(path.join(tmp, 'home', '.aws', 'sso', 'cache'))).toBe(
          0o700
        )
      } finally {
        process.umask(old)
      }
    }
  )

  itPosix(
    'tightens a 0644 file we own to 0600, keeps a tighter 0400',
    async () => {
      const file = path.join(tmp, '.aws', 'config')
      await fs.mkdir(path.dirname(file), { recursive: true })
      await fs.writeFile(file, 'old')
      await fs.chmod(file, 0o644)
      await writeFileAtomic(file, 'new')
      expect(await mode(file)).toBe(0o600)
      expect(await fs.readFile(file, 'utf8')).toBe('new')
      await fs.chmod(file, 0o400)
      await writeFileAtomic(file, 'newer')
      expect(await mode(file)).toBe(0o400)
      expect(await fs.readFile(file, 'utf8')).toBe('newer')
    }
  )

  itPosix('refuses to write through a symlinked file', async () => {
    const victim = path.join(tmp, 'victim')
    await fs.writeFile(victim, 'precious')
    const file = path.join(tmp, '.aws', 'config')
    await fs.mkdir(path.dirname(file), { recursive: true })
    await fs.symlink(victim, file)
    await expect(writeFileAtomic(file, 'evil')).rejects.toThrow(
      `refusing to write through a symlink: ${file}`
    )
    expect(await fs.readFile(victim, 'utf8')).toBe('precious')
    await expect(readIfExists(file)).rejects.toThrow(
      'refusing to write through a symlink'
    )
  })

  itPosix(
    'refuses a symlinked parent folder from the .aws folder down',
    async () => {
      const elsewhere = path.join(tmp, 'elsewhere')
      await fs.mkdir(elsewhere)
      await fs.mkdir(path.join(tmp, 'home', '.aws', 'sso'), { recursive: true })
      const cache = path.join(tmp, 'home', '.aws', 'sso', 'cache')
      await fs.symlink(elsewhere, cache)
      await expect(
        writeFileAtomic(path.join(cache, 'x.json'), '{}')
      ).rejects.toThrow(`refusing to write through a symlink: ${cache}`)
      expect(await fs.readdir(elsewhere)).toEqual([])
      // ~/.aws itself as a symlink
      const home2 = path.join(tmp, 'home2')
      await fs.mkdir(home2)
      await fs.symlink(elsewhere, path.join(home2, '.aws'))
      await expect(
        writeFileAtomic(path.join(home2, '.aws', 'config'), 'x')
      ).rejects.toThrow('refusing to write through a symlink')
      await expect(
        ensureDir(path.join(home2, '.aws', 'sso', 'cache'))
      ).rejects.toThrow('refusing to write through a symlink')
    }
  )

  itPosix(
    'a symlinked folder above the root (e.g. a symlinked home) is fine',
    async () => {
      const real = path.join(tmp, 'realhome')
      await fs.mkdir(real)
      await fs.symlink(real, path.join(tmp, 'home'))
      await writeFileAtomic(path.join(tmp, 'home', '.aws', 'config'), 'ok')
      expect(await fs.readFile(path.join(real, '.aws', 'config'), 'utf8')).toBe(
        'ok'
      )
    }
  )

  itPosix('ensureDir({tighten}) tightens a loose folder we own', async () => {
    const cache = path.join(tmp, '.aws', 'sso', 'cache')
    await fs.mkdir(cache, { recursive: true })
    await fs.chmod(cache, 0o755)
    await ensureDir(cache, { tighten: true })
    expect(await mode(cache)).toBe(0o700)
  })
})

describe('readIfExists / removeIfExists', () => {
  test('missing file and missing folder give undefined / false', async () => {
    expect(await readIfExists(path.join(tmp, 'nope', 'x'))).toBeUndefined()
    expect(await readIfExists(path.join(tmp, 'x'))).toBeUndefined()
    expect(await removeIfExists(path.join(tmp, 'x'))).toBe(false)
  })

  test('reads and removes', async () => {
    const f = path.join(tmp, 'f')
    await fs.writeFile(f, 'héllo')
    expect(await readIfExists(f)).toBe('héllo')
    expect(await removeIfExists(f)).toBe(true)
    expect(await removeIfExists(f)).toBe(false)
  })

  test('refuses invalid UTF-8 (so it is never written back mangled)', async () => {
    const f = path.join(tmp, 'f')
    await fs.writeFile(f, Buffer.from([0x5b, 0xff, 0x5d]))
    await expect(readIfExists(f)).rejects.toThrow('not valid UTF-8')
  })

  itPosix('removing a symlink removes the link, never its target', async () => {
    const victim = path.join(tmp, 'victim')
    await fs.writeFile(victim, 'keep')
    const link = path.join(tmp, 'link')
    await fs.symlink(victim, link)
    expect(await removeIfExists(link)).toBe(true)
    expect(await fs.readFile(victim, 'utf8')).toBe('keep')
  })
})

test('defaultRoot is the nearest .aws folder', () => {
  expect(defaultRoot(path.join('/h', '.aws', 'sso', 'cache', 'x.json'))).toBe(
    path.join('/h', '.aws')
  )
  expect(defaultRoot(path.join('/etc', 'cfg', 'config'))).toBe(
    path.join('/etc', 'cfg')
  )
})

describe('withLock', () => {
  test('serialises critical sections and always releases', async () => {
    const file = path.join(tmp, 'f')
    let inside = 0
    let max = 0
    const run = (i: number) =>
      withLock(file, async () => {
        inside++
        max = Math.max(max, inside)
        await new Promise((r) => setTimeout(r, 2))
        inside--
        if (i === 3) throw new Error('boom')
        return i
      })
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map(run))
    expect(max).toBe(1)
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1)
    await expect(fs.access(`${file}.lock`)).rejects.toThrow()
  })

  test('breaks a lock whose process is gone', async () => {
    const file = path.join(tmp, 'f')
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))'
    ]).stdout.toString()
    await fs.writeFile(
      `${file}.lock`,
      JSON.stringify({
        pid: Number(dead),
        host: os.hostname(),
        time: new Date().toISOString(),
        token: 'x'
      })
    )
    expect(
      await withLock(file, async () => 'got it', { timeoutMs: 2000 })
    ).toBe('got it')
  })

  test('breaks a lock older than staleMs', async () => {
    const file = path.join(tmp, 'f')
    await fs.writeFile(
      `${file}.lock`,
      JSON.stringify({
        pid: process.ppid,
        host: os.hostname(),
        time: 'x',
        token: 'y'
      })
    )
    const old = new Date(Date.now() - 60_000)
    await fs.utimes(`${file}.lock`, old, old)
    expect(
      await withLock(file, async () => 'got it', { timeoutMs: 2000 })
    ).toBe('got it')
  })

  test('many waiters on a stale lock: it is broken once and they still take turns', async () => {
    const file = path.join(tmp, 'f')
    await fs.writeFile(
      `${file}.lock`,
      JSON.stringify({ pid: 1, host: 'elsewhere', time: 'old', token: 'stale' })
    )
    const old = new Date(Date.now() - 60_000)
    await fs.utimes(`${file}.lock`, old, old)
    let inside = 0
    let max = 0
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withLock(file, async () => {
          inside++
          max = Math.max(max, inside)
          await new Promise((r) => setTimeout(r, 3))
          inside--
        })
      )
    )
    expect(max).toBe(1)
    expect(await fs.readdir(tmp)).toEqual([])
  })

  test('times out on a live lock, naming the lock file', async () => {
    const file = path.join(tmp, 'f')
    await fs.writeFile(
      `${file}.lock`,
      JSON.stringify({
        pid: process.ppid,
        host: os.hostname(),
        time: 'now',
        token: 'y'
      })
    )
    await expect(
      withLock(file, async () => 'never', { timeoutMs: 150 })
    ).rejects.toThrow(
      `waiting for lock ${file}.lock (held by pid ${process.ppid}`
    )
    // and it did not remove someone else's lock
    await expect(fs.access(`${file}.lock`)).resolves.toBeUndefined()
  })
})
