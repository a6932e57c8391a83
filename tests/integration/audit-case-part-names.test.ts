/**
 * The audit page names a case's interventions and legal events by their case's title, with their
 * kind and date, and only where the case is one of the reader's organizations'.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { caseInterventions, caseLegalEvents } from '@/db/schema';
import type { AuditEntryView } from '@/server/services/audit/browse';
import { nameAuditReferences } from '@/server/services/audit/names';
import { createTestDatabase } from '../support/database';
import { callerFor, createOrganization, createUser } from '../support/factories';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

async function caseWithParts(organizationName: string, title: string) {
  const organization = await createOrganization(database.db, organizationName);
  const monitor = await createUser(database.db, organization.id, 'monitor');
  const caller = await callerFor(database.db, monitor.id);
  const { id: caseId } = await caller.case.create({ organizationId: organization.id, title, persons: [] });
  await caller.case.addIntervention({ caseId, kind: 'urgent_appeal', datePrecision: 'month', date: '2017-10', by: null, referenceCode: null, summary: null });
  await caller.case.addLegalEvent({ caseId, kind: 'hearing', datePrecision: 'day', date: null });
  const [intervention] = await database.db.select({ id: caseInterventions.id }).from(caseInterventions).where(eq(caseInterventions.caseId, caseId));
  const [event] = await database.db.select({ id: caseLegalEvents.id }).from(caseLegalEvents).where(eq(caseLegalEvents.caseId, caseId));
  return { organizationId: organization.id, caseId, interventionId: intervention!.id, legalEventId: event!.id };
}

const entry = (id: number, details: Record<string, unknown>): AuditEntryView => ({ id, at: '2017-10-01T00:00:00Z', action: 'case.update', organization: null, actor: null, subject: null, details });

describe('audit names of case parts', () => {
  it('names own interventions and legal events by their case, and leaves another organization’s unnamed', async () => {
    const own = await caseWithParts('Bureau', 'Judicial harassment of Larisa Kharkova');
    const other = await caseWithParts('Partner', 'A partner’s confidential case');
    const references = await nameAuditReferences(database.db, [own.organizationId], [
      entry(1, { interventionId: own.interventionId, legalEventId: own.legalEventId }),
      entry(2, { interventionId: other.interventionId, legalEventId: other.legalEventId }),
    ]);
    expect(references).toEqual({
      [`intervention:${own.interventionId}`]: {
        kind: 'intervention',
        id: String(own.interventionId),
        caseId: own.caseId,
        name: 'Judicial harassment of Larisa Kharkova',
        detail: { kind: 'urgent_appeal', date: '2017-10-01' },
      },
      [`legal_event:${own.legalEventId}`]: {
        kind: 'legal_event',
        id: String(own.legalEventId),
        caseId: own.caseId,
        name: 'Judicial harassment of Larisa Kharkova',
        detail: { kind: 'hearing', date: null },
      },
    });
  });
});
