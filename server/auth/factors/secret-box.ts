import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getMasterKey, parseMasterKey } from '@/server/services/files/crypto/master-key';

/**
 * Seals second-factor secrets (TOTP) with AES-256-GCM under a key derived (HKDF) from the
 * installation's master key, FILES_MASTER_KEY: the same one secret an operator already keeps away
 * from the database, so a stolen database dump computes no codes. `context` (the account id) binds
 * a sealed value to its row. After a master-key rotation, values sealed under
 * FILES_MASTER_KEY_PREVIOUS still open, and `open` says so, so the caller can re-seal them.
 */
const info = 'hrd-monitor second factors v1';

function keyFrom(master: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

export function seal(plain: string, context: string, master: Buffer = getMasterKey()): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(master), nonce);
  cipher.setAAD(Buffer.from(context));
  return Buffer.concat([nonce, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

function openWith(master: Buffer, sealed: string, context: string): string | null {
  const bytes = Buffer.from(sealed, 'base64');
  if (bytes.length < 12 + 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(master), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** The plain value, and whether it was sealed under the previous master key; null when it opens under neither. */
export function open(sealed: string, context: string, master: Buffer = getMasterKey()): { plain: string; stale: boolean } | null {
  const plain = openWith(master, sealed, context);
  if (plain !== null) return { plain, stale: false };
  const previous = process.env.FILES_MASTER_KEY_PREVIOUS;
  const old = previous ? openWith(parseMasterKey(previous, 'FILES_MASTER_KEY_PREVIOUS'), sealed, context) : null;
  return old === null ? null : { plain: old, stale: true };
}
