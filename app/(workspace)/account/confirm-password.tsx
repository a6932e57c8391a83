'use client';

import { useState, type FormEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { primaryButtonClass } from '@/app/ui/styles';
import { TextField } from '@/app/ui/text-field';
import { ActionAlert } from '../_actions/action-alert';
import { problemOf, type ActionProblem } from '../_actions/problem';

/** Re-authentication for this session (server/auth/require-recent-auth.ts): the password again. */
export function ConfirmPassword() {
  const { t } = useI18n();
  const client = useTRPCClient();
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    setProblem(null);
    setDone(false);
    try {
      await client.session.confirmPassword.mutate({ password: String(new FormData(form).get('password') ?? '') });
      setDone(true);
      form.reset();
    } catch (error) {
      setProblem(problemOf(error, t));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="max-w-md space-y-3">
      <ActionAlert problem={problem} heading={t('account.confirm.failed')} />
      <p role="status">{done ? t('account.confirm.done') : ''}</p>
      <TextField id="confirm-password" name="password" type="password" autoComplete="current-password" required maxLength={1000} label={t('account.confirm.password')} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {t('account.confirm.submit')}
      </button>
    </form>
  );
}
