/**
 * Case 7 of `npm run bench`: the credential server, from dist/credential-server.js.
 *  - a credential request served from memory: p50 / p99 over 1,000 sequential requests on one keep-alive connection,
 *    interleaved in batches with a bare Node HTTP server (its own process) answering JSON of the same size;
 *  - 100 clients at the same moment with nothing held: upstream GetRoleCredentials calls;
 *  - peak RSS (VmHWM) after serving those requests and one refresh, beside the bare server's after the same load;
 *  - what startCredentialServer adds to the step: spawn to the ready line.
 */
import { spawn } from 'node:child_process'
import { Agent, request } from 'node:http'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { closeEmulator, openEmulator, sleep, summarize } from './harness.js'
import { startCredentialServer } from '../src/credential-server/spawn.js'
import {
  serverCredentials,
  stopCredentialServer
} from '../src/credential-server/client.js'
import {
  handoverFor,
  PRIMARY,
  SECOND,
  serverEnv,
  signIn
} from '../__tests__/credential-server/helpers.js'

interface Row {
  label: string
  unit?: 'ms' | 'n' | 'MB' | 'x'
  s?: ReturnType<typeof summarize>
  text?: string
  target?: string
  pass?: boolean
}
export interface CredentialServerSection {
  title: string
  rows: Row[]
  notes: string[]
}

const one = (
  label: string,
  value: number,
  unit: Row['unit'],
  target?: string,
  pass?: boolean
): Row => ({
  label,
  unit,
  s: summarize([value]),
  ...(target ? { target, pass } : {})
})

function percentile(values: number[], p: number): number {
  const v = [...values].sort((a, b) => a - b)
  return v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)]
}

function timedGet(
  agent: Agent,
  port: number,
  path: string,
  headers: Record<string, string>
): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const req = request(
      { host: '127.0.0.1', port, path, headers, agent },
      (res) => {
        let bytes = 0
        res.on('data', (c: Buffer) => (bytes += c.length))
        res.on('end', () => {
          if (res.statusCode !== 200)
            reject(new Error(`HTTP ${res.statusCode}`))
          else resolve({ ms: performance.now() - t0, bytes })
        })
      }
    )
    req.on('error', reject)
    req.end()
  })
}

/** A bare Node HTTP server in its own process answering this body to every request; resolves with its pid and port. */
function bareServer(
  body: string
): Promise<{ pid: number; port: number; kill: () => void }> {
  const script = `
    const body = ${JSON.stringify(body)}
    const s = require('node:http').createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      res.end(body)
    })
    s.listen(0, '127.0.0.1', () => process.stdout.write(s.address().port + '\\n'))
  `
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      stdio: ['ignore', 'pipe', 'ignore']
    })
    child.stdout.once('data', (d: Buffer) =>
      resolve({
        pid: child.pid!,
        port: Number(d.toString().trim()),
        kill: () => child.kill('SIGKILL')
      })
    )
    child.once('error', reject)
  })
}

/** Peak resident set (VmHWM), bytes. */
const peakRss = (pid: number): number => {
  const m = /VmHWM:\s+(\d+) kB/.exec(
    readFileSync(`/proc/${pid}/status`, 'utf8')
  )
  return m ? Number(m[1]) * 1024 : NaN
}

/** Spawn to ready line of a detached Node process that does nothing but listen and write {port, pid} to fd 3. */
async function bareStart(): Promise<number> {
  const script = `
    const s = require('node:http').createServer(() => {})
    s.listen(0, '127.0.0.1', () => {
      require('node:fs').writeSync(3, JSON.stringify({ port: s.address().port, pid: process.pid }) + '\\n')
      setTimeout(() => process.exit(0), 10)
    })
  `
  const t0 = performance.now()
  const child = spawn(process.execPath, ['-e', script], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore', 'pipe']
  })
  child.stdin!.end('{}')
  await new Promise<void>((resolve, reject) => {
    ;(child.stdio[3] as NodeJS.ReadableStream).once('data', () => resolve())
    child.once('error', reject)
  })
  const ms = performance.now() - t0
  await new Promise((r) => child.once('exit', r))
  return ms
}

const micro = (
  label: string,
  ms: number,
  target?: string,
  pass?: boolean
): Row => ({
  label,
  text: `${(ms * 1000).toFixed(0)} µs`,
  ...(target ? { target, pass } : {})
})

export async function caseCredentialServer(o: {
  dist: string
  iterations: number
  quick: boolean
}): Promise<CredentialServerSection> {
  const sec: CredentialServerSection = {
    title: '7. credential server',
    rows: [],
    notes: []
  }
  const TTL = 3
  const emu = await openEmulator({ roleCredentialsTtl: TTL })
  const command = {
    file: process.execPath,
    args: [path.join(o.dist, 'credential-server.js')]
  }
  try {
    // ---- start time
    const starts: number[] = []
    for (let i = 0; i < Math.max(3, o.iterations); i++) {
      const h = handoverFor(await signIn(emu))
      const t0 = performance.now()
      const s = await startCredentialServer(h, { command, env: serverEnv(emu) })
      starts.push(performance.now() - t0)
      await stopCredentialServer({ port: s.port, authToken: h.authToken })
    }
    // The floor: a detached Node process that only listens on 127.0.0.1 and writes the same ready line to fd 3.
    const floors: number[] = []
    for (let i = 0; i < Math.max(3, o.iterations); i++)
      floors.push(await bareStart())
    sec.rows.push({
      label: 'floor: bare detached node, listen, ready line',
      unit: 'ms',
      s: summarize(floors)
    })
    sec.rows.push({
      label: 'startCredentialServer: spawn to ready line',
      unit: 'ms',
      s: summarize(starts),
      target: '≤ 100 ms',
      pass: (summarize(starts)?.median ?? Infinity) <= 100
    })

    // ---- requests from memory vs a bare server
    emu.reset()
    const h = handoverFor(await signIn(emu), { roles: [PRIMARY, SECOND] })
    const s = await startCredentialServer(h, { command, env: serverEnv(emu) })
    const address = { port: s.port, authToken: h.authToken }
    // Long-lived credentials for the latency run: hold them fresh for the whole run.
    const sample = JSON.stringify(
      await serverCredentials(address, PRIMARY.profile)
    )
    const bare = await bareServer(sample)
    const headers = { authorization: h.authToken }
    const agentA = new Agent({ keepAlive: true, maxSockets: 1 })
    const agentB = new Agent({ keepAlive: true, maxSockets: 1 })
    const ours: number[] = []
    const theirs: number[] = []
    const N = 1000
    for (let i = 0; i < 100; i++) {
      await timedGet(agentA, s.port, `/role/${PRIMARY.profile}`, headers) // warm-up
      await timedGet(agentB, bare.port, '/', {})
    }
    let refreshedDuringRun = 0
    for (let batch = 0; batch < N / 50; batch++) {
      for (let i = 0; i < 50; i++) {
        const r = await timedGet(
          agentA,
          s.port,
          `/role/${PRIMARY.profile}`,
          headers
        )
        ours.push(r.ms)
      }
      for (let i = 0; i < 50; i++)
        theirs.push((await timedGet(agentB, bare.port, '/', {})).ms)
    }
    const stats = await (
      await import('../src/credential-server/client.js')
    ).credentialServerReport(address)
    refreshedDuringRun = stats.profiles[0].upstreamFetches - 1
    const p = (v: number[], q: number) => percentile(v, q)
    sec.rows.push(micro('request from memory: p50 (ours)', p(ours, 50)))
    sec.rows.push(
      micro('request from memory: p50 (bare Node server)', p(theirs, 50))
    )
    sec.rows.push(micro('request from memory: p99 (ours)', p(ours, 99)))
    sec.rows.push(
      micro('request from memory: p99 (bare Node server)', p(theirs, 99))
    )
    const r50 = p(ours, 50) / p(theirs, 50)
    const r99 = p(ours, 99) / p(theirs, 99)
    sec.rows.push(one('p50 ours / bare', r50, 'x', '≤ 1.5×', r50 <= 1.5))
    sec.rows.push(one('p99 ours / bare', r99, 'x', '≤ 1.5×', r99 <= 1.5))
    sec.notes.push(
      `7: ${N} sequential requests each, one keep-alive connection per server, interleaved in batches of 50; the answer is ${sample.length} bytes; ${refreshedDuringRun} upstream refresh(es) fell inside the timed requests. Peak RSS is VmHWM from /proc after the latency run, the 100-client burst and one refresh (credentials live ${TTL} s); the bare server took the same latency run`
    )

    // ---- 100 at once with nothing held
    const before = emu
      .roleSessions()
      .filter(
        (r) =>
          r.accountId === SECOND.accountId && r.roleName === SECOND.roleName
      ).length
    await Promise.all(
      Array.from({ length: 100 }, () =>
        serverCredentials(address, SECOND.profile)
      )
    )
    const upstream =
      emu
        .roleSessions()
        .filter(
          (r) =>
            r.accountId === SECOND.accountId && r.roleName === SECOND.roleName
        ).length - before
    sec.rows.push(
      one(
        '100 clients at once, nothing held: GetRoleCredentials calls',
        upstream,
        'n',
        '1',
        upstream === 1
      )
    )

    // ---- peak RSS after (at least) one refresh
    await sleep(TTL * 1000)
    await serverCredentials(address, PRIMARY.profile)
    const after = await (
      await import('../src/credential-server/client.js')
    ).credentialServerReport(address)
    const oursRss = peakRss(s.pid)
    const bareRss = peakRss(bare.pid)
    sec.rows.push(
      one(
        `peak RSS after ${after.profiles[0].upstreamFetches - 1} refresh(es) (ours)`,
        oursRss,
        'MB'
      )
    )
    sec.rows.push(one('peak RSS (bare Node server, same load)', bareRss, 'MB'))
    sec.rows.push(
      one(
        'peak RSS ours − bare',
        oursRss - bareRss,
        'MB',
        '≤ 10 MB',
        oursRss - bareRss <= 10
      )
    )
    agentA.destroy()
    agentB.destroy()
    bare.kill()
    await stopCredentialServer(address)
  } finally {
    await closeEmulator(emu)
  }
  return sec
}
