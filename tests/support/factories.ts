import type { ProblemData } from '@/common/i18n/problems';
import { randomBytes } from 'node:crypto';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { memberships, organizations, persons, sessions, users, vocabularyTerms } from '@/db/schema';
import type { Role, SecondFactorPolicy } from '@/db/schema';
import { hashPassword } from '@/server/auth/password';
import { appRouter, createCaller } from '@/server/routers';
import { createContext } from '@/server/trpc';
import { type IncidentFormValues } from '@/common/inputs/incident';

// Small factories: tests arrange with these and act through the same entry points users use.

const unique = () => randomBytes(4).toString('hex');

/**
 * An organization; its second-factor policy is 'nobody' unless given, so that the many stories of
 * other features can sign reviewers in with a session alone (the gate's own tests give a policy).
 */
export async function createOrganization(db: Db, name = `NGO ${unique()}`, secondFactorPolicy: SecondFactorPolicy = 'nobody') {
  const [row] = await db.insert(organizations).values({ slug: `ngo-${unique()}`, name, secondFactorPolicy }).returning();
  return row!;
}

let cachedHash: Promise<string> | undefined;

export async function createUser(
  db: Db,
  organizationId: string | null,
  role: Role = 'monitor',
  options: { email?: string; password?: string } = {},
) {
  const passwordHash = options.password ? await hashPassword(options.password) : await (cachedHash ??= hashPassword('test-password'));
  const [user] = await db
    .insert(users)
    .values({ email: options.email ?? `${role}-${unique()}@example.org`, name: `${role} ${unique()}`, passwordHash })
    .returning();
  if (organizationId) await db.insert(memberships).values({ userId: user!.id, organizationId, role });
  return user!;
}

/** A documented person of an organization, written directly (the stories of mentions need only the row). */
export async function createPerson(db: Db, organizationId: string, name: string, confidential: boolean): Promise<string> {
  const [row] = await db.insert(persons).values({ organizationId, ref: `person:${name}`, name, confidential }).returning({ id: persons.id });
  return row!.id;
}

/** The few vocabulary terms the incident tests use, as an admin would have loaded them. */
export async function seedVocabulary(db: Db) {
  await db
    .insert(vocabularyTerms)
    .values([
      { kind: 'violation_type', code: 'judicial_harassment', labels: { en: 'Judicial harassment' } },
      { kind: 'violation_type', code: 'arbitrary_detention', parentCode: 'judicial_harassment', labels: { en: 'Arbitrary detention' } },
      { kind: 'violation_type', code: 'threats', labels: { en: 'Threats' } },
      { kind: 'perpetrator_type', code: 'police', labels: { en: 'Police' } },
      { kind: 'perpetrator_type', code: 'court', labels: { en: 'Court' } },
      { kind: 'defender_category', code: 'trade_unionist', labels: { en: 'Trade unionist' } },
    ])
    .onConflictDoNothing();
}

/** The context of a person signed in just now (a fresh server-side session), or of nobody. */
async function contextFor(db: Db, userId: string | null, options: { authenticatedAt?: Date } = {}) {
  const [user] = userId ? await db.select({ id: users.id }).from(users).where(eq(users.id, userId)) : [];
  // An unknown id gets no session: the viewer is null either way.
  if (!userId || !user) return createContext(db, userId);
  const authenticatedAt = options.authenticatedAt ?? new Date();
  const [session] = await db.insert(sessions).values({ userId, idHash: randomBytes(32).toString('hex'), deviceLabel: 'Test', authenticatedAt }).returning({ id: sessions.id });
  return createContext(db, userId, { session: { id: session!.id, userId, authenticatedAt, secondFactorPending: false } });
}

/** A caller as a person signed in just now (a fresh server-side session), or as nobody. */
export async function callerFor(db: Db, userId: string | null, options: { authenticatedAt?: Date } = {}) {
  return createCaller(await contextFor(db, userId, options));
}

/**
 * Calls a procedure over HTTP as the browser would, to see status codes and formatted errors. The
 * caller has no browser session unless `signedInNow` (then as for `callerFor`), for the procedures
 * that need a recent sign-in.
 */
export async function callOverHttp(db: Db, userId: string | null, path: string, input: unknown, method: 'GET' | 'POST' = 'POST', options: { signedInNow?: boolean } = {}) {
  const body = JSON.stringify({ json: input });
  const url = method === 'GET' ? `http://test/api/trpc/${path}?input=${encodeURIComponent(body)}` : `http://test/api/trpc/${path}`;
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(url, { method, body: method === 'POST' ? body : undefined, headers: { 'content-type': 'application/json' } }),
    router: appRouter,
    createContext: () => (options.signedInNow ? contextFor(db, userId) : createContext(db, userId)),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      error?: { json: { message: string; data: { code: string; fieldErrors: Record<string, string> | null } & ProblemData } };
    },
  };
}

export function anIncident(overrides: Partial<IncidentFormValues> = {}): IncidentFormValues {
  return {
    title: 'Trade union leader detained after a strike',
    summary: 'Police detained the leader of the union at her home.',
    date: { precision: 'month', start: '2017-05' },
    location: { country: 'KZ', region: 'Mangystau Region', locality: 'Zhanaozen', precision: 'locality' },
    violationTypes: ['arbitrary_detention'],
    victims: [{ kind: 'newPerson', person: { name: 'Nurbek Example', categories: ['trade_unionist'], confidential: true } }],
    perpetrators: [{ typeCode: 'police', name: 'Zhanaozen city police' }],
    legalProvisions: [{ code: 'Criminal Code', article: '174', title: 'Inciting social discord' }],
    sources: [{ kind: 'newSource', source: { title: 'Interview with a colleague', reliability: 'B' } }],
    ...overrides,
  };
}
