import type { Locale, MessageKey, Translate } from '@/common/i18n';
import { formatIncidentDate, formatIncidentDateRange } from '@/common/i18n';
import type { DatePrecision } from '@/db/schema';
import { interventionKinds } from '@/common/inputs/case';

/** A known intervention kind in the reader's language; a kind from an imported file as it was written. */
export function interventionKindLabel(kind: string, t: Translate): string {
  return (interventionKinds as readonly string[]).includes(kind) ? t(`interventions.kind.${kind}` as MessageKey) : kind.replace(/_/g, ' ');
}

/** A timeline date no more precise than it is known ("May 2017"), or "Date unknown". */
export function whenOf(item: { date: string | null; datePrecision: DatePrecision; endDate?: string | null }, locale: Locale, t: Translate): string {
  if (!item.date) return t('cases.timeline.undated');
  return item.endDate !== undefined ? formatIncidentDateRange(item.date, item.endDate, item.datePrecision, locale) : formatIncidentDate(item.date, item.datePrecision, locale);
}

/** A plain calendar day (due dates, reply dates) in the reader's language. */
export function dayOf(iso: string, locale: Locale): string {
  return formatIncidentDate(iso, 'day', locale);
}
