import type { Metadata } from 'next';
import { LanguageSwitcher } from '@/app/i18n/language-switcher';
import { getI18n } from '@/app/i18n/server';
import { InvitationAnswer } from './invitation-answer';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('invitation.meta'), robots: { index: false, follow: false } };
}

/** Where an organization's invitation link leads: a new person chooses a password; someone with an account accepts, signed in. */
export default async function InvitationPage() {
  const { t } = await getI18n();
  return (
    <>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-lg font-semibold">{t('app.name')}</p>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-md px-4 py-12">
        <div className="rounded-lg border border-slate-300 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-2xl font-semibold">{t('invitation.heading')}</h1>
          <div className="mt-6">
            <InvitationAnswer />
          </div>
        </div>
      </main>
    </>
  );
}
