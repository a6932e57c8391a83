'use client';

import { useState } from 'react';
import { PasskeySetup } from '@/app/(workspace)/account/factors/passkey-setup';
import { RecoveryCodes } from '@/app/(workspace)/account/factors/recovery-codes';
import { TotpSetup } from '@/app/(workspace)/account/factors/totp-setup';
import { useI18n } from '@/app/i18n/client';

/** The enrolment an organization requires: a passkey (first choice) or an authenticator app, then the recovery codes. */
export function Enrolment() {
  const { t } = useI18n();
  const [codes, setCodes] = useState<string[] | null>(null);
  const enter = () => window.location.assign('/');
  const added = (recoveryCodes: string[] | null) => (recoveryCodes ? setCodes(recoveryCodes) : enter());
  if (codes) return <RecoveryCodes codes={codes} onDone={enter} />;
  return (
    <div className="space-y-6">
      <section aria-labelledby="enrol-passkey" className="space-y-2">
        <h2 id="enrol-passkey" className="text-lg font-semibold">{t('factor.enrol.passkey')}</h2>
        <PasskeySetup onAdded={added} />
      </section>
      <section aria-labelledby="enrol-totp" className="space-y-2">
        <h2 id="enrol-totp" className="text-lg font-semibold">{t('factor.enrol.totp')}</h2>
        <TotpSetup onAdded={added} />
      </section>
    </div>
  );
}
