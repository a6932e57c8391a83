import 'server-only';
/**
 * The tRPC setup in one place: 1. context, 2. initialisation and error formatting, 3. procedures.
 */
import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Db } from '@/db/client';
import { refusedValueCode } from '@/db/errors';
import { translator } from '@/common/i18n';
import { sayProblem, type Problem } from '@/common/i18n/problems';
import { problemOfIssue } from '@/common/inputs/problems';
import { DomainError, refused } from './errors';
import { gateFrom, gateProblems, type Gate } from './auth/factors/gate';
import type { LiveSession } from './auth/sessions';
import type { SessionSignIn } from './auth/request-session';
import { loadSignedIn, type SignedIn } from './auth/viewer';
import type { Viewer } from './policy/viewer';
import { limitSearches } from './limits/search-limit';

// 1. CONTEXT
/**
 * `session`: the server-side session of the request (null for server-internal callers such as tests
 * of one procedure); `address`: the client's, for per-address limits (server/public/client-address.ts);
 * `gate`: set when the session still owes a second factor or an enrolment (server/auth/factors/gate.ts),
 * and then `viewer` is null: such a session is nobody to every procedure but the second-factor ones.
 */
export type Context = { db: Db; viewer: Viewer | null; session: LiveSession | null; address: string | null; gate: Gate | null };

/** Builds the context from the signed-in user id (or none), reading the user fresh from the database. */
export async function createContext(
  db: Db,
  userId: string | null,
  request: { session?: LiveSession | null; address?: string | null } = {},
): Promise<Context> {
  return contextOf(db, request.session ?? null, userId ? await loadSignedIn(db, userId) : null, request.address ?? null);
}

/** The context of an HTTP request or a page: the account of its live session, read with it, if any. */
export function createSessionContext(db: Db, found: SessionSignIn | null, address: string | null = null): Context {
  return contextOf(db, found?.session ?? null, found?.signedIn ?? null, address);
}

function contextOf(db: Db, session: LiveSession | null, signedIn: SignedIn | null, address: string | null): Context {
  // A caller without a session (the CLI, a server-internal call) has proved nothing in a browser and owes nothing there.
  const gate = signedIn && session ? gateFrom(session, signedIn.factors) : null;
  return { db, viewer: gate ? null : (signedIn?.viewer ?? null), session, address, gate };
}

// 2. INITIALISATION
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      // Never send a server-side stack or an internal message for an unexpected failure.
      message:
        error.code === 'INTERNAL_SERVER_ERROR'
          ? sayProblem(english, 'server.failed')
          : // A failed input check carries zod's issues as JSON for a message: say them as a sentence instead.
            zodError && shape.message === zodError.message
            ? correctionsOf(zodError)
            : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        // What went wrong as a code with parameters, for the browser to word in the reader's language.
        problem: error instanceof DomainError ? error.problem : error.code === 'INTERNAL_SERVER_ERROR' ? serverFailed : null,
        // Field-level messages (in English) and their problem codes, keyed by dotted path ("date.start", "victims.0.person.name").
        fieldErrors: zodError ? fieldErrorsOf(zodError) : null,
        fieldProblems: zodError ? fieldProblemsOf(zodError) : null,
      },
    };
  },
});

function fieldErrorsOf(error: ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    errors[key] ??= issueText(issue);
  }
  return errors;
}

function fieldProblemsOf(error: ZodError): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    const problem = problemOfIssue(issue);
    if (problem) problems[key] ??= problem;
  }
  return problems;
}

const english = translator('en');
const serverFailed: Problem = { code: 'server.failed' };

/** An issue in English: its code worded by the English dictionary, or its text when it carries none. */
function issueText(issue: ZodError['issues'][number]): string {
  const problem = problemOfIssue(issue);
  return problem ? sayProblem(english, problem.code, problem.params) : issue.message;
}

/** "Title", "Victims 1 › Person › Name": a field's dotted path in words. */
function fieldName(path: readonly PropertyKey[]): string {
  const words = path.map((segment) =>
    typeof segment === 'number' ? String(segment + 1) : String(segment).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase(),
  );
  const joined = words.reduce<string[]>((parts, word, index) => {
    // A list position reads with its list: "victims 1", not "victims › 1".
    if (/^\d+$/.test(word) && index > 0) parts[parts.length - 1] += ` ${word}`;
    else parts.push(word);
    return parts;
  }, []);
  return joined.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(' › ');
}

const shownCorrections = 5;

/** "Please correct: Title — A title is required; Date › Start — Give a real date …" */
function correctionsOf(error: ZodError): string {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const issue of error.issues) {
    const where = issue.path.length > 0 ? fieldName(issue.path) : '';
    const item = where ? `${where} — ${issueText(issue)}` : issueText(issue);
    if (!seen.has(item)) items.push(item);
    seen.add(item);
  }
  const more = items.length - shownCorrections;
  return `Please correct: ${items.slice(0, shownCorrections).join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
}

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

// 3. PROCEDURES
/**
 * Every procedure: a value the database refuses (a class-22 "data exception": text that is not a
 * date, a number out of range, a character it cannot store) is the input's fault, so BAD_REQUEST;
 * the input schemas should catch each of these first, so it is logged (without the input, which may
 * hold confidential names) for someone to add the check. The database's own words stay on the server.
 */
const baseProcedure = t.procedure.use(async ({ next, path }) => {
  const result = await next();
  if (result.ok || result.error.code !== 'INTERNAL_SERVER_ERROR') return result;
  const refused = refusedValueCode(result.error.cause);
  if (!refused) return result;
  console.warn(`tRPC ${path}: the database refused a value of the input (SQLSTATE ${refused})`);
  throw new DomainError('BAD_REQUEST', 'field.refusedByDatabase', undefined, { cause: result.error.cause });
});

/** Anyone, signed in or not. */
export const publicProcedure = baseProcedure;

const pleaseSignIn = () => new DomainError('UNAUTHORIZED', 'auth.signIn');

/** A signed-in, active user; the viewer is narrowed to non-null for every procedure built on it. */
export const signedInProcedure = baseProcedure
  .use(({ ctx, next }) => {
    if (ctx.gate) throw refused(gateProblems[ctx.gate]);
    if (!ctx.viewer) throw pleaseSignIn();
    return next({ ctx: { ...ctx, viewer: ctx.viewer } });
  })
  .use(limitSearches);

/**
 * The second-factor step and enrolment: a person with a live browser session, gated or not. Only the
 * procedures of server/routers/factor.ts are built on it; they act on the session's own account.
 */
export const accountOwnerProcedure = baseProcedure.use(async ({ ctx, next }) => {
  if (!ctx.session || (!ctx.viewer && !ctx.gate)) throw pleaseSignIn();
  return next({ ctx: { ...ctx, session: ctx.session, userId: ctx.session.userId } });
});

