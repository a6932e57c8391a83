'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import { primaryButtonClass } from '@/app/ui/styles';
import { TextField } from '@/app/ui/text-field';

/**
 * Email and password. Every failure shows the same message, so the page never tells whether an
 * account exists or is locked.
 */
export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState<false | 'failed' | 'deactivated'>(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setFailed(false);
    try {
      const result = await signIn('credentials', {
        email: String(data.get('email') ?? ''),
        password: String(data.get('password') ?? ''),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full load, so nothing cached for a previous person on this computer survives.
        window.location.assign(callbackPath);
        return;
      }
      if (result?.error === 'AccountDeactivated') {
        setPending(false);
        setFailed('deactivated');
        return;
      }
    } catch {
      // A network failure reads the same as a refusal.
    }
    setPending(false);
    setFailed('failed');
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div role="alert" className={failed ? 'rounded-md border border-red-700 bg-red-50 p-3 text-red-900' : ''}>
        {failed ? <p id="sign-in-error">{t(failed === 'deactivated' ? 'signIn.deactivated' : 'signIn.failed')}</p> : null}
      </div>
      <TextField id="email" name="email" type="email" autoComplete="username" required label={t('signIn.email')} describedBy={failed ? 'sign-in-error' : undefined} />
      <TextField id="password" name="password" type="password" autoComplete="current-password" required label={t('signIn.password')} describedBy={failed ? 'sign-in-error' : undefined} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} w-full`}>
        {pending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
