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
 * Refs are unique within the file (across all lists, since one ref names one record), and every ref
 * the file points at is defined in the file, in the right list: a victim "person" must be a person.
 */
export function checkRefs(doc: ExchangeDocument): ExchangeProblem[] {
  const problems: ExchangeProblem[] = [];
  const defined = new Map<string, { list: RecordList; at: string }>();

  for (const list of Object.keys(recordLists) as RecordList[]) {
    (doc[list] ?? []).forEach((record, index) => {
      const earlier = defined.get(record.ref);
      if (earlier) {
        problems.push(problemAt(pointerTo(list, index, 'ref'), 'problem.exchange.refUsed', { ref: record.ref, at: earlier.at }));
      } else {
        defined.set(record.ref, { list, at: pointerTo(list, index) });
      }
    });
  }

  const expect = (ref: string, list: RecordList, pointer: string) => {
    const found = defined.get(ref);
    if (!found) {
      problems.push(problemAt(pointer, 'problem.exchange.refMissing', { kind: { key: recordLists[list].kind }, ref, list }));
    } else if (found.list !== list) {
      problems.push(problemAt(pointer, 'problem.exchange.refOfOtherKind', { ref, found: { key: recordLists[found.list].one }, at: found.at, wanted: { key: recordLists[list].one } }));
    }
  };
  // Lists that the database keeps as sets (a person's affiliations, a case's incidents) cannot name a record twice.
  const expectOnce = (refs: string[], list: RecordList, at: (index: number) => string) => {
    const seen = new Set<string>();
    refs.forEach((ref, index) => {
      if (seen.has(ref)) problems.push(problemAt(at(index), 'problem.exchange.listedTwice', { ref }));
      seen.add(ref);
      expect(ref, list, at(index));
    });
  };

  doc.persons?.forEach((person, p) => {
    expectOnce(person.affiliations ?? [], 'organizations', (a) => pointerTo('persons', p, 'affiliations', a));
  });
  doc.incidents.forEach((incident, i) => {
    incident.victims?.forEach((victim, v) => {
      if (victim.person !== undefined) expect(victim.person, 'persons', pointerTo('incidents', i, 'victims', v, 'person'));
      if (victim.organization !== undefined) {
        expect(victim.organization, 'organizations', pointerTo('incidents', i, 'victims', v, 'organization'));
      }
    });
    incident.sources?.forEach((ref, s) => expect(ref, 'sources', pointerTo('incidents', i, 'sources', s)));
    incident.attachments?.forEach((attachment, a) => {
      if (attachment.source != null) expect(attachment.source, 'sources', pointerTo('incidents', i, 'attachments', a, 'source'));
    });
  });
  doc.cases?.forEach((record, c) => {
    expectOnce(record.incidents ?? [], 'incidents', (i) => pointerTo('cases', c, 'incidents', i));
    record.interventions?.forEach((intervention, n) => {
      if (intervention.source != null) expect(intervention.source, 'sources', pointerTo('cases', c, 'interventions', n, 'source'));
    });
    expectOnce(
      (record.persons ?? []).map((entry) => entry.person),
      'persons',
      (p) => pointerTo('cases', c, 'persons', p, 'person'),
    );
    record.legal_events?.forEach((event, e) => {
      if (event.person != null) expect(event.person, 'persons', pointerTo('cases', c, 'legal_events', e, 'person'));
    });
    // Refs of interventions and legal events are the case's own: unique within it, not across the file.
    for (const part of ['interventions', 'legal_events'] as const) {
      const seen = new Set<string>();
      (record[part] ?? []).forEach((entry, n) => {
        if (entry.ref === undefined) return;
        if (seen.has(entry.ref)) problems.push(problemAt(pointerTo('cases', c, part, n, 'ref'), 'problem.exchange.refTwiceInCase', { ref: entry.ref }));
        seen.add(entry.ref);
      });
    }
  });
  return problems;
}
