/**
 * Screenshots for the README: what an approver sees.
 *   docs/comment-waiting.png   the pull request comment while the job waits for approval
 *   docs/comment-approved.png  the same comment, edited once the request was approved
 *   docs/approval-page.png     the emulator's approval page the link opens (stands in for the AWS page)
 *
 * The comments are rendered by the real renderer (renderMarkdown, src/notify/render/markdown.ts), turned into HTML with
 * marked (GitHub-flavoured Markdown) inside a page styled like a GitHub comment, and screenshotted with the same
 * headless Chromium the browser test uses (Debian's chromium at /usr/bin/chromium, or CHROMIUM=path).
 *
 *   npx tsx scripts/screenshots.ts
 */
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { marked } from 'marked'
import { chromium, type Browser } from 'playwright-core'
import {
  SSOOIDCClient,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand
} from '@aws-sdk/client-sso-oidc'
import { startEmulator } from '../emulator/server.js'
import type { FinalEvent, RequestContext } from '../src/core/events.js'
import { renderMarkdown } from '../src/notify/render/markdown.js'
import { type StartedEvent } from '../src/notify/render/types.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DOCS = path.join(ROOT, 'docs')
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
/** Without the background-networking switches Chromium hangs on a closed network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none'
]

// A realistic request: a deploy job on a pull request.
const ctx: RequestContext = {
  repository: 'acme/infra',
  workflow: 'Deploy',
  job: 'apply',
  runUrl: 'https://github.com/acme/infra/actions/runs/13468135790/attempts/1',
  actor: 'octocat',
  event: 'pull_request',
  ref: 'feature/rotate-kms-keys',
  sha: '3f9c2e1d8b7a6054c3e2f1a0b9c8d7e6f5a4b3c2',
  accountId: '123456789012',
  roleName: 'DeployRole',
  startUrl: 'https://acme.awsapps.com/start'
}
const postedAt = new Date('2025-06-03T14:21:07Z')
/** The code is the one the emulator issued for the approval page screenshot, so the three images agree. */
/** The name the action registers its client under (identity-center-login:<repository>), which AWS's page shows. */
const CLIENT_NAME = 'identity-center-login:acme/infra'
const startedWith = (userCode: string): StartedEvent => ({
  type: 'started',
  userCode,
  clientName: CLIENT_NAME,
  // today's link form: it names the request, not the code (which the comment shows on its own)
  verificationUri:
    'https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3AsD2x6ozvxLQ9nUYr4bTFhWmJ0gKcP1aE',
  expiresAt: new Date(postedAt.getTime() + 600_000),
  attempt: 1
})
const approvedAt = new Date(postedAt.getTime() + 83_000)
const approved: FinalEvent = {
  type: 'approved',
  approvedBy: 'maria.garcia',
  at: approvedAt,
  accountId: '123456789012',
  roleName: 'DeployRole',
  arn: 'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_DeployRole_5f1b2c3d4e5f6a7b/maria.garcia'
}
const marker = { runId: '13468135790', job: 'apply', profile: 'deploy' }

/** Roughly GitHub's light theme for a timeline comment and its Markdown body. */
const CSS = `
  * { box-sizing: border-box; }
  body { margin: 0; padding: 16px; background: #ffffff; color: #1f2328;
    font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; }
  .comment { width: 820px; border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
  .header { display: flex; align-items: center; gap: 8px; padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; color: #59636e; }
  .avatar { width: 20px; height: 20px; border-radius: 4px; background: #2da44e; color: #fff; font: 600 11px/20px sans-serif; text-align: center; }
  .author { color: #1f2328; font-weight: 600; }
  .badge { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; font-weight: 500; }
  .edited { margin-left: auto; font-size: 12px; }
  .markdown-body { padding: 16px; word-wrap: break-word; }
  .markdown-body > *:first-child { margin-top: 0 !important; }
  .markdown-body > *:last-child { margin-bottom: 0 !important; }
  .markdown-body p, .markdown-body table { margin: 0 0 16px; }
  .markdown-body h2, .markdown-body h3 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
  .markdown-body h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3; }
  .markdown-body h3 { font-size: 1.25em; }
  .markdown-body a { color: #0969da; text-decoration: underline; text-underline-offset: .2rem; }
  .markdown-body code { padding: .2em .4em; margin: 0; font-size: 85%; font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
    background: #818b981f; border-radius: 6px; white-space: break-spaces; }
  .markdown-body table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
  .markdown-body th, .markdown-body td { padding: 6px 13px; border: 1px solid #d1d9e0; }
  .markdown-body th { font-weight: 600; }
  .markdown-body tr { background: #ffffff; border-top: 1px solid #d1d9e0b3; }
  .markdown-body tr:nth-child(2n) { background: #f6f8fa; }
  .markdown-body del { color: #59636e; }
  .markdown-body sub { color: #59636e; }
`

function commentPage(markdown: string, edited: boolean): string {
  const body = marked.parse(markdown, { gfm: true, async: false }) as string
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>comment</title><style>${CSS}</style></head>
<body><div class="comment">
  <div class="header"><span class="avatar">GH</span><span class="author">github-actions</span><span class="badge">bot</span>
    <span>commented 2 minutes ago</span>${edited ? '<span class="edited">edited</span>' : ''}</div>
  <div class="markdown-body">${body}</div>
</div></body></html>`
}

async function screenshotComment(
  browser: Browser,
  markdown: string,
  edited: boolean,
  file: string
): Promise<void> {
  const page = await browser.newPage({
    viewport: { width: 860, height: 600 },
    deviceScaleFactor: 2
  })
  try {
    await page.setContent(commentPage(markdown, edited), { waitUntil: 'load' })
    await page.locator('.comment').screenshot({ path: file })
  } finally {
    await page.close()
  }
  console.log(`wrote ${path.relative(ROOT, file)}`)
}

/**
 * The emulator's approval page (today's form, /platform/authorize?request_uri=…) for a fresh device authorization,
 * started as the action starts it (a client registered under the action's name), with the code typed in as the approver
 * would from the message. Returns that user code.
 */
async function screenshotApprovalPage(
  browser: Browser,
  file: string
): Promise<string> {
  const emu = await startEmulator({ interval: 1 })
  try {
    const oidc = new SSOOIDCClient({
      region: 'us-east-1',
      endpoint: emu.url,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' }
    })
    const client = await oidc.send(
      new RegisterClientCommand({
        clientName: CLIENT_NAME,
        clientType: 'public',
        scopes: ['sso:account:access']
      })
    )
    const auth = await oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        startUrl: ctx.startUrl
      })
    )
    oidc.destroy()
    const page = await browser.newPage({
      viewport: { width: 720, height: 420 },
      deviceScaleFactor: 2
    })
    try {
      const res = await page.goto(auth.verificationUriComplete!, {
        timeout: 10_000
      })
      if (res?.status() !== 200)
        throw new Error(`approval page answered ${res?.status()}`)
      if ((await page.textContent('body'))?.includes(auth.userCode!))
        throw new Error('the page shows the code, it should ask for it')
      await page.fill('#user_code', auth.userCode!)
      await page.screenshot({ path: file, fullPage: true })
      console.log(`wrote ${path.relative(ROOT, file)}`)
      return auth.userCode!
    } finally {
      await page.close()
    }
  } finally {
    await emu.close()
  }
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: apt-get install chromium, or set CHROMIUM=/path/to/chromium`
    )
  mkdirSync(DOCS, { recursive: true })
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 20_000
  })
  try {
    const started = startedWith(
      await screenshotApprovalPage(
        browser,
        path.join(DOCS, 'approval-page.png')
      )
    )
    const waiting = renderMarkdown(
      ctx,
      { started, now: new Date(postedAt.getTime() + 2_000) },
      marker
    )
    const done = renderMarkdown(
      ctx,
      { started, final: approved, now: new Date(approvedAt.getTime() + 1_000) },
      marker
    )
    await screenshotComment(
      browser,
      waiting,
      false,
      path.join(DOCS, 'comment-waiting.png')
    )
    await screenshotComment(
      browser,
      done,
      true,
      path.join(DOCS, 'comment-approved.png')
    )
  } finally {
    await browser.close()
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
})
