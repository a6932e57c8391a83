import { boolean, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { genderEnum } from './enums';
import { organizations } from './organizations';
import { users } from './users';

/**
 * A person named in the records (a defender, a relative, a witness). Owned by one NGO.
 * `confidential` means the name and notes never leave the workspace.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    ref: text('ref').notNull(),
    name: text('name').notNull(),
    /** Other spellings of the name (another script, a maiden name, a nickname): searched, and protected like the name. */
    aliases: text('aliases').array().notNull().default([]),
    gender: genderEnum('gender'),
    categories: text('categories').array().notNull().default([]),
    roleNote: text('role_note'),
    confidential: boolean('confidential').notNull().default(false),
    /** Optimistic concurrency: a merge names the versions of both records it was confirmed on. */
    version: integer('version').notNull().default(1),
    /**
     * Set when a reviewer merged this record into another one (a duplicate of the same person): every
     * reference moved there, and this row stays, frozen, so that history and old versions still resolve.
     */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => persons.id),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    mergedBy: uuid('merged_by').references(() => users.id),
    /** Who saved the form that created the record (null for imported records): a monitor may correct what they entered. */
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('persons_org_ref').on(t.organizationId, t.ref),
    index('persons_org_name').on(t.organizationId, t.name),
    index('persons_merged_into').on(t.mergedIntoId),
  ],
);

/**
 * An organization named in the records (a union, a newspaper, an NGO under attack), as opposed to
 * the NGOs that use the platform (`organizations`).
 */
export const documentedOrganizations = pgTable(
  'documented_organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    ref: text('ref').notNull(),
    name: text('name').notNull(),
    /** Other names of the organization (another script, a former name, other acronyms). */
    aliases: text('aliases').array().notNull().default([]),
    acronym: text('acronym'),
    kind: text('kind'),
    country: text('country'),
    /** Optimistic concurrency for edits; every edit is kept in directory_versions. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('documented_organizations_org_ref').on(t.organizationId, t.ref)],
);

export const personAffiliations = pgTable(
  'person_affiliations',
  {
    personId: uuid('person_id').notNull().references(() => persons.id, { onDelete: 'cascade' }),
    documentedOrganizationId: uuid('documented_organization_id')
      .notNull()
      .references(() => documentedOrganizations.id),
  },
  (t) => [primaryKey({ columns: [t.personId, t.documentedOrganizationId] })],
);
