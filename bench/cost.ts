/**
 * Case 5 of `npm run bench`: dist/ sizes, the bytes main, post and the CLI load (ESM load hook, untimed runs), chunks
 * no run loads, and peak RSS of a full run, of a pull-request run with the comment channel, and of case 4's runs.
 */
import {
  existsSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  TIME_BIN,
  closeEmulator,
  openEmulator,
  readRssKiB,
  removeWorkspace,
  startStep,
  summarize,
  tempDir,
  workspace,
  type Workspace
} from './harness.js'
import {
  SEED_INPUTS,
  USER,
  failIf,
  postEnv,
  runnerEnv,
  startFakeGitHub
} from './runner.js'
import { iterate, progress, type Bench } from './options.js'
import { TARGET, fmt, row, type Section } from './report.js'
import { scaling } from './scaling.js'

interface Loaded {
  files: string[]
  beforeLink: string[]
}

function distFiles(dist: string): { name: string; bytes: number }[] {
  return readdirSync(dist)
    .filter((f) => statSync(path.join(dist, f)).isFile())
    .map((name) => ({ name, bytes: statSync(path.join(dist, name)).size }))
    .sort((a, b) => b.bytes - a.bytes)
}

/** The files of this dist/ named in a load log (first load time each). */
function parseLoadLog(
  file: string,
  dist: string
): { name: string; at: number }[] {
  if (!existsSync(file)) return []
  const seen = new Map<string, number>()
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const sp = line.indexOf(' ')
    if (sp < 0) continue
    const at = Number(line.slice(0, sp))
    let p: string
    try {
      p = fileURLToPath(line.slice(sp + 1))
    } catch {
      continue
    }
    if (path.dirname(p) !== dist) continue
    const name = path.basename(p)
    if (!seen.has(name)) seen.set(name, at)
  }
  return [...seen].map(([name, at]) => ({ name, at }))
}

export async function caseCost(b: Bench): Promise<Section> {
  const sec: Section = { title: '5. Cost', rows: [], notes: [] }
  const files = distFiles(b.opts.dist)
  const size = new Map(files.map((f) => [f.name, f.bytes]))
  const bytesOf = (names: string[]): number =>
    names.reduce((t, n) => t + (size.get(n) ?? 0), 0)
  const total = bytesOf(files.map((f) => f.name))
  const js = files.filter((f) => f.name.endsWith('.js'))
  sec.rows.push({
    label: `dist/ total (${files.length} files)`,
    unit: 'B',
    s: summarize([total]),
    target: `≤ ${fmt(TARGET.distBytes, 'B')}`,
    pass: total <= TARGET.distBytes
  })
  sec.rows.push({
    label: `  of which JavaScript (${js.length} files)`,
    unit: 'B',
    s: summarize([bytesOf(js.map((f) => f.name))])
  })

  const emu = await openEmulator({
    interval: 1,
    autoApproveAs: USER,
    autoApproveAfterMs: 0
  })
  const logDir = tempDir('icl-bench-load-')
  try {
    // What each entry point loads (ESM load hook; separate runs, not timed).
    progress('cost: modules loaded by main, post and the CLI')
    const loads: Record<string, Loaded> = {}
    {
      const ws = workspace()
      const env = runnerEnv(ws, emu.url, SEED_INPUTS)
      const mainLog = path.join(logDir, 'main')
      const step = startStep({ script: b.entry, env, loadLog: mainLog })
      const link = await step.link
      failIf(await step.exit, 'main (load tracking)')
      const main = parseLoadLog(mainLog, b.opts.dist)
      loads['main (node dist/index.js)'] = {
        files: main.map((f) => f.name),
        beforeLink: main.filter((f) => f.at <= link.at).map((f) => f.name)
      }
      const postLog = path.join(logDir, 'post')
      const post = startStep({
        script: b.postEntry,
        env: postEnv(ws, env),
        loadLog: postLog
      })
      failIf(await post.exit, 'post (load tracking)')
      const p = parseLoadLog(postLog, b.opts.dist).map((f) => f.name)
      loads['post (node dist/post.js)'] = { files: p, beforeLink: [] }
      removeWorkspace(ws)
    }
    {
      const ws = workspace()
      const cliLog = path.join(logDir, 'cli')
      const cliEnv: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: ws.home,
        LANG: 'C.UTF-8',
        AWS_ENDPOINT_URL_SSO_OIDC: emu.url,
        AWS_ENDPOINT_URL_SSO: emu.url,
        AWS_ENDPOINT_URL_STS: emu.url
      }
      for (const name of [
        'start-url',
        'sso-region',
        'account-id',
        'role-name',
        'region',
        'sso-session',
        'profile'
      ] as const) {
        cliEnv[
          `IDENTITY_CENTER_LOGIN_${name.toUpperCase().replace(/-/g, '_')}`
        ] = SEED_INPUTS[name]
      }
      const step = startStep({
        script: b.cliEntry,
        env: cliEnv,
        loadLog: cliLog
      })
      const link = await step.link
      failIf(await step.exit, 'cli (load tracking)')
      const cli = parseLoadLog(cliLog, b.opts.dist)
      loads['CLI (node dist/cli.js)'] = {
        files: cli.map((f) => f.name),
        beforeLink: cli.filter((f) => f.at <= link.at).map((f) => f.name)
      }
      removeWorkspace(ws)
    }
    for (const [entry, l] of Object.entries(loads)) {
      sec.rows.push({
        label: `${entry}: loaded, whole run (${l.files.length} files)`,
        unit: 'B',
        s: summarize([bytesOf(l.files)])
      })
      if (l.beforeLink.length)
        sec.rows.push({
          label: `  before the link (${l.beforeLink.length} files)`,
          unit: 'B',
          s: summarize([bytesOf(l.beforeLink)])
        })
    }
    const never = files.filter(
      (f) =>
        f.name.endsWith('.js') &&
        !Object.values(loads).some((l) => l.files.includes(f.name))
    )
    sec.rows.push({
      label: `never loaded by these runs (${never.length} files)`,
      unit: 'B',
      s: summarize([bytesOf(never.map((f) => f.name))])
    })
    const mainLoads = Object.values(loads)[0]
    sec.notes.push(
      `5: dist/ files: ${files.map((f) => `${f.name} ${f.bytes.toLocaleString('en-US')}`).join(', ')}`,
      `5: main loads before the link: ${mainLoads.beforeLink.join(', ')}; after: ${mainLoads.files.filter((f) => !mainLoads.beforeLink.includes(f)).join(', ') || 'nothing'}`,
      ...Object.entries(loads)
        .slice(1)
        .map(([e, l]) => `5: ${e} loads ${l.files.join(', ')}`),
      `5: never loaded: ${never.map((f) => f.name).join(', ') || 'none'}`
    )

    // Peak RSS of a full main run (link, approval, credentials, files, summary, exit).
    const rssDir = tempDir('icl-bench-rss-')
    const rss = await iterate(b, 'peak RSS, full run', async (i) => {
      emu.reset()
      const ws = workspace()
      const rssFile = path.join(rssDir, `full-${i}`)
      try {
        failIf(
          await startStep({
            script: b.entry,
            env: runnerEnv(ws, emu.url, SEED_INPUTS),
            rssFile
          }).exit,
          'peak RSS run'
        )
        const kib = readRssKiB(rssFile)
        if (kib === undefined) throw new Error('no peak RSS recorded')
        return kib * 1024
      } finally {
        removeWorkspace(ws)
      }
    })
    const how = existsSync(TIME_BIN)
      ? '/usr/bin/time -f %M'
      : 'process.resourceUsage().maxRSS'
    sec.rows.push(
      row(`peak RSS, full run, 1 profile (${how})`, rss, 'MB', {
        text: `≤ ${fmt(TARGET.rssBytes, 'MB')}`,
        ok: (m) => m <= TARGET.rssBytes
      })
    )
    // The same on a pull request: the comment channel loads @actions/github (its own chunk) and posts, then edits.
    const gh = await startFakeGitHub()
    try {
      let commentLoads: string[] = []
      const rssPr = await iterate(
        b,
        'peak RSS, full run, pull request with the comment',
        async (i) => {
          emu.reset()
          const ws = workspace()
          const rssFile = path.join(rssDir, `pr-${i}`)
          const loadLog = i === 0 ? path.join(logDir, 'main-pr') : undefined
          try {
            failIf(
              await startStep({
                script: b.entry,
                env: pullRequestEnv(ws, emu.url, gh.url),
                rssFile,
                loadLog
              }).exit,
              'peak RSS run (pull request)'
            )
            if (loadLog)
              commentLoads = parseLoadLog(loadLog, b.opts.dist).map(
                (f) => f.name
              )
            const kib = readRssKiB(rssFile)
            if (kib === undefined) throw new Error('no peak RSS recorded')
            return kib * 1024
          } finally {
            removeWorkspace(ws)
          }
        }
      )
      const edited = gh.calls.filter(
        (c) => c.method === 'PATCH' && c.status === 200
      ).length
      sec.rows.push(
        row(
          `peak RSS, 1 profile, pull request: comment posted and edited (${how})`,
          rssPr,
          'MB',
          {
            text: `≤ ${fmt(TARGET.rssBytes, 'MB')}`,
            ok: (m) => m <= TARGET.rssBytes
          }
        )
      )
      sec.notes.push(
        `5: on a pull request main also loads ${commentLoads.filter((f) => !mainLoads.files.includes(f)).join(', ') || 'nothing more'} (${bytesOf(commentLoads.filter((f) => !mainLoads.files.includes(f))).toLocaleString('en-US')} B); ${gh.comments.length} comments posted, ${edited} edits`
      )
    } finally {
      await gh.close()
    }
    for (const [n, samples] of scaling) {
      if (n < 25) continue
      const values = samples
        .map((s) => (s.rss ?? NaN) * 1024)
        .filter(Number.isFinite)
      if (values.length)
        sec.rows.push(
          row(`peak RSS, ${n} profiles (case 4 runs)`, values, 'MB', {
            text: `≤ ${fmt(TARGET.rssBytes, 'MB')}`,
            ok: (m) => m <= TARGET.rssBytes
          })
        )
    }
  } finally {
    await closeEmulator(emu)
  }
  return sec
}

/** A pull_request run whose comment channel (the default notify) posts to a fake GitHub on loopback. */
function pullRequestEnv(
  ws: Workspace,
  emuUrl: string,
  githubUrl: string
): NodeJS.ProcessEnv {
  writeFileSync(
    ws.files.event,
    JSON.stringify({
      action: 'synchronize',
      number: 17,
      pull_request: {
        number: 17,
        head: {
          sha: 'feedbeef00112233445566778899aabbccddeeff',
          ref: 'feature/x'
        }
      }
    })
  )
  return runnerEnv(
    ws,
    emuUrl,
    { ...SEED_INPUTS, notify: 'summary,comment' },
    {
      GITHUB_API_URL: githubUrl,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_HEAD_REF: 'feature/x',
      GITHUB_REF_NAME: '17/merge'
    }
  )
}
