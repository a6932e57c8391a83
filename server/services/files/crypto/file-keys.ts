import 'server-only';
import type { DbOrTx, Tx } from '@/db/client';
import { currentOrganizationKey, organizationKey } from './organization-keys';
import { newKey, unwrapKey, wrapKey } from './wrap';

/** A file key is bound to its file's id, so it cannot be moved onto another file's row. */
export const fileKeyContext = (fileId: string) => `evidence-file:${fileId}`;

/** A fresh key for a new file, and its wrapped form under the organization's current key. */
export async function newFileKey(tx: Tx, masterKey: Buffer, organizationId: string, fileId: string) {
  const organization = await currentOrganizationKey(tx, masterKey, organizationId);
  const key = newKey();
  return { key, wrappedKey: wrapKey(organization.key, key, fileKeyContext(fileId)), keyVersion: organization.version };
}

export async function openFileKey(
  db: DbOrTx,
  masterKey: Buffer,
  file: { id: string; organizationId: string; wrappedKey: string; keyVersion: number },
): Promise<Buffer> {
  const organization = await organizationKey(db, masterKey, file.organizationId, file.keyVersion);
  return unwrapKey(organization, file.wrappedKey, fileKeyContext(file.id));
}
