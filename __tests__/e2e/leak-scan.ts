/** The leak scan's detector, shared by the e2e leak test and the approval record's: each secret raw, base64 and URL-encoded. */

/** Every form in which a secret could be spotted. */
export const forms = (secret: string): string[] => [
  secret,
  Buffer.from(secret).toString('base64'),
  encodeURIComponent(secret)
]

/** `<kind> in <where>` for every secret (value → kind) found, in any of its forms, in any of the places. */
export function leakHits(
  secrets: Map<string, string>,
  places: [where: string, text: string][]
): string[] {
  const hits: string[] = []
  for (const [secret, kind] of secrets) {
    for (const [where, text] of places)
      if (forms(secret).some((f) => text.includes(f)))
        hits.push(`${kind} in ${where}`)
  }
  return hits
}
