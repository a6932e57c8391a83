// GET /api/public/v1/incidents/{id}: one published incident; 404 alike for unknown and unpublished ids.
export { incidentGet as GET } from '@/server/public/api';
export const dynamic = 'force-dynamic';
