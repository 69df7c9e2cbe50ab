// Lint: the layering of STYLE.md is enforced here — web/ never imports server/,
// domain/ imports neither and stays free of I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Names that look like an API shape: declare them in domain/schemas, not in the web. */
const apiShapeName = '/^[A-Z][A-Za-z]*[a-z](Row|Detail|Body|Response|Filter|Query|Page|Input|Settings)$/';
const apiShapeRules = ['TSInterfaceDeclaration', 'TSTypeAliasDeclaration'].map((decl) => ({
  selector: `${decl}[id.name=${apiShapeName}]`,
  message: 'API request and response types come from domain/schemas (Z…Schema and its inferred T… type), not from the web',
}));

const io = [
  'fs',
  'node:*',
  'pg',
  'kysely',
  'fastify',
  '@electric-sql/*',
  'net',
  'http',
  'https',
  'child_process',
  'worker_threads',
  'exceljs',
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'web/dist', 'coverage', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      // The formatter's width (.prettierrc.json); Prettier cannot break a string, a URL or a regular expression.
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', '../server/*', 'server/*'], message: 'web/ must not import server/ (STYLE.md)' }] },
      ],
    },
  },
  // One contract for types (issue 10 point 3): API request and response shapes come only from domain/schemas
  // (zod schemas and their inferred T… types); the web never declares them again.
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...apiShapeRules] },
  },
  {
    files: ['web/src/api/**/*.ts'],
    ignores: ['web/src/api/client.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...apiShapeRules,
        { selector: 'TSInterfaceDeclaration', message: 'web/src/api declares no shapes: import the T… type from domain/schemas' },
        {
          selector: 'TSTypeAliasDeclaration > TSTypeLiteral',
          message: 'web/src/api declares no shapes: import the T… type from domain/schemas',
        },
      ],
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/web/**'], message: 'domain/ imports neither server/ nor web/ (STYLE.md)' },
            { group: io, message: 'domain/ is pure: no I/O modules (STYLE.md)' },
          ],
        },
      ],
    },
  },
);
