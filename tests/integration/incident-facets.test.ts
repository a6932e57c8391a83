import { beforeAll, describe, expect, it } from 'vitest';
import { publicDashboard } from '@/server/public/stats';
import { incidentFacets } from '@/server/services/incidents/facets';
import { listIncidentRegions } from '@/server/services/incidents/list';
import { anIncident, callerFor } from '../support/factories';
import { bureauAndOutsider } from '../support/casts';
import { fileDatabase } from '../support/file-database';

/** Facets count what the list shows to this viewer; the public counts only what was published. */

const { database, ngo, otherNgo, monitor, reviewer, outsider } = fileDatabase({}, (db) => bureauAndOutsider(db, 'Facet'));

const keys = (counts: { key: string | null; count: number }[]) => Object.fromEntries(counts.map((c) => [c.key, c.count]));

beforeAll(async () => {
  const { db } = database;
  const author = await callerFor(db, monitor.id);
  const reviewing = await callerFor(db, reviewer.id);
  // A published detention in 2017 (a trade unionist, by police), a submitted threat in 2018 (by a court), a draft threat.
  const published = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Facet published detention' }) });
  let v = (await author.review.submit({ id: published.id, version: 1 })).version;
  v = (await reviewing.review.approve({ id: published.id, version: v })).version;
  await reviewing.review.publish({ id: published.id, version: v });
  const submitted = await author.incident.create({
    organizationId: ngo.id,
    incident: anIncident({
      title: 'Facet submitted threat',
      date: { precision: 'year', start: '2018' },
      violationTypes: ['threats'],
      location: { country: 'KZ', region: 'Almaty', precision: 'region' },
      perpetrators: [{ typeCode: 'court', name: null }],
      victims: [{ kind: 'group', groupName: 'Strikers' }],
    }),
  });
  await author.review.submit({ id: submitted.id, version: 1 });
  await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Facet draft threat', violationTypes: ['threats'] }) });
  // The reviewer's own draft, and another organization's incident with the same words.
  await reviewing.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Facet reviewer draft' }) });
  const elsewhere = await callerFor(db, outsider.id);
  await elsewhere.incident.create({ organizationId: otherNgo.id, incident: anIncident({ title: 'Facet elsewhere' }) });
});

describe('facets of the workspace incident list', () => {
  it('count the incidents of the viewer’s organization by each facet, never another organization’s', async () => {
    const facets = await (await callerFor(database.db, monitor.id)).incident.facets({ text: 'Facet' });
    expect(facets.total).toBe(4);
    expect(keys(facets.status)).toEqual({ draft: 2, submitted: 1, published: 1 });
    expect(keys(facets.violationType)).toEqual({ arbitrary_detention: 2, threats: 2 });
    expect(keys(facets.category)).toEqual({ trade_unionist: 3 });
    expect(keys(facets.perpetrator)).toEqual({ police: 3, court: 1 });
    // Regions by their ISO 3166-2:KZ code (common/regions); the list names them in the reader's language.
    expect(keys(facets.region)).toEqual({ 'KZ-47': 3, 'KZ-75': 1 });
    expect(keys(facets.year)).toEqual({ '2017': 3, '2018': 1 });
    expect(facets.author.map((a) => a.count).sort()).toEqual([1, 3]);

    const theirs = await (await callerFor(database.db, outsider.id)).incident.facets({ text: 'Facet' });
    expect(theirs.total).toBe(1);
  });

  it('narrow with the list: the counts follow a facet filter, and the list shows the same incidents', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const facets = await caller.incident.facets({ text: 'Facet', perpetrator: 'court' });
    expect(facets.total).toBe(1);
    const list = await caller.incident.list({ text: 'Facet', category: 'trade_unionist', year: '2017' });
    expect(list.items.map((i) => i.title).sort()).toEqual(['Facet draft threat', 'Facet published detention', 'Facet reviewer draft']);
  });

  it('answer "mine" and "waiting for my review" for who asks (a reviewer never waits on their own)', async () => {
    const asMonitor = await callerFor(database.db, monitor.id);
    const asReviewer = await callerFor(database.db, reviewer.id);
    expect((await asMonitor.incident.list({ text: 'Facet', scope: 'mine' })).items).toHaveLength(3);
    expect((await asReviewer.incident.list({ text: 'Facet', scope: 'mine' })).items.map((i) => i.title)).toEqual(['Facet reviewer draft']);
    expect((await asReviewer.incident.list({ text: 'Facet', scope: 'awaiting_my_review' })).items.map((i) => i.title)).toEqual(['Facet submitted threat']);
    expect((await asMonitor.incident.list({ text: 'Facet', scope: 'awaiting_my_review' })).items).toEqual([]);
    const byAuthor = await asReviewer.incident.list({ text: 'Facet', author: monitor.id });
    expect(byAuthor.items).toHaveLength(3);
  });

  it('are left out past the cap (the page asks for a narrower list), and come back once the filters narrow it', async () => {
    const over = await incidentFacets(database.db, [ngo.id], { text: 'Facet' }, undefined, 3);
    expect(over).toMatchObject({ total: 3, more: true, status: [], violationType: [], region: [], author: [] });
    const atCap = await incidentFacets(database.db, [ngo.id], { text: 'Facet' }, undefined, 4);
    expect(atCap.more).toBe(false);
    expect(atCap.total).toBe(4);
    expect(keys(atCap.status)).toEqual({ draft: 2, submitted: 1, published: 1 });
    const narrowed = await incidentFacets(database.db, [ngo.id], { text: 'Facet', status: 'draft' }, undefined, 3);
    expect(narrowed).toMatchObject({ total: 2, more: false });
    expect(keys(narrowed.status)).toEqual({ draft: 2 });
  });

  it('offer each region the organizations’ incidents name once, in order, leaving out deleted incidents', async () => {
    const author = await callerFor(database.db, monitor.id);
    const gone = await author.incident.create({
      organizationId: ngo.id,
      incident: anIncident({ title: 'Facet deleted', location: { country: 'KZ', region: 'Kostanay Region', precision: 'region' } }),
    });
    await author.incident.delete({ id: gone.id, version: 1 });
    const elsewhere = await callerFor(database.db, outsider.id);
    await elsewhere.incident.create({
      organizationId: otherNgo.id,
      incident: anIncident({ title: 'Facet elsewhere in Atyrau', location: { country: 'KZ', region: 'Atyrau Region', precision: 'region' } }),
    });
    expect(await listIncidentRegions(database.db, [ngo.id])).toEqual(['KZ-47', 'KZ-75']);
    expect(await listIncidentRegions(database.db, [otherNgo.id, ngo.id])).toEqual(['KZ-23', 'KZ-47', 'KZ-75']);
    expect(await listIncidentRegions(database.db, [])).toEqual([]);
  });

  it('narrow to one person’s incidents', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const [first] = (await caller.incident.list({ text: 'Facet published' })).items;
    const detail = await caller.incident.get({ id: first!.id });
    const victim = detail.victims[0] as { kind: 'person'; id: string };
    const list = await caller.incident.list({ person: victim.id });
    expect(list.items.map((i) => i.title)).toEqual(['Facet published detention']);
  });
});

describe('facets of the public incident list', () => {
  it('count only published incidents: drafts, submissions and other organizations’ unpublished work never', async () => {
    const figures = await publicDashboard({ q: 'Facet' }, 'en', database.db);
    expect(figures.year.total).toBe(1);
    expect(keys(figures.violation_type.counts)).toMatchObject({ arbitrary_detention: 1 });
    expect(keys(figures.violation_type.counts).threats ?? 0).toBe(0);
    expect(keys(figures.perpetrator_type.counts).court ?? 0).toBe(0);
    const byType = await publicDashboard({ type: 'threats' }, 'en', database.db);
    expect(byType.year.total).toBe(0);
  });
});
