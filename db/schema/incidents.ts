import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users';
import { editTimes, ownedRecord, reviewedVersions, savedVersion } from './columns';
import { incidentFacts } from './incident-facts';
import { documentedOrganizations, persons } from './actors';
import { legalProvisions, sources } from './sources';

/** One documented event: what happened, when, where, to whom, by whom. */
export const incidents = pgTable(
  'incidents',
  {
    ...ownedRecord(),
    ...incidentFacts(),
    ...reviewedVersions(),
    // In this order since the first migration (rows read with select() keep it).
    deletedBy: uuid('deleted_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    ...editTimes(),
  },
  (t) => [
    unique('incidents_org_ref').on(t.organizationId, t.ref),
    // Plain ascending keys: scanned forwards they serve "oldest first", backwards "newest first"
    // (a DESC NULLS LAST index matches neither ORDER BY ... DESC nor ASC, so the planner sorted instead).
    index('incidents_org_start_id').on(t.organizationId, t.startDate, t.id),
    index('incidents_org_updated_id').on(t.organizationId, t.updatedAt, t.id),
    index('incidents_org_status_start_id').on(t.organizationId, t.reviewStatus, t.startDate, t.id),
    index('incidents_org_region').on(t.organizationId, t.region),
    index('incidents_violation_types').using('gin', t.violationTypes),
    check('incidents_end_after_start', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
    check('incidents_lat_range', sql`${t.lat} IS NULL OR (${t.lat} BETWEEN -90 AND 90)`),
    check('incidents_lon_range', sql`${t.lon} IS NULL OR (${t.lon} BETWEEN -180 AND 180)`),
    check('incidents_version_positive', sql`${t.version} >= 1`),
  ],
);

/** A victim is exactly one of a person, a documented organization or a named group. */
export const incidentVictims = pgTable(
  'incident_victims',
  {
    id: serial('id').primaryKey(),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    documentedOrganizationId: uuid('documented_organization_id').references(() => documentedOrganizations.id),
    groupName: text('group_name'),
    count: integer('count'),
    killed: integer('killed'),
    injured: integer('injured'),
    categories: text('categories').array().notNull().default([]),
  },
  (t) => [
    index('incident_victims_incident').on(t.incidentId),
    index('incident_victims_person').on(t.personId),
    check(
      'incident_victims_exactly_one',
      sql`num_nonnulls(${t.personId}, ${t.documentedOrganizationId}, ${t.groupName}) = 1`,
    ),
  ],
);

export const incidentPerpetrators = pgTable(
  'incident_perpetrators',
  {
    id: serial('id').primaryKey(),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    typeCode: text('type_code').notNull(),
    name: text('name'),
  },
  (t) => [index('incident_perpetrators_incident').on(t.incidentId)],
);

export const incidentLegalProvisions = pgTable(
  'incident_legal_provisions',
  {
    id: serial('id').primaryKey(),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    legalProvisionId: uuid('legal_provision_id').notNull().references(() => legalProvisions.id),
  },
  (t) => [index('incident_legal_provisions_incident').on(t.incidentId)],
);

export const incidentSources = pgTable(
  'incident_sources',
  {
    id: serial('id').primaryKey(),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    sourceId: uuid('source_id').notNull().references(() => sources.id),
  },
  (t) => [index('incident_sources_incident').on(t.incidentId)],
);

/**
 * Append-only: every saved version of an incident, as a full snapshot. The database refuses
 * UPDATE and DELETE on this table (see the migration that adds the trigger).
 */
export const incidentVersions = pgTable(
  'incident_versions',
  {
    id: serial('id').primaryKey(),
    incidentId: uuid('incident_id').notNull().references(() => incidents.id),
    ...savedVersion(),
  },
  (t) => [unique('incident_versions_incident_version').on(t.incidentId, t.version)],
);
