import { reviewStatusEnum, type ReviewStatus } from '@/db/schema';
import type { FieldChange } from '@/server/services/incidents/diff';
import type { Translate } from '@/common/i18n';

const isStatus = (value: string): value is ReviewStatus => (reviewStatusEnum.enumValues as readonly string[]).includes(value);

export type ChangeLabels = { violation: (code: string) => string; perpetrator: (code: string) => string };

/** "court: Shymkent City Court; police" with each leading code shown as its label. */
function labelPerpetrators(value: string, label: (code: string) => string): string {
  return value
    .split('; ')
    .map((part) => {
      const [code = '', ...name] = part.split(': ');
      return /^[a-z][a-z0-9_]*$/.test(code) ? [label(code), ...name].join(': ') : part;
    })
    .join('; ');
}

/**
 * The server describes values in words; where those words are vocabulary codes (status, violation
 * types, perpetrator types) they are shown with their labels here.
 */
function describeValue(change: FieldChange, value: string | null, labels: ChangeLabels, t: Translate) {
  if (value == null || value === '') return <span className="text-slate-500">{t('history.empty')}</span>;
  if (change.field === 'status' && isStatus(value)) return t(`status.${value}`);
  if (change.field === 'violationTypes') return value.split(', ').map(labels.violation).join(', ');
  if (change.field === 'perpetrators') return labelPerpetrators(value, labels.perpetrator);
  return <span className="whitespace-pre-wrap">{value}</span>;
}

/** Field by field, before and after: the history of an incident and the review queue read alike. */
export function ChangeTable({ changes, caption, labels, t }: { changes: FieldChange[]; caption: string; labels: ChangeLabels; t: Translate }) {
  const cell = 'px-3 py-2 align-top';
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
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row" className={`${cell} text-left font-medium`}>
                {t(`field.${change.field}`)}
              </th>
              <td className={`${cell} text-slate-700`}>{describeValue(change, change.before, labels, t)}</td>
              <td className={cell}>{describeValue(change, change.after, labels, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
