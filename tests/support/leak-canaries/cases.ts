import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { persons, sources } from '@/db/schema';
import { ref, type CanaryBook } from './book';
import type { PlantedIncidents, RecordStates } from './incidents';
import type { ConfidentialSpellings } from './spellings';
import type { Staff } from './staff';

export type PlantedCases = {
  cases: RecordStates;
  /** A source the published case cites, and the first legal event of that case: both get evidence files. */
  caseSourceId: string;
  firstEventId: number;
};

/** The canary organization's cases, through the same workflow: one in every state, each naming what it must not show. */
export async function plantCases(
  db: Db,
  { canary, publicToken }: CanaryBook,
  { d, inOtherForms }: ConfidentialSpellings,
  { ngo, author, reviewing, publishCase }: Staff,
  { incidents, victimName, inReference, inAddress }: PlantedIncidents,
): Promise<PlantedCases> {
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
  let cv = (await author.case.linkIncident({ caseId: publicCase.id, incidentId: incidents.published })).version;
  cv = (await author.case.linkIncident({ caseId: publicCase.id, incidentId: incidents.draft })).version;
  cv = (await author.case.linkIncident({ caseId: publicCase.id, incidentId: incidents.retracted })).version;
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
  cv = (await author.case.linkIncident({ caseId: editedCase.id, incidentId: incidents.published })).version;
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
  cv = (await author.case.linkIncident({ caseId: deletedCase.id, incidentId: incidents.published })).version;
  await author.case.delete({ id: deletedCase.id, version: cv });

  return {
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
    caseSourceId: caseSource!.id,
    firstEventId: firstEvent.id,
  };
}
