/** Answers without touching the database: process supervisors and the e2e runner wait on it. */
export function GET() {
  return Response.json({ ok: true });
}
