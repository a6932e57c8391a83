// GET /api/public/v1/stats.csv?groupBy=…: the counts of /stats as CSV, one chart's figures.
export { statsCsvGet as GET } from '@/server/public/api';
export const dynamic = 'force-dynamic';
