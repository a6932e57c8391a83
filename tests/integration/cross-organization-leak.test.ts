import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/factories';
import { seedLeakCanaries, type LeakCanaries } from '../support/leak-canaries';
import { fileDatabase } from '../support/file-database';

/**
 * The leak test of the public side (public-leak.test.ts), for the other door: a member of another
 * organization that three incidents are shared with (a published one, one with an edit pending, a
 * draft) reads everything the workspace lets them read. The shared texts themselves are theirs to
 * read; what the owner protects is not: no confidential person's name, no role note, no name or
 * email of the owner's staff, no comment.
 */
const { database } = fileDatabase();
let seeded: LeakCanaries;

beforeAll(async () => {
  seeded = await seedLeakCanaries(database.db);
});

const protectedCanary = /confidential|role note|comment|email|monitor name|reviewer name|person added/;

describe('what another organization reads of shared incidents', () => {
  it('holds no confidential name, note, staff name or comment in any answer', async () => {
    const { partner, incidents } = seeded;
    const answers: { path: string; body: string }[] = [];
    const read = async (path: string, run: () => Promise<unknown>) => {
      try {
        answers.push({ path, body: JSON.stringify(await run()) });
      } catch (error) {
        answers.push({ path, body: String(error) });
      }
    };
    for (const [who, userId] of [['monitor', partner.monitorId], ['reviewer', partner.reviewerId]] as const) {
      const caller = await callerFor(database.db, userId);
      await read(`${who}: incident.sharedWithMe`, () => caller.incident.sharedWithMe());
      for (const [what, id] of Object.entries(incidents)) {
        await read(`${who}: incident.get ${what}`, () => caller.incident.get({ id }));
        await read(`${who}: incident.history ${what}`, () => caller.incident.history({ id }));
        await read(`${who}: comment.list ${what}`, () => caller.comment.list({ incidentId: id }));
        await read(`${who}: case.ofIncident ${what}`, () => caller.case.ofIncident({ incidentId: id }));
      }
      for (const text of ['', 'Aigerim', 'Dana', 'Marat', 'Canary', 'Protected person']) {
        await read(`${who}: case.incidentPicker ${text}`, () => caller.case.incidentPicker({ caseId: partner.caseId, text }));
      }
      await read(`${who}: case.get`, () => caller.case.get({ id: partner.caseId }));
      await read(`${who}: case.timeline`, () => caller.case.timeline({ id: partner.caseId }));
      await read(`${who}: case.history`, () => caller.case.history({ id: partner.caseId }));
      await read(`${who}: case.list`, () => caller.case.list({}));
      await read(`${who}: review.caseQueue`, () => caller.review.caseQueue());
      await read(`${who}: review.queue`, () => caller.review.queue());
      await read(`${who}: notification.list`, () => caller.notification.list({}));
      await read(`${who}: incident.list`, () => caller.incident.list({}));
    }
    const leaks = answers.flatMap(({ path, body }) =>
      Object.entries(seeded.canaries).flatMap(([token, what]) => (protectedCanary.test(what) && body.includes(token) ? [`${what} in ${path}`] : [])),
    );
    expect(leaks).toEqual([]);
    // Not vacuous: the shared incidents and the partner's case are read.
    const shared = answers.find((a) => a.path === 'monitor: incident.sharedWithMe')!.body;
    for (const id of [incidents.published, incidents.edited, incidents.draft]) expect(shared).toContain(id);
    expect(answers.find((a) => a.path === 'reviewer: review.caseQueue')!.body).toContain(partner.caseId);
    expect(answers.find((a) => a.path === 'monitor: case.timeline')!.body).toContain('Protected person');
    // A mention in a shared incident's source title reads as the label, never as the token with the person's id.
    expect(answers.find((a) => a.path === 'monitor: incident.get draft')!.body).toMatch(/Appeal for Protected person 1 Canary/);
    expect(answers.filter((a) => a.body.includes('@[')).map((a) => a.path)).toEqual([]);
  });
});
