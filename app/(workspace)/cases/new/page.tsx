import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { requireViewer } from '../../session';
import { CaseForm } from '../_parts/case-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('cases.meta.new') };
}

export default async function NewCasePage() {
  const { viewer } = await requireViewer();
  const { t } = await getI18n();
  const organizations = viewer.memberships.map((m) => ({ id: m.organizationId, name: m.organizationName }));
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold">{t('cases.meta.new')}</h1>
      <p className="text-slate-700">{t('cases.form.intro')}</p>
      {organizations.length ? <CaseForm mode="create" organizations={organizations} /> : <p>{t('header.noOrganization')}</p>}
    </div>
  );
}
