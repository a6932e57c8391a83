// GET /api/public/v1/export.csv: one row per published incident, streamed.
export { exportCsvGet as GET } from '@/server/public/api';
export const dynamic = 'force-dynamic';
