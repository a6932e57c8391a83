/**
 * A search made while another request is rebuilding the search rows (it holds the stale marks in its
 * transaction) must wait for that rebuild, not read around it: a monitor who saved a person a moment
 * ago finds her, whatever else the server is doing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { persons } from '@/db/schema';
import { refreshSearch } from '@/server/services/search/refresh';
import { createTestDatabase } from '../support/database';
import { callerFor, createOrganization, createUser } from '../support/factories';

let database: Database;
let ngo: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  ngo = await createOrganization(database.db);
});
afterAll(async () => {
  await database?.close();
});

it('a search waits for a rebuild in flight and finds the person saved just before', async () => {
  const monitor = await callerFor(database.db, (await createUser(database.db, ngo.id, 'monitor')).id);
  await database.db.insert(persons).values({ organizationId: ngo.id, ref: 'person:race', name: 'Aigerim Racewitness', confidential: false });

  // Another request has taken the stale marks and is still rebuilding: its transaction is open.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let taken!: () => void;
  const takenYet = new Promise<void>((resolve) => (taken = resolve));
  const otherRequest = database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT kind, id FROM search_stale FOR UPDATE`);
    taken();
    await held;
    // Its rebuild commits with the marks' deletion, as refreshSearch's own transaction does.
    await refreshSearch(tx);
  });
  await takenYet;
  const search = monitor.person.list({ text: 'Racewitness' });
  setTimeout(release, 300);
  const found = await search;
  await otherRequest;
  expect(found.persons.map((p) => p.name)).toEqual(['Aigerim Racewitness']);
});
