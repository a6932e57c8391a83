// GET /api/files/package?subjectKind=…&subjectId=…: a record's evidence package (server/http/files.ts).
import { getDb } from '@/db/client';
import { completeSignInOfRequest } from '@/server/auth/request-session';
import { getFilesDeps } from '@/server/services/files/deps';
import { handlePackage } from '@/server/http/files';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const db = await getDb();
  return handlePackage(request, db, await completeSignInOfRequest(db, request), getFilesDeps());
}
