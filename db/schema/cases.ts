import { date, index, integer, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { caseStatusEnum } from './enums';
import { organizations } from './organizations';
import { incidents } from './incidents';
import { sources } from './sources';

/** A case groups incidents concerning the same people or proceedings (e.g. one prosecution). */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    status: caseStatusEnum('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('cases_org_ref').on(t.organizationId, t.ref)],
);

export const caseIncidents = pgTable(
  'case_incidents',
  {
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.incidentId] }), index('case_incidents_incident').on(t.incidentId)],
);

/** Something done for the people in a case: a UN communication, an urgent appeal, a government reply. */
export const caseInterventions = pgTable(
  'case_interventions',
  {
    id: serial('id').primaryKey(),
    caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    date: date('date').notNull(),
    kind: text('kind').notNull(),
    by: text('by'),
    referenceCode: text('reference_code'),
    summary: text('summary'),
    sourceId: uuid('source_id').references(() => sources.id),
  },
  (t) => [index('case_interventions_case').on(t.caseId)],
);
