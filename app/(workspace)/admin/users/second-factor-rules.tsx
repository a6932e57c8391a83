'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { SecondFactorPolicy } from '@/db/schema';
import { useI18n } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc';
import { inputClass, labelClass, secondaryButtonClass } from '@/app/ui/styles';
import { ConfirmDialog } from './confirm-dialog';
import { useNotice } from './notice';

type Member = { userId: string; name: string };

/**
 * The organization's second-factor rule, and the reset of a member's factors (a lost phone and no
 * recovery code left). The reset asks for re-authentication on the server; its refusal says where.
 */
export function SecondFactorRules({ organization, policy, policies, members }: { organization: { id: string; name: string }; policy: SecondFactorPolicy; policies: readonly SecondFactorPolicy[]; members: Member[] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const notice = useNotice();
  const [resetting, setResetting] = useState<Member | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setPolicy = useMutation(trpc.admin.setSecondFactorPolicy.mutationOptions());
  const reset = useMutation(trpc.admin.resetFactors.mutationOptions());

  function savePolicy(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = String(new FormData(event.currentTarget).get('policy')) as SecondFactorPolicy;
    setPolicy.mutate({ organizationId: organization.id, policy: chosen }, { onSuccess: () => (notice.show(t('admin.factors.saved')), router.refresh()), onError: (e) => notice.show(e.message) });
  }
  function askReset(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const userId = String(new FormData(event.currentTarget).get('member'));
    setError(null);
    setResetting(members.find((m) => m.userId === userId) ?? null);
  }

  return (
    <section aria-labelledby="second-factor-heading" className="mt-8 space-y-4">
      <h2 id="second-factor-heading" className="text-xl font-semibold">
        {t('admin.factors.heading')}
      </h2>
      {notice.element}
      <p className="max-w-3xl text-slate-700">{t('admin.factors.intro', { organization: organization.name })}</p>
      <form onSubmit={savePolicy} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="second-factor-policy" className={labelClass}>
            {t('admin.factors.label')}
          </label>
          <select id="second-factor-policy" name="policy" defaultValue={policy} className={`${inputClass} mt-1`}>
            {policies.map((value) => (
              <option key={value} value={value}>
                {t(`admin.factors.policy.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={setPolicy.isPending} className={secondaryButtonClass}>
          {t('admin.factors.save')}
        </button>
      </form>
      <form onSubmit={askReset} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="reset-factors-member" className={labelClass}>
            {t('admin.resetFactors.member')}
          </label>
          <select id="reset-factors-member" name="member" className={`${inputClass} mt-1`}>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t('admin.action.resetFactors')}
        </button>
      </form>
      {resetting ? (
        <ConfirmDialog
          title={t('admin.action.resetFactors')}
          body={t('admin.resetFactors.confirm', { name: resetting.name })}
          confirmLabel={t('admin.action.resetFactors')}
          working={reset.isPending}
          error={error}
          onConfirm={() =>
            reset.mutate(
              { organizationId: organization.id, userId: resetting.userId },
              { onSuccess: () => (setResetting(null), notice.show(t('admin.resetFactors.done', { name: resetting.name }))), onError: (e) => setError(e.message) },
            )
          }
          onClose={() => setResetting(null)}
        />
      ) : null}
    </section>
  );
}
