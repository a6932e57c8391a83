/**
 * Public answers that a reverse proxy or a CDN may keep: an ETag on every answer, shared caching
 * for a minute with stale-while-revalidate, 304 without a body when the client's copy is current,
 * and a new ETag once a publication changes the answer.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { setPublicDatabaseForTests } from '@/server/public/db';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { GET as incidentsGet } from '@/app/api/public/v1/incidents/route';
import { GET as statsGet } from '@/app/api/public/v1/stats/route';
import { GET as statsCsvGet } from '@/app/api/public/v1/stats.csv/route';
import { GET as casesGet } from '@/app/api/public/v1/cases/route';
import { createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';

let database: Database;
let organizationId: string;
let adminId: string;
const fixture = () => JSON.parse(readFileSync('fixtures/kazakhstan-2017.json', 'utf8'));
const request = (path: string, headers: Record<string, string> = {}) => new Request(`http://test/api/public/v1${path}`, { headers });

beforeAll(async () => {
  database = await createTestDatabase();
  organizationId = (await createOrganization(database.db)).id;
  adminId = (await createUser(database.db, organizationId, 'admin')).id;
  await importExchangeDocument(database.db, fixture(), { organizationId, actingUserId: adminId });
  setPublicDatabaseForTests(database.db);
});
afterAll(async () => {
  setPublicDatabaseForTests(undefined);
  await database?.close();
});

describe('public answers are cacheable', () => {
  const endpoints = [
    ['/stats?groupBy=year', statsGet],
    ['/stats.csv?groupBy=region', statsCsvGet],
    ['/incidents?limit=5', incidentsGet],
    ['/cases', casesGet],
  ] as const;

  it.each(endpoints)('%s: ETag, shared caching, and 304 without a body on a matching If-None-Match', async (path, get) => {
    const first = await get(request(path));
    expect(first.status).toBe(200);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');

    // The same question gets the same tag: caches in front of several app processes agree.
    expect((await get(request(path))).headers.get('etag')).toBe(tag);

    const revalidated = await get(request(path, { 'if-none-match': `"other", W/${tag}` }));
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(tag);
    expect(revalidated.headers.get('cache-control')).toContain('max-age=60');

    const stale = await get(request(path, { 'if-none-match': '"not-this-one"' }));
    expect(stale.status).toBe(200);
  });

  it('gives a new ETag once a publication changes the answer, and never caches an error', async () => {
    const before = (await statsGet(request('/stats?groupBy=year'))).headers.get('etag')!;
    const doc = fixture();
    const template = doc.incidents.find((incident: { status?: string }) => incident.status === 'published');
    doc.incidents.push({ ...template, ref: 'inc:new-publication', title: 'A new published incident' });
    await importExchangeDocument(database.db, doc, { organizationId, actingUserId: adminId });
    const after = await statsGet(request('/stats?groupBy=year', { 'if-none-match': before }));
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);

    const refused = await statsGet(request('/stats?groupBy=nothing'));
    expect(refused.status).toBe(400);
    expect(refused.headers.get('etag')).toBeNull();
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});
