import 'server-only';
import { and, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { documentedOrganizations, persons } from '@/db/schema';
import { mentionsIn, renderMentions, type Mention } from '@/common/mentions';

/**
 * How the workspace reads stored mentions (common/mentions.ts) where the text is only shown, not
 * edited: lists, histories and their diffs, notifications, a case timeline's incidents. Each token
 * becomes the current name of the person or organization, for members of the organization that
 * holds it; any other token (another organization's record, a deleted one) becomes a neutral mark,
 * never an id and never a name the reader may not see.
 */

/** What an unresolved mention reads as: no name, no id. */
export const unknownMention = '@…';

/** Every string inside a value (object fields and array items, recursively); dates and other objects are left alone. */
function stringsIn(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (isPlainObject(value)) for (const item of Object.values(value)) stringsIn(item, into);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function mapStrings<T>(value: T, render: (text: string) => string): T {
  if (typeof value === 'string') return (value.includes('@[') ? render(value) : value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, render)) as T;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, render)])) as T;
  return value;
}

/** The names of the mentioned records that belong to the given organizations, keyed `target:id`. */
async function namesOf(db: DbOrTx, organizationIds: string[], mentions: Mention[]): Promise<Map<string, string>> {
  const ids = (target: Mention['target']) => [...new Set(mentions.filter((m) => m.target === target).map((m) => m.id))];
  const personIds = ids('person');
  const documentedIds = ids('organization');
  const [personRows, organizationRows] = await Promise.all([
    personIds.length
      ? db.select({ id: persons.id, name: persons.name }).from(persons).where(and(inArray(persons.id, personIds), inArray(persons.organizationId, organizationIds)))
      : [],
    documentedIds.length
      ? db
          .select({ id: documentedOrganizations.id, name: documentedOrganizations.name })
          .from(documentedOrganizations)
          .where(and(inArray(documentedOrganizations.id, documentedIds), inArray(documentedOrganizations.organizationId, organizationIds)))
      : [],
  ]);
  return new Map([...personRows.map((r) => [`person:${r.id}`, r.name] as const), ...organizationRows.map((r) => [`organization:${r.id}`, r.name] as const)]);
}

/**
 * The value with every mention in its strings rendered for a member of `organizationIds`: one query
 * per kind of record for the whole value, whatever its size.
 */
export async function withMentionsNamed<T>(db: DbOrTx, organizationIds: string[], value: T): Promise<T> {
  const strings: string[] = [];
  stringsIn(value, strings);
  const mentions = strings.filter((text) => text.includes('@[')).flatMap((text) => mentionsIn(text));
  if (mentions.length === 0) return value;
  const names = organizationIds.length ? await namesOf(db, organizationIds, mentions) : new Map<string, string>();
  return mapStrings(value, (text) => renderMentions(text, (m) => names.get(`${m.target}:${m.id}`) ?? unknownMention));
}
