/** Waiting and saying how long, in one place for every module. */

/** Resolves after `ms`. With a signal, rejects with `onAbort(signal)` (default: the signal's reason) as soon as it aborts. */
export function sleep(
  ms: number,
  signal?: AbortSignal,
  onAbort: (signal: AbortSignal) => unknown = (s) => s.reason
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(onAbort(signal))
    const aborted = (): void => {
      clearTimeout(timer)
      reject(onAbort(signal!))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted)
      resolve()
    }, ms)
    signal?.addEventListener('abort', aborted, { once: true })
  })
}

/** "9 min 5 s", "45 s", "2 h 3 min". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds))
  if (s < 60) return `${s} s`
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`
  return sec > 0 ? `${m} min ${sec} s` : `${m} min`
}
