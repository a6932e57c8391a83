import 'server-only';
import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { auditRowHash, auditRowMac, genesisHash, type AuditContent } from './hash';
import { auditKeyring, type AuditKeyring } from './key';
import { reanchorAction } from './record';

/** Where the chain first breaks, in words a person can act on, with the two values that differ. */
export type BrokenLink = {
  id: number;
  /** 1 for the oldest row present, counting the rows as they are now. */
  position: number;
  /**
   * `content`: the row's stored hash is not the hash of what the row holds now, so the row was changed.
   * `link`: the row does not point at the row before it, so a row between them was removed (or the
   * row before was changed and its hash recomputed to hide it).
   * `unkeyed`: a row without the key's HMAC after keyed rows, or a chain with no keyed row at all:
   * rows written by someone who does not hold the key.
   * `key`: the row was signed with a key this command was not given (AUDIT_KEY, AUDIT_KEY_FILE).
   */
  problem: 'content' | 'link' | 'unkeyed' | 'key';
  message: string;
  expected: string;
  found: string;
};

export type AuditChainReport =
  | { whole: true; rows: number; lastHash: string | null; lastId: number | null; unkeyedRows: number }
  | { whole: false; rows: number; broken: BrokenLink };

const batchSize = 1000;

function contentOf(row: typeof auditLog.$inferSelect): AuditContent {
  const { at, actorId, action, organizationId, subjectType, subjectId, details } = row;
  return { at, actorId, action, organizationId, subjectType, subjectId, details };
}

/**
 * Walks the audit log from its first row in id order (the order rows were chained in), recomputes
 * each row's HMAC with the audit key (or, for the rows written before the chain was keyed, their
 * plain SHA-256) and checks that each row points at the one before it. Stops at the first broken
 * link: every later row chains from it, so only the first break says where the tampering is.
 *
 * Unkeyed rows are accepted only before the first keyed row, which must then be the re-anchoring
 * row: otherwise anyone able to write the table could rewrite it as an unkeyed chain.
 * The newest rows could be removed without breaking anything before them: compare with an anchor
 * (`npm run audit:anchor`) for that.
 */
export async function verifyAuditChain(db: DbOrTx, keyring: AuditKeyring = auditKeyring()): Promise<AuditChainReport> {
  let previous: { id: number; hash: string; keyed: boolean } | null = null;
  let position = 0;
  let unkeyedRows = 0;
  const broken = (row: { id: number }, problem: BrokenLink['problem'], message: string, expected: string, found: string): AuditChainReport => ({
    whole: false,
    rows: position - 1,
    broken: { id: row.id, position, problem, message, expected, found },
  });
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
        return broken(row, 'link', message, expectedPrevious, row.previousHash);
      }
      let recomputed: string;
      if (row.keyId === null) {
        if (previous?.keyed) {
          return broken(row, 'unkeyed', `Row ${row.id} (position ${position}) carries no keyed hash although rows before it do: it was written by someone without the audit key.`, 'a keyed row', 'an unkeyed row');
        }
        unkeyedRows += 1;
        recomputed = auditRowHash(row.previousHash, contentOf(row));
      } else {
        const key = keyring.byId.get(row.keyId);
        if (!key) {
          return broken(row, 'key', `Row ${row.id} (position ${position}) was signed with audit key ${row.keyId}, which was not given (AUDIT_KEY or AUDIT_KEY_FILE): it cannot be checked.`, row.keyId, [...keyring.byId.keys()].join(', '));
        }
        if (previous && !previous.keyed && row.action !== reanchorAction) {
          return broken(row, 'unkeyed', `Row ${row.id} (position ${position}) is the first keyed row but not the re-anchoring row: the rows before it were not put under the key as the upgrade does.`, reanchorAction, row.action);
        }
        recomputed = auditRowMac(key.secret, key.id, row.previousHash, contentOf(row));
      }
      if (recomputed !== row.hash) {
        const message =
          `Row ${row.id} (position ${position}) was changed after it was written: its stored hash is not the hash of what it holds now ` +
          `(time, actor, action, organization, subject or details)${row.keyId ? ', or it was written without the audit key' : ''}.`;
        return broken(row, 'content', message, recomputed, row.hash);
      }
      previous = { id: row.id, hash: row.hash, keyed: row.keyId !== null };
    }
    if (batch.length < batchSize) break;
  }
  if (previous && !previous.keyed) {
    return {
      whole: false,
      rows: position,
      broken: { id: previous.id, position, problem: 'unkeyed', message: `No row of the audit log is keyed: run \`npm run db:migrate\` to put the chain under the audit key, or the log was rewritten by someone without the key.`, expected: 'a keyed row', found: 'none' },
    };
  }
  return { whole: true, rows: position, lastHash: previous?.hash ?? null, lastId: previous?.id ?? null, unkeyedRows };
}

/** The report as the command prints it. */
export function describeAuditChainReport(report: AuditChainReport): string[] {
  if (report.whole) {
    return [
      `Audit chain whole: ${report.rows} rows`,
      ...(report.unkeyedRows > 0 ? [`(the oldest ${report.unkeyedRows} rows predate the audit key and were re-anchored under it)`] : []),
      ...(report.lastHash ? [`Last hash: ${report.lastHash}`] : []),
    ];
  }
  const { broken } = report;
  const values =
    broken.problem === 'unkeyed' || broken.problem === 'key'
      ? []
      : broken.problem === 'content'
      ? [`  stored hash:               ${broken.found}`, `  hash of what it holds now: ${broken.expected}`]
      : [`  its previous_hash:         ${broken.found}`, `  hash of the row before it: ${broken.expected}`];
  return [`Audit chain broken at row ${broken.id} (position ${broken.position}; the ${report.rows} rows before it are whole).`, broken.message, ...values];
}
