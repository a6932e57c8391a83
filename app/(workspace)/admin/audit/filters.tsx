import type { Translate } from '@/common/i18n';
import { auditActions } from '@/server/services/audit/actions';
import { errorClass, inputClass, labelClass, linkClass, primaryButtonClass } from '@/app/ui/styles';
import { actionLabel } from './describe';
import type { AuditFilterName, AuditParams } from './params';

export type AccountOption = { id: string; name: string; email: string };
type Props = { params: AuditParams; organizations: { id: string; name: string }[]; accounts: AccountOption[]; t: Translate };

/** A plain GET form: a filtered view of the log is a URL that can be kept or passed on to another admin. */
export function AuditFilters({ params, organizations, accounts, t }: Props) {
  const { values, rejected } = params;
  const control = (name: AuditFilterName) => ({
    id: `audit-${name}`,
    name,
    'aria-invalid': rejected[name] ? true : undefined,
    'aria-describedby': rejected[name] ? `audit-${name}-error` : undefined,
    className: `${inputClass} mt-1`,
  });
  const problem = (name: AuditFilterName) =>
    rejected[name] ? (
      <p id={`audit-${name}-error`} className={errorClass}>
        {t('audit.filter.invalid')}
      </p>
    ) : null;
  const subjectIsAccount = !values.subject || accounts.some((account) => account.id === values.subject);
  const accountLabel = (account: AccountOption) => `${account.name} (${account.email})`;

  return (
    <form method="get" action="/admin/audit" className="rounded-lg border border-slate-300 bg-white p-4 sm:p-5">
      <h2 className="text-lg font-semibold">{t('audit.filters')}</h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {organizations.length > 1 ? (
          <div>
            <label htmlFor="audit-org" className={labelClass}>
              {t('audit.filter.organization')}
            </label>
            <select {...control('org')} defaultValue={values.org ?? ''}>
              <option value="">{t('audit.filter.anyOrganization')}</option>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
            {problem('org')}
          </div>
        ) : null}
        <div>
          <label htmlFor="audit-action" className={labelClass}>
            {t('audit.filter.action')}
          </label>
          <select {...control('action')} defaultValue={values.action ?? ''}>
            <option value="">{t('audit.filter.anyAction')}</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action, t)}
              </option>
            ))}
            {values.action && !(auditActions as readonly string[]).includes(values.action) ? <option value={values.action}>{values.action}</option> : null}
          </select>
          {problem('action')}
        </div>
        <div>
          <label htmlFor="audit-actor" className={labelClass}>
            {t('audit.filter.actor')}
          </label>
          <select {...control('actor')} defaultValue={values.actor ?? ''}>
            <option value="">{t('audit.filter.anyone')}</option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {accountLabel(account)}
              </option>
            ))}
          </select>
          {problem('actor')}
        </div>
        <div>
          <label htmlFor="audit-subject" className={labelClass}>
            {t('audit.filter.subject')}
          </label>
          <select {...control('subject')} defaultValue={values.subject ?? ''}>
            <option value="">{t('audit.filter.anySubject')}</option>
            {subjectIsAccount ? null : <option value={values.subject}>{t('audit.filter.thisRecord', { id: values.subject ?? '' })}</option>}
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {accountLabel(account)}
              </option>
            ))}
          </select>
          {problem('subject')}
        </div>
        <div>
          <label htmlFor="audit-from" className={labelClass}>
            {t('audit.filter.from')}
          </label>
          <input {...control('from')} type="date" defaultValue={values.from ?? rejected.from ?? ''} />
          {problem('from')}
        </div>
        <div>
          <label htmlFor="audit-to" className={labelClass}>
            {t('audit.filter.to')}
          </label>
          <input {...control('to')} type="date" defaultValue={values.to ?? rejected.to ?? ''} />
          {problem('to')}
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className={primaryButtonClass}>
          {t('audit.filter.apply')}
        </button>
        <a href="/admin/audit" className={linkClass}>
          {t('audit.filter.clear')}
        </a>
      </div>
    </form>
  );
}
