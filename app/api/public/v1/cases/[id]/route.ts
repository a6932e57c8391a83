// GET /api/public/v1/cases/{id}: one published case with its timeline.
export { caseGet as GET } from '@/server/public/cases-api';
export const dynamic = 'force-dynamic';
