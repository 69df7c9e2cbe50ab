// Lint: the layering of STYLE.md is enforced here — web/ never imports server/,
// domain/ imports neither and stays free of I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const io = ['fs', 'node:*', 'pg', 'kysely', 'fastify', '@electric-sql/*', 'net', 'http', 'https', 'child_process', 'worker_threads', 'exceljs'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'web/dist', 'coverage', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '../server/*', 'server/*'], message: 'web/ must not import server/ (STYLE.md)' }] }],
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/server/**', '**/web/**'], message: 'domain/ imports neither server/ nor web/ (STYLE.md)' },
          { group: io, message: 'domain/ is pure: no I/O modules (STYLE.md)' },
        ],
      }],
    },
  },
);
