import { readFileSync } from 'node:fs';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import * as schema from '@/db/schema';
import { pageFilters } from '@/app/(public)/_ui/page-filters';
import { parseListParams } from '@/app/(workspace)/incidents/list-params';
import { GET as casesGet } from '@/app/api/public/v1/cases/route';
import { GET as exportCsvGet } from '@/app/api/public/v1/export.csv/route';
import { GET as incidentsGet } from '@/app/api/public/v1/incidents/route';
import { GET as statsGet } from '@/app/api/public/v1/stats/route';
import { listPublicCases } from '@/server/public/cases';
import { publicRead, setPublicDatabaseForTests } from '@/server/public/db';
import { guarded } from '@/server/public/http';
import { publicApiBuckets } from '@/server/public/rate-limit';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { InvalidExchangeDocumentError } from '@/server/services/exchange/problems';
import { createCallerFactory, createContext, createTRPCRouter, publicProcedure } from '@/server/trpc';
import { nulMessage } from '@/common/inputs/text';
import { createEmbeddedTestDatabase, createTestDatabase } from '../support/database';
import { anIncident, callerFor, callOverHttp, createOrganization, createUser, seedVocabulary } from '../support/factories';

/**
 * Bad input gets a clear BAD_REQUEST (tRPC) or 400 (public API) with a message, never a 500: text
 * holding NUL, cursors edited by hand, numbers past the database's integer, an exchange file with
 * NUL in it, and, as a last resort, any value the database itself refuses.
 */

let database: Database;
let ngo: { id: string };
let monitor: { id: string };
let admin: { id: string };
let author: Awaited<ReturnType<typeof callerFor>>;

const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const someId = '5b0f6d62-3c5e-4f3a-9b1d-1f2e3d4c5b6a';
const huge = 3_000_000_000;

/** What the caller threw, as the UI gets it: the code, the message and the field messages. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (failure: { code?: string; message: string; cause?: unknown }) => failure,
  );
  expect(error, 'the call was expected to be refused').not.toBeNull();
  const cause = error!.cause as { issues?: { path: PropertyKey[]; message: string }[] } | undefined;
  const fieldErrors = Object.fromEntries((cause?.issues ?? []).map((issue) => [issue.path.map(String).join('.'), issue.message]));
  return { code: error!.code, message: error!.message, fieldErrors };
}

async function publicAnswer(response: Promise<Response>) {
  const answer = await response;
  return { status: answer.status, body: (await answer.json()) as { error: string; message: string; problems?: string[] } };
}
const at = (path: string) => new Request(`http://test/api/public/v1${path}`);

async function countEveryTable(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(schema)) {
    if (!is(table, PgTable)) continue;
    const [row] = await database.db.select({ count: sql<number>`count(*)::int` }).from(table);
    counts[name] = row!.count;
  }
  return counts;
}

function fixture(): ExchangeDocument {
  return JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8')) as ExchangeDocument;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  ngo = await createOrganization(database.db, 'Kazakhstan Bureau');
  monitor = await createUser(database.db, ngo.id, 'monitor');
  admin = await createUser(database.db, ngo.id, 'admin');
  author = await callerFor(database.db, monitor.id);
  // Published incidents and cases for the public side to page through.
  const published = await createOrganization(database.db, 'Published NGO');
  const publisher = await createUser(database.db, published.id, 'admin');
  await importExchangeDocument(database.db, fixture(), { organizationId: published.id, actingUserId: publisher.id });
  setPublicDatabaseForTests(database.db);
});
beforeEach(() => publicApiBuckets.reset());
afterAll(async () => {
  setPublicDatabaseForTests(undefined);
  await database?.close();
});

describe('text holding the NUL character, in the workspace', () => {
  it('an incident titled with a NUL is refused beside its field, and nothing is saved', async () => {
    const before = await author.incident.list({ organizationId: ngo.id });
    const input = { organizationId: ngo.id, incident: anIncident({ title: 'Union leader\u0000 detained' }) };

    const refused = await refusal(author.incident.create(input));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.fieldErrors['incident.title']).toBe(nulMessage);

    const { status, body } = await callOverHttp(database.db, monitor.id, 'incident.create', input);
    expect(status).toBe(400);
    expect(body.error?.json.data.code).toBe('BAD_REQUEST');
    expect(body.error?.json.data.fieldErrors).toEqual({ 'incident.title': nulMessage });
    expect(body.error?.json.message).toBe(`Please correct: Incident › Title — ${nulMessage}.`);

    expect((await author.incident.list({ organizationId: ngo.id })).items).toEqual(before.items);
  });

  it('a NUL in the list search is refused, over the caller and over HTTP', async () => {
    expect((await refusal(author.incident.list({ text: 'strike\u0000' }))).fieldErrors).toEqual({ text: nulMessage });
    const { status, body } = await callOverHttp(database.db, monitor.id, 'incident.list', { text: 'strike\u0000' }, 'GET');
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({ text: nulMessage });
  });

  it('every other kind of text refuses it the same way: cases, comments, reviews, people, admin', async () => {
    const incident = await author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    const adminCaller = await callerFor(database.db, admin.id);
    const attempts: [string, Promise<unknown>, string][] = [
      ['case title', author.case.create({ organizationId: ngo.id, title: 'Case\u0000' }), 'title'],
      ['case search', author.case.list({ text: 'a\u0000' }), 'text'],
      ['comment', author.comment.add({ incidentId: incident.id, body: 'Check\u0000 this' }), 'body'],
      ['review comment', adminCaller.review.requestChanges({ id: incident.id, version: 1, comment: 'Fix\u0000' }), 'comment'],
      ['person search', author.person.list({ text: 'Nur\u0000' }), 'text'],
      ['source picker', author.directory.sources({ organizationId: ngo.id, text: '\u0000' }), 'text'],
      ['new user name', adminCaller.admin.createUser({ organizationId: ngo.id, name: 'A\u0000', email: 'a@example.org', role: 'monitor' }), 'name'],
    ];
    // All calls start at once and are inspected one by one: mark them handled now, so that one that
    // is refused while an earlier one is still awaited is not reported as an unhandled rejection.
    for (const [, attempt] of attempts) attempt.catch(() => {});
    for (const [what, attempt, field] of attempts) {
      const refused = await refusal(attempt);
      expect(refused.code, what).toBe('BAD_REQUEST');
      expect(refused.fieldErrors[field], what).toBe(nulMessage);
    }
  });
});

describe('the message of a refused form', () => {
  it('is a sentence naming each field, while the field messages stay keyed by path', async () => {
    const input = { organizationId: ngo.id, incident: anIncident({ title: '', date: { precision: 'day', start: '2017-02-30' } }) };
    const { status, body } = await callOverHttp(database.db, monitor.id, 'incident.create', input);
    expect(status).toBe(400);
    expect(body.error?.json.message).toBe(
      'Please correct: Incident › Title — A title is required; Incident › Date › Start — Give a real date written YYYY-MM-DD (the precision is "day").',
    );
    expect(body.error?.json.data.fieldErrors).toEqual({
      'incident.title': 'A title is required',
      'incident.date.start': 'Give a real date written YYYY-MM-DD (the precision is "day")',
    });
  });
});

describe('the workspace incident list with cursors', () => {
  const forgedCursors = [
    ['year 0', forged(['0000-01-01', someId])],
    ['30 February', forged(['2017-02-30', someId])],
    ['month 13 as a moment', forged(['2017-13-45T99:99:99.000000Z', someId])],
    ['36 hyphens for an id', forged(['2017-05-01', '-'.repeat(36)])],
    ['a word for a date', forged(['yesterday', someId])],
    ['not a cursor at all', 'not-a-cursor'],
  ] as const;

  it('pages through every incident once, in order, for every sort (ties on the date broken by id)', async () => {
    const lister = await createOrganization(database.db, 'Paging NGO');
    const member = await createUser(database.db, lister.id, 'monitor');
    const caller = await callerFor(database.db, member.id);
    for (const start of ['2017-05-01', '2017-05-01', '2017-05-01', '2016-01-15', '2018-11-30']) {
      await caller.incident.create({ organizationId: lister.id, incident: anIncident({ date: { precision: 'day', start } }) });
    }
    for (const sort of ['date_desc', 'date_asc', 'updated_desc'] as const) {
      const everything = (await caller.incident.list({ sort, limit: 100 })).items.map((item) => item.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await caller.incident.list({ sort, limit: 2, cursor });
        paged.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged, sort).toEqual(everything);
      expect(paged).toHaveLength(5);
    }
  });

  it('refuses a forged cursor with a message, over the caller and over HTTP', async () => {
    for (const [what, cursor] of forgedCursors) {
      for (const sort of ['date_desc', 'updated_desc'] as const) {
        const refused = await refusal(author.incident.list({ sort, cursor }));
        expect(refused.code, what).toBe('BAD_REQUEST');
        expect(refused.fieldErrors.cursor, what).toMatch(/page link is out of date or was changed/);
      }
      const { status, body } = await callOverHttp(database.db, monitor.id, 'incident.list', { cursor }, 'GET');
      expect(status, what).toBe(400);
      expect(body.error?.json.message, what).toMatch(/^Please correct: Cursor — This page link is out of date/);
    }
  });

  it('the list page with a hand-edited ?cursor= shows the first page instead of an error', async () => {
    const firstPage = await author.incident.list({ limit: 25 });
    for (const [what, cursor] of forgedCursors) {
      const params = parseListParams({ cursor }, 25);
      expect(params.values.cursor, what).toBeUndefined();
      expect(await author.incident.list(params.input)).toEqual(firstPage);
    }
  });
});

describe('numbers past the database integer', () => {
  it('a version or a record number of 3,000,000,000 is refused beside its field', async () => {
    const incident = await author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    const attempts: [string, Promise<unknown>, string][] = [
      ['incident update', author.incident.update({ id: incident.id, version: huge, incident: anIncident() }), 'version'],
      ['incident delete', author.incident.delete({ id: incident.id, version: huge }), 'version'],
      ['submit for review', author.review.submit({ id: incident.id, version: huge }), 'version'],
      ['legal event', author.case.updateLegalEvent({ id: huge, version: 1, kind: 'charges', datePrecision: 'day', date: '2017-05-01' }), 'id'],
      ['intervention', author.case.removeIntervention({ id: huge, version: 1 }), 'id'],
      ['person merge', author.person.merge({ id: someId, version: huge, duplicateId: someId, duplicateVersion: 1 }), 'version'],
    ];
    // All calls start at once and are inspected one by one: mark them handled now, so that one that
    // is refused while an earlier one is still awaited is not reported as an unhandled rejection.
    for (const [, attempt] of attempts) attempt.catch(() => {});
    for (const [what, attempt, field] of attempts) {
      const refused = await refusal(attempt);
      expect(refused.code, what).toBe('BAD_REQUEST');
      expect(refused.fieldErrors[field], what).toMatch(/^Not (a version of this record|a record number) \(a whole number from 1 to 2,147,483,647\)$/);
    }
    const { status, body } = await callOverHttp(database.db, monitor.id, 'incident.update', { id: incident.id, version: huge, incident: anIncident() });
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual({ version: 'Not a version of this record (a whole number from 1 to 2,147,483,647)' });
  });

  it('a large id of a bigserial column is just an id that does not exist', async () => {
    const incident = await author.incident.create({ organizationId: ngo.id, incident: anIncident() });
    const refused = await refusal(author.comment.add({ incidentId: incident.id, body: 'A reply', parentId: huge }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', message: 'No such comment here' });
    await expect(author.notification.list({ before: huge })).resolves.toEqual(expect.any(Array));
  });
});

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
    expect(page.problems).toEqual(['q: must not contain the invisible NUL character (U+0000)']);
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
    expect((failure as InvalidExchangeDocumentError).problems).toEqual([
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
