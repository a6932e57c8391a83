import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { legalEventKinds } from '../../common/values';
import { caseStatusEnum, datePrecisionEnum } from './enums';
import { users } from './users';
import { editTrail, ownedRecord, reviewDecision, reviewedVersions, savedVersion } from './columns';
import { persons } from './actors';
import { incidents } from './incidents';
import { legalProvisions, sources } from './sources';

/**
 * A case groups incidents concerning the same people or proceedings (e.g. one prosecution), with
 * the legal events of the proceedings and the interventions made for the people concerned.
 * `status` is whether the case is still followed (open, closed); `reviewStatus` is the same
 * four-eyes workflow as incidents.
 */
export const cases = pgTable(
  'cases',
  {
    ...ownedRecord(),
    title: text('title').notNull(),
    summary: text('summary'),
    status: caseStatusEnum('status').notNull().default('open'),
    // Every change to the case or to its parts (links, persons, legal events, interventions)
    // increments the version and appends a snapshot to case_versions.
    ...reviewedVersions(),
    ...editTrail(),
  },
  (t) => [
    unique('cases_org_ref').on(t.organizationId, t.ref),
    index('cases_org_updated_id').on(t.organizationId, t.updatedAt, t.id),
    check('cases_version_positive', sql`${t.version} >= 1`),
  ],
);

/** Append-only: every saved version of a case with its parts, as a full snapshot (like incident_versions). */
export const caseVersions = pgTable(
  'case_versions',
  {
    id: serial('id').primaryKey(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    ...savedVersion(),
  },
  (t) => [unique('case_versions_case_version').on(t.caseId, t.version)],
);

/** Who decided what on which version of a case, with their comment. Append-only. */
export const caseReviews = pgTable(
  'case_reviews',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    ...reviewDecision(),
  },
  (t) => [index('case_reviews_case').on(t.caseId, t.id)],
);

/**
 * An incident belongs to any number of cases. The incident may be another organization's, when it
 * is shared with the case's organization. A link is a set membership: the case history keeps its trail.
 */
export const caseIncidents = pgTable(
  'case_incidents',
  {
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id),
    linkedBy: uuid('linked_by').references(() => users.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.incidentId] }), index('case_incidents_incident').on(t.incidentId)],
);

/** The persons a case concerns (the defender, relatives, co-defendants), with an optional role. */
export const casePersons = pgTable(
  'case_persons',
  {
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => persons.id),
    position: integer('position').notNull().default(0),
    /** In the users' words: "defendant", "relative", "lawyer". */
    role: text('role'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.personId] }), index('case_persons_person').on(t.personId)],
);

export const legalEventKindEnum = pgEnum('legal_event_kind', legalEventKinds);
export type { LegalEventKind } from '../../common/values';

/**
 * One dated step of legal proceedings against a person in a case: charges under provisions of law,
 * a hearing, the verdict, the sentence, an appeal and its outcome. The date may be unknown (null):
 * such events come last on the timeline.
 */
export const caseLegalEvents = pgTable(
  'case_legal_events',
  {
    id: serial('id').primaryKey(),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    /** Stable identifier for the exchange format, unique within the case; null for events made in the workspace. */
    ref: text('ref'),
    personId: uuid('person_id').references(() => persons.id),
    kind: legalEventKindEnum('kind').notNull(),
    /** First day of the period, as for incidents; null when the date is not known. */
    date: date('date'),
    datePrecision: datePrecisionEnum('date_precision').notNull().default('day'),
    court: text('court'),
    /** What happened: the charge as worded, the sentence, the grounds of the decision. */
    summary: text('summary'),
    /** The result in a few words: "convicted", "upheld", "acquitted", "released on bail". */
    outcome: text('outcome'),
    version: integer('version').notNull().default(1),
    ...editTrail(),
  },
  (t) => [
    index('case_legal_events_case').on(t.caseId, t.date),
    unique('case_legal_events_case_ref').on(t.caseId, t.ref),
    check('case_legal_events_version_positive', sql`${t.version} >= 1`),
  ],
);

/** The provisions of law a legal event concerns (the charges, the articles of a conviction). */
export const caseLegalEventProvisions = pgTable(
  'case_legal_event_provisions',
  {
    legalEventId: integer('legal_event_id')
      .notNull()
      .references(() => caseLegalEvents.id, { onDelete: 'cascade' }),
    legalProvisionId: uuid('legal_provision_id')
      .notNull()
      .references(() => legalProvisions.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.legalEventId, t.legalProvisionId] })],
);

/**
 * Something done for the people in a case: a UN communication, an urgent appeal, a government reply,
 * a statement, legal aid. `kind` is free text in the exchange format; the workspace offers known kinds.
 * A communication that asks for a reply has a due date; it awaits a reply until one is recorded.
 */
export const caseInterventions = pgTable(
  'case_interventions',
  {
    id: serial('id').primaryKey(),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    /** Stable identifier for the exchange format, unique within the case; null for interventions made in the workspace. */
    ref: text('ref'),
    /** Order within the case as entered or imported; the timeline orders by date. */
    position: integer('position').notNull(),
    date: date('date').notNull(),
    datePrecision: datePrecisionEnum('date_precision').notNull().default('day'),
    kind: text('kind').notNull(),
    by: text('by'),
    /** E.g. the UN communication number "AL KAZ 3/2017"; often unknown. */
    referenceCode: text('reference_code'),
    summary: text('summary'),
    sourceId: uuid('source_id').references(() => sources.id),
    /** When a reply is expected (UN communications ask for one within 60 days). */
    replyDueOn: date('reply_due_on'),
    /** When the reply came; null while it is awaited. */
    replyReceivedOn: date('reply_received_on'),
    version: integer('version').notNull().default(1),
    ...editTrail(),
  },
  (t) => [
    index('case_interventions_case').on(t.caseId),
    unique('case_interventions_case_ref').on(t.caseId, t.ref),
    // The "awaiting a reply" list reads only this small slice, earliest due (most overdue) first.
    index('case_interventions_awaiting')
      .on(t.replyDueOn)
      .where(sql`${t.replyDueOn} IS NOT NULL AND ${t.replyReceivedOn} IS NULL AND ${t.deletedAt} IS NULL`),
    check('case_interventions_version_positive', sql`${t.version} >= 1`),
  ],
);
