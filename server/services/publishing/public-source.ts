import 'server-only';
import type { PublicSource, sources } from '@/db/schema';
import { projectFields, type ProjectionContext } from './project-fields';
import { sourceFields } from './public-fields';

export type SourceFields = Pick<typeof sources.$inferSelect, 'title' | 'publisher' | 'publishedOn' | 'referenceCode' | 'url'>;

/**
 * A source as the public cites it: every text it shows (title, publisher, reference code) without
 * a protected person's name. An address cannot be redacted without breaking it, so one that names a
 * protected person (in its host, path or query, in any spelling the detector knows) is left out.
 */
export function publicSource(context: ProjectionContext, source: SourceFields): PublicSource {
  const shown = projectFields('sources', sourceFields, { ...source }, context);
  return {
    title: shown.title ?? '',
    publisher: shown.publisher ?? null,
    publishedOn: shown.publishedOn ?? null,
    referenceCode: shown.referenceCode ?? null,
    url: shown.url ?? null,
  };
}
