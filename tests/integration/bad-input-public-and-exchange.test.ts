/**
 * Bad input from outside the workspace: the public API and pages, exchange files with NUL, and the safety net for a value the database itself refuses.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { pageFilters, sayFilterProblem } from '@/app/(public)/_ui/page-filters';
import { translator } from '@/common/i18n';
import { GET as casesGet } from '@/app/api/public/v1/cases/route';
import { GET as exportCsvGet } from '@/app/api/public/v1/export.csv/route';
import { GET as incidentsGet } from '@/app/api/public/v1/incidents/route';
import { GET as statsGet } from '@/app/api/public/v1/stats/route';
import { listPublicCases } from '@/server/public/cases';
import { publicRead } from '@/server/public/db';
import { guarded } from '@/server/public/http';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { InvalidExchangeDocumentError, wordProblems } from '@/server/services/exchange/problems';
import { createCallerFactory, createContext, createTRPCRouter, publicProcedure } from '@/server/trpc';
import { createEmbeddedTestDatabase } from '../support/database';
import { callerFor } from '../support/factories';
import { closeSetup, openSetup, resetPublicLimits, database, ngo, admin, author, forged, someId, huge, refusal, publicAnswer, at, countEveryTable, fixture } from '../support/bad-input-setup';

beforeAll(openSetup);
afterAll(closeSetup);
beforeEach(resetPublicLimits);

describe('the public API', () => {
  const nul = '%00';

  it('refuses a NUL in the search and in the region, for the list, the stats, the CSV and the cases', async () => {
    const cases: [string, Promise<Response>, string][] = [
      ['incidents q', incidentsGet(at(`/incidents?q=strike${nul}`)), 'q'],
      ['incidents region', incidentsGet(at(`/incidents?region=Almaty${nul}`)), 'region'],
      ['stats region', statsGet(at(`/stats?groupBy=month&region=${nul}Almaty`)), 'region'],
      ['csv q', exportCsvGet(at(`/export.csv?q=${nul}`)), 'q'],
      ['cases q', casesGet(at(`/cases?q=Kharkova${nul}`)), 'q'],
    ];
    for (const [what, request, parameter] of cases) {
      const { status, body } = await publicAnswer(request);
      expect(status, what).toBe(400);
      expect(body.problems, what).toEqual([`${parameter}: must not contain the invisible NUL character (U+0000)`]);
      expect(body.message, what).toMatch(/^The request cannot be answered: /);
    }
  });

  it('the public pages set such a filter aside, and a case search with NUL finds nothing', async () => {
    const page = await pageFilters(Promise.resolve({ q: 'strike\u0000', region: 'Almaty' }));
    expect(page.problems).toEqual([{ filter: 'q', problem: { code: 'text.controlCharacter' } }]);
    // The API says it in English for programs; the page says it in the visitor's language.
    expect(sayFilterProblem(translator('kk'), page.problems[0]!)).toBe(`${translator('kk')('public.filters.words')}: ${translator('kk')('problem.text.controlCharacter')}`);
    expect(page.filters).toEqual({});
    await expect(listPublicCases({ q: 'Kharkova\u0000', cursor: null, limit: 25 })).resolves.toEqual({ cases: [], nextCursor: null });
  });

  it('refuses forged incident and case cursors with a message, and still follows real ones', async () => {
    const forgedIncidents = [forged({ d: '0000-01-01', id: someId }), forged({ d: '2017-02-30', id: someId }), forged({ d: '2017-05-01', id: '-'.repeat(36) })];
    for (const cursor of forgedIncidents) {
      const { status, body } = await publicAnswer(incidentsGet(at(`/incidents?cursor=${cursor}`)));
      expect(status).toBe(400);
      expect(body.problems).toEqual(['cursor: not a cursor this API gave out; start again without one']);
    }
    const forgedCases = [forged({ t: '2017-13-45T99:99:99.000000Z', id: someId }), forged({ t: '0000-01-01T00:00:00.000000Z', id: someId })];
    for (const cursor of forgedCases) {
      const { status, body } = await publicAnswer(casesGet(at(`/cases?cursor=${cursor}`)));
      expect(status).toBe(400);
      expect(body.problems).toEqual(['cursor: not a cursor this API gave out; start again without one']);
    }

    const first = (await publicAnswer(incidentsGet(at('/incidents?limit=2')))).body as unknown as { incidents: { id: string }[]; nextCursor: string };
    const second = (await publicAnswer(incidentsGet(at(`/incidents?limit=2&cursor=${first.nextCursor}`)))).body as unknown as { incidents: { id: string }[] };
    expect(second.incidents).toHaveLength(2);
    expect(second.incidents.map((i) => i.id)).not.toContain(first.incidents[0]!.id);

    const reviewing = await callerFor(database.db, admin.id);
    for (const title of ['Prosecution of a union leader', 'Closure of a confederation']) {
      const created = await author.case.create({ organizationId: ngo.id, title });
      let version = (await author.case.submit({ id: created.id, version: created.version })).version;
      version = (await reviewing.case.approve({ id: created.id, version })).version;
      await reviewing.case.publish({ id: created.id, version });
    }
    const firstCases = (await publicAnswer(casesGet(at('/cases?limit=1')))).body as unknown as { cases: { id: string }[]; nextCursor: string };
    const secondCases = await publicAnswer(casesGet(at(`/cases?limit=1&cursor=${firstCases.nextCursor}`)));
    expect(secondCases.status).toBe(200);
    expect((secondCases.body as unknown as { cases: { id: string }[] }).cases.map((c) => c.id)).not.toContain(firstCases.cases[0]!.id);
  });
});

describe('an exchange file with NUL in its text', () => {
  it('is refused with a problem at each place, before anything is written', async () => {
    const doc = fixture();
    doc.incidents[0]!.title = 'Court orders\u0000 liquidation';
    doc.persons![0]!.name = 'Larisa\u0000 Kharkova';
    const before = await countEveryTable();

    const failure = await importExchangeDocument(database.db, doc, { organizationId: ngo.id, actingUserId: admin.id }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidExchangeDocumentError);
    const message = 'Contains the invisible NUL character (\\u0000), which the database cannot store; remove it';
    expect(wordProblems((failure as InvalidExchangeDocumentError).problems)).toEqual([
      { pointer: '/persons/0/name', message },
      { pointer: '/incidents/0/title', message },
    ]);
    expect(await countEveryTable()).toEqual(before);
  });
});

describe('the safety net: a value the database itself refuses', () => {
  // Procedures built on the real base procedure, each provoking one failure in the database.
  const probe = createTRPCRouter({
    notAUuid: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`SELECT ${'not-a-uuid'}::uuid`)),
    outOfRange: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`SELECT ${String(huge)}::integer`)),
    yearZero: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`SELECT ${'0000-01-01'}::date`)),
    nulText: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`SELECT ${'a\u0000b'}::text`)),
    ownBug: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`SELECT 1 / (SELECT 0)`)),
    missingTable: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`SELECT * FROM no_such_table`)),
  });
  const refusedValues = ['notAUuid', 'outOfRange', 'yearZero', 'nulText'] as const;

  async function overHttp(db: Database['db'], path: string) {
    const response = await fetchRequestHandler({ endpoint: '/api/trpc', req: new Request(`http://test/api/trpc/${path}`), router: probe, createContext: () => createContext(db, null) });
    return { status: response.status, body: (await response.json()) as { error: { json: { message: string; data: { code: string } } } } };
  }

  for (const driver of ['postgres', 'pglite'] as const) {
    it(`answers BAD_REQUEST with a plain message, and keeps real server errors as 500 (${driver})`, async () => {
      const embedded = driver === 'pglite' ? await createEmbeddedTestDatabase() : null;
      const db = embedded?.db ?? database.db;
      try {
        const caller = createCallerFactory(probe)(await createContext(db, null));
        for (const name of refusedValues) {
          const refused = await refusal(caller[name]());
          expect(refused.code, name).toBe('BAD_REQUEST');
          const { status, body } = await overHttp(db, `${name}`);
          expect(status, name).toBe(400);
          expect(body.error.json.message, name).toBe('One of the values given cannot be saved or searched for as it is (check dates, numbers and pasted text).');
        }
        for (const name of ['ownBug', 'missingTable'] as const) {
          expect((await refusal(caller[name]())).code, name).toBe('INTERNAL_SERVER_ERROR');
          const { status, body } = await overHttp(db, name);
          expect(status, name).toBe(500);
          expect(body.error.json.message).toBe('Something went wrong on the server. Please try again.');
        }
      } finally {
        await embedded?.close();
      }
    });
  }

  it('the public API answers 400 for a refused value and 500 for anything else, without the database’s words', async () => {
    const refused = await publicAnswer(guarded(() => publicRead((tx) => tx.execute(sql`SELECT ${'0000-01-01'}::date`)).then(() => new Response('{}'))));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('bad_request');
    expect(refused.body.message).not.toMatch(/date\/time|out of range|SQL|22008/);
    const failed = await publicAnswer(guarded(() => publicRead((tx) => tx.execute(sql`SELECT * FROM users`)).then(() => new Response('{}'))));
    expect(failed.status).toBe(500);
    expect(failed.body.message).toBe('Something went wrong on our side. Try again later.');
  });
});
