import type { PublicSource, sources } from '@/db/schema';
import { addressWords } from './name-forms/address';

type SourceFields = Pick<typeof sources.$inferSelect, 'title' | 'publisher' | 'publishedOn' | 'referenceCode' | 'url'>;

/**
 * A source as the public cites it: every text it shows (title, publisher, reference code) without
 * a protected person's name. An address cannot be redacted without breaking it, so one that names a
 * protected person is left out rather than shown.
 */
export function publicSource(redact: (text: string | null) => string | null, source: SourceFields): PublicSource {
  return {
    title: redact(source.title) ?? '',
    publisher: redact(source.publisher),
    publishedOn: source.publishedOn,
    referenceCode: redact(source.referenceCode),
    url: source.url !== null && !namesSomeone(redact, source.url) ? source.url : null,
  };
}

/** Whether an address names a protected person once its path and query are read as words (%-encoding, "-", "_", "+"). */
function namesSomeone(redact: (text: string | null) => string | null, url: string): boolean {
  return [url, ...addressWords(url)].some((words) => redact(words) !== words);
}
