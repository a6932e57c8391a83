import 'server-only';
import { checkRefs } from './check-refs';
import { checkText } from './check-text';
import { checkValues } from './check-values';
import { checkVocabulary } from './check-vocabulary';
import type { ExchangeDocument } from './document';
import type { KnownVocabulary } from './known-vocabulary';
import { InvalidExchangeDocumentError, type ExchangeProblem } from './problems';
import { checkAgainstSchema } from './schema';

/**
 * Every problem with an exchange file: first its shape (exchange/schema.json) and text the database
 * cannot store (NUL), then what a schema cannot express (refs defined and unique, vocabulary codes
 * known, real dates). The second stage reads the records, so it runs only on a file of the right
 * shape. Pass the database's vocabulary codes as `knownVocabulary` so that a file may use terms the
 * platform has without repeating them.
 */
export function validateExchangeDocument(doc: unknown, knownVocabulary?: KnownVocabulary): ExchangeProblem[] {
  const shapeProblems = [...checkAgainstSchema(doc), ...checkText(doc)];
  if (shapeProblems.length > 0) return shapeProblems;
  const valid = doc as ExchangeDocument;
  return [...checkRefs(valid), ...checkVocabulary(valid, knownVocabulary), ...checkValues(valid)];
}

/** Throws InvalidExchangeDocumentError with every problem, or narrows the document's type. */
export function assertValidExchangeDocument(doc: unknown, knownVocabulary?: KnownVocabulary): asserts doc is ExchangeDocument {
  const problems = validateExchangeDocument(doc, knownVocabulary);
  if (problems.length > 0) throw new InvalidExchangeDocumentError(problems);
}
