/**
 * Which process listens on a loopback TCP port (Linux: /proc/net/tcp and /proc/<pid>/fd), so that a server that did
 * not close its port is killed only when it really is the process listening there. Elsewhere: unknown (undefined).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

/** The socket inodes listening on `port` (IPv4 and IPv6 tables). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>()
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0')
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string
    try {
      text = readFileSync(table, 'utf8')
    } catch {
      continue
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/)
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      if (f.length < 10) continue
      if (f[1].split(':')[1] === hexPort && f[3] === '0A') inodes.add(f[9])
    }
  }
  return inodes
}

/** The pid of the process listening on 127.0.0.1:`port`, when it can be found (Linux, a process of this user). */
export function pidListeningOn(port: number): number | undefined {
  if (process.platform !== 'linux') return undefined
  const inodes = listeningInodes(port)
  if (inodes.size === 0) return undefined
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let fds: string[]
    try {
      fds = readdirSync(`/proc/${entry}/fd`)
    } catch {
      continue
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(
          readlinkSync(`/proc/${entry}/fd/${fd}`)
        )
        if (m && inodes.has(m[1])) return Number(entry)
      } catch {
        // gone meanwhile
      }
    }
  }
  return undefined
}
