import type { PublicTerm } from '@/server/public/vocabulary';
import type { StatsCount } from '@/server/public/stats';
import type { Bar } from './bar-chart';

type Kind = PublicTerm['kind'];

/** A kind's terms in tree order (each broader term followed by its narrower ones), with depth, for a select. */
export function termChoices(terms: PublicTerm[], kind: Kind, lang: string): { code: string; label: string; depth: number }[] {
  const ofKind = terms.filter((term) => term.kind === kind);
  const codes = new Set(ofKind.map((term) => term.code));
  const label = (term: PublicTerm) => term.labels[lang] ?? term.labels.en;
  const out: { code: string; label: string; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    ofKind
      .filter((term) => (term.parentCode && codes.has(term.parentCode) ? term.parentCode : null) === parent)
      .sort((a, b) => label(a).localeCompare(label(b), lang))
      .forEach((term) => {
        out.push({ code: term.code, label: label(term), depth });
        if (depth < 5) visit(term.code, depth + 1);
      });
  };
  visit(null, 0);
  return out;
}

/** Counts by a vocabulary as bars: broader terms by count, each followed by its narrower terms. */
export function termBars(counts: StatsCount[]): Bar[] {
  const present = new Set(counts.map((c) => c.key));
  const bars: Bar[] = [];
  const visit = (parent: string | null, depth: number) => {
    counts
      .filter((c) => (c.parent && present.has(c.parent) ? c.parent : null) === parent)
      .forEach((c) => {
        bars.push({ key: c.key ?? '', label: c.label, count: c.count, depth });
        if (depth < 5 && c.key) visit(c.key, depth + 1);
      });
  };
  visit(null, 0);
  return bars;
}

/** The regions in the figures, for the filter's select: value the code (or the text kept as written), label in the page's language. */
export function regionChoicesOf(figures: { counts: StatsCount[] }, lang: string): { value: string; label: string }[] {
  return figures.counts.flatMap((c) => (c.key ? [{ value: c.key, label: c.label }] : [])).sort((a, b) => a.label.localeCompare(b.label, lang));
}
