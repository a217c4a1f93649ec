/**
 * Escaping: every value from the event or the context is untrusted (branch names, workflow names and actors are
 * chosen by whoever pushes) and goes through one of these before it is rendered.
 */
import { CONTROL_SOURCE } from '../../util/text.js'
import { LIMIT } from './types.js'

const ZWJ = '\u200d'

/**
 * Control characters, line/paragraph separators, bidi overrides and isolates (Trojan Source), and invisible
 * characters (zero-width space/joiners, LRM/RLM, word joiner, invisible operators, BOM) that could hide
 * or disguise part of a value.
 */
const UNSAFE_CHARS = new RegExp(CONTROL_SOURCE, 'g')

function truncate(s: string, max: number): string {
  const chars = Array.from(s)
  return chars.length <= max
    ? s
    : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`
}

/** One line of plain text: no control characters or newlines, at most `max` characters. */
export function cleanText(value: unknown, max = LIMIT.short): string {
  const s = String(value ?? '')
    .replace(/\r\n?|\n|\t/g, ' ')
    .replace(UNSAFE_CHARS, '')
  return truncate(s, max)
}

/** Break autolinks, @mentions, #references and GH-123 references with a zero-width joiner (invisible when rendered). */
function breakLinks(s: string): string {
  return s
    .replace(/@/g, `@${ZWJ}`)
    .replace(/#/g, `#${ZWJ}`)
    .replace(/:\/\//g, `:${ZWJ}//`)
    .replace(/\b(www)\./gi, `$1${ZWJ}.`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`)
}

/**
 * Chat clients (Slack, Teams) also link bare domain names: `login.evil.com/approve` would become a link to a
 * page the attacker chose. Every dot between two labels of a domain-like word gets a zero-width joiner.
 */
function breakDomains(s: string): string {
  return s.replace(
    /\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z][a-z0-9-]*[a-z0-9]\b/gi,
    (word) => word.replace(/\.(?=[a-z0-9])/gi, `.${ZWJ}`)
  )
}

/**
 * Escape a value for GitHub-flavoured Markdown, inline or inside a table cell: no HTML, links,
 * images, emphasis, math, mentions, issue references or autolinks survive, and `|` / newlines
 * cannot break a table row.
 */
export function escapeMarkdown(value: unknown, max = LIMIT.short): string {
  const s = cleanText(value, max).replace(/[\\`*_{}[\]()<>#!|~$&]/g, '\\$&')
  return breakLinks(s)
}

/** A code span (no mentions, links or HTML inside); safe inside a table cell too. */
export function codeSpan(value: unknown, max = LIMIT.short): string {
  const s = cleanText(value, max)
    .replace(/`/g, 'ˋ')
    .replace(/\|/g, '\\|')
    .trim()
  return s === '' ? '' : `\`${s}\``
}

/**
 * Escape a value for a chat webhook (Slack mrkdwn, Teams markdown): entity-escape `& < >`
 * (Slack's own rule, which also stops `<!channel>`), and break links, mentions and `[x](y)`.
 */
export function escapeChat(value: unknown, max = LIMIT.short): string {
  const s = cleanText(value, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
  return breakDomains(breakLinks(s)).replace(/\]\(/g, `]${ZWJ}(`)
}

/** An http(s) URL safe for a Markdown link destination, or undefined. */
export function safeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  const href = url.href.replace(
    /[()<>\s"'`\\[\]|]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
  return href.length > 2000 ? undefined : href
}
