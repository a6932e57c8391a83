import type { Db } from '@/db/client';
import { callerFor, createOrganization, createUser } from '../factories';
import type { RecordStates } from './incidents';
import type { Staff } from './staff';

/**
 * Another organization, with which three incidents are shared (a draft among them); its case links
 * them. Its members may read the shared incidents, projected (tests/integration/cross-organization-leak.test.ts).
 */
export type Partner = { organizationId: string; monitorId: string; reviewerId: string; caseId: string };

export async function plantPartner(db: Db, { reviewing }: Staff, { published, edited, draft }: RecordStates): Promise<Partner> {
  const partner = await createOrganization(db);
  const partnerMonitor = await createUser(db, partner.id, 'monitor');
  const partnerReviewer = await createUser(db, partner.id, 'reviewer');
  for (const id of [published, edited, draft]) await reviewing.incident.share({ id, organizationId: partner.id });
  const theirs = await callerFor(db, partnerMonitor.id);
  const partnerCase = await theirs.case.create({ organizationId: partner.id, title: 'Coalition follow-up', summary: null, persons: [] });
  let cv = partnerCase.version;
  for (const id of [published, edited, draft]) cv = (await theirs.case.linkIncident({ caseId: partnerCase.id, incidentId: id })).version;
  await theirs.case.submit({ id: partnerCase.id, version: cv });
  return { organizationId: partner.id, monitorId: partnerMonitor.id, reviewerId: partnerReviewer.id, caseId: partnerCase.id };
}
