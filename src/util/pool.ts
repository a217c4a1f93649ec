/** Runs fn over items with at most `limit` in flight, keeping the input order in the result. */
export async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const workers = Array.from(
    { length: Math.max(1, Math.min(limit, items.length)) },
    async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await fn(items[i])
      }
    }
  )
  await Promise.all(workers)
  return results
}
