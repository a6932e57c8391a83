import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { incidents, memberships, organizations, users } from '@/db/schema';
import { hashPassword } from '@/server/auth/password';
import { importExchangeDocument } from '@/server/services/exchange/import';
import type { ImportSummary } from '@/server/services/exchange/summary';
import { demoAccounts, demoOrganization } from './accounts';
import { publishDemoCases } from './publish-cases';
import { seedDemoWorkflow } from './workflow';

export const demoFixturePath = path.join(process.cwd(), 'fixtures', 'kazakhstan-2017.json');

/**
 * Loads the demo: one organization, one account per role, and the Kazakhstan 2017 records imported
 * on behalf of the admin. Safe to run again: everything is found or updated by its natural key.
 */
export async function seedDemo(database: Database) {
  const { db } = database;
  const [organization] = await db
    .insert(organizations)
    .values(demoOrganization)
    .onConflictDoUpdate({ target: organizations.slug, set: { name: demoOrganization.name } })
    .returning({ id: organizations.id });
  if (!organization) throw new Error('Could not create the demo organization');

  const accountIds: Record<string, string> = {};
  for (const account of demoAccounts) {
    // The demo passwords are published, so each run resets them to what the README says.
    const passwordHash = await hashPassword(account.password);
    const [user] = await db
      .insert(users)
      .values({ email: account.email, name: account.name, passwordHash, active: true })
      .onConflictDoUpdate({ target: users.email, set: { name: account.name, passwordHash, active: true } })
      .returning({ id: users.id });
    if (!user) throw new Error(`Could not create the demo ${account.role}`);
    accountIds[account.role] = user.id;
    await db
      .insert(memberships)
      .values({ userId: user.id, organizationId: organization.id, role: account.role })
      .onConflictDoUpdate({ target: [memberships.userId, memberships.organizationId], set: { role: sql`excluded.role` } });
  }

  // The demo's records are loaded once: afterwards they are the demo users' to change, and a second
  // run must not import the file over their edits and review decisions.
  const [existing] = await db.select({ n: count() }).from(incidents).where(eq(incidents.organizationId, organization.id));
  let summary: ImportSummary | 'already loaded' = 'already loaded';
  if (!existing?.n) {
    const document: unknown = JSON.parse(await readFile(demoFixturePath, 'utf8'));
    // One transaction for the whole first load: the check above skips it once incidents exist, so a
    // run interrupted half-way must leave nothing, not a demo that stays incomplete for ever after.
    // (A transaction is a Db here: each step's own transaction becomes a savepoint of this one.)
    summary = await db.transaction(async (tx) => {
      const loaded = await importExchangeDocument(tx, document, { organizationId: organization.id, actingUserId: accountIds.admin ?? null, via: 'demo' });
      await seedDemoWorkflow(tx, { organizationId: organization.id, authorId: accountIds.admin!, reviewerId: accountIds.reviewer! });
      await publishDemoCases(tx, { organizationId: organization.id, authorId: accountIds.admin!, reviewerId: accountIds.reviewer! });
      return loaded;
    });
  }

  return {
    organizationId: organization.id,
    accounts: demoAccounts.map(({ role, email, password }) => ({ role, email, password })),
    summary,
  };
}
