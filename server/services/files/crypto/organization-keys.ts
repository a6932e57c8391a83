import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { organizationFileKeys } from '@/db/schema';
import { masterKeyId, newKey, unwrapKey, wrapKey } from './wrap';

const contextOf = (organizationId: string, version: number) => `organization:${organizationId}:v${version}`;

/** The organization's current key, made (wrapped by the master key) the first time it is needed. */
export async function currentOrganizationKey(tx: Tx, masterKey: Buffer, organizationId: string): Promise<{ key: Buffer; version: number }> {
  // Two first uploads at once must not make two version-1 keys: serialize per organization.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7301002, hashtext(${organizationId}))`);
  const [row] = await tx
    .select()
    .from(organizationFileKeys)
    .where(eq(organizationFileKeys.organizationId, organizationId))
    .orderBy(desc(organizationFileKeys.version))
    .limit(1);
  if (row) return { key: unwrapKey(masterKey, row.wrappedKey, contextOf(organizationId, row.version)), version: row.version };
  const key = newKey();
  await tx.insert(organizationFileKeys).values({
    organizationId,
    version: 1,
    wrappedKey: wrapKey(masterKey, key, contextOf(organizationId, 1)),
    masterKeyId: masterKeyId(masterKey),
  });
  return { key, version: 1 };
}

export async function organizationKey(db: DbOrTx, masterKey: Buffer, organizationId: string, version: number): Promise<Buffer> {
  const [row] = await db
    .select()
    .from(organizationFileKeys)
    .where(and(eq(organizationFileKeys.organizationId, organizationId), eq(organizationFileKeys.version, version)));
  if (!row) throw new Error(`No file key version ${version} for this organization`);
  return unwrapKey(masterKey, row.wrappedKey, contextOf(organizationId, version));
}

export const organizationKeyContext = contextOf;
