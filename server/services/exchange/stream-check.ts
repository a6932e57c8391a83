import 'server-only';
import { refBook } from './check-refs';
import { checkText } from './check-text';
import { recordValues } from './check-values';
import { vocabularyBook } from './check-vocabulary';
import type { ExchangeDocument } from './document';
import type { KnownVocabulary } from './known-vocabulary';
import { formatProblems, type ExchangeProblem } from './problems';
import { checkAgainstSchema, checkRecordAgainstSchema, type RecordList } from './schema';

/** What an exchange file holds before its record lists: format, version, title, vocabularies. */
export type ExchangeHead = Omit<ExchangeDocument, 'organizations' | 'persons' | 'sources' | 'incidents' | 'cases'>;

/**
 * The checks of ./validate.ts for a file written a record at a time: the head against the schema
 * (with its lists still empty), then each record against its definition in the schema, its text, its
 * refs, vocabulary codes and values, as it is written. The record lists must come in the order where
 * every ref is defined before a record points at it: organizations, persons, sources, incidents,
 * cases. What it remembers between records is the refs defined so far, never the records.
 *
 * Each check throws at the first record with a problem, before the record is written.
 */
export function exchangeStreamCheck(head: ExchangeHead, knownVocabulary?: KnownVocabulary) {
  refuse([...checkAgainstSchema({ ...head, incidents: [] }), ...checkText(head)]);
  const vocabulary = vocabularyBook(head.vocabularies, knownVocabulary);
  refuse(vocabulary.terms);
  const refs = refBook();

  return {
    record(list: RecordList, record: object, index: number): void {
      refuse([...checkRecordAgainstSchema(list, record, index), ...checkText(record, [list, index])]);
      refuse([
        ...refs.define(list, record as { ref: string }, index),
        ...refs.pointers(list, record as never, index),
        ...(list === 'persons' || list === 'incidents' ? vocabulary.codes(list, record, index) : []),
        ...recordValues(list, record, index),
      ]);
    },
  };
}

export class UnwritableExportError extends Error {
  constructor(readonly problems: ExchangeProblem[]) {
    super(`The export of this organization does not validate against the exchange format, so it was stopped:\n${formatProblems(problems).join('\n')}`);
    this.name = 'UnwritableExportError';
  }
}

function refuse(problems: ExchangeProblem[]): void {
  if (problems.length > 0) throw new UnwritableExportError(problems);
}
