import type { Translate } from '@/common/i18n';
import { diffCells } from './word-diff';

/** One changed field, as the server describes it in words. */
export type Change = { field: string; before: string | null; after: string | null };

/** How a kind of record names its fields and shows their values (vocabulary codes as labels). */
export type ChangeWording = {
  field: (field: string) => string;
  /** A line under the field's name (e.g. that a list shows what was removed and added). */
  note?: (field: string) => string | null;
  value: (field: string, value: string) => string;
};

/**
 * Field by field, before and after, changed words marked: the history of a record and the review
 * queue read alike, for every kind of record.
 */
export function ChangeTable({ changes, caption, wording, t }: { changes: Change[]; caption: string; wording: ChangeWording; t: Translate }) {
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
            const shown = (value: string | null) => (value == null || value === '' ? null : wording.value(change.field, value));
            const [before, after] = diffCells(shown(change.before), shown(change.after), empty, t);
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
