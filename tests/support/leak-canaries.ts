import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { evidenceFiles, persons, sources, users } from '@/db/schema';
import { refreshPublicIncidentsOf } from '@/server/services/publishing/public-record';
import { anIncident, callerFor, createOrganization, createUser } from './factories';
import { nameCanary } from './name-canary';

/**
 * The records an attacker of the public side would hope to read, planted through the same entry
 * points people use: one organization whose staff, confidential persons, notes, comments, review
 * comments, source fields and every record that is not public carry unique canary strings, beside
 * published records that carry public tokens. Seeded by tests/integration/public-leak.test.ts (which
 * reads every public API answer) and by e2e/support/server.ts (whose public pages, RSC payloads and API
 * answers e2e/public-dashboard.spec.ts crawls): not one canary may appear, and every public token must.
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
  incidents: Record<'published' | 'edited' | 'draft' | 'submitted' | 'returned' | 'approved' | 'retracted' | 'deleted', string>;
  cases: Record<'published' | 'edited' | 'draft' | 'submitted' | 'returned' | 'approved' | 'retracted' | 'deleted', string>;
  /**
   * Another organization the published, edited and draft incidents are shared with: its monitor
   * linked them into a case of theirs and submitted it to its reviewer. Its members may read the
   * shared incidents, projected; no confidential name, role note, staff name or comment (tests/integration/cross-organization-leak.test.ts).
   */
  partner: { organizationId: string; monitorId: string; reviewerId: string; caseId: string };
};

export async function seedLeakCanaries(db: Db): Promise<LeakCanaries> {
  const canaries: Record<string, string> = {};
  const canary = (what: string) => {
    const token = `Canary${randomBytes(6).toString('hex')}`;
    canaries[token] = what;
    return token;
  };
  const publicTokens: string[] = [];
  const publicToken = () => {
    const token = `Public${randomBytes(6).toString('hex')}`;
    publicTokens.push(token);
    return token;
  };
  const ref = (kind: string) => `${kind}:${randomBytes(4).toString('hex')}`;

  // A confidential person whose name the texts write as people do: declined in Russian and Kazakh,
  // transliterated, in capitals, in an address, and by a maiden name saved as an alias. The stems are
  // the canaries, so that any form of the name that reaches the public side is a hit.
  const declined = nameCanary();
  const maiden = nameCanary();
  for (const stem of [...declined.stems, ...maiden.stems]) canaries[stem] = `confidential name in a declined, transliterated or capitalised form (${stem})`;
  canaries[declined.forms.encodedQuery] = 'confidential name %-encoded in a source address';
  const d = declined.forms;
  const inOtherForms = `${d.russianInstrumental}, ${d.firstNameGenitive}, ${d.kazakhGenitive}, ${d.bgnInstrumental}, ${d.passportCapitals}, ${d.kazakhLatinGenitive}, ${maiden.forms.russianDative}`;

  // Staff: names and emails are never public, not even as the publisher.
  const ngo = await createOrganization(db, `Bureau ${publicToken()}`);
  const monitor = await createUser(db, ngo.id, 'monitor', { email: `${canary('monitor email')}@example.org` });
  const reviewer = await createUser(db, ngo.id, 'reviewer', { email: `${canary('reviewer email')}@example.org` });
  await db.update(users).set({ name: `Monitor ${canary('monitor name')}` }).where(eq(users.id, monitor.id));
  await db.update(users).set({ name: `Reviewer ${canary('reviewer name')}` }).where(eq(users.id, reviewer.id));
  const author = await callerFor(db, monitor.id);
  const reviewing = await callerFor(db, reviewer.id);

  const confidentialVictim = (what: string) => ({
    kind: 'newPerson' as const,
    person: { name: `Aigerim ${canary(`${what}: confidential name`)}`, categories: ['trade_unionist'], roleNote: canary(`${what}: role note`), confidential: true },
  });
  /** A confidential person whose name (a canary) the text of a source repeats in one field. */
  const namedIn = (field: string) => {
    const token = canary(`confidential name in a source's ${field}`);
    return { token, name: `Marat ${token}` };
  };
  const publish = async (id: string, version: number) => {
    let v = (await author.review.submit({ id, version })).version;
    v = (await reviewing.review.approve({ id, version: v })).version;
    return (await reviewing.review.publish({ id, version: v })).version;
  };

  // 1. Published, and its confidential victim is named in the title, the summary, a source and a
  // perpetrator's name; other confidential victims are named in a source's publisher, reference code
  // and address (an address that names someone is left out, the other source's address is shown).
  const victimName = `Dana ${canary('published: confidential victim named in the text')}`;
  const inPublisher = namedIn('publisher');
  const inReference = namedIn('reference code');
  const inAddress = namedIn('address');
  const named = (person: { name: string }) => ({ kind: 'newPerson' as const, person: { name: person.name, categories: ['trade_unionist'], confidential: true } });
  const published = await author.incident.create({
    organizationId: ngo.id,
    incident: anIncident({
      title: `${publicToken()} detained: ${victimName} held overnight with ${d.russianInstrumental} (${d.passportCapitals})`,
      summary: `Police detained ${victimName} at a union meeting in ${publicToken()}. Also: ${inOtherForms}.`,
      victims: [
        { kind: 'newPerson', person: { name: victimName, categories: ['trade_unionist'], roleNote: canary('published: role note'), confidential: true } },
        { kind: 'newPerson', person: { name: `Public Defender ${publicToken()}`, categories: ['trade_unionist'], confidential: false } },
        named(inPublisher),
        named(inReference),
        named(inAddress),
        named(declined),
      ],
      perpetrators: [{ typeCode: 'police', name: `Officer who detained ${victimName} and ${d.kazakhLatinGenitive}` }],
      legalProvisions: [{ code: 'Criminal Code', article: '174', title: `Inciting discord, as charged against ${d.firstNameInstrumental} ${d.russianInstrumental}` }],
      sources: [
        { kind: 'newSource', source: { title: `Interview about ${victimName} ${publicToken()}; ${inOtherForms}`, reliability: 'B' } },
        {
          kind: 'newSource',
          source: {
            title: `Statement ${publicToken()}`,
            publisher: `Blog of ${inPublisher.name}`,
            referenceCode: `KAZ ${inReference.token}/2017`,
            url: `https://hrd-news.kz/appeal/${inAddress.token}`,
            reliability: 'C',
          },
        },
        {
          kind: 'newSource',
          source: { title: `Report ${publicToken()}`, publisher: `Publisher ${publicToken()}`, referenceCode: `KAZ ${publicToken()}`, url: `https://hrd-news.kz/report/${publicToken()}`, reliability: 'A' },
        },
        { kind: 'newSource', source: { title: `Verdict ${publicToken()}`, publisher: `Court of ${d.kazakhDative}`, url: `https://hrd-news.kz/news/${d.slug}`, reliability: 'B' } },
        { kind: 'newSource', source: { title: `Search ${publicToken()}`, url: `https://hrd-news.kz/search?q=${d.encodedQuery}`, reliability: 'B' } },
      ],
    }),
  });
  await db.update(persons).set({ aliases: [maiden.forms.nominative] }).where(eq(persons.name, declined.name));
  await publish(published.id, 1);
  await author.comment.add({ incidentId: published.id, body: `Internal note ${canary('comment on a published incident')}` });

  // 2. Published as of November 2016, then edited (moved to May 2017, renamed, a new victim) and
  // submitted: the public keeps seeing the published version.
  const edited = await author.incident.create({
    organizationId: ngo.id,
    incident: anIncident({ title: `Edited ${publicToken()}`, date: { precision: 'month', start: '2016-11' }, victims: [confidentialVictim('edited')] }),
  });
  let v = await publish(edited.id, 1);
  v = (
    await author.incident.update({
      id: edited.id,
      version: v,
      incident: anIncident({ title: `Correction ${canary('unpublished edit title')}`, summary: canary('unpublished edit summary'), victims: [confidentialVictim('edit')] }),
    })
  ).version;
  await author.review.submit({ id: edited.id, version: v });

  // 3. Draft, submitted, changes requested (with the reviewer's comment), approved but unpublished.
  const draft = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: canary('draft title'), summary: canary('draft summary'), victims: [confidentialVictim('draft')] }) });
  await author.comment.add({ incidentId: draft.id, body: canary('comment on a draft') });
  const submitted = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: canary('submitted title') }) });
  await author.review.submit({ id: submitted.id, version: 1 });
  const returned = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: canary('returned title') }) });
  v = (await author.review.submit({ id: returned.id, version: 1 })).version;
  await reviewing.review.requestChanges({ id: returned.id, version: v, comment: canary('review comment: changes requested') });
  const approved = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: canary('approved title'), summary: canary('approved summary') }) });
  v = (await author.review.submit({ id: approved.id, version: 1 })).version;
  await reviewing.review.approve({ id: approved.id, version: v });

  // 4. Published, then retracted; published, retracted while an edit was pending, then deleted (as people do).
  const retracted = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: canary('retracted title'), summary: canary('retracted summary') }) });
  v = await publish(retracted.id, 1);
  await reviewing.review.retract({ id: retracted.id, version: v, comment: canary('review comment: retraction') });
  const deleted = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: canary('deleted title'), summary: canary('deleted summary') }) });
  v = await publish(deleted.id, 1);
  v = (await author.incident.update({ id: deleted.id, version: v, incident: anIncident({ title: canary('deleted draft title') }) })).version;
  v = (await reviewing.review.retract({ id: deleted.id, version: v, comment: canary('review comment: retraction of a pending edit') })).version;
  await author.incident.delete({ id: deleted.id, version: v });

  // 5. Cases, through the same workflow (each publication or retraction rewrites the public case in its own transaction).
  const publishCase = async (id: string, version: number) => {
    let cv = (await author.case.submit({ id, version })).version;
    cv = (await reviewing.case.approve({ id, version: cv })).version;
    return (await reviewing.case.publish({ id, version: cv })).version;
  };
  // 5a. Published: names its confidential victim everywhere, and a confidential person who is only in a
  // legal event; links a published, a draft and a retracted incident; cites a source that names the victim.
  const [victim] = await db.select().from(persons).where(eq(persons.name, victimName));
  const [eventOnly] = await db
    .insert(persons)
    .values({ organizationId: ngo.id, ref: ref('person'), name: `Yerlan ${canary('confidential person only in a legal event')}`, categories: [], confidential: true })
    .returning();
  const [caseSource] = await db
    .insert(sources)
    .values({
      organizationId: ngo.id,
      ref: ref('src'),
      title: `Appeal about ${victimName} ${publicToken()}`,
      publisher: publicToken(),
      referenceCode: `Appeal for ${inReference.name}`,
      url: `https://hrd-news.kz/appeal/${inAddress.token}/case`,
    })
    .returning();
  const publicCase = await author.case.create({
    organizationId: ngo.id,
    title: `${publicToken()} prosecution of ${victimName} and ${d.russianDative}`,
    summary: `${victimName} and ${eventOnly!.name} were charged after the union meeting. ${inOtherForms}.`,
    persons: [{ personId: victim!.id, role: `defendant, relative of ${victimName} and of ${d.firstNameInstrumental}` }],
  });
  let cv = (await author.case.linkIncident({ caseId: publicCase.id, incidentId: published.id })).version;
  cv = (await author.case.linkIncident({ caseId: publicCase.id, incidentId: draft.id })).version;
  cv = (await author.case.linkIncident({ caseId: publicCase.id, incidentId: retracted.id })).version;
  const legalEvent = (personId: string, name: string) => ({
    caseId: publicCase.id,
    kind: 'charges' as const,
    date: '2017-06',
    datePrecision: 'month' as const,
    personId,
    court: `Court that heard ${name} and ${d.kazakhGenitive}`,
    summary: `${name} charged; ${publicToken()}; ${inOtherForms}`,
    outcome: `${name} convicted, as was ${d.passportCapitals}`,
    provisions: [],
  });
  const firstEvent = await author.case.addLegalEvent(legalEvent(victim!.id, victimName));
  cv = firstEvent.caseVersion;
  cv = (await author.case.addLegalEvent(legalEvent(eventOnly!.id, eventOnly!.name))).caseVersion;
  cv = (
    await author.case.addIntervention({
      caseId: publicCase.id,
      kind: 'urgent_appeal',
      date: '2017-07-01',
      datePrecision: 'day',
      by: `Friends of ${victimName} and ${d.bgnInstrumental}`,
      referenceCode: `UA KAZ ${inReference.token}`,
      summary: `Appeal for ${victimName}; ${inOtherForms}`,
      sourceId: caseSource!.id,
      replyDueOn: '2017-08-30',
    })
  ).caseVersion;
  await publishCase(publicCase.id, cv);
  await author.comment.addOnCase({ caseId: publicCase.id, body: `Internal note ${canary('comment on a published case')}` });

  // 5b. Published, then edited in every way and submitted: none of the edit is public.
  const editedCase = await author.case.create({ organizationId: ngo.id, title: `Edited case ${publicToken()}`, summary: null, persons: [] });
  cv = await publishCase(editedCase.id, editedCase.version);
  const [addedInEdit] = await db
    .insert(persons)
    .values({ organizationId: ngo.id, ref: ref('person'), name: `Dauren ${canary('person added by an unpublished case edit')}`, categories: [], confidential: false })
    .returning();
  cv = (
    await author.case.update({
      id: editedCase.id,
      version: cv,
      title: canary('unpublished case edit'),
      summary: canary('unpublished case edit summary'),
      status: 'closed',
      persons: [{ personId: addedInEdit!.id, role: canary('role in an unpublished edit') }],
    })
  ).version;
  cv = (await author.case.linkIncident({ caseId: editedCase.id, incidentId: published.id })).version;
  cv = (
    await author.case.addLegalEvent({ caseId: editedCase.id, kind: 'verdict', date: '2017-09-01', datePrecision: 'day', personId: null, court: canary('court in an unpublished edit'), summary: canary('legal event in an unpublished edit'), outcome: null, provisions: [] })
  ).caseVersion;
  cv = (
    await author.case.addIntervention({ caseId: editedCase.id, kind: 'statement', date: '2017-09-02', datePrecision: 'day', by: canary('intervention by, unpublished edit'), referenceCode: canary('reference code, unpublished edit'), summary: null, sourceId: null })
  ).caseVersion;
  await author.case.submit({ id: editedCase.id, version: cv });

  // 5c. Draft, submitted, returned with a comment, approved but unpublished, retracted, deleted.
  const draftCase = await author.case.create({ organizationId: ngo.id, title: canary('draft case title'), summary: canary('draft case summary'), persons: [] });
  const submittedCase = await author.case.create({ organizationId: ngo.id, title: canary('submitted case title'), summary: null, persons: [] });
  await author.case.submit({ id: submittedCase.id, version: submittedCase.version });
  const returnedCase = await author.case.create({ organizationId: ngo.id, title: canary('returned case title'), summary: null, persons: [] });
  cv = (await author.case.submit({ id: returnedCase.id, version: returnedCase.version })).version;
  await reviewing.case.requestChanges({ id: returnedCase.id, version: cv, comment: canary('case review comment: changes requested') });
  const approvedCase = await author.case.create({ organizationId: ngo.id, title: canary('approved case title'), summary: canary('approved case summary'), persons: [] });
  cv = (await author.case.submit({ id: approvedCase.id, version: approvedCase.version })).version;
  await reviewing.case.approve({ id: approvedCase.id, version: cv });
  const retractedCase = await author.case.create({ organizationId: ngo.id, title: canary('retracted case title'), summary: null, persons: [] });
  cv = await publishCase(retractedCase.id, retractedCase.version);
  await reviewing.case.retract({ id: retractedCase.id, version: cv, comment: canary('case retraction comment') });
  const deletedCase = await author.case.create({ organizationId: ngo.id, title: canary('deleted case title'), summary: canary('deleted case summary'), persons: [] });
  cv = (await author.case.linkIncident({ caseId: deletedCase.id, incidentId: published.id })).version;
  await author.case.delete({ id: deletedCase.id, version: cv });

  // 6. Another organization, with which three incidents are shared (a draft among them); its case links them.
  const partner = await createOrganization(db);
  const partnerMonitor = await createUser(db, partner.id, 'monitor');
  const partnerReviewer = await createUser(db, partner.id, 'reviewer');
  for (const id of [published.id, edited.id, draft.id]) await reviewing.incident.share({ id, organizationId: partner.id });
  const theirs = await callerFor(db, partnerMonitor.id);
  const partnerCase = await theirs.case.create({ organizationId: partner.id, title: 'Coalition follow-up', summary: null, persons: [] });
  cv = partnerCase.version;
  for (const id of [published.id, edited.id, draft.id]) cv = (await theirs.case.linkIncident({ caseId: partnerCase.id, incidentId: id })).version;
  await theirs.case.submit({ id: partnerCase.id, version: cv });
  // Evidence files (issue 16): confidential files on published records, and a file marked public on a
  // draft. Rows only (the public side reads no bytes to list them): their names and hashes are canaries.
  const hexCanary = (what: string) => {
    const token = randomBytes(32).toString('hex');
    canaries[token] = what;
    return token;
  };
  const evidenceRow = (subjectKind: 'incident' | 'case' | 'source' | 'legal_event', subjectId: string, what: string) => ({
    id: crypto.randomUUID(),
    organizationId: ngo.id,
    subjectKind,
    subjectId,
    title: `${canary(`${what}: file name`)}.jpg`,
    mediaType: 'image/jpeg',
    size: 1000,
    sha256: hexCanary(`${what}: file hash`),
    storageKey: hexCanary(`${what}: storage key`),
    wrappedKey: 'none',
    keyVersion: 1,
    uploadedBy: monitor.id,
  });
  await db.insert(evidenceFiles).values([
    evidenceRow('incident', published.id, 'confidential file on a published incident'),
    evidenceRow('case', publicCase.id, 'confidential file on a published case'),
    evidenceRow('source', caseSource!.id, 'confidential file on a cited source'),
    evidenceRow('legal_event', String(firstEvent.id), 'confidential file on a legal event of a published case'),
    // A public copy of a published incident, whose title (typed when marking) names the confidential
    // person in a declined form: publication redacts it, and the public token shows that the title is there.
    {
      ...evidenceRow('incident', published.id, 'file with a public copy on a published incident'),
      markedPublicAt: '2000-01-01T00:00:00Z',
      markedPublicBy: reviewer.id,
      publicId: crypto.randomUUID(),
      publicTitle: `Burnt car of ${d.russianInstrumental} ${publicToken()}`,
      publicMediaType: 'image/jpeg',
      publicSize: 900,
      publicSha256: randomBytes(32).toString('hex'),
    },
    {
      ...evidenceRow('incident', draft.id, 'file marked public on a draft'),
      markedPublicAt: new Date().toISOString(),
      markedPublicBy: reviewer.id,
      publicId: crypto.randomUUID(),
      publicTitle: canary('public title of a file on a draft'),
      publicMediaType: 'image/jpeg',
      publicSize: 900,
      publicSha256: hexCanary('public copy hash of a file on a draft'),
    },
  ]);

  // An import rewrites everything public of the organization: still only published versions may come out.
  await db.transaction((tx) => refreshPublicIncidentsOf(tx, ngo.id));

  return {
    organizationId: ngo.id,
    canaries,
    publicTokens,
    partner: { organizationId: partner.id, monitorId: partnerMonitor.id, reviewerId: partnerReviewer.id, caseId: partnerCase.id },
    incidents: { published: published.id, edited: edited.id, draft: draft.id, submitted: submitted.id, returned: returned.id, approved: approved.id, retracted: retracted.id, deleted: deleted.id },
    cases: {
      published: publicCase.id,
      edited: editedCase.id,
      draft: draftCase.id,
      submitted: submittedCase.id,
      returned: returnedCase.id,
      approved: approvedCase.id,
      retracted: retractedCase.id,
      deleted: deletedCase.id,
    },
  };
}
