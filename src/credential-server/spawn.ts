/**
 * Starting the credential server from the step that signed in: a detached process in its own session that does not
 * inherit stdout / stderr (a runner waits for those to close), the handover written to its stdin and closed, one ready
 * line read from fd 3, then every handle unref()ed so the step exits normally while the server runs on.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { realpathSync } from 'node:fs'
import path from 'node:path'
import type { Handover } from './handover.js'

export interface StartOptions {
  /**
   * The command that runs the server's process: default `process.execPath <bundle dir>/credential-server.js` (the
   * launcher scripts/build.mjs writes beside dist/index.js). Tests running the sources pass tsx here.
   */
  command?: { file: string; args: string[] }
  /** The server's environment (default process.env): AWS_ENDPOINT_URL_*, proxies and CA settings apply to it as to the step. */
  env?: NodeJS.ProcessEnv
  /** How long to wait for the ready line (default 10 s). */
  timeoutMs?: number
  /** Cancels the start: the child is killed and nothing is left running. */
  signal?: AbortSignal
}

export interface StartedServer {
  pid: number
  port: number
  /** `http://127.0.0.1:<port>` */
  url: string
}

export class CredentialServerStartError extends Error {
  constructor(message: string) {
    super(`the credential server did not start: ${message}`)
    this.name = 'CredentialServerStartError'
  }
}

/** dist/credential-server.js beside the bundle's entry (dist/index.js, dist/post.js, dist/cli.js all live in dist/). */
export function defaultCommand(): { file: string; args: string[] } {
  // realpath: the CLI may be started through a symlink (node_modules/.bin/identity-center-login).
  const dir = path.dirname(realpathSync(path.resolve(process.argv[1] ?? '.')))
  return {
    file: process.execPath,
    args: [path.join(dir, 'credential-server.js')]
  }
}

export async function startCredentialServer(
  handover: Handover,
  options: StartOptions = {}
): Promise<StartedServer> {
  const { file, args } = options.command ?? defaultCommand()
  const timeoutMs = options.timeoutMs ?? 10_000
  options.signal?.throwIfAborted()
  const child = spawn(file, args, {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore', 'pipe'],
    env: options.env ?? process.env,
    cwd: '/',
    windowsHide: true
  })
  try {
    const ready = readyLine(child, timeoutMs, options.signal)
    child.stdin!.on('error', () => undefined)
    child.stdin!.end(JSON.stringify(handover))
    const { port, pid } = await ready
    child.unref()
    ;(child.stdio[3] as unknown as { destroy(): void }).destroy()
    return { pid, port, url: `http://127.0.0.1:${port}` }
  } catch (error) {
    kill(child)
    throw error
  }
}

function kill(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return
  try {
    // Its own process group (detached): take anything it started with it.
    process.kill(-child.pid!, 'SIGKILL')
  } catch {
    child.kill('SIGKILL')
  }
  child.unref()
}

function readyLine(
  child: ChildProcess,
  timeoutMs: number,
  signal: AbortSignal | undefined
): Promise<{ port: number; pid: number }> {
  return new Promise((resolve, reject) => {
    const pipe = child.stdio[3] as NodeJS.ReadableStream
    let text = ''
    let settled = false
    const done = (error?: Error, value?: { port: number; pid: number }) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      child.off('exit', onExit)
      child.off('error', onError)
      if (error) reject(error)
      else resolve(value!)
    }
    const onAbort = () =>
      done(new CredentialServerStartError('the start was cancelled'))
    const onExit = (code: number | null, sig: string | null) =>
      done(
        new CredentialServerStartError(
          parsedError(text) ??
            `its process exited (${sig ?? `code ${code}`}) before it was ready`
        )
      )
    const onError = (error: Error) =>
      done(
        new CredentialServerStartError(`spawning it failed: ${error.message}`)
      )
    const timer = setTimeout(
      () =>
        done(
          new CredentialServerStartError(`no ready line within ${timeoutMs} ms`)
        ),
      timeoutMs
    )
    signal?.addEventListener('abort', onAbort, { once: true })
    child.once('exit', onExit)
    child.once('error', onError)
    pipe.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8')
      if (text.length > 4096)
        return done(
          new CredentialServerStartError('its ready line is malformed')
        )
      const nl = text.indexOf('\n')
      if (nl < 0) return
      const line = text.slice(0, nl)
      try {
        const parsed = JSON.parse(line)
        if (typeof parsed.error === 'string')
          return done(new CredentialServerStartError(parsed.error))
        if (
          Number.isInteger(parsed.port) &&
          parsed.port > 0 &&
          parsed.pid === child.pid
        )
          return done(undefined, { port: parsed.port, pid: parsed.pid })
      } catch {
        // fall through
      }
      done(new CredentialServerStartError('its ready line is malformed'))
    })
    pipe.on('error', () => undefined)
  })
}

function parsedError(text: string): string | undefined {
  try {
    const e = JSON.parse(text.split('\n')[0]).error
    return typeof e === 'string' ? e : undefined
  } catch {
    return undefined
  }
}
