// GET /api/public/v1/export.json: the public export in the exchange format, streamed.
export { exportJsonGet as GET } from '@/server/public/api';
export const dynamic = 'force-dynamic';
