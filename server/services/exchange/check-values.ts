import 'server-only';
import { largestInteger } from '@/common/database-values';
import { isRealIsoDate } from '@/common/partial-date';
import type { ExchangeDocument } from './document';
import { pointerTo, problemAt, type ExchangeProblem } from './problems';

// PostgreSQL's integer: a larger count would fail half-way through the import instead of up front.
const largestCount = largestInteger;

/** What the schema's patterns cannot say: dates that exist on the calendar, ranges that run forwards, counts that fit and add up. */
export function checkValues(doc: ExchangeDocument): ExchangeProblem[] {
  const problems: ExchangeProblem[] = [];
  const realDate = (text: string, pointer: string): boolean => {
    if (isRealIsoDate(text)) return true;
    problems.push(problemAt(pointer, 'problem.exchange.notRealDate', { date: text }));
    return false;
  };

  doc.sources?.forEach((source, s) => {
    if (source.published_on != null) realDate(source.published_on, pointerTo('sources', s, 'published_on'));
  });
  doc.incidents.forEach((incident, i) => {
    const { start, end } = incident.date;
    const startIsReal = realDate(start, pointerTo('incidents', i, 'date', 'start'));
    if (end != null && realDate(end, pointerTo('incidents', i, 'date', 'end')) && startIsReal && end < start) {
      problems.push(problemAt(pointerTo('incidents', i, 'date', 'end'), 'problem.exchange.endBeforeStart', { end, start }));
    }
    incident.victims?.forEach((victim, v) => {
      for (const field of ['count', 'killed', 'injured'] as const) {
        const value = victim[field];
        if (value != null && value > largestCount) {
          problems.push(problemAt(pointerTo('incidents', i, 'victims', v, field), 'problem.exchange.countTooLarge', { value, maximum: largestCount }));
        }
      }
      for (const field of ['killed', 'injured'] as const) {
        const value = victim[field];
        if (victim.count != null && value != null && value > victim.count) {
          problems.push(problemAt(pointerTo('incidents', i, 'victims', v, field), 'problem.exchange.moreThanGroup', { value, count: victim.count }));
        }
      }
    });
  });
  doc.cases?.forEach((record, c) => {
    record.interventions?.forEach((intervention, n) => {
      realDate(intervention.date, pointerTo('cases', c, 'interventions', n, 'date'));
      for (const field of ['reply_due_on', 'reply_received_on'] as const) {
        const value = intervention[field];
        if (value != null) realDate(value, pointerTo('cases', c, 'interventions', n, field));
      }
    });
    record.legal_events?.forEach((event, e) => {
      if (event.date) realDate(event.date.start, pointerTo('cases', c, 'legal_events', e, 'date', 'start'));
    });
  });
  doc.incidents.forEach((incident, i) => {
    incident.attachments?.forEach((attachment, a) => {
      if (attachment.captured_on != null) realDate(attachment.captured_on, pointerTo('incidents', i, 'attachments', a, 'captured_on'));
    });
  });
  return problems;
}
