/**
 * action.yml is derived from the INPUTS table in src/inputs/spec.ts, the one place that knows input names.
 * `npx tsx scripts/action-yml.ts` rewrites it; __tests__/action-yml.test.ts fails when it is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { INPUTS } from '../src/inputs/spec.js'

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
    'session',
    'With share-session: the sign-in sealed for the later jobs of this run (pass it on with job outputs; their session input). Encrypted and bound to this run and repository, so it is not masked; it is useless without session-key.'
  ]
]

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`

export function renderActionYml(): string {
  const lines = [
    '# Generated from src/inputs/spec.ts (INPUTS) by scripts/action-yml.ts: edit there, then run `npx tsx scripts/action-yml.ts`.',
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

/** The README's input and output tables, from the same tables as action.yml. */
export function renderReadmeTables(readme: string): string {
  const inputs = [
    '| input | required | default | description |',
    '|---|---|---|---|',
    ...INPUTS.map((i) => {
      const def = i.actionDefault ?? i.default
      return `| \`${i.name}\` | ${i.required ? 'yes' : ''} | ${def ? `\`${def}\`` : ''} | ${cell(i.description)}${i.secret ? ' Treated as a secret.' : ''} |`
    })
  ]
  const outputs = [
    '| output | description |',
    '|---|---|',
    ...OUTPUTS.map(([n, d]) => `| \`${n}\` | ${cell(d)} |`)
  ]
  return replaceBetween(
    replaceBetween(readme, 'inputs', inputs.join('\n')),
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
