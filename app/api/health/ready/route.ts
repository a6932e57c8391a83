import { getDb } from '@/db/client';
import { checkReadiness } from '@/server/services/health/readiness';
import { isShuttingDown } from '@/server/services/health/shutdown';

/**
 * Readiness, for a load balancer or an orchestrator: 200 when this process can serve (database
 * reachable, migrations current), 503 otherwise, with a short reason and nothing else.
 * Liveness (is the process up at all) is /api/health, which never touches the database.
 */
export async function GET() {
  let answer;
  if (isShuttingDown()) answer = { ready: false as const, reason: 'shutting down' as const };
  else {
    try {
      answer = await checkReadiness(await getDb());
    } catch {
      answer = { ready: false as const, reason: 'database unreachable' as const };
    }
  }
  return Response.json(answer, { status: answer.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}

export const dynamic = 'force-dynamic';
