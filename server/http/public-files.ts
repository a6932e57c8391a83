import 'server-only';
import type { Readable } from 'node:stream';
import { Readable as NodeReadable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { publicAttachments } from '@/db/schema/public-attachments';
import { publicRead } from '@/server/public/db';
import type { FileStore } from '@/server/services/files/store/types';
import { attachmentDisposition } from './content-disposition';

const inlineTypes = new Set(['image/jpeg', 'image/png']);
const notFound = () =>
  new Response(JSON.stringify({ error: 'not_found', message: 'No such public file.' }), {
    status: 404,
    headers: { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' },
  });

/**
 * GET /api/public-files/{id}: the public copy of a file, looked up through the public read model
 * only (as hrd_public), so a file that is not (or no longer) public is not found, like an unknown
 * one. Inline only for images; everything else downloads. Public copies are stored unencrypted.
 */
export async function handlePublicFile(id: string, store: FileStore, db?: Db): Promise<Response> {
  if (!z.uuid().safeParse(id).success) return notFound();
  const [row] = await publicRead((tx) => tx.select().from(publicAttachments).where(eq(publicAttachments.id, id)), db);
  if (!row) return notFound();
  let body: Readable;
  try {
    body = await store.get(row.sha256);
  } catch {
    return notFound();
  }
  const inline = inlineTypes.has(row.mediaType);
  const extension = row.mediaType === 'application/pdf' ? '.pdf' : row.mediaType === 'image/png' ? '.png' : '.jpg';
  return new Response(NodeReadable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': row.mediaType,
      'content-length': String(row.size),
      'content-disposition': attachmentDisposition(`${row.title}${extension}`, inline ? 'inline' : 'attachment'),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; img-src 'self'; sandbox",
      'cache-control': 'public, max-age=300',
    },
  });
}
