import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, pgTable, pgEnum, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { notificationKinds } from '../../common/values';
import { cases } from './cases';
import { reviewDecision } from './columns';
import { incidents } from './incidents';
import { organizations } from './organizations';
import { users } from './users';

/** Who decided what on which version of an incident, with their comment. Append-only. */
export const incidentReviews = pgTable(
  'incident_reviews',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id),
    ...reviewDecision(),
  },
  (t) => [index('incident_reviews_incident').on(t.incidentId, t.id)],
);

/**
 * What a comment or a notice is about, keyed by subject: `subject_kind` says which kind of record,
 * and the one filled column of `incident_id` / `case_id` which record (each keeps its foreign key;
 * each table checks that exactly one is filled). A function: drizzle binds a column to one table.
 */
function reviewSubject() {
  return {
    subjectKind: text('subject_kind')
      .$type<'incident' | 'case'>()
      .notNull()
      .generatedAlwaysAs(sql`CASE WHEN incident_id IS NOT NULL THEN 'incident' ELSE 'case' END`),
    incidentId: uuid('incident_id').references(() => incidents.id),
    caseId: uuid('case_id').references(() => cases.id),
  };
}

/**
 * Discussion on an incident or a case among its organization's members; kept forever (append-only
 * triggers), optionally about one field. Keyed by subject: `subject_kind` says which kind of record,
 * and the one filled column of `incident_id` / `case_id` which record (each keeps its foreign key);
 * a reply concerns the same subject as its parent (checked by server/services/review/comments.ts).
 */
export const comments = pgTable(
  'comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ...reviewSubject(),
    parentId: bigint('parent_id', { mode: 'number' }).references((): AnyPgColumn => comments.id),
    authorId: uuid('author_id').notNull().references(() => users.id),
    field: text('field'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('comments_incident').on(t.incidentId, t.id),
    index('comments_case').on(t.caseId, t.id),
    check('comments_one_subject', sql`num_nonnulls(${t.incidentId}, ${t.caseId}) = 1`),
  ],
);

export const notificationKindEnum = pgEnum('notification_kind', notificationKinds);

/** In-app notices: reviewers hear of submissions, authors of decisions on their entries; each concerns one incident or one case. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    kind: notificationKindEnum('kind').notNull(),
    ...reviewSubject(),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** When `npm run notify:email` took the notice into an email (only where email is configured). */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_unread').on(t.userId, t.readAt, t.id),
    // The email sender's question: notices not yet emailed, oldest first.
    index('notifications_not_emailed').on(t.id).where(sql`${t.emailedAt} IS NULL`),
    // Every notice so far names an incident, so existing rows satisfy this.
    check('notifications_one_subject', sql`num_nonnulls(${t.incidentId}, ${t.caseId}) = 1`),
  ],
);

/** Read-only sharing of an incident with another organization on the platform. */
export const incidentShares = pgTable(
  'incident_shares',
  {
    incidentId: uuid('incident_id').notNull().references(() => incidents.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    sharedBy: uuid('shared_by').notNull().references(() => users.id),
    sharedAt: timestamp('shared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.organizationId] }), index('incident_shares_org').on(t.organizationId)],
);
