import type { Translate } from '@/common/i18n';
import { diffCells } from './word-diff';

/** One changed field: its two sides as values (codes, numbers, dates with their precision), null for nothing. */
export type Change = { field: string; before: unknown; after: unknown };

/** How a kind of record names its fields and words their values in the reader's language. */
export type ChangeWording<C extends Change = Change> = {
  field: (field: C['field']) => string;
  /** A line under the field's name (e.g. that a list shows what was removed and added). */
  note?: (field: C['field']) => string | null;
  /** One side of a change in words; null when that side holds nothing. */
  value: (change: C, side: 'before' | 'after') => string | null;
};

/**
 * Field by field, before and after, changed words marked: the history of a record and the review
 * queue read alike, for every kind of record.
 */
export function ChangeTable<C extends Change>({ changes, caption, wording, t }: { changes: C[]; caption: string; wording: ChangeWording<C>; t: Translate }) {
  const cell = 'px-3 py-2 align-top';
  const empty = <span className="text-slate-500">{t('history.empty')}</span>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 border border-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className={cell}>
              {t('history.field')}
            </th>
            <th scope="col" className={cell}>
              {t('history.before')}
            </th>
            <th scope="col" className={cell}>
              {t('history.after')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {changes.map((change) => {
            const shown = (side: 'before' | 'after') => wording.value(change, side) || null;
            const [before, after] = diffCells(shown('before'), shown('after'), empty, t);
            const note = wording.note?.(change.field);
            return (
              <tr key={change.field}>
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {wording.field(change.field)}
                  {note ? <span className="block font-normal text-slate-600">{note}</span> : null}
                </th>
                <td className={`${cell} text-slate-700`}>{before}</td>
                <td className={cell}>{after}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
