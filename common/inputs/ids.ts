import { z } from 'zod';

/** The inputs that only name a record. */
export const idInput = z.object({ id: z.uuid() });
export const organizationIdInput = z.object({ organizationId: z.uuid() });
/** Lists that may be narrowed to one of the viewer's organizations. */
export const optionalOrganizationInput = z.object({ organizationId: z.uuid().nullish() });
export const incidentRefInput = z.object({ incidentId: z.uuid() });
export const caseRefInput = z.object({ caseId: z.uuid() });
