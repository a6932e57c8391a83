import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { auditRowHash, genesisHash } from './hash';

/** Where the chain first breaks, in words a person can act on, with the two values that differ. */
export type BrokenLink = {
  id: number;
  /** 1 for the oldest row present, counting the rows as they are now. */
  position: number;
  /**
   * `content`: the row's stored hash is not the hash of what the row holds now, so the row was changed.
   * `link`: the row does not point at the row before it, so a row between them was removed (or the
   * row before was changed and its hash recomputed to hide it).
   */
  problem: 'content' | 'link';
  message: string;
  expected: string;
  found: string;
};

export type AuditChainReport =
  | { whole: true; rows: number; lastHash: string | null }
  | { whole: false; rows: number; broken: BrokenLink };

const batchSize = 1000;

/**
 * Walks the audit log from its first row in id order (the order rows were chained in), recomputes
 * each hash and checks that each row points at the one before it. Stops at the first broken link:
 * every later row chains from it, so only the first break says where the tampering is.
 *
 * The newest rows could be removed without breaking anything before them; the report gives the last
 * hash so that it can be noted elsewhere and compared next time.
 */
export async function verifyAuditChain(db: DbOrTx): Promise<AuditChainReport> {
  let previous: { id: number; hash: string } | null = null;
  let position = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(previous ? gt(auditLog.id, previous.id) : undefined)
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    for (const row of batch) {
      position += 1;
      const expectedPrevious = previous?.hash ?? genesisHash;
      if (row.previousHash !== expectedPrevious) {
        const message = previous
          ? `Row ${row.id} (position ${position}) does not follow row ${previous.id}: its previous_hash is not row ${previous.id}'s hash. ` +
            `A row between them was removed, or row ${previous.id} was changed and its hash recomputed.`
          : `Row ${row.id}, the oldest row present, does not start the chain: its previous_hash is not the chain's start. Older rows were removed.`;
        return { whole: false, rows: position - 1, broken: { id: row.id, position, problem: 'link', message, expected: expectedPrevious, found: row.previousHash } };
      }
      const recomputed = auditRowHash(row.previousHash, {
        at: row.at,
        actorId: row.actorId,
        action: row.action,
        organizationId: row.organizationId,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        details: row.details,
      });
      if (recomputed !== row.hash) {
        const message =
          `Row ${row.id} (position ${position}) was changed after it was written: its stored hash is not the hash of what it holds now ` +
          `(time, actor, action, organization, subject or details).`;
        return { whole: false, rows: position - 1, broken: { id: row.id, position, problem: 'content', message, expected: recomputed, found: row.hash } };
      }
      previous = { id: row.id, hash: row.hash };
    }
    if (batch.length < batchSize) break;
  }
  return { whole: true, rows: position, lastHash: previous?.hash ?? null };
}

/** The report as the command prints it. */
export function describeAuditChainReport(report: AuditChainReport): string[] {
  if (report.whole) {
    return [`Audit chain whole: ${report.rows} rows`, ...(report.lastHash ? [`Last hash: ${report.lastHash}`] : [])];
  }
  const { broken } = report;
  const values =
    broken.problem === 'content'
      ? [`  stored hash:               ${broken.found}`, `  hash of what it holds now: ${broken.expected}`]
      : [`  its previous_hash:         ${broken.found}`, `  hash of the row before it: ${broken.expected}`];
  return [`Audit chain broken at row ${broken.id} (position ${broken.position}; the ${report.rows} rows before it are whole).`, broken.message, ...values];
}
