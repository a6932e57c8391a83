import type { ReactNode } from 'react';
import { diffWords, foldUnchanged, type ShownSegment } from '@/common/word-diff';
import type { Translate } from '@/common/i18n';

/** One side of a word diff: unchanged words as they are, this side's changes marked, long unchanged stretches folded. */
function Side({ segments, side, t }: { segments: ShownSegment[]; side: 'del' | 'ins'; t: Translate }) {
  return (
    <span className="whitespace-pre-wrap">
      {segments.map((segment, index) => {
        if (segment.kind === 'fold') {
          return (
            <span key={index} className="mx-1 rounded bg-slate-100 px-1 text-xs text-slate-600">
              {t('review.folded', { n: segment.words })}
            </span>
          );
        }
        if (segment.kind === 'same') return <span key={index}>{segment.text}</span>;
        if (segment.kind !== side) return null;
        return side === 'del' ? (
          <del key={index} className="bg-red-100 text-red-900">
            {segment.text}
          </del>
        ) : (
          <ins key={index} className="bg-green-100 text-green-900 no-underline">
            {segment.text}
          </ins>
        );
      })}
    </span>
  );
}

/**
 * The before and after cells of one changed field: with both sides written, the words taken out are
 * marked on the left and those put in on the right (<del>, <ins>), the rest folded when long; a side
 * that is empty reads as such.
 */
export function diffCells(before: string | null, after: string | null, empty: ReactNode, t: Translate): [ReactNode, ReactNode] {
  if (!before || !after) {
    return [before ? <span className="whitespace-pre-wrap">{before}</span> : empty, after ? <span className="whitespace-pre-wrap">{after}</span> : empty];
  }
  const shown = foldUnchanged(diffWords(before, after));
  return [<Side key="before" segments={shown} side="del" t={t} />, <Side key="after" segments={shown} side="ins" t={t} />];
}
