/**
 * Security review, item 6: the public side hides every spelling of a confidential person (their name
 * and aliases) wherever a public text names them. Dropping an alias from such a person makes that
 * spelling readable in public texts, so it follows the rule for taking the confidential mark off: a
 * reviewer's or an admin's decision, after a recent proof of who they are. Adding a spelling, or
 * renaming (the former name is kept as an alias), hides more and stays open to the record's editors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidentVictims, persons } from '@/db/schema';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;
let organizationId: string;
let monitorId: string;
let reviewerId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  organizationId = (await createOrganization(database.db, 'Protected Names Bureau')).id;
  monitorId = (await createUser(database.db, organizationId, 'monitor')).id;
  reviewerId = (await createUser(database.db, organizationId, 'reviewer')).id;
});
afterAll(async () => {
  await database?.close();
});

const fields = (name: string, aliases: string[], confidential = true) => ({ name, aliases, categories: ['trade_unionist'], confidential });
const refusal = (run: Promise<unknown>) => run.then(() => 'ok', (error: { code: string; problem?: { code: string } }) => `${error.code} ${error.problem?.code ?? ''}`.trim());

async function aConfidentialVictim(name: string) {
  const author = await callerFor(database.db, monitorId);
  const { id } = await author.incident.create({
    organizationId,
    incident: anIncident({ victims: [{ kind: 'newPerson', person: { name, categories: ['trade_unionist'], confidential: true } }] }),
  });
  const [victim] = await database.db.select({ personId: incidentVictims.personId }).from(incidentVictims).where(eq(incidentVictims.incidentId, id));
  return victim!.personId!;
}

const aliasesOf = async (id: string) => (await database.db.select({ aliases: persons.aliases }).from(persons).where(eq(persons.id, id)))[0]!.aliases;

describe('the spellings of a confidential person', () => {
  it('lets the monitor who entered them add an alias and rename, but not drop an alias', async () => {
    const id = await aConfidentialVictim('Dana Hidden');
    const author = await callerFor(database.db, monitorId);
    expect(await refusal(author.person.update({ id, version: 1, fields: fields('Dana Hidden', ['Дана Скрытая']) }))).toBe('ok');
    expect(await refusal(author.person.update({ id, version: 2, fields: fields('Dana Hiddenova', ['Дана Скрытая']) }))).toBe('ok');
    expect(await aliasesOf(id)).toEqual(['Дана Скрытая', 'Dana Hidden']);

    expect(await refusal(author.person.update({ id, version: 3, fields: fields('Dana Hiddenova', ['Dana Hidden']) }))).toBe('FORBIDDEN directory.protectedNameReviewersOnly');
    // Dropping the old name together with a rename is dropping it too.
    expect(await refusal(author.person.update({ id, version: 3, fields: fields('D. Hiddenova', []) }))).toBe('FORBIDDEN directory.protectedNameReviewersOnly');
    expect(await aliasesOf(id)).toEqual(['Дана Скрытая', 'Dana Hidden']);
  });

  it('lets a reviewer drop an alias only after a recent proof of who they are', async () => {
    const id = await aConfidentialVictim('Yerlan Hidden');
    const reviewer = await callerFor(database.db, reviewerId);
    expect(await refusal(reviewer.person.update({ id, version: 1, fields: fields('Yerlan Hidden', ['Ерлан Скрытый', 'Y. Hidden']) }))).toBe('ok');

    const stale = await callerFor(database.db, reviewerId, { authenticatedAt: new Date(Date.now() - 6 * 60_000) });
    expect(await refusal(stale.person.update({ id, version: 2, fields: fields('Yerlan Hidden', ['Ерлан Скрытый']) }))).toBe('FORBIDDEN auth.recentAuthRequired');
    // Changing only how an alias is written (its case) drops nothing.
    expect(await refusal(stale.person.update({ id, version: 2, fields: fields('Yerlan Hidden', ['Ерлан скрытый', 'Y. HIDDEN']) }))).toBe('ok');
    expect(await refusal(reviewer.person.update({ id, version: 3, fields: fields('Yerlan Hidden', ['Ерлан скрытый']) }))).toBe('ok');
    expect(await aliasesOf(id)).toEqual(['Ерлан скрытый']);
  });
});
