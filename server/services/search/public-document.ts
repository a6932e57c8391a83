import 'server-only';
import type { PublicSource, PublicVictim } from '@/db/schema/public';
import { documentKeys } from '@/server/text-search/words';
import { regionSearchNames } from '@/common/regions';

/**
 * The search columns of a public row, from that row's own public text only: the names in it are
 * already what the public may read (a protected person is their neutral label there), so a search
 * for a protected name meets nothing, and a draft, having no public row, has no words to meet.
 */

export type PublicSearchable = {
  title: string;
  summary?: string | null;
  region?: string | null;
  locality?: string | null;
  victims: PublicVictim[];
  perpetrators: { type: string; name: string | null }[];
  legal: { code: string | null; article: string; title: string | null }[];
  sources: PublicSource[];
};

export type PublicSearchColumns = { titleKeys: string; searchText: string; searchKeys: string };

export function publicSearchColumns(row: PublicSearchable): PublicSearchColumns {
  const parts = [
    row.summary,
    // A region by its name in every language (it is stored as a code), so that a search in any of them finds it.
    ...regionSearchNames(row.region),
    row.locality,
    ...row.victims.map((victim) => victim.name),
    ...row.perpetrators.map((perpetrator) => perpetrator.name),
    ...row.legal.flatMap((provision) => [provision.code, provision.article, provision.title]),
    ...row.sources.flatMap((source) => [source.title, source.publisher, source.referenceCode]),
  ];
  const searchText = parts.filter((part): part is string => !!part).join('\n');
  return { titleKeys: documentKeys(row.title), searchText, searchKeys: documentKeys(searchText) };
}
