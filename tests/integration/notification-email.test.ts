/**
 * Notices by email, where an administrator has configured it: one email per person with new notices,
 * naming no record and nobody in it, each notice mentioned once, none for a deactivated account,
 * and a failed send offered again next time.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { notifications, users } from '@/db/schema';
import { emailNewNotices, type NoticeEmail } from '@/server/services/review/notification-email';
import { createTestDatabase, databaseUrlOf } from '../support/database';
import { anIncident, callerFor, createOrganization, createUser, seedVocabulary } from '../support/factories';

let database: Database;
let ngo: { id: string };
let monitor: { id: string; email: string };
let reviewers: { id: string; email: string }[];
const secretTitle = 'Lawyer Saule Example threatened at her office';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedVocabulary(database.db);
  ngo = await createOrganization(database.db);
  monitor = await createUser(database.db, ngo.id, 'monitor');
  reviewers = [await createUser(database.db, ngo.id, 'reviewer'), await createUser(database.db, ngo.id, 'reviewer')];
});
afterAll(async () => {
  await database?.close();
});

/** A monitor submits two incidents: each reviewer gets two notices. */
async function submitTwo() {
  const author = await callerFor(database.db, monitor.id);
  for (let i = 0; i < 2; i++) {
    const { id } = await author.incident.create({ organizationId: ngo.id, incident: anIncident({ title: `${secretTitle} ${i}` }) });
    await author.review.submit({ id, version: 1 });
  }
}

function collect() {
  const emails: NoticeEmail[] = [];
  return { emails, send: async (email: NoticeEmail) => void emails.push(email) };
}

describe('notices by email', () => {
  it('sends each person one email counting their new notices, and never the same notice twice', async () => {
    await submitTwo();
    const first = collect();
    expect(await emailNewNotices(database.db, first.send)).toEqual({ sent: 2, failed: 0, notices: 4 });
    expect(first.emails.map((e) => [e.to, e.notices]).sort()).toEqual(reviewers.map((r) => [r.email, 2]).sort());
    // The email knows only a count: nothing of the record can travel in it.
    expect(JSON.stringify(first.emails)).not.toContain('Saule');

    const second = collect();
    expect(await emailNewNotices(database.db, second.send)).toEqual({ sent: 0, failed: 0, notices: 0 });
    expect(second.emails).toEqual([]);
  });

  it('leaves out deactivated accounts, notices already read, and old notices', async () => {
    await database.db.update(users).set({ active: false }).where(eq(users.id, reviewers[1]!.id));
    await submitTwo();
    await database.db.update(notifications).set({ readAt: sql`now()` }).where(eq(notifications.userId, reviewers[0]!.id));
    const run = collect();
    expect(await emailNewNotices(database.db, run.send)).toEqual({ sent: 0, failed: 0, notices: 0 });
    await database.db.update(users).set({ active: true }).where(eq(users.id, reviewers[1]!.id));
    // Reviewer 2's notices are two hours old: a one-hour window leaves them out, the default day takes them.
    await database.db.update(notifications).set({ createdAt: sql`now() - interval '2 hours'` }).where(isNull(notifications.emailedAt));
    expect(await emailNewNotices(database.db, run.send, { maxAgeHours: 1 })).toMatchObject({ sent: 0 });
    expect(await emailNewNotices(database.db, run.send)).toEqual({ sent: 1, failed: 0, notices: 2 });
    expect(run.emails.map((e) => e.to)).toEqual([reviewers[1]!.email]);
  });

  it('offers the notices again when the email could not be sent', async () => {
    await submitTwo();
    const failing = async () => {
      throw new Error('SMTP server unreachable');
    };
    expect(await emailNewNotices(database.db, failing)).toEqual({ sent: 0, failed: 2, notices: 4 });
    const retry = collect();
    expect(await emailNewNotices(database.db, retry.send)).toEqual({ sent: 2, failed: 0, notices: 4 });
  });

  it('is off unless SMTP_URL is set, and says so', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/notify-email.ts'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, SMTP_URL: '', DATABASE_URL: await databaseUrlOf(database.db) },
    });
    expect(stdout).toContain('Email is off: set SMTP_URL');
  });
});
