'use client';

import { useI18n } from '@/app/i18n/client';
import { primaryButtonClass } from '@/app/ui/styles';
import { describeField, fieldId, focusField, inFormOrder, type FieldErrors } from './errors';

type SummaryProps = { errors: FieldErrors; formError: string | null };

/** The problems at the top of the form, each linking to its field; it takes focus after a failed save. */
export function ErrorSummary({ errors, formError }: SummaryProps) {
  const { t } = useI18n();
  const entries = inFormOrder(errors);
  if (entries.length === 0 && !formError) return null;
  return (
    <div id="error-summary" tabIndex={-1} aria-labelledby="error-summary-title" className="rounded-lg border-2 border-red-700 bg-red-50 p-4 sm:p-6">
      <h2 id="error-summary-title" className="text-lg font-semibold text-red-900">
        {t('form.errorSummary')}
      </h2>
      <p className="mt-1 text-red-900">{t('form.errorSummaryIntro')}</p>
      {formError ? <p className="mt-2 font-medium text-red-900">{formError}</p> : null}
      {entries.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {entries.map(([path, message]) => {
            const field = describeField(path, t);
            return (
              <li key={path}>
                <a
                  href={`#${fieldId(path)}`}
                  className="font-medium text-red-900 underline"
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(path);
                  }}
                >
                  {field ? `${field}: ${message}` : message}
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

type ConflictProps = { message: string; reloading: boolean; reloadFailed: boolean; onReload: () => void };

/**
 * Someone saved first. Nothing is overwritten: the monitor's input stays until they choose to
 * reload. `role="alert"` and the test id are scoped to this box (Next has its own alert region).
 */
export function ConflictMessage({ message, reloading, reloadFailed, onReload }: ConflictProps) {
  const { t } = useI18n();
  return (
    <div id="conflict-message" tabIndex={-1} role="alert" data-testid="conflict-message" className="rounded-lg border-2 border-amber-600 bg-amber-50 p-4 sm:p-6">
      <h2 className="text-lg font-semibold text-amber-950">{t('form.conflictHeading')}</h2>
      <p className="mt-2 text-amber-950">{message}</p>
      <p className="mt-2 text-amber-950">{t('form.conflictHelp')}</p>
      {reloadFailed ? <p className="mt-2 font-medium text-red-800">{t('form.conflictReloadFailed')}</p> : null}
      <button type="button" onClick={onReload} disabled={reloading} className={`${primaryButtonClass} mt-4`}>
        {reloading ? t('form.conflictReloading') : t('form.conflictReload')}
      </button>
    </div>
  );
}
