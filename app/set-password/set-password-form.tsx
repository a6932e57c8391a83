'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { sayError, sayFieldErrors } from '@/common/i18n/problems';
import { newPasswordInput } from '@/common/inputs/admin';
import { sayIssue } from '@/common/inputs/problems';
import { useI18n } from '@/app/i18n/client';
import { translatedPasswordProblem } from '@/app/ui/password-problem';
import { useTRPC } from '@/app/trpc';
import { errorClass, hintClass, inputClass, labelClass, linkClass, primaryButtonClass } from '@/app/ui/styles';

/**
 * The token comes after `#` in the link, so the browser never sends it in a request line, a log or
 * a Referer; it is read here, then taken out of the address bar and the history entry.
 */
export function SetPasswordForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [errors, setErrors] = useState<{ password?: string; repeat?: string; form?: string }>({});
  const [doneFor, setDoneFor] = useState<string | null>(null);
  const setPassword = useMutation(trpc.account.setPasswordWithLink.mutationOptions());
  const done = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const fromHash = window.location.hash.slice(1);
    // Read once, on arrival: the server never sees the fragment, so the first render cannot know it.
    setToken(fromHash || null);
    if (fromHash) window.history.replaceState(null, '', window.location.pathname);
  }, []);

  useEffect(() => {
    if (doneFor) done.current?.focus();
  }, [doneFor]);

  if (token === undefined) return null;
  if (token === null) return <p className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">{t('account.setPassword.noToken')}</p>;
  if (doneFor) {
    return (
      <div role="status">
        <p ref={done} tabIndex={-1} className="rounded-md border border-green-700 bg-green-50 p-3 text-green-950">
          {t('account.setPassword.done', { email: doneFor })}
        </p>
        <p className="mt-4">
          <Link href="/sign-in" className={linkClass}>
            {t('account.setPassword.signIn')}
          </Link>
        </p>
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (setPassword.isPending || !token) return;
    const data = new FormData(event.currentTarget);
    const password = String(data.get('password') ?? '');
    const checked = newPasswordInput.safeParse(password);
    if (!checked.success) return setErrors({ password: sayIssue(t, checked.error.issues[0]!) });
    if (password !== String(data.get('repeat') ?? '')) return setErrors({ repeat: t('account.setPassword.mismatch') });
    setErrors({});
    setPassword.mutate(
      { token, password },
      {
        onSuccess: ({ email }) => setDoneFor(email),
        onError: (error) => setErrors(error.data?.fieldErrors?.password ? { password: translatedPasswordProblem(sayFieldErrors(t, error.data).password!, t) } : { form: error.data ? sayError(t, error.data, error.message) : t('error.body') }),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div role="alert">{errors.form ? <p className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">{errors.form}</p> : null}</div>
      <div>
        <label htmlFor="password" className={labelClass}>
          {t('account.setPassword.password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          maxLength={200}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={['password-hint', errors.password ? 'password-error' : null].filter(Boolean).join(' ')}
          className={`${inputClass} mt-1`}
        />
        <p id="password-hint" className={hintClass}>
          {t('account.setPassword.hint')}
        </p>
        {errors.password ? (
          <p id="password-error" className={errorClass}>
            {errors.password}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="repeat" className={labelClass}>
          {t('account.setPassword.repeat')}
        </label>
        <input
          id="repeat"
          name="repeat"
          type="password"
          autoComplete="new-password"
          maxLength={200}
          aria-invalid={errors.repeat ? true : undefined}
          aria-describedby={errors.repeat ? 'repeat-error' : undefined}
          className={`${inputClass} mt-1`}
        />
        {errors.repeat ? (
          <p id="repeat-error" className={errorClass}>
            {errors.repeat}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={setPassword.isPending} className={`${primaryButtonClass} w-full`}>
        {setPassword.isPending ? t('account.setPassword.submitting') : t('account.setPassword.submit')}
      </button>
    </form>
  );
}
