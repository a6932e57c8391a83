'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';

export function SignOutButton() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: '/sign-in' });
      }}
      className="rounded border border-slate-400 px-3 py-1 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
    >
      {pending ? t('header.signingOut') : t('header.signOut')}
    </button>
  );
}
