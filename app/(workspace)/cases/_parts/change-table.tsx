import type { MessageKey, Translate } from '@/common/i18n';
import type { CaseFieldChange } from '@/server/services/cases/diff';

const isList = (field: string) => field === 'persons' || field === 'incidents' || field === 'legalEvents' || field === 'interventions';

function show(field: string, value: string | null, t: Translate) {
  if (value === null || value === '') return <span className="text-slate-500">{t('cases.history.nothing')}</span>;
  if (field === 'status' && (value === 'open' || value === 'closed')) return t(`cases.status.${value}`);
  if (field === 'reviewStatus') return t(`status.${value}` as MessageKey);
  return <span className="whitespace-pre-wrap">{value}</span>;
}

/**
 * Field by field, before and after: a case's history and the review queue read alike. For the lists
 * (persons, incidents, legal events, interventions) "before" names what was removed and "after" what was added.
 */
export function CaseChangeTable({ changes, caption, t }: { changes: CaseFieldChange[]; caption: string; t: Translate }) {
  return (
    <table className="mt-3 w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-3">
            {t('cases.history.field')}
          </th>
          <th scope="col" className="py-1 pr-3">
            {t('cases.history.before')}
          </th>
          <th scope="col" className="py-1">
            {t('cases.history.after')}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 align-top">
        {changes.map((change) => (
          <tr key={change.field}>
            <th scope="row" className="py-1 pr-3 font-medium">
              {t(`cases.history.field.${change.field}`)}
              {isList(change.field) ? <span className="block font-normal text-slate-600">{t('cases.history.listNote')}</span> : null}
            </th>
            <td className="py-1 pr-3">{show(change.field, change.before, t)}</td>
            <td className="py-1">{show(change.field, change.after, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
