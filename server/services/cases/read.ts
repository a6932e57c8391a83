import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { cases, organizations, users } from '@/db/schema';
import type { CaseFacts } from '@/server/policy/case';
import { caseChangeAuthors } from '../review/change-authors';

/** The columns the case policy decides by (CaseFacts), for every query whose rows it judges. */
export const caseFactsColumns = {
  organizationId: cases.organizationId,
  reviewStatus: cases.reviewStatus,
  createdBy: cases.createdBy,
  updatedBy: cases.updatedBy,
  publishedVersion: cases.publishedVersion,
} satisfies Record<keyof CaseFacts, unknown>;

/** The case row the policy needs to decide who may see or edit it; null when missing or deleted. */
export async function findCaseForPolicy(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ ...caseFactsColumns, id: cases.id, version: cases.version, ...caseChangeAuthors() })
    .from(cases)
    .where(and(eq(cases.id, id), isNull(cases.deletedAt)));
  return row ?? null;
}
export type CaseForPolicy = NonNullable<Awaited<ReturnType<typeof findCaseForPolicy>>>;

const creator = alias(users, 'creator');
const updater = alias(users, 'updater');

/** The case's own fields with who made and last changed it, for the case page and the edit form. */
export async function getCaseHeader(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: cases.id,
      ref: cases.ref,
      organizationId: cases.organizationId,
      organizationName: organizations.name,
      title: cases.title,
      summary: cases.summary,
      status: cases.status,
      reviewStatus: cases.reviewStatus,
      version: cases.version,
      publishedVersion: cases.publishedVersion,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
      creatorId: creator.id,
      creatorName: creator.name,
      updaterId: updater.id,
      updaterName: updater.name,
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .leftJoin(creator, eq(creator.id, cases.createdBy))
    .leftJoin(updater, eq(updater.id, cases.updatedBy))
    .where(and(eq(cases.id, id), isNull(cases.deletedAt)));
  if (!row) return null;
  const { creatorId, creatorName, updaterId, updaterName, ...rest } = row;
  return {
    ...rest,
    createdBy: creatorId ? { id: creatorId, name: creatorName ?? '' } : null,
    updatedBy: updaterId ? { id: updaterId, name: updaterName ?? '' } : null,
  };
}
export type CaseHeader = NonNullable<Awaited<ReturnType<typeof getCaseHeader>>>;
