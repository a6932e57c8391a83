import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'data/**', '.data/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Dependencies point one way: db must not reach into server or app, server not into app.
    files: ['db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@/server/*', '@/app/*', '../server/*', '../app/*'] }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@/app/*'] }] },
  },
  {
    // The public side reads only the public read model (issue #5): no workspace services or routers
    // (server/limits, server/http and server/text-search are plumbing it shares: rate limits, the peer address, the words of a search), no schema index (which holds the workspace tables), nothing of the workspace pages.
    files: ['server/public/**/*.{ts,tsx}', 'app/(public)/**/*.{ts,tsx}', 'app/api/public/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Regular expressions: a glob cannot re-include db/schema/public once db/schema is excluded.
              regex: '^(@/|(\\.\\./)+)server/(?!(public|limits|http|text-search)(/|$))|^(\\.\\./)+(services|routers|auth|validation|caller|trpc)(/|$)',
              message: 'The public side may import only server/public/*.',
            },
            {
              regex: '^(@/|(\\.\\./)+)db/schema(/index)?$|^(@/|(\\.\\./)+)db/schema/(?!(public|public-[a-z0-9-]+|vocabularies|enums)$)',
              message: 'The public side may import only the public read model tables (db/schema/public*, vocabularies, enums).',
            },
            { regex: '\\(workspace\\)', message: 'The public side must not import workspace pages.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly', process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
