/**
 * Security review, item 5: the case picker of an incident page offers only the cases that could
 * take that incident: those of the incident's organization (or of an organization it is shared
 * with) where the viewer is a member. A person in two organizations never sees the other one's
 * cases offered, and an incident one may not see answers NOT_FOUND.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { memberships } from '@/db/schema';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
});
afterAll(async () => {
  await database?.close();
});

describe('case.editableChoices', () => {
  it('offers the cases of the incident’s organization only, and NOT_FOUND for an incident out of sight', async () => {
    const { db } = database;
    const bureau = await createOrganization(db, 'Choices Bureau');
    const coalition = await createOrganization(db, 'Choices Coalition');
    const stranger = await createOrganization(db, 'Choices Stranger');
    const monitor = await createUser(db, bureau.id, 'monitor');
    await db.insert(memberships).values({ userId: monitor.id, organizationId: coalition.id, role: 'reviewer' });
    const strangerReviewer = await createUser(db, stranger.id, 'reviewer');

    const me = await callerFor(db, monitor.id);
    const bureauCase = await me.case.create({ organizationId: bureau.id, title: 'Abzhan prosecution (bureau)', persons: [] });
    const coalitionCase = await me.case.create({ organizationId: coalition.id, title: 'Abzhan prosecution (coalition)', persons: [] });
    const { id: bureauIncident } = await me.incident.create({ organizationId: bureau.id, incident: anIncident({ title: 'Abzhan detained' }) });
    const { id: coalitionIncident } = await me.incident.create({ organizationId: coalition.id, incident: anIncident({ title: 'Abzhan searched' }) });

    const offered = async (incidentId: string) => (await me.case.editableChoices({ incidentId, text: 'Abzhan' })).map((c) => c.id);
    expect(await offered(bureauIncident)).toEqual([bureauCase.id]);
    expect(await offered(coalitionIncident)).toEqual([coalitionCase.id]);

    // Another organization's incident shared with the coalition: the coalition's cases may take it.
    const strangers = await callerFor(db, strangerReviewer.id);
    const { id: strangerIncident } = await strangers.incident.create({ organizationId: stranger.id, incident: anIncident({ title: 'Abzhan abroad' }) });
    await expect(me.case.editableChoices({ incidentId: strangerIncident, text: 'Abzhan' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await strangers.incident.share({ id: strangerIncident, organizationId: coalition.id });
    expect(await offered(strangerIncident)).toEqual([coalitionCase.id]);
  });
});
