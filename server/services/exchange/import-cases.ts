import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { cases } from '@/db/schema';
import { recordCaseVersion } from '../cases/history';
import { caseLinksFromFile, loadCaseLinksByRef, sameCaseLinks } from './case-links';
import { caseProceedingsFromFile, loadCaseProceedingsByRef, sameLegalEvents, type StoredCaseProceedings } from './case-proceedings';
import { differs, sameContent } from './compare';
import type { ExchangeCase } from './document';
import { writeCaseIncidents, writeCaseInterventions } from './import-case-parts';
import { writeCaseLegalEvents, writeCasePersons } from './import-case-proceedings';
import { emptyCounts, type ImportCounts } from './summary';

function columns(record: ExchangeCase) {
  return {
    title: record.title,
    summary: record.summary ?? null,
    status: record.status ?? 'open',
  } satisfies Partial<typeof cases.$inferInsert>;
}

type Params = {
  organizationId: string;
  actingUserId: string | null;
  records: readonly ExchangeCase[];
  ids: { incidents: ReadonlyMap<string, string>; sources: ReadonlyMap<string, string>; persons: ReadonlyMap<string, string> };
};

/**
 * Upserts cases by (organization, ref) with their incidents and interventions. A case whose content
 * is unchanged is not touched: no new version. A new case starts as a draft at version 1 (the format
 * has no review state for cases, and an import publishes nothing the file does not mark published);
 * a changed one goes up one version and, if it was approved or published, becomes a draft again
 * while the public keeps its published version, as an edit in the workspace does. Either way its
 * history records the import and who ran it. A version 1 file carries no persons or legal events
 * of a case: the import then leaves them as they are; a version 2 file that lists them makes them its own.
 */
export async function importCases(tx: Tx, params: Params): Promise<{ counts: ImportCounts; deletedLeftAlone: number }> {
  const { organizationId, actingUserId } = params;
  const counts = emptyCounts();
  let deletedLeftAlone = 0;
  const existing = new Map((await tx.select().from(cases).where(eq(cases.organizationId, organizationId))).map((row) => [row.ref, row]));
  const currentLinks = await loadCaseLinksByRef(tx, organizationId, { includeDeletedIncidents: true });
  const currentProceedings = await loadCaseProceedingsByRef(tx, organizationId);
  const writeProceedings = async (caseId: string, stored: StoredCaseProceedings | undefined, wanted: ReturnType<typeof caseProceedingsFromFile>) => {
    const shared = { caseId, actingUserId, personIds: params.ids.persons };
    if (wanted.persons && !sameContent(stored?.persons ?? [], wanted.persons)) await writeCasePersons(tx, { ...shared, wanted: wanted.persons });
    if (wanted.legalEvents && !sameLegalEvents(stored?.legalEvents ?? [], wanted.legalEvents)) {
      await writeCaseLegalEvents(tx, { ...shared, current: stored, wanted: wanted.legalEvents });
    }
  };

  for (const record of params.records) {
    const wanted = columns(record);
    const links = caseLinksFromFile(record);
    const proceedings = caseProceedingsFromFile(record);
    const current = existing.get(record.ref);
    if (!current) {
      const [created] = await tx
        .insert(cases)
        .values({ organizationId, ref: record.ref, ...wanted, version: 1, createdBy: actingUserId, updatedBy: actingUserId })
        .returning({ id: cases.id });
      const caseId = created!.id;
      await writeCaseIncidents(tx, { caseId, organizationId, actingUserId, current: [], wanted: links.incidents, ids: params.ids });
      await writeCaseInterventions(tx, { caseId, actingUserId, current: undefined, wanted: links, ids: params.ids });
      await writeProceedings(caseId, undefined, proceedings);
      await recordCaseVersion(tx, { caseId, version: 1, savedBy: actingUserId, savedVia: 'import' });
      counts.created++;
      continue;
    }
    if (current.deletedAt) {
      // Bringing a deleted case back is an admin's decision, not a side effect of loading an older file.
      deletedLeftAlone++;
      continue;
    }
    const stored = currentLinks.get(current.id);
    const storedProceedings = currentProceedings.get(current.id);
    const proceedingsUnchanged =
      (!proceedings.persons || sameContent(storedProceedings?.persons ?? [], proceedings.persons)) &&
      (!proceedings.legalEvents || sameLegalEvents(storedProceedings?.legalEvents ?? [], proceedings.legalEvents));
    if (!differs(current, wanted) && sameCaseLinks(stored, links) && proceedingsUnchanged) {
      counts.unchanged++;
      continue;
    }
    const [updated] = await tx
      .update(cases)
      .set({
        ...wanted,
        reviewStatus: sql`CASE WHEN ${cases.reviewStatus} IN ('approved', 'published') THEN 'draft'::review_status ELSE ${cases.reviewStatus} END`,
        version: sql`${cases.version} + 1`,
        updatedBy: actingUserId,
        updatedAt: sql`now()`,
      })
      .where(eq(cases.id, current.id))
      .returning({ version: cases.version });
    await writeCaseIncidents(tx, {
      caseId: current.id,
      organizationId,
      actingUserId,
      current: stored?.incidents ?? [],
      wanted: links.incidents,
      ids: params.ids,
    });
    await writeCaseInterventions(tx, { caseId: current.id, actingUserId, current: stored, wanted: links, ids: params.ids });
    await writeProceedings(current.id, storedProceedings, proceedings);
    await recordCaseVersion(tx, { caseId: current.id, version: updated!.version, savedBy: actingUserId, savedVia: 'import' });
    counts.updated++;
  }
  return { counts, deletedLeftAlone };
}
