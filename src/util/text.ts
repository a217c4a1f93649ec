/**
 * The one set of characters that must never reach a log line, a comment, a config file or a terminal unescaped:
 * C0 controls, DEL, C1 controls, soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width and bidi
 * marks/overrides/isolates (Trojan Source), line/paragraph separators, word joiners and invisible operators, BOM and
 * interlinear annotation characters. The input rules reject them; the message renderer strips them.
 */
export const CONTROL_SOURCE =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb]'

/**
 * A line that starts with `::` (after blanks) is a workflow command to the GitHub runner. Text logged with
 * core.info is written raw, so any line of it that would be read as a command is defused (`::` → `: :`):
 * server text can never become `::warning::`, `::add-mask::` or `::stop-commands::`.
 */
export function defuseWorkflowCommands(text: string): string {
  return text.replace(/^([ \t]*):(?=:)/gm, '$1: ')
}
