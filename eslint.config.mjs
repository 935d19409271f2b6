// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
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
);
