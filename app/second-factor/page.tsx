import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ConfirmPassword } from '@/app/(workspace)/account/confirm-password';
import { SignOutButton } from '@/app/(workspace)/sign-out-button';
import { getI18n } from '@/app/i18n/server';
import { SignedOutHeader } from '@/app/ui/signed-out-page';
import { getServerCaller } from '@/server/caller';
import { Enrolment } from './enrolment';
import { SecondFactorStep } from './second-factor-step';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('factor.meta'), robots: { index: false, follow: false } };
}

/**
 * Where a session goes that owes something after the password (server/auth/factors/gate.ts): the
 * second factor, or, when the organization requires one and the person has none, its enrolment.
 * Nothing else of the workspace answers such a session.
 */
export default async function SecondFactorPage() {
  const { t } = await getI18n();
  const status = await (await getServerCaller()).factor.status().catch(() => null);
  if (!status) redirect('/sign-in');
  if (!status.gate) redirect('/');
  return (
    <>
      <SignedOutHeader t={t} actions={<SignOutButton />} />
      <main id="main" className="mx-auto max-w-xl px-4 py-12">
        <div className="space-y-4 rounded-lg border border-slate-300 bg-white p-6 shadow-sm sm:p-8">
          {status.gate === 'second_factor' ? (
            <>
              <h1 className="text-2xl font-semibold">{t('factor.prove.heading')}</h1>
              <p className="text-slate-700">{t('factor.prove.intro')}</p>
              <SecondFactorStep hasPasskeys={status.passkey} hasTotp={status.totp} />
            </>
          ) : (
            <>
              <h1 className="text-2xl font-semibold">{t('factor.enrol.heading')}</h1>
              <p className="text-slate-700">{t('factor.enrol.intro')}</p>
              {status.passwordFresh ? null : (
                <section aria-labelledby="enrol-confirm" className="space-y-2">
                  <h2 id="enrol-confirm" className="text-lg font-semibold">
                    {t('account.confirm.heading')}
                  </h2>
                  <p className="text-slate-700">{t('factor.enrol.confirmFirst')}</p>
                  <ConfirmPassword />
                </section>
              )}
              <Enrolment />
            </>
          )}
        </div>
      </main>
    </>
  );
}
