import { z } from 'zod';
import { datePrecisions, genders, locationPrecisions, reliabilityGrades } from '../values';
import './problems';
import { userText } from './text';

/**
 * A new-incident form as the monitor left it, not yet valid (a title or a date may be missing),
 * kept on the server to finish later: its author's only. This is the form's working copy
 * (text fields hold text, "43," is not a number yet), not `incidentInput`: the form checks it
 * when it is finally saved. Bounds keep one form, and all of a person's forms, small.
 */

/** The most one kept form may weigh, as UTF-8 JSON: a long summary and many rows fit, a file does not. */
export const maxUnfinishedFormBytes = 200_000;
/** The most unfinished forms one person keeps: a bound on rows, and a nudge to finish or delete. */
export const maxUnfinishedFormsPerPerson = 50;

/**
 * Text as typed, even when it would not pass the real form yet. Like every input it refuses NUL,
 * which PostgreSQL's JSON cannot hold; the form drops it before keeping (it arrives invisibly with
 * text pasted from some PDFs), so that keeping never fails over it.
 */
const typed = (max: number) => userText().max(max);
const picked = z.object({ id: z.uuid(), label: typed(1000) }).nullable();
const codes = z.array(typed(100)).max(50);
const rowKey = typed(100);

const victimDraft = z.object({
  key: rowKey,
  kind: z.enum(['person', 'newPerson', 'organization', 'newOrganization', 'group']),
  person: picked,
  newPerson: z.object({ name: typed(1000), gender: z.enum(genders).or(z.literal('')), categories: codes, roleNote: typed(2000), confidential: z.boolean() }),
  organization: picked,
  newOrganization: z.object({ name: typed(1000), acronym: typed(100), kind: typed(200), country: typed(10) }),
  group: z.object({ name: typed(1000), count: typed(20), killed: typed(20), injured: typed(20), categories: codes }),
});

const sourceDraft = z.object({
  key: rowKey,
  kind: z.enum(['source', 'newSource']),
  source: picked,
  newSource: z.object({
    title: typed(2000),
    publisher: typed(1000),
    publishedOn: typed(20),
    kind: typed(200),
    referenceCode: typed(400),
    url: typed(4000),
    reliability: z.enum(reliabilityGrades).or(z.literal('')),
  }),
});

export const incidentFormDraft = z.object({
  title: typed(2000),
  summary: typed(40_000),
  date: z.object({ precision: z.enum(datePrecisions), start: typed(20), end: typed(20) }),
  location: z.object({ country: typed(10), region: typed(400), locality: typed(400), lat: typed(40), lon: typed(40), precision: z.enum(locationPrecisions) }),
  violationTypes: codes,
  victims: z.array(victimDraft).max(200),
  perpetrators: z.array(z.object({ key: rowKey, typeCode: typed(100), name: typed(1000) })).max(50),
  legalProvisions: z.array(z.object({ key: rowKey, code: typed(400), article: typed(100), title: typed(1000) })).max(50),
  sources: z.array(sourceDraft).max(100),
});
export type IncidentFormDraft = z.infer<typeof incidentFormDraft>;

/** UTF-8 bytes of the form as it would be stored. */
export function unfinishedFormBytes(form: unknown): number {
  return new TextEncoder().encode(JSON.stringify(form)).length;
}

export const keepUnfinishedFormInput = z.object({
  /** The kept form this one replaces (its author continued it); none the first time. */
  id: z.uuid().nullish(),
  organizationId: z.uuid(),
  form: incidentFormDraft.refine((form) => unfinishedFormBytes(form) <= maxUnfinishedFormBytes, {
    message: 'unfinishedForm.tooLarge',
    params: { maximum: maxUnfinishedFormBytes / 1000 },
  }),
});
export type KeepUnfinishedFormInput = z.infer<typeof keepUnfinishedFormInput>;

export const unfinishedFormIdInput = z.object({ id: z.uuid() });
