import { count, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog, incidentReviews, incidentVersions, notifications, publicIncidents } from '@/db/schema';
import { createTestDatabase } from './database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from './factories';

export let database: Database;
export let ngo: { id: string };
export let monitor: { id: string };
export let reviewer: { id: string };
export let secondReviewer: { id: string };
export let admin: { id: string };
export let outsiderReviewer: { id: string };

export async function openSetup(): Promise<void> {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  ngo = await createOrganization(database.db);
  const other = await createOrganization(database.db);
  monitor = await createUser(database.db, ngo.id, 'monitor');
  reviewer = await createUser(database.db, ngo.id, 'reviewer');
  secondReviewer = await createUser(database.db, ngo.id, 'reviewer');
  admin = await createUser(database.db, ngo.id, 'admin');
  outsiderReviewer = await createUser(database.db, other.id, 'reviewer');
}
export async function closeSetup(): Promise<void> {
  await database?.close();
}

export async function draftBy(userId: string) {
  const caller = await callerFor(database.db, userId);
  return caller.incident.create({ organizationId: ngo.id, incident: anIncident() });
}

export async function publicRow(incidentId: string) {
  const [row] = await database.db.select().from(publicIncidents).where(eq(publicIncidents.incidentId, incidentId));
  return row ?? null;
}

/** A published incident of the monitor's, and the version it is at. */
export async function publishedBy(userId: string) {
  const { id } = await draftBy(userId);
  let v = (await (await callerFor(database.db, userId)).review.submit({ id, version: 1 })).version;
  const reviewing = await callerFor(database.db, reviewer.id);
  v = (await reviewing.review.approve({ id, version: v })).version;
  v = (await reviewing.review.publish({ id, version: v })).version;
  return { id, version: v };
}

export async function rowCounts(incidentId: string) {
  const [versions] = await database.db.select({ n: count() }).from(incidentVersions).where(eq(incidentVersions.incidentId, incidentId));
  const [reviews] = await database.db.select({ n: count() }).from(incidentReviews).where(eq(incidentReviews.incidentId, incidentId));
  const [notices] = await database.db.select({ n: count() }).from(notifications).where(eq(notifications.incidentId, incidentId));
  const [audits] = await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.subjectId, incidentId));
  return { versions: versions!.n, reviews: reviews!.n, notices: notices!.n, audits: audits!.n };
}
