// GET /api/public/v1/cases: published cases, latest published first, a page at a time (server/public/cases-api.ts).
export { casesGet as GET } from '@/server/public/cases-api';
export const dynamic = 'force-dynamic';
