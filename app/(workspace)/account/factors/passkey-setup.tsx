'use client';

import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { inputClass, labelClass, secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert } from '../../_actions/action-alert';
import { useAction } from './use-action';

/** Adding a passkey: the browser makes a key pair on this device (or a security key); the server keeps the public half. */
export function PasskeySetup({ onAdded }: { onAdded: (recoveryCodes: string[] | null) => void }) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const { pending, problem, setProblem, run } = useAction();
  const [label, setLabel] = useState('');

  async function add() {
    if (!browserSupportsWebAuthn()) {
      setProblem({ message: t('factor.passkey.unsupported'), fieldErrors: {} });
      return;
    }
    const answer = await run(async () => {
      const optionsJSON = await client.factor.passkeyRegistrationOptions.mutate();
      const response = await startRegistration({ optionsJSON });
      return client.factor.registerPasskey.mutate({ response, label: label.trim() || undefined });
    });
    if (answer) onAdded(answer.recoveryCodes);
  }

  return (
    <div className="max-w-md space-y-3">
      <ActionAlert problem={problem} heading={t('factor.passkey.failed')} />
      <div>
        <label htmlFor="passkey-label" className={labelClass}>
          {t('factor.passkey.label')}
        </label>
        <input id="passkey-label" value={label} onChange={(event) => setLabel(event.target.value)} maxLength={100} className={`${inputClass} mt-1`} />
      </div>
      <button type="button" disabled={pending} onClick={() => void add()} className={secondaryButtonClass}>
        {pending ? t('factor.passkey.adding') : t('factor.passkey.add')}
      </button>
    </div>
  );
}
