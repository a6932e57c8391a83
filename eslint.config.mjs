import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * A client component ('use client') runs in the browser: it may take types from server/ and db/,
 * never values (they would drag the server, its secrets and drizzle into the bundle). Values both
 * sides need live in common/. Done as a rule of our own because a glob cannot tell client files.
 */
const boundaries = {
  rules: {
    'client-imports': {
      meta: { type: 'problem', messages: { server: "A client component imports only types from server/ and db/ ('{{from}}'): put what both sides need in common/." } },
      create(context) {
        const isClient = context.sourceCode.ast.body.some((node) => node.type === 'ExpressionStatement' && node.directive === 'use client');
        if (!isClient) return {};
        const serverSide = /^(@\/|(\.\.?\/)+)(server|db)(\/|$)|^drizzle-orm(\/|$)|^server-only$/;
        return {
          ImportDeclaration(node) {
            if (node.importKind === 'type' || !serverSide.test(node.source.value)) return;
            if (node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.importKind === 'type')) return;
            context.report({ node, messageId: 'server', data: { from: node.source.value } });
          },
        };
      },
    },
    // Every server module says so first, so that a client component importing it by mistake fails the build.
    'server-only-first': {
      meta: { type: 'problem', messages: { missing: "A server module starts with import 'server-only'." } },
      create(context) {
        return {
          Program(program) {
            const first = program.body[0];
            if (first?.type === 'ImportDeclaration' && first.source.value === 'server-only') return;
            context.report({ node: first ?? program, messageId: 'missing' });
          },
        };
      },
    },
  },
};

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
    files: ['app/**/*.{ts,tsx}'],
    plugins: { boundaries },
    rules: { 'boundaries/client-imports': 'error' },
  },
  {
    files: ['server/**/*.ts'],
    plugins: { boundaries },
    rules: { 'boundaries/server-only-first': 'error' },
  },
  {
    // The shared room: what the browser and the server may both import. Types from elsewhere are fine; values are not.
    files: ['common/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app/*', '@/server/*', '@/db', '@/db/*', '**/app/*', '**/server/*', '**/db/*', 'drizzle-orm', 'drizzle-orm/*', 'server-only', 'next/*'],
              allowTypeImports: true,
              message: 'common/ imports no app, server, db or drizzle code (types aside).',
            },
          ],
        },
      ],
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
    // The authorization rules are pure: facts in, a verdict out. Loading the facts is a service's job.
    files: ['server/policy/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*', '@/db', '@/db/*', '**/db/*', 'drizzle-orm', 'drizzle-orm/*'], message: 'server/policy holds pure rules: no database.' },
            { group: ['@/server/services/*', '../services/*', '@/server/routers/*', '../routers/*', '@/server/auth/*', '../auth/*'], message: 'server/policy imports no services, routers or authentication.' },
          ],
        },
      ],
    },
  },
  {
    // Services are called by routers, pages and the CLI; they never call back into a router.
    files: ['server/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/app/*'], message: 'server/ must not import app/.' },
            { group: ['@/server/routers', '@/server/routers/*', '**/routers', '**/routers/*', '@/server/trpc', '**/trpc'], message: 'Services import no routers.' },
          ],
        },
      ],
    },
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
