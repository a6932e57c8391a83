import 'server-only';
import { largestInteger } from '@/common/database-values';
import { isRealIsoDate } from '@/common/partial-date';
import type { ExchangeDocument } from './document';
import { pointerTo, problemAt, type ExchangeProblem } from './problems';

// PostgreSQL's integer: a larger count would fail half-way through the import instead of up front.
const largestCount = largestInteger;

/**
 * What the schema's patterns cannot say, for one record: dates that exist on the calendar, ranges
 * that run forwards, counts that fit and add up. (Organizations and persons hold no such values.)
 */
export function recordValues(list: 'organizations' | 'persons' | 'sources' | 'incidents' | 'cases', record: object, index: number): ExchangeProblem[] {
  const problems: ExchangeProblem[] = [];
  const at = (...segments: (string | number)[]) => pointerTo(list, index, ...segments);
  const realDate = (text: string, pointer: string): boolean => {
    if (isRealIsoDate(text)) return true;
    problems.push(problemAt(pointer, 'problem.exchange.notRealDate', { date: text }));
    return false;
  };

  if (list === 'sources') {
    const source = record as NonNullable<ExchangeDocument['sources']>[number];
    if (source.published_on != null) realDate(source.published_on, at('published_on'));
  } else if (list === 'incidents') {
    const incident = record as ExchangeDocument['incidents'][number];
    const { start, end } = incident.date;
    const startIsReal = realDate(start, at('date', 'start'));
    if (end != null && realDate(end, at('date', 'end')) && startIsReal && end < start) {
      problems.push(problemAt(at('date', 'end'), 'problem.exchange.endBeforeStart', { end, start }));
    }
    incident.victims?.forEach((victim, v) => {
      for (const field of ['count', 'killed', 'injured'] as const) {
        const value = victim[field];
        if (value != null && value > largestCount) {
          problems.push(problemAt(at('victims', v, field), 'problem.exchange.countTooLarge', { value, maximum: largestCount }));
        }
      }
      for (const field of ['killed', 'injured'] as const) {
        const value = victim[field];
        if (victim.count != null && value != null && value > victim.count) {
          problems.push(problemAt(at('victims', v, field), 'problem.exchange.moreThanGroup', { value, count: victim.count }));
        }
      }
    });
    incident.attachments?.forEach((attachment, a) => {
      if (attachment.captured_on != null) realDate(attachment.captured_on, at('attachments', a, 'captured_on'));
    });
  } else if (list === 'cases') {
    const entry = record as NonNullable<ExchangeDocument['cases']>[number];
    entry.interventions?.forEach((intervention, n) => {
      realDate(intervention.date, at('interventions', n, 'date'));
      for (const field of ['reply_due_on', 'reply_received_on'] as const) {
        const value = intervention[field];
        if (value != null) realDate(value, at('interventions', n, field));
      }
    });
    entry.legal_events?.forEach((event, e) => {
      if (event.date) realDate(event.date.start, at('legal_events', e, 'date', 'start'));
    });
  }
  return problems;
}

/** The values of every record of the file, record by record. */
export function checkValues(doc: ExchangeDocument): ExchangeProblem[] {
  return (['sources', 'incidents', 'cases'] as const).flatMap((list) => (doc[list] ?? []).flatMap((record, index) => recordValues(list, record, index)));
}
