import 'server-only';
import { atPrecision } from '@/common/partial-date';
import { caseFields, type CaseField } from '@/common/record-fields';
import type { CaseStatus, DatePrecision, LegalEventKind, ReviewStatus } from '@/common/values';
import type { CaseSnapshot } from './snapshot';

// Values, not words: the page words them in the reader's language (see ../incidents/diff.ts for why).

/** What a reader sees of one item of each of a case's lists. */
export type CaseItems = {
  persons: { name: string; role: string | null };
  /** Titles. */
  incidents: string;
  legalEvents: {
    kind: LegalEventKind;
    date: string | null;
    datePrecision: DatePrecision;
    personName: string | null;
    court: string | null;
    provisions: { code: string | null; article: string }[];
    outcome: string | null;
    summary: string | null;
  };
  interventions: {
    /** A kind of the list, or one an imported file named. */
    kind: string;
    date: string | null;
    datePrecision: DatePrecision;
    by: string | null;
    referenceCode: string | null;
    summary: string | null;
    replyDueOn: string | null;
    replyReceivedOn: string | null;
  };
};
type ListField = keyof CaseItems;

export type CaseValues = { title: string; summary: string | null; status: CaseStatus; reviewStatus: ReviewStatus } & { [F in ListField]: CaseItems[F][] };

/**
 * One field that differs between two versions. For the lists (a case may hold hundreds of
 * incidents) `before` holds what was removed and `after` what was added, not the whole list.
 */
export type CaseFieldChange = { [F in CaseField]: { field: F; before: CaseValues[F] | null; after: CaseValues[F] | null } }[CaseField];

const isList = (field: CaseField): field is ListField =>
  field === 'persons' || field === 'incidents' || field === 'legalEvents' || field === 'interventions';

/** The items of a list with only what a reader sees, each field present (older versions may lack one). */
function items<F extends ListField>(snapshot: CaseSnapshot, field: F): CaseItems[F][];
function items(snapshot: CaseSnapshot, field: ListField): CaseItems[ListField][] {
  switch (field) {
    case 'persons':
      return snapshot.persons.map((p) => ({ name: p.name, role: p.role || null }));
    case 'incidents':
      return snapshot.incidents.map((i) => i.title);
    case 'legalEvents':
      return snapshot.legalEvents.map((e) => ({
        kind: e.kind,
        date: e.date ? atPrecision(e.date, e.datePrecision) : null,
        datePrecision: e.datePrecision,
        personName: e.personName || null,
        court: e.court || null,
        provisions: (e.provisions ?? []).map((p) => ({ code: p.code || null, article: p.article })),
        outcome: e.outcome || null,
        summary: e.summary || null,
      }));
    case 'interventions':
      return snapshot.interventions.map((i) => ({
        kind: i.kind,
        date: i.date ? atPrecision(i.date, i.datePrecision) : null,
        datePrecision: i.datePrecision,
        by: i.by || null,
        referenceCode: i.referenceCode || null,
        summary: i.summary || null,
        replyDueOn: i.replyDueOn ?? null,
        replyReceivedOn: i.replyReceivedOn ?? null,
      }));
  }
}

/** The items of `these` that `others` lacks, each item of `others` matching one of `these` at most. */
function onlyIn<T>(these: T[], others: T[]): T[] | null {
  // Items are plain JSON built in one key order by items(), so their texts compare them.
  const rest = others.map((item) => JSON.stringify(item));
  const left = these.filter((item) => {
    const at = rest.indexOf(JSON.stringify(item));
    if (at < 0) return true;
    rest.splice(at, 1);
    return false;
  });
  return left.length ? left : null;
}

/** What changed from one version to the next; against nothing, every filled field counts as new. */
export function diffCaseSnapshots(before: CaseSnapshot | null, after: CaseSnapshot): CaseFieldChange[] {
  const changes: CaseFieldChange[] = [];
  for (const field of caseFields) {
    if (!isList(field)) {
      const old = before ? before[field] : null;
      if (old !== after[field]) changes.push({ field, before: old, after: after[field] } as CaseFieldChange);
      continue;
    }
    const now = items(after, field);
    const old = before ? items(before, field) : [];
    const removed = onlyIn<CaseItems[typeof field]>(old, now);
    const added = onlyIn<CaseItems[typeof field]>(now, old);
    if (removed !== null || added !== null) changes.push({ field, before: removed, after: added } as CaseFieldChange);
  }
  return changes;
}
