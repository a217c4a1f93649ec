import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  formatCacheTime,
  parseCacheTime,
  pythonJsonDumps,
  registrationCacheFile,
  tokenCacheFile,
  tokenCacheJson,
  type RegistrationKey
} from '../../src/aws-files/sso-cache-format.js'
import {
  readRegistrationCache,
  readTokenCache,
  removeRegistrationCacheIfOurs,
  removeTokenCacheIfOurs,
  writeRegistrationCache,
  writeTokenCache
} from '../../src/aws-files/sso-cache.js'
import { runPython } from './helpers/python.js'

const posix = process.platform !== 'win32'
const itPosix = posix ? test : test.skip

/** botocore is the judge: the CLI's own expression, run by python3. */
function pythonRegistrationHash(key: RegistrationKey): string {
  const script = [
    'import hashlib, json, sys',
    'k = json.loads(sys.argv[1])',
    "args = {'tool': 'botocore', 'startUrl': k['startUrl'], 'region': k['region'], 'scopes': k['scopes'], 'session_name': k['sessionName']}",
    "print(hashlib.sha1(json.dumps(args, sort_keys=True).encode('utf-8')).hexdigest())"
  ].join('\n')
  const arg = JSON.stringify({
    region: key.region,
    scopes: key.scopes ?? null,
    sessionName: key.sessionName ?? null,
    startUrl: key.startUrl
  })
  return runPython(['-c', script, arg]).trim()
}

function pythonDumps(value: unknown, sortKeys: boolean): string {
  const script = `import json, sys\nsys.stdout.write(json.dumps(json.loads(sys.argv[1]), sort_keys=${sortKeys ? 'True' : 'False'}))`
  return runPython(['-c', script, JSON.stringify(value)])
}

let tmp: string
let cacheDir: string
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ssocache-'))
  cacheDir = path.join(tmp, '.aws', 'sso', 'cache')
})
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true })
})

const token = {
  startUrl: 'https://my-sso-portal.awsapps.com/start',
  region: 'us-east-1',
  accessToken: 'aoaAAAAAGexample',
  expiresAt: new Date('2026-01-01T12:00:00.789Z'),
  clientId: 'client-id',
  clientSecret: 'client-secret',
  registrationExpiresAt: new Date('2026-03-31T08:30:05Z'),
  refreshToken: 'aorAAAAAGexample'
}

describe('names', () => {
  test('token cache file is sha1(session name).json', () => {
    expect(tokenCacheFile('/c', 'my-sso')).toBe(
      path.join('/c', '0ad374308c5a4e22f723adf10145eafad7c4031c.json')
    )
  })

  test.each<RegistrationKey>([
    {
      region: 'us-east-1',
      scopes: ['sso:account:access'],
      sessionName: 'my-sso',
      startUrl: 'https://my-sso-portal.awsapps.com/start'
    },
    {
      region: 'eu-west-1',
      scopes: ['sso:account:access', 'codewhisperer:completions'],
      sessionName: 'team',
      startUrl: 'https://d-1234567890.awsapps.com/start/'
    },
    {
      region: 'us-east-1',
      scopes: null,
      sessionName: 'no-scopes',
      startUrl: 'https://x.awsapps.com/start'
    },
    {
      region: 'us-east-1',
      scopes: [],
      sessionName: null,
      startUrl: 'https://x.awsapps.com/start'
    },
    {
      region: 'us-east-1',
      scopes: ['sso:account:access'],
      sessionName: 'ünïcode-✓-😀',
      startUrl: 'https://x.awsapps.com/start?a="b"\\c'
    }
  ])('registration cache name matches botocore: %j', (key) => {
    const expected = pythonRegistrationHash(key)
    expect(registrationCacheFile('/c', key)).toBe(
      path.join('/c', `${expected}.json`)
    )
  })

  test('pythonJsonDumps matches json.dumps (separators, ensure_ascii, sort_keys)', () => {
    const value = {
      b: 'é\u007f😀\u0001"\\/\n\t',
      a: [1, null, true, false, ['x']],
      B: {},
      c: { z: 1, y: [] }
    }
    expect(pythonJsonDumps(value, { sortKeys: true })).toBe(
      pythonDumps(value, true)
    )
    expect(pythonJsonDumps(value)).toBe(pythonDumps(value, false))
  })
})

describe('timestamps', () => {
  test('formatCacheTime is UTC without millis', () => {
    expect(formatCacheTime(new Date('2026-01-01T12:00:00Z'))).toBe(
      '2026-01-01T12:00:00Z'
    )
    expect(formatCacheTime(new Date('2026-01-01T12:00:00.999Z'))).toBe(
      '2026-01-01T12:00:00Z'
    )
    expect(formatCacheTime(new Date('2026-01-01T14:00:00+02:00'))).toBe(
      '2026-01-01T12:00:00Z'
    )
    expect(() => formatCacheTime(new Date('nope'))).toThrow('invalid date')
  })

  test('parseCacheTime accepts the CLI, JS SDK and offset forms, requires a zone', () => {
    const t = Date.parse('2026-01-01T12:00:00Z')
    expect(parseCacheTime('2026-01-01T12:00:00Z')?.getTime()).toBe(t)
    expect(parseCacheTime('2026-01-01T12:00:00.000Z')?.getTime()).toBe(t)
    expect(parseCacheTime('2026-01-01T12:00:00UTC')?.getTime()).toBe(t)
    expect(parseCacheTime('2026-01-01T13:00:00+01:00')?.getTime()).toBe(t)
    expect(parseCacheTime('2026-01-01T12:00:00')).toBeUndefined()
    expect(parseCacheTime(12)).toBeUndefined()
  })
})

describe('token cache', () => {
  test('writes exactly the keys and bytes the CLI writes', async () => {
    const { file, contentHash } = await writeTokenCache(
      cacheDir,
      'my-sso',
      token
    )
    expect(file).toBe(
      path.join(cacheDir, '0ad374308c5a4e22f723adf10145eafad7c4031c.json')
    )
    const text = await fs.readFile(file, 'utf8')
    expect(text).toBe(
      '{"startUrl": "https://my-sso-portal.awsapps.com/start", "region": "us-east-1", "accessToken": "aoaAAAAAGexample", ' +
        '"expiresAt": "2026-01-01T12:00:00Z", "clientId": "client-id", "clientSecret": "client-secret", ' +
        '"registrationExpiresAt": "2026-03-31T08:30:05Z", "refreshToken": "aorAAAAAGexample"}'
    )
    // what Python's json.dumps would produce for the same dict
    expect(text).toBe(pythonDumps(JSON.parse(text), false))
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/)
    if (posix) {
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600)
      expect((await fs.stat(cacheDir)).mode & 0o777).toBe(0o700)
    }
    expect(await fs.readdir(cacheDir)).toEqual([path.basename(file)])
  })

  test('no refreshToken key when the service returned none', () => {
    expect(
      JSON.parse(tokenCacheJson({ ...token, refreshToken: undefined }))
    ).not.toHaveProperty('refreshToken')
  })

  test('reads back what it wrote, and the JS SDK millisecond form', async () => {
    await writeTokenCache(cacheDir, 'my-sso', token)
    const r = await readTokenCache(cacheDir, 'my-sso')
    expect(r.reason).toBeUndefined()
    expect(r.value).toMatchObject({
      accessToken: 'aoaAAAAAGexample',
      refreshToken: 'aorAAAAAGexample',
      clientId: 'client-id',
      region: 'us-east-1'
    })
    expect(r.value?.expiresAt.toISOString()).toBe('2026-01-01T12:00:00.000Z')
    await fs.writeFile(
      tokenCacheFile(cacheDir, 'sdk'),
      JSON.stringify(
        { accessToken: 'a', expiresAt: '2026-01-01T12:00:00.123Z' },
        null,
        2
      )
    )
    const sdk = await readTokenCache(cacheDir, 'sdk')
    expect(sdk.value?.expiresAt.toISOString()).toBe('2026-01-01T12:00:00.123Z')
  })

  test('missing or corrupt files give undefined and a reason', async () => {
    expect(await readTokenCache(cacheDir, 'nope')).toMatchObject({
      value: undefined,
      reason: 'missing'
    })
    await fs.mkdir(cacheDir, { recursive: true })
    await fs.writeFile(
      tokenCacheFile(cacheDir, 'bad'),
      '{"accessToken": "a", "expi'
    )
    expect((await readTokenCache(cacheDir, 'bad')).reason).toMatch(
      /^not valid JSON/
    )
    await fs.writeFile(tokenCacheFile(cacheDir, 'arr'), '[]')
    expect((await readTokenCache(cacheDir, 'arr')).reason).toBe(
      'not a JSON object'
    )
    await fs.writeFile(
      tokenCacheFile(cacheDir, 'nozone'),
      '{"accessToken": "a", "expiresAt": "2026-01-01T12:00:00"}'
    )
    expect((await readTokenCache(cacheDir, 'nozone')).reason).toContain(
      'expiresAt'
    )
    await fs.writeFile(
      tokenCacheFile(cacheDir, 'noat'),
      '{"expiresAt": "2026-01-01T12:00:00Z"}'
    )
    expect((await readTokenCache(cacheDir, 'noat')).reason).toBe(
      'no accessToken'
    )
  })

  test('removeTokenCacheIfOurs: deleted, replaced-by-someone-else, missing', async () => {
    const { contentHash } = await writeTokenCache(cacheDir, 'my-sso', token)
    expect(await removeTokenCacheIfOurs(cacheDir, 'my-sso', contentHash)).toBe(
      'deleted'
    )
    expect(await removeTokenCacheIfOurs(cacheDir, 'my-sso', contentHash)).toBe(
      'missing'
    )
    const mine = await writeTokenCache(cacheDir, 'my-sso', token)
    // another job (or the SDK refreshing) rewrote it
    await writeTokenCache(cacheDir, 'my-sso', {
      ...token,
      accessToken: 'someone-else'
    })
    expect(
      await removeTokenCacheIfOurs(cacheDir, 'my-sso', mine.contentHash)
    ).toBe('replaced-by-someone-else')
    expect((await readTokenCache(cacheDir, 'my-sso')).value?.accessToken).toBe(
      'someone-else'
    )
  })

  itPosix(
    'tightens a loose cache folder and refuses a symlinked one',
    async () => {
      await fs.mkdir(cacheDir, { recursive: true })
      await fs.chmod(cacheDir, 0o777)
      await writeTokenCache(cacheDir, 'my-sso', token)
      expect((await fs.stat(cacheDir)).mode & 0o777).toBe(0o700)

      const other = await fs.mkdtemp(
        path.join(os.tmpdir(), 'ssocache-elsewhere-')
      )
      try {
        const home2 = path.join(tmp, 'home2')
        await fs.mkdir(path.join(home2, '.aws', 'sso'), { recursive: true })
        const linked = path.join(home2, '.aws', 'sso', 'cache')
        await fs.symlink(other, linked)
        await expect(writeTokenCache(linked, 'my-sso', token)).rejects.toThrow(
          `refusing to write through a symlink: ${linked}`
        )
        expect(await fs.readdir(other)).toEqual([])
        // a symlink planted at the token file itself
        const victim = path.join(tmp, 'victim')
        await fs.writeFile(victim, 'keep')
        await fs.rm(tokenCacheFile(cacheDir, 'my-sso'))
        await fs.symlink(victim, tokenCacheFile(cacheDir, 'my-sso'))
        await expect(
          writeTokenCache(cacheDir, 'my-sso', token)
        ).rejects.toThrow('refusing to write through a symlink')
        expect(await fs.readFile(victim, 'utf8')).toBe('keep')
      } finally {
        await fs.rm(other, { recursive: true, force: true })
      }
    }
  )
})

describe('registration cache', () => {
  const key: RegistrationKey = {
    region: 'us-east-1',
    scopes: ['sso:account:access'],
    sessionName: 'my-sso',
    startUrl: 'https://my-sso-portal.awsapps.com/start'
  }

  test('writes {clientId, clientSecret, expiresAt, scopes} like the CLI and reads it back', async () => {
    const reg = {
      clientId: 'cid',
      clientSecret: 'secret',
      expiresAt: new Date('2026-04-01T00:00:00.500Z'),
      scopes: ['sso:account:access']
    }
    const w = await writeRegistrationCache(cacheDir, key, reg)
    expect(w.file).toBe(registrationCacheFile(cacheDir, key))
    expect(await fs.readFile(w.file, 'utf8')).toBe(
      '{"clientId": "cid", "clientSecret": "secret", "expiresAt": "2026-04-01T00:00:00Z", "scopes": ["sso:account:access"]}'
    )
    const r = await readRegistrationCache(cacheDir, key)
    expect(r.value).toMatchObject({
      clientId: 'cid',
      clientSecret: 'secret',
      scopes: ['sso:account:access']
    })
    expect(r.value?.expiresAt.toISOString()).toBe('2026-04-01T00:00:00.000Z')
    expect(await removeRegistrationCacheIfOurs(w.file, w.contentHash)).toBe(
      'deleted'
    )
  })

  test('no scopes key without scopes', async () => {
    const w = await writeRegistrationCache(
      cacheDir,
      { ...key, scopes: null },
      {
        clientId: 'c',
        clientSecret: 's',
        expiresAt: new Date('2026-04-01T00:00:00Z')
      }
    )
    expect(await fs.readFile(w.file, 'utf8')).toBe(
      '{"clientId": "c", "clientSecret": "s", "expiresAt": "2026-04-01T00:00:00Z"}'
    )
  })
})
