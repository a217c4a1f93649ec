/** "0600 files in 0700 folders": the folders under ~/.aws, checked and tightened before anyone is asked to approve. */
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { awsPaths } from '../../src/aws-files/paths.js'
import { unsafeAwsPath } from '../../src/aws-files/preflight.js'

const posix = process.platform !== 'win32'
const asRoot = posix && process.getuid?.() === 0
let home: string
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'icl-preflight-'))
})
afterEach(() => rmSync(home, { recursive: true, force: true }))

const mode = (p: string) => statSync(p).mode & 0o777
const check = () => unsafeAwsPath(awsPaths({}, home), [])

;(posix ? test : test.skip)(
  'a ~/.aws, ~/.aws/sso and ~/.aws/sso/cache this user owns are tightened to 0700, whatever their mode',
  () => {
    const aws = path.join(home, '.aws')
    const sso = path.join(aws, 'sso')
    const cache = path.join(sso, 'cache')
    mkdirSync(cache, { recursive: true })
    chmodSync(aws, 0o777)
    chmodSync(sso, 0o775)
    chmodSync(cache, 0o755)
    expect(check()).toBeUndefined()
    expect([mode(aws), mode(sso), mode(cache)]).toEqual([0o700, 0o700, 0o700])
  }
)

;(posix ? test : test.skip)(
  'folders outside ~/.aws (AWS_CONFIG_FILE elsewhere, HOME itself) are left as they are',
  () => {
    const elsewhere = path.join(home, 'project')
    mkdirSync(elsewhere)
    chmodSync(elsewhere, 0o755)
    chmodSync(home, 0o755)
    expect(
      unsafeAwsPath(
        awsPaths({ AWS_CONFIG_FILE: path.join(elsewhere, 'config') }, home),
        []
      )
    ).toBeUndefined()
    expect([mode(home), mode(elsewhere)]).toEqual([0o755, 0o755])
  }
)

;(asRoot ? test : test.skip)(
  'a folder under ~/.aws owned by another user is refused with its path, owner and mode (run as root to chown)',
  () => {
    const aws = path.join(home, '.aws')
    const sso = path.join(aws, 'sso')
    mkdirSync(sso, { recursive: true })
    chmodSync(sso, 0o777)
    chownSync(sso, 65534, 65534)
    const problem = check()
    expect(problem).toBe(
      `refusing a folder owned by another user: ${sso} (owner uid 65534, mode 0777; this process runs as uid 0)`
    )
    // refused, not changed: the folder is not ours to tighten
    expect(mode(sso)).toBe(0o777)
  }
)
