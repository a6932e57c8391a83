import 'server-only';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';

// Services throw TRPCError so that routers stay thin; the CLI prints the same messages.

/** The record does not exist, or the caller may not see it: the two answer alike. */
export function notFound(what = 'record'): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `No such ${what}` });
}

/** A field-level problem found after zod (e.g. an unknown vocabulary code): the form shows it beside the field. */
export function invalidField(path: (string | number)[], message: string): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message,
    // ZodRealError (unlike ZodError in zod 4) is an Error, so tRPC keeps it as the cause for the formatter.
    cause: new z.ZodRealError([{ code: 'custom', path, message, input: undefined }]),
  });
}
