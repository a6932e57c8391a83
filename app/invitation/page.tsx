import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { SignedOutCard } from '@/app/ui/signed-out-page';
import { InvitationAnswer } from './invitation-answer';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('invitation.meta'), robots: { index: false, follow: false } };
}

/** Where an organization's invitation link leads: a new person chooses a password; someone with an account accepts, signed in. */
export default async function InvitationPage() {
  const { t } = await getI18n();
  return (
    <SignedOutCard t={t} heading={t('invitation.heading')}>
      <div className="mt-6">
        <InvitationAnswer />
      </div>
    </SignedOutCard>
  );
}
