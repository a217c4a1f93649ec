/**
 * The credential_process line of a credential-server profile, as the consumers read it: botocore (shlex, no shell)
 * and Debian's AWS SDKs for Go v1 and v2 (`sh -c`, after their own ini parser). The Go SDKs read a value that opens
 * with a double quote as one quoted string and drop the rest of the line, so the line never opens with one.
 */
import { execFile } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  commandLine,
  renderProcessProfileSection
} from '../../src/aws-files/process-profile.js'
import { sectionText } from '../../src/aws-files/config-render.js'
import { buildGoPrograms, goSdksMissing, type GoPrograms } from './go-sdks.js'

const goMissing = goSdksMissing()
let go: GoPrograms | undefined
let dir: string
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'icl-process-command-'))
  if (!goMissing) go = await buildGoPrograms()
}, 300_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('commandLine', () => {
  test('plain paths are written bare, a path that needs it in double quotes', () => {
    expect(
      commandLine([
        { text: '/usr/bin/node', quote: true },
        { text: '/opt/icl/cli.js', quote: true },
        { text: '--server-file' },
        { text: '/home/runner/.aws/x y/s.json', quote: true }
      ])
    ).toBe(
      '/usr/bin/node /opt/icl/cli.js --server-file "/home/runner/.aws/x y/s.json"'
    )
  })

  test('a program path that needs quotes is run through /usr/bin/env: the value never opens with a quote', () => {
    const line = commandLine([
      { text: '/opt/my tools/node', quote: true },
      { text: '--profile' },
      { text: 'p' }
    ])
    expect(line).toBe('/usr/bin/env "/opt/my tools/node" --profile p')
    expect(line.startsWith('"')).toBe(false)
  })

  test('a path holding a quote, $, a backquote, a backslash or a line break is refused', () => {
    for (const bad of ['/a"b', '/a$b', '/a`b', 'C:\\node.exe', '/a\nb'])
      expect(() => commandLine([{ text: bad, quote: true }])).toThrow(
        /invalid credential_process part/
      )
  })
})

/** A program at a path with a space that records its arguments and prints credentials in credential_process's format. */
function fakeProcess(): { program: string; argsFile: string } {
  const folder = path.join(dir, 'with space')
  mkdirSync(folder, { recursive: true })
  const program = path.join(folder, 'creds.sh')
  const argsFile = path.join(dir, `args-${Date.now()}-${Math.random()}.txt`)
  writeFileSync(
    program,
    `#!/bin/sh\nprintf '%s\\n' "$@" >> '${argsFile}'\n` +
      `echo '{"Version":1,"AccessKeyId":"ASIAFAKEFAKEFAKE0001","SecretAccessKey":"fake","SessionToken":"fake","Expiration":"2999-01-01T00:00:00Z"}'\n`
  )
  chmodSync(program, 0o755)
  return { program, argsFile }
}

function homeWith(program: string, serverFile: string): string {
  const home = mkdtempSync(path.join(dir, 'home-'))
  mkdirSync(path.join(home, '.aws'), { mode: 0o700 })
  const section = renderProcessProfileSection({
    name: 'served',
    command: [
      { text: program, quote: true },
      { text: '--server-file' },
      { text: serverFile, quote: true },
      { text: '--profile' },
      { text: 'served' }
    ],
    region: 'us-east-1'
  })
  writeFileSync(path.join(home, '.aws', 'config'), sectionText(section), {
    mode: 0o600
  })
  return home
}

function run(
  exe: string,
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      exe,
      args,
      { env, timeout: 20_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error
            ? typeof error.code === 'number'
              ? error.code
              : null
            : 0,
          stdout,
          stderr
        })
    )
    child.stdin?.end()
  })
}

describe('every consumer runs the whole command, paths with spaces included', () => {
  const serverFile = () => path.join(dir, 'server files', 'my sso.server.json')

  test('botocore (python3 -m awscli’s library) gets the credentials the command printed', async () => {
    const { program, argsFile } = fakeProcess()
    const home = homeWith(program, serverFile())
    const r = await run(
      'python3',
      [
        '-c',
        "import botocore.session; print(botocore.session.Session(profile='served').get_credentials().access_key)"
      ],
      { PATH: process.env.PATH, HOME: home }
    )
    expect(r).toMatchObject({ code: 0, stdout: 'ASIAFAKEFAKEFAKE0001\n' })
    expect(readFileSync(argsFile, 'utf8')).toBe(
      `--server-file\n${serverFile()}\n--profile\nserved\n`
    )
  })

  const goTest = goMissing ? test.skip : test
  goTest.each(['v1', 'v2'] as const)(
    'AWS SDK for Go %s runs the program with every argument (its STS call then fails: no endpoint here)',
    async (sdk) => {
      const { program, argsFile } = fakeProcess()
      const home = homeWith(program, serverFile())
      await run(go![sdk], ['served'], {
        PATH: process.env.PATH,
        HOME: home,
        AWS_SDK_LOAD_CONFIG: '1',
        EMULATOR_URL: 'http://127.0.0.1:9'
      })
      expect(readFileSync(argsFile, 'utf8')).toBe(
        `--server-file\n${serverFile()}\n--profile\nserved\n`
      )
    },
    30_000
  )
})
