'use client';

import { useState, type FormEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { inputClass, labelClass, linkClass, primaryButtonClass } from '@/app/ui/styles';
import { ActionAlert } from '../../_actions/action-alert';
import { useAction } from './use-action';

/** A code from the authenticator app, or (after "use a recovery code instead") one of the recovery codes. */
export function ProveCode({ allowRecovery, onProved, recoveryOnly = false }: { allowRecovery: boolean; onProved: () => void; recoveryOnly?: boolean }) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const { pending, problem, run } = useAction();
  const [method, setMethod] = useState<'totp' | 'recovery_code'>(recoveryOnly ? 'recovery_code' : 'totp');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const code = String(new FormData(form).get('code') ?? '');
    const answer = await run(() => client.factor.prove.mutate({ method, code }));
    if (answer) onProved();
    else form.reset();
  }

  const label = method === 'totp' ? t('factor.prove.code') : t('factor.prove.recovery');
  return (
    <form onSubmit={(event) => void onSubmit(event)} className="max-w-md space-y-3">
      <ActionAlert problem={problem} heading={t('factor.prove.failed')} />
      <div>
        <label htmlFor="second-factor-code" className={labelClass}>
          {label}
        </label>
        <input
          key={method}
          id="second-factor-code"
          name="code"
          required
          autoComplete="one-time-code"
          inputMode={method === 'totp' ? 'numeric' : 'text'}
          maxLength={40}
          className={`${inputClass} mt-1`}
        />
      </div>
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {t('factor.prove.submit')}
      </button>
      {allowRecovery ? (
        <p>
          <button type="button" className={linkClass} onClick={() => setMethod(method === 'totp' ? 'recovery_code' : 'totp')}>
            {method === 'totp' ? t('factor.prove.useRecovery') : t('factor.prove.useApp')}
          </button>
        </p>
      ) : null}
    </form>
  );
}
