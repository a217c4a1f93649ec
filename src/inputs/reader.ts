/**
 * Reads and validates every input of a login request, before any network call.
 *
 * The GitHub Action passes `core.getInput`, the CLI passes the getter built by `parseCliArgs`; this
 * module imports neither @actions/* nor anything that touches the network.
 *
 * ## Errors
 *
 * A bad value throws an {@link InputError} whose message names the input and says what is wrong:
 *
 *     Input "account-id": must be 12 digits, got "1234"
 *
 * - Values of secret inputs (`github-token`, `webhook-url`) are never echoed, not even in part.
 * - Other values are echoed in double quotes with `"` and `\` escaped, control and invisible
 *   formatting characters shown as escapes (`\n`, `\u0007`, `\u202e`), cut to 60 characters
 *   (`"aaaa…" (300 characters)`), user:password in URLs masked, and values that look like tokens
 *   or webhook URLs (ghp_…, github_pat_…, AKIA…, xoxb-…, hooks.slack.com/…) replaced by a note.
 *
 * ## Order
 *
 * Inputs are checked one at a time in the order of the {@link INPUTS} table, and the FIRST problem
 * found is thrown. Within an input: control characters → the value of its kind (read-value.ts) →
 * the rules against earlier inputs that come first (combinations.ts) → its own check (checks.ts) →
 * the other rules against earlier inputs. A rule between two inputs is reported on the later one.
 *
 * ## Whitespace
 *
 * Control characters (C0, DEL, C1) and invisible formatting characters (zero-width, bidi
 * overrides, U+2028/U+2029, BOM) are rejected in every value, before any trimming; only
 * `profiles` may contain line breaks (LF or CRLF) and tabs. Surrounding spaces are then trimmed
 * from URLs, the account id, booleans, numbers, durations, enumerations and list items. Names that
 * end up in ~/.aws/config (`profile`, `sso-session`, `role-name`, `region`, `sso-region`) are NOT
 * trimmed: surrounding spaces are an error there (`core.getInput` trims anyway, so this only ever
 * bites on the CLI, where it points at a quoting mistake).
 */
import { INPUTS } from './table/index.js'
import type { InputSpec, LoginRequest } from './types.js'
import { InputError } from './rules.js'
import { plainValue, rawValue } from './read-value.js'
import { CHECKS } from './checks.js'
import { ONLY_WITH, combinationProblem } from './combinations.js'
import type { EarlierValues, InputName, InputValues } from './input-values.js'
import { buildCommand, type Command } from './build-request.js'

export type { Command }

/**
 * Reads every input through `get` ('' when unset), validates it, applies defaults, and returns the
 * request. Throws the first {@link InputError} found, in {@link INPUTS} order; end-session, which
 * is not a sign-in, is an {@link InputError} here (the edges read it with {@link readCommand}).
 */
export function readLoginRequest(get: (name: string) => string): LoginRequest {
  const command = readCommand(get)
  if (command.kind === 'end-session')
    throw new InputError(
      'end-session',
      'is a command of its own, not a sign-in'
    )
  return command.request
}

/**
 * Reads every input through `get` ('' when unset), validates it, applies defaults, and returns
 * what is asked for. Throws the first {@link InputError} found, in {@link INPUTS} order.
 */
export function readCommand(get: (name: string) => string): Command {
  const peek = (name: InputName): string => {
    const got: unknown = get(name)
    return got === undefined || got === null ? '' : String(got).trim()
  }
  const earlier: EarlierValues = {}
  for (const spec of INPUTS) {
    const name = spec.name as InputName
    const value = readInput(spec, get(name), earlier, peek)
    ;(earlier as Record<string, unknown>)[name] = value
  }
  const ssoSessionGiven = String(get('sso-session') ?? '') !== ''
  return buildCommand(earlier as InputValues, ssoSessionGiven)
}

/** One input: its raw value, its kind's value, the rules against earlier inputs and its own check. */
function readInput(
  spec: InputSpec,
  got: unknown,
  earlier: EarlierValues,
  peek: (name: InputName) => string
): unknown {
  const name = spec.name as InputName
  const fail = (problem: string | undefined): void => {
    if (problem) throw new InputError(name, problem)
  }
  const gate = ONLY_WITH.find((g) => g.inputs.includes(name))
  if (gate && !gate.given(earlier)) {
    const text = rawValue(spec, got, true).trim()
    if (text !== '' && text !== spec.default) fail(gate.problem)
    return undefined
  }
  const plain = plainValue(spec, rawValue(spec, got))
  fail(combinationProblem(name, 'before', { value: plain, earlier, peek }))
  const check = CHECKS[name] as
    ((value: typeof plain, earlier: EarlierValues) => unknown) | undefined
  const value = check ? check(plain, earlier) : plain
  fail(
    combinationProblem(name, 'after', {
      value: value as typeof plain,
      earlier,
      peek
    })
  )
  return value
}
