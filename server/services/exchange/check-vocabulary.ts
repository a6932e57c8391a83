import 'server-only';
import type { VocabularyKind } from '@/db/schema';
import { vocabularyLists, type ExchangeDocument, type VocabularyList } from './document';
import type { KnownVocabulary } from './known-vocabulary';
import { pointerTo, type ExchangeProblem } from './problems';

const termWords: Record<VocabularyKind, string> = {
  violation_type: 'violation type',
  defender_category: 'defender category',
  perpetrator_type: 'perpetrator type',
};

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
        problems.push({
          pointer: pointerTo('vocabularies', list, index, 'code'),
          message: `The ${termWords[kind]} “${term.code}” is already defined at ${earlier}`,
        });
      }
      definedAt.set(term.code, pointerTo('vocabularies', list, index));
      available[kind].add(term.code);
    });
  }

  const expect = (kind: VocabularyKind, code: string, pointer: string) => {
    if (available[kind].has(code)) return;
    problems.push({
      pointer,
      message: `Unknown ${termWords[kind]} “${code}”: define it under vocabularies.${listOf[kind]} or use a code the platform knows`,
    });
  };

  for (const [list, kind] of Object.entries(vocabularyLists) as [VocabularyList, VocabularyKind][]) {
    doc.vocabularies?.[list]?.forEach((term, index) => {
      if (term.parent === undefined) return;
      const pointer = pointerTo('vocabularies', list, index, 'parent');
      if (term.parent === term.code) problems.push({ pointer, message: `The term “${term.code}” cannot be its own parent` });
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
