import type { MentionChoice } from '@/common/mention-completion';
import { parseMentions } from '@/common/mentions';
import type { Translate } from '@/common/i18n';
import type { IncidentSnapshot } from '@/server/services/incidents/snapshot';

/**
 * Text with mentions (common/mentions.ts) as the workspace reads it: each mention shows the current
 * name of the person or organization among the record's people (an incident's victims, a case's persons), marked so that it reads as a link
 * to the record rather than typed text. A mention of anyone else shows a neutral note, never an id.
 */
export function MentionedText({ text, victims = [], persons = [], choices = [], t }: { text: string; victims?: IncidentSnapshot['victims']; persons?: { id: string; name: string }[]; choices?: MentionChoice[]; t: Translate }) {
  const names = new Map([
    ...victims.flatMap((v) => (v.kind === 'group' ? [] : [[`${v.kind}:${v.id}`, v.name] as const])),
    ...persons.map((p) => [`person:${p.id}`, p.name] as const),
    ...choices.map((c) => [`${c.target}:${c.id}`, c.label] as const),
  ]);
  return (
    <>
      {parseMentions(text).map((segment, index) =>
        segment.kind === 'text' ? (
          segment.text
        ) : (
          <span key={index} className="rounded bg-blue-50 px-0.5 font-medium text-blue-950" data-mention={segment.target}>
            {names.get(`${segment.target}:${segment.id}`) ?? t('mentions.unknown')}
          </span>
        ),
      )}
    </>
  );
}
