import { z } from 'zod';
import { evidenceSubjects, maxFileTitleLength } from '../values';
import { userText } from './text';
import { insidePicture, maxRedactionBoxes } from '../redaction-boxes';

// Control characters (and the bidirectional overrides that make "gpj.exe" read as "exe.jpg") are
// dropped from a file name: it is shown to people, so it must read as what it is.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const unreadable = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

export const fileTitle = userText()
  .transform((name) => name.replace(unreadable, '').trim().slice(0, maxFileTitleLength))
  .transform((name) => name || 'file');

export const evidenceSubject = z.object({
  subjectKind: z.enum(evidenceSubjects),
  // A uuid (incident, source, case) or a number (legal event): nothing else reaches the database.
  subjectId: z.string().regex(/^([0-9a-fA-F-]{36}|[1-9][0-9]{0,9})$/, 'field.format'),
});

/** What an upload names besides its bytes (query parameters of POST /api/files). */
export const uploadParams = evidenceSubject.extend({
  name: fileTitle,
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'field.format').transform((hex) => hex.toLowerCase()),
  capturedAt: z.iso.datetime({ offset: true }).nullish(),
});

export const fileId = z.uuid();
export const fileIdInput = z.object({ id: fileId });

/** Sharing one file with (or withdrawing it from) another organization. */
export const fileShareInput = z.object({ id: fileId, organizationId: z.uuid() });

export const redactionBoxes = z
  .array(
    z
      .object({
        x: z.number().min(0).max(1),
        y: z.number().min(0).max(1),
        width: z.number().gt(0).max(1),
        height: z.number().gt(0).max(1),
      })
      // A box that reaches beyond the picture would be cut silently: what the public sees must be what the reviewer drew.
      .refine(insidePicture, 'redaction.outsidePicture'),
  )
  .max(maxRedactionBoxes);

export const purgeInput = z.object({
  id: fileId,
  reason: userText().trim().min(10, 'file.erasureReason').max(2000),
});

/** Marking a file public names it for the public (its uploaded name may hold a confidential name) and may black out regions. */
export const markPublicInput = z.discriminatedUnion('public', [
  z.object({
    id: fileId,
    public: z.literal(true),
    title: userText().trim().min(1, 'file.publicTitle').max(200),
    redactions: redactionBoxes.default([]),
  }),
  z.object({ id: fileId, public: z.literal(false) }),
]);

/** An evidence package is made for an incident or a case. */
export const packageParams = z.object({ subjectKind: z.enum(['incident', 'case']), subjectId: z.uuid() });
