// GET /api/public/v1/openapi.json: the API described for machines.
export { openApiGet as GET } from '@/server/public/api';
export const dynamic = 'force-dynamic';
