/** The approval record in the job summary: a collapsed block with the JSON in a code fence. */
import {
  approvalRecordJson,
  type ApprovalRecord
} from '../../core/approval-record.js'
import { escapeChat } from './escaping.js'
import { LIMIT } from './types.js'

/**
 * `<details>` with a one-line `<summary>` (the approvers, HTML-entity-escaped with their links and mentions broken,
 * as escapeChat does) and the JSON in a fence longer than any run of backticks inside it, so no value can close it.
 */
export function approvalRecordMarkdown(record: ApprovalRecord): string {
  const json = approvalRecordJson(record)
  const longest = Math.max(
    0,
    ...Array.from(json.matchAll(/`+/g), (m) => m[0].length)
  )
  const fence = '`'.repeat(Math.max(3, longest + 1))
  const names = record.approvers.map((a) => escapeChat(a.name, LIMIT.short))
  const by = names.length ? `: approved by ${names.join(', ')}` : ''
  return (
    `<details><summary>Approval record (version ${record.version})${by}</summary>\n\n` +
    `${fence}json\n${json}${fence}\n\n</details>\n`
  )
}
