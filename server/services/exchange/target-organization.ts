import 'server-only';
import { TRPCError } from '@trpc/server';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { organizations } from '@/db/schema';

type Organization = typeof organizations.$inferSelect;

/**
 * Which organization a command-line import or export works on: the one named by slug, or the only
 * one there is. An import may create the named organization (its name is the slug until an admin
 * renames it); an export of an organization that does not exist is refused.
 */
export async function resolveTargetOrganization(
  db: DbOrTx,
  slug: string | undefined,
  options: { createMissing: boolean },
): Promise<{ organization: Organization; created: boolean }> {
  if (slug === undefined) {
    const all = await db.select().from(organizations).orderBy(asc(organizations.slug)).limit(11);
    if (all.length === 1) return { organization: all[0]!, created: false };
    const message =
      all.length === 0
        ? `No organization exists yet. Name one with --org <slug>${options.createMissing ? ' and the import creates it' : ''}.`
        : `There are several organizations (${all.slice(0, 10).map((o) => o.slug).join(', ')}${all.length > 10 ? ', …' : ''}). Name one with --org <slug>.`;
    throw new TRPCError({ code: 'BAD_REQUEST', message });
  }

  const [found] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  if (found) return { organization: found, created: false };
  if (!options.createMissing) throw new TRPCError({ code: 'NOT_FOUND', message: `No organization with the slug “${slug}”.` });
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `“${slug}” cannot be an organization slug: use lower-case letters, digits and hyphens.` });
  }
  const [created] = await db.insert(organizations).values({ slug, name: slug }).returning();
  return { organization: created!, created: true };
}
