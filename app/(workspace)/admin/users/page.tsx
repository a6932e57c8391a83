import type { Metadata } from 'next';
import { roleEnum, secondFactorPolicyEnum } from '@/db/schema';
import { getI18n } from '@/app/i18n/server';
import { inputClass, labelClass, secondaryButtonClass } from '@/app/ui/styles';
import { requireAdmin } from '../require-admin';
import { CreateUserForm } from './create-user-form';
import { MembersTable } from './members-table';
import { PendingInvitations } from './pending-invitations';
import { SecondFactorRules } from './second-factor-rules';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('admin.meta.users') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The people of one organization the viewer administers (chosen with ?org= when they administer several). */
export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const { caller, viewer, administered } = await requireAdmin();
  const { t } = await getI18n();
  const requested = (await searchParams).org;
  const current = administered.find((m) => m.organizationId === requested) ?? administered[0]!;
  const { organization, members } = await caller.admin.members({ organizationId: current.organizationId });
  const invitations = await caller.admin.invitations({ organizationId: current.organizationId });
  const policy = await caller.admin.secondFactorPolicy({ organizationId: current.organizationId });

  return (
    <>
      <h1 className="text-3xl font-semibold">{t('admin.users.heading')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('admin.users.intro', { organization: organization.name })}</p>

      {administered.length > 1 ? (
        <form method="get" action="/admin/users" className="mt-4 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="admin-org" className={labelClass}>
              {t('admin.org.label')}
            </label>
            <select id="admin-org" name="org" defaultValue={organization.id} className={`${inputClass} mt-1`}>
              {administered.map((m) => (
                <option key={m.organizationId} value={m.organizationId}>
                  {m.organizationName}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={secondaryButtonClass}>
            {t('admin.org.show')}
          </button>
        </form>
      ) : null}

      <MembersTable
        organization={organization}
        viewerId={viewer.id}
        roles={roleEnum.enumValues}
        members={members.map((m) => ({ ...m, linkExpiresAt: m.linkExpiresAt ? m.linkExpiresAt.toISOString() : null }))}
      />
      <PendingInvitations organizationId={organization.id} invitations={invitations} />
      <CreateUserForm organization={organization} roles={roleEnum.enumValues} />
      <SecondFactorRules
        organization={organization}
        policy={policy}
        policies={secondFactorPolicyEnum.enumValues}
        members={members.filter((m) => m.active && m.userId !== viewer.id).map((m) => ({ userId: m.userId, name: m.name }))}
      />
    </>
  );
}
