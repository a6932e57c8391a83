import 'server-only';
import { formatIncidentDate } from '@/common/i18n';
import { caseFields, type CaseField } from '@/common/record-fields';
import type { CaseSnapshot } from './snapshot';


/**
 * One field that differs between two versions. For the lists (a case may hold hundreds of
 * incidents) `before` names what was removed and `after` what was added, not the whole list.
 */
export type CaseFieldChange = { field: CaseField; before: string | null; after: string | null };

const day = (iso: string | null, precision: CaseSnapshot['legalEvents'][number]['datePrecision']) =>
  iso ? formatIncidentDate(iso, precision, 'en') : 'undated';

function items(snapshot: CaseSnapshot, field: Exclude<CaseField, 'title' | 'summary' | 'status' | 'reviewStatus'>): string[] {
  switch (field) {
    case 'persons':
      return snapshot.persons.map((p) => (p.role ? `${p.name} (${p.role})` : p.name));
    case 'incidents':
      return snapshot.incidents.map((i) => i.title);
    case 'legalEvents':
      return snapshot.legalEvents.map((e) =>
        [
          `${day(e.date, e.datePrecision)}: ${e.kind.replace('_', ' ')}`,
          e.personName,
          e.court,
          e.provisions.map((p) => [p.code, `art. ${p.article}`].filter(Boolean).join(' ')).join(', ') || null,
          e.outcome,
          e.summary,
        ]
          .filter(Boolean)
          .join(' – '),
      );
    case 'interventions':
      return snapshot.interventions.map((i) =>
        [
          `${day(i.date, i.datePrecision)}: ${i.kind.replace(/_/g, ' ')}`,
          i.by,
          i.referenceCode,
          i.summary,
          i.replyDueOn ? `reply due ${i.replyDueOn}` : null,
          i.replyReceivedOn ? `reply received ${i.replyReceivedOn}` : null,
        ]
          .filter(Boolean)
          .join(' – '),
      );
  }
}

function onlyIn(these: string[], others: string[]): string | null {
  const rest = [...others];
  const left = these.filter((item) => {
    const at = rest.indexOf(item);
    if (at < 0) return true;
    rest.splice(at, 1);
    return false;
  });
  return left.length ? left.join('; ') : null;
}

/** What changed from one version to the next; against nothing, every filled field counts as new. */
export function diffCaseSnapshots(before: CaseSnapshot | null, after: CaseSnapshot): CaseFieldChange[] {
  const changes: CaseFieldChange[] = [];
  for (const field of caseFields) {
    if (field === 'title' || field === 'summary' || field === 'status' || field === 'reviewStatus') {
      const old = before ? before[field] : null;
      if (old !== after[field]) changes.push({ field, before: old, after: after[field] });
      continue;
    }
    const now = items(after, field);
    const old = before ? items(before, field) : [];
    const removed = onlyIn(old, now);
    const added = onlyIn(now, old);
    if (removed !== null || added !== null) changes.push({ field, before: removed, after: added });
  }
  return changes;
}
