import 'server-only';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Key wrapping with AES-256-GCM: a 32-byte key sealed under another, bound by `context` (AAD) to
 * what it belongs to, so a wrapped key copied onto another row does not unwrap there.
 */
export function wrapKey(kek: Buffer, key: Buffer, context: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(Buffer.from(context));
  return Buffer.concat([nonce, cipher.update(key), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

export class KeyUnwrapError extends Error {}

export function unwrapKey(kek: Buffer, wrapped: string, context: string): Buffer {
  const bytes = Buffer.from(wrapped, 'base64');
  if (bytes.length !== 12 + 32 + 16) throw new KeyUnwrapError('A wrapped key has the wrong length');
  const decipher = createDecipheriv('aes-256-gcm', kek, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(bytes.subarray(44));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(12, 44)), decipher.final()]);
  } catch {
    throw new KeyUnwrapError(`The key for ${context} does not unwrap: wrong master or organization key`);
  }
}

/** A fingerprint that names a master key without revealing it. */
export function masterKeyId(masterKey: Buffer): string {
  return createHash('sha256').update('hrd-files-master-key-id:').update(masterKey).digest('hex').slice(0, 16);
}

export const newKey = () => randomBytes(32);
