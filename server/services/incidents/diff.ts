import 'server-only';
import type { IncidentSnapshot, SnapshotVictim } from './snapshot';
// The history's words are English for now (built here, not in the reader's language); its dates use the shared formatter.
import { formatIncidentDateRange } from '@/common/i18n';
import { placeLine } from '@/common/regions';
import { incidentFields, type IncidentField } from '@/common/record-fields';

/** One field that differs between two versions, in words a person reads ("Date: May 2017 → 25 May 2017"). */
export type FieldChange = { field: IncidentField; before: string | null; after: string | null };


function describeVictim(victim: SnapshotVictim): string {
  if (victim.kind !== 'group') return victim.name;
  const figures = [
    victim.count != null ? `${victim.count} people` : null,
    victim.killed ? `${victim.killed} killed` : null,
    victim.injured ? `${victim.injured} injured` : null,
  ].filter(Boolean);
  return figures.length ? `${victim.name} (${figures.join(', ')})` : victim.name;
}

function describe(snapshot: IncidentSnapshot, field: IncidentField): string | null {
  switch (field) {
    case 'title':
      return snapshot.title;
    case 'summary':
      return snapshot.summary;
    case 'status':
      return snapshot.status;
    case 'date': {
      const { start, end, precision } = snapshot.date;
      return formatIncidentDateRange(start, end, precision, 'en');
    }
    case 'location': {
      const { lat, lon, precision } = snapshot.location;
      // A region code by its English name, so a version saved before regions were coded reads the same.
      const place = placeLine(snapshot.location, 'en');
      const point = lat != null && lon != null ? ` [${lat}, ${lon}]` : '';
      return `${place}${point} (${precision})`;
    }
    case 'violationTypes':
      return snapshot.violationTypes.join(', ');
    case 'victims':
      return snapshot.victims.map(describeVictim).join('; ') || null;
    case 'perpetrators':
      return snapshot.perpetrators.map((p) => (p.name ? `${p.typeCode}: ${p.name}` : p.typeCode)).join('; ') || null;
    case 'legalProvisions':
      return (
        snapshot.legalProvisions
          .map((l) => [l.code, `art. ${l.article}`, l.title ? `“${l.title}”` : null].filter(Boolean).join(' '))
          .join('; ') || null
      );
    case 'sources':
      return snapshot.sources.map((s) => s.title).join('; ') || null;
  }
}

/** What changed from one version to the next; against nothing, every filled field counts as new. */
export function diffSnapshots(before: IncidentSnapshot | null, after: IncidentSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of incidentFields) {
    const old = before ? describe(before, field) : null;
    const now = describe(after, field);
    if (old !== now) changes.push({ field, before: old, after: now });
  }
  return changes;
}
