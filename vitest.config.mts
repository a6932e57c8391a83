import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `server-only` throws outside React's server build; tests import server modules directly, as the server does.
  resolve: { alias: { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js') } },
  test: {
    // Two test files at a time at least: the integration files wait on PostgreSQL and on the commands
    // they start more than they compute, and Vitest's default (one less than the cores) ran them one
    // by one on 2 cores (14 minutes of CI there; 9 with two at a time).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // A fixed audit key for the tests (and the commands they start), so that no key file is generated in the project folder.
    // The same for the master key that seals second-factor secrets (server/auth/factors/secret-box.ts).
    // FILES_MASTER_KEY: 'dGVzdC1vbmx5IG1hc3RlciBrZXkgMDEyMzQ1Njc4OTA=', NODE_OPTIONS: the commands the tests start (node --import tsx cli/…) resolve `server-only` as the server does.
    env: { AUDIT_KEY: 'test-only audit key: never use it anywhere else 0123456789', FILES_MASTER_KEY: 'dGVzdC1vbmx5IG1hc3RlciBrZXkgMDEyMzQ1Njc4OTA=', NODE_OPTIONS: '--conditions=react-server' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'server/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Each file creates and drops its own database, a copy of a migrated template that this makes first.
          globalSetup: ['tests/support/integration-setup.ts'],
          // argon2 and the embedded database take a moment.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
