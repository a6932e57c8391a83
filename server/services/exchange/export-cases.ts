import 'server-only';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cases } from '@/db/schema';
import { loadCaseLinksByRef } from './case-links';
import { loadCaseProceedingsByRef } from './case-proceedings';
import type { ExchangeCase } from './document';
import { byRef } from './order';

/**
 * Every case of the organization (deleted ones left out) with its own incidents (deleted ones left
 * out, as the incidents themselves are), its interventions in order with their reply dates, and
 * (version 2) its persons and legal events. The review state of a case stays in the workspace.
 */
export async function exportCases(db: DbOrTx, organizationId: string): Promise<ExchangeCase[]> {
  const rows = await db.select().from(cases).where(casesOf(organizationId));
  return caseRecords(db, organizationId, rows.sort(byRef), { wholeOrganization: true });
}

/** Which cases an organization's export holds: deleted ones excepted. */
export const casesOf = (organizationId: string): SQL => and(eq(cases.organizationId, organizationId), isNull(cases.deletedAt))!;

/**
 * The records of these cases. `wholeOrganization`: the rows are every case of the organization, so
 * their links are read for the organization rather than by the cases' ids (a list too long for one query).
 */
export async function caseRecords(
  db: DbOrTx,
  organizationId: string,
  rows: (typeof cases.$inferSelect)[],
  { wholeOrganization = false } = {},
): Promise<ExchangeCase[]> {
  const caseIds = wholeOrganization ? undefined : rows.map((row) => row.id);
  const links = await loadCaseLinksByRef(db, organizationId, { includeDeletedIncidents: false, caseIds });
  const proceedings = await loadCaseProceedingsByRef(db, organizationId, caseIds);
  return rows.map((row) => {
    const { incidents, interventions, interventionExtras } = links.get(row.id) ?? { incidents: [], interventions: [], interventionExtras: [] };
    const { persons, legalEvents } = proceedings.get(row.id) ?? { persons: [], legalEvents: [] };
    return {
      ref: row.ref,
      title: row.title,
      summary: row.summary,
      status: row.status,
      incidents,
      interventions: interventions.map((intervention, index) => {
        const extras = interventionExtras[index]!;
        return {
          ...(extras.ref ? { ref: extras.ref } : {}),
          date: intervention.date,
          precision: extras.datePrecision,
          kind: intervention.kind,
          by: intervention.by,
          reference_code: intervention.referenceCode,
          summary: intervention.summary,
          source: intervention.source,
          reply_due_on: extras.replyDueOn ?? null,
          reply_received_on: extras.replyReceivedOn ?? null,
        };
      }),
      persons: persons.map((entry) => ({ person: entry.person, role: entry.role })),
      legal_events: legalEvents.map((event) => ({
        ...(event.ref ? { ref: event.ref } : {}),
        person: event.person,
        kind: event.kind,
        date: event.date === null ? null : { start: event.date, precision: event.datePrecision },
        court: event.court,
        summary: event.summary,
        outcome: event.outcome,
        provisions: event.provisions,
      })),
    };
  });
}
