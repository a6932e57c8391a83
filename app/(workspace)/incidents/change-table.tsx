import { formatIncidentDateRange, type Locale, type Translate } from '@/common/i18n';
import { placeLine } from '@/common/regions';
import { reviewStatuses, type ReviewStatus } from '@/common/values';
import type { FieldChange, ShownVictim } from '@/server/services/incidents/diff';
import type { ChangeWording } from '../review/change-table';

const isStatus = (value: string): value is ReviewStatus => (reviewStatuses as readonly string[]).includes(value);

/** The vocabulary labels in the reader's language (app/ui/vocabulary.ts `termLabeller`, as every page takes them). */
export type ChangeLabels = { violation: (code: string) => string; perpetrator: (code: string) => string };

/** "Oil workers (12 people, 3 killed)" in the reader's language; a person or an organization by name. */
function victimWords(victim: ShownVictim, t: Translate): string {
  const figures = [
    victim.count != null ? t('incident.people', { n: victim.count }) : null,
    victim.killed ? t('incident.killed', { n: victim.killed }) : null,
    victim.injured ? t('incident.injured', { n: victim.injured }) : null,
  ].filter(Boolean);
  return figures.length ? `${victim.name} (${figures.join(', ')})` : victim.name;
}

/**
 * How an incident's changes read (review/change-table.tsx): the server hands over values
 * (server/services/incidents/diff.ts) and they are worded here in the reader's language: the
 * vocabulary by its labels, dates by common/i18n/dates.ts, places by their region's name.
 */
export function incidentWording(labels: ChangeLabels, locale: Locale, t: Translate): ChangeWording<FieldChange> {
  return {
    field: (field) => t(`field.${field}`),
    value: (change, side) => {
      switch (change.field) {
        case 'title':
        case 'summary':
          return change[side];
        case 'status': {
          const status = change[side];
          return status && (isStatus(status) ? t(`status.${status}`) : status);
        }
        case 'date': {
          const date = change[side];
          return date && formatIncidentDateRange(date.start, date.end, date.precision, locale);
        }
        case 'location': {
          const place = change[side];
          if (!place) return null;
          const point = place.lat != null && place.lon != null ? ` [${place.lat}, ${place.lon}]` : '';
          return `${placeLine(place, locale)}${point} (${t(`locationPrecision.${place.precision}`)})`;
        }
        case 'violationTypes':
          return change[side]?.map(labels.violation).join(', ') ?? null;
        case 'victims':
          return change[side]?.map((victim) => victimWords(victim, t)).join('; ') ?? null;
        case 'perpetrators':
          return change[side]?.map((p) => (p.name ? `${labels.perpetrator(p.typeCode)}: ${p.name}` : labels.perpetrator(p.typeCode))).join('; ') ?? null;
        case 'legalProvisions':
          return (
            change[side]
              ?.map((l) => [l.code, t('incident.article', { article: l.article }), l.title ? `“${l.title}”` : null].filter(Boolean).join(' '))
              .join('; ') ?? null
          );
        case 'sources':
          return change[side]?.join('; ') ?? null;
      }
    },
  };
}
