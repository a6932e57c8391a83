'use client';

import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { ActionStatus } from '../../_actions/action-alert';
import { ProveCode } from './prove-code';
import { ProvePasskey } from './prove-passkey';

/** Re-authentication with the second factor instead of the password (server/auth/require-recent-auth.ts). */
export function ConfirmWithFactor({ hasPasskeys, hasTotp }: { hasPasskeys: boolean; hasTotp: boolean }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const proved = () => setDone(true);
  return (
    <div className="space-y-3">
      <ActionStatus message={done ? t('account.confirm.done') : null} />
      {hasPasskeys ? <ProvePasskey label={t('account.confirm.withPasskey')} onProved={proved} /> : null}
      {hasTotp ? <ProveCode allowRecovery={false} onProved={proved} /> : null}
    </div>
  );
}
