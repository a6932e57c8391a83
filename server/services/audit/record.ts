import 'server-only';
import { count, desc, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { auditRowMac, genesisHash, type AuditContent } from './hash';
import { auditKeyring, type AuditKey } from './key';

export type AuditEntry = {
  actorId: string | null;
  /** What happened, as a dotted verb: "incident.submit", "user.sign_in_failed", "membership.role_changed". */
  action: string;
  organizationId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  /** Never a password, a session token or a confidential name. */
  details?: Record<string, unknown>;
};

// Any constant: the transaction-scoped advisory lock serializes appends so two writers never chain to the same row.
const auditChainLock = 7_301_001;

/** The action of the row that puts rows written before the chain was keyed under the key. */
export const reanchorAction = 'audit.reanchored';

async function append(tx: Tx, key: AuditKey, previousHash: string, entry: AuditEntry): Promise<string> {
  const content: AuditContent = {
    at: new Date().toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    organizationId: entry.organizationId ?? null,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? {},
  };
  const hash = auditRowMac(key.secret, key.id, previousHash, content);
  await tx.insert(auditLog).values({ ...content, previousHash, hash, keyId: key.id });
  return hash;
}

async function lastRow(tx: Tx) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${auditChainLock})`);
  const [last] = await tx.select({ hash: auditLog.hash, keyId: auditLog.keyId }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return last ?? null;
}

/** The hash to chain from: the last row's, after writing the re-anchoring row if that one is unkeyed. */
async function keyedHead(tx: Tx, key: AuditKey, last: { hash: string; keyId: string | null } | null): Promise<string> {
  if (!last) return genesisHash;
  if (last.keyId !== null) return last.hash;
  const [{ rows }] = (await tx.select({ rows: count() }).from(auditLog)) as [{ rows: number }];
  return append(tx, key, last.hash, { actorId: null, action: reanchorAction, details: { unkeyedRows: rows, unkeyedHead: last.hash, keyId: key.id } });
}

/**
 * Appends an entry to the audit log inside the caller's transaction, so the action and its audit
 * row commit together or not at all. The first keyed write after rows of the old unkeyed chain
 * writes one re-anchoring row first: it chains from their last hash under the key, so changing any
 * of them afterwards breaks the chain at a row that nobody can recompute without the key.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const key = auditKeyring().current;
  await append(tx, key, await keyedHead(tx, key, await lastRow(tx)), entry);
}

/** Writes the re-anchoring row now if the chain still ends in an unkeyed row (`npm run db:migrate` calls it). */
export async function reanchorAuditChain(tx: Tx): Promise<boolean> {
  const last = await lastRow(tx);
  if (!last || last.keyId !== null) return false;
  await keyedHead(tx, auditKeyring().current, last);
  return true;
}
