/**
 * The GitHub runner's protocol, as far as this action uses it: inputs, workflow commands on stdout
 * (`::add-mask::`, `::warning::`, …) and the GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files.
 *
 * Same names and formats as @actions/core (https://docs.github.com/actions/reference/workflow-commands-for-github-actions),
 * written out here because @actions/core 3 eagerly loads its OIDC client (@actions/http-client and undici, ~1 MB of the
 * bundle) on import, which this action never uses: measured, it was most of the time before the approver's link appeared.
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { EOL } from 'node:os'

export interface AnnotationProperties {
  title?: string
}

/** `INPUT_<NAME>` as the runner sets it (spaces become `_`, upper case), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** `::command key=value,…::message` on stdout. */
export function issueCommand(command: string, properties: Record<string, string | undefined>, message: string): void {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(v!)}`)
    .join(',')
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`)
}

/** Appends `key<<delimiter … delimiter` to the runner file named by `envName` (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE). */
function fileCommand(envName: string, key: string, value: string): void {
  const file = process.env[envName]
  if (!file) throw new Error(`${envName} is not set: this is not a GitHub Actions runner step`)
  if (!existsSync(file)) throw new Error(`${envName} points to a missing file`)
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (key.includes(delimiter) || value.includes(delimiter)) throw new Error('unexpected delimiter in a runner file command')
  appendFileSync(file, `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
}

/** Registers a secret with the runner's log masker; every later occurrence in the log shows as ***. */
export function setSecret(secret: string): void {
  if (secret) issueCommand('add-mask', {}, secret)
}

export function exportVariable(name: string, value: string): void {
  process.env[name] = value
  fileCommand('GITHUB_ENV', name, value)
}

export function setOutput(name: string, value: string): void {
  fileCommand('GITHUB_OUTPUT', name, value)
}

/** State for this action's post step (the runner hands it over as STATE_<name>). */
export function saveState(name: string, value: string): void {
  fileCommand('GITHUB_STATE', name, value)
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}

export const info = (message: string): void => void process.stdout.write(`${message}${EOL}`)
export const debug = (message: string): void => issueCommand('debug', {}, message)
export const warning = (message: string, props: AnnotationProperties = {}): void => issueCommand('warning', { ...props }, message)
export const notice = (message: string, props: AnnotationProperties = {}): void => issueCommand('notice', { ...props }, message)
export const error = (message: string, props: AnnotationProperties = {}): void => issueCommand('error', { ...props }, message)

export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** Replaces this step's job summary (GITHUB_STEP_SUMMARY); the runner shows it when the step ends. */
export function writeSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set: no job summary is available')
  writeFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}${EOL}`, { encoding: 'utf8' })
}
