'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/routers';
import { formatMoment } from '@/common/i18n';
import { useI18n } from '@/app/i18n/client';
import { useTRPCClient } from '@/app/trpc';
import { dangerLinkButtonClass } from '@/app/ui/styles';
import { ItemEntry, ItemList } from '@/app/ui/item-list';
import { ActionAlert } from '../../_actions/action-alert';
import { problemOf, type ActionProblem } from '../../_actions/problem';

type Invitation = inferRouterOutputs<AppRouter>['admin']['invitations'][number];

/** Invitations nobody has answered yet: the person is not a member until they accept. */
export function PendingInvitations({ organizationId, invitations }: { organizationId: string; invitations: Invitation[] }) {
  const { locale, t } = useI18n();
  const client = useTRPCClient();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ActionProblem | null>(null);
  if (invitations.length === 0) return null;

  async function withdraw(invitationId: string) {
    setPending(true);
    setProblem(null);
    try {
      await client.admin.withdrawInvitation.mutate({ organizationId, invitationId });
      router.refresh();
    } catch (error) {
      setProblem(problemOf(error, t));
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="invitations-heading" className="mt-10 space-y-3">
      <h2 id="invitations-heading" className="text-xl font-semibold">
        {t('admin.invitations.heading')}
      </h2>
      <ActionAlert problem={problem} heading={t('admin.invitations.notWithdrawn')} />
      <ItemList>
        {invitations.map((invitation) => (
          <ItemEntry
            key={invitation.id}
            title={`${invitation.name} · ${invitation.email}`}
            details={t('admin.invitations.details', { role: t(`role.${invitation.role}`), date: formatMoment(new Date(invitation.expiresAt), locale) })}
          >
            <button type="button" disabled={pending} onClick={() => void withdraw(invitation.id)} className={dangerLinkButtonClass} aria-label={t('admin.invitations.withdrawNamed', { name: invitation.name })}>
              {t('admin.invitations.withdraw')}
            </button>
          </ItemEntry>
        ))}
      </ItemList>
    </section>
  );
}
