'use client';

import { ProveCode } from '@/app/(workspace)/account/factors/prove-code';
import { ProvePasskey } from '@/app/(workspace)/account/factors/prove-passkey';
import { useI18n } from '@/app/i18n/client';

/** After the password: a passkey first when the person has one, else (or as well) a code. A full load after, so nothing of the gated state is kept. */
export function SecondFactorStep({ hasPasskeys, hasTotp }: { hasPasskeys: boolean; hasTotp: boolean }) {
  const { t } = useI18n();
  const onProved = () => window.location.assign('/');
  return (
    <div className="space-y-6">
      {hasPasskeys ? <ProvePasskey label={t('factor.prove.passkey')} onProved={onProved} /> : null}
      {hasTotp ? <ProveCode allowRecovery onProved={onProved} /> : <ProveRecoveryOnly onProved={onProved} />}
    </div>
  );
}

/** Someone with passkeys only still has recovery codes, for the day the passkey is gone. */
function ProveRecoveryOnly({ onProved }: { onProved: () => void }) {
  const { t } = useI18n();
  return (
    <details>
      <summary className="cursor-pointer font-medium text-blue-800 underline">{t('factor.prove.useRecovery')}</summary>
      <div className="mt-3">
        <ProveCode allowRecovery={false} onProved={onProved} recoveryOnly />
      </div>
    </details>
  );
}
