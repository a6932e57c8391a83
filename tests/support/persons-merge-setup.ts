import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/rows';
import { incidents, persons } from '@/db/schema';
import type { ExchangeDocument } from '@/server/services/exchange/document';
import { importExchangeDocument } from '@/server/services/exchange/import';
import { db } from './setup-database';
import { callerFor, createOrganization, createUser } from './factories';

export { closeSetup, database, db, openSetup } from './setup-database';

export function incident(ref: string, title: string, victims: string[], status: 'published' | 'draft' = 'published') {
  return {
    ref,
    title,
    date: { start: '2017-01-09', end: null, precision: 'day' as const },
    location: { country: 'KZ', region: 'South Kazakhstan Region', locality: 'Shymkent', precision: 'locality' as const },
    violation_types: ['judicial_harassment'],
    victims: victims.map((person) => ({ person })),
    perpetrators: [{ type: 'police', name: null }],
    status,
  };
}

/** Two records of Larisa Kharkova (one from an older spreadsheet), a relative, and incidents naming them. */
export function collection(options: { duplicateConfidential?: boolean } = {}): ExchangeDocument {
  return {
    format: 'hrd-monitor-exchange',
    version: 1,
    organizations: [{ ref: 'org:knprk', name: 'Confederation of Independent Trade Unions' }],
    persons: [
      { ref: 'person:kharkova', name: 'Larisa Kharkova', gender: 'female', categories: ['trade_unionist'], affiliations: ['org:knprk'], confidential: false },
      { ref: 'person:kharkova-old', name: 'L. Kharkova', gender: null, categories: [], role_note: 'President of KNPRK', confidential: options.duplicateConfidential ?? false },
      { ref: 'person:relative', name: 'Vladimir, a relative', confidential: true },
    ],
    incidents: [
      incident('inc:charges', 'Criminal case opened against Larisa Kharkova', ['person:kharkova']),
      incident('inc:conviction', 'Union president convicted of abuse of office', ['person:kharkova-old']),
      incident('inc:both', 'Search of the union office', ['person:kharkova', 'person:kharkova-old'], 'draft'),
      incident('inc:relative', 'Car of a relative set on fire', ['person:relative'], 'draft'),
    ],
  } as ExchangeDocument;
}

export async function workspace(options: { duplicateConfidential?: boolean } = {}) {
  const organization = await createOrganization(db);
  const admin = await createUser(db, organization.id, 'admin');
  const reviewer = await createUser(db, organization.id, 'reviewer');
  const monitor = await createUser(db, organization.id, 'monitor');
  const document = collection(options);
  await importExchangeDocument(db, document, { organizationId: organization.id, actingUserId: admin.id });
  const personRows = await db.select().from(persons).where(eq(persons.organizationId, organization.id));
  const incidentRows = await db.select().from(incidents).where(eq(incidents.organizationId, organization.id));
  const person = (ref: string) => personRows.find((row) => row.ref === ref)!;
  const incidentId = (ref: string) => incidentRows.find((row) => row.ref === ref)!.id;
  return { organizationId: organization.id, admin, reviewer, monitor, document, person, incidentId };
}

export type Workspace = Awaited<ReturnType<typeof workspace>>;

export async function mergeAs(userId: string, w: Workspace, into = 'person:kharkova', duplicate = 'person:kharkova-old') {
  const caller = await callerFor(db, userId);
  return caller.person.merge({ id: w.person(into).id, version: 1, duplicateId: w.person(duplicate).id, duplicateVersion: 1 });
}

export async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return 'ok';
  } catch (error) {
    return error instanceof TRPCError ? error.code : `crash: ${String(error)}`;
  }
}

export async function counts(organizationId: string) {
  const [row] = rowsOf<{ merged: number; merges: number; versions: number; audits: number }>(
    await db.execute(sql`
    SELECT (SELECT count(*)::int FROM persons WHERE organization_id = ${organizationId} AND merged_into_id IS NOT NULL) AS merged,
           (SELECT count(*)::int FROM person_merges WHERE organization_id = ${organizationId}) AS merges,
           (SELECT count(*)::int FROM incident_versions v JOIN incidents i ON i.id = v.incident_id WHERE i.organization_id = ${organizationId}) AS versions,
           (SELECT count(*)::int FROM audit_log WHERE organization_id = ${organizationId} AND action = 'person.merge') AS audits`),
  );
  return row;
}
