// GET /api/files/{id}: download (or, with ?preview=1, preview) one evidence file (see server/http/files.ts).
import { getDb } from '@/db/client';
import { getSessionUserId } from '@/server/auth/session';
import { loadViewer } from '@/server/auth/viewer';
import { getFilesDeps } from '@/server/services/files/deps';
import { handleDownload } from '@/server/http/files';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const db = await getDb();
  const userId = await getSessionUserId();
  const { id } = await context.params;
  return handleDownload(request, id, db, userId ? await loadViewer(db, userId) : null, getFilesDeps());
}
