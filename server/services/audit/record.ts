import { desc, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { auditRowHash, genesisHash, type AuditContent } from './hash';

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

/**
 * Appends an entry to the audit log inside the caller's transaction, so the action and its audit
 * row commit together or not at all.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${auditChainLock})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const content: AuditContent = {
    at: new Date().toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    organizationId: entry.organizationId ?? null,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? {},
  };
  const previousHash = last?.hash ?? genesisHash;
  await tx.insert(auditLog).values({ ...content, previousHash, hash: auditRowHash(previousHash, content) });
}
