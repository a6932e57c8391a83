/**
 * The tRPC setup in one place: 1. context, 2. initialisation and error formatting, 3. procedures.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Db } from '@/db/client';
import { loadViewer, type Viewer } from './auth/viewer';

// 1. CONTEXT
export type Context = { db: Db; viewer: Viewer | null };

/** Builds the context from the signed-in user id (or none), reading the user fresh from the database. */
export async function createContext(db: Db, userId: string | null): Promise<Context> {
  return { db, viewer: userId ? await loadViewer(db, userId) : null };
}

// 2. INITIALISATION
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      // Never send a server-side stack or an internal message for an unexpected failure.
      message: error.code === 'INTERNAL_SERVER_ERROR' ? 'Something went wrong on the server. Please try again.' : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        // Field-level messages, keyed by dotted path ("date.start", "victims.0.person.name").
        fieldErrors: zodError ? fieldErrorsOf(zodError) : null,
      },
    };
  },
});

function fieldErrorsOf(error: ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    errors[key] ??= issue.message;
  }
  return errors;
}

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

// 3. PROCEDURES
/** Anyone, signed in or not. */
export const publicProcedure = t.procedure;

/** A signed-in, active user; the viewer is narrowed to non-null for every procedure built on it. */
export const signedInProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

