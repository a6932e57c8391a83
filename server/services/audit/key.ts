import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultEmbeddedDataDir } from '@/db/client';

/**
 * The audit chain's key: HMAC-SHA-256 over each row, with a key the database never holds, so that
 * whoever can write the database (the app's own role, a stolen backup restored elsewhere) cannot
 * forge a row and recompute the chain. Where it comes from, first match wins:
 *   AUDIT_KEY        the current key (at least 32 characters, e.g. `openssl rand -base64 32`)
 *   AUDIT_KEY_FILE   a file with one key per line; the last line is the current key, earlier lines
 *                    are older keys kept so that rows they signed still verify (rotation)
 *   neither          a key generated once and kept in the embedded data folder (`audit.key`), so
 *                    that the demo and a first try need no setup; a message says so.
 * Both AUDIT_KEY and AUDIT_KEY_FILE may be set: the file's keys are then the older ones.
 */
export type AuditKey = { id: string; secret: string };
export type AuditKeyring = { current: AuditKey; byId: Map<string, AuditKey>; source: string };

const minimumLength = 32;

/** A key's id is derived from the key, so it needs no configuration and never reveals the key. */
export function auditKeyId(secret: string): string {
  return createHash('sha256').update('hrd-audit-key-id\0').update(secret).digest('hex').slice(0, 16);
}

function keyOf(secret: string, where: string): AuditKey {
  if (secret.length < minimumLength) throw new Error(`The audit key from ${where} is too short: give at least ${minimumLength} characters (e.g. openssl rand -base64 32).`);
  return { id: auditKeyId(secret), secret };
}

function linesOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** Where a generated key is kept when none is configured. */
export function generatedKeyFile(): string {
  return path.join(defaultEmbeddedDataDir(), 'audit.key');
}

function generatedKey(log: (message: string) => void): string {
  const file = generatedKeyFile();
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, `# HRD Monitor audit key, generated ${new Date().toISOString()}. Keep a copy elsewhere: without it the audit log cannot be verified.\n${randomBytes(32).toString('base64')}\n`, {
        flag: 'wx',
        mode: 0o600,
      });
      log(`No AUDIT_KEY or AUDIT_KEY_FILE is set: generated an audit key in ${file}. On a server, set AUDIT_KEY_FILE to a key kept outside the data folder (see README).`);
    } catch (error) {
      // Another process made it at the same moment: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return linesOf(file).at(-1)!;
}

/** Reads the keys from the environment (see above). */
export function loadAuditKeyring(env: Record<string, string | undefined> = process.env, log: (message: string) => void = (m) => console.warn(m)): AuditKeyring {
  const keys: AuditKey[] = [];
  const sources: string[] = [];
  if (env.AUDIT_KEY_FILE) {
    const lines = linesOf(env.AUDIT_KEY_FILE);
    if (lines.length === 0 && !env.AUDIT_KEY) throw new Error(`AUDIT_KEY_FILE ${env.AUDIT_KEY_FILE} holds no key.`);
    keys.push(...lines.map((line, i) => keyOf(line, `${env.AUDIT_KEY_FILE} line ${i + 1}`)));
    sources.push(`AUDIT_KEY_FILE (${env.AUDIT_KEY_FILE})`);
  }
  if (env.AUDIT_KEY) {
    keys.push(keyOf(env.AUDIT_KEY, 'AUDIT_KEY'));
    sources.push('AUDIT_KEY');
  }
  if (keys.length === 0) {
    keys.push(keyOf(generatedKey(log), generatedKeyFile()));
    sources.push(`the generated key file ${generatedKeyFile()}`);
  }
  return { current: keys.at(-1)!, byId: new Map(keys.map((key) => [key.id, key])), source: sources.join(' and ') };
}

const holder = globalThis as unknown as { __hrdAuditKeyring?: AuditKeyring };

/** The keyring of this process, read once. */
export function auditKeyring(): AuditKeyring {
  return (holder.__hrdAuditKeyring ??= loadAuditKeyring());
}
