/**
 * A profile whose credentials come from a command (`credential_process`): the credential server's profiles. The
 * config gets `[profile NAME]` with credential_process, region and output only: no sso_* key, no secret. The command
 * is written with each path in double quotes, which botocore (shlex) and the shells the JS and Go SDKs run it with
 * read back as one word; a path that holds a quote, `$`, a backquote, a backslash or a line break is refused.
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

/** One command line from its parts, each path double-quoted. */
export function commandLine(parts: ProcessProfileSpec['command']): string {
  return parts
    .map(({ text, quote }) => {
      if (text === '' || UNSAFE_IN_QUOTES.test(text))
        throw new Error(
          `invalid credential_process part ${JSON.stringify(text)}: must be non-empty, without " $ \` \\ or line breaks`
        )
      if (quote) return `"${text}"`
      validateValue('credential_process', text)
      return text
    })
    .join(' ')
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
