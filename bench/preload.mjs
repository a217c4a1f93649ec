// Preloaded into a bench child with `node --import bench/preload.mjs` (never part of dist/).
//  - ICL_BENCH_LOAD_LOG=file: registers this same file as an ESM loader hook that appends
//    "<Date.now()> <url>" for every module loaded, so the bench knows which dist/ chunks an entry point loads and when.
//  - ICL_BENCH_RSS_FILE=file: writes process.resourceUsage().maxRSS (KiB) at exit, when /usr/bin/time is missing.
import { appendFileSync, writeFileSync } from 'node:fs'
import { isMainThread } from 'node:worker_threads'

let logFile

/** Hook thread: receives the log path. */
export function initialize(data) {
  logFile = data?.logFile
}

/** Hook thread: one line per module actually loaded. */
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context)
  if (logFile && url.startsWith('file:'))
    appendFileSync(logFile, `${Date.now()} ${url}\n`)
  return result
}

if (isMainThread) {
  if (process.env.ICL_BENCH_LOAD_LOG) {
    const { register } = await import('node:module')
    register(import.meta.url, {
      data: { logFile: process.env.ICL_BENCH_LOAD_LOG }
    })
  }
  if (process.env.ICL_BENCH_RSS_FILE) {
    const file = process.env.ICL_BENCH_RSS_FILE
    process.on('exit', () =>
      writeFileSync(file, `${process.resourceUsage().maxRSS}\n`)
    )
  }
}
