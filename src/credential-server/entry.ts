/**
 * The credential server's process (dist/credential-server.js, started by spawn.ts): reads the handover from stdin,
 * listens on 127.0.0.1, writes ONE ready line `{"port", "pid"}` to fd 3, and serves until POST /stop, SIGTERM / SIGINT
 * or the watched process's end, signing out (SSO Logout) before it exits. It has no stdout or stderr: what it did is
 * in its report (GET /stats, POST /stop).
 */
import { createWriteStream } from 'node:fs'
import { MAX_HANDOVER_BYTES, parseHandover } from './handover.js'
import { runCredentialServer, type RunningServer } from './service.js'
import { isAlive } from '../util/process.js'

/** How often the watched process is looked for. */
export const WATCH_INTERVAL_MS = 2_000

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length
    if (size > MAX_HANDOVER_BYTES) throw new Error('handover too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function writeReady(line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream('', { fd: 3 })
    out.on('error', reject)
    out.end(`${line}\n`, () => resolve())
  })
}

export async function main(): Promise<void> {
  let server: RunningServer
  let handover: ReturnType<typeof parseHandover>
  try {
    handover = parseHandover(await readStdin())
    server = await runCredentialServer(handover)
  } catch (caught) {
    const error = caught as { message?: unknown } | undefined
    // The only channel back: the parent reads this instead of a ready line (the message never holds a handed value).
    await writeReady(
      JSON.stringify({ error: String(error?.message ?? caught) })
    ).catch(() => undefined)
    process.exit(1)
  }
  const exit = (): void => {
    clearInterval(watch)
    // Let the stop answer leave, then go: nothing else should keep the process.
    setTimeout(() => process.exit(0), 50).unref()
  }
  const stopAndExit = (reason: Parameters<RunningServer['stop']>[0]): void =>
    void server.stop(reason).then(exit, exit)
  const watch = setInterval(() => {
    if (!isAlive(handover.watchPid)) stopAndExit('watched process gone')
  }, WATCH_INTERVAL_MS)
  process.on('SIGTERM', () => stopAndExit('signal'))
  process.on('SIGINT', () => stopAndExit('signal'))
  process.on('SIGHUP', () => {}) // the session leader's terminal going away is not an end
  void server.closed.then(exit)
  await writeReady(JSON.stringify({ port: server.port, pid: process.pid }))
}
