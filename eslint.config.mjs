// ESLint flat config after actions/typescript-action's eslint.config.mjs: eslint:recommended, typescript-eslint's
// recommended rules, eslint-plugin-jest's for the tests, and Prettier as a lint rule (eslint-plugin-prettier).
// See: https://eslint.org/docs/latest/use/configure/configuration-files
import js from '@eslint/js'
import jest from 'eslint-plugin-jest'
import prettierRecommended from 'eslint-plugin-prettier/recommended'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['**/coverage', '**/dist', '**/node_modules'] },
  js.configs.recommended,
  tseslint.configs.eslintRecommended,
  ...tseslint.configs.recommended,
  { files: ['__tests__/**/*.ts'], ...jest.configs['flat/recommended'] },
  prettierRecommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
      ecmaVersion: 2023,
      sourceType: 'module'
    },
    rules: {
      // The template's own overrides.
      camelcase: 'off',
      'no-console': 'off',
      'no-shadow': 'off',
      'no-unused-vars': 'off',
      'prettier/prettier': 'error',
      // Tests, the emulator, the bench and the scripts read hostile and loosely shaped values on purpose; src/ may not
      // (see the block for src/ below).
      '@typescript-eslint/no-explicit-any': 'off',
      // The input rules, the renderer and the hostile-input tests match control characters on purpose.
      'no-control-regex': 'off',
      // `_name` marks a value left out on purpose (a destructured field dropped from a copy, an unused callback argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_'
        }
      ]
    }
  },
  {
    // Type-aware rules for the shipped code, as actions/checkout uses them: no promise left floating, no `any` (the
    // SDK's, Octokit's and Node's errors are read as unknown and their fields checked: faultKind, networkCode …).
    files: ['src/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    files: ['__tests__/**/*.ts'],
    rules: {
      // Tests run through wrappers the plugin does not recognize (a platform-conditional `test`, `test.concurrent.each`
      // helpers that assert through shared functions) and property tests that assert per generated case.
      'jest/no-standalone-expect': 'off',
      'jest/no-conditional-expect': 'off',
      'jest/expect-expect': 'off'
    }
  }
)
