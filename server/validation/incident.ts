import { z } from 'zod';
import {
  datePrecisionEnum,
  genderEnum,
  locationPrecisionEnum,
  reliabilityEnum,
  reviewStatusEnum,
} from '@/db/schema';
import { cursorDay, cursorMoment, decodeCursor } from './cursor';
import { incidentFacetFilterShape } from './incident-facets';
import { versionNumber } from './numbers';
import { partialDateToIso, precisionHint } from './partial-date';
import { optionalText, userText } from './text';

/**
 * Input schemas for incidents: shared by the form (field messages) and the procedures (the boundary).
 * Every string has a length limit; every list has a size limit.
 */

export const vocabularyCode = userText()
  .trim()
  .min(1, 'Choose a term')
  .max(100)
  .regex(/^[a-z][a-z0-9_]*$/, 'Not a vocabulary code');

const count = z.number().int('A whole number').min(0, 'Cannot be negative').max(10_000_000).nullish();

export const incidentDateInput = z
  .object({
    precision: z.enum(datePrecisionEnum.enumValues),
    start: userText().trim().max(10),
    end: userText().trim().max(10).nullish(),
  })
  .superRefine((date, ctx) => {
    const start = partialDateToIso(date.start, date.precision);
    if (!start) {
      ctx.addIssue({
        code: 'custom',
        path: ['start'],
        message: `Give a real date written ${precisionHint[date.precision]} (the precision is "${date.precision}")`,
      });
    }
    if (date.end) {
      const end = partialDateToIso(date.end, date.precision);
      if (!end) {
        ctx.addIssue({
          code: 'custom',
          path: ['end'],
          message: `Give a real date written ${precisionHint[date.precision]}, or leave it empty`,
        });
      } else if (start && end < start) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'The end cannot be before the start' });
      }
    }
  })
  .transform((date) => ({
    precision: date.precision,
    start: partialDateToIso(date.start, date.precision) as string,
    end: date.end ? (partialDateToIso(date.end, date.precision) as string) : null,
  }));

export const incidentLocationInput = z
  .object({
    country: userText()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. KZ'),
    region: optionalText(200),
    locality: optionalText(200),
    lat: z.number().min(-90, 'Latitude is between -90 and 90').max(90, 'Latitude is between -90 and 90').nullish(),
    lon: z
      .number()
      .min(-180, 'Longitude is between -180 and 180')
      .max(180, 'Longitude is between -180 and 180')
      .nullish(),
    precision: z.enum(locationPrecisionEnum.enumValues),
  })
  .superRefine((location, ctx) => {
    const hasLat = location.lat != null;
    const hasLon = location.lon != null;
    if (hasLat !== hasLon) {
      ctx.addIssue({ code: 'custom', path: [hasLat ? 'lon' : 'lat'], message: 'Give both latitude and longitude, or neither' });
    }
    if (location.precision === 'region' && !location.region) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'Region precision needs a region' });
    }
    if ((location.precision === 'locality' || location.precision === 'exact') && !location.locality) {
      ctx.addIssue({ code: 'custom', path: ['locality'], message: 'This precision needs a locality' });
    }
  })
  .transform((location) => ({ ...location, lat: location.lat ?? null, lon: location.lon ?? null }));

export const newPersonInput = z.object({
  name: userText().trim().min(1, 'A name is required').max(500),
  gender: z.enum(genderEnum.enumValues).nullish(),
  categories: z.array(vocabularyCode).max(20).default([]),
  roleNote: optionalText(1000),
  confidential: z.boolean().default(false),
});

export const newDocumentedOrganizationInput = z.object({
  name: userText().trim().min(1, 'A name is required').max(500),
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
  z.object({ kind: z.literal('person'), personId: z.uuid('Choose a person') }),
  z.object({ kind: z.literal('newPerson'), person: newPersonInput }),
  z.object({ kind: z.literal('organization'), documentedOrganizationId: z.uuid('Choose an organization') }),
  z.object({ kind: z.literal('newOrganization'), organization: newDocumentedOrganizationInput }),
  z.object({
    kind: z.literal('group'),
    groupName: userText().trim().min(1, 'Describe the group').max(500),
    count,
    killed: count,
    injured: count,
    categories: z.array(vocabularyCode).max(20).default([]),
  }).superRefine((group, ctx) => {
    // Of a group of known size, no more can be killed or injured than there were.
    for (const field of ['killed', 'injured'] as const) {
      const n = group[field];
      if (group.count != null && n != null && n > group.count) {
        ctx.addIssue({ code: 'custom', path: [field], message: `More than the ${group.count} people in the group` });
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
  article: userText().trim().min(1, 'An article is required').max(50),
  title: optionalText(500),
});

export const newSourceInput = z.object({
  title: userText().trim().min(1, 'A title is required').max(1000),
  publisher: optionalText(500),
  publishedOn: userText()
    .trim()
    .nullish()
    .refine((value) => !value || partialDateToIso(value, 'day') !== null, 'A real date, YYYY-MM-DD')
    .transform((value) => value || null),
  kind: optionalText(100),
  referenceCode: optionalText(200),
  url: optionalText(2000).refine((value) => !value || /^https?:\/\//i.test(value), 'A web address starting with http'),
  reliability: z.enum(reliabilityEnum.enumValues).nullish(),
});

export const sourceCitationInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('source'), sourceId: z.uuid('Choose a source') }),
  z.object({ kind: z.literal('newSource'), source: newSourceInput }),
]);

export const incidentInput = z.object({
  title: userText().trim().min(1, 'A title is required').max(500, 'At most 500 characters'),
  summary: optionalText(20000),
  date: incidentDateInput,
  location: incidentLocationInput,
  violationTypes: z.array(vocabularyCode).min(1, 'Choose at least one violation type').max(30),
  victims: z.array(victimInput).max(200).default([]),
  perpetrators: z.array(perpetratorInput).max(50).default([]),
  legalProvisions: z.array(legalProvisionInput).max(50).default([]),
  sources: z.array(sourceCitationInput).max(100).default([]),
});

export const createIncidentInput = z.object({
  organizationId: z.uuid(),
  incident: incidentInput,
});

export const updateIncidentInput = z.object({
  id: z.uuid(),
  /** The version the editor started from; a different current version means someone else saved first. */
  version: versionNumber,
  incident: incidentInput,
});

export const incidentIdInput = z.object({ id: z.uuid() });

export const incidentSortValues = ['date_desc', 'date_asc', 'updated_desc'] as const;

/** The list's position after a page: the last incident's sort key (its start date, or when it was last updated) and its id. */
export const incidentListCursor = z.tuple([z.union([cursorDay, cursorMoment]), z.uuid()]);

// A cursor only comes from a "next page" link; one that does not decode was edited or is from an older version.
const outdatedCursor = 'This page link is out of date or was changed; start again from the first page';

export const incidentListInput = z.object({
  status: z.enum(reviewStatusEnum.enumValues).nullish(),
  violationType: vocabularyCode.nullish(),
  region: userText().trim().max(200).nullish(),
  from: userText().refine((v) => partialDateToIso(v, 'day') !== null, 'A real date, YYYY-MM-DD').nullish(),
  to: userText().refine((v) => partialDateToIso(v, 'day') !== null, 'A real date, YYYY-MM-DD').nullish(),
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
