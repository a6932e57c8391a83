import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { cases } from '@/db/schema';
import { loadCaseSnapshot } from '../cases/snapshot';
import { caseProtection } from '../publishing/project-case';
import { loadCaseProjectionInput } from '../publishing/projection-input';
import type { ExchangeCase, ExchangeDocument } from './document';
import { pointerTo } from './problems';
import type { PublicationReplacement } from './publication-report';

type Path = (string | number)[];

/** The free-text fields of a case that its publication redacts, with their path in the file. */
function caseTexts(record: ExchangeCase, index: number): [Path, string | null | undefined][] {
  const at = (...rest: Path): Path => ['cases', index, ...rest];
  return [
    [at('title'), record.title],
    [at('summary'), record.summary],
    ...(record.persons ?? []).map((person, j): [Path, string | null | undefined] => [at('persons', j, 'role'), person.role]),
    ...(record.legal_events ?? []).flatMap((event, j): [Path, string | null | undefined][] => [
      [at('legal_events', j, 'court'), event.court],
      [at('legal_events', j, 'summary'), event.summary],
      [at('legal_events', j, 'outcome'), event.outcome],
      ...(event.provisions ?? []).map((provision, k): [Path, string | null | undefined] => [at('legal_events', j, 'provisions', k, 'title'), provision.title]),
    ]),
    ...(record.interventions ?? []).flatMap((intervention, j): [Path, string | null | undefined][] => [
      [at('interventions', j, 'kind'), intervention.kind],
      [at('interventions', j, 'by'), intervention.by],
      [at('interventions', j, 'reference_code'), intervention.reference_code],
      [at('interventions', j, 'summary'), intervention.summary],
    ]),
  ];
}

/**
 * What the publication of each case of the file would show publicly: an import never publishes a
 * case (the format has no review state for them), so this is the preview a reviewer would see,
 * computed as the projection computes it (the case as now saved, its persons' protection as it is
 * now). Each protected form is listed with its JSON pointer and the label that replaces it, and each
 * protected person of the case is flagged at the pointer that names them.
 */
export async function casePublicationReplacements(tx: Tx, organizationId: string, doc: ExchangeDocument): Promise<PublicationReplacement[]> {
  const records = doc.cases ?? [];
  if (!records.length) return [];
  const saved = await tx
    .select({ id: cases.id, ref: cases.ref })
    .from(cases)
    .where(and(eq(cases.organizationId, organizationId), inArray(cases.ref, records.map((record) => record.ref))));
  const idOf = new Map(saved.map((row) => [row.ref, row.id]));
  const report: PublicationReplacement[] = [];
  for (const [index, record] of records.entries()) {
    const id = idOf.get(record.ref);
    const snapshot = id ? await loadCaseSnapshot(tx, id) : null;
    if (!snapshot) continue;
    const { detector, labels } = caseProtection(await loadCaseProjectionInput(tx, organizationId, snapshot));
    const seen = new Set<string>();
    const add = (pointer: string, found: string, label: string) => {
      const key = `${pointer}\u0000${found}`;
      if (!seen.has(key)) report.push({ pointer, found, label });
      seen.add(key);
    };
    // First who is protected (by the file's own reference to them), then every text.
    (record.persons ?? []).forEach((named, j) => {
      const person = snapshot.persons.find((p) => p.ref === named.person);
      const label = person ? labels.get(person.id) : undefined;
      if (person && label) add(pointerTo('cases', index, 'persons', j, 'person'), person.name, label);
    });
    for (const [path, text] of caseTexts(record, index)) {
      for (const found of text ? detector.find(text) : []) add(pointerTo(...path), found.found, found.label);
    }
  }
  return report;
}
