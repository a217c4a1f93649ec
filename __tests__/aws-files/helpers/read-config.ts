/**
 * Test oracle: reads values (never for writing) with botocore's rules: configparser lines, nested `s3 =` blocks and
 * `build_profile_map`. (The `ini` package is not used here: it splits `[profile a.b]` at the dot, turns `true` into a
 * boolean and flattens nested blocks, so it would misreport such files.)
 */
import {
  parseNested,
  parseStructure,
  sectionKey
} from '../../../src/aws-files/ini-structure.js'

export type ConfigValue = string | Record<string, string>
export type ConfigSection = Record<string, ConfigValue>

export interface ConfigView {
  /** Profiles by name (`[default]` is `default`), as botocore's `build_profile_map` builds them. */
  profiles: Record<string, ConfigSection>
  ssoSessions: Record<string, ConfigSection>
  services: Record<string, ConfigSection>
  /** Every section by its raw name, as botocore's `raw_config_parse` returns them. */
  raw: Record<string, ConfigSection>
  /** 1-based line numbers botocore would reject (it refuses the whole file then). */
  errorLines: number[]
  /** Raw section names that appear more than once (botocore refuses such a file). */
  duplicateSections: string[]
}

export function readConfig(text: string): ConfigView {
  const st = parseStructure(text)
  const raw: Record<string, ConfigSection> = Object.create(null)
  const defaults: ConfigSection = {}
  const seen = new Set<string>()
  const duplicateSections: string[] = []
  const toValue = (v: string): ConfigValue =>
    v.startsWith('\n') ? (parseNested(v) ?? v) : v
  for (const s of st.sections) {
    if (s.name === 'DEFAULT') {
      for (const [k, v] of s.options) defaults[k] = toValue(v)
      continue
    }
    if (seen.has(s.name)) duplicateSections.push(s.name)
    seen.add(s.name)
    const sec = (raw[s.name] ??= {})
    for (const [k, v] of s.options) sec[k] = toValue(v)
  }
  for (const name of Object.keys(raw)) raw[name] = { ...defaults, ...raw[name] }
  const profiles: Record<string, ConfigSection> = Object.create(null)
  const ssoSessions: Record<string, ConfigSection> = Object.create(null)
  const services: Record<string, ConfigSection> = Object.create(null)
  for (const [name, values] of Object.entries(raw)) {
    const key = sectionKey(name)
    const colon = key.indexOf(':')
    const kind = key.slice(0, colon)
    const id = key.slice(colon + 1)
    if (kind === 'profile') profiles[id] = values
    else if (kind === 'sso-session') ssoSessions[id] = values
    else if (kind === 'services') services[id] = values
  }
  return {
    profiles,
    ssoSessions,
    services,
    raw,
    errorLines: st.errors.map((i) => i + 1),
    duplicateSections
  }
}
