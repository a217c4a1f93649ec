/** Jest runs the TypeScript sources as ES modules (ts-jest ESM preset). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.test.json', diagnostics: false }
    ]
  },
  testTimeout: 30000,
  verbose: true,
  // After the summary: each file with skipped tests and why (a missing tool says so; see __tests__/skipped-because.ts).
  reporters: ['default', '<rootDir>/scripts/jest-skip-reporter.mjs']
}
