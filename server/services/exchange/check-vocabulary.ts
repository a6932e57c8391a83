import 'server-only';
import type { VocabularyKind } from '@/db/schema';
import type { MessageKey } from '@/common/i18n';
import { vocabularyLists, type ExchangeDocument, type VocabularyList } from './document';
import type { KnownVocabulary } from './known-vocabulary';
import { pointerTo, problemAt, type ExchangeProblem } from './problems';

const termWords = {
  violation_type: { key: 'exchange.words.violationType' },
  defender_category: { key: 'exchange.words.defenderCategory' },
  perpetrator_type: { key: 'exchange.words.perpetratorType' },
} as const satisfies Record<VocabularyKind, { key: MessageKey }>;

const listOf = Object.fromEntries(Object.entries(vocabularyLists).map(([list, kind]) => [kind, list])) as Record<
  VocabularyKind,
  VocabularyList
>;

/**
 * Every code the file uses is defined in the file's vocabularies or known to the platform already,
 * so that no incident points at a term nobody can label. Codes are defined once per list.
 */
export function checkVocabulary(doc: ExchangeDocument, knownVocabulary: KnownVocabulary = {}): ExchangeProblem[] {
  const problems: ExchangeProblem[] = [];
  const available = {} as Record<VocabularyKind, Set<string>>;

  for (const [list, kind] of Object.entries(vocabularyLists) as [VocabularyList, VocabularyKind][]) {
    available[kind] = new Set(knownVocabulary[kind] ?? []);
    const definedAt = new Map<string, string>();
    doc.vocabularies?.[list]?.forEach((term, index) => {
      const earlier = definedAt.get(term.code);
      if (earlier) {
        problems.push(problemAt(pointerTo('vocabularies', list, index, 'code'), 'problem.exchange.termDefinedTwice', { kind: termWords[kind], code: term.code, at: earlier }));
      }
      definedAt.set(term.code, pointerTo('vocabularies', list, index));
      available[kind].add(term.code);
    });
  }

  const expect = (kind: VocabularyKind, code: string, pointer: string) => {
    if (available[kind].has(code)) return;
    problems.push(problemAt(pointer, 'problem.exchange.unknownTerm', { kind: termWords[kind], code, list: listOf[kind] }));
  };

  for (const [list, kind] of Object.entries(vocabularyLists) as [VocabularyList, VocabularyKind][]) {
    doc.vocabularies?.[list]?.forEach((term, index) => {
      if (term.parent === undefined) return;
      const pointer = pointerTo('vocabularies', list, index, 'parent');
      if (term.parent === term.code) problems.push(problemAt(pointer, 'problem.exchange.ownParent', { code: term.code }));
      else expect(kind, term.parent, pointer);
    });
  }
  doc.persons?.forEach((person, p) => {
    person.categories?.forEach((code, c) => expect('defender_category', code, pointerTo('persons', p, 'categories', c)));
  });
  doc.incidents.forEach((incident, i) => {
    incident.violation_types.forEach((code, v) => expect('violation_type', code, pointerTo('incidents', i, 'violation_types', v)));
    incident.perpetrators?.forEach((perpetrator, p) => {
      expect('perpetrator_type', perpetrator.type, pointerTo('incidents', i, 'perpetrators', p, 'type'));
    });
    incident.victims?.forEach((victim, v) => {
      victim.categories?.forEach((code, c) => {
        expect('defender_category', code, pointerTo('incidents', i, 'victims', v, 'categories', c));
      });
    });
  });
  return problems;
}
