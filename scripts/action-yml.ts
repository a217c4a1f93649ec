/**
 * action.yml is derived from the INPUTS table (src/inputs/table/, re-exported by src/inputs/spec.ts), the one place that knows input names.
 * `npx tsx scripts/action-yml.ts` rewrites it; __tests__/action-yml.test.ts fails when it is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { INPUTS, type InputGroup, type InputSpec } from '../src/inputs/spec.js'

export const OUTPUTS: [string, string][] = [
  [
    'aws-account-id',
    "The AWS account id of the verified identity (sts get-caller-identity); with role-to-assume, the chained role's."
  ],
  [
    'arn',
    'The ARN of the verified role session (with role-to-assume: the chained role session).'
  ],
  [
    'user-id',
    'The user id of the verified role session (with role-to-assume: the chained role session).'
  ],
  ['profile', 'The name of the primary profile written to the AWS config.'],
  [
    'expiration',
    "When the role credentials expire (ISO 8601; with role-to-assume, the chained session's)."
  ],
  [
    'approved-by',
    'The IAM Identity Center user name of the approver (the role session name).'
  ],
  [
    'approval-record',
    'The approval record of this sign-in (JSON, a stable schema with a version; docs/approval-record.md): who approved and when, what was asked, what AWS verified, when the credentials expire, what stays on the runner and the run. It holds no secret, so it is not masked; the job summary shows it too.'
  ],
  [
    'session',
    'With share-session: the sign-in sealed for the later jobs of this run (pass it on with job outputs; their session input). Encrypted and bound to this run and repository, so it is not masked; it is useless without session-key.'
  ]
]

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`

export function renderActionYml(): string {
  const lines = [
    '# Generated from the input table (src/inputs/table/) by scripts/action-yml.ts: edit there, then run `npx tsx scripts/action-yml.ts`.',
    'name: AWS IAM Identity Center login (device flow)',
    'description: Sign a job in to AWS IAM Identity Center after a person approves a device code; short-lived, verified role credentials instead of access keys.',
    'author: identity-center-login',
    'branding:',
    '  icon: lock',
    '  color: orange',
    'inputs:'
  ]
  for (const input of INPUTS) {
    lines.push(
      `  ${input.name}:`,
      `    description: ${quote(input.description)}`,
      `    required: ${input.required}`
    )
    const def = input.actionDefault ?? input.default
    if (def !== '') lines.push(`    default: ${quote(def)}`)
  }
  lines.push('outputs:')
  for (const [name, description] of OUTPUTS)
    lines.push(`  ${name}:`, `    description: ${quote(description)}`)
  lines.push(
    'runs:',
    '  using: node24',
    '  main: dist/index.js',
    '  post: dist/post.js',
    ''
  )
  return lines.join('\n')
}

const cell = (s: string) => s.replace(/\|/g, '\\|')

/** The README's input tables, one per group of INPUTS (in this order), each with the section that explains it. */
export const INPUT_GROUPS: readonly {
  group: InputGroup | undefined
  title: string
  intro: string
}[] = [
  {
    group: 'essential',
    title: 'Inputs every workflow sets',
    intro:
      'Which account and role to ask for, and where. The rest below is grouped by what it is for; every input there is optional.'
  },
  {
    group: 'modes',
    title: 'Inputs: what stays on the runner',
    intro:
      'See [What an approval hands the job](#what-an-approval-hands-the-job) and [Jobs longer than the credentials](#jobs-longer-than-the-credentials).'
  },
  {
    group: 'approvers',
    title: 'Inputs: who may approve, and what',
    intro:
      'See [Who may approve, and what an approval grants](#who-may-approve-and-what-an-approval-grants).'
  },
  {
    group: 'notifications',
    title: 'Inputs: telling the approvers',
    intro: 'See [Telling the approvers](#telling-the-approvers-notify).'
  },
  {
    group: 'accounts',
    title: 'Inputs: many accounts from one approval',
    intro:
      'See [Many accounts from one approval](#many-accounts-from-one-approval).'
  },
  {
    group: 'chaining',
    title: 'Inputs: chaining to a narrower role',
    intro:
      'See [Chaining to a narrower role](#chaining-to-a-narrower-role-role-to-assume).'
  },
  {
    group: 'shared',
    title: 'Inputs: one approval for several jobs',
    intro:
      'See [One approval for a whole run](#one-approval-for-a-whole-run-share-session).'
  },
  {
    group: 'files',
    title: 'Inputs: the files written',
    intro: 'See [What is written to `~/.aws`](#what-is-written-to-aws).'
  },
  { group: undefined, title: 'Other inputs', intro: '' }
]

const REQUIRED_UNLESS = /\s*Required unless ([^.]+)\./

/** "yes", "required unless …" (taken from the description's own sentence, then left out of it), or empty. */
function requiredCell(input: InputSpec): [string, string] {
  if (input.required) return ['yes', input.description]
  const m = REQUIRED_UNLESS.exec(input.description)
  if (!m) return ['', input.description]
  return [
    `required unless ${m[1].replace(/ is given$/, '')}`,
    input.description.replace(REQUIRED_UNLESS, '')
  ]
}

function inputRow(i: InputSpec): string {
  const def = i.actionDefault ?? i.default
  const [required, description] = requiredCell(i)
  return `| \`${i.name}\` | ${cell(required)} | ${def ? `\`${def}\`` : ''} | ${cell(description)}${i.secret ? ' Treated as a secret.' : ''} |`
}

/** The README's grouped input tables. */
export function renderInputTables(): string {
  const known = new Set(INPUT_GROUPS.map((g) => g.group))
  const blocks: string[] = []
  for (const { group, title, intro } of INPUT_GROUPS) {
    const rows = INPUTS.filter((i) =>
      group === undefined ? !known.has(i.group) : i.group === group
    )
    if (!rows.length) continue
    blocks.push(
      [
        `#### ${title}`,
        '',
        ...(intro ? [intro, ''] : []),
        '| input | required | default | description |',
        '|---|---|---|---|',
        ...rows.map(inputRow)
      ].join('\n')
    )
  }
  return blocks.join('\n\n')
}

/** The README's input and output tables, from the same tables as action.yml. */
export function renderReadmeTables(readme: string): string {
  const outputs = [
    '| output | description |',
    '|---|---|',
    ...OUTPUTS.map(([n, d]) => `| \`${n}\` | ${cell(d)} |`)
  ]
  return replaceBetween(
    replaceBetween(readme, 'inputs', renderInputTables()),
    'outputs',
    outputs.join('\n')
  )
}

export function replaceBetween(
  text: string,
  name: string,
  body: string
): string {
  const re = new RegExp(
    `(<!-- ${name}:start[^>]*-->)[\\s\\S]*?(<!-- ${name}:end -->)`
  )
  if (!re.test(text))
    throw new Error(`README has no ${name}:start / ${name}:end markers`)
  return text.replace(
    re,
    (_m, start: string, end: string) => `${start}\n${body}\n${end}`
  )
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL('../action.yml', import.meta.url), renderActionYml())
  const readme = new URL('../README.md', import.meta.url)
  writeFileSync(readme, renderReadmeTables(readFileSync(readme, 'utf8')))
}
