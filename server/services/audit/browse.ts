import 'server-only';
import { and, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { auditLog, memberships, organizations, users } from '@/db/schema';
import type { AuditListQuery } from '@/common/inputs/audit';


const actor = alias(users, 'actor');
const subjectUser = alias(users, 'subject_user');

/**
 * What an admin of these organizations may read: the entries made in them, and the entries that
 * belong to no organization (signing in and out, setting a password, failed sign-ins with the email)
 * about their current members, but only from when the person joined: not their history from before,
 * nor from another organization's time.
 */
function visibleTo(organizationIds: string[]): SQL {
  const memberSince = (userIdText: SQL) =>
    sql`EXISTS (SELECT 1 FROM ${memberships} WHERE ${inArray(memberships.organizationId, organizationIds)} AND ${memberships.userId}::text = ${userIdText} AND ${memberships.joinedAt} <= ${auditLog.at})`;
  const emailMemberSince = sql`EXISTS (SELECT 1 FROM ${users} JOIN ${memberships} ON ${memberships.userId} = ${users.id} WHERE ${inArray(memberships.organizationId, organizationIds)} AND ${users.email} = ${auditLog.details}->>'email' AND ${memberships.joinedAt} <= ${auditLog.at})`;
  return or(
    inArray(auditLog.organizationId, organizationIds),
    and(
      isNull(auditLog.organizationId),
      or(
        and(sql`${auditLog.actorId} IS NOT NULL`, memberSince(sql`${auditLog.actorId}::text`)),
        and(eq(auditLog.subjectType, 'user'), memberSince(sql`${auditLog.subjectId}`)),
        and(eq(auditLog.action, 'user.sign_in_failed'), emailMemberSince),
      ),
    ),
  )!;
}

/** Entries about a record; for a person, also failed sign-ins with their email (those name no account). */
function about(subjectId: string): SQL {
  return or(
    eq(auditLog.subjectId, subjectId),
    and(eq(auditLog.action, 'user.sign_in_failed'), sql`${auditLog.details}->>'email' = (SELECT ${users.email} FROM ${users} WHERE ${users.id}::text = ${subjectId})`),
  )!;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

export type AuditEntryView = {
  id: number;
  at: string;
  action: string;
  organization: { id: string; name: string } | null;
  actor: { id: string; name: string; email: string } | null;
  subject: { type: string; id: string; name: string | null; email: string | null } | null;
  details: Record<string, unknown>;
};

/**
 * One page of the audit log, newest first. Keyset pagination on the id (the chain's order), so a
 * deep page costs what the first does and an entry written meanwhile never shifts a page.
 */
export async function listAuditEntries(
  db: DbOrTx,
  organizationIds: string[],
  input: AuditListQuery,
): Promise<{ items: AuditEntryView[]; nextCursor: number | null }> {
  const conditions: SQL[] = [visibleTo(organizationIds)];
  if (input.action) conditions.push(eq(auditLog.action, input.action));
  if (input.actorId) conditions.push(eq(auditLog.actorId, input.actorId));
  if (input.subjectId) conditions.push(about(input.subjectId));
  if (input.from) conditions.push(gte(auditLog.at, `${input.from}T00:00:00.000Z`));
  if (input.to) conditions.push(lt(auditLog.at, nextDay(input.to)));
  if (input.cursor) conditions.push(lt(auditLog.id, input.cursor));

  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      organizationId: auditLog.organizationId,
      organizationName: organizations.name,
      actorId: actor.id,
      actorName: actor.name,
      actorEmail: actor.email,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      subjectName: subjectUser.name,
      subjectEmail: subjectUser.email,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(organizations, eq(organizations.id, auditLog.organizationId))
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(subjectUser, and(eq(auditLog.subjectType, 'user'), sql`${subjectUser.id}::text = ${auditLog.subjectId}`))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);

  const page = rows.slice(0, input.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      action: row.action,
      organization: row.organizationId && row.organizationName ? { id: row.organizationId, name: row.organizationName } : null,
      actor: row.actorId && row.actorName !== null && row.actorEmail !== null ? { id: row.actorId, name: row.actorName, email: row.actorEmail } : null,
      subject:
        row.subjectType && row.subjectId ? { type: row.subjectType, id: row.subjectId, name: row.subjectName, email: row.subjectEmail } : null,
      details: row.details,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
