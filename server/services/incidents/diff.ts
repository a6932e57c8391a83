import 'server-only';
import type { CitedProvision } from '../records/cited-provisions';
import type { IncidentSnapshot, SnapshotVictim } from './snapshot';
import { atPrecision } from '@/common/partial-date';
import { storedRegion } from '@/common/regions';
import { incidentFields, type IncidentField } from '@/common/record-fields';
import type { ReviewStatus } from '@/common/values';

/*
 * The history and the review queue show what changed field by field, in the reader's language. The
 * diff hands over values, not words: codes (status, vocabulary terms, precisions, a region), numbers
 * and dates with their precision. The page words them with the dictionaries, the vocabulary labels
 * and common/i18n/dates.ts like every other page (app/(workspace)/incidents/change-table.tsx), so
 * the server writes no sentence and one history reads alike in English, Russian and Kazakh.
 */

/** What a reader sees of a victim: a person or an organization by name, a group with its figures. */
export type ShownVictim = { name: string; count: number | null; killed: number | null; injured: number | null };

/** Each field's value as the reader sees it; a list with nothing in it is no value (null). */
export type IncidentValues = {
  title: string;
  summary: string | null;
  status: ReviewStatus;
  date: IncidentSnapshot['date'];
  location: IncidentSnapshot['location'];
  violationTypes: string[];
  victims: ShownVictim[];
  perpetrators: IncidentSnapshot['perpetrators'];
  legalProvisions: CitedProvision[];
  /** Titles. */
  sources: string[];
};

/** One field that differs between two versions, both sides as values ("Date: May 2017 → 25 May 2017" once worded). */
export type FieldChange = { [F in IncidentField]: { field: F; before: IncidentValues[F] | null; after: IncidentValues[F] | null } }[IncidentField];

function shownVictim(victim: SnapshotVictim): ShownVictim {
  if (victim.kind !== 'group') return { name: victim.name, count: null, killed: null, injured: null };
  return { name: victim.name, count: victim.count ?? null, killed: victim.killed || null, injured: victim.injured || null };
}

const listOrNull = <T>(items: T[]): T[] | null => (items.length ? items : null);

/**
 * A field's value, with only what a reader sees and in one form for every version: a version saved
 * before regions were coded names its region in words, which stand for the code here, so it reads in
 * the reader's language and compares equal to a later version with the code.
 */
function shown<F extends IncidentField>(snapshot: IncidentSnapshot, field: F): IncidentValues[F] | null;
function shown(snapshot: IncidentSnapshot, field: IncidentField): IncidentValues[IncidentField] | null {
  switch (field) {
    case 'title':
    case 'status':
      return snapshot[field];
    case 'summary':
      return snapshot.summary || null;
    case 'date': {
      const { start, end, precision } = snapshot.date;
      return { start: atPrecision(start, precision), end: end ? atPrecision(end, precision) : null, precision };
    }
    case 'location': {
      const { country, region, locality, lat, lon, precision } = snapshot.location;
      return { country, region: storedRegion(region, country), locality: locality ?? null, lat: lat ?? null, lon: lon ?? null, precision };
    }
    case 'violationTypes':
      return listOrNull(snapshot.violationTypes);
    case 'victims':
      return listOrNull(snapshot.victims.map(shownVictim));
    case 'perpetrators':
      return listOrNull(snapshot.perpetrators.map(({ typeCode, name }) => ({ typeCode, name: name || null })));
    case 'legalProvisions':
      // Versions saved before the '' → null rule wrote a missing code as ''.
      return listOrNull(snapshot.legalProvisions.map(({ code, article, title }) => ({ code: code || null, article, title: title || null })));
    case 'sources':
      return listOrNull(snapshot.sources.map((source) => source.title));
  }
}

/** What changed from one version to the next; against nothing, every filled field counts as new. */
export function diffSnapshots(before: IncidentSnapshot | null, after: IncidentSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of incidentFields) {
    const old = before ? shown(before, field) : null;
    const now = shown(after, field);
    // The values are plain JSON built in one key order by shown(), so their texts compare them.
    if (JSON.stringify(old) !== JSON.stringify(now)) changes.push({ field, before: old, after: now } as FieldChange);
  }
  return changes;
}
