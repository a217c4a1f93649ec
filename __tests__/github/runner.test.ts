/** Our runner protocol speaks exactly what @actions/core writes (core stays a dev dependency, as the judge). */
import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import * as runner from '../../src/github/runner.js'
import { readCommandFile } from '../e2e/runner.js'

function captureStdout(fn: () => void): string {
  let out = ''
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: any) => ((out += String(chunk)), true))
  try {
    fn()
  } finally {
    spy.mockRestore()
  }
  return out
}

const awkward = 'a%b\r\nc:d,e ::x:: 100%'

test.each([
  ['setSecret', () => core.setSecret(awkward), () => runner.setSecret(awkward)],
  ['warning with title', () => core.warning(awkward, { title: 'T: a,b' }), () => runner.warning(awkward, { title: 'T: a,b' })],
  ['notice', () => core.notice('see https://x/y?a=1,2'), () => runner.notice('see https://x/y?a=1,2')],
  ['error', () => core.error('multi\nline'), () => runner.error('multi\nline')],
  ['debug', () => core.debug('d%'), () => runner.debug('d%')],
  ['info', () => core.info('plain'), () => runner.info('plain')]
])('%s is written as @actions/core writes it', (_name, theirs, ours) => {
  expect(captureStdout(ours)).toBe(captureStdout(theirs))
})

test('file commands (env, output, state) are read back by the same parser as @actions/core output', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'runner-'))
  for (const name of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE']) {
    const file = path.join(dir, name)
    writeFileSync(file, '')
    process.env[name] = file
  }
  runner.exportVariable('AWS_REGION', 'us-west-2')
  runner.setOutput('arn', 'arn:aws:sts::111122223333:assumed-role/R/alice')
  runner.saveState('session', '{"a":"multi\nline"}')
  core.exportVariable('THEIRS', 'x')
  expect(readCommandFile(process.env.GITHUB_ENV!)).toEqual({ AWS_REGION: 'us-west-2', THEIRS: 'x' })
  expect(readCommandFile(process.env.GITHUB_OUTPUT!)).toEqual({ arn: 'arn:aws:sts::111122223333:assumed-role/R/alice' })
  expect(readCommandFile(process.env.GITHUB_STATE!)).toEqual({ session: '{"a":"multi\nline"}' })
  expect(process.env.AWS_REGION).toBe('us-west-2')
  const ours = readFileSync(process.env.GITHUB_ENV!, 'utf8').split('\n')[0]
  expect(ours).toMatch(/^AWS_REGION<<ghadelimiter_[0-9a-f-]{36}$/)
})

test('getInput reads INPUT_<NAME> like core.getInput, trimmed', () => {
  process.env['INPUT_START-URL'] = '  https://x.awsapps.com/start  '
  expect(runner.getInput('start-url')).toBe(core.getInput('start-url'))
  expect(runner.getInput('missing-input')).toBe('')
})
