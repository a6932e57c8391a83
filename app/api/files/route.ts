// POST /api/files: a streamed upload of one evidence file (see server/http/files.ts).
import { getDb } from '@/db/client';
import { getSessionUserId } from '@/server/auth/session';
import { loadViewer } from '@/server/auth/viewer';
import { getFilesDeps } from '@/server/services/files/deps';
import { handleUpload } from '@/server/http/files';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  const db = await getDb();
  const userId = await getSessionUserId();
  return handleUpload(request, db, userId ? await loadViewer(db, userId) : null, getFilesDeps());
}
