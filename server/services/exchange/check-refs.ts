import 'server-only';
import type { ExchangeDocument } from './document';
import { pointerTo, problemAt, type ExchangeProblem } from './problems';

/** The record lists whose entries carry a ref, and how a problem names one of their records: alone ("person") and as one of them ("a person"). */
const recordLists = {
  organizations: { kind: 'exchange.words.organization', one: 'exchange.words.anOrganization' },
  persons: { kind: 'exchange.words.person', one: 'exchange.words.aPerson' },
  sources: { kind: 'exchange.words.source', one: 'exchange.words.aSource' },
  incidents: { kind: 'exchange.words.incident', one: 'exchange.words.anIncident' },
  cases: { kind: 'exchange.words.case', one: 'exchange.words.aCase' },
} as const;
type RecordList = keyof typeof recordLists;

/**
 * The refs a file defines, as they are met: `define` a record's ref, then `pointers` checks what a
 * record points at against the refs defined so far. A whole file defines every record first
 * (checkRefs); a streamed export defines each record as it writes it, its lists in an order where
 * every ref is defined before it is pointed at (organizations, persons, sources, incidents, cases).
 */
export function refBook() {
  const defined = new Map<string, { list: RecordList; at: string }>();

  const define = (list: RecordList, record: { ref: string }, index: number): ExchangeProblem[] => {
    const earlier = defined.get(record.ref);
    if (earlier) {
      return [problemAt(pointerTo(list, index, 'ref'), 'problem.exchange.refUsed', { ref: record.ref, at: earlier.at })];
    }
    defined.set(record.ref, { list, at: pointerTo(list, index) });
    return [];
  };

  const pointers = <L extends RecordList>(list: L, record: NonNullable<ExchangeDocument[L]>[number], index: number): ExchangeProblem[] => {
    const problems: ExchangeProblem[] = [];
    const expect = (ref: string, expected: RecordList, pointer: string) => {
      const found = defined.get(ref);
      if (!found) {
        problems.push(problemAt(pointer, 'problem.exchange.refMissing', { kind: { key: recordLists[expected].kind }, ref, list: expected }));
      } else if (found.list !== expected) {
        problems.push(problemAt(pointer, 'problem.exchange.refOfOtherKind', { ref, found: { key: recordLists[found.list].one }, at: found.at, wanted: { key: recordLists[expected].one } }));
      }
    };
    // Lists that the database keeps as sets (a person's affiliations, a case's incidents) cannot name a record twice.
    const expectOnce = (refs: string[], expected: RecordList, at: (index: number) => string) => {
      const seen = new Set<string>();
      refs.forEach((ref, n) => {
        if (seen.has(ref)) problems.push(problemAt(at(n), 'problem.exchange.listedTwice', { ref }));
        seen.add(ref);
        expect(ref, expected, at(n));
      });
    };
    const at = (...segments: (string | number)[]) => pointerTo(list, index, ...segments);

    if (list === 'persons') {
      const person = record as NonNullable<ExchangeDocument['persons']>[number];
      expectOnce(person.affiliations ?? [], 'organizations', (a) => at('affiliations', a));
    } else if (list === 'incidents') {
      const incident = record as ExchangeDocument['incidents'][number];
      incident.victims?.forEach((victim, v) => {
        if (victim.person !== undefined) expect(victim.person, 'persons', at('victims', v, 'person'));
        if (victim.organization !== undefined) expect(victim.organization, 'organizations', at('victims', v, 'organization'));
      });
      incident.sources?.forEach((ref, s) => expect(ref, 'sources', at('sources', s)));
      incident.attachments?.forEach((attachment, a) => {
        if (attachment.source != null) expect(attachment.source, 'sources', at('attachments', a, 'source'));
      });
    } else if (list === 'cases') {
      const entry = record as NonNullable<ExchangeDocument['cases']>[number];
      expectOnce(entry.incidents ?? [], 'incidents', (i) => at('incidents', i));
      entry.interventions?.forEach((intervention, n) => {
        if (intervention.source != null) expect(intervention.source, 'sources', at('interventions', n, 'source'));
      });
      expectOnce(
        (entry.persons ?? []).map((person) => person.person),
        'persons',
        (p) => at('persons', p, 'person'),
      );
      entry.legal_events?.forEach((event, e) => {
        if (event.person != null) expect(event.person, 'persons', at('legal_events', e, 'person'));
      });
      // Refs of interventions and legal events are the case's own: unique within it, not across the file.
      for (const part of ['interventions', 'legal_events'] as const) {
        const seen = new Set<string>();
        (entry[part] ?? []).forEach((item, n) => {
          if (item.ref === undefined) return;
          if (seen.has(item.ref)) problems.push(problemAt(at(part, n, 'ref'), 'problem.exchange.refTwiceInCase', { ref: item.ref }));
          seen.add(item.ref);
        });
      }
    }
    return problems;
  };

  return { define, pointers };
}

/**
 * Refs are unique within the file (across all lists, since one ref names one record), and every ref
 * the file points at is defined in the file, in the right list: a victim "person" must be a person.
 */
export function checkRefs(doc: ExchangeDocument): ExchangeProblem[] {
  const book = refBook();
  const lists = Object.keys(recordLists) as RecordList[];
  const problems = lists.flatMap((list) => (doc[list] ?? []).flatMap((record, index) => book.define(list, record, index)));
  for (const list of lists) (doc[list] ?? []).forEach((record, index) => problems.push(...book.pointers(list, record, index)));
  return problems;
}
