import type { PublicSource, sources } from '@/db/schema';

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
    url: source.url !== null && redact(source.url) === source.url ? source.url : null,
  };
}
