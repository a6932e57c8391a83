import 'server-only';
import { and, eq, getTableName, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidentShares, incidents, sources, users } from '@/db/schema';
import { alias } from 'drizzle-orm/pg-core';
import { incidentChangeAuthors } from '../review/change-authors';
import { loadIncidentSnapshot, type IncidentSnapshot } from './snapshot';

/**
 * The organizations an incident is shared with. The outer incident is named with its table: in a
 * one-table select drizzle renders `${incidents.id}` as a bare "id", which inside this subquery
 * would resolve to a column of incident_shares as soon as that table had one.
 */
const sharedWith = sql<string[]>`coalesce((SELECT array_agg(s.organization_id::text) FROM ${incidentShares} s WHERE s.incident_id = ${sql.identifier(getTableName(incidents))}.id), '{}')`;

/** The query behind findIncidentForPolicy, apart so that a test can read its SQL. */
export function incidentForPolicyQuery(db: DbOrTx, id: string) {
  return db
    .select({
      id: incidents.id,
      organizationId: incidents.organizationId,
      status: incidents.reviewStatus,
      createdBy: incidents.createdBy,
      updatedBy: incidents.updatedBy,
      version: incidents.version,
      publishedVersion: incidents.publishedVersion,
      sharedWith,
      ...incidentChangeAuthors(),
    })
    .from(incidents)
    .where(and(eq(incidents.id, id), isNull(incidents.deletedAt)));
}

/** The incident row the policy needs to decide who may see or edit it; null when missing or deleted. */
export async function findIncidentForPolicy(db: DbOrTx, id: string) {
  const [row] = await incidentForPolicyQuery(db, id);
  return row ?? null;
}
export type IncidentForPolicy = NonNullable<Awaited<ReturnType<typeof findIncidentForPolicy>>>;

const creator = alias(users, 'creator');
const updater = alias(users, 'updater');

export type IncidentDetail = IncidentSnapshot & {
  id: string;
  organizationId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { id: string; name: string } | null;
  updatedBy: { id: string; name: string } | null;
  /** What a reader needs to find each cited source again: who published it, when, and where. */
  sourceDetails: { id: string; publisher: string | null; url: string | null; publishedOn: string | null }[];
};

/** Everything the incident page and the edit form show. */
export async function getIncidentDetail(db: DbOrTx, id: string): Promise<IncidentDetail | null> {
  const [row] = await db
    .select({
      id: incidents.id,
      organizationId: incidents.organizationId,
      version: incidents.version,
      createdAt: incidents.createdAt,
      updatedAt: incidents.updatedAt,
      creatorId: creator.id,
      creatorName: creator.name,
      updaterId: updater.id,
      updaterName: updater.name,
    })
    .from(incidents)
    .leftJoin(creator, eq(creator.id, incidents.createdBy))
    .leftJoin(updater, eq(updater.id, incidents.updatedBy))
    .where(and(eq(incidents.id, id), isNull(incidents.deletedAt)));
  if (!row) return null;
  const snapshot = await loadIncidentSnapshot(db, id);
  if (!snapshot) return null;
  const sourceIds = snapshot.sources.map((source) => source.id);
  const sourceDetails = sourceIds.length
    ? await db.select({ id: sources.id, publisher: sources.publisher, url: sources.url, publishedOn: sources.publishedOn }).from(sources).where(inArray(sources.id, sourceIds))
    : [];
  return {
    sourceDetails,
    ...snapshot,
    id: row.id,
    organizationId: row.organizationId,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: row.creatorId ? { id: row.creatorId, name: row.creatorName ?? '' } : null,
    updatedBy: row.updaterId ? { id: row.updaterId, name: row.updaterName ?? '' } : null,
  };
}
