/**
 * The input table: the one place that knows every input's name, kind, default and description, in the order the
 * reader checks them and action.yml lists them. It drives the reader (reader.ts), action.yml and the README tables
 * (scripts/action-yml.ts) and the CLI flags (src/cli/args.ts). Each file here holds the inputs of one feature.
 */
import type { InputSpec } from '../types.js'
import { TARGET_INPUTS } from './target.js'
import { ACCOUNTS_INPUTS } from './accounts.js'
import { SIGN_IN_INPUTS } from './sign-in.js'
import { NOTIFY_INPUTS } from './notify.js'
import { LEAST_PRIVILEGE_INPUTS } from './least-privilege.js'
import { CHAIN_INPUTS } from './chain.js'
import { SHARED_INPUTS } from './shared.js'
import { MORE_INPUTS } from './more.js'

export const INPUTS: readonly InputSpec[] = Object.freeze([
  ...TARGET_INPUTS,
  ...ACCOUNTS_INPUTS,
  ...SIGN_IN_INPUTS,
  ...NOTIFY_INPUTS,
  ...LEAST_PRIVILEGE_INPUTS,
  ...CHAIN_INPUTS,
  ...SHARED_INPUTS,
  ...MORE_INPUTS
])

const BY_NAME: ReadonlyMap<string, InputSpec> = new Map(
  INPUTS.map((i) => [i.name, i])
)

export function isSecretInput(name: string): boolean {
  return BY_NAME.get(name)?.secret === true
}

export function inputSpec(name: string): InputSpec | undefined {
  return BY_NAME.get(name)
}
