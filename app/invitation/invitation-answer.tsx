'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useState, type FormEvent } from 'react';
import { sayError, sayFieldErrors, type ProblemData } from '@/common/i18n/problems';
import { useI18n } from '@/app/i18n/client';
import { translatedPasswordProblem } from '@/app/ui/password-problem';
import { useTRPC } from '@/app/trpc';
import { NewPasswordFields, checkNewPassword, type NewPasswordErrors } from '@/app/ui/new-password-fields';
import { linkClass, primaryButtonClass } from '@/app/ui/styles';

/** Kept for this tab only, so that the link still works after a detour through the sign-in page. */
const storageKey = 'hrd.invitation';

/**
 * The token comes after `#` (never in a request line, a log or a Referer). Signed in as the invited
 * email: accept. Otherwise: choose a password for a new account, or sign in first to accept with an
 * existing one; both are offered alike, since the page cannot and must not know which applies.
 */
export function InvitationAnswer() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const [done, setDone] = useState<'joined' | 'accepted' | null>(null);

  useEffect(() => {
    const fromHash = window.location.hash.slice(1);
    if (fromHash) {
      window.sessionStorage.setItem(storageKey, fromHash);
      window.history.replaceState(null, '', window.location.pathname);
    }
    // Read once, on arrival: the server never sees the fragment, so the first render cannot know it.
    setToken(fromHash || window.sessionStorage.getItem(storageKey) || null);
  }, []);

  const invitation = useQuery({ ...trpc.account.invitation.queryOptions({ token: token ?? '' }), enabled: Boolean(token) && !done, retry: false });
  const viewer = useQuery(trpc.viewer.me.queryOptions());
  const join = useMutation(trpc.account.joinWithInvitation.mutationOptions());
  const accept = useMutation(trpc.account.acceptInvitation.mutationOptions());
  const finish = (how: 'joined' | 'accepted') => {
    window.sessionStorage.removeItem(storageKey);
    setDone(how);
  };
  const failed = (error: { message: string; data?: ProblemData | null }) =>
    setErrors(error.data?.fieldErrors?.password ? { password: translatedPasswordProblem(sayFieldErrors(t, error.data).password!, t) } : { form: error.data ? sayError(t, error.data, error.message) : t('error.body') });

  if (token === undefined) return null;
  if (done === 'joined') return <Done text={t('invitation.joined')} href="/sign-in" link={t('account.setPassword.signIn')} />;
  if (done === 'accepted') return <Done text={t('invitation.accepted')} href="/incidents" link={t('invitation.open')} />;
  if (token === null || invitation.isError) return <p className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">{invitation.error?.message ?? t('invitation.noToken')}</p>;
  if (!invitation.data || viewer.isPending) return <p>{t('app.loading')}</p>;
  const { organizationName, email, role } = invitation.data;
  const intro = <p className="text-slate-700">{t('invitation.intro', { organization: organizationName, role: t(`role.${role}`), email })}</p>;
  const formError = <div role="alert">{errors.form ? <p className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">{errors.form}</p> : null}</div>;

  if (viewer.data) {
    return (
      <div className="space-y-4">
        {intro}
        {formError}
        {viewer.data.email === email ? (
          <button type="button" disabled={accept.isPending} onClick={() => accept.mutate({ token }, { onSuccess: () => finish('accepted'), onError: failed })} className={`${primaryButtonClass} w-full`}>
            {t('invitation.accept')}
          </button>
        ) : (
          <p>{t('invitation.otherAccount', { email })}</p>
        )}
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (join.isPending || !token) return;
    const checked = checkNewPassword(new FormData(event.currentTarget), t);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    join.mutate({ token, password: checked.password }, { onSuccess: () => finish('joined'), onError: failed });
  }

  return (
    <div className="space-y-5">
      {intro}
      <p>
        {t('invitation.haveAccount')}{' '}
        <Link href="/sign-in?callbackUrl=/invitation" className={linkClass}>
          {t('invitation.signInFirst')}
        </Link>
      </p>
      <form onSubmit={onSubmit} noValidate className="space-y-5">
        <h2 className="text-lg font-semibold">{t('invitation.newAccount')}</h2>
        {formError}
        <NewPasswordFields errors={errors} t={t} />
        <button type="submit" disabled={join.isPending} className={`${primaryButtonClass} w-full`}>
          {t('invitation.join')}
        </button>
      </form>
    </div>
  );
}

function Done({ text, href, link }: { text: string; href: string; link: string }) {
  return (
    <div role="status" className="space-y-4">
      <p className="rounded-md border border-green-700 bg-green-50 p-3 text-green-950">{text}</p>
      <p>
        <Link href={href} className={linkClass}>
          {link}
        </Link>
      </p>
    </div>
  );
}
