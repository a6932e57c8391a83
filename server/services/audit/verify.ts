import 'server-only';
import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { auditRowHash, auditRowMac, genesisHash, type AuditContent } from './hash';
import { auditKeyring, type AuditKeyring } from './key';
import { reanchorAction } from './record';
import type { MessageKey, Translate } from '@/common/i18n';

/** Where the chain first breaks and why (a reason the command words in the operator's language), with the two values that differ. */
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
  /** Why, as the dictionaries word it under `cli.audit.<reason>`; `previousId` and `keyId` fill it in. */
  reason: BrokenReason;
  previousId?: number;
  keyId?: string;
  expected: string;
  found: string;
};

type BrokenReason = 'changed' | 'changedOrUnkeyed' | 'gap' | 'olderRemoved' | 'unkeyedAfterKeyed' | 'keyMissing' | 'notReanchor' | 'noKeyedRow';

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
  const broken = (row: { id: number }, problem: BrokenLink['problem'], why: Pick<BrokenLink, 'reason' | 'previousId' | 'keyId'>, expected: string, found: string): AuditChainReport => ({
    whole: false,
    rows: position - 1,
    broken: { id: row.id, position, problem, ...why, expected, found },
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
        const why = previous ? { reason: 'gap' as const, previousId: previous.id } : { reason: 'olderRemoved' as const };
        return broken(row, 'link', why, expectedPrevious, row.previousHash);
      }
      let recomputed: string;
      if (row.keyId === null) {
        if (previous?.keyed) {
          return broken(row, 'unkeyed', { reason: 'unkeyedAfterKeyed' }, 'a keyed row', 'an unkeyed row');
        }
        unkeyedRows += 1;
        recomputed = auditRowHash(row.previousHash, contentOf(row));
      } else {
        const key = keyring.byId.get(row.keyId);
        if (!key) {
          return broken(row, 'key', { reason: 'keyMissing', keyId: row.keyId }, row.keyId, [...keyring.byId.keys()].join(', '));
        }
        if (previous && !previous.keyed && row.action !== reanchorAction) {
          return broken(row, 'unkeyed', { reason: 'notReanchor' }, reanchorAction, row.action);
        }
        recomputed = auditRowMac(key.secret, key.id, row.previousHash, contentOf(row));
      }
      if (recomputed !== row.hash) {
        return broken(row, 'content', { reason: row.keyId ? 'changedOrUnkeyed' : 'changed' }, recomputed, row.hash);
      }
      previous = { id: row.id, hash: row.hash, keyed: row.keyId !== null };
    }
    if (batch.length < batchSize) break;
  }
  if (previous && !previous.keyed) {
    return {
      whole: false,
      rows: position,
      broken: { id: previous.id, position, problem: 'unkeyed', reason: 'noKeyedRow', expected: 'a keyed row', found: 'none' },
    };
  }
  return { whole: true, rows: position, lastHash: previous?.hash ?? null, lastId: previous?.id ?? null, unkeyedRows };
}

/** The report as the commands print it, in the operator's language (`say`, cli/language.ts). */
export function describeAuditChainReport(report: AuditChainReport, say: Translate): string[] {
  if (report.whole) {
    return [
      say('cli.audit.whole', { rows: report.rows }),
      ...(report.unkeyedRows > 0 ? [say('cli.audit.reanchored', { rows: report.unkeyedRows })] : []),
      ...(report.lastHash ? [say('cli.audit.lastHash', { hash: report.lastHash })] : []),
    ];
  }
  const { broken } = report;
  const values =
    broken.problem === 'unkeyed' || broken.problem === 'key'
      ? []
      : broken.problem === 'content'
      ? [say('cli.audit.storedHash', { hash: broken.found }), say('cli.audit.heldHash', { hash: broken.expected })]
      : [say('cli.audit.previousHash', { hash: broken.found }), say('cli.audit.rowBeforeHash', { hash: broken.expected })];
  const params = { id: broken.id, position: broken.position, previousId: broken.previousId ?? '', keyId: broken.keyId ?? '' };
  return [
    say('cli.audit.brokenAt', { id: broken.id, position: broken.position, rows: report.rows }),
    say(`cli.audit.${broken.reason}` satisfies MessageKey, params),
    ...values,
  ];
}
