import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { organizations } from '@/db/schema';
import { badRequest, DomainError } from '../../errors';

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
    if (all.length === 0) throw badRequest(options.createMissing ? 'exchange.noOrganizationImport' : 'exchange.noOrganization');
    throw badRequest('exchange.severalOrganizations', { slugs: `${all.slice(0, 10).map((o) => o.slug).join(', ')}${all.length > 10 ? ', …' : ''}` });
  }

  const [found] = await db.select().from(organizations).where(eq(organizations.slug, slug));
  if (found) return { organization: found, created: false };
  if (!options.createMissing) throw new DomainError('NOT_FOUND', 'exchange.unknownOrganization', { slug });
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
    throw badRequest('exchange.badSlug', { slug });
  }
  const [created] = await db.insert(organizations).values({ slug, name: slug }).returning();
  return { organization: created!, created: true };
}
