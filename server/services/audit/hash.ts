import 'server-only';
import { createHash, createHmac } from 'node:crypto';

/** The hash before the first row of the chain. */
export const genesisHash = '0'.repeat(64);

/** JSON with keys sorted at every level, so the same content always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export type AuditContent = {
  at: string;
  actorId: string | null;
  action: string;
  organizationId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
};

/** A row's hash covers its content and the hash of the row before it. */
export function auditRowHash(previousHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(previousHash)
    .update('\n')
    .update(canonicalJson({ ...content, at: new Date(content.at).toISOString() }))
    .digest('hex');
}

/**
 * A keyed row's hash: HMAC-SHA-256 with the audit key over the previous hash, the key's id and the
 * content, so that nobody without the key can write a row that verifies, nor recompute the chain
 * after changing one.
 */
export function auditRowMac(secret: string, keyId: string, previousHash: string, content: AuditContent): string {
  return createHmac('sha256', secret)
    .update(previousHash)
    .update('\n')
    .update(keyId)
    .update('\n')
    .update(canonicalJson({ ...content, at: new Date(content.at).toISOString() }))
    .digest('hex');
}
