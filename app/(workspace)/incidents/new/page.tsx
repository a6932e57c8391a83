import type { Metadata } from 'next';
import { getI18n } from '@/app/i18n/server';
import { requireViewer } from '../../session';
import { IncidentForm } from '../_form/incident-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('meta.newIncident') };
}

export default async function NewIncidentPage() {
  const { caller, viewer } = await requireViewer();
  const [{ t }, terms, regions] = await Promise.all([getI18n(), caller.vocabulary.all(), caller.incident.regions({})]);
  const memberships = viewer.memberships.map(({ organizationId, organizationName }) => ({ organizationId, organizationName }));
  return (
    <>
      <h1 className="mb-6 text-3xl font-semibold">{t('form.headingNew')}</h1>
      <IncidentForm mode="create" memberships={memberships} terms={terms} regions={regions} />
    </>
  );
}
