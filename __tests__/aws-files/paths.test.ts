import path from 'node:path'
import { awsPaths, expandUser, expandVars } from '../../src/aws-files/paths.js'

describe('awsPaths', () => {
  test('defaults under the home directory', () => {
    const p = awsPaths({}, '/home/runner', 'linux')
    expect(p).toEqual({
      configFile: '/home/runner/.aws/config',
      credentialsFile: '/home/runner/.aws/credentials',
      ssoCacheDir: '/home/runner/.aws/sso/cache',
      awsDir: '/home/runner/.aws'
    })
  })

  test('AWS_CONFIG_FILE with ~ and variables expanded like botocore (expandvars then expanduser)', () => {
    expect(
      awsPaths({ AWS_CONFIG_FILE: '~/custom/config' }, '/home/u', 'linux')
        .configFile
    ).toBe('/home/u/custom/config')
    expect(
      awsPaths({ AWS_CONFIG_FILE: '~' }, '/home/u', 'linux').configFile
    ).toBe('/home/u')
    expect(
      awsPaths(
        { AWS_CONFIG_FILE: '$CFG/config', CFG: '/etc/aws' },
        '/home/u',
        'linux'
      ).configFile
    ).toBe('/etc/aws/config')
    expect(
      awsPaths(
        { AWS_CONFIG_FILE: '${CFG}/config', CFG: '/etc/aws' },
        '/home/u',
        'linux'
      ).configFile
    ).toBe('/etc/aws/config')
    // unknown variables stay as written, like Python
    expect(
      awsPaths({ AWS_CONFIG_FILE: '/x/$NOPE/config' }, '/home/u', 'linux')
        .configFile
    ).toBe('/x/$NOPE/config')
    // ~user is left alone
    expect(expandUser('~other/x', '/home/u', 'linux')).toBe('~other/x')
  })

  test('AWS_SHARED_CREDENTIALS_FILE moves the credentials file (expanded like botocore), empty means unset', () => {
    expect(
      awsPaths(
        { AWS_SHARED_CREDENTIALS_FILE: '~/keys/creds' },
        '/home/u',
        'linux'
      ).credentialsFile
    ).toBe('/home/u/keys/creds')
    expect(
      awsPaths(
        { AWS_SHARED_CREDENTIALS_FILE: '$K/creds', K: '/etc/k' },
        '/home/u',
        'linux'
      ).credentialsFile
    ).toBe('/etc/k/creds')
    expect(
      awsPaths({ AWS_SHARED_CREDENTIALS_FILE: '' }, '/home/u', 'linux')
        .credentialsFile
    ).toBe('/home/u/.aws/credentials')
    expect(
      awsPaths({ AWS_CONFIG_FILE: '/x/config' }, '/home/u', 'linux')
        .credentialsFile
    ).toBe('/home/u/.aws/credentials')
  })

  test('the SSO cache never moves with AWS_CONFIG_FILE', () => {
    const p = awsPaths(
      { AWS_CONFIG_FILE: '/tmp/elsewhere/config' },
      '/home/u',
      'linux'
    )
    expect(p.configFile).toBe('/tmp/elsewhere/config')
    expect(p.ssoCacheDir).toBe('/home/u/.aws/sso/cache')
  })

  test('empty AWS_CONFIG_FILE means unset; relative resolves against cwd', () => {
    expect(
      awsPaths({ AWS_CONFIG_FILE: '' }, '/home/u', 'linux').configFile
    ).toBe('/home/u/.aws/config')
    expect(
      awsPaths({ AWS_CONFIG_FILE: 'rel/config' }, '/home/u').configFile
    ).toBe(path.resolve('rel/config'))
  })

  test('Windows paths', () => {
    const p = awsPaths(
      {
        AWS_CONFIG_FILE: '%USERPROFILE%\\cfg\\config',
        USERPROFILE: 'C:\\Users\\me'
      },
      'C:\\Users\\me',
      'win32'
    )
    expect(p.configFile).toBe('C:\\Users\\me\\cfg\\config')
    expect(p.ssoCacheDir).toBe('C:\\Users\\me\\.aws\\sso\\cache')
    expect(expandUser('~\\x\\config', 'C:\\Users\\me', 'win32')).toBe(
      'C:\\Users\\me\\x\\config'
    )
    expect(
      expandVars('%userprofile%\\a', { USERPROFILE: 'C:\\U' }, 'win32')
    ).toBe('C:\\U\\a')
  })
})
