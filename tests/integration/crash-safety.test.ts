/**
 * Crash safety: a process killed without warning (SIGKILL: out of memory, a power cut, kill -9)
 * leaves nothing half-written. The import command killed half-way through a large file leaves no
 * incident, no organization and no audit row of it, and the same file then imports whole, with the
 * public read model matching the workspace. A server killed while publishing one incident after
 * another leaves every acknowledged publication whole (state, review record, audit row, public
 * row) and nothing of the one it was in. The embedded data folder opens again after its
 * process was killed mid-write, with every acknowledged write in it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbedded, type Database } from '@/db/client';
import { auditLog, incidentReviews, incidents, organizations, publicIncidents } from '@/db/schema';
import { createTestDatabase, databaseUrlOf } from '../support/database';
import { anIncident, callerFor, createUser, seedVocabulary } from '../support/factories';

const root = path.resolve(__dirname, '../..');

type Running = { output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; kill: () => void };

/** Starts a script with tsx, collecting its output; `until` resolves when the output matches. */
function start(args: string[], env: Record<string, string | undefined>, until: RegExp): { running: Running; seen: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  let resolveSeen: () => void;
  const seen = new Promise<void>((resolve) => (resolveSeen = resolve));
  const take = (chunk: Buffer) => {
    text += chunk.toString();
    if (until.test(text)) resolveSeen();
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { running: { output: () => text, exited, kill: () => child.kill('SIGKILL') }, seen: Promise.race([seen, exited.then(() => Promise.reject(new Error(`exited before ${until}: ${text}`)))]) };
}

let database: Database;
let folder: string;
beforeAll(async () => {
  database = await createTestDatabase();
  folder = mkdtempSync(path.join(os.tmpdir(), 'hrd-crash-'));
});
afterAll(async () => {
  await database?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('a process killed without warning', { timeout: 240_000 }, () => {
  it('leaves nothing of an import killed half-way, and the file then imports whole', async () => {
    const doc = JSON.parse(readFileSync(path.join(root, 'fixtures', 'kazakhstan-2017.json'), 'utf8'));
    // The fixture's 26 incidents, 40 times over (each copy published, in review or draft like the original).
    doc.incidents = Array.from({ length: 40 }, (_, copy) =>
      doc.incidents.map((incident: { ref: string }) => ({ ...incident, ref: copy === 0 ? incident.ref : `${incident.ref}-${copy}` })),
    ).flat();
    const file = path.join(folder, 'large.json');
    writeFileSync(file, JSON.stringify(doc));
    const url = await databaseUrlOf(database.db);
    const [organization] = await database.db.insert(organizations).values({ slug: 'crash-ngo', name: 'Crash NGO' }).returning();
    const reviewer = await createUser(database.db, organization!.id, 'reviewer');
    const importArgs = ['cli/import.ts', file, '--org', 'crash-ngo', '--as', reviewer.email];

    const { running, seen } = start(importArgs, { DATABASE_URL: url }, /\b500\/1040 incidents/);
    await seen;
    running.kill();
    expect((await running.exited).signal).toBe('SIGKILL');

    const ofOrganization = eq(incidents.organizationId, organization!.id);
    expect((await database.db.select({ n: count() }).from(incidents).where(ofOrganization))[0]!.n).toBe(0);
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, 'exchange.import'))).toEqual([]);
    expect((await database.db.select({ n: count() }).from(publicIncidents))[0]!.n).toBe(0);

    const again = start(importArgs, { DATABASE_URL: url }, /incidents\s+1040 created/);
    await again.seen;
    expect((await again.running.exited).code).toBe(0);
    expect((await database.db.select({ n: count() }).from(incidents).where(ofOrganization))[0]!.n).toBe(1040);
    // The public read model holds exactly the published incidents of the workspace.
    const published = (await database.db.select({ n: count() }).from(incidents).where(and(ofOrganization, eq(incidents.reviewStatus, 'published'))))[0]!.n;
    expect(published).toBeGreaterThan(0);
    expect((await database.db.select({ n: count() }).from(publicIncidents))[0]!.n).toBe(published);
  });

  it('keeps every acknowledged publication whole and nothing of the one a killed server was in', async () => {
    await seedVocabulary(database.db);
    const [organization] = await database.db.insert(organizations).values({ slug: 'publishing-ngo', name: 'Publishing NGO', secondFactorPolicy: 'nobody' }).returning();
    const monitor = await createUser(database.db, organization!.id, 'monitor');
    const reviewer = await createUser(database.db, organization!.id, 'reviewer');
    const writing = await callerFor(database.db, monitor.id);
    const reviewing = await callerFor(database.db, reviewer.id);
    const approved: { id: string; version: number }[] = [];
    for (let n = 0; n < 120; n++) {
      const { id } = await writing.incident.create({ organizationId: organization!.id, incident: anIncident({ title: `Publication crash ${n}` }) });
      const submitted = await writing.review.submit({ id, version: 1 });
      approved.push({ id, version: (await reviewing.review.approve({ id, version: submitted.version })).version });
    }
    const plan = path.join(folder, 'publication-plan.json');
    writeFileSync(plan, JSON.stringify({ reviewerId: reviewer.id, incidents: approved }));

    const { running, seen } = start(['tests/support/publication-writer.ts', plan], { DATABASE_URL: await databaseUrlOf(database.db) }, /(published-[0-9a-f-]+\n[^]*){20}/);
    await seen;
    running.kill();
    expect((await running.exited).signal).toBe('SIGKILL');
    const acknowledged = [...running.output().matchAll(/published-([0-9a-f-]{36})\n/g)].map((match) => match[1]!);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(acknowledged.length).toBeLessThan(approved.length);

    const ids = approved.map((incident) => incident.id);
    const published = await database.db.select({ id: incidents.id }).from(incidents).where(and(inArray(incidents.id, ids), eq(incidents.reviewStatus, 'published')));
    const publishedIds = new Set(published.map((row) => row.id));
    // Every acknowledged publication is there; at most the one in flight committed without its acknowledgement reaching us.
    expect(acknowledged.filter((id) => !publishedIds.has(id))).toEqual([]);
    expect(publishedIds.size - acknowledged.length).toBeLessThanOrEqual(1);
    // Each published incident has its public row, its review record and its audit row; nothing else is public.
    const publicRows = await database.db.select({ id: publicIncidents.incidentId }).from(publicIncidents).where(inArray(publicIncidents.incidentId, ids));
    expect(new Set(publicRows.map((row) => row.id))).toEqual(publishedIds);
    const publishReviews = await database.db
      .select({ id: incidentReviews.incidentId })
      .from(incidentReviews)
      .where(and(inArray(incidentReviews.incidentId, ids), eq(incidentReviews.decision, 'published')));
    expect(new Set(publishReviews.map((row) => row.id))).toEqual(publishedIds);
    const publishAudits = await database.db
      .select({ id: auditLog.subjectId })
      .from(auditLog)
      .where(and(inArray(auditLog.subjectId, ids), eq(auditLog.action, 'incident.publish')));
    expect(new Set(publishAudits.map((row) => row.id))).toEqual(publishedIds);
    // The ones never reached are still approved, at the version they were approved at.
    const untouched = await database.db.select({ id: incidents.id, version: incidents.version }).from(incidents).where(and(inArray(incidents.id, ids), eq(incidents.reviewStatus, 'approved')));
    expect(untouched.length + publishedIds.size).toBe(approved.length);
    const approvedVersion = new Map(approved.map((incident) => [incident.id, incident.version]));
    expect(untouched.filter((row) => approvedVersion.get(row.id) !== row.version)).toEqual([]);
  });

  it('opens the embedded data folder again after its process was killed mid-write, with every acknowledged write', async () => {
    const dataDir = path.join(folder, 'embedded');
    const { running, seen } = start(['tests/support/embedded-writer.ts', dataDir], { DATABASE_URL: undefined }, /acknowledged-40\n/);
    await seen;
    running.kill();
    await running.exited;
    const acknowledged = running.output().match(/acknowledged-\d+/g)!;
    expect(acknowledged.length).toBeGreaterThan(40);

    // The lock file of the killed process is still there: it is stale, and taken over.
    const reopened = await openEmbedded(dataDir);
    try {
      const stored = await reopened.db.select({ slug: organizations.slug }).from(organizations).where(like(organizations.slug, 'acknowledged-%'));
      const slugs = new Set(stored.map((row) => row.slug));
      expect(acknowledged.filter((slug) => !slugs.has(slug))).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
