import type { ReactNode } from 'react';
import { LanguageSwitcher } from '@/app/i18n/language-switcher';
import type { Translate } from '@/common/i18n';

/**
 * The pages a person sees before the workspace lets them in (sign in, second factor, set password,
 * invitation): a bare header with only the product and the language, and one card.
 */

/** The bare header; `actions` go beside the language (sign out, where a session already exists). */
export function SignedOutHeader({ t, actions }: { t: Translate; actions?: ReactNode }) {
  return (
    <header className="bg-slate-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <p className="text-lg font-semibold">{t('app.name')}</p>
        {actions ? (
          <div className="flex items-center gap-3">
            <LanguageSwitcher />
            {actions}
          </div>
        ) : (
          <LanguageSwitcher />
        )}
      </div>
    </header>
  );
}

/** Header, then one narrow card with the heading, an optional introduction and the form; `after` goes below the card. */
export function SignedOutCard({ t, heading, intro, children, after }: { t: Translate; heading: string; intro?: string; children: ReactNode; after?: ReactNode }) {
  return (
    <>
      <SignedOutHeader t={t} />
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        <div className="rounded-lg border border-slate-300 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-2xl font-semibold">{heading}</h1>
          {intro ? <p className="mt-2 text-slate-700">{intro}</p> : null}
          {children}
        </div>
        {after}
      </main>
    </>
  );
}
