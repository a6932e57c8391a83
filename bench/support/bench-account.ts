/**
 * The signed-in side of bench/load.ts needs an account with a password, which the generated
 * collection does not have (its one member never signs in). A monitor of the bench organization is
 * made (once) and given a new random password each run the way a person gets one: a set-password
 * link issued and used by the app's own code (with its audit rows and its ending of old sessions).
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberships, organizations, users } from '../../db/schema';
import { issueSetPasswordLink, setPasswordWithLink } from '../../server/services/admin/set-password-links';

export const benchMonitorEmail = 'load-bench-monitor@bench.invalid';

/** The bench monitor's email and a password it has from now on. */
export async function benchMonitor(db: Db, organizationSlug = 'bench'): Promise<{ email: string; password: string }> {
  const userId = await db.transaction(async (tx) => {
    const [organization] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, organizationSlug));
    if (!organization) throw new Error(`No organization '${organizationSlug}' in the bench database: run npm run bench:public:generate first.`);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, benchMonitorEmail));
    if (existing) return existing.id;
    // Until the link is used, the password is random and known to nobody (as for an invited colleague).
    const [user] = await tx
      .insert(users)
      .values({ email: benchMonitorEmail, name: 'Load bench monitor', passwordHash: randomBytes(32).toString('base64url') })
      .returning({ id: users.id });
    await tx.insert(memberships).values({ userId: user!.id, organizationId: organization.id, role: 'monitor' });
    return user!.id;
  });
  const link = await db.transaction((tx) => issueSetPasswordLink(tx, { userId, createdBy: null }));
  const password = `bench-${randomBytes(18).toString('base64url')}`;
  await setPasswordWithLink(db, { token: link.token, password });
  return { email: benchMonitorEmail, password };
}
