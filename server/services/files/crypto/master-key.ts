import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultEmbeddedDataDir } from '@/db/client';

/**
 * The master key that wraps every organization's file key: FILES_MASTER_KEY, 32 bytes in base64
 * (`openssl rand -base64 32`) or in hex. FILES_MASTER_KEY_PREVIOUS is read only by the rotation
 * command. Keep the master key away from the database and the file store: either alone reveals nothing.
 */
export function parseMasterKey(text: string, name = 'FILES_MASTER_KEY'): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, in base64 (openssl rand -base64 32) or hex`);
  return key;
}

/**
 * The configured master key. The embedded database (no DATABASE_URL: the demo, e2e, a laptop)
 * gets one generated into its data folder when none is set, with a warning that says where;
 * a server on PostgreSQL refuses to run without one rather than keep a key beside the data.
 */
export function configuredMasterKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.FILES_MASTER_KEY) return parseMasterKey(env.FILES_MASTER_KEY);
  if (env.DATABASE_URL) {
    throw new Error('FILES_MASTER_KEY is not set: evidence files need it on a server (openssl rand -base64 32).');
  }
  const file = path.join(path.dirname(defaultEmbeddedDataDir()), 'files-master.key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    console.warn(`FILES_MASTER_KEY is not set: generated a master key for the embedded database in ${file}. Set FILES_MASTER_KEY on a real installation and keep it elsewhere.`);
  }
  return parseMasterKey(readFileSync(file, 'utf8'), file);
}

const holder = globalThis as unknown as { __hrdMasterKey?: Buffer };

export function getMasterKey(): Buffer {
  holder.__hrdMasterKey ??= configuredMasterKey();
  return holder.__hrdMasterKey;
}
