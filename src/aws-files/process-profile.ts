/**
 * A profile whose credentials come from a command (`credential_process`): the credential server's profiles. The
 * config gets `[profile NAME]` with credential_process, region and output only: no sso_* key, no secret.
 *
 * A path with a space or another character a shell reads is written in double quotes, which botocore (shlex) and the
 * shells the JS and Go SDKs run it with read back as one word; a path that holds a quote, `$`, a backquote, a
 * backslash or a line break is refused. The value never opens with a quote: the AWS SDKs for Go (v1 and v2) read such
 * a value as one quoted string and drop everything after its closing quote, so a program path that needs quotes is
 * run through `/usr/bin/env`.
 */
import {
  validateName,
  validateValue,
  type SectionSpec
} from './config-render.js'
import { renderProfileSection } from './credentials-file.js'

export interface ProcessProfileSpec {
  name: string
  /** The program and its arguments; a `quote: true` part is a path written in double quotes. */
  command: { text: string; quote?: boolean }[]
  region?: string
  output?: string
}

const UNSAFE_IN_QUOTES = /["$`\\\r\n\t]/
/** A word every shell and shlex read as itself, without quotes. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/

/** A path as one word of the command: bare when it is a plain word, else in double quotes. */
export function pathWord(text: string): string {
  return PLAIN_WORD.test(text) ? text : `"${text}"`
}

/** One command line from its parts; a path is double-quoted only when it needs it, and never first. */
export function commandLine(parts: ProcessProfileSpec['command']): string {
  const words = parts.map(({ text, quote }) => {
    if (text === '' || UNSAFE_IN_QUOTES.test(text))
      throw new Error(
        `invalid credential_process part ${JSON.stringify(text)}: must be non-empty, without " $ \` \\ or line breaks`
      )
    if (quote) return pathWord(text)
    validateValue('credential_process', text)
    return text
  })
  if (words[0]?.startsWith('"')) words.unshift('/usr/bin/env')
  return words.join(' ')
}

/** `[profile NAME]` with credential_process (+ region, output). */
export function renderProcessProfileSection(
  profile: ProcessProfileSpec
): SectionSpec {
  validateName('profile', profile.name)
  return renderProfileSection(profile, [
    `credential_process = ${commandLine(profile.command)}`
  ])
}
