import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { notifySavedSearchMatches } from '@/server/services/saved-searches/notify';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

/** Saved searches: whose they are, who sees them, and the notice of a new match. */

let database: Database;
let ngo: { id: string };
let otherNgo: { id: string };
let owner: { id: string };
let colleague: { id: string };
let outsider: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await seedVocabulary(db);
  ngo = await createOrganization(db, 'Saved Bureau');
  otherNgo = await createOrganization(db, 'Saved Elsewhere');
  owner = await createUser(db, ngo.id, 'reviewer');
  colleague = await createUser(db, ngo.id, 'monitor');
  outsider = await createUser(db, otherNgo.id, 'monitor');
});

afterAll(async () => {
  await database?.close();
});

describe('saved searches', () => {
  it('are their owner’s; shared ones are seen by the organization, never by another', async () => {
    const mine = await callerFor(database.db, owner.id);
    await mine.savedSearch.save({ organizationId: ngo.id, name: 'Private detentions', filters: { violationType: 'arbitrary_detention', text: 'Zhanaozen' } });
    await mine.savedSearch.save({ organizationId: ngo.id, name: 'Team threats', filters: { violationType: 'threats' }, shared: true });

    expect((await mine.savedSearch.list()).map((s) => s.name).sort()).toEqual(['Private detentions', 'Team threats']);
    const [detentions] = (await mine.savedSearch.list()).filter((s) => s.name === 'Private detentions');
    expect(detentions!.filters).toMatchObject({ violationType: 'arbitrary_detention', text: 'Zhanaozen' });
    expect((await (await callerFor(database.db, colleague.id)).savedSearch.list()).map((s) => s.name)).toEqual(['Team threats']);
    expect(await (await callerFor(database.db, outsider.id)).savedSearch.list()).toEqual([]);
  });

  it('are removed by their owner only; others are refused, outsiders told it does not exist', async () => {
    const mine = await callerFor(database.db, owner.id);
    const { id } = await mine.savedSearch.save({ organizationId: ngo.id, name: 'To remove', filters: {}, shared: true });
    await expect((await callerFor(database.db, colleague.id)).savedSearch.remove({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await callerFor(database.db, outsider.id)).savedSearch.remove({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await mine.savedSearch.remove({ id });
    expect((await mine.savedSearch.list()).map((s) => s.name)).not.toContain('To remove');
    const [audit] = rowsOf<{ action: string }>(await database.db.execute(sql`SELECT action FROM audit_log WHERE subject_id = ${id} ORDER BY id DESC LIMIT 1`));
    expect(audit!.action).toBe('saved_search.remove');
  });

  it('are refused in an organization the person does not belong to', async () => {
    await expect((await callerFor(database.db, outsider.id)).savedSearch.save({ organizationId: ngo.id, name: 'Peek', filters: {} })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the notice of a new match', () => {
  it('tells the owner once of each new incident that matches, not of older ones, their own, or another organization’s', async () => {
    const { db } = database;
    const mine = await callerFor(db, owner.id);
    const colleagueCaller = await callerFor(db, colleague.id);
    await colleagueCaller.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Kestrel before the search', violationTypes: ['threats'] }) });
    await mine.savedSearch.save({ organizationId: ngo.id, name: 'Kestrel threats', filters: { violationType: 'threats', text: 'Kestrel' }, notify: true });
    await notifySavedSearchMatches(db);

    const match = await colleagueCaller.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Kestrel threatened at home', violationTypes: ['threats'] }) });
    await colleagueCaller.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Kestrel detained', violationTypes: ['arbitrary_detention'] }) });
    await mine.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Kestrel my own threat', violationTypes: ['threats'] }) });
    await (await callerFor(db, outsider.id)).incident.create({ organizationId: otherNgo.id, incident: anIncident({ title: 'Kestrel elsewhere', violationTypes: ['threats'] }) });

    const first = await notifySavedSearchMatches(db);
    expect(first.notices).toBe(1);
    const again = await notifySavedSearchMatches(db);
    expect(again.notices).toBe(0);

    const matches = (await mine.notification.list({})).filter((n) => n.kind === 'saved_search_match');
    expect(matches.map((n) => n.incidentId)).toEqual([match.id]);
  });
});

describe('an account without memberships (security review, item 9)', () => {
  it('lists no saved search, not even its own from an organization it has left', async () => {
    const leaver = await createUser(database.db, ngo.id, 'monitor');
    await (await callerFor(database.db, leaver.id)).savedSearch.save({ organizationId: ngo.id, name: 'Before leaving', filters: {} });
    await database.db.execute(sql`DELETE FROM memberships WHERE user_id = ${leaver.id}`);
    expect(await (await callerFor(database.db, leaver.id)).savedSearch.list()).toEqual([]);
  });
});
