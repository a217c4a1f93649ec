// `node dist/cli.js --credential-process …` run from the sources (through tsx): what src/index.ts dispatches to.
import { runCredentialProcess } from '../../src/credential-server/credential-process.js'

process.exitCode = await runCredentialProcess(process.argv.slice(2))
