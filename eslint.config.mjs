// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'eslint.config.mjs',
      'jest.config.js',
      'test/support/swagger-plugin.js',
      'web/src/api/schema.d.ts',
      'web/test-results/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config only.' },
      ],
    },
  },
  // DESIGN.md §6: common/ imports no feature (only config and database); features depend on common,
  // never the other way round. One block per folder depth, since the rule sees the import as written.
  {
    files: ['src/common/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!config/|database/)', message: 'common/ imports no feature.' }] },
      ],
    },
  },
  {
    files: ['src/common/*/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./\\.\\./(?!config/|database/)', message: 'common/ imports no feature.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/config/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'src/database/data-source.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  // The web app (web/): React's rules of hooks, and the privacy rules of the browser side.
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-properties': 'off',
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Call the API through web/src/api/client.ts, the one client.' },
        { name: 'sessionStorage', message: 'Nothing about a sign-in or a person is kept in the browser.' },
        { name: 'localStorage', message: 'Nothing about a sign-in or a person is kept in the browser.' },
      ],
    },
  },
  {
    // The language choice is the one thing kept in the browser; the client is the one caller of fetch.
    files: ['web/src/i18n/index.ts', 'web/src/api/client.ts', 'web/src/**/*.test.{ts,tsx}', 'web/src/test/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['web/e2e/**/*.ts', 'web/*.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
