import { z } from 'zod';
import { isoDay } from '../i18n/dates';
import { caseStatuses, datePrecisions, legalEventKinds, reviewStatuses, type DatePrecision } from '../values';
import { legalProvisionInput } from './incident';
import { serialId, versionNumber } from './numbers';
import { readPartialDate } from '../partial-date';
import type { ProblemCode } from '../i18n/problems';
import { optionalText, userText } from './text';

/**
 * Input schemas for cases, their legal events and interventions: shared by the forms (field
 * messages) and the procedures (the boundary). Field errors come back keyed by these flat names
 * ("date", "replyDueOn"), which the forms use as they are.
 */

/** Kinds of intervention the workspace offers; the exchange format allows any word, so others are kept as they come. */
export const interventionKinds = ['un_communication', 'urgent_appeal', 'government_reply', 'statement', 'legal_aid', 'trial_monitoring', 'other'] as const;

/** UN special procedures ask the government to reply within 60 days. */
export const unReplyDays = 60;

/**
 * The reply due date a new intervention of this kind suggests: 60 days after a UN communication,
 * else none. The form offers it, and the server applies it to a UN communication created or
 * imported without one (server/services/cases/interventions.ts, exchange/import-case-parts.ts).
 *
 * A date known only to the month or the year is stored as the first day of that period, but the
 * communication may have been sent on its last day. Counting from the last day of the period makes
 * the suggested date never earlier than the true one: the list of replies awaited then never calls
 * a government late before it is (at worst it calls it late up to a month or a year after it was).
 */
export function suggestedReplyDue(kind: string, isoDate: string | null, precision: DatePrecision = 'day'): string | null {
  if (kind !== 'un_communication' || !isoDate) return null;
  const due = new Date(`${isoDate}T00:00:00Z`);
  if (precision === 'month') due.setUTCMonth(due.getUTCMonth() + 1, 0);
  if (precision === 'year') due.setUTCMonth(12, 0);
  due.setUTCDate(due.getUTCDate() + unReplyDays);
  return isoDay(due);
}

/** A real calendar day written YYYY-MM-DD, or empty (null). */
const optionalDay = userText()
  .trim()
  .max(10, 'date.day')
  .nullish()
  .refine((value) => !value || readPartialDate(value, 'day') !== null, 'date.day')
  .transform((value) => (value ? readPartialDate(value, 'day') : null));

const datePrecision = z.enum(datePrecisions);
const dateText = userText().trim().max(10, 'field.tooLong').nullish();

type Dated = { date?: string | null; datePrecision: DatePrecision };

/**
 * A date known to a day, a month or a year is written with exactly that much ("2017-07-25",
 * "2017-07", "2017") and stored as the first day of the period. A malformed date gets a message on
 * the "date" field naming the shape expected.
 */
function refineDate(required: boolean) {
  return (value: Dated, ctx: z.RefinementCtx) => {
    if (!value.date) {
      if (required) ctx.addIssue({ code: 'custom', path: ['date'], message: 'field.required' satisfies ProblemCode });
      return;
    }
    if (!readPartialDate(value.date, value.datePrecision)) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        // One code per precision, as the incident's dates: worded in the reader's language.
        message: `date.format.${value.datePrecision}` satisfies ProblemCode,
      });
    }
  };
}

function toIsoDate<T extends Dated>(value: T): Omit<T, 'date'> & { date: string | null } {
  return { ...value, date: value.date ? readPartialDate(value.date, value.datePrecision) : null };
}

function toRequiredIsoDate<T extends Dated>(value: T): Omit<T, 'date'> & { date: string } {
  return { ...value, date: readPartialDate(value.date ?? '', value.datePrecision) ?? '' };
}

export const caseIdInput = z.object({ id: z.uuid() });

export const caseFieldsInput = z.object({
  title: userText().trim().min(1, 'title.required').max(500),
  summary: optionalText(20000),
  status: z.enum(caseStatuses).default('open'),
  /** The persons the case concerns, in order; they belong to the case's organization. */
  persons: z
    .array(z.object({ personId: z.uuid('choose.person'), role: optionalText(200) }))
    .max(100)
    .default([])
    .refine((list) => new Set(list.map((p) => p.personId)).size === list.length, 'A person is listed twice'),
});

export const createCaseInput = z.object({ organizationId: z.uuid() }).extend(caseFieldsInput.shape);
export const updateCaseInput = z
  .object({ id: z.uuid(), version: versionNumber })
  .extend(caseFieldsInput.shape);

export const caseListInput = z.object({
  organizationId: z.uuid().nullish(),
  text: userText().trim().max(200).nullish(),
  status: z.enum(caseStatuses).nullish(),
  reviewStatus: z.enum(reviewStatuses).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const linkIncidentInput = z.object({ caseId: z.uuid(), incidentId: z.uuid() });

export const incidentPickerInput = z.object({
  caseId: z.uuid(),
  text: userText().trim().max(200).default(''),
  limit: z.number().int().min(1).max(20).default(10),
});

const legalEventObject = z.object({
  datePrecision,
  date: dateText,
  kind: z.enum(legalEventKinds),
  personId: z
    .uuid('choose.person')
    .nullish()
    .transform((value) => value ?? null),
  court: optionalText(500),
  summary: optionalText(5000),
  outcome: optionalText(500),
  provisions: z.array(legalProvisionInput).max(20).default([]),
});

/** A step of the proceedings; its date may be unknown (it then comes last on the timeline). */
export const legalEventFieldsInput = legalEventObject.superRefine(refineDate(false)).transform(toIsoDate);
export const addLegalEventInput = legalEventObject.extend({ caseId: z.uuid() }).superRefine(refineDate(false)).transform(toIsoDate);
export const updateLegalEventInput = legalEventObject
  .extend({ id: serialId, version: versionNumber })
  .superRefine(refineDate(false))
  .transform(toIsoDate);
export const removeRecordInput = z.object({ id: serialId, version: versionNumber });

const interventionObject = z.object({
  datePrecision,
  date: dateText,
  kind: userText().trim().min(1, 'intervention.chooseKind').max(100),
  by: optionalText(500),
  referenceCode: optionalText(200),
  summary: optionalText(5000),
  sourceId: z
    .uuid('choose.source')
    .nullish()
    .transform((value) => value ?? null),
  replyDueOn: optionalDay,
  replyReceivedOn: optionalDay,
});

/** An intervention always has a date; a missing reference code is fine (many appeals have none). */
export const interventionFieldsInput = interventionObject.superRefine(refineDate(true)).transform(toRequiredIsoDate);
export const addInterventionInput = interventionObject.extend({ caseId: z.uuid() }).superRefine(refineDate(true)).transform(toRequiredIsoDate);
export const updateInterventionInput = interventionObject
  .extend({ id: serialId, version: versionNumber })
  .superRefine(refineDate(true))
  .transform(toRequiredIsoDate);
export const replyReceivedInput = z.object({
  id: serialId,
  version: versionNumber,
  replyReceivedOn: userText()
    .trim()
    .refine((value) => readPartialDate(value, 'day') !== null, 'date.day')
    .transform((value) => readPartialDate(value, 'day') as string),
});

/** Cases one may add an incident to, by title. */
/** The case picker of an incident page: the incident to add, and words of the case's title. */
export const caseChoicesInput = z.object({ incidentId: z.uuid(), text: userText().trim().max(200).default('') });

export type CaseFields = z.infer<typeof caseFieldsInput>;
export type CaseFormValues = z.input<typeof caseFieldsInput>;
export type CaseListInput = z.infer<typeof caseListInput>;
export type LegalEventFields = z.infer<typeof legalEventFieldsInput>;
export type LegalEventFormValues = z.input<typeof legalEventFieldsInput>;
export type InterventionFields = z.infer<typeof interventionFieldsInput>;
export type InterventionFormValues = z.input<typeof interventionFieldsInput>;
