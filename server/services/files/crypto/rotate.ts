import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { evidenceFiles, organizationFileKeys } from '@/db/schema';
import { recordAudit } from '../../audit/record';
import { fileKeyContext } from './file-keys';
import { organizationKey, organizationKeyContext } from './organization-keys';
import { masterKeyId, newKey, unwrapKey, wrapKey } from './wrap';

/**
 * Key rotation re-wraps keys and never re-encrypts a file: the stored bytes stay exactly as they
 * are, only the small wrapped keys in the database change.
 */

/** A new master key: every organization key wrapped by the previous master is re-wrapped by the new one. */
export async function rewrapUnderNewMasterKey(db: Db, previous: Buffer, next: Buffer): Promise<{ rewrapped: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(organizationFileKeys).where(eq(organizationFileKeys.masterKeyId, masterKeyId(previous))).for('update');
    for (const row of rows) {
      const context = organizationKeyContext(row.organizationId, row.version);
      const key = unwrapKey(previous, row.wrappedKey, context);
      await tx
        .update(organizationFileKeys)
        .set({ wrappedKey: wrapKey(next, key, context), masterKeyId: masterKeyId(next) })
        .where(and(eq(organizationFileKeys.organizationId, row.organizationId), eq(organizationFileKeys.version, row.version)));
    }
    await recordAudit(tx, { actorId: null, action: 'files.master_key_rotated', details: { organizationKeys: rows.length, to: masterKeyId(next) } });
    return { rewrapped: rows.length };
  });
}

/**
 * A new key for each organization (or one): every file key is re-wrapped under it and the old
 * versions are removed, so an old organization key, if it ever leaked, opens nothing any more.
 */
export async function rotateOrganizationKeys(db: Db, masterKey: Buffer, organizationId?: string): Promise<{ organizations: number; files: number }> {
  return db.transaction(async (tx) => {
    const latest = await tx
      .select({ organizationId: organizationFileKeys.organizationId, version: sql<number>`max(${organizationFileKeys.version})`.mapWith(Number) })
      .from(organizationFileKeys)
      .where(organizationId ? eq(organizationFileKeys.organizationId, organizationId) : undefined)
      .groupBy(organizationFileKeys.organizationId);
    let files = 0;
    for (const { organizationId: orgId, version } of latest) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(7301002, hashtext(${orgId}))`);
      const next = { key: newKey(), version: version + 1 };
      await tx.insert(organizationFileKeys).values({
        organizationId: orgId,
        version: next.version,
        wrappedKey: wrapKey(masterKey, next.key, organizationKeyContext(orgId, next.version)),
        masterKeyId: masterKeyId(masterKey),
      });
      const rows = await tx
        .select({ id: evidenceFiles.id, wrappedKey: evidenceFiles.wrappedKey, keyVersion: evidenceFiles.keyVersion })
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.organizationId, orgId), lt(evidenceFiles.keyVersion, next.version)))
        .for('update');
      const old = new Map<number, Buffer>();
      for (const row of rows) {
        if (!old.has(row.keyVersion)) old.set(row.keyVersion, await organizationKey(tx, masterKey, orgId, row.keyVersion));
        const fileKey = unwrapKey(old.get(row.keyVersion)!, row.wrappedKey, fileKeyContext(row.id));
        await tx
          .update(evidenceFiles)
          .set({ wrappedKey: wrapKey(next.key, fileKey, fileKeyContext(row.id)), keyVersion: next.version })
          .where(eq(evidenceFiles.id, row.id));
      }
      await tx.delete(organizationFileKeys).where(and(eq(organizationFileKeys.organizationId, orgId), lt(organizationFileKeys.version, next.version)));
      await recordAudit(tx, { actorId: null, action: 'files.organization_key_rotated', organizationId: orgId, details: { version: next.version, files: rows.length } });
      files += rows.length;
    }
    return { organizations: latest.length, files };
  });
}
