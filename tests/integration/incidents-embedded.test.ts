/**
 * The monitor's core journey on the embedded database (PGlite), the default a new user runs on:
 * log an incident, find it, edit it, meet a concurrent edit, read every version in its history.
 * The full set runs on PostgreSQL (incidents.test.ts); this is the same code path on the other driver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { createEmbeddedTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;
let ngo: { id: string };
let monitor: { id: string };
let outsider: { id: string };

beforeAll(async () => {
  database = await createEmbeddedTestDatabase();
  await seedVocabulary(database.db);
  ngo = await createOrganization(database.db);
  monitor = await createUser(database.db, ngo.id, 'monitor');
  outsider = await createUser(database.db, (await createOrganization(database.db)).id, 'monitor');
});
afterAll(async () => {
  await database?.close();
});

describe('on the embedded database, a monitor', () => {
  it('logs an incident, finds it, edits it, is told of a stale edit, and reads both versions', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const { id } = await caller.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Embedded walrus incident' }) });

    const found = await caller.incident.list({ text: 'walrus', violationType: 'judicial_harassment' });
    expect(found.items.map((item) => item.id)).toEqual([id]);

    const edited = await caller.incident.update({ id, version: 1, incident: anIncident({ title: 'Embedded walrus incident, corrected' }) });
    expect(edited.version).toBe(2);
    await expect(caller.incident.update({ id, version: 1, incident: anIncident({ title: 'Stale tab' }) })).rejects.toMatchObject({ code: 'CONFLICT' });

    const incident = await caller.incident.get({ id });
    expect(incident.title).toBe('Embedded walrus incident, corrected');
    expect(incident.date).toEqual({ start: '2017-05-01', end: null, precision: 'month' });
    const history = await caller.incident.history({ id });
    expect(history.map((entry) => entry.version)).toEqual([2, 1]);
    expect(history[0]!.changes).toEqual([{ field: 'title', before: 'Embedded walrus incident', after: 'Embedded walrus incident, corrected' }]);
  });

  it('of another organization gets NOT_FOUND, as for an id that does not exist', async () => {
    const { id } = await (await callerFor(database.db, monitor.id)).incident.create({ organizationId: ngo.id, incident: anIncident() });
    const other = await callerFor(database.db, outsider.id);
    const hidden = await other.incident.get({ id }).catch((error: unknown) => error);
    const missing = await other.incident.get({ id: '00000000-0000-4000-8000-000000000000' }).catch((error: unknown) => error);
    expect(hidden).toMatchObject({ code: 'NOT_FOUND' });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: (hidden as Error).message });
  });
});
