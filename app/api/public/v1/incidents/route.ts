// GET /api/public/v1/incidents: published incidents, filtered, a page at a time (server/public/api.ts).
export { incidentsGet as GET } from '@/server/public/api';
export const dynamic = 'force-dynamic';
