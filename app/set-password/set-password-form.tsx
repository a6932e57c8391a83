'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { sayError, sayFieldErrors } from '@/common/i18n/problems';
import { useI18n } from '@/app/i18n/client';
import { translatedPasswordProblem } from '@/app/ui/password-problem';
import { useTRPC } from '@/app/trpc';
import { NewPasswordFields, checkNewPassword, type NewPasswordErrors } from '@/app/ui/new-password-fields';
import { linkClass, primaryButtonClass } from '@/app/ui/styles';

/**
 * The token comes after `#` in the link, so the browser never sends it in a request line, a log or
 * a Referer; it is read here, then taken out of the address bar and the history entry.
 */
export function SetPasswordForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [errors, setErrors] = useState<NewPasswordErrors>({});
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
    const checked = checkNewPassword(new FormData(event.currentTarget), t);
    if ('errors' in checked) return setErrors(checked.errors);
    const { password } = checked;
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
      <NewPasswordFields errors={errors} t={t} />
      <button type="submit" disabled={setPassword.isPending} className={`${primaryButtonClass} w-full`}>
        {setPassword.isPending ? t('account.setPassword.submitting') : t('account.setPassword.submit')}
      </button>
    </form>
  );
}
