import 'server-only';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Db } from '@/db/client';
import { exportExchangeDocument, type ExportOptions } from '../../exchange/export';
import { exportedAttachments, withAttachments } from '../../exchange/export-attachments';
import { recordCustody } from '../custody';
import { openOriginal } from '../read';
import type { FileStore } from '../store/types';
import { writeBundle } from './write';

/**
 * `npm run export -- FILE.zip`: the organization's collection as an exchange bundle (format
 * version 2): `collection.json`, its incidents listing their attachments, and each original at
 * `files/<sha256>`, decrypted as it streams. Every exported file gets its custody event before the
 * first byte is written, as a download does.
 */
export async function exportExchangeBundle(
  db: Db,
  deps: { store: FileStore; masterKey: Buffer },
  organizationId: string,
  zipPath: string,
  options: ExportOptions = {},
): Promise<{ incidents: number; files: number }> {
  const doc = await exportExchangeDocument(db, organizationId, options);
  const refs = new Set(doc.incidents.map((record) => record.ref));
  const attachments = (await exportedAttachments(db, organizationId)).filter((a) => refs.has(a.incidentRef));
  doc.incidents = withAttachments(doc.incidents, attachments);
  await db.transaction(async (tx) => {
    for (const { file } of attachments) await recordCustody(tx, options.actorId ?? null, 'file.export', file, { via: 'bundle' });
  });
  const files = attachments.map(({ file }) => ({ sha256: file.sha256, open: () => openOriginal(db, deps.store, deps.masterKey, file) }));
  await pipeline(writeBundle(doc, files), createWriteStream(zipPath));
  return { incidents: doc.incidents.length, files: new Set(files.map((f) => f.sha256)).size };
}
