/** Shared helpers for the emulator tests: real SDK clients pointed at the emulator, and a one-call login. */
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand
} from '@aws-sdk/client-sso-oidc'
import { SSOClient } from '@aws-sdk/client-sso'
import { STSClient } from '@aws-sdk/client-sts'
import type { Emulator } from '../../emulator/server.js'

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'
export const START_URL = 'https://d-1234567890.awsapps.com/start'
const DUMMY = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'not-used-by-unsigned-operations'
}

export function oidcClient(url: string, maxAttempts = 3): SSOOIDCClient {
  return new SSOOIDCClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: DUMMY,
    maxAttempts
  })
}

export function ssoClient(url: string, maxAttempts = 3): SSOClient {
  return new SSOClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: DUMMY,
    maxAttempts
  })
}

export function stsClient(
  url: string,
  credentials: {
    accessKeyId: string
    secretAccessKey: string
    sessionToken?: string
  },
  region = 'us-east-1',
  maxAttempts = 3
): STSClient {
  const { accessKeyId, secretAccessKey, sessionToken } = credentials
  return new STSClient({
    region,
    endpoint: url,
    credentials: { accessKeyId, secretAccessKey, sessionToken },
    maxAttempts
  })
}

/** Await a promise that must reject; returns the error. */
export async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p
  } catch (err) {
    return err
  }
  throw new Error('expected the call to fail, it succeeded')
}

export interface Login {
  clientId: string
  clientSecret: string
  deviceCode: string
  userCode: string
  accessToken: string
  refreshToken?: string
}

/** register → start → approve (as user) → token, through the real SDK client. scopes null = register without scopes. */
export async function login(
  emu: Emulator,
  oidc: SSOOIDCClient,
  user = 'alice',
  scopes: string[] | null = ['sso:account:access']
): Promise<Login> {
  const reg = await oidc.send(
    new RegisterClientCommand({
      clientName: 'test-client',
      clientType: 'public',
      scopes: scopes ?? undefined
    })
  )
  const start = await oidc.send(
    new StartDeviceAuthorizationCommand({
      clientId: reg.clientId,
      clientSecret: reg.clientSecret,
      startUrl: START_URL
    })
  )
  emu.approve(start.userCode!, user)
  const token = await oidc.send(
    new CreateTokenCommand({
      clientId: reg.clientId,
      clientSecret: reg.clientSecret,
      grantType: DEVICE_GRANT,
      deviceCode: start.deviceCode
    })
  )
  return {
    clientId: reg.clientId!,
    clientSecret: reg.clientSecret!,
    deviceCode: start.deviceCode!,
    userCode: start.userCode!,
    accessToken: token.accessToken!,
    refreshToken: token.refreshToken
  }
}
