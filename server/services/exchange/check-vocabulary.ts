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
 * The codes a file may use: those its vocabularies define and those the platform knows. `terms` are
 * the problems of the vocabularies themselves (a code defined twice, an unknown parent); `codes`
 * checks the codes one record uses, so a streamed export can check each record as it writes it.
 */
export function vocabularyBook(vocabularies: ExchangeDocument['vocabularies'], knownVocabulary: KnownVocabulary = {}) {
  const terms: ExchangeProblem[] = [];
  const available = {} as Record<VocabularyKind, Set<string>>;

  for (const [list, kind] of Object.entries(vocabularyLists) as [VocabularyList, VocabularyKind][]) {
    available[kind] = new Set(knownVocabulary[kind] ?? []);
    const definedAt = new Map<string, string>();
    vocabularies?.[list]?.forEach((term, index) => {
      const earlier = definedAt.get(term.code);
      if (earlier) {
        terms.push(problemAt(pointerTo('vocabularies', list, index, 'code'), 'problem.exchange.termDefinedTwice', { kind: termWords[kind], code: term.code, at: earlier }));
      }
      definedAt.set(term.code, pointerTo('vocabularies', list, index));
      available[kind].add(term.code);
    });
  }

  const expect = (problems: ExchangeProblem[], kind: VocabularyKind, code: string, pointer: string) => {
    if (available[kind].has(code)) return;
    problems.push(problemAt(pointer, 'problem.exchange.unknownTerm', { kind: termWords[kind], code, list: listOf[kind] }));
  };

  for (const [list, kind] of Object.entries(vocabularyLists) as [VocabularyList, VocabularyKind][]) {
    vocabularies?.[list]?.forEach((term, index) => {
      if (term.parent === undefined) return;
      const pointer = pointerTo('vocabularies', list, index, 'parent');
      if (term.parent === term.code) terms.push(problemAt(pointer, 'problem.exchange.ownParent', { code: term.code }));
      else expect(terms, kind, term.parent, pointer);
    });
  }

  const codes = (list: 'persons' | 'incidents', record: object, index: number): ExchangeProblem[] => {
    const problems: ExchangeProblem[] = [];
    if (list === 'persons') {
      const person = record as NonNullable<ExchangeDocument['persons']>[number];
      person.categories?.forEach((code, c) => expect(problems, 'defender_category', code, pointerTo('persons', index, 'categories', c)));
      return problems;
    }
    const incident = record as ExchangeDocument['incidents'][number];
    incident.violation_types.forEach((code, v) => expect(problems, 'violation_type', code, pointerTo('incidents', index, 'violation_types', v)));
    incident.perpetrators?.forEach((perpetrator, p) => {
      expect(problems, 'perpetrator_type', perpetrator.type, pointerTo('incidents', index, 'perpetrators', p, 'type'));
    });
    incident.victims?.forEach((victim, v) => {
      victim.categories?.forEach((code, c) => {
        expect(problems, 'defender_category', code, pointerTo('incidents', index, 'victims', v, 'categories', c));
      });
    });
    return problems;
  };

  return { terms, codes };
}

/**
 * Every code the file uses is defined in the file's vocabularies or known to the platform already,
 * so that no incident points at a term nobody can label. Codes are defined once per list.
 */
export function checkVocabulary(doc: ExchangeDocument, knownVocabulary: KnownVocabulary = {}): ExchangeProblem[] {
  const book = vocabularyBook(doc.vocabularies, knownVocabulary);
  return [
    ...book.terms,
    ...(doc.persons ?? []).flatMap((person, p) => book.codes('persons', person, p)),
    ...doc.incidents.flatMap((incident, i) => book.codes('incidents', incident, i)),
  ];
}
