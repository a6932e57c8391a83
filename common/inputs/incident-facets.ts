import { z } from 'zod';
import { userText } from './text';

/**
 * The incident list's narrowing filters beyond status, type, region and dates: what the facets
 * link to and what monitors asked for (a person, a case, an author, "mine", "waiting for my review").
 * Every value is a string as the address carries it, so the page reads each one with this schema.
 */

const code = userText()
  .trim()
  .max(100)
  .regex(/^[a-z][a-z0-9_]*$/, 'field.format');

/** "mine": entries the viewer wrote; "awaiting_my_review": others' submitted entries the viewer may decide on. */
export const incidentScopeValues = ['mine', 'awaiting_my_review'] as const;
export type IncidentScope = (typeof incidentScopeValues)[number];

export const incidentFacetFilterShape = {
  category: code.nullish(),
  perpetrator: code.nullish(),
  // Four digits the database holds as a date (it has no year 0): 1000 to 9999, as the public filters.
  year: z.string().regex(/^[1-9][0-9]{3}$/, 'year.format').nullish(),
  person: z.uuid().nullish(),
  case: z.uuid().nullish(),
  author: z.uuid().nullish(),
  scope: z.enum(incidentScopeValues).nullish(),
  /** Chosen incidents, comma-separated (the list's bulk export): at most 100. */
  ids: z
    .string()
    .max(3_700)
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}){0,99}$/i, 'field.format')
    .nullish(),
};

export const incidentFacetFilters = z.object(incidentFacetFilterShape);
export type IncidentFacetFilters = z.infer<typeof incidentFacetFilters>;
