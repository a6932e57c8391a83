// GET /api/files/package?subjectKind=…&subjectId=…: a record's evidence package (server/http/files.ts).
import { getDb } from '@/db/client';
import { getSessionUserId } from '@/server/auth/session';
import { loadViewer } from '@/server/auth/viewer';
import { getFilesDeps } from '@/server/services/files/deps';
import { handlePackage } from '@/server/http/files';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const db = await getDb();
  const userId = await getSessionUserId();
  return handlePackage(request, db, userId ? await loadViewer(db, userId) : null, getFilesDeps());
}
