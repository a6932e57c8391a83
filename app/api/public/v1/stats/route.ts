// GET /api/public/v1/stats?groupBy=…: counts of published incidents.
export { statsGet as GET } from '@/server/public/api';
export const dynamic = 'force-dynamic';
