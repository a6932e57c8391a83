import { z } from 'zod';
import { bigSerialId } from './numbers';
import { userText } from './text';

// PostgreSQL has no year 0 (and the log no entry before the app existed): years 1000-9999 only.
const isoDay = z.iso.date('audit.dateFormat').refine((day) => day >= '1000-01-01', 'audit.dateFrom1000');

export const auditListInput = z
  .object({
    /** One organization the viewer administers; all of them when left out. */
    organizationId: z.uuid().nullish(),
    action: userText().trim().regex(/^[a-zA-Z_.]{1,80}$/, 'audit.chooseAction').nullish(),
    actorId: z.uuid('audit.choosePerson').nullish(),
    /** The record the entry is about: a user id, an incident id… */
    subjectId: userText().trim().min(1).max(200).nullish(),
    /** Days in UTC, both included. */
    from: isoDay.nullish(),
    to: isoDay.nullish(),
    /** The id of the last entry of the previous page: the next page holds older entries. */
    cursor: bigSerialId.nullish(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ['to'], message: 'audit.endBeforeStart' });
export type AuditListInput = z.input<typeof auditListInput>;
export type AuditListQuery = z.output<typeof auditListInput>;
