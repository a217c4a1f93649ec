/**
 * Interop with botocore / AWS CLI v1 (`python3 -m awscli`): the emulator must satisfy a second, independent
 * implementation of the wire protocols (error parsing from x-amzn-ErrorType, pagination, SigV4 signing, STS XML).
 * The CLI runs with an explicit environment: nothing AWS_* is inherited from the test process.
 * Skipped (with a note) only when no python3 with the awscli module is on the machine.
 */
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc'
import { GetRoleCredentialsCommand, SSOClient } from '@aws-sdk/client-sso'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { login, oidcClient, ssoClient } from './helpers.js'
import { skippedBecause } from '../skipped-because.js'

function findPython(): string | undefined {
  // find_spec locates the modules without importing them (importing awscli costs a second).
  const code =
    "import sys, importlib.util as u; print(sys.executable if u.find_spec('awscli') and u.find_spec('botocore') else '')"
  const probe = spawnSync('python3', ['-c', code], {
    encoding: 'utf8',
    timeout: 20000
  })
  return probe.status === 0 && probe.stdout.trim()
    ? probe.stdout.trim()
    : undefined
}

const python = findPython()
if (!python) skippedBecause('no python3 with the awscli module')
const describeCli = python ? describe : describe.skip

interface CliResult {
  code: number
  stdout: string
  stderr: string
}

let emu: Emulator
let oidc: SSOOIDCClient
let sso: SSOClient
let home: string

function aws(
  args: string[],
  extraEnv: Record<string, string> = {}
): Promise<CliResult> {
  return run(['-m', 'awscli', ...args, '--output', 'json'], extraEnv)
}

/** python3 with an explicit environment: PATH, a temp HOME and config files, the emulator's endpoints, nothing else AWS_*. */
function run(
  args: string[],
  extraEnv: Record<string, string> = {}
): Promise<CliResult> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_SSO_OIDC: emu.url,
    AWS_ENDPOINT_URL_SSO: emu.url,
    AWS_ENDPOINT_URL_STS: emu.url,
    ...extraEnv
  }
  return new Promise((resolve) => {
    execFile(
      python as string,
      args,
      { env, timeout: 20000 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? ((error as any).code ?? 1) : 0,
          stdout,
          stderr
        })
      }
    )
  })
}

describeCli('AWS CLI v1 / botocore against the emulator', () => {
  beforeAll(async () => {
    emu = await startEmulator()
    oidc = oidcClient(emu.url)
    sso = ssoClient(emu.url)
    home = mkdtempSync(join(tmpdir(), 'emulator-awscli-'))
    // CLI v1 would otherwise try to download a --start-url parameter that looks like a URL.
    writeFileSync(
      join(home, 'config'),
      '[default]\ncli_follow_urlparam = false\n'
    )
    writeFileSync(join(home, 'credentials'), '')
  })
  afterAll(async () => {
    oidc.destroy()
    sso.destroy()
    await emu.close()
    rmSync(home, { recursive: true, force: true })
  })

  test('aws sso-oidc register-client, aws sts get-caller-identity, and a botocore script through every operation', async () => {
    // Role credentials for the CLI's GetCallerIdentity, obtained through the JS SDK.
    const alice = await login(emu, oidc, 'alice')
    const rc = (
      await sso.send(
        new GetRoleCredentialsCommand({
          accessToken: alice.accessToken,
          accountId: '111122223333',
          roleName: 'DeveloperAccess'
        })
      )
    ).roleCredentials!
    const roleEnv = {
      AWS_ACCESS_KEY_ID: rc.accessKeyId!,
      AWS_SECRET_ACCESS_KEY: rc.secretAccessKey!,
      AWS_SESSION_TOKEN: rc.sessionToken!
    }

    // Three Python processes at once: the machine may have only two cores, so the botocore checks share one process.
    const [register, identity, script] = await Promise.all([
      aws([
        'sso-oidc',
        'register-client',
        '--client-name',
        'x',
        '--client-type',
        'public'
      ]),
      aws(['sts', 'get-caller-identity'], roleEnv),
      botocore()
    ])

    expect(register.stderr).toBe('')
    expect(register.code).toBe(0)
    const registered = JSON.parse(register.stdout)
    expect(registered.clientId).toMatch(/^[\w-]{20,}$/)
    expect(registered.clientSecretExpiresAt).toBeGreaterThan(
      registered.clientIdIssuedAt
    )
    expect(
      emu
        .clients()
        .some(
          (c) =>
            c.clientId === registered.clientId &&
            c.clientName === 'x' &&
            c.scopes.length === 0
        )
    ).toBe(true)

    expect(identity.stderr).toBe('')
    expect(identity.code).toBe(0)
    const id = JSON.parse(identity.stdout)
    expect(id.Account).toBe('111122223333')
    expect(id.Arn).toMatch(
      /^arn:aws:sts::111122223333:assumed-role\/AWSReservedSSO_DeveloperAccess_[0-9a-f]{16}\/alice$/
    )
    expect(id.UserId).toMatch(/^AROA[A-Z2-7]{17}:alice$/)

    expect(script.stderr).toBe('')
    expect(script.code).toBe(0)
    const out = JSON.parse(script.stdout)
    expect(out.verificationUriComplete).toMatch(
      new RegExp(`^${emu.url}/platform/authorize\\?request_uri=[\\w%-]+$`)
    )
    expect(out.pending).toEqual({
      code: 'AuthorizationPendingException',
      status: 400
    })
    expect(out.slowDown).toEqual({ code: 'SlowDownException', status: 400 })
    expect(out.token).toEqual({
      tokenType: 'Bearer',
      expiresIn: 28800,
      hasRefresh: true
    })
    expect(out.reused).toEqual({ code: 'InvalidGrantException', status: 400 })
    expect(out.badClient).toEqual({
      code: 'InvalidClientException',
      status: 401
    })
    expect(out.rotated).toBe(true)
    expect(out.replay).toEqual({ code: 'InvalidGrantException', status: 400 })
    expect(out.accountPages).toEqual([
      ['111122223333'],
      ['444455556666'],
      ['777788889999']
    ])
    expect(out.roles).toEqual(['DeveloperAccess', 'ReadOnly'])
    expect(out.expirationIsEpochMs).toBe(true)
    expect(out.forbidden).toEqual({
      code: 'ForbiddenException',
      status: 403,
      message: 'No access'
    })
    expect(out.identity.Account).toBe('444455556666')
    expect(out.identity.Arn).toMatch(
      /^arn:aws:sts::444455556666:assumed-role\/AWSReservedSSO_ReadOnly_[0-9a-f]{16}\/bob$/
    )
    expect(out.badSignature).toEqual({
      code: 'SignatureDoesNotMatch',
      status: 403
    })
    expect(out.badToken).toEqual({ code: 'InvalidClientTokenId', status: 403 })
    expect(out.afterFault).toBe(3)
    expect(out.afterLogout).toEqual({
      code: 'UnauthorizedException',
      status: 401,
      message: 'Session token not found or invalid'
    })

    // What the emulator saw from botocore.
    const approvedByBob = emu.tokens().filter((t) => t.user === 'bob')
    expect(approvedByBob.map((t) => t.grant)).toEqual([
      'device_code',
      'refresh_token'
    ])
    expect(approvedByBob[1].revoked).toBe(true) // logged out
    const sts = emu.calls().filter((c) => c.operation === 'GetCallerIdentity')
    expect(sts.map((c) => [c.status, c.region]).sort()).toEqual([
      [200, 'eu-central-1'],
      [200, 'us-east-1'],
      [403, 'eu-central-1'],
      [403, 'eu-central-1']
    ])
    expect(
      emu
        .calls()
        .filter((c) => c.operation === 'ListAccounts')
        .map((c) => c.status)
    ).toEqual([200, 200, 200, 500, 200, 401])
  })
})

/** One botocore session through the whole flow; it approves through the HTTP control API. Prints one JSON object. */
const BOTOCORE_SCRIPT = String.raw`
import json, os, urllib.request
import botocore.session
from botocore.exceptions import ClientError

url = os.environ['EMULATOR_URL']
def control(path, body):
    req = urllib.request.Request(url + '/_control/' + path, data=json.dumps(body).encode(), headers={'content-type': 'application/json'}, method='POST')
    return json.load(urllib.request.urlopen(req))

def err(fn, message=False):
    try:
        fn()
        return None
    except ClientError as e:
        out = {'code': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode']}
        if message:
            out['message'] = e.response['Error'].get('Message')
        return out

DEVICE = 'urn:ietf:params:oauth:grant-type:device_code'
s = botocore.session.get_session()
oidc = s.create_client('sso-oidc', region_name='us-east-1')
sso = s.create_client('sso', region_name='us-east-1')
out = {}
reg = oidc.register_client(clientName='botocore-client-test', clientType='public', scopes=['sso:account:access'])
start = oidc.start_device_authorization(clientId=reg['clientId'], clientSecret=reg['clientSecret'], startUrl='https://d-1234567890.awsapps.com/start')
out['userCode'] = start['userCode']
out['verificationUriComplete'] = start['verificationUriComplete']
ct = lambda **kw: oidc.create_token(clientId=reg['clientId'], clientSecret=reg['clientSecret'], **kw)
out['pending'] = err(lambda: ct(grantType=DEVICE, deviceCode=start['deviceCode']))
control('slow-down', {'count': 1})
out['slowDown'] = err(lambda: ct(grantType=DEVICE, deviceCode=start['deviceCode']))
control('approve', {'userCode': start['userCode'], 'user': 'bob'})
tok = ct(grantType=DEVICE, deviceCode=start['deviceCode'])
out['token'] = {'tokenType': tok['tokenType'], 'expiresIn': tok['expiresIn'], 'hasRefresh': 'refreshToken' in tok}
out['reused'] = err(lambda: ct(grantType=DEVICE, deviceCode=start['deviceCode']))
out['badClient'] = err(lambda: oidc.create_token(clientId=reg['clientId'], clientSecret='wrong', grantType=DEVICE, deviceCode=start['deviceCode']))
ref = ct(grantType='refresh_token', refreshToken=tok['refreshToken'])
out['rotated'] = ref['refreshToken'] != tok['refreshToken']
out['replay'] = err(lambda: ct(grantType='refresh_token', refreshToken=tok['refreshToken']))
at = ref['accessToken']
pages = sso.get_paginator('list_accounts').paginate(accessToken=at, PaginationConfig={'PageSize': 1})
out['accountPages'] = [[a['accountId'] for a in p['accountList']] for p in pages]
out['roles'] = [r['roleName'] for r in sso.list_account_roles(accessToken=at, accountId='111122223333')['roleList']]
rc = sso.get_role_credentials(accessToken=at, accountId='444455556666', roleName='ReadOnly')['roleCredentials']
out['expirationIsEpochMs'] = rc['expiration'] > 10**12
out['forbidden'] = err(lambda: sso.get_role_credentials(accessToken=at, accountId='444455556666', roleName='Nope'), True)
creds = dict(aws_access_key_id=rc['accessKeyId'], aws_secret_access_key=rc['secretAccessKey'], aws_session_token=rc['sessionToken'])
sts = s.create_client('sts', region_name='eu-central-1', **creds)
ident = sts.get_caller_identity()
out['identity'] = {k: ident[k] for k in ('Account', 'Arn', 'UserId')}
bad = s.create_client('sts', region_name='eu-central-1', **dict(creds, aws_secret_access_key='x' + rc['secretAccessKey'][1:]))
out['badSignature'] = err(lambda: bad.get_caller_identity())
forged = s.create_client('sts', region_name='eu-central-1', **dict(creds, aws_session_token=rc['sessionToken'][:-4] + 'AAAA'))
out['badToken'] = err(lambda: forged.get_caller_identity())
control('fault', {'operation': 'ListAccounts', 'kind': '5xx', 'count': 1})
out['afterFault'] = len(sso.list_accounts(accessToken=at)['accountList'])
sso.logout(accessToken=at)
out['afterLogout'] = err(lambda: sso.list_accounts(accessToken=at), True)
print(json.dumps(out))
`

function botocore(): Promise<CliResult> {
  return run(['-c', BOTOCORE_SCRIPT], { EMULATOR_URL: emu.url })
}
