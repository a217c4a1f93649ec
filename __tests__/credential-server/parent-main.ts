// A step that starts the credential server and ends: handover on stdin (test only), {pid, port, ms} on stdout.
import { startCredentialServer } from '../../src/credential-server/spawn.js'
import { serverCommand } from './helpers.js'

const chunks: Buffer[] = []
for await (const c of process.stdin) chunks.push(c as Buffer)
const { handover, env } = JSON.parse(Buffer.concat(chunks).toString('utf8'))
const t0 = performance.now()
const started = await startCredentialServer(handover, {
  command: serverCommand(),
  env
})
process.stdout.write(
  `${JSON.stringify({ ...started, ms: performance.now() - t0 })}\n`
)
