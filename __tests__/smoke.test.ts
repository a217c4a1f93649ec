import * as core from '@actions/core'
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc'
test('esm deps load', () => {
  expect(typeof core.setSecret).toBe('function')
  expect(typeof SSOOIDCClient).toBe('function')
})
