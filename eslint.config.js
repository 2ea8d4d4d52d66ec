import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const throughIndex = 'Modules meet only at their index.ts (or through events): import the other module\'s index.js.';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'server/migrations/', 'bench/results/', 'e2e/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // A module file may reach another module only through that module's index.ts.
  {
    files: ['server/src/modules/*/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$)', message: throughIndex }] }],
    },
  },
  {
    files: ['server/src/modules/*/*/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$)', message: throughIndex }] }],
    },
  },
  // Code outside the modules (wiring, seeds, tests, benchmarks) uses their public surface too.
  {
    files: ['server/src/*.ts', 'server/seeds/**/*.ts', 'server/test/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)modules/[^/]+/(?!index\\.js$)', message: throughIndex }] }],
    },
  },
  // The kernel has no domain words: it never imports a module.
  {
    files: ['server/src/platform/**/*.ts'],
    ignores: ['server/src/platform/**/*.test.ts', 'server/src/platform/**/*.test-fixtures.ts'], // tests (and their fixtures) may build the whole app around the kernel
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)(modules/|modules\\.js$|app\\.js$)', message: 'The platform kernel must not depend on modules.' }] }],
    },
  },
);
