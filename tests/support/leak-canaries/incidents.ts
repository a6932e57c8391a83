import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { persons } from '@/db/schema';
import { mentionToken } from '@/common/mentions';
import { anIncident } from '../factories';
import type { CanaryBook } from './book';
import type { ConfidentialSpellings } from './spellings';
import type { Staff } from './staff';

/** A record in each state of the review workflow, by its id. */
export type RecordStates = Record<'published' | 'edited' | 'draft' | 'submitted' | 'returned' | 'approved' | 'retracted' | 'deleted', string>;

type NamedIn = { token: string; name: string };

export type PlantedIncidents = {
  incidents: RecordStates;
  /** The published incident's confidential victim, named in its texts (and in the published case's). */
  victimName: string;
  inPublisher: NamedIn;
  inReference: NamedIn;
  inAddress: NamedIn;
};

/** The canary organization's incidents, one in every state of the review workflow. */
export async function plantIncidents(db: Db, { canary, publicToken }: CanaryBook, { declined, maiden, d, inOtherForms }: ConfidentialSpellings, staff: Staff): Promise<PlantedIncidents> {
  const { ngo, author, reviewing, publish } = staff;
  const confidentialVictim = (what: string) => ({
    kind: 'newPerson' as const,
    person: { name: `Aigerim ${canary(`${what}: confidential name`)}`, categories: ['trade_unionist'], roleNote: canary(`${what}: role note`), confidential: true },
  });
  /** The person a victim created with the incident became: a mention needs their id. */
  const firstPersonVictim = async (incidentId: string) => {
    const victim = (await author.incident.get({ id: incidentId })).victims[0];
    if (victim?.kind !== 'person') throw new Error('The incident was planted with a person as its first victim');
    return victim.id;
  };
  /** A confidential person whose name (a canary) the text of a source repeats in one field. */
  const namedIn = (field: string): NamedIn => {
    const token = canary(`confidential name in a source's ${field}`);
    return { token, name: `Marat ${token}` };
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
  // submitted: the public keeps seeing the published version. Before publication a source citing the
  // confidential victim by a mention (common/mentions.ts) is added: the public and the partner read its label.
  const editedFirst = { title: `Edited ${publicToken()}`, date: { precision: 'month' as const, start: '2016-11' } };
  const edited = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ ...editedFirst, victims: [confidentialVictim('edited')] }) });
  const editedVictim = await firstPersonVictim(edited.id);
  const mentioned = await author.incident.update({
    id: edited.id,
    version: 1,
    incident: anIncident({
      ...editedFirst,
      victims: [{ kind: 'person', personId: editedVictim }],
      sources: [{ kind: 'newSource', source: { title: `Appeal for ${mentionToken({ target: 'person', id: editedVictim })} ${publicToken()}`, reliability: 'B' } }],
    }),
  });
  let v = await publish(edited.id, mentioned.version);
  v = (
    await author.incident.update({
      id: edited.id,
      version: v,
      incident: anIncident({ title: `Correction ${canary('unpublished edit title')}`, summary: canary('unpublished edit summary'), victims: [confidentialVictim('edit')] }),
    })
  ).version;
  await author.review.submit({ id: edited.id, version: v });

  // 3. Draft, submitted, changes requested (with the reviewer's comment), approved but unpublished.
  const draftFirst = { title: canary('draft title'), summary: canary('draft summary') };
  const draft = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ ...draftFirst, victims: [confidentialVictim('draft')] }) });
  // The draft (shared with the partner) cites a source that mentions its confidential victim: the partner reads the label.
  const draftVictim = await firstPersonVictim(draft.id);
  await author.incident.update({
    id: draft.id,
    version: 1,
    incident: anIncident({
      ...draftFirst,
      victims: [{ kind: 'person', personId: draftVictim }],
      sources: [{ kind: 'newSource', source: { title: `Appeal for ${mentionToken({ target: 'person', id: draftVictim })} ${canary('draft: source title')}`, reliability: 'B' } }],
    }),
  });
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

  return {
    incidents: { published: published.id, edited: edited.id, draft: draft.id, submitted: submitted.id, returned: returned.id, approved: approved.id, retracted: retracted.id, deleted: deleted.id },
    victimName,
    inPublisher,
    inReference,
    inAddress,
  };
}
