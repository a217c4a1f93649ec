// The credential server's process run from the sources (through tsx): what dist/credential-server.js runs in the bundle.
import { main } from '../../src/credential-server/entry.js'

void main()
