import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { SignedOutCard } from '@/app/ui/signed-out-page';
import { SetPasswordForm } from './set-password-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('account.setPassword.meta'), robots: { index: false, follow: false } };
}

/** Where a one-time link from an admin leads: the person chooses their password, signed out. */
export default async function SetPasswordPage() {
  const { t } = await getI18n();
  return (
    <SignedOutCard t={t} heading={t('account.setPassword.heading')} intro={t('account.setPassword.intro')}>
      <div className="mt-6">
        <SetPasswordForm />
      </div>
    </SignedOutCard>
  );
}
