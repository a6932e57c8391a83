'use client';

import { useState, type FormEvent } from 'react';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { primaryButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { TextField } from '@/app/ui/text-field';
import { ActionAlert } from '../../_actions/action-alert';
import { useAction } from './use-action';

type Started = { secret: string; qrSvg: string };

/** Setting up an authenticator app: a QR code (and the key to type), then one code from the app to confirm. */
export function TotpSetup({ onAdded }: { onAdded: (recoveryCodes: string[] | null) => void }) {
  const { t } = useI18n();
  const client = useTRPCClient();
  const { pending, problem, run } = useAction();
  const [started, setStarted] = useState<Started | null>(null);

  async function start() {
    const answer = await run(() => client.factor.startTotp.mutate());
    if (answer) setStarted(answer);
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '');
    const answer = await run(() => client.factor.confirmTotp.mutate({ code }));
    if (answer) onAdded(answer.recoveryCodes);
  }

  if (!started) {
    return (
      <div className="space-y-2">
        <ActionAlert problem={problem} heading={t('factor.totp.failed')} />
        <button type="button" disabled={pending} onClick={() => void start()} className={secondaryButtonClass}>
          {t('factor.totp.start')}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={(event) => void confirm(event)} className="max-w-md space-y-3">
      <ActionAlert problem={problem} heading={t('factor.totp.failed')} />
      <p>{t('factor.totp.scan')}</p>
      {/* The SVG is drawn on the server by the qrcode library from the otpauth address: no markup of anyone's. */}
      <div className="h-48 w-48 border border-slate-300 bg-white" dangerouslySetInnerHTML={{ __html: started.qrSvg }} />
      <p>
        <span className="font-medium">{t('factor.totp.key')}: </span>
        <code data-testid="totp-secret" className="break-all rounded bg-slate-100 px-1">
          {started.secret}
        </code>
      </p>
      <TextField id="totp-setup-code" name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={7} label={t('factor.totp.code')} />
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {t('factor.totp.confirm')}
      </button>
    </form>
  );
}
