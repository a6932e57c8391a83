import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { anIncident, callerFor } from '../support/factories';
import { bureauAndOutsider } from '../support/casts';
import { fileDatabase } from '../support/file-database';

/** Entity resolution: an incident that looks recorded already, and person records that name one person. */

const { database, ngo, otherNgo, monitor, reviewer, outsider } = fileDatabase({}, (db) => bureauAndOutsider(db, 'Duplicate'));
let existing: { id: string };
let victimId: string;

beforeAll(async () => {
  const author = await callerFor(database.db, monitor.id);
  existing = await author.incident.create({
    organizationId: ngo.id,
    incident: anIncident({ title: 'Shymkent journalist detained at the court', date: { precision: 'day', start: '2019-03-12' } }),
  });
  const detail = await author.incident.get({ id: existing.id });
  victimId = (detail.victims[0] as { id: string }).id;
});

const check = (overrides: Record<string, unknown> = {}) => ({
  organizationId: ngo.id,
  title: 'A different title altogether',
  date: { precision: 'day' as const, start: '2019-03-15' },
  ...overrides,
});

describe('a likely duplicate incident', () => {
  it('is found by a victim in common within a week, and not a week and more apart', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const found = await caller.incident.duplicates(check({ personIds: [victimId] }));
    expect(found).toEqual([expect.objectContaining({ id: existing.id, sharedVictim: true, similarTitle: false })]);
    expect(await caller.incident.duplicates(check({ personIds: [victimId], date: { precision: 'day', start: '2019-03-25' } }))).toEqual([]);
  });

  it('is found by a new victim typed with the same name', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const found = await caller.incident.duplicates(check({ personNames: ['nurbek example'] }));
    expect(found.map((i) => i.id)).toEqual([existing.id]);
  });

  it('is found by a near-identical title whatever the date, but not by a merely related one', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const found = await caller.incident.duplicates(check({ title: 'Shymkent journalist detained at court', date: { precision: 'year', start: '2020' } }));
    expect(found).toEqual([expect.objectContaining({ id: existing.id, similarTitle: true })]);
    expect(await caller.incident.duplicates(check({ title: 'Journalist fined in Almaty' }))).toEqual([]);
  });

  it('is not the incident being edited, nor another organization’s (which answers "not found" to outsiders)', async () => {
    const caller = await callerFor(database.db, monitor.id);
    expect(await caller.incident.duplicates(check({ incidentId: existing.id, personIds: [victimId] }))).toEqual([]);
    const elsewhere = await callerFor(database.db, outsider.id);
    await expect(elsewhere.incident.duplicates(check())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const own = await elsewhere.incident.duplicates({ ...check({ personIds: [victimId] }), organizationId: otherNgo.id });
    expect(own).toEqual([]);
  });

  it('does not stop the save: a confirmed duplicate is saved as asked', async () => {
    const caller = await callerFor(database.db, monitor.id);
    const saved = await caller.incident.create({ organizationId: ngo.id, incident: anIncident({ title: 'Shymkent journalist detained at the court' }) });
    expect((await caller.incident.get({ id: saved.id })).title).toBe('Shymkent journalist detained at the court');
  });
});

describe('likely duplicate persons', () => {
  it('pairs one person written in two scripts, in another order or as an alias, for reviewers only', async () => {
    const { db } = database;
    await db.execute(sql`
      INSERT INTO persons (organization_id, ref, name, aliases) VALUES
        (${ngo.id}, 'p:1', 'Ерлан Елеусинов', '{}'),
        (${ngo.id}, 'p:2', 'Yeleusinov Yerlan', '{}'),
        (${ngo.id}, 'p:3', 'Kushakbaev Nurlan', '{}'),
        (${ngo.id}, 'p:4', 'Нурлан К.', ARRAY['Нурлан Кушакбаев']),
        (${ngo.id}, 'p:5', 'Aigerim Tleuzhan', '{}'),
        (${otherNgo.id}, 'p:6', 'Aigerim Tleuzhan', '{}')`);
    const pairs = await (await callerFor(db, reviewer.id)).person.likelyDuplicates();
    const names = pairs.map((p) => [p.first.name, p.second.name].sort().join(' = '));
    expect(names).toContain('Yeleusinov Yerlan = Ерлан Елеусинов');
    expect(names).toContain('Kushakbaev Nurlan = Нурлан К.');
    // The same name in another organization is another organization's record: never paired, never shown.
    expect(names.some((n) => n.includes('Aigerim'))).toBe(false);
    expect(await (await callerFor(db, monitor.id)).person.likelyDuplicates()).toEqual([]);
  });
});
