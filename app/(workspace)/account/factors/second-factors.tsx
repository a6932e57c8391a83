'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useI18n } from '@/app/i18n/client';
import { formatMoment } from '@/common/i18n';
import { useTRPCClient } from '@/app/trpc';
import { dangerLinkButtonClass, secondaryButtonClass } from '@/app/ui/styles';
import { ActionAlert, ActionStatus } from '../../_actions/action-alert';
import { PasskeySetup } from './passkey-setup';
import { RecoveryCodes } from './recovery-codes';
import { TotpSetup } from './totp-setup';
import { useAction } from './use-action';

type Status = {
  required: boolean;
  totp: boolean;
  passkeys: { id: string; label: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodesLeft: number;
};

/** The account page's second factors: what is set up, adding a passkey or an app, removing them, new recovery codes. */
export function SecondFactors({ status }: { status: Status }) {
  const { t, locale } = useI18n();
  const client = useTRPCClient();
  const router = useRouter();
  const { pending, problem, run } = useAction();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const date = (value: Date) => formatMoment(new Date(value), locale);

  function added(recoveryCodes: string[] | null) {
    if (recoveryCodes) setCodes(recoveryCodes);
    setDone(t('account.factors.added'));
    router.refresh();
  }
  async function change(work: () => Promise<unknown>) {
    setDone(null);
    if ((await run(work)) !== undefined) {
      setDone(t('account.factors.changed'));
      router.refresh();
    }
  }

  if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  return (
    <div className="space-y-4">
      <ActionAlert problem={problem} heading={t('account.factors.failed')} />
      <ActionStatus message={done} />
      {status.required ? <p className="font-medium">{t('account.factors.required')}</p> : null}
      <h3 className="text-lg font-semibold">{t('account.factors.passkeys')}</h3>
      {status.passkeys.length === 0 ? <p>{t('account.factors.noPasskeys')}</p> : null}
      <ul className="space-y-2">
        {status.passkeys.map((key) => (
          <li key={key.id} className="flex flex-wrap items-center gap-3 rounded border border-slate-300 bg-white p-3">
            <span className="font-medium">{key.label}</span>
            <span className="text-sm text-slate-700">
              {t('account.factors.passkeyDetails', { added: date(key.createdAt), used: key.lastUsedAt ? date(key.lastUsedAt) : t('account.factors.never') })}
            </span>
            <button type="button" disabled={pending} className={dangerLinkButtonClass} onClick={() => void change(() => client.factor.removePasskey.mutate({ passkeyId: key.id }))}>
              {t('account.factors.removePasskey', { name: key.label })}
            </button>
          </li>
        ))}
      </ul>
      <PasskeySetup onAdded={added} />
      <h3 className="text-lg font-semibold">{t('account.factors.app')}</h3>
      {status.totp ? (
        <p className="flex flex-wrap items-center gap-3">
          <span>{t('account.factors.totpOn')}</span>
          <button type="button" disabled={pending} className={dangerLinkButtonClass} onClick={() => void change(() => client.factor.removeTotp.mutate())}>
            {t('account.factors.removeTotp')}
          </button>
        </p>
      ) : (
        <TotpSetup onAdded={added} />
      )}
      {status.totp || status.passkeys.length > 0 ? (
        <>
          <h3 className="text-lg font-semibold">{t('factor.codes.heading')}</h3>
          <p>{t('account.factors.codesLeft', { count: String(status.recoveryCodesLeft) })}</p>
          <button
            type="button"
            disabled={pending}
            className={secondaryButtonClass}
            onClick={() => void run(() => client.factor.replaceRecoveryCodes.mutate()).then((answer) => answer && setCodes(answer.recoveryCodes))}
          >
            {t('account.factors.replaceCodes')}
          </button>
          <p className="text-sm text-slate-700">{t('account.factors.removeHint')}</p>
        </>
      ) : null}
    </div>
  );
}
