'use client';

import { startAuthentication } from '@simplewebauthn/browser';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert } from '../../_actions/action-alert';
import { useAction } from './use-action';

/** "Use a passkey": at sign-in after the password, or to confirm it is you on the account page. */
export function ProvePasskey({ label, onProved }: { label: string; onProved: () => void }) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const { pending, problem, run } = useAction();

  async function prove() {
    const answer = await run(async () => {
      const optionsJSON = await client.factor.passkeyOptions.mutate();
      const response = await startAuthentication({ optionsJSON });
      return client.factor.prove.mutate({ method: 'passkey', response });
    });
    if (answer) onProved();
  }

  return (
    <div className="space-y-2">
      <ActionAlert problem={problem} heading={t('factor.prove.failed')} />
      <button type="button" disabled={pending} onClick={() => void prove()} className={secondaryButtonClass}>
        {label}
      </button>
    </div>
  );
}
