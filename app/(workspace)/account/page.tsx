import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getI18n } from '@/app/i18n/server';
import { requireViewer } from '../session';
import { ConfirmPassword } from './confirm-password';
import { ConfirmWithFactor } from './factors/confirm-with-factor';
import { SecondFactors } from './factors/second-factors';
import { SessionList } from './session-list';
import { PageSection } from '@/app/ui/page-section';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('account.meta') };
}

/** The signed-in person's account: where they are signed in, with "sign out this device" and "everywhere". */
export default async function AccountPage() {
  const { caller, viewer } = await requireViewer();
  const { t } = await getI18n();
  const [sessions, factors] = await Promise.all([caller.session.list(), caller.factor.status()]);
  // The workspace layout lets no gated session in; the full status is a complete session's.
  if (factors.gate) redirect('/second-factor');
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-semibold">{t('account.heading')}</h1>
        <p className="mt-2 text-slate-700">{viewer.email}</p>
      </header>
      <PageSection id="sessions-heading" heading={t('account.sessions.heading')}>
        <p className="text-slate-700">{t('account.sessions.intro')}</p>
        <SessionList sessions={sessions} />
      </PageSection>
      <PageSection id="confirm-heading" heading={t('account.confirm.heading')}>
        <p className="text-slate-700">{t('account.confirm.intro')}</p>
        <ConfirmPassword />
        {factors.totp || factors.passkeys.length > 0 ? (
          <>
            <p className="text-slate-700">{t('account.confirm.factorIntro')}</p>
            <ConfirmWithFactor hasPasskeys={factors.passkeys.length > 0} hasTotp={factors.totp} />
          </>
        ) : null}
      </PageSection>
      <PageSection id="factors-heading" heading={t('account.factors.heading')}>
        <p className="text-slate-700">{t('account.factors.intro')}</p>
        <SecondFactors status={factors} />
      </PageSection>
    </div>
  );
}
