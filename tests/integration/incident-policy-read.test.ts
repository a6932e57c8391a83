import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { findIncidentForPolicy, incidentForPolicyQuery } from '@/server/services/incidents/read';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

/**
 * The row the policies decide on: whom an incident is shared with must be read for that incident.
 * The subquery once compared incident_shares.incident_id with a bare "id", which PostgreSQL resolved
 * to the outer incident only because incident_shares has no id column of its own.
 */
let database: Database;
let owner: { id: string };
let partner: { id: string };
let reviewer: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  owner = await createOrganization(database.db, 'Bureau');
  partner = await createOrganization(database.db, 'Partner');
  reviewer = await createUser(database.db, owner.id, 'reviewer');
});
afterAll(async () => {
  await database?.close();
});

describe('the incident row for the policies', () => {
  it('names the outer incident with its table in the sharing subquery', () => {
    const { sql } = incidentForPolicyQuery(database.db, '00000000-0000-0000-0000-000000000000').toSQL();
    expect(sql).toContain('s.incident_id = "incidents".id');
    expect(sql).not.toMatch(/= "id"/);
  });

  it('lists the organizations this incident, and no other, is shared with', async () => {
    const caller = await callerFor(database.db, reviewer.id);
    const shared = await caller.incident.create({ organizationId: owner.id, incident: anIncident() });
    const kept = await caller.incident.create({ organizationId: owner.id, incident: anIncident() });
    await caller.incident.share({ id: shared.id, organizationId: partner.id });

    expect((await findIncidentForPolicy(database.db, shared.id))?.sharedWith).toEqual([partner.id]);
    expect((await findIncidentForPolicy(database.db, kept.id))?.sharedWith).toEqual([]);
  });
});
