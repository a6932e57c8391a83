// GET /api/public-files/{id}: the public copy of an evidence file of a published record (server/http/public-files.ts).
import { handlePublicFile } from '@/server/http/public-files';
import { getFileStore } from '@/server/services/files/store/configured';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return handlePublicFile((await context.params).id, getFileStore());
}
