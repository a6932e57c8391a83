import 'server-only';
import type { Db, Tx } from '@/db/client';
import type { DirectoryKind } from '@/db/schema';
import type { DirectoryRecordFacts } from '@/server/policy/directory';
import { recordAudit } from '../audit/record';
import { badRequest, conflict, notFound } from '../../errors';
import type { ProblemCode } from '@/common/i18n/problems';
import { hasDirectoryVersion, recordDirectoryVersion } from './history';
import { usedByReviewedRecord } from './usage';

/** What the edit module needs of one kind of record (persons, documented organizations, sources): see ./kinds.ts. */
export type DirectoryAdapter<Fields extends Record<string, unknown>> = {
  kind: DirectoryKind;
  /** The record in the users' words, for messages ("person", "organization", "source"). */
  what: string;
  /** Locks the row for the transaction and reads the facts the policy needs and the editable fields. */
  lock: (tx: Tx, id: string) => Promise<{ organizationId: string; createdBy: string | null; version: number; mergedIntoId?: string | null; fields: Fields } | null>;
  /** Completes the edit from the record as it was (e.g. keeps a protected person's former name as another spelling). */
  complete?: (before: Fields, after: Fields) => Fields;
  /** Refuses values the database would accept but the platform does not know (e.g. an unknown category). */
  check?: (tx: Tx, fields: Fields, record: { organizationId: string }) => Promise<void>;
  /** Writes the fields and the next version. */
  write: (tx: Tx, id: string, fields: Fields) => Promise<void>;
  /** Re-projects, in the same transaction, every public record whose text the change alters; returns how many. */
  reproject: (tx: Tx, change: { id: string; organizationId: string; before: Fields; after: Fields }) => Promise<number>;
};

/** The refusal of a stale edit, worded for each kind in the dictionaries. */
const staleProblem = {
  person: 'directory.personStale',
  documented_organization: 'directory.organizationStale',
  source: 'directory.sourceStale',
} as const satisfies Record<DirectoryKind, ProblemCode>;

export type EditParams<Fields> = {
  id: string;
  /** The version the editor saw: a stale edit gets CONFLICT. */
  version: number;
  fields: Fields;
  actorId: string;
  /** The policy, asked inside the transaction on the locked row (so that what was checked is what is changed). */
  authorize: (facts: DirectoryRecordFacts, before: Fields, after: Fields) => void;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * One edit of a person, organization or source: the row, its history (the state before a first edit
 * is kept too, so the history shows what was corrected), the audit entry and the re-projection of
 * the public records that cite it commit together or not at all.
 */
export async function editDirectoryRecord<Fields extends Record<string, unknown>>(
  db: Db,
  adapter: DirectoryAdapter<Fields>,
  params: EditParams<Fields>,
): Promise<{ id: string; version: number; republished: number }> {
  return db.transaction(async (tx) => {
    const row = await adapter.lock(tx, params.id);
    if (!row) throw notFound(adapter.what);
    const facts: DirectoryRecordFacts = {
      organizationId: row.organizationId,
      createdBy: row.createdBy,
      mergedIntoId: row.mergedIntoId ?? null,
      usedByReviewedRecord: await usedByReviewedRecord(tx, adapter.kind, params.id, row.organizationId),
    };
    params.authorize(facts, row.fields, params.fields);
    if (row.version !== params.version) {
      throw conflict(staleProblem[adapter.kind], { version: params.version, current: row.version });
    }
    const fields = adapter.complete ? adapter.complete(row.fields, params.fields) : params.fields;
    const changed = Object.keys(fields).filter((field) => !same(row.fields[field], fields[field]));
    if (changed.length === 0) throw badRequest('record.nothingChanged');
    await adapter.check?.(tx, fields, { organizationId: row.organizationId });

    const base = { kind: adapter.kind, recordId: params.id, organizationId: row.organizationId };
    if (!(await hasDirectoryVersion(tx, adapter.kind, params.id, row.version))) {
      await recordDirectoryVersion(tx, { ...base, version: row.version, snapshot: row.fields, savedBy: null, savedVia: 'before-edit' });
    }
    await adapter.write(tx, params.id, fields);
    const version = row.version + 1;
    await recordDirectoryVersion(tx, { ...base, version, snapshot: fields, savedBy: params.actorId, savedVia: 'edit' });
    const republished = await adapter.reproject(tx, { id: params.id, organizationId: row.organizationId, before: row.fields, after: fields });
    // Field names only: the values may be a confidential name.
    await recordAudit(tx, {
      actorId: params.actorId,
      action: `${adapter.kind}.update`,
      organizationId: row.organizationId,
      subjectType: adapter.kind,
      subjectId: params.id,
      details: {
        version,
        changed,
        ...('confidential' in fields && changed.includes('confidential') ? { confidential: fields.confidential } : {}),
        republished,
      },
    });
    return { id: params.id, version, republished };
  });
}
