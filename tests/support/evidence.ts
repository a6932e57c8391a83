import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '@/db/client';
import { loadViewer } from '@/server/auth/viewer';
import { handleDownload, handleUpload } from '@/server/http/files';
import type { FilesDeps } from '@/server/services/files/upload';

export const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const testMasterKey = () => randomBytes(32);

/** A small but real PDF: what the type sniffer sees in a scanned court decision. */
export function aPdf(text = 'Decision of the Zhanaozen city court'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** Uploads through the route handler as the workspace does: bytes as the body, the browser's hash in the query. */
export async function upload(
  db: Db,
  deps: FilesDeps,
  userId: string | null,
  params: { subjectKind: string; subjectId: string; name: string; bytes: Buffer; sha256?: string },
) {
  const query = new URLSearchParams({ subjectKind: params.subjectKind, subjectId: params.subjectId, name: params.name, sha256: params.sha256 ?? sha256(params.bytes) });
  const request = new Request(`http://test/api/files?${query}`, { method: 'POST', body: new Uint8Array(params.bytes), headers: { 'content-type': 'application/octet-stream' } });
  const response = await handleUpload(request, db, userId ? await loadViewer(db, userId) : null, deps);
  return { status: response.status, body: (await response.json()) as { id: string; sha256: string; mediaType: string; size: number; error?: string; message?: string; problem?: { code: string; params?: Record<string, unknown> } } };
}

export async function download(db: Db, deps: FilesDeps, userId: string | null, id: string, options: { preview?: boolean } = {}) {
  const request = new Request(`http://test/api/files/${id}${options.preview ? '?preview=1' : ''}`);
  return handleDownload(request, id, db, userId ? await loadViewer(db, userId) : null, deps);
}

/** Every object in a folder store or in s3rver's folder (which names an object `<key>._S3rver_object`), incoming ones included. */
export function storedObjects(folder: string): string[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((entry) => /^[0-9a-f-]{36,64}(\._S3rver_object)?$/.test(path.basename(entry)));
}
