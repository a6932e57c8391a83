/**
 * The tRPC endpoint against an outside tester's denial-of-service and forgery attempts: batches and
 * bodies are capped before parsing, mutations take only same-site JSON, answers are never cached,
 * searches and set-password attempts are limited in the database, and a set-password link is
 * checked before any password is hashed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { handleTrpcRequest } from '@/server/http/trpc-handler';
import { issueSetPasswordLink } from '@/server/services/admin/set-password-links';
import { createContext } from '@/server/trpc';
import { createTestDatabase } from '../support/database';
import { createOrganization, createUser } from '../support/factories';

let database: Database;
let userId: string;
let organizationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const organization = await createOrganization(database.db);
  organizationId = organization.id;
  userId = (await createUser(database.db, organization.id, 'monitor')).id;
});
afterAll(async () => {
  await database?.close();
});

const site = 'http://hrd.test';
function call(path: string, init: RequestInit & { headers?: Record<string, string> }, viewer: string | null = userId, address = '198.51.100.1') {
  const request = new Request(`${site}/api/trpc/${path}`, {
    method: 'POST',
    ...init,
    headers: { host: 'hrd.test', 'content-type': 'application/json', ...init.headers },
  });
  return handleTrpcRequest(request, () => createContext(database.db, viewer, { address }));
}
const batchBody = (n: number, input: unknown = null) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), { json: input }])));

describe('the tRPC endpoint', () => {
  it('answers a query sent as POST (how the app sends them), with no-store', async () => {
    const response = await call('viewer.me?batch=1', { body: batchBody(1), headers: { origin: site } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const [answer] = (await response.json()) as [{ result: { data: { json: { id: string } } } }];
    expect(answer.result.data.json.id).toBe(userId);
  });

  it('refuses a batch of 60 calls, and takes 10', async () => {
    const paths = (n: number) => Array.from({ length: n }, () => 'viewer.me').join(',');
    expect((await call(`${paths(60)}?batch=1`, { body: batchBody(60) })).status).toBe(400);
    expect((await call(`${paths(10)}?batch=1`, { body: batchBody(10) })).status).toBe(200);
  });

  it('refuses a 5 MB body, announced or streamed, before parsing it', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const announced = await call('viewer.me', { body: big, headers: { 'content-length': String(big.length) } });
    expect(announced.status).toBe(413);
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 5 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await call('viewer.me', { body: stream, duplex: 'half' } as RequestInit & { headers?: Record<string, string> });
    expect(streamed.status).toBe(413);
    // It stopped reading soon after the limit instead of taking all 5 MB in.
    expect(sent).toBeLessThan(2 * 1024 * 1024);
  });

  it('refuses a form post or plain text (what a cross-site page can send without asking) and a GET with input in the URL', async () => {
    const form = new FormData();
    form.set('0', '{"json":null}');
    const multipart = await handleTrpcRequest(new Request(`${site}/api/trpc/account.setPasswordWithLink`, { method: 'POST', body: form, headers: { host: 'hrd.test' } }), () =>
      createContext(database.db, null),
    );
    expect(multipart.status).toBe(415);
    expect((await call('account.setPasswordWithLink', { body: '{}', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    const get = await handleTrpcRequest(new Request(`${site}/api/trpc/directory.persons?input=${encodeURIComponent('{"json":{"text":"Name"}}')}`, { headers: { host: 'hrd.test' } }), () =>
      createContext(database.db, userId),
    );
    expect(get.status).toBe(405);
  });

  it('refuses a request from another site, by Origin or by Sec-Fetch-Site', async () => {
    expect((await call('viewer.me', { body: '{}', headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await call('viewer.me', { body: '{}', headers: { origin: 'null' } })).status).toBe(403);
    expect((await call('viewer.me', { body: '{}', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await call('viewer.me', { body: '{}', headers: { 'sec-fetch-site': 'same-site' } })).status).toBe(403);
    expect((await call('viewer.me', { body: '{}', headers: { 'sec-fetch-site': 'same-origin', origin: site } })).status).toBe(200);
  });
});

describe('limits kept in the database', () => {
  it('checks a set-password link before hashing the password, and limits attempts per address', async () => {
    const attempt = (token: string, address: string) =>
      call('account.setPasswordWithLink', { body: JSON.stringify({ json: { token, password: 'correct horse battery staple' } }) }, null, address);
    expect((await attempt('wrong-token-0', '203.0.113.50')).status).toBe(400);
    // That the link is checked before any hashing is read in setPasswordWithLink: a CPU-time comparison
    // here proved unreliable, since the password's strength check costs as much as a hash on this machine.
    for (let i = 1; i < 10; i++) expect((await attempt(`wrong-token-${i}`, '203.0.113.50')).status).toBe(400);
    // The eleventh from the same address is refused for the address, another address still gets an answer.
    expect((await attempt('wrong-token-x', '203.0.113.50')).status).toBe(429);
    expect((await attempt('wrong-token-y', '203.0.113.51')).status).toBe(400);

    // A real link still works.
    const link = await database.db.transaction((tx) => issueSetPasswordLink(tx, { userId, createdBy: userId }));
    expect((await attempt(link.token, '203.0.113.52')).status).toBe(200);
  });

  it('limits text searches per account', async () => {
    const search = () => call('directory.persons?batch=1', { body: batchBody(1, { organizationId, text: 'Name' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 80; i++) {
      const response = await search();
      const [answer] = (await response.json()) as [{ error?: { json: { data: { httpStatus: number } } } }];
      statuses.push(answer.error ? answer.error.json.data.httpStatus : 200);
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses).toContain(429);
  });

  it('limits text searches per address too, across accounts', async () => {
    const organization = await createOrganization(database.db);
    const accounts = await Promise.all(Array.from({ length: 20 }, () => createUser(database.db, organization.id, 'monitor')));
    let limited = false;
    for (let i = 0; i < 600 && !limited; i++) {
      const account = accounts[i % accounts.length]!;
      const response = await call('directory.persons?batch=1', { body: batchBody(1, { organizationId: organization.id, text: 'Name' }) }, account.id, '192.0.2.77');
      const [answer] = (await response.json()) as [{ error?: { json: { data: { httpStatus: number } } } }];
      limited = answer.error?.json.data.httpStatus === 429;
    }
    // Each account makes at most 30 searches, half its own allowance: a refusal can only be the address's.
    expect(limited).toBe(true);
  });
});
