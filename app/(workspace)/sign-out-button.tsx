'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { eraseAllDrafts } from './_drafts/sealed-storage';

export function SignOutButton() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // Unreadable without the session's key anyway; erased so nothing of them stays behind.
        eraseAllDrafts();
        void signOut({ callbackUrl: '/sign-in' });
      }}
      className="rounded border border-slate-400 px-3 py-1 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
    >
      {pending ? t('header.signingOut') : t('header.signOut')}
    </button>
  );
}
