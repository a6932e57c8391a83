import { and, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { auditLog, memberships, organizations, users } from '@/db/schema';
import { bigSerialId } from '@/server/validation/numbers';
import { userText } from '@/server/validation/text';

// PostgreSQL has no year 0 (and the log no entry before the app existed): years 1000-9999 only.
const isoDay = z.iso.date('Enter a date as YYYY-MM-DD').refine((day) => day >= '1000-01-01', 'Enter a date from the year 1000 on');

export const auditListInput = z
  .object({
    /** One organization the viewer administers; all of them when left out. */
    organizationId: z.uuid().nullish(),
    action: userText().trim().regex(/^[a-zA-Z_.]{1,80}$/, 'Choose an action from the list').nullish(),
    actorId: z.uuid('Choose a person from the list').nullish(),
    /** The record the entry is about: a user id, an incident id… */
    subjectId: userText().trim().min(1).max(200).nullish(),
    /** Days in UTC, both included. */
    from: isoDay.nullish(),
    to: isoDay.nullish(),
    /** The id of the last entry of the previous page: the next page holds older entries. */
    cursor: bigSerialId.nullish(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ['to'], message: 'The end date is before the start date' });
export type AuditListInput = z.input<typeof auditListInput>;

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
  input: z.output<typeof auditListInput>,
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
