import { date, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { reliabilityEnum } from './enums';
import { organizations } from './organizations';
import { users } from './users';

/** A document or testimony that incidents cite. */
export const sources = pgTable(
  'sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    publisher: text('publisher'),
    publishedOn: date('published_on'),
    kind: text('kind'),
    referenceCode: text('reference_code'),
    url: text('url'),
    reliability: reliabilityEnum('reliability'),
    /** Optimistic concurrency for edits; every edit is kept in directory_versions. */
    version: integer('version').notNull().default(1),
    /** Who saved the form that created the record (null for imported records). */
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('sources_org_ref').on(t.organizationId, t.ref)],
);

/** A provision of law (e.g. Criminal Code art. 274); shared by every NGO on the platform. */
export const legalProvisions = pgTable(
  'legal_provisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The code or law; '' when unknown, so that the unique key works. */
    code: text('code').notNull().default(''),
    article: text('article').notNull(),
    title: text('title'),
  },
  (t) => [unique('legal_provisions_code_article').on(t.code, t.article)],
);
