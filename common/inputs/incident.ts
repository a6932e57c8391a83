import { z } from 'zod';
import { datePrecisions, genders, locationPrecisions, reliabilityGrades, reviewStatuses } from '../values';
import { cursorDay, cursorMoment, decodeCursor } from './cursor';
import { incidentFacetFilterShape } from './incident-facets';
import { versionNumber } from './numbers';
import { partialDateToIso, readPartialDate } from '../partial-date';
import type { ProblemCode } from '../i18n/problems';
import { optionalText, userText, webAddress } from './text';
import { storedRegion } from '../regions';

/**
 * Input schemas for incidents: shared by the form (field messages) and the procedures (the boundary).
 * Every string has a length limit; every list has a size limit.
 */

export const vocabularyCode = userText()
  .trim()
  .min(1, 'choose.term')
  .max(100)
  .regex(/^[a-z][a-z0-9_]*$/, 'field.format');

const count = z.number().int('field.wholeNumber').min(0, 'number.notNegative').max(10_000_000).nullish();

export const incidentDateInput = z
  .object({
    precision: z.enum(datePrecisions),
    start: userText().trim().max(10),
    end: userText().trim().max(10).nullish(),
  })
  .superRefine((date, ctx) => {
    const start = readPartialDate(date.start, date.precision);
    if (!start) {
      ctx.addIssue({
        code: 'custom',
        path: ['start'],
        // One code per precision: the pattern and the precision are words of the reader's language too.
        message: `date.format.${date.precision}` satisfies ProblemCode,
      });
    }
    if (date.end) {
      const end = readPartialDate(date.end, date.precision);
      if (!end) {
        ctx.addIssue({
          code: 'custom',
          path: ['end'],
          message: `date.endFormat.${date.precision}` satisfies ProblemCode,
        });
      } else if (start && end < start) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'date.endBeforeStart' });
      }
    }
  })
  .transform((date) => ({
    precision: date.precision,
    start: readPartialDate(date.start, date.precision) as string,
    end: date.end ? (readPartialDate(date.end, date.precision) as string) : null,
  }));

export const incidentLocationInput = z
  .object({
    country: userText()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'location.country'),
    region: optionalText(200),
    locality: optionalText(200),
    lat: z.number().min(-90, 'location.latitude').max(90, 'location.latitude').nullish(),
    lon: z
      .number()
      .min(-180, 'location.longitude')
      .max(180, 'location.longitude')
      .nullish(),
    precision: z.enum(locationPrecisions),
  })
  .superRefine((location, ctx) => {
    const hasLat = location.lat != null;
    const hasLon = location.lon != null;
    if (hasLat !== hasLon) {
      ctx.addIssue({ code: 'custom', path: [hasLat ? 'lon' : 'lat'], message: 'location.bothCoordinates' });
    }
    if (location.precision === 'region' && !location.region) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'location.regionNeeded' });
    }
    if ((location.precision === 'locality' || location.precision === 'exact') && !location.locality) {
      ctx.addIssue({ code: 'custom', path: ['locality'], message: 'location.localityNeeded' });
    }
  })
  // A region Kazakhstan's list knows, in any spelling or language, is stored as its code (common/regions).
  .transform((location) => ({ ...location, region: storedRegion(location.region, location.country), lat: location.lat ?? null, lon: location.lon ?? null }));

export const newPersonInput = z.object({
  name: userText().trim().min(1, 'name.required').max(500),
  gender: z.enum(genders).nullish(),
  categories: z.array(vocabularyCode).max(20).default([]),
  roleNote: optionalText(1000),
  confidential: z.boolean().default(false),
});

export const newDocumentedOrganizationInput = z.object({
  name: userText().trim().min(1, 'name.required').max(500),
  acronym: optionalText(50),
  kind: optionalText(100),
  country: userText()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'A two-letter country code')
    .nullish()
    .or(z.literal('').transform(() => null)),
});

export const victimInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personId: z.uuid('choose.person') }),
  z.object({ kind: z.literal('newPerson'), person: newPersonInput }),
  z.object({ kind: z.literal('organization'), documentedOrganizationId: z.uuid('choose.organization') }),
  z.object({ kind: z.literal('newOrganization'), organization: newDocumentedOrganizationInput }),
  z.object({
    kind: z.literal('group'),
    groupName: userText().trim().min(1, 'group.describe').max(500),
    count,
    killed: count,
    injured: count,
    categories: z.array(vocabularyCode).max(20).default([]),
  }).superRefine((group, ctx) => {
    // Of a group of known size, no more can be killed or injured than there were.
    for (const field of ['killed', 'injured'] as const) {
      const n = group[field];
      if (group.count != null && n != null && n > group.count) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'group.moreThanCount', params: { count: group.count } });
      }
    }
  }),
]);

export const perpetratorInput = z.object({
  typeCode: vocabularyCode,
  name: optionalText(500),
});

export const legalProvisionInput = z.object({
  code: optionalText(200),
  article: userText().trim().min(1, 'legalProvision.articleRequired').max(50),
  title: optionalText(500),
});

export const newSourceInput = z.object({
  title: userText().trim().min(1, 'title.required').max(1000),
  publisher: optionalText(500),
  publishedOn: userText()
    .trim()
    .nullish()
    .refine((value) => !value || readPartialDate(value, 'day') !== null, 'date.day')
    .transform((value) => (value ? readPartialDate(value, 'day') : null)),
  kind: optionalText(100),
  referenceCode: optionalText(200),
  url: webAddress(),
  reliability: z.enum(reliabilityGrades).nullish(),
});

export const sourceCitationInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('source'), sourceId: z.uuid('choose.source') }),
  z.object({ kind: z.literal('newSource'), source: newSourceInput }),
]);

export const incidentInput = z.object({
  title: userText().trim().min(1, 'title.required').max(500),
  summary: optionalText(20000),
  date: incidentDateInput,
  location: incidentLocationInput,
  violationTypes: z.array(vocabularyCode).min(1, 'incident.violationTypeRequired').max(30),
  victims: z.array(victimInput).max(200).default([]),
  perpetrators: z.array(perpetratorInput).max(50).default([]),
  legalProvisions: z.array(legalProvisionInput).max(50).default([]),
  sources: z.array(sourceCitationInput).max(100).default([]),
});

export const createIncidentInput = z.object({
  organizationId: z.uuid(),
  incident: incidentInput,
  /** The unfinished form (kept on the server) this save completes: it is erased with the save. */
  unfinishedFormId: z.uuid().nullish(),
});

export const updateIncidentInput = z.object({
  id: z.uuid(),
  /** The version the editor started from; a different current version means someone else saved first. */
  version: versionNumber,
  incident: incidentInput,
});

export const incidentIdInput = z.object({ id: z.uuid() });

export const incidentSortValues = ['date_desc', 'date_asc', 'updated_desc'] as const;

/**
 * The list's position after a page: the last incident's sort key (its start date, or when it was last
 * updated) and its id; with a text search, also which part of the results it is in (the incidents
 * whose title holds the words come first, then the rest).
 */
export const incidentListCursor = z.union([
  z.tuple([z.union([cursorDay, cursorMoment]), z.uuid()]),
  z.tuple([z.union([cursorDay, cursorMoment]), z.uuid(), z.enum(['title', 'rest'])]),
]);

// A cursor only comes from a "next page" link; one that does not decode was edited or is from an older version.
const outdatedCursor = 'list.outdatedLink';

export const incidentListInput = z.object({
  status: z.enum(reviewStatuses).nullish(),
  violationType: vocabularyCode.nullish(),
  region: userText().trim().max(200).transform((text) => storedRegion(text)).nullish(),
  from: userText().refine((v) => partialDateToIso(v, 'day') !== null, 'date.day').nullish(),
  to: userText().refine((v) => partialDateToIso(v, 'day') !== null, 'date.day').nullish(),
  text: userText().trim().max(200).nullish(),
  ...incidentFacetFilterShape,
  sort: z.enum(incidentSortValues).default('date_desc'),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: z
    .string()
    .max(200, outdatedCursor)
    .refine((text) => decodeCursor(text, incidentListCursor) !== null, outdatedCursor)
    .nullish(),
});

export type IncidentInput = z.infer<typeof incidentInput>;
export type IncidentFormValues = z.input<typeof incidentInput>;
export type IncidentListInput = z.infer<typeof incidentListInput>;

/** Sharing an incident with another organization, or ending it. */
export const incidentShareInput = z.object({ id: z.uuid(), organizationId: z.uuid() });
