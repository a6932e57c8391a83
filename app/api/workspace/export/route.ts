import { searchTextFor } from '@/app/(workspace)/search-cookie';
import { getDb } from '@/db/client';
import { getLocale } from '@/app/i18n/server';
import { translator } from '@/common/i18n';
import { sayIssue } from '@/common/inputs/problems';
import { exportVerdict } from '@/server/policy/export';
import { listViewer } from '@/server/policy/viewer';
import { recentAuthMessage, requireRecentAuth } from '@/server/auth/require-recent-auth';
import { getCompleteSession } from '@/server/auth/session';
import { loadViewer } from '@/server/auth/viewer';
import { workspaceExportInput, workspaceExportResponse } from '@/server/services/exchange/workspace-export';

/**
 * GET /api/workspace/export?organizationId=…&format=csv|xlsx|json&status=…&region=…&scope=…: a reviewer's or
 * admin's export of their organization's incidents with exactly the list's filters ("mine" and "waiting
 * for my review" are the exporter's). A route handler rather than a tRPC procedure, because the answer
 * is a streamed file.
 */
const english = translator('en');
const refusal = (status: number, message: string) => Response.json({ error: message }, { status, headers: { 'cache-control': 'no-store' } });

export async function GET(request: Request): Promise<Response> {
  const db = await getDb();
  const session = await getCompleteSession();
  const viewer = session ? await loadViewer(db, session.userId) : null;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  // The list's words travel in the list's cookie, not in the export link (app/(workspace)/search-cookie.ts).
  const words = await searchTextFor('incidents', query.text?.trim() ?? '');
  if (words.text) query.text = words.text;
  const parsed = workspaceExportInput.safeParse(query);
  if (!parsed.success) {
    if (!viewer) return refusal(401, 'Please sign in.');
    return refusal(400, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${sayIssue(english, issue)}`).join('; '));
  }
  const verdict = exportVerdict(viewer, parsed.data.organizationId);
  if (verdict === 'unauthorized') return refusal(401, 'Please sign in.');
  if (verdict === 'not_found') return refusal(404, 'No such organization.');
  if (verdict === 'forbidden') return refusal(403, 'Only reviewers and admins of the organization may export its records.');
  // Everything of an organization in one file: only for someone who proved who they are a moment ago.
  try {
    requireRecentAuth({ session });
  } catch {
    return refusal(403, recentAuthMessage);
  }
  return workspaceExportResponse(db, { ...listViewer(viewer!), locale: await getLocale() }, parsed.data);
}

export const dynamic = 'force-dynamic';
