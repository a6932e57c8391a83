import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { caseVersions, incidentVersions, publicIncidents } from '@/db/schema';
import { loadCaseSnapshot, type CaseSnapshot } from '../cases/snapshot';
import { loadIncidentSnapshot, type IncidentSnapshot } from '../incidents/snapshot';
import type { ProjectedText } from './project-fields';
import { projectCase } from './project-case';
import { projectIncident } from './project-incident';
import { loadCaseProjectionInput, loadIncidentProjectionInput } from './projection-input';

/** A piece of public text: as written, or a replacement (what the public reads, and what it replaced). */
export type PreviewSegment = { text: string } | { label: string; found: string };

export type PreviewText = {
  field: string;
  original: string;
  /** What the public reads; null when the value is left out (an address that names someone, a place finer than its precision). */
  shown: string | null;
  segments: PreviewSegment[];
};

/**
 * The public text cut at each replacement, so the page can highlight them. The segments are built
 * from the detector's findings; when they do not add up to the projection's text exactly (the
 * detector found a form it replaced differently), the projection's text is shown whole instead:
 * the preview never shows anything but what the public will read.
 */
export function segmentsOf(entry: ProjectedText): PreviewSegment[] {
  if (entry.shown === null) return [];
  const segments: PreviewSegment[] = [];
  let at = 0;
  for (const r of [...entry.replacements].sort((a, b) => a.start - b.start)) {
    if (r.start < at) return [{ text: entry.shown }];
    if (r.start > at) segments.push({ text: entry.original.slice(at, r.start) });
    segments.push({ label: r.label, found: r.found });
    at = r.end;
  }
  if (at < entry.original.length) segments.push({ text: entry.original.slice(at) });
  const joined = segments.map((s) => ('text' in s ? s.text : s.label)).join('');
  return joined === entry.shown ? segments : [{ text: entry.shown }];
}

function preview(entries: ProjectedText[]) {
  const texts: PreviewText[] = entries
    .filter((entry) => entry.original.trim() !== '')
    .map((entry) => ({ field: entry.field, original: entry.original, shown: entry.shown, segments: segmentsOf(entry) }));
  // Every form the detector found, once, with what replaces it and how often.
  const forms = new Map<string, { found: string; label: string; count: number }>();
  for (const entry of entries) {
    for (const r of entry.replacements) {
      const key = `${r.found}\u0000${r.label}`;
      const seen = forms.get(key) ?? { found: r.found, label: r.label, count: 0 };
      seen.count += 1;
      forms.set(key, seen);
    }
  }
  return { texts, forms: [...forms.values()].sort((a, b) => a.label.localeCompare(b.label) || a.found.localeCompare(b.found)) };
}

/**
 * What the public would read of this version of an incident if it were published now: computed by
 * the projection that writes the public read model, without writing it.
 */
export async function previewIncident(db: DbOrTx, incident: { id: string; organizationId: string; version: number }) {
  const [stored] = await db
    .select({ snapshot: incidentVersions.snapshot })
    .from(incidentVersions)
    .where(and(eq(incidentVersions.incidentId, incident.id), eq(incidentVersions.version, incident.version)));
  const snapshot = (stored?.snapshot as IncidentSnapshot | undefined) ?? (await loadIncidentSnapshot(db, incident.id));
  if (!snapshot) return null;
  const entries: ProjectedText[] = [];
  projectIncident(await loadIncidentProjectionInput(db, incident.organizationId, snapshot), (entry) => entries.push(entry));
  return { kind: 'incident' as const, id: incident.id, version: incident.version, ...preview(entries) };
}

/** The same for a case; its incidents show as the public reads them now (only those that are public). */
export async function previewCase(db: DbOrTx, record: { id: string; organizationId: string; version: number }) {
  const [stored] = await db
    .select({ snapshot: caseVersions.snapshot })
    .from(caseVersions)
    .where(and(eq(caseVersions.caseId, record.id), eq(caseVersions.version, record.version)));
  const snapshot = (stored?.snapshot as CaseSnapshot | undefined) ?? (await loadCaseSnapshot(db, record.id));
  if (!snapshot) return null;
  const entries: ProjectedText[] = [];
  projectCase(await loadCaseProjectionInput(db, record.organizationId, snapshot), (entry) => entries.push(entry));
  const ids = snapshot.incidents.map((incident) => incident.id);
  const publicTitles = ids.length
    ? await db.select({ title: publicIncidents.title }).from(publicIncidents).where(inArray(publicIncidents.incidentId, ids)).orderBy(publicIncidents.startDate)
    : [];
  const incidents: PreviewText[] = publicTitles.map(({ title }) => ({ field: 'public_incidents.title', original: title, shown: title, segments: [{ text: title }] }));
  const shown = preview(entries);
  return { kind: 'case' as const, id: record.id, version: record.version, texts: [...shown.texts, ...incidents], forms: shown.forms };
}
