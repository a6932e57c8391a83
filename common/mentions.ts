/**
 * Mentions as structure: free text that can be published (titles, summaries) names a person or an
 * organization of the record with a token holding its id, `@[person:UUID]` or `@[organization:UUID]`,
 * instead of the name itself. Each reader's side renders the token: the workspace shows the current
 * name, the public side the public label of a protected person. Renaming someone, or marking them
 * confidential, changes every rendering without rewriting any text.
 *
 * Pure and shared by the browser and the server: no database, no framework.
 */

export const mentionTargets = ['person', 'organization'] as const;
export type MentionTarget = (typeof mentionTargets)[number];
export type Mention = { target: MentionTarget; id: string };
export type MentionSegment = { kind: 'text'; text: string } | ({ kind: 'mention' } & Mention);

const uuid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** Only well-formed tokens count; anything else that looks like one stays plain text. */
const tokenPattern = new RegExp(`@\\[(person|organization):(${uuid})\\]`, 'g');

export function mentionToken(mention: Mention): string {
  return `@[${mention.target}:${mention.id.toLowerCase()}]`;
}

/** The text cut into plain runs and mentions, in order. */
export function parseMentions(text: string): MentionSegment[] {
  const segments: MentionSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(tokenPattern)) {
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    segments.push({ kind: 'mention', target: match[1] as MentionTarget, id: match[2]!.toLowerCase() });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** The distinct persons and organizations a text mentions. */
export function mentionsIn(text: string | null): Mention[] {
  if (!text) return [];
  const seen = new Map<string, Mention>();
  for (const segment of parseMentions(text)) {
    if (segment.kind === 'mention') seen.set(`${segment.target}:${segment.id}`, { target: segment.target, id: segment.id });
  }
  return [...seen.values()];
}

/**
 * Replaces every token by what `resolve` says for it. The resolver belongs to the reader's side: the
 * workspace resolves to the current name, the public side to the public label. A resolver that does
 * not know the id must answer a neutral text, never null: an unresolved mention shows no id and no name.
 */
export function renderMentions(text: string, resolve: (mention: Mention) => string): string;
export function renderMentions(text: string | null, resolve: (mention: Mention) => string): string | null;
export function renderMentions(text: string | null, resolve: (mention: Mention) => string): string | null {
  if (text === null) return null;
  return text.replace(tokenPattern, (_token, target: MentionTarget, id: string) => resolve({ target, id: id.toLowerCase() }));
}
