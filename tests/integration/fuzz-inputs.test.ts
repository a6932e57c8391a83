/**
 * Property-based robustness: generated inputs (fast-check) for every tRPC procedure and every
 * query parameter of the open-data API answer 4xx or 2xx, never 5xx. Inputs mix plausible shapes
 * (ids of real records, the field names the app uses) with hostile values: NUL and other control
 * characters, year 0, huge and negative numbers, deep nesting, wrong types. Few runs per procedure,
 * for a modest CI budget; a failure prints the input that found it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { handleTrpcRequest } from '@/server/http/trpc-handler';
import { caseGet, casesGet } from '@/server/public/cases-api';
import { exportCsvGet, exportJsonGet, incidentGet, incidentsGet, openApiGet, statsCsvGet, statsGet } from '@/server/public/api';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { appRouter } from '@/server/routers';
import { createContext } from '@/server/trpc';
import { createTestDatabase } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;
let adminId: string;
const ids: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  const organization = await createOrganization(database.db);
  adminId = (await createUser(database.db, organization.id, 'admin')).id;
  const admin = await callerFor(database.db, adminId);
  const incident = await admin.incident.create({ organizationId: organization.id, incident: anIncident() });
  ids.push(organization.id, adminId, incident.id);
  setPublicDatabaseForTests(database.db);
});
afterAll(async () => {
  setPublicDatabaseForTests(undefined);
  await database?.close();
});

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'a\u0000b', '0000-01-01', '9999-99-99', '-1', '1e309', '%', '%00', "'; DROP TABLE users; --", 'x'.repeat(5000), '\ud800', '../../etc/passwd'),
);
const hostileNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1e308));
const anyId = fc.oneof(fc.constantFrom(...ids.length ? ids : ['00000000-0000-4000-8000-000000000000']), fc.uuid(), hostileText);
const fieldNames = ['id', 'organizationId', 'userId', 'caseId', 'incidentId', 'personId', 'version', 'text', 'q', 'cursor', 'limit', 'page', 'from', 'to', 'status', 'role', 'currentRole', 'action', 'email', 'name', 'comment', 'token', 'password', 'incident', 'case', 'date', 'kind', 'targetId', 'sourceId'];

/** Values: scalars, ids, and small nested objects with the app's field names. */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    hostileNumber,
    anyId,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...fieldNames), tie('value'), { maxKeys: 5 }),
  ),
})).value;
const input = fc.oneof(fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 6 }), value);

type Procedures = Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>;
const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Procedures } })._def.procedures);

async function callOverHttp(path: string, body: unknown): Promise<number> {
  const request = new Request(`http://hrd.test/api/trpc/${path}`, {
    method: 'POST',
    headers: { host: 'hrd.test', 'content-type': 'application/json' },
    body: JSON.stringify({ json: body }),
  });
  const response = await handleTrpcRequest(request, () => createContext(database.db, adminId, { address: `fuzz-${Math.random()}` }));
  return response.status;
}

describe('no 5xx from generated inputs', () => {
  it(`for each of the ${procedures.length} tRPC procedures, as an admin`, { timeout: 180_000 }, async () => {
    expect(procedures.length).toBeGreaterThan(50);
    for (const [path] of procedures) {
      await fc.assert(
        fc.asyncProperty(input, async (generated) => {
          const status = await callOverHttp(path, generated);
          if (status >= 500) throw new Error(`${path} answered ${status}`);
        }),
        { numRuns: 8, seed: 1402 },
      );
    }
  });

  it('for every query parameter of the open-data API', { timeout: 120_000 }, async () => {
    const handlers = { incidentsGet, statsGet, statsCsvGet, exportJsonGet, exportCsvGet, openApiGet, casesGet };
    const parameter = fc.constantFrom('from', 'to', 'type', 'region', 'category', 'perpetrator', 'q', 'lang', 'cursor', 'limit', 'groupBy', 'page', 'unknown');
    const query = fc.array(fc.tuple(parameter, hostileText), { maxLength: 5 });
    const byId = fc.tuple(fc.constantFrom('incident', 'case'), anyId);
    // Escapes no browser would send: bytes that are not UTF-8, a lone surrogate, a bare percent sign.
    const raw = fc.constantFrom('', '&q=%FF', '&from=%ED%A0%80', '&lang=%', '&limit=%00', '&q=%E2%82', '&q&q');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(handlers)), query, byId, raw, async (name, pairs, [kind, id], suffix) => {
        const search = pairs.map(([key, text]) => `${encodeURIComponent(key)}=${encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'))}`).join('&') + suffix;
        const request = new Request(`http://hrd.test/api/public/v1/x?${search}`, { headers: { 'x-hrd-peer-address': `fuzz-${Math.random()}` } });
        const response = await handlers[name as keyof typeof handlers](request);
        if (response.status >= 500) throw new Error(`${name}?${search} answered ${response.status}`);
        await response.arrayBuffer();
        const single = kind === 'incident' ? incidentGet : caseGet;
        const one = await single(new Request(`http://hrd.test/api/public/v1/${kind}s/x?${search}`, { headers: { 'x-hrd-peer-address': `fuzz-${Math.random()}` } }), {
          params: Promise.resolve({ id: String(id) }),
        });
        if (one.status >= 500) throw new Error(`${kind} ${String(id)} answered ${one.status}`);
      }),
      { numRuns: 150, seed: 1402 },
    );
  });
});
