import 'server-only';
import { isoToPartialDate } from '@/common/partial-date';
import { type IncidentFormValues } from '@/common/inputs/incident';
import type { IncidentSnapshot } from './snapshot';

/** The form values that would save this snapshot again unchanged: the starting point of an edit. */
export function snapshotToFormValues(snapshot: IncidentSnapshot): IncidentFormValues {
  const { precision } = snapshot.date;
  return {
    title: snapshot.title,
    summary: snapshot.summary,
    date: {
      precision,
      start: isoToPartialDate(snapshot.date.start, precision),
      end: snapshot.date.end ? isoToPartialDate(snapshot.date.end, precision) : null,
    },
    location: snapshot.location,
    violationTypes: snapshot.violationTypes,
    victims: snapshot.victims.map((victim) => {
      if (victim.kind === 'person') return { kind: 'person' as const, personId: victim.id };
      if (victim.kind === 'organization') return { kind: 'organization' as const, documentedOrganizationId: victim.id };
      return {
        kind: 'group' as const,
        groupName: victim.name,
        count: victim.count,
        killed: victim.killed,
        injured: victim.injured,
        categories: victim.categories,
      };
    }),
    perpetrators: snapshot.perpetrators,
    legalProvisions: snapshot.legalProvisions,
    sources: snapshot.sources.map((source) => ({ kind: 'source' as const, sourceId: source.id })),
  };
}
