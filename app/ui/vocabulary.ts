import type { VocabularyKind } from '@/db/schema';
import type { listVocabularyTerms } from '@/server/services/vocabulary/terms';
import { termLabel, type Locale } from '@/common/i18n';

/** A vocabulary term as `vocabulary.all` returns it. */
export type Term = Awaited<ReturnType<typeof listVocabularyTerms>>[number];

export type TermOption = { code: string; label: string; depth: number };

/**
 * The terms of one kind as a flat list in tree order (each parent followed by its narrower terms),
 * with their depth for indentation; siblings sorted by their label in the locale.
 */
export function termOptions(terms: Term[], kind: VocabularyKind, locale: Locale): TermOption[] {
  const ofKind = terms.filter((term) => term.kind === kind);
  const codes = new Set(ofKind.map((term) => term.code));
  const children = new Map<string | null, Term[]>();
  for (const term of ofKind) {
    const parent = term.parentCode && codes.has(term.parentCode) ? term.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), term]);
  }
  const options: TermOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    const siblings = (children.get(parent) ?? [])
      .map((term) => ({ term, label: termLabel(term.labels, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
    for (const { term, label } of siblings) {
      options.push({ code: term.code, label, depth });
      if (depth < 10) visit(term.code, depth + 1);
    }
  };
  visit(null, 0);
  return options;
}

/** Looks up labels by code for one kind; an unknown code shows as itself. */
export function termLabeller(terms: Term[], kind: VocabularyKind, locale: Locale): (code: string) => string {
  const labels = new Map(terms.filter((term) => term.kind === kind).map((term) => [term.code, termLabel(term.labels, locale)]));
  return (code) => labels.get(code) ?? code;
}
