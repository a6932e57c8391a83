import type { Db } from '@/db/client';
import { refreshPublicIncidentsOf } from '@/server/services/publishing/public-record';
import { canaryBook } from './leak-canaries/book';
import { plantCases } from './leak-canaries/cases';
import { plantEvidence } from './leak-canaries/evidence';
import { plantIncidents, type RecordStates } from './leak-canaries/incidents';
import { plantPartner, type Partner } from './leak-canaries/partner';
import { confidentialSpellings } from './leak-canaries/spellings';
import { plantStaff } from './leak-canaries/staff';

/**
 * The records an attacker of the public side would hope to read, planted through the same entry
 * points people use: one organization whose staff, confidential persons, notes, comments, review
 * comments, source fields and every record that is not public carry unique canary strings, beside
 * published records that carry public tokens. Seeded by tests/integration/public-leak.test.ts (which
 * reads every public API answer) and by e2e/support/server.ts (whose public pages, RSC payloads and API
 * answers e2e/public-leaks.spec.ts crawls): not one canary may appear, and every public token must.
 *
 * Needs the vocabulary codes of tests/support/factories.ts `seedVocabulary` (the demo has them too).
 * One published incident (`edited`) was published as of November 2016 and its unpublished edit moves
 * it to May 2017: the public side counts it in 2016, so a filter to 2017 visibly leaves it out.
 */

export type LeakCanaries = {
  organizationId: string;
  /** Each canary with what it stands for, so that a hit says which field leaked. */
  canaries: Record<string, string>;
  /** Strings of published records that the public side must show (the crawl is not vacuous). */
  publicTokens: string[];
  incidents: RecordStates;
  cases: RecordStates;
  /**
   * Another organization the published, edited and draft incidents are shared with: its monitor
   * linked them into a case of theirs and submitted it to its reviewer. Its members may read the
   * shared incidents, projected; no confidential name, role note, staff name or comment (tests/integration/cross-organization-leak.test.ts).
   */
  partner: Partner;
};

/** Plants it all, in this order: staff, incidents, cases, the partner organization, evidence files (./leak-canaries/). */
export async function seedLeakCanaries(db: Db): Promise<LeakCanaries> {
  const book = canaryBook();
  const spellings = confidentialSpellings(book);
  const staff = await plantStaff(db, book);
  const planted = await plantIncidents(db, book, spellings, staff);
  const plantedCases = await plantCases(db, book, spellings, staff, planted);
  const partner = await plantPartner(db, staff, planted.incidents);
  await plantEvidence(db, book, spellings, staff, planted.incidents, plantedCases);

  // An import rewrites everything public of the organization: still only published versions may come out.
  await db.transaction((tx) => refreshPublicIncidentsOf(tx, staff.ngo.id));

  return { organizationId: staff.ngo.id, canaries: book.canaries, publicTokens: book.publicTokens, partner, incidents: planted.incidents, cases: plantedCases.cases };
}
