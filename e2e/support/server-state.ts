/**
 * What the end-to-end server (e2e/support/server.ts) and the Playwright specs share: the port, the
 * test-only auth secret, and a small state file in which the server leaves the demo accounts it
 * seeded, so that a spec signs in with `demoAccount('reviewer')` instead of hard-coding passwords.
 *
 * Kept free of Playwright imports so that the server script can load it too.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LeakCanaries } from '../../tests/support/leak-canaries';

export type DemoRole = 'monitor' | 'reviewer' | 'admin';
export type DemoAccount = { role: DemoRole; email: string; password: string };

/** Written by e2e/support/server.ts once the database is seeded, removed when the server stops. */
export type E2eServerState = {
  baseURL: string;
  /** The temporary embedded data folder the server runs on (deleted when it stops). */
  dataDir: string;
  organizationId: string;
  accounts: DemoAccount[];
  /** Two monitors of the demo organization that only e2e/second-factor.spec.ts uses (it gives them second factors). */
  factorAccounts: Record<'totp' | 'passkey', { email: string; password: string }>;
  /** The canaries that no public answer may hold, and the public tokens that must show (tests/support/leak-canaries.ts). */
  leak: LeakCanaries;
  /** The e2e-server process. */
  pid: number;
};

/** Only for the throwaway test server: never a real deployment's secret. */
export const E2E_NEXTAUTH_SECRET = 'hrd-monitor-e2e-only-secret-not-for-production-0123456789';

/** Prefix of the temporary data folders under os.tmpdir(); stale ones are swept at the next start. */
export const E2E_TEMP_PREFIX = 'hrd-monitor-e2e-data-';

export function e2ePort(): number {
  const raw = process.env.E2E_PORT ?? '3100';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`E2E_PORT must be a port number, got "${raw}"`);
  return port;
}

export function e2eBaseURL(): string {
  return `http://127.0.0.1:${e2ePort()}`;
}

export function e2eStateFile(): string {
  return process.env.E2E_STATE_FILE ?? path.join(os.tmpdir(), `hrd-monitor-e2e-state-${e2ePort()}.json`);
}

/** The running e2e server's state; throws with a hint when no server wrote one. */
export function readE2eState(): E2eServerState {
  const file = e2eStateFile();
  if (!existsSync(file)) {
    throw new Error(
      `No end-to-end server state at ${file}. Run the specs through \`npm run test:e2e\` ` +
        '(playwright.config.ts starts e2e/support/server.ts, which seeds the demo data and writes this file).',
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as E2eServerState;
}

/** The seeded demo account for a role (email and password as seedDemo() returned them). */
export function demoAccount(role: DemoRole): DemoAccount {
  const account = readE2eState().accounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`The demo seed returned no account with role "${role}"`);
  return account;
}
